#!/usr/bin/env bash
# Per-edge pattern features: `fanzha features` vs IBM Snap ML's GraphFeaturePreprocessor (GFP) on the
# same edge lists, windows and bins, both with 2 threads; every column checked edge by edge.
#
#   bench/features.sh [N]    # N: transfers of the generated data set (default 1000000)
#
# Data: AMLSim 20K_fanin200 and 20K_cycle200 (time = step; windows 10 steps for fan/degree/
# scatter-gather, 20 steps for cycles) and `fanzha gen --transfers N --seed 1` (windows $GEN_FAN_H h for
# fan/degree, $GEN_SG_H h for scatter-gather, $GEN_CYCLE_H h for cycles). bench/features_gfp.py makes
# timestamps distinct (AMLSim: step * 10^6 + row; generated: 10 ms units from the start, the rank within
# the second breaking ties) and the windows are scaled to match.
#
# AMLSIM= (empty) skips the AMLSim data sets; GFP= (empty) skips GFP; GFP_TIMEOUT=S stops GFP after S
# seconds (default 0: no limit). Appends one JSON line per data set to bench/out/features.jsonl; when GFP
# was skipped or stopped, the line holds fanzha's numbers, GFP's fields null and the reason in "gfp".
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
WORK=${BENCH_WORK:-target/bench}/features
OUT=bench/out/features.jsonl
FANZHA=target/release/fanzha
LC_LEN=8
GFP=${GFP-snapml} GFP_TIMEOUT=${GFP_TIMEOUT:-0}
# Windows of the generated data set, in hours.
GEN_FAN_H=${GEN_FAN_H:-24} GEN_SG_H=${GEN_SG_H:-24} GEN_CYCLE_H=${GEN_CYCLE_H:-48}
mkdir -p "$WORK" bench/out
log() { echo "[features] $*" >&2; }

log "building $FANZHA"
cargo build --release -q -p fanzha-cli

run() { # label edges.csv fan_window sg_window cycle_window
  local label=$1 edges=$2 fan=$3 sg=$4 cyc=$5 out="$WORK/$1.features.csv" json t0 t1 rec rc status=compared
  log "$label: fanzha features ($(($(wc -l <"$edges") - 1)) edges)"
  t0=$(date +%s.%N)
  json=$("$FANZHA" features --input "$edges" --output "$out" --threads 2 --json \
    --fan-window "$fan" --degree-window "$fan" --scatter-gather-window "$sg" \
    --temp-cycle-window "$cyc" --lc-cycle-window "$cyc" --lc-cycle-len "$LC_LEN")
  t1=$(date +%s.%N)
  json=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["wall_seconds"]=round(float(sys.argv[2]),3); print(json.dumps(d))' "$json" "$(echo "$t1 - $t0" | bc)")
  local opts=(--fan "$fan" --sg "$sg" --cycle "$cyc" --lc-len "$LC_LEN" --fanzha-json "$json" --label "$label")
  if [ -z "$GFP" ]; then
    status=skipped
  else
    log "$label: GFP and comparison"
    rc=0
    rec=$(timeout "$GFP_TIMEOUT" python3 bench/features_gfp.py compare "$edges" "$out" "${opts[@]}") || rc=$?
    if [ "$rc" -eq 124 ]; then
      status="not finished in $GFP_TIMEOUT s (stopped)"
    elif [ "$rc" -ne 0 ]; then
      log "$label: GFP comparison failed (exit $rc)"
      exit "$rc"
    fi
  fi
  [ "$status" = compared ] || rec=$(python3 bench/features_gfp.py record "${opts[@]}" --gfp "$status")
  echo "$rec" | tee -a "$OUT"
}

for d in ${AMLSIM-20K_fanin200 20K_cycle200}; do
  e="$WORK/$d.edges.csv"
  [ -f "$e" ] || python3 bench/features_gfp.py amlsim "/work/shared/data/amlsim/$d/transactions.csv" "$e"
  run "amlsim-$d" "$e" $((10 * 10**6)) $((10 * 10**6)) $((20 * 10**6))
done

DATA=target/bench/data-$N
if [ ! -f "$DATA/transfers.csv" ]; then
  log "generating $DATA"
  "$FANZHA" gen --transfers "$N" --seed 1 --out "$DATA" >/dev/null
fi
e="$WORK/gen-$N.edges.csv"
python3 bench/features_gfp.py gen "$DATA/transfers.csv" "$e"
run "gen-$N" "$e" $((GEN_FAN_H * 360000)) $((GEN_SG_H * 360000)) $((GEN_CYCLE_H * 360000))
