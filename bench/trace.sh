#!/usr/bin/env bash
# Trace latency benchmark: fanzha's forward fund trace vs a recursive SQL trace in PostgreSQL, on the
# same data and the same 1000 reported transfers, in one run.
#
#   bench/trace.sh [TRANSFERS]           (default 10000000)
#   SKIP_FANZHA=1 bench/trace.sh ...     PostgreSQL side only, on the seeds of an earlier run
#                                        ($WORK/trace-seeds-N.txt) or, if there is none, on 1000
#                                        labelled fraud transfers picked here (seed 1)
#   PG_OUT_LIMIT=1000                    outgoing rows read per account visit in SQL
#   PG_STATEMENT_TIMEOUT=60s             a query slower than this aborts the run
#
# What each side computes, for each seed (a transfer labelled fraud):
#   fanzha   `fanzha bench trace` runs the real trace, FIFO, 16 hops: every account the traced money
#            reaches keeps its money as lots, the oldest being its balance before the traced money
#            first arrived (opening balance plus all earlier inflows minus all earlier outflows); the
#            account's transfers in and out are then replayed in time order while it holds traced
#            money, so other inflows join the lot queue and an outgoing transfer carries traced money
#            only once the older lots are spent. An account reached twice holds both arrivals in one
#            queue. Money is conserved to the fen. It reports per-trace latency (p50/p99/max/mean)
#            and writes the seeds it traced, which the PostgreSQL side then traces too.
#   SQL      bench/trace.sql, the analyst's version: from the seed's payee with the seed's amount,
#            follow the payee's outgoing transfers after the seed in (ts, txn_id) order, each
#            carrying LEAST(amount, arrived - outgoing amounts before it) until the arrived amount
#            has been passed on, recursively, to 16 hops, at most 1000 outgoing rows per account
#            visit ($PG_OUT_LIMIT); a withdrawal ends a path. That is FIFO on the traced money alone.
#
# Why the SQL is a lower bound on fanzha's work per account visit: it reads only the account's
# outgoing transfers after the arrival, and stops as soon as the arrived amount is covered.
# fanzha must also know the balance before the arrival (opening balance and history), replay the
# incoming transfers interleaved with the outgoing ones, and — since under FIFO the older balance
# leaves first — keep reading outgoing transfers until the traced lot itself is spent, which is
# never earlier than when the SQL stops. The SQL cannot do that: a recursive query carries no
# per-account state between rows. One way the SQL can do more: it expands every path on its own,
# so an account reached along two paths is traced twice (fanzha merges them); the JSON line
# reports `edges` vs `distinct_txns` so this shows (on the generated data it is under 1%).
#
# PostgreSQL 15 setup: a fresh cluster (bench/lib/pg.sh); the accounts and transfers tables of
# bench/ingest.sh loaded with \copy, then one index for the trace, (from_account, ts, txn_id), so
# each hop is one index range scan already in time order, and ANALYZE. Queries run in one psql
# session as a prepared statement: one untimed warm-up pass over all seeds, then the timed pass;
# latency is psql's `\timing` (client round trip on a unix socket, which the JSON line gives as
# `roundtrip_p50_us` from `SELECT 1` for scale). Percentiles are nearest-rank.
#
# Results: bench/out/trace-N.jsonl (fanzha's line, then {"bench":"postgres_recursive_trace",...})
# and one Markdown row on stdout, for a table with this header:
#   | transfers | fanzha p50 / p99 (ms) | PostgreSQL p50 / p99 (ms) | ratio p50 / p99 (PostgreSQL ÷ fanzha) |
#   |---:|---:|---:|---:|
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
OUT=bench/out
WORK=${BENCH_WORK:-target/bench}
TRACES=1000
MAX_HOPS=16
OUT_LIMIT=${PG_OUT_LIMIT:-1000}
# A guard, not a tuning: a trace the hop and row limits fail to bound aborts the run, never hangs it.
STATEMENT_TIMEOUT=${PG_STATEMENT_TIMEOUT:-60s}
DATA="$WORK/data-$N"
DB="$WORK/db-$N"
FANZHA=target/release/fanzha
mkdir -p "$OUT" "$WORK"
log() { echo "trace.sh: $*" >&2; }
now() { date +%s.%N; }

