#!/usr/bin/env bash
# Large-value report benchmark: fanzha's March report vs the same report computed by SQL in
# PostgreSQL, on the same data, in one run.
#
#   bench/report.sh [TRANSFERS]          (default 10000000)
#   SKIP_BUILD=1 bench/report.sh ...     do not run `cargo build --release` first (use the built binary)
#   VERIFY=1 bench/report.sh ...         also write fanzha's full CSV (`fanzha report large --csv`) and
#                                        compare it row by row with PostgreSQL's (untimed; slow at 10M)
#   PG_WORK_MEM=32MB                     work_mem of the reporting session
#
# The report: PBOC Order 2016 No. 3, Art. 5, for the natural days 2024-03-01..2024-03-31 (Asia/Shanghai),
# under fanzha's default configuration (crates/reports/src/default.toml: the lines, the 5-working-day
# deadline and the holiday calendar, which this script reads and hands to the SQL). Each transfer has
# an `out` leg for its payer and an `in` leg for its payee when that account is a customer (listed in
# accounts.csv); legs are grouped by institution, customer (holder), natural day, side and category
# (cash / non_natural_transfer / natural_domestic_transfer), and every leg of a group whose sum reaches
# its line is one reported row. The data has no cross_border column and is all CNY (checked below).
#
# What each side does and what is timed:
#   fanzha   `fanzha bench report`: in one process, after loading the store (`load_seconds`, not
#            counted), build the report (`build_seconds`: group every leg of the month, sum, keep the
#            groups at or over their line, sort) and render it as CSV, all fields, into a byte-counting
#            sink (`csv_seconds`). The comparison uses build + CSV.
#   SQL      bench/report.sql, the compliance team's version: a window sum over the legs (the day total
#            of each leg's group) filtered by the line, joined to the accounts for the counterparty's
#            bank and to the calendar for the deadline, every field fanzha's CSV has, in report order,
#            run as `\copy (SELECT * FROM large_report) TO '/dev/null' CSV HEADER`: PostgreSQL computes
#            and sends every row to psql, which formats it as CSV and writes it to /dev/null — the
#            closest equivalent to fanzha's counting sink. The query runs twice in one session; the
#            first run writes to a temporary file, from which the counts below are taken (then it is
#            deleted); the second (warm) run, to /dev/null, is the one timed (psql's \timing).
#
# PostgreSQL 15 setup: a fresh cluster (bench/lib/pg.sh: shared_buffers 1GB, default durability);
# the accounts and transfers tables of bench/ingest.sh loaded with \copy, then what a DBA would give
# this report: the primary keys (accounts.account_id serves both account joins), a B-tree on
# transfers(ts) for the date range (the planner still prefers a sequential scan for a month that is
# half the table), ANALYZE, and work_mem = 32MB for the reporting session. 32MB is measured, not
# guessed: on the 10M data the query took about 51 s with 16-32MB, 56 s with 4-8MB, 69 s with 64MB
# and 71-75 s with 1GB, where each process quicksorts its ~3M wide rows in memory — sorting in
# cache-sized runs and merging them is faster here than one big in-memory sort. Other settings are
# the defaults (2 parallel workers per query, JIT on: turning it off did not help). The sort keys use
# COLLATE "C" (byte order, as fanzha sorts codes), cheaper than the database's C.UTF-8 comparisons.
# Load, index and ANALYZE times are reported separately and not counted.
#
# Checks: the number of reported rows must equal fanzha's `reported_transactions`, and the transfers
# in the range fanzha's `transfers_in_range`; a mismatch is printed and the script exits 1 (after
# writing the JSON lines). Customers are ordered by salted digest in fanzha and by identity here, so
# the two outputs are compared by counts (and, with VERIFY=1, as sorted row sets without the digest
# column), not by row order.
#
# Results: bench/out/report-N.jsonl (fanzha's line, then {"bench":"postgres_large_report",...}) and one
# Markdown row on stdout, for a table with this header:
#   | transfers in month | reported rows | fanzha build + CSV (s) | PostgreSQL query to CSV (s) | PostgreSQL ÷ fanzha |
#   |---:|---:|---:|---:|---:|
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
FROM=2024-03-01
TO=2024-03-31
OUT=bench/out
WORK=${BENCH_WORK:-target/bench}
WORK_MEM=${PG_WORK_MEM:-32MB}
CONFIG=crates/reports/src/default.toml
DATA="$WORK/data-$N"
DB="$WORK/db-$N"
FANZHA=target/release/fanzha
mkdir -p "$OUT" "$WORK"
log() { echo "report.sh: $*" >&2; }
now() { date +%s.%N; }

