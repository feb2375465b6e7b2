#!/usr/bin/env bash
# Two builds of fanzha side by side on partitioned traces: P partition nodes of each, all following
# one JetStream stream of the data of bench/scale.sh, then the same traces sent alternately to
# partition 0 of each build (so both see the same machine at the same moments), and how many answers
# differ between the builds. The fair way to compare builds on this shared 2-core machine, where separate runs of
# bench/scale.sh vary by about 20 %.
#
#   bench/scale.sh                      # once: the data (target/bench/scale) and a store's meta.json
#   bench/partitions_ab.sh OLD NEW      # two fanzha binaries; 200 fraud cases, 5 rounds each
#   TXNS=T1,T2 bench/partitions_ab.sh OLD NEW    # other transfers (e.g. into a payment firm's account)
#   PARTS=3 ROUNDS=5 CASES=200
# needs: nats-server (Debian package)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1") NEW=$(realpath "$2")
SCALE=target/bench/scale WORK=target/bench/partitions_ab
PARTS=${PARTS:-3}
[ -f "$SCALE/data/transfers.csv" ] && [ -f "$SCALE/direct/meta.json" ] || { echo "run bench/scale.sh first" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NPORT=$(port)
URL=nats://127.0.0.1:$NPORT
nats-server -js -a 127.0.0.1 -p "$NPORT" -sd "$WORK/js" >"$WORK/nats.log" 2>&1 &
PIDS=($!)
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
sleep 1
"$NEW" publish --nats "$URL" --accounts "$SCALE/data/accounts.csv" --transfers "$SCALE/data/transfers.csv" >/dev/null
TOTAL=$(( $(wc -l <"$SCALE/data/accounts.csv") + $(wc -l <"$SCALE/data/transfers.csv") - 2 ))
declare -A ADDR KEY
for build in old new; do
  bin=$OLD; [ $build = new ] && bin=$NEW
  for k in $(seq 0 $((PARTS - 1))); do
    db=$WORK/$build-$k; mkdir -p "$db"; cp "$SCALE/direct/meta.json" "$db/"
    p=$(port)
    "$bin" serve --db "$db" --addr "127.0.0.1:$p" --follow "$URL" --durable "$build$k" --partition "$k/$PARTS" \
      --rescore-minutes 0 >"$db.log" 2>&1 &
    PIDS+=($!)
    [ "$k" = 0 ] && ADDR[$build]=127.0.0.1:$p
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Fanzha-Min-Sequence: $TOTAL" "127.0.0.1:$p/healthz")" = 200 ]; do sleep 1; done
  done
  KEY[$build]=$("$bin" apikey add --db "$WORK/$build-0" --bank ICBC --scope investigate | tail -1)
done
TXNS=${TXNS:-$(grep '^transfer' "$SCALE/data/labels.csv" | head -"${CASES:-200}" | cut -d, -f2 | paste -sd,)}
python3 - "${ADDR[old]}" "${KEY[old]}" "${ADDR[new]}" "${KEY[new]}" "$TXNS" "${ROUNDS:-5}" <<'PY'
import http.client, json, sys, time
old, new = (sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])
txns, rounds = sys.argv[5].split(","), int(sys.argv[6])
def node(addr, key):
    host, port = addr.split(":")
    return http.client.HTTPConnection(host, int(port)), key
nodes = [node(*old), node(*new)]
def trace(n, txn):
    c, key = n
    c.request("POST", "/v1/traces", json.dumps({"txns": [txn]}), {"Authorization": f"Bearer {key}"})
    r = c.getresponse()
    return r.status, r.read()
ms, differ = [[], []], 0
for r in range(rounds):
    for t in txns:
        answers = [None, None]
        for i in ((0, 1) if r % 2 == 0 else (1, 0)):  # who goes first alternates
            start = time.perf_counter()
            answers[i] = trace(nodes[i], t)
            ms[i].append((time.perf_counter() - start) * 1000)
        if answers[0][0] != 200 or answers[1][0] != 200:
            sys.exit(f"{t}: {answers[0][1][:200]} / {answers[1][1][:200]}")
        differ += json.loads(answers[0][1]) != json.loads(answers[1][1])
print(f"{differ} of {rounds * len(txns)} answers differ between the builds (a change of what a trace says shows here)")
for name, xs in zip(("old", "new"), ms):
    xs.sort()
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]
    print(f"{name}: {len(xs)} traces, p50 {q(.5):.2f} ms, p90 {q(.9):.2f} ms, p99 {q(.99):.2f} ms")
PY
