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
    "$FANZHA" ingest --db "$work/$name.db" --accounts "$work/$name/accounts.csv" \
      --transfers "$work/$name/transfers.csv" --labels "$work/$name/labels.csv" \
      --horizon 2030-01-01T00:00:00Z >/dev/null
  fi
}

# world_variants WORK PREFIX SCRIPT OPTION VARIANT...: every variant of a Python world (seed 1) as
# WORK/PREFIX-VARIANT and its store, through world_store
world_variants() {
  local work=$1 prefix=$2 script=$3 option=$4; shift 4
  for v in "$@"; do
    world_store "$work" "$prefix-$v" python3 "$script" --out "$work/$prefix-$v" --seed 1 "$option" "$v"
  done
}

# The worlds the shipped mule model trains on (bench/train_shipped.sh; the W1+W2+W3 recipe of
# bench/generalize.sh): W1 `fanzha gen` seed 11, and seed 1 of every variant of W2 and W3.
W2=(baseline rented_heavy fresh_heavy quiet_hours merchant_dense)
W3=(default slow_gangs shell_heavy students busy_city)
SHIPPED_WORLDS=(w1-11 "${W2[@]/#/w2-}" "${W3[@]/#/w3-}")

# shipped_worlds WORK: the stores of SHIPPED_WORLDS in WORK, through world_store
shipped_worlds() {
  world_store "$1" w1-11 "$FANZHA" gen --transfers 1000000 --seed 11 --out "$1/w1-11"
  world_variants "$1" w2 bench/worlds/china_world.py --regime "${W2[@]}"
  world_variants "$1" w3 bench/worlds3/city_world.py --variant "${W3[@]}"
}

# train_model WORK OUT NAME [NAME...] [-- LATE_NAME...]: `fanzha train` on the stores WORK/NAME.db
# (the first as --db, the rest as --also) and on late-start copies (after `--`, as
# --also-late-start), writing the model to OUT; uses $FANZHA
train_model() {
  local work=$1 out=$2 first=$3; shift 3
  local also=() flag=--also
  for d in "$@"; do
    if [ "$d" = -- ]; then flag=--also-late-start; else also+=("$flag" "$work/$d.db"); fi
  done
  "$FANZHA" train --db "$work/$first.db" "${also[@]}" --out "$out"
}
