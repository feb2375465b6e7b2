#!/usr/bin/env bash
# Text warnings out of style: train on one shape or one author, test on another, next to the scikit-learn
# baseline trained and tested on the same files in the same run (docs/BENCHMARKS.md, "Text warnings on texts
# of other shapes and authors"). Every model is trained here from data/text with the shipped options.
#
#   bench/text_styles.sh                   all rows; fanzha as shipped (windows 96, length power 0.25) and
#                                          two ablations (whole texts only; no length power)
#   SKIP_BUILD=1 bench/text_styles.sh      use the built binary
#   NO_BASELINE=1                          skip scikit-learn
#   INDEPENDENT=DIR                        also score Telecom_Fraud_Texts_5 (research-only licence: fetch it
#                                          yourself; evaluation only, never training), by its five groups
#
# Rows (train -> test; "all" = every text of the test file, "held-out" = its held-out split):
#   short -> long        corpus + messages (team, single messages)   -> dialogues (team, conversations), all
#                                                                     -> teleantifraud (other authors, calls), all
#   long -> short        dialogues + teleantifraud                   -> corpus + messages, all
#   team -> independent  corpus + dialogues + messages (team)        -> teleantifraud, all
#   shipped              training splits of the three team files     -> held-out split of each
# Output: Markdown rows | system | train | test | texts | macro-F1 | missed scams | false alarms | on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
FANZHA=target/release/fanzha
WORK=${BENCH_WORK:-target/bench}/text-styles
mkdir -p "$WORK"
log() { echo "text_styles.sh: $*" >&2; }
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --release --quiet
T=data/text
SHORT="--data $T/corpus.jsonl --data $T/messages.jsonl"
LONG="--data $T/dialogues.jsonl --data $T/teleantifraud.jsonl"
TEAM="--data $T/corpus.jsonl --data $T/dialogues.jsonl --data $T/messages.jsonl"
md() { python3 -c '
import json, sys
e = json.load(sys.stdin)
e = e.get("held_out", e)
print("| %s | %s | %s | %d | %.3f | %.1f%% | %.1f%% |" % (sys.argv[1], sys.argv[2], sys.argv[3], e["examples"],
      e["macro_f1"], 100 * e["missed_scam_rate"], 100 * e["false_alarm_rate"]))' "$@"; }

echo "| system | train | test | texts | macro-F1 | missed scams | false alarms |"
echo "|---|---|---|---:|---:|---:|---:|"
for variant in "shipped:" "whole texts only:--window 0" "no length power:--length-power 0"; do
  name=${variant%%:*}; opts=${variant#*:}
  log "$name: training"
  # shellcheck disable=SC2086
  {
    "$FANZHA" text train --all $opts $SHORT --out "$WORK/short.fzt" >/dev/null
    "$FANZHA" text train --all $opts $LONG --out "$WORK/long.fzt" >/dev/null
    "$FANZHA" text train --all $opts $TEAM --out "$WORK/team.fzt" >/dev/null
    "$FANZHA" text train $opts $TEAM --out "$WORK/split.fzt" >/dev/null
    sys="fanzha ($name)"
    "$FANZHA" text eval --json --all --model "$WORK/short.fzt" --data $T/dialogues.jsonl | md "$sys" "short" "dialogues, all"
    "$FANZHA" text eval --json --all --model "$WORK/short.fzt" --data $T/teleantifraud.jsonl | md "$sys" "short" "teleantifraud, all"
    "$FANZHA" text eval --json --all --model "$WORK/long.fzt" $SHORT | md "$sys" "long" "corpus + messages, all"
    "$FANZHA" text eval --json --all --model "$WORK/team.fzt" --data $T/teleantifraud.jsonl | md "$sys" "team" "teleantifraud, all"
    for f in corpus dialogues messages; do
      "$FANZHA" text eval --json --model "$WORK/split.fzt" --data $T/$f.jsonl | md "$sys" "team, training split" "$f, held-out"
    done
  }
  if [ -n "${INDEPENDENT:-}" ]; then
    for m in team split; do
      echo "<!-- $sys, $m model, Telecom_Fraud_Texts_5: $(python3 bench/text_independent.py "$INDEPENDENT" --fanzha "$FANZHA" --model "$WORK/$m.fzt") -->"
    done
  fi
done

if [ "${NO_BASELINE:-0}" != 1 ]; then
  python3 -c 'import sklearn, jieba' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check scikit-learn jieba
  log "scikit-learn baseline"
  B=bench/text_styles_baseline.py
  bl() { python3 -c '
import json, sys
o = json.load(sys.stdin)
for t, e in o["tests"].items():
    print("| %s | %s | %s | %d | %.3f | %.1f%% | %.1f%% |" % (sys.argv[1], sys.argv[2], sys.argv[3] or t.split("/")[-1].split(".")[0] + ", " + o["split"].replace("_", "-"),
          e["examples"], e["macro_f1"], 100 * e["missed_scam_rate"], 100 * e["false_alarm_rate"]))
if "independent" in o:
    print("<!-- scikit-learn, %s, Telecom_Fraud_Texts_5: %s -->" % (sys.argv[2], json.dumps(o["independent"])))' "$@"; }
  sys="scikit-learn TF-IDF + LR"
  IND=${INDEPENDENT:+--independent $INDEPENDENT}
  # shellcheck disable=SC2086
  {
    python3 $B --train $T/corpus.jsonl --train $T/messages.jsonl --test $T/dialogues.jsonl --test $T/teleantifraud.jsonl | bl "$sys" "short" ""
    python3 $B --train $T/dialogues.jsonl --train $T/teleantifraud.jsonl --test $T/corpus.jsonl --test $T/messages.jsonl | bl "$sys" "long" ""
    python3 $B --train $T/corpus.jsonl --train $T/dialogues.jsonl --train $T/messages.jsonl --test $T/teleantifraud.jsonl $IND | bl "$sys" "team" ""
    python3 $B --split held_out --train $T/corpus.jsonl --train $T/dialogues.jsonl --train $T/messages.jsonl \
      --test $T/corpus.jsonl --test $T/dialogues.jsonl --test $T/messages.jsonl | bl "$sys" "team, training split" ""
  }
fi
