#!/usr/bin/env bash
# Mule-account detection benchmark, in one run on this machine:
#   1. IBM AMLSim (../shared/data/amlsim): fanzha (`fanzha train` + `fanzha eval`) next to IBM Snap ML's
#      GraphFeaturePreprocessor + XGBoost on the same splits and labels (bench/mules_amlsim.py explains
#      the splits); both use 2 threads.
#      bench/amlsim_quiet.py then bounds what any system can find among AMLSim's "quiet" accounts.
#   2. The built-in generator: train on one scenario (seed 11), evaluate on another (seed 12), the same
#      way the shipped model (crates/detect/model/default.json) is built; card farmers too. Then the
#      shipped model itself on seed 12.
#
#   bench/mules.sh                 SKIP_BUILD=1 to use the built binary
#   needs: pip install snapml xgboost scikit-learn numpy
#
# Results: bench/out/mules.jsonl (one line per split and system) and the tables on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
FANZHA=target/release/fanzha
WORK=target/bench/mules
AMLSIM=${AMLSIM:-../shared/data/amlsim}
OUT=bench/out/mules.jsonl
log() { echo "[mules] $*" >&2; }
mkdir -p "$WORK" bench/out
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet

for s in 20K_fanin200 20K_cycle200; do
  if [ ! -f "$WORK/aml-$s.db/meta.json" ]; then
    log "ingesting AMLSim $s"
    "$FANZHA" ingest --db "$WORK/aml-$s.db" --format amlsim \
      --accounts "$AMLSIM/$s/nodes.csv" --transfers "$AMLSIM/$s/transactions.csv" >/dev/null
  fi
done
log "AMLSim: fanzha vs GFP + XGBoost"
python3 bench/mules_amlsim.py "$FANZHA" "$AMLSIM" "$WORK" 2> >(grep '^{' >>"$OUT")
log "AMLSim: how far any system gets on the quiet accounts (an oracle upper bound)"
python3 bench/amlsim_quiet.py "$AMLSIM" 2> >(grep '^{' >>"$OUT")

log "generator: train on seed 11, evaluate on seed 12 (1M transfers each)"
for seed in 11 12; do
  d="$WORK/gen-$seed"
  if [ ! -f "$d.db/meta.json" ]; then
    "$FANZHA" gen --transfers 1000000 --seed "$seed" --out "$d" >/dev/null
    "$FANZHA" ingest --db "$d.db" --accounts "$d/accounts.csv" --transfers "$d/transfers.csv" \
      --labels "$d/labels.csv" >/dev/null
  fi
done
"$FANZHA" train --db "$WORK/gen-11.db" --out "$WORK/gen-11-model.json"
"$FANZHA" eval --db "$WORK/gen-12.db" --model "$WORK/gen-11-model.json" --learn-cases never
"$FANZHA" eval --db "$WORK/gen-12.db" --model "$WORK/gen-11-model.json" --learn-cases never --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"bench":"mules_generator","train_seed":11,"test_seed":12,**d}))' >>"$OUT"
log "generator: detect mules with the shipped model on seed 12, timed three times"
for run in 1 2 3; do
  t0=$(date +%s.%N)
  "$FANZHA" detect mules --db "$WORK/gen-12.db" --json --learn-cases never >/dev/null
  t1=$(date +%s.%N)
  python3 -c 'import json,sys; print(json.dumps({"bench":"mules_detect_seconds","test_seed":12,"run":int(sys.argv[1]),"seconds":round(float(sys.argv[2]),2)}))' "$run" "$(echo "$t1 - $t0" | bc)" | tee -a "$OUT"
done
log "generator: the model that ships with fanzha (no --model), on seed 12"
"$FANZHA" eval --db "$WORK/gen-12.db" --learn-cases never
"$FANZHA" eval --db "$WORK/gen-12.db" --learn-cases never --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"bench":"mules_generator","model":"shipped","test_seed":12,**d}))' >>"$OUT"