# --- fanzha: data, store, and the report benchmark ----------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cargo build --release --quiet
fi
source bench/lib/data.sh
fanzha_data_and_store "$N" "$DATA" "$DB"
log "fanzha bench report $FROM..$TO"
FZ=$("$FANZHA" bench report --db "$DB" --from "$FROM" --to "$TO")
FZ_CSV=
if [ "${VERIFY:-0}" = 1 ]; then
  FZ_CSV="$WORK/report-fanzha-$N.csv"
  log "VERIFY=1: writing fanzha's CSV to $FZ_CSV"
  "$FANZHA" report large --db "$DB" --from "$FROM" --to "$TO" --csv -o "$FZ_CSV"
fi

ACOLS=$(head -1 "$DATA/accounts.csv" | tr -d '\r')
TCOLS=$(head -1 "$DATA/transfers.csv" | tr -d '\r')
# The SQL treats every transfer as domestic: refuse data that says otherwise.
case ",$TCOLS," in *,cross_border,*) log "transfers.csv has a cross_border column; bench/report.sql assumes none"; exit 1;; esac

# The configuration fanzha used, as psql variables for bench/report.sql.
CFG_LINES=$(python3 - "$CONFIG" <<'PY'
import sys, tomllib
c = tomllib.load(open(sys.argv[1], "rb"))
assert c["utc_offset_hours"] == 8, "bench/report.sql counts natural days in Asia/Shanghai (UTC+08:00)"
t, cal = c["thresholds"], c["calendar"]
quoted = lambda days: ",".join(f"'{d}'" for d in days)
print(f"line_cash={t['cash']['cny']}")
print(f"line_non_natural={t['non_natural_transfer']['cny']}")
print(f"line_natural_domestic={t['natural_domestic_transfer']['cny']}")
print(f"deadline_days={int(c['deadline']['working_days'])}")
print(f"holidays={quoted(cal['holidays'])}")
print(f"workdays={quoted(cal['workdays'])}")
PY
)
mapfile -t CFG <<< "$CFG_LINES"
VARS=(-v from_day="$FROM" -v to_day="$TO")
for kv in "${CFG[@]}"; do VARS+=(-v "$kv"); done

