# Shared by the bench/*.sh scripts (source it, do not run it): the generated data set and its fanzha
# store for a benchmark of N transfers, the worlds of bench/generalize.sh and bench/train_shipped.sh,
# and training on them.
#
#   source bench/lib/data.sh
#   fanzha_data_and_store N DATA DB     # generate DATA (seed 1) and ingest it with labels into DB,
#                                       # each only if missing; uses $FANZHA and the caller's log()

fanzha_data_and_store() {
  local n=$1 data=$2 db=$3
  if [ ! -f "$data/transfers.csv" ]; then
    log "generating $data"
    "$FANZHA" gen --transfers "$n" --seed 1 --out "$data" >/dev/null
  fi
  if [ ! -f "$db/meta.json" ]; then
    log "ingesting into $db"
    "$FANZHA" ingest --db "$db" --accounts "$data/accounts.csv" --transfers "$data/transfers.csv" \
      --labels "$data/labels.csv" >/dev/null
  fi
}

# world_store WORK NAME COMMAND...: run COMMAND (which writes a world into WORK/NAME) and ingest its
# accounts, transfers and labels into WORK/NAME.db, once (skipped when the store exists); uses
# $FANZHA and the caller's log()
world_store() {
  local work=$1 name=$2; shift 2
  if [ ! -f "$work/$name.db/meta.json" ]; then
    log "generating $name"
    "$@" >/dev/null
    ingest_world "$work/$name" "$work/$name/labels.csv" "$work/$name.db"
  fi
}

# ingest_world DIR LABELS DB: a world's accounts and transfers in DIR, with the labels file LABELS,
# into the store DB (a horizon far enough for every world's times); uses $FANZHA
ingest_world() {
  # Exit status 3: some rows were rejected (each reported on stderr with file, line and reason) and
  # the rest stored. W35's labels name accounts that appear in no transfer of its data; that is the
  # world's, not a failure of the run.
  "$FANZHA" ingest --db "$3" --accounts "$1/accounts.csv" --transfers "$1/transfers.csv" --labels "$2" \
    --horizon 2030-01-01T00:00:00Z >/dev/null || [ $? -eq 3 ]
}

# truth_world_variants WORK PREFIX SCRIPT VARIANT...: every variant (seed 1, `--variant`) of a world
# that writes truth files, as WORK/PREFIX-VARIANT with them and its store WORK/PREFIX-VARIANT.db, once
# each
truth_world_variants() {
  local work=$1 prefix=$2 script=$3 name; shift 3
  for v in "$@"; do
    name=$prefix-$v
    if [ ! -f "$work/$name/truth.csv" ]; then # the same files as without --truth, and the truth
      log "generating $name with its truth files"
      python3 "$script" --out "$work/$name" --seed 1 --variant "$v" --truth >/dev/null
    fi
    [ -f "$work/$name.db/meta.json" ] || ingest_world "$work/$name" "$work/$name/labels.csv" "$work/$name.db"
  done
}

# truth_variants WORK PREFIX SCRIPT VARIANT...: the same, and the store WORK/t-PREFIX-VARIANT.db of
# the same data labelled from the truth (bench/lib/truth_labels.py: every mule, not only those the
# world's labels confirm), once each
truth_variants() {
  local work=$1 prefix=$2 script=$3 world; shift 3
  truth_world_variants "$work" "$prefix" "$script" "$@"
  for v in "$@"; do
    world=$work/$prefix-$v
    if [ ! -f "$work/t-$prefix-$v.db/meta.json" ]; then
      python3 bench/lib/truth_labels.py "$world" 2>/dev/null
      ingest_world "$world" "$world/truth_labels.csv" "$work/t-$prefix-$v.db"
    fi
  done
}

# world_variants WORK PREFIX SCRIPT OPTION VARIANT...: every variant of a Python world (seed 1) as
# WORK/PREFIX-VARIANT and its store, through world_store
world_variants() {
  local work=$1 prefix=$2 script=$3 option=$4; shift 4
  for v in "$@"; do
    world_store "$work" "$prefix-$v" python3 "$script" --out "$work/$prefix-$v" --seed 1 "$option" "$v"
  done
}

