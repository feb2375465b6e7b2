#!/usr/bin/env python3
"""How far can any system get on AMLSim's "quiet" fraudulent accounts (bench/mules_amlsim.py
defines the kinds: labelled fraudulent, but neither sent nor received the pattern's transfers)?

An upper bound, not a detector: a gradient-boosted model (scikit-learn) is trained on one sample to
tell quiet accounts from normal ones, and tested on the other. It gets each account's counts and
sums of transfers and its distinct counterparties and, as an oracle no real system has, how many
transfers it made with each *true* kind of account (normal, step, burst, quiet).

Adding quiet accounts raises the cross-sample F1 (about 0.8 at precision 1.0) only if they are
flagged with a precision above about F1 / 2 = 0.4. The script prints the precision among the k
accounts this oracle model ranks highest, and one JSON line per row to stderr.

Usage: bench/amlsim_quiet.py [DATA_DIR]   (default ../shared/data/amlsim; bench/mules.sh runs it)
"""
import collections
import json
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

import mules_amlsim

KINDS = ("normal", "step", "burst", "quiet")
TOP = (5, 10, 20, 40, 80)


def load(sample):
    """(own columns, oracle columns, is-quiet) over the normal and quiet accounts of a sample."""
    nodes, edges = mules_amlsim.load(sample)
    kind = {a: "normal" for a in nodes} | mules_amlsim.kinds(nodes, edges)
    count = collections.defaultdict(collections.Counter)
    payees, payers = collections.defaultdict(set), collections.defaultdict(set)
    for _, src, dst, _, value in edges:
        a, b = str(int(src)), str(int(dst))
        count[a].update({"out": 1, "out_amount": value, f"out_{kind[b]}": 1})
        count[b].update({"in": 1, "in_amount": value, f"in_{kind[a]}": 1})
        payees[a].add(b)
        payers[b].add(a)
    ids = [a for a in nodes if kind[a] in ("normal", "quiet")]
    own = np.array([[count[a]["out"], count[a]["in"], count[a]["out_amount"], count[a]["in_amount"],
                     len(payees[a]), len(payers[a])] for a in ids])
    oracle = np.array([[count[a][f"{d}_{k}"] for d in ("in", "out") for k in KINDS] for a in ids])
    return own, oracle, np.array([kind[a] == "quiet" for a in ids])


def main():
    data = {s: load(s) for s in mules_amlsim.SAMPLES}
    print(f"{'split':<34} {'columns':<22} {'ROC-AUC':>7} {'PR-AUC':>7} {'best F1':>7}  precision at top k")
    a, b = mules_amlsim.SAMPLES
    for train, test in ((a, b), (b, a)):
        (tr_own, tr_oracle, y_tr), (te_own, te_oracle, y_te) = data[train], data[test]
        for name, x_tr, x_te in (("own", tr_own, te_own),
                                 ("own + oracle kinds", np.hstack([tr_own, tr_oracle]), np.hstack([te_own, te_oracle]))):
            p = HistGradientBoostingClassifier(max_iter=300, random_state=1).fit(x_tr, y_tr).predict_proba(x_te)[:, 1]
            best = mules_amlsim.best_f1(y_te, p)
            top = y_te[np.argsort(-p, kind="stable")]
            at = {k: float(top[:k].mean()) for k in TOP}
            row = {"bench": "mules_amlsim_quiet", "split": f"cross {train} -> {test}", "columns": name,
                   "roc_auc": float(roc_auc_score(y_te, p)), "pr_auc": float(average_precision_score(y_te, p)),
                   "best_f1": best, "precision_at": at}
            cells = "  ".join(f"{k}: {v:.2f}" for k, v in at.items())
            print(f"{train + ' -> ' + test:<34} {name:<22} {row['roc_auc']:7.3f} {row['pr_auc']:7.3f} {best:7.3f}  {cells}")
            print(json.dumps(row), file=sys.stderr)


if __name__ == "__main__":
    mules_amlsim.DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/amlsim"
    main()
