#!/usr/bin/env bash
# Trains the mule model that ships with fanzha (crates/detect/model/default.json) from worlds the
# team had in use, so it can be rebuilt and checked (docs/detection.md). Every stage learns
#   W1  `fanzha gen --transfers 1000000 --seed 11` (crates/scenario)
#   W2  bench/worlds/china_world.py --seed 1, all five regimes
#   W3  bench/worlds3/city_world.py --seed 1, all five variants
# and the end-of-data stages (not the live stage) also learn
#   W6  bench/worlds6/beifang_world.py --seed 1 and W7 bench/worlds7/huazhong_world.py --seed 1,
#       all three variants of each (跑分 participants, old rented accounts)
#   copies of W1, W2 baseline and W3 default whose data starts 45, 15 and 30 days later
#       (bench/lib/later_start.py: a short history says nothing of an old account)
#   W8 to W12 (seed 1, every variant) labelled from their truth files: every mule, 跑分 participant,
#       U商 and operator the world made, not only those its labels confirm (bench/lib/truth_labels.py)
# (the lists are SHIPPED_WORLDS, SHIPPED_END_ONLY and TRUTH_STORES in bench/lib/data.sh, which bench/generalize.sh
# uses too). Each addition shipped only after a world written later showed, by a rule written down
# first, that it helps and keeps the live check's false alarms within the rule's bounds
# (bench/out/generalize-decisions.md: W3 by decision 1 on W4; W6, W7, the late copies and the
# collector columns by decision 11 on W12; W8 to W12 from their truth files by decision 15 on W16,
# with the live check's rule on which flags may hold a payment).
# W4, W5 and W13 to W16 are never trained on, nor W8 to W12 by their own (incomplete) labels
# (bench/generalize.sh).
#
#   bench/train_shipped.sh [OUT]      OUT defaults to crates/detect/model/default.json
# The model is compiled into the binary: rebuild after replacing it.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-crates/detect/model/default.json}
FANZHA=target/release/fanzha
WORK=target/bench/shipped
log() { echo "[train_shipped] $*" >&2; }
mkdir -p "$WORK"
cargo build --release --quiet

source bench/lib/data.sh
shipped_worlds "$WORK"
truth_worlds "$WORK"
log "training"
train_model "$WORK" "$OUT" "${SHIPPED_WORLDS[@]}" -- "${SHIPPED_END_ONLY[@]}" "${TRUTH_STORES[@]}"