# --- PostgreSQL: load, index, then the report ------------------------------------------------------
source bench/lib/pg.sh
pg_start
PG_CSV="$WORK/report-pg-$N.csv"
RAW="$WORK/report-pg-$N.out"
trap 'pg_stop; rm -f "$PG_CSV"' EXIT
log "PostgreSQL: loading $DATA"
pg_create_tables
pg_copy_csv "$DATA"
T0=$COPY_T0 T1=$COPY_T1
"${PSQL[@]}" -c "CREATE INDEX transfers_ts ON transfers (ts)"
T2=$(now)
"${PSQL[@]}" -c "ANALYZE accounts; ANALYZE transfers"
T3=$(now)
BAD=$("${PSQL[@]}" -A -t -c "SELECT count(*) FROM transfers
  WHERE currency IS DISTINCT FROM 'CNY' OR kind IS NULL OR kind NOT IN ('transfer', 'withdrawal', 'deposit')")
[ "$BAD" = 0 ] || { log "$BAD transfers are not CNY or have another kind; bench/report.sql handles neither"; exit 1; }
"${PSQL[@]}" "${VARS[@]}" -f bench/report.sql

log "PostgreSQL: the report, twice (the first to $PG_CSV for the counts, the second to /dev/null, timed)"
{
  echo "SET work_mem = '$WORK_MEM';"
  echo '\timing on'
  echo "SELECT 'IN_RANGE', count(*) FROM transfers WHERE ts >= ('$FROM'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND ts < ('$TO'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai';"
  echo '\echo RUN1'
  echo "\\copy (SELECT * FROM large_report) TO '$PG_CSV' CSV HEADER"
  echo '\echo ROWS :ROW_COUNT'
  echo '\echo RUN2'
  echo "\\copy (SELECT * FROM large_report) TO '/dev/null' CSV HEADER"
  echo '\echo ROWS :ROW_COUNT'
} | "${PSQL[@]}" -A -t -F, > "$RAW"
PGVER=$("${PSQL[@]}" -A -t -c "SHOW server_version")
WORKERS=$("${PSQL[@]}" -A -t -c "SHOW max_parallel_workers_per_gather")

VERIFY_RESULT=
if [ -n "$FZ_CSV" ]; then
  # Same rows? Both sorted, without column 3 (fanzha's salted digest, PostgreSQL's identity).
  log "VERIFY=1: comparing the two CSVs"
  canon() { tail -n +2 "$1" | cut -d, -f1,2,4- | LC_ALL=C sort -S 1G; }
  if cmp -s <(canon "$FZ_CSV") <(canon "$PG_CSV"); then
    VERIFY_RESULT=identical
  else
    VERIFY_RESULT=different
    diff <(canon "$FZ_CSV") <(canon "$PG_CSV") | head -20 >&2 || true
  fi
  rm -f "$FZ_CSV"
fi

python3 - "$RAW" "$PG_CSV" "$OUT/report-$N.jsonl" "$FZ" "$PGVER" "$WORKERS" "$WORK_MEM" "$FROM" "$TO" \
  "$T0" "$T1" "$T2" "$T3" "$(($(wc -l < "$DATA/transfers.csv") - 1))" "$VERIFY_RESULT" <<'PY'
import collections, csv, json, re, sys
raw, pg_csv, out, fz, pgver, workers, work_mem, day_from, day_to = sys.argv[1:10]
t0, t1, t2, t3 = map(float, sys.argv[10:14])
n_transfers, verify = int(sys.argv[14]), sys.argv[15]

# psql's output: the IN_RANGE row, then per run its Time line and ROWS line.
runs, cur, in_range = {}, None, None
for line in open(raw):
    line = line.rstrip("\n")
    if line in ("RUN1", "RUN2"):
        cur = runs.setdefault(line, {})
    elif line.startswith("IN_RANGE,"):
        in_range = int(line.split(",")[1])
    elif m := re.match(r"Time: ([0-9.]+) ms", line):
        if cur is not None:
            cur["seconds"] = float(m.group(1)) / 1000
    elif line.startswith("ROWS ") and cur is not None:
        cur["rows"] = int(line.split()[1])
assert all("seconds" in runs[r] and "rows" in runs[r] for r in ("RUN1", "RUN2")), runs

# Counts and sums from the first run's file.
by_category, by_basis, by_side = collections.Counter(), collections.Counter(), collections.Counter()
customers, groups, amount, rows = set(), set(), 0, 0
with open(pg_csv, newline="") as f:
    for r in csv.DictReader(f):
        rows += 1
        by_category[r["category"]] += 1
        by_basis[r["basis"]] += 1
        by_side[r["side"]] += 1
        customers.add((r["institution"], r["customer_key"]))
        groups.add((r["institution"], r["customer_key"], r["day"], r["side"], r["category"]))
        amount += int(r["amount_fen"])
assert rows == runs["RUN1"]["rows"], (rows, runs["RUN1"]["rows"])

fzj = json.loads(fz)
pg = {
    "bench": "postgres_large_report",
    "postgres": pgver,
    "transfers": n_transfers,
    "from": day_from, "to": day_to,
    "transfers_in_range": in_range,
    "reported_rows": runs["RUN2"]["rows"],
    "by_category": dict(sorted(by_category.items())),
    "by_basis": dict(sorted(by_basis.items())),
    "by_side": dict(sorted(by_side.items())),
    "customers": len(customers),
    "groups": len(groups),
    "reported_amount_fen": amount,
    "query_to_csv_seconds": runs["RUN2"]["seconds"],
    "query_to_csv_run": "second (warm) of two; \\copy to /dev/null",
    "first_run_to_file_seconds": runs["RUN1"]["seconds"],
    "work_mem": work_mem,
    "max_parallel_workers_per_gather": int(workers),
    "copy_seconds": t1 - t0, "index_seconds": t2 - t1, "analyze_seconds": t3 - t2, "load_seconds": t3 - t0,
    "matches_fanzha_count": runs["RUN2"]["rows"] == fzj["reported_transactions"]
        and runs["RUN1"]["rows"] == fzj["reported_transactions"]
        and in_range == fzj["transfers_in_range"],
}
if verify:
    pg["verify_rows"] = verify
with open(out, "w") as f:
    for r in (fzj, pg):
        f.write(json.dumps(r) + "\n")
print("report.sh:", json.dumps(pg), file=sys.stderr)

problems = []
if pg["reported_rows"] != fzj["reported_transactions"] or runs["RUN1"]["rows"] != fzj["reported_transactions"]:
    problems.append(f"reported rows: PostgreSQL {runs['RUN1']['rows']:,} / {runs['RUN2']['rows']:,} (runs 1/2), "
                    f"fanzha {fzj['reported_transactions']:,}")
if in_range != fzj["transfers_in_range"]:
    problems.append(f"transfers in range: PostgreSQL {in_range:,}, fanzha {fzj['transfers_in_range']:,}")
if verify and verify != "identical":
    problems.append("VERIFY=1: the two reports' rows differ (see the diff above)")
fz_s = fzj["build_seconds"] + fzj["csv_seconds"]
pg_s = pg["query_to_csv_seconds"]
sys.stdout.write(f"| {fzj['transfers_in_range']:,} | {fzj['reported_transactions']:,} | {fz_s:.2f} | {pg_s:.2f} | "
                 f"{pg_s / fz_s:.1f}x |\n")
if problems:
    for p in problems:
        print(f"report.sh: MISMATCH: {p}", file=sys.stderr)
    sys.exit(1)
PY
