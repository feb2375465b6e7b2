#!/usr/bin/env python3
"""fanzha's text warnings on Telecom_Fraud_Texts_5, an independently written public corpus (evaluation only).

Source: github.com/ChangMianRen/Telecom_Fraud_Texts_5 (Li, Zhang, Jiang, Appl. Sci. 2024, 14, 11628). Its README
allows research use only and forbids commercial use, so fanzha never trains on it and does not ship it: fetch it
yourself and point this script at the folder holding label00-last.csv ... label04-last.csv.

    python3 bench/text_independent.py DIR [--fanzha target/release/fanzha] [--model M.fzt] [--encoder e5-small-q4.bin [--head H.json]]

The five files are five groups. Each fanzha typology counts for the group it belongs to; a scam typology outside
the four scam groups counts as wrong for the group F1 (but it is still a warning: the binary columns count it).

  group                 file       fanzha typologies
  ordinary SMS          label00    none
  police / government   label01    police_gov
  loan / credit record  label02    loan_card, credit_record
  customer-service      label03    ecommerce_cs
  leader / acquaintance label04    leader_acquaintance

Prints one JSON line: per group precision, recall, F1, texts, called `none`; macro-F1 over the five groups; the
false-alarm rate on ordinary texts; and the share of scam texts warned about under any scam typology.
"""
import argparse, csv, io, json, os, subprocess, sys

GROUPS = [
    ("ordinary", "label00-last.csv", {"none"}),
    ("police_gov", "label01-last.csv", {"police_gov"}),
    ("loan_credit", "label02-last.csv", {"loan_card", "credit_record"}),
    ("cs_refund", "label03-last.csv", {"ecommerce_cs"}),
    ("leader_acquaintance", "label04-last.csv", {"leader_acquaintance"}),
]


def read_csv(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(text)))
    return [r[0] for r in rows[1:] if r and r[0].strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--fanzha", default="target/release/fanzha")
    ap.add_argument("--model")
    ap.add_argument("--encoder", help="turn on the second stage with these weights (e5-small-q4.bin)")
    ap.add_argument("--head", help="the second stage's head, if not the shipped one")
    a = ap.parse_args()
    texts, truth = [], []
    for g, (name, file, _) in enumerate(GROUPS):
        for t in read_csv(os.path.join(a.dir, file)):
            texts.append(t[:20000])
            truth.append(g)
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    cmd = [a.fanzha, "text", "classify", "--json"] + (["--model", a.model] if a.model else []) \
        + (["--encoder", a.encoder] if a.encoder else []) + (["--head", a.head] if a.head else []) + ["-"]
    out = subprocess.run(cmd, input=lines.encode(), capture_output=True, check=False).stdout.decode()
    pred, scam = [None] * len(texts), [False] * len(texts)
    errors = encoder_ran = 0
    for line in out.splitlines():
        d = json.loads(line)
        encoder_ran += bool(d.get("encoder"))
        if "error" in d:
            errors += 1  # counted as `none` below, and reported
        typ = d.get("typology", "none")
        scam[d["id"]] = typ != "none"
        pred[d["id"]] = next((g for g, (_, _, ids) in enumerate(GROUPS) if typ in ids), -1)
    report = {"texts": len(texts), "errors": errors, "groups": {}}
    f1s = []
    for g, (name, _, _) in enumerate(GROUPS):
        tp = sum(1 for t, p in zip(truth, pred) if t == g and p == g)
        support = sum(1 for t in truth if t == g)
        predicted = sum(1 for p in pred if p == g)
        prec = tp / predicted if predicted else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        called_none = sum(1 for t, s in zip(truth, scam) if t == g and not s)
        report["groups"][name] = {"texts": support, "precision": round(prec, 3), "recall": round(rec, 3),
                                  "f1": round(f1, 3), "called_none": called_none}
    ordinary = [s for t, s in zip(truth, scam) if t == 0]
    scams = [s for t, s in zip(truth, scam) if t != 0]
    report["macro_f1"] = round(sum(f1s) / len(f1s), 3)
    report["false_alarm_rate"] = round(sum(ordinary) / len(ordinary), 4)
    report["scams_warned"] = round(sum(scams) / len(scams), 4)
    if a.encoder:
        report["encoder_ran"] = round(encoder_ran / len(texts), 4)  # the share the second stage read
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
