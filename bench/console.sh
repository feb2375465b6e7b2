#!/usr/bin/env bash
# Console page latency with a full queue, in one run on this machine: `fanzha serve` over a
# generated store whose console database holds 10,000 alerts and 1,000 cases (victims and freeze
# lists taken from the store), signed in as an analyst and a supervisor; wrk (1 thread, 4
# connections, 10 s) on each page in turn. Every page view is audited, so the audit log grows by
# one committed row per request, as in production.
#
#   bench/console.sh [N]     N transfers in the generated store (default 200000); SKIP_BUILD=1
#   needs: wrk (Debian package)
#
# Results: bench/out/console.jsonl and stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
FANZHA=target/release/fanzha
WORK=target/bench/console
OUT=bench/out/console.jsonl
ADDR=127.0.0.1:18081
log() { echo "[console] $*" >&2; }
source bench/lib/data.sh
mkdir -p "$WORK" bench/out
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk"; exit 1; }
fanzha_data_and_store "$N" "$WORK/data-$N" "$WORK/db-$N"
DB="$WORK/db-$N"

log "a fresh console database: two users, 10,000 alerts, 1,000 cases"
rm -f "$DB"/console.sqlite*
echo "bench-analyst-1" | "$FANZHA" user add --db "$DB" --name analyst --role analyst >/dev/null
echo "bench-supervisor-1" | "$FANZHA" user add --db "$DB" --name supervisor --role supervisor >/dev/null
python3 - "$WORK/data-$N/accounts.csv" "$DB/console.sqlite" "$WORK/account.txt" <<'PY'
import csv, json, random, sqlite3, sys
random.seed(3)
ids = [r["account_id"] for r in csv.DictReader(open(sys.argv[1]))]
db = sqlite3.connect(sys.argv[2])
kinds = ["mule"] * 6 + ["card_farmer", "transfer", "report"]
rows = []
for i in range(10_000):
    kind = random.choice(kinds)
    subject = random.choice(ids) if kind != "card_farmer" else "4201**********%04d" % i
    reasons = json.dumps([["快进快出:24小时内转出 96%", "fast in, fast out: 96% out within 24 h"],
                          ["新开户 3 天即收到 14 个陌生付款人的款项", "14 new payers 3 days after opening"]], ensure_ascii=False)
    status = random.choice(["open"] * 6 + ["assigned", "dismissed", "case"])
    rows.append((kind, "%s-%d" % (subject, i), random.random(), reasons, status,
                 "analyst" if status != "open" else None, 1_709_251_200 + i * 60))
db.executemany("INSERT INTO alerts(kind, subject, score, reasons, status, assignee, created_at) VALUES (?,?,?,?,?,?,?)", rows)
svg = "<svg xmlns='http://www.w3.org/2000/svg' width='1000' height='400'>" + "<rect x='1' y='1' width='170' height='42'/>" * 40 + "</svg>"
typologies = ["police_gov", "investment", "brushing", "ecommerce_cs", "loan_card", "romance", "leader_acquaintance"]
cases = []
for i in range(1_000):
    accounts = [{"account": random.choice(ids), "holder": "4201**********1234", "amount_fen": random.randrange(10_000, 5_000_000),
                 "urgency": "high", "stopped": None} for _ in range(6)]
    freeze = [{"bank": "ICBC", "total_fen": sum(a["amount_fen"] for a in accounts), "accounts": accounts}]
    cases.append(("case %d" % i, random.choice(ids), "T%d" % i, random.choice(typologies), "bench", "analyst",
                  1_709_251_200 + i * 3600, 1_709_251_200 + i * 3600, 10_000_000, 5_000_000, svg,
                  json.dumps(freeze), random.choice(["open", "open", "closed"]), "analyst"))
db.executemany("""INSERT INTO cases(title, victim, txns, typology, narrative, created_by, created_at, as_of, traced_fen,
                  held_fen, svg, freeze_json, status, assignee) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", cases)
db.commit()
open(sys.argv[3], "w").write(cases[500][1])
PY
ACCOUNT=$(cat "$WORK/account.txt")

"$FANZHA" serve --db "$DB" --addr "$ADDR" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://$ADDR/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://$ADDR/healthz" >/dev/null || { log "server did not start"; cat "$WORK/serve.log"; exit 1; }

session() {  # session NAME PASSWORD: the session cookie of a fresh login
  curl -s -o /dev/null -D - -d "name=$1&password=$2" "http://$ADDR/console/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(fanzha_session=[^;]*\).*/\1/p' | tr -d '\r'
}
ANALYST=$(session analyst bench-analyst-1)
SUPERVISOR=$(session supervisor bench-supervisor-1)
[ -n "$ANALYST" ] && [ -n "$SUPERVISOR" ] || { log "login failed"; exit 1; }

page() {  # page COOKIE PATH
  local cookie=$1 path=$2
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://$ADDR$path")
  [ "$status" = 200 ] || { log "$path answers $status"; exit 1; }
  wrk -t1 -c4 -d2s -H "Cookie: $cookie" "http://$ADDR$path" >/dev/null   # warm-up
  wrk -t1 -c4 -d10s --latency -H "Cookie: $cookie" "http://$ADDR$path" >"$WORK/wrk.txt"
  python3 bench/lib/wrk.py "$WORK/wrk.txt" \
    "$(printf '{"bench": "console_page", "page": "%s", "alerts": 10000, "cases": 1000, "connections": 4}' "$path")" >>"$OUT"
  tail -1 "$OUT"
}
for path in /console/alerts "/console/alerts?status=all&sort=newest&page=50" /console/cases \
  "/console/cases?status=all&page=5" /console/cases/500 /console/dashboard "/console/search?q=${ACCOUNT:0:10}" \
  "/console/accounts/$ACCOUNT" /console/requests /console/lists /console/reports; do
  page "$ANALYST" "$path"
done
page "$SUPERVISOR" /console/audit
