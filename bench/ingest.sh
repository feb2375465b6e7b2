#!/usr/bin/env bash
# Ingest benchmark: fanzha's durable ingest vs PostgreSQL COPY of the same CSV, in one run.
#
#   bench/ingest.sh [TRANSFERS ...]      (default: 1000000 10000000)
#
# For each size it generates a scenario with `fanzha gen` (seeded), then
#   1. fanzha: `fanzha bench ingest` (CSV -> durable store, fsync per 50k-row commit) and
#      `fanzha bench load` (restart: replay the store and build the temporal graph), each in its own
#      process, reporting peak memory;
#   2. PostgreSQL 15: a fresh cluster on a unix socket (fsync and synchronous_commit on, defaults),
#      tables with a primary key on the id and indexes on from_account, to_account (what a trace
#      needs), `\copy` of the same accounts.csv and transfers.csv, timed end to end.
# Results: a JSON line per measurement in bench/out/ingest-<size>.jsonl and a Markdown table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000000 10000000)
OUT=bench/out
WORK=${BENCH_WORK:-target/bench}
mkdir -p "$OUT" "$WORK"

cargo build --release --quiet
FANZHA=target/release/fanzha

# A throwaway PostgreSQL cluster on a unix socket, stopped and deleted on exit (bench/lib/pg.sh).
source bench/lib/pg.sh
pg_start


echo "| transfers | fanzha ingest (transfers/s) | PostgreSQL COPY (transfers/s) | fanzha / COPY | fanzha restart (s) | fanzha peak RSS ingest / restart (MiB) | graph bytes/transfer |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for N in "${SIZES[@]}"; do
  DATA="$WORK/data-$N"
  if [ ! -f "$DATA/transfers.csv" ]; then
    "$FANZHA" gen --transfers "$N" --seed 1 --out "$DATA" >/dev/null
  fi
  ROWS=$(($(wc -l < "$DATA/transfers.csv") - 1))
  # Drop the page cache effect of generation evenly: both sides read the same warm files.
  cat "$DATA"/*.csv > /dev/null

  rm -rf "$WORK/db-$N"
  ING=$("$FANZHA" bench ingest --data "$DATA" --db "$WORK/db-$N")
  LOAD=$("$FANZHA" bench load --db "$WORK/db-$N")

  pg_create_tables "CREATE INDEX ON transfers (from_account); CREATE INDEX ON transfers (to_account);"
  pg_copy_csv "$DATA"
  T0=$COPY_T0 T1=$COPY_T1
  PG_SECS=$(python3 -c "print($T1 - $T0)")

  python3 - "$N" "$ROWS" "$PG_SECS" "$ING" "$LOAD" "$OUT/ingest-$N.jsonl" <<'PY'
import json, sys
n, rows, pg_secs, ing, load, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4]), json.loads(sys.argv[5]), sys.argv[6]
pg = {"bench": "postgres_copy", "transfers": rows, "seconds": pg_secs, "transfers_per_sec": rows / pg_secs}
with open(out, "w") as f:
    for r in (ing, load, pg):
        f.write(json.dumps(r) + "\n")
mib = lambda b: (b or 0) / 2**20
print(f"| {rows:,} | {ing['transfers_per_sec']:,.0f} | {pg['transfers_per_sec']:,.0f} | {ing['transfers_per_sec']/pg['transfers_per_sec']:.1f}x "
      f"| {load['seconds']:.2f} (replay {load['open_seconds']:.2f} + graph {load['graph_seconds']:.2f}) "
      f"| {mib(ing['peak_rss_bytes']):,.0f} / {mib(load['peak_rss_bytes']):,.0f} | {load['graph_bytes_per_transfer']:.1f} |")
PY
done
