#!/usr/bin/env bash
# Transfer-check benchmark, in one run on this machine:
#   1. in process: `fanzha bench check` — checks of random stored transfers through the shipped
#      rules and 10,000 list entries on one core after replaying the store (latency percentiles);
#   2. over HTTP on loopback: `fanzha serve` on the same store and wrk (1 thread, 32 connections,
#      10 s) POSTing varied /v1/transfers/check bodies taken from the store, each with a bank's API
#      key (the key is checked on every request, as in production): requests/s, p50/p99.
#   The rules-only comparison with Rhai is a criterion bench: cargo bench -p fanzha-rules --bench eval.
#
#   bench/check.sh [N]       N transfers in the generated store (default 1000000); SKIP_BUILD=1
#   needs: wrk (Debian package)
#
# Results: bench/out/check.jsonl and stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
FANZHA=target/release/fanzha
WORK=target/bench/check
OUT=bench/out/check.jsonl
ADDR=127.0.0.1:18080
log() { echo "[check] $*" >&2; }
source bench/lib/data.sh
mkdir -p "$WORK" bench/out
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk"; exit 1; }
fanzha_data_and_store "$N" "$WORK/data-$N" "$WORK/db-$N"

log "lists: 10,000 block/watch entries (accounts of the store, phone numbers)"
# The file is written anew (in the format of lines without checksums), so its acknowledgement mark
# from an earlier run no longer applies.
rm -f "$WORK/db-$N/lists.jsonl.acked"
python3 - "$WORK/data-$N/accounts.csv" "$WORK/db-$N/lists.jsonl" <<'PY'
import csv, json, random, sys
random.seed(2)
ids = [r["account_id"] for r in csv.DictReader(open(sys.argv[1]))]
with open(sys.argv[2], "w") as f:
    for i in range(10_000):
        kind, value = ("account", random.choice(ids)) if i % 2 else ("phone", "138%08d" % random.randrange(10**8))
        f.write(json.dumps({"list": random.choice(["block", "watch"]), "kind": kind, "value": value,
                            "reason": "bench", "source": "bench/check.sh", "valid_from": 0}) + "\n")
PY
log "in process: fanzha bench check"
"$FANZHA" bench check --db "$WORK/db-$N" --checks 200000 | tee -a "$OUT"

log "request bodies from the store"
python3 - "$WORK/data-$N/transfers.csv" "$WORK/bodies.lua" <<'PY'
import csv, datetime, json, random, sys
random.seed(1)
rows = list(csv.DictReader(open(sys.argv[1])))
# Every check is made "now": a minute after the last stored transfer, as in `fanzha bench check`.
now = max(datetime.datetime.fromisoformat(r["ts"]) for r in rows) + datetime.timedelta(minutes=1)
rows = [r for r in rows if r["kind"] == "transfer"]
with open(sys.argv[2], "w") as f:
    f.write("return {\n")
    for r in random.sample(rows, 2000):
        body = {"ts": now.isoformat(), "from_account": r["from_account"], "to_account": r["to_account"],
                "amount_fen": round(float(r["amount"]) * 100), "channel": r["channel"] or None,
                "memo": r["memo"] or None, "payer": {"age": random.randint(18, 90), "on_call": random.random() < 0.05}}
        f.write("  %s,\n" % json.dumps(json.dumps(body, ensure_ascii=False), ensure_ascii=False))
    f.write("}\n")
PY
log "an API key with the check scope"
KEY=$("$FANZHA" apikey add --db "$WORK/db-$N" --bank BENCH --scope check --name "bench/check.sh" | tail -1)
# check.lua: as fast as the server answers; paced.lua: each connection waits 0, 1 or 2 ms (at random,
# so that connections do not fire together) between requests,
# which holds the rate near 30k requests a second with 48 connections here (the p99 at a given load).
for script in check paced; do
  {
    echo 'wrk.method = "POST"'
    echo 'wrk.headers["Content-Type"] = "application/json"'
    echo "wrk.headers[\"Authorization\"] = \"Bearer $KEY\""
    echo "local bodies = dofile(\"$WORK/bodies.lua\")"
    echo 'local i = 0'
    echo 'request = function()'
    echo '  i = i % #bodies + 1'
    echo '  return wrk.format(nil, "/v1/transfers/check", nil, bodies[i])'
    echo 'end'
    [ $script = paced ] && echo 'delay = function() return math.random(0, 2) end'
  } >"$WORK/$script.lua"
done

# http_run LABEL BINARY DB CONNECTIONS SCRIPT: serve DB with BINARY, load it with wrk, record a line.
http_run() {
  local label=$1 bin=$2 db=$3 conns=$4 script=$5
  log "over HTTP ($label, $conns connections, $script): fanzha serve + wrk"
  "$bin" serve --db "$db" --addr "$ADDR" --threads "${SERVER_THREADS:-1}" >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://$ADDR/healthz" >/dev/null && break; sleep 0.2; done
  curl -sf "http://$ADDR/healthz" >/dev/null || { log "server did not start"; cat "$WORK/serve.log"; exit 1; }
  wrk -t1 -c"$conns" -d3s -s "$WORK/$script.lua" "http://$ADDR" >/dev/null   # warm-up
  wrk -t1 -c"$conns" -d10s --latency -s "$WORK/$script.lua" "http://$ADDR" | tee "$WORK/wrk.txt"
  kill $SERVER; wait $SERVER 2>/dev/null || true
  python3 bench/lib/wrk.py "$WORK/wrk.txt" "$(printf '{"bench": "check_http", "server": "%s", "load": "%s", "server_threads": %s, "wrk_threads": 1, "connections": %s}' \
    "$label" "$script" "${SERVER_THREADS:-1}" "$conns")" >>"$OUT"
  tail -1 "$OUT"
}
trap 'kill $SERVER 2>/dev/null || true' EXIT
SERVER=
http_run "with key" "$FANZHA" "$WORK/db-$N" 32 check
http_run "with key" "$FANZHA" "$WORK/db-$N" 48 paced
# BASELINE_FANZHA=PATH: the same load on another build (e.g. one from before API keys), serving a
# copy of the store without the console database, in the same run.
if [ -n "${BASELINE_FANZHA:-}" ]; then
  rm -rf "$WORK/db-$N-baseline"
  mkdir -p "$WORK/db-$N-baseline"
  cp "$WORK/db-$N"/meta.json "$WORK/db-$N"/events.log "$WORK/db-$N"/lists.jsonl "$WORK/db-$N-baseline/"
  http_run "baseline $(basename "$(dirname "$(dirname "$BASELINE_FANZHA")")")" "$BASELINE_FANZHA" "$WORK/db-$N-baseline" 32 check
  http_run "baseline $(basename "$(dirname "$(dirname "$BASELINE_FANZHA")")")" "$BASELINE_FANZHA" "$WORK/db-$N-baseline" 48 paced
fi
