#!/usr/bin/env bash
# fanzha on NATS JetStream (issue 21), in one run on this machine: one nats-server (JetStream, file
# storage), a generated scenario of N transfers (default 1M) published with `fanzha publish`, then
# followed into fresh stores by 1, 2 and 3 followers at once; next to it, `fanzha ingest` of the same
# files into a store directly. Every follower's store must equal the direct one (`fanzha stats`).
# Each follower's peak memory (resident set, from /usr/bin/time) is reported too.
# Then partitions (P=3, or $PARTS): P followers `--partition K/P` at once (rate, memory, share
# held), and serving nodes: one holding everything and P partitioned ones, built from the stream,
# their memory, and the same fraud cases traced on both over HTTP (equal answers, latency, cost per
# hop that crosses nodes; bench/lib/partitions.py).
#
#   bench/scale.sh            N=300000 for a quicker run; SKIP_BUILD=1 to use the built binary
#                             (FANZHA=PATH another one, e.g. an older build to compare)
#                             FOLLOWERS="1" to run only one plain follower ("" for none); PARTS=10
#                             partitions; PARTITION_FOLLOWERS=0 skips the partition followers
#   N=10000000 PARTS=10 FOLLOWERS=1 bench/scale.sh    the 10x simulation of docs/scale.md
#   needs: nats-server (Debian package)
set -euo pipefail
cd "$(dirname "$0")/.."
FANZHA=${FANZHA:-target/release/fanzha}
N=${N:-1000000}
WORK=target/bench/scale
log() { echo "[scale] $*" >&2; }
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet
rm -rf "$WORK" && mkdir -p "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=nats://127.0.0.1:$PORT
nats-server -js -a 127.0.0.1 -p "$PORT" -sd "$WORK/js" >"$WORK/nats.log" 2>&1 &
NATS=$!
trap 'kill $NATS 2>/dev/null || true' EXIT
sleep 1
log "generating $N transfers"
"$FANZHA" gen --transfers "$N" --seed 1 --out "$WORK/data" >/dev/null
A=$WORK/data/accounts.csv T=$WORK/data/transfers.csv
secs() { python3 -c "import time; print(f'{time.time():.3f}')"; }

t0=$(secs); "$FANZHA" ingest --db "$WORK/direct" --accounts "$A" --transfers "$T" >/dev/null 2>&1; t1=$(secs)
ROWS=$(( $(wc -l <"$A") + $(wc -l <"$T") - 2 ))
direct=$(python3 -c "print(round($ROWS/($t1-$t0)))")
echo "direct ingest: $ROWS rows in $(python3 -c "print(round($t1-$t0,2))") s = $direct rows/s"
t0=$(secs); "$FANZHA" publish --nats "$URL" --accounts "$A" --transfers "$T" >/dev/null; t1=$(secs)
echo "publish: $ROWS messages in $(python3 -c "print(round($t1-$t0,2))") s = $(python3 -c "print(round($ROWS/($t1-$t0)))") msgs/s"
want=$("$FANZHA" stats --db "$WORK/direct" --json)
for n in ${FOLLOWERS-1 2 3}; do
  t0=$(secs)
  for i in $(seq 1 "$n"); do
    /usr/bin/time -f %M -o "$WORK/f$n-$i.rss" \
      "$FANZHA" follow --nats "$URL" --db "$WORK/f$n-$i" --durable "f$n-$i" --batch 2000 --until-idle 1 >/dev/null 2>&1 &
  done
  wait $(jobs -p | grep -v "^$NATS$") 2>/dev/null || true
  t1=$(secs)
  for i in $(seq 1 "$n"); do
    [ "$("$FANZHA" stats --db "$WORK/f$n-$i" --json)" = "$want" ] || { echo "follower f$n-$i differs from the direct store" >&2; exit 1; }
  done
  el=$(python3 -c "print(round($t1-$t0-1,2))")
  rss=$(python3 -c "import sys; print(max(int(open(f).read().split()[-1]) for f in sys.argv[1:]) // 1024)" "$WORK"/f$n-*.rss)
  echo "$n follower(s) at once: each $ROWS records in $el s (idle second not counted) = $(python3 -c "print(round($ROWS/$el))") records/s per follower, peak memory $rss MiB per follower; stores equal to the direct one"
done

PARTS=${PARTS:-3}
TOTAL=$(python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(d['accounts']-d['external_accounts']+d['transfers'])" "$want")
if [ "${PARTITION_FOLLOWERS:-1}" != 0 ]; then
  t0=$(secs)
  for k in $(seq 0 $((PARTS - 1))); do
    /usr/bin/time -f %M -o "$WORK/p$k.rss" \
      "$FANZHA" follow --nats "$URL" --db "$WORK/p$k" --durable "p$k" --partition "$k/$PARTS" --batch 2000 --until-idle 1 >/dev/null 2>&1 &
  done
  wait $(jobs -p | grep -v "^$NATS$") 2>/dev/null || true
  t1=$(secs)
  el=$(python3 -c "print(round($t1-$t0-1,2))")
  held=0
  for k in $(seq 0 $((PARTS - 1))); do
    h=$("$FANZHA" stats --db "$WORK/p$k" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['transfers'])")
    held=$((held + h))
    echo "partition $k/$PARTS: holds $h transfers, peak memory $(( $(tail -1 "$WORK/p$k.rss") / 1024 )) MiB"
  done
  echo "$PARTS partition followers at once: each read $ROWS records in $el s = $(python3 -c "print(round($ROWS/$el))") records/s per follower; $held transfers held in all ($(python3 -c "print(round($held/$(wc -l <"$T")*100/1,1))") % of one copy)"
fi
python3 bench/lib/partitions.py "$(realpath "$FANZHA")" "$URL" "$WORK" "$WORK/data" "$PARTS" "$TOTAL" "${CASES:-200}"
