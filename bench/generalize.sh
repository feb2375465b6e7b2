#!/usr/bin/env bash
# Does mule detection hold on data it was not built from? (issue 19) In one run on this machine:
#
# Worlds, each written by a different hand with other assumptions:
#   W1  `fanzha gen` (crates/scenario): the demo generator, seed 11 (and 12 to test on)
#   W2  bench/worlds/china_world.py: censored history, hard negatives, rented/aged/fresh mules,
#       regimes baseline, rented_heavy, fresh_heavy, quiet_hours, merchant_dense (seed 1)
#   W3  bench/worlds3/city_world.py: an agent-based city world, variants default, slow_gangs,
#       shell_heavy, students, busy_city (seed 1). Never trained on: evaluation only.
#
# 1. Held-out world (the figure that counts): the shipped recipe (train on W1 + all of W2) scored on
#    every W3 variant; the worst F1 is the result.
# 2. Leave one regime out over W1 and W2: train on the others, score the one left out; the worst F1.
# 3. Leave one world out: train on W1 alone, score W2; train on W2 alone, score W1 (seed 12).
# 4. The model that ships with fanzha (no --model) on every W2 regime and W3 variant.
#
#   bench/generalize.sh            SKIP_BUILD=1 to use the built binary; REUSE_MODELS=1 to keep the
#                                  models of an earlier run (when only scoring changed)
# Results: bench/out/generalize.jsonl (one line per model and test set) and a table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
FANZHA=target/release/fanzha
WORK=target/bench/generalize
OUT=bench/out/generalize.jsonl
log() { echo "[generalize] $*" >&2; }
mkdir -p "$WORK" bench/out
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet

W2=(baseline rented_heavy fresh_heavy quiet_hours merchant_dense)
W3=(default slow_gangs shell_heavy students busy_city)

source bench/lib/data.sh
store() { world_store "$WORK" "$@"; }
for seed in 11 12; do store "w1-$seed" "$FANZHA" gen --transfers 300000 --seed "$seed" --out "$WORK/w1-$seed"; done
for r in "${W2[@]}"; do store "w2-$r" python3 bench/worlds/china_world.py --out "$WORK/w2-$r" --seed 1 --regime "$r"; done
W3_OK=0
if [ -f bench/worlds3/city_world.py ]; then
  W3_OK=1
  for v in "${W3[@]}"; do store "w3-$v" python3 bench/worlds3/city_world.py --out "$WORK/w3-$v" --seed 1 --variant "$v"; done
fi

# eval MODEL_LABEL MODEL_FILE TEST_NAME: one JSON line with the mule metrics of the combined verdict
evaluate() {
  local label=$1 model=$2 test=$3
  local args=(eval --db "$WORK/$test.db" --json)
  [ -n "$model" ] && args+=(--model "$model")
  "$FANZHA" "${args[@]}" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)["mules"]
m = d["combined"]
print(json.dumps({"bench": "generalize", "model": sys.argv[1], "test": sys.argv[2],
                  "precision": round(m["precision"], 4), "recall": round(m["recall"], 4), "f1": round(m["f1"], 4),
                  "pr_auc": round(d["model"]["pr_auc"], 4), "flagged": m["flagged"], "positives": m["positives"]}))
' "$label" "$test" | tee -a "$OUT"
}

train() { # train OUT DB [DB...]   (REUSE_MODELS=1 keeps a model already trained by an earlier run)
  local out=$1 first=$2; shift 2
  if [ "${REUSE_MODELS:-}" = 1 ] && [ -f "$out" ]; then log "reusing $out"; return; fi
  local also=()
  for d in "$@"; do also+=(--also "$WORK/$d.db"); done
  "$FANZHA" train --db "$WORK/$first.db" "${also[@]}" --out "$out" >&2
}

ALL=(w1-11)
for r in "${W2[@]}"; do ALL+=("w2-$r"); done

log "1. the shipped recipe (W1 + all of W2), on the held-out world W3"
train "$WORK/mix.json" "${ALL[@]}"
if [ "$W3_OK" = 1 ]; then
  for v in "${W3[@]}"; do evaluate "W1+W2" "$WORK/mix.json" "w3-$v"; done
fi

log "2. leave one regime out over W1 and W2"
for left in "${ALL[@]}"; do
  rest=()
  for d in "${ALL[@]}"; do [ "$d" != "$left" ] && rest+=("$d"); done
  train "$WORK/without-$left.json" "${rest[@]}"
  test=$left
  [ "$left" = w1-11 ] && test=w1-12
  evaluate "all but $left" "$WORK/without-$left.json" "$test"
done

log "3. leave one world out"
train "$WORK/w1-only.json" w1-11
for r in "${W2[@]}"; do evaluate "W1 only" "$WORK/w1-only.json" "w2-$r"; done
W2S=()
for r in "${W2[@]}"; do W2S+=("w2-$r"); done
train "$WORK/w2-only.json" "${W2S[@]}"
evaluate "W2 only" "$WORK/w2-only.json" w1-12

log "4. the model that ships with fanzha"
for r in "${W2[@]}"; do evaluate "shipped" "" "w2-$r"; done
if [ "$W3_OK" = 1 ]; then
  for v in "${W3[@]}"; do evaluate "shipped" "" "w3-$v"; done
fi
