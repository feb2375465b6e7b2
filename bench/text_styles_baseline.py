#!/usr/bin/env python3
"""The scikit-learn baseline on bench/text_styles.sh's rows: fit on some files, score on others.

    python3 bench/text_styles_baseline.py --train A.jsonl [--train B.jsonl ...] --test C.jsonl [--split all|held_out]
        [--independent DIR]

Model: the variant of bench/text_baseline.py that scored best on the team corpus: char 1-2-gram TF-IDF +
jieba word TF-IDF (FeatureUnion) -> LogisticRegression(max_iter=1000, class_weight="balanced"). Training uses
the training split (fanzha_text::is_test false) of --train files when --split held_out, every text otherwise;
scores are computed as crates/text/src/eval.rs does (macro-F1 over classes present, false alarms, missed scams).
--independent DIR also scores Telecom_Fraud_Texts_5 by bench/text_independent.py's five groups.
Output: one JSON line.
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse, json, sys
import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

sys.path.insert(0, os.path.dirname(__file__))
from text_baseline import is_test, jieba_words  # noqa: E402
import text_independent  # noqa: E402


def read(paths):
    out = []
    for p in paths:
        out += [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    return out


def label_f1(truth, pred):
    """F1 of every label the truth has, by label (sorted)."""
    f1s = {}
    for l in sorted(set(truth)):
        tp = sum(1 for t, p in zip(truth, pred) if t == l and p == l)
        predicted = sum(1 for p in pred if p == l)
        support = sum(1 for t in truth if t == l)
        prec = tp / predicted if predicted else 0.0
        rec = tp / support if support else 0.0
        f1s[l] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f1s


def scores(truth, pred):
    f1s = list(label_f1(truth, pred).values())
    ordinary = [p for t, p in zip(truth, pred) if t == "none"]
    scams = [p for t, p in zip(truth, pred) if t != "none"]
    return {"examples": len(truth), "macro_f1": sum(f1s) / len(f1s),
            "false_alarm_rate": sum(p != "none" for p in ordinary) / max(len(ordinary), 1),
            "missed_scam_rate": sum(p == "none" for p in scams) / max(len(scams), 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", action="append", required=True)
    ap.add_argument("--test", action="append", default=[])
    ap.add_argument("--split", choices=["all", "held_out"], default="all")
    ap.add_argument("--independent")
    a = ap.parse_args()
    jieba.setLogLevel(60)
    train = [e for e in read(a.train) if a.split == "all" or not is_test(e["text"])]
    pipe = Pipeline([
        ("features", FeatureUnion([
            ("char", TfidfVectorizer(analyzer="char", ngram_range=(1, 2))),
            ("word", TfidfVectorizer(tokenizer=jieba_words, token_pattern=None, lowercase=True)),
        ])),
        ("lr", LogisticRegression(max_iter=1000, class_weight="balanced")),
    ])
    pipe.fit([e["text"] for e in train], [e["label"] for e in train])
    out = {"bench": "text_styles_baseline", "train": a.train, "split": a.split, "tests": {}}
    for t in a.test:
        test = [e for e in read([t]) if a.split == "all" or is_test(e["text"])]
        out["tests"][t] = scores([e["label"] for e in test], list(pipe.predict([e["text"] for e in test])))
    if a.independent:
        texts, truth = [], []
        for g, (_, file, _) in enumerate(text_independent.GROUPS):
            for x in text_independent.read_csv(os.path.join(a.independent, file)):
                texts.append(x)
                truth.append(g)
        pred = list(pipe.predict(texts))
        group = [next((g for g, (_, _, ids) in enumerate(text_independent.GROUPS) if p in ids), -1) for p in pred]
        f1s = [round(f, 3) for f in label_f1(truth, group).values()]
        ordinary = [p for t, p in zip(truth, pred) if t == 0]
        out["independent"] = {"group_f1": f1s, "macro_f1": round(sum(f1s) / len(f1s), 3),
                              "false_alarm_rate": round(sum(p != "none" for p in ordinary) / len(ordinary), 4)}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
