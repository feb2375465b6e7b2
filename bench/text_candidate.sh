#!/usr/bin/env bash
# Should a text model trained on other data or options replace the shipped one? The decision rule of
# docs/BENCHMARKS.md ("Text warnings on texts of other shapes and authors"), fixed before the candidates:
# a candidate ships only if it beats the shipped model by at least 0.01 on the mean of
#   (a) macro-F1 on the held-out split of the four team files of 2026-12-03 (corpus, dialogues, messages,
#       scripts: 1,081 texts; newer team files are reported beside it, not in it), and
#   (b) macro-F1 on every text of data/text/teleantifraud.jsonl (written by others, never trained on).
# Telecom_Fraud_Texts_5 (INDEPENDENT=DIR; research-only licence, fetch it yourself) is scored after the
# decision, for the record, and is never a selection figure.
#
#   bench/text_candidate.sh NAME [fanzha text train options: --data FILE ... --l2 X ...]
#   (no --data: the shipped model's three files; no options at all: the shipped model file itself)
#   SKIP_BUILD=1   use the built binary          EXTRA=FILE   also report the held-out split of FILE
#   ENCODER=e5-small-q4.bin   with the second stage on (HEAD=FILE: a head other than the shipped one)
# Output: one Markdown row | NAME | team held-out | teleantifraud | selection mean | extra | TFT5 |, the
# cells "macro-F1 / missed scams / false alarms".
set -euo pipefail
cd "$(dirname "$0")/.."
FANZHA=target/release/fanzha
WORK=${BENCH_WORK:-target/bench}/text-candidates
mkdir -p "$WORK"
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --release --quiet
T=data/text
name=$1; shift
model="$WORK/$name.fzt"
if [ $# -eq 0 ]; then
  model=crates/text/model/default.fzt
else
  args=("$@")
  printf '%s\n' "${args[@]}" | grep -qx -- --data || args+=(--data $T/corpus.jsonl --data $T/dialogues.jsonl --data $T/messages.jsonl)
  "$FANZHA" text train "${args[@]}" --out "$model" >/dev/null
fi
stage=()
[ -n "${ENCODER:-}" ] && stage=(--encoder "$ENCODER" --no-disguise)
[ -n "${HEAD:-}" ] && stage+=(--head "$HEAD")
cell() { python3 -c '
import json, sys
e = json.load(sys.stdin)
e = e.get("held_out", e)
print("%.3f / %.1f%% / %.1f%%" % (e["macro_f1"], 100 * e["missed_scam_rate"], 100 * e["false_alarm_rate"]))'; }
team=$("$FANZHA" text eval --json "${stage[@]}" --model "$model" --data $T/corpus.jsonl --data $T/dialogues.jsonl \
  --data $T/messages.jsonl --data $T/scripts.jsonl | cell)
taf=$("$FANZHA" text eval --json --all "${stage[@]}" --model "$model" --data $T/teleantifraud.jsonl | cell)
mean=$(python3 -c 'import sys; print("%.4f" % ((float(sys.argv[1]) + float(sys.argv[2])) / 2))' "${team%% *}" "${taf%% *}")
extra="—"
[ -n "${EXTRA:-}" ] && extra=$("$FANZHA" text eval --json "${stage[@]}" --model "$model" --data "$EXTRA" | cell)
t5="—"
if [ -n "${INDEPENDENT:-}" ]; then
  t5=$(python3 bench/text_independent.py "$INDEPENDENT" --fanzha "$FANZHA" --model "$model" \
    ${ENCODER:+--encoder "$ENCODER"} ${HEAD:+--head "$HEAD"} | python3 -c '
import json, sys
o = json.load(sys.stdin)
g = o["groups"]
print("%.3f (%s) / FA %.1f%%" % (o["macro_f1"], " ".join("%.2f" % g[k]["f1"] for k in g), 100 * o["false_alarm_rate"]))')
fi
echo "| $name | $team | $taf | $mean | $extra | $t5 |"