# The worlds the shipped mule model trains on (bench/train_shipped.sh; the "G" recipe of
# bench/generalize.sh, shipped by decision 15): every stage learns W1 `fanzha gen` seed 11 and seed 1
# of every variant of W2 and W3 (SHIPPED_WORLDS); the end-of-data stages also learn seed 1 of every
# variant of W6 and W7 and copies of W1, W2 baseline and W3 default whose data starts 45, 15 and 30
# days later (SHIPPED_END_ONLY; with SHIPPED_WORLDS, the "E" recipe shipped until then), and W8 to
# W12 labelled from their truth files (TRUTH_STORES: every mule, not only those the world's labels
# confirm).
W2=(baseline rented_heavy fresh_heavy quiet_hours merchant_dense)
W3=(default slow_gangs shell_heavy students busy_city)
W6=(baseline oldrent_slow hardneg_paofen)
W7=(baseline qr_paofen migrant_season)
W8=(baseline paofen_heavy herding_season)
W9=(baseline paofen_shops old_slow)
W10=(baseline slow_rented thin_supply)
W11=(baseline patchy_supply slow_camouflage)
W12=(baseline border_cash slow_rented_paofen)
SHIPPED_WORLDS=(w1-11 "${W2[@]/#/w2-}" "${W3[@]/#/w3-}")
SHIPPED_LATE=(w1-11:45 w2-baseline:15 w3-default:30)
SHIPPED_END_ONLY=("${W6[@]/#/w6-}" "${W7[@]/#/w7-}" late-w1-11 late-w2-baseline late-w3-default)
TRUTH_STORES=("${W8[@]/#/t-w8-}" "${W9[@]/#/t-w9-}" "${W10[@]/#/t-w10-}" "${W11[@]/#/t-w11-}"
  "${W12[@]/#/t-w12-}")

# shipped_worlds WORK: the stores of SHIPPED_WORLDS and SHIPPED_END_ONLY in WORK, through world_store
shipped_worlds() {
  world_store "$1" w1-11 "$FANZHA" gen --transfers 1000000 --seed 11 --out "$1/w1-11"
  world_variants "$1" w2 bench/worlds/china_world.py --regime "${W2[@]}"
  world_variants "$1" w3 bench/worlds3/city_world.py --variant "${W3[@]}"
  world_variants "$1" w6 bench/worlds6/beifang_world.py --variant "${W6[@]}"
  world_variants "$1" w7 bench/worlds7/huazhong_world.py --variant "${W7[@]}"
  late_copies "$1" "${SHIPPED_LATE[@]}"
}

# truth_worlds WORK: W8 to W12 with their truth files and stores, and TRUTH_STORES, through
# truth_variants
truth_worlds() {
  truth_variants "$1" w8 bench/worlds8/xibei_world.py "${W8[@]}"
  truth_variants "$1" w9 bench/worlds9/huadong_world.py "${W9[@]}"
  truth_variants "$1" w10 bench/worlds10/lingnan_world.py "${W10[@]}"
  truth_variants "$1" w11 bench/worlds11/jingjinji_world.py "${W11[@]}"
  truth_variants "$1" w12 bench/worlds12/xinan_world.py "${W12[@]}"
}

# late_copies WORK NAME:DAYS...: the store WORK/late-NAME of a copy of WORK/NAME whose data starts
# DAYS later (bench/lib/later_start.py), through world_store
late_copies() {
  local work=$1 spec; shift
  for spec in "$@"; do
    world_store "$work" "late-${spec%%:*}" python3 bench/lib/later_start.py "$work/${spec%%:*}" \
      "$work/late-${spec%%:*}" "${spec##*:}"
  done
}

# train_model WORK OUT NAME [NAME...] [-- END_ONLY_NAME...]: `fanzha train` on the stores
# WORK/NAME.db (the first as --db, the rest as --also) and on stores for the end-of-data stages
# only (after `--`, as --also-end-of-data), writing the model to OUT; uses $FANZHA
train_model() {
  local work=$1 out=$2 first=$3; shift 3
  local also=() flag=--also
  for d in "$@"; do
    if [ "$d" = -- ]; then flag=--also-end-of-data; else also+=("$flag" "$work/$d.db"); fi
  done
  "$FANZHA" train --db "$work/$first.db" "${also[@]}" --out "$out"
}
