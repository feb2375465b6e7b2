#!/usr/bin/env bash
# Scam-text classification benchmark: fanzha vs the standard Python alternative (scikit-learn TF-IDF +
# logistic regression), on the same corpus, the same held-out split and the same machine, in one run.
#
#   bench/text.sh                        (data/text/corpus.jsonl, 200,000 messages)
#   SKIP_BUILD=1 bench/text.sh           do not run `cargo build --release` first (use the built binary)
#   MESSAGES=N                           messages for both throughput runs (default 200000)
#   SINGLE_MESSAGES=N                    the baseline's one-call-per-message run on only the first N of
#                                        them (default: all; at ~600/s, 200k take about 5.5 minutes)
#
# What each side computes:
#   fanzha    `fanzha bench text`: the shipped model (crates/text/model/default.fzt, with its vocabulary;
#             no dictionary) loaded in-process (`model_load_seconds`), then the corpus texts of at most 70 characters cycled to MESSAGES,
#             each classified by one call on one thread (`messages_per_sec`: probabilities + argmax, the
#             same work as predict_proba; `messages_per_sec_explained`: with cues and advice).
#             `fanzha text eval --json`: held-out scores of the shipped model (trained on the other 80%)
#             and the evasion set (held-out scam texts with a space / '*' between CJK characters, and in
#             traditional characters by inverted fast2s). Also `fanzha text classify` on the baseline's
#             disguised texts, so both systems are scored on byte-identical inputs (the spaced/symbols
#             texts are the same as eval's; the traditional ones come from OpenCC s2t).
#   baseline  bench/text_baseline.py (see its header): char 1-2-gram TF-IDF (+ jieba word TF-IDF in a
#             FeatureUnion) -> LogisticRegression(max_iter=1000), class_weight balanced or None, the
#             variant with the best held-out macro-F1 reported; fitted on the training split, scored on
#             the held-out split (the same FNV-1a rule, checked below by per-class counts); per-message
#             predict_proba and one batched predict_proba over all MESSAGES on one thread; pickle load
#             (+ jieba dictionary) in a fresh process.
# Both run single-threaded: OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1.
#
# Results: bench/out/text.jsonl — fanzha's bench line, fanzha's eval summary line, the baseline's line —
# and on stdout two Markdown rows (fanzha, baseline) for each of two tables, quality then speed:
#   | system | macro-F1 | accuracy | false alarms | missed scams | disguised: spaced / symbols / traditional accuracy |
#   | system | messages/s one core, one call per message | batched | model load (s) |
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=data/text/corpus.jsonl
MESSAGES=${MESSAGES:-200000}
SINGLE_MESSAGES=${SINGLE_MESSAGES:-0}
OUT=bench/out
WORK=${BENCH_WORK:-target/bench}
FANZHA=target/release/fanzha
PY=${PYTHON:-python3}
mkdir -p "$OUT" "$WORK"
log() { echo "text.sh: $*" >&2; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# --- the baseline's packages (bench only; never a fanzha runtime dependency) ---------------------
if ! "$PY" -c 'import sklearn, jieba' 2>/dev/null; then
  log "installing scikit-learn and jieba with pip"
  "$PY" -m pip install --quiet --disable-pip-version-check scikit-learn jieba
fi
if ! "$PY" -c 'import opencc' 2>/dev/null; then
  # Optional: only for the traditional-characters variant; skipped if it does not install quickly.
  timeout 120 "$PY" -m pip install --quiet --disable-pip-version-check opencc \
    || log "opencc not installed: the baseline skips the traditional variant"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cargo build --release --quiet
fi

# --- fanzha ---------------------------------------------------------------------------------------
log "fanzha bench text ($MESSAGES messages)"
FZ_BENCH=$("$FANZHA" bench text --data "$DATA" --messages "$MESSAGES")
log "fanzha text eval"
FZ_EVAL=$("$FANZHA" text eval --data "$DATA" --json)

# --- baseline -------------------------------------------------------------------------------------
log "scikit-learn baseline (fits 4 variants, then times per-message and batched prediction)"
DISGUISED="$WORK/text-disguised"
BASE=$("$PY" bench/text_baseline.py --data "$DATA" --messages "$MESSAGES" \
  --single-messages "$SINGLE_MESSAGES" --work "$WORK" --disguised-out "$DISGUISED")

# fanzha on the baseline's disguised texts (identical inputs for both systems).
SAME_INPUTS="{}"
for f in "$DISGUISED"/*.jsonl; do
  kind=$(basename "$f" .jsonl)
  acc=$("$FANZHA" text classify --json "$f" | "$PY" -c '
import json, sys
labels = [json.loads(l)["label"] for l in open(sys.argv[1], encoding="utf-8")]
out = [json.loads(l) for l in sys.stdin]
assert [o["id"] for o in out] == list(range(len(labels))), "classify output out of order"
n = len(labels)
print(json.dumps({"examples": n,
                  "accuracy": sum(o["typology"] == l for o, l in zip(out, labels)) / n,
                  "missed_scam_rate": sum(o["typology"] == "none" for o in out) / n}))' "$f")
  SAME_INPUTS=$(jq -c --arg k "$kind" --argjson v "$acc" '. + {($k): $v}' <<<"$SAME_INPUTS")
done

FZ_SUMMARY=$(jq -c --argjson same "$SAME_INPUTS" '{bench: "text_eval", system: "fanzha",
    held_out: (.held_out | {examples, accuracy, macro_f1, false_alarm_rate, missed_scam_rate}),
    test_support: ([.held_out.per_class[] | select(.support > 0) | {(.label): .support}] | add),
    evasion: .evasion, evasion_on_baseline_texts: $same}' <<<"$FZ_EVAL")

{
  echo "$FZ_BENCH"
  echo "$FZ_SUMMARY"
  echo "$BASE"
} >"$OUT/text.jsonl"
log "wrote $OUT/text.jsonl"

# The same split: the per-class counts of the held-out split must agree.
if [ "$(jq -cS .test_support <<<"$FZ_SUMMARY")" != "$(jq -cS .test_support <<<"$BASE")" ]; then
  log "held-out splits differ: fanzha $(jq -cS .test_support <<<"$FZ_SUMMARY") baseline $(jq -cS .test_support <<<"$BASE")"
  exit 1
fi

# --- Markdown -------------------------------------------------------------------------------------
# fanzha's traditional figure is its own eval's (inverted fast2s), with its score on the OpenCC texts the
# baseline saw in parentheses.
"$PY" - "$OUT/text.jsonl" <<'EOF'
import json, sys
fz_bench, fz_eval, base = (json.loads(l) for l in open(sys.argv[1], encoding="utf-8"))
pct = lambda x: f"{100 * x:.1f}%"
acc = lambda ev, k: pct(ev[k]["accuracy"]) if k in ev else "—"
def quality(name, s, trad):
    h = s["held_out"]
    print(f"| {name} | {h['macro_f1']:.3f} | {pct(h['accuracy'])} | {pct(h['false_alarm_rate'])} | "
          f"{pct(h['missed_scam_rate'])} | {acc(s['evasion'], 'spaced')} / {acc(s['evasion'], 'symbols')} / {trad} |")
base_name = f"scikit-learn TF-IDF + LR ({base['config']})"
quality("fanzha", fz_eval, f"{acc(fz_eval['evasion'], 'traditional')} "
        f"(OpenCC: {acc(fz_eval['evasion_on_baseline_texts'], 'traditional')})")
quality(base_name, base, f"OpenCC: {acc(base['evasion'], 'traditional')}")
print()
print(f"| fanzha | {fz_bench['messages_per_sec']:,.0f} ({fz_bench['messages_per_sec_explained']:,.0f} with cues) "
      f"| — (no batch API) | {fz_bench['model_load_seconds']:.3f} |")
print(f"| {base_name} | {base['messages_per_sec_per_message']:,.0f} | {base['messages_per_sec_batched']:,.0f} "
      f"| {base['model_load_seconds']:.3f} (pickle {base['pickle_load_seconds']:.3f} + jieba dictionary "
      f"{base['jieba_init_seconds']:.3f}; imports {base['import_seconds']:.2f} s more) |")
EOF