# --- fanzha: data, store, and the trace benchmark, which also chooses the seeds -----------------
FZ=
SEEDS="$WORK/trace-seeds-$N.txt"
if [ "${SKIP_FANZHA:-0}" != 1 ]; then
  cargo build --release --quiet
  source bench/lib/data.sh
  HAD_STORE=0
  [ -f "$DB/meta.json" ] && HAD_STORE=1
  fanzha_data_and_store "$N" "$DATA" "$DB"
  if [ "$HAD_STORE" = 1 ]; then
    # A store left by bench/ingest.sh has no labels; the seeds are picked from them. Idempotent.
    "$FANZHA" ingest --db "$DB" --labels "$DATA/labels.csv" >/dev/null
  fi
  log "fanzha bench trace"
  # Policy and hop limit given explicitly: the SQL below is FIFO with the same hop limit.
  FZ=$("$FANZHA" bench trace --db "$DB" --traces "$TRACES" --seed 1 --policy fifo --max-hops "$MAX_HOPS" \
    --seeds-out "$SEEDS")
else
  [ -f "$DATA/transfers.csv" ] || { log "no $DATA/transfers.csv (run without SKIP_FANZHA once)"; exit 1; }
  if [ ! -f "$SEEDS" ]; then
    # Stand-in seeds for testing this side alone: labelled fraud transfers, a seeded sample.
    SEEDS="$WORK/trace-seeds-$N.fake.txt"
    python3 - "$DATA/labels.csv" "$TRACES" > "$SEEDS" <<'PY'
import csv, random, sys
ids = [r["id"] for r in csv.DictReader(open(sys.argv[1])) if r["kind"] == "transfer" and r["label"] == "fraud"]
random.seed(1)
print("\n".join(random.sample(ids, min(int(sys.argv[2]), len(ids)))))
PY
  fi
  log "SKIP_FANZHA=1: PostgreSQL only, seeds from $SEEDS"
fi
[ -s "$SEEDS" ] || { log "no seeds in $SEEDS"; exit 1; }
# Seeds are pasted into SQL literals below: accept plain ids only.
if grep -qvE '^[A-Za-z0-9_.:-]+$' "$SEEDS"; then log "$SEEDS: a seed is not a plain txn_id"; exit 1; fi
ROWS=$(($(wc -l < "$DATA/transfers.csv") - 1))

# --- PostgreSQL: load, index, then the same seeds ---------------------------------------------------
source bench/lib/pg.sh
pg_start
log "PostgreSQL: loading $DATA"
pg_create_tables
pg_copy_csv "$DATA"
T0=$COPY_T0 T1=$COPY_T1
# Index after the load (faster than maintaining it during COPY); it is all a trace hop needs.
"${PSQL[@]}" -c "CREATE INDEX transfers_out ON transfers (from_account, ts, txn_id)"
T2=$(now)
"${PSQL[@]}" -c "ANALYZE accounts; ANALYZE transfers"
T3=$(now)

# One psql session: scale of a bare round trip, the prepared trace, a warm-up pass and the timed
# pass. Each EXECUTE prints one CSV row followed by psql's "Time: X ms" line.
log "PostgreSQL: tracing $(wc -l < "$SEEDS") seeds (warm-up pass, then timed pass)"
RAW="$WORK/trace-pg-$N.out"
{
  echo "SET statement_timeout = '$STATEMENT_TIMEOUT';"
  echo '\timing on'
  echo '\echo ROUNDTRIP'
  for _ in $(seq 200); do echo 'SELECT 1;'; done
  echo '\i bench/trace.sql'
  echo '\echo WARMUP'
  sed "s/.*/EXECUTE trace('&');/" "$SEEDS"
  echo '\echo TIMED'
  sed "s/.*/EXECUTE trace('&');/" "$SEEDS"
} | "${PSQL[@]}" -A -t -F, -v max_hops="$MAX_HOPS" -v out_limit="$OUT_LIMIT" > "$RAW"
PGVER=$("${PSQL[@]}" -A -t -c "SHOW server_version")

