#!/usr/bin/env python3
"""Builds data/text/teleantifraud.jsonl from the TeleAntiFraud multi-agent dialogues.

Source: github.com/JimmyMa99/TeleAntiFraud at commit 6a09c4ee6ac85359c262eb36d689c0e2b392ad0d,
files multi-agents-tools/AntiFraudMatrix{,-normal}/results/*.jsonl (Apache-2.0, Copyright 2025
Zhiming Ma; Ma et al., "TeleAntiFraud-28k", arXiv:2503.24115). Synthetic phone-call dialogues
generated with DeepSeek-V2.5: caller turns in `left`, callee turns in `right`.

Usage: python3 data/text/import_teleantifraud.py DIR > data/text/teleantifraud.jsonl
where DIR holds AntiFraudMatrix/ and AntiFraudMatrix-normal/ (the upstream `results` folders).

Kept: the four fraud types that are fanzha typologies and the ordinary service calls; a fixed
sample of each (by the FNV-1a hash of the text, so reruns give the same file). The other four
types (银行诈骗, 钓鱼诈骗, 身份盗窃, 客服诈骗: mostly "your bank account shows abnormal activity"
scripts) have no fanzha typology and are left out. Half of the texts (by hash) are written the
way speech recognition writes a call (no punctuation, turns run together), half as a dialogue
with the callee's turns marked 我：.
"""
import glob, json, os, re, sys

LABELS = {"绑架诈骗": "accident_kidnap", "投资诈骗": "investment", "彩票诈骗": "prize", "邮件诈骗": "parcel"}
KEEP = {"none": 700, "accident_kidnap": 250, "investment": 250, "prize": 250, "parcel": 250}
PUNCT = re.compile(r"[，。！？、；：“”‘’（）《》,.!?;:\"'()\s]+")


def fnv(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main(root):
    by_label = {k: [] for k in KEEP}
    for path in sorted(glob.glob(os.path.join(root, "AntiFraudMatrix*", "*.jsonl"))):
        normal = "normal" in os.path.basename(os.path.dirname(path))
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            label = "none" if normal else LABELS.get(d.get("fraud_type"))
            if label is None:
                continue
            turns = []
            for i, caller in enumerate(d["left"]):
                turns.append(("", caller))
                if i < len(d["right"]):
                    turns.append(("我：", d["right"][i]))
            dialogue = "\n".join(p + t for p, t in turns)
            h = fnv(dialogue)
            if h % 2:
                text, kind = " ".join(PUNCT.sub("", t) for _, t in turns), "asr"
            else:
                text, kind = dialogue, "dialogue"
            by_label[label].append((h, text, kind))
    seen = set()
    for label, n in KEEP.items():
        for h, text, kind in sorted(by_label[label])[:n]:
            if text in seen:
                continue
            seen.add(text)
            print(json.dumps({"text": text, "label": label, "kind": kind, "source": "teleantifraud"}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
