# Shared by the bench/*.sh scripts (source it, do not run it): the generated data set and its fanzha
# store for a benchmark of N transfers.
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