python3 - "$RAW" "$OUT/trace-$N.jsonl" "$FZ" "$PGVER" "$MAX_HOPS" "$OUT_LIMIT" "$T0" "$T1" "$T2" "$T3" "$SEEDS" "$ROWS" <<'PY'
import json, math, re, sys
raw, out, fz, pgver = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
max_hops, out_limit = int(sys.argv[5]), int(sys.argv[6])
t0, t1, t2, t3 = map(float, sys.argv[7:11])
seeds = [l.strip() for l in open(sys.argv[11]) if l.strip()]
n_transfers = int(sys.argv[12])

# Split psql's output into sections; in each, pair every result row with the Time line after it.
sections, cur = {}, None
for line in open(raw):
    line = line.rstrip("\n")
    if line in ("ROUNDTRIP", "WARMUP", "TIMED"):
        cur = sections.setdefault(line, {"rows": [], "ms": []})
    elif m := re.match(r"Time: ([0-9.]+) ms", line):
        if cur is not None:
            cur["ms"].append(float(m.group(1)))
    elif line and cur is not None:
        cur["rows"].append(line.split(","))
timed = sections["TIMED"]
assert len(timed["rows"]) == len(timed["ms"]) == len(seeds), (len(timed["rows"]), len(timed["ms"]), len(seeds))

def pct(sorted_us, q):  # nearest rank
    return sorted_us[max(0, math.ceil(q * len(sorted_us)) - 1)]

us = sorted(ms * 1000 for ms in timed["ms"])
rt = sorted(ms * 1000 for ms in sections["ROUNDTRIP"]["ms"])
rows = [(int(e), int(h or 0), int(l), float(c), float(w), int(d)) for e, h, l, c, w, d in timed["rows"]]
pg = {
    "bench": "postgres_recursive_trace",
    "postgres": pgver,
    "transfers": n_transfers,
    "traces": len(seeds),
    "policy": "fifo-traced-money-only",
    "max_hops": max_hops,
    "out_limit": out_limit,
    "p50_us": pct(us, 0.50), "p99_us": pct(us, 0.99), "max_us": us[-1], "mean_us": sum(us) / len(us),
    "total_seconds": sum(us) / 1e6,
    "roundtrip_p50_us": pct(rt, 0.50),
    "not_found": sum(1 for r in rows if r[0] == 0),
    "edges": sum(r[0] for r in rows),
    "distinct_txns": sum(r[5] for r in rows),
    "max_edges": max(r[0] for r in rows),
    "max_hop": max(r[1] for r in rows),
    "leaf_edges": sum(r[2] for r in rows),
    "carried_to_leaves_yuan": round(sum(r[3] for r in rows), 2),
    "cashed_out_yuan": round(sum(r[4] for r in rows), 2),
    "copy_seconds": t1 - t0, "index_seconds": t2 - t1, "analyze_seconds": t3 - t2, "load_seconds": t3 - t0,
}
assert pg["not_found"] == 0, f"{pg['not_found']} seeds are not in {sys.argv[11]}'s data: a store from other data?"
fzj = json.loads(fz) if fz else None
assert not fzj or fzj.get("max_hops") == max_hops, f"fanzha traced {fzj.get('max_hops')} hops, SQL {max_hops}"
with open(out, "w") as f:
    for r in (fzj, pg):
        if r:
            f.write(json.dumps(r) + "\n")
print("trace.sh:", json.dumps(pg), file=sys.stderr)
ms = lambda x: f"{x / 1000:.2f}"
pgcol = f"{ms(pg['p50_us'])} / {ms(pg['p99_us'])}"
if fzj:
    fzcol = f"{ms(fzj['p50_us'])} / {ms(fzj['p99_us'])}"
    ratio = f"{pg['p50_us'] / fzj['p50_us']:.1f}x / {pg['p99_us'] / fzj['p99_us']:.1f}x"
else:
    fzcol = ratio = "—"
sys.stdout.write(f"| {n_transfers:,} | {fzcol} | {pgcol} | {ratio} |\n")
PY
