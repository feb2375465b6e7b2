#!/usr/bin/env python3
"""Mule-account detection on IBM AMLSim: fanzha (`fanzha train` + `fanzha eval`) next to the usual
public baseline, IBM Snap ML's GraphFeaturePreprocessor (GFP) features + XGBoost, on the same
splits, the same labels and the same machine, in one run.

Splits
  cross     train on one sample (all its accounts), test on the other sample.
  temporal  within one sample: train on transfers up to step T with the accounts that became
            fraudulent by T (fraudStep in 0..T) against the never-fraudulent ones; test on the
            whole period: the accounts that became fraudulent after T against the never-fraudulent
            ones. Accounts labelled fraudulent with no fraudStep (-1) have no time and are left out
            of temporal splits.

Recall by kind of labelled account (cross splits): AMLSim labels three kinds of fraudulent account.
  step   has a fraudStep: it sent the pattern's transfers.
  burst  no fraudStep, but took two or more transfers from one payer in one step (the pattern's
         transfers end there).
  quiet  no fraudStep and no such transfers: nothing in the transfers marks it but whom it deals with.
The table after the main one shows what share of each kind each system flagged.

Both sides choose their decision threshold the same way, by fanzha's rule over 5-fold out-of-fold
scores of the training accounts: of the thresholds whose F1 is within 0.01 of the best, the middle
in log-odds. fanzha's model is the bag of its 5 fold fits (mean
log-odds); GFP + XGBoost is shown both ways: "GFP+XGBoost" is one fit on all training accounts (the
usual recipe), "GFP+XGB bag" is the same bag of its 5 fold fits. Reported: precision, recall, F1 of
the positive class, PR-AUC (average precision) and the test-set best F1.

Is a difference more than the luck of which accounts the test sample holds? A paired cluster
bootstrap resamples the test accounts 1,000 times (the same draw for both systems, scores and flags
fixed) and prints, for fanzha minus each other system,
the 95 % interval of the difference in F1 and in PR-AUC and the shares of draws in which fanzha is
ahead and behind. The fraudulent accounts of one laundering pattern (linked by the transfers they
sent at their fraudStep) are drawn together, as they are not independent; every other account is
drawn alone. Only the cross splits:
on the temporal ones every system scores 1.000. The models stay fixed, so the intervals leave out
the randomness of training.

Usage: bench/mules_amlsim.py FANZHA DATA_DIR WORK_DIR   (bench/mules.sh runs it)
"""
import collections
import csv
import json
import os
import subprocess
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_recall_fscore_support
from snapml import GraphFeaturePreprocessor

FANZHA = DATA = WORK = None  # set from the command line (or by a script that imports this one)
SAMPLES = ["20K_fanin200", "20K_cycle200"]
EPOCH = 1577836800  # 2020-01-01T00:00:00Z, fanzha's default AMLSim epoch: step n = epoch + n days
SPLIT_STEP = 75
THREADS = 2
FOLDS = 5
F1_SLACK = 0.01  # as crates/detect/src/metrics.rs
BOOTSTRAP_DRAWS = 1000
TIE = 1e-9  # differences smaller than this are rounding, not a lead

# GFP windows in steps (days) — the same 24 h window fanzha uses is one step here, so GFP gets
# several windows to choose from as is usual for AMLSim.
GFP_PARAMS = {
    "num_threads": THREADS,
    "time_window": 30,
    "vertex_stats": True,
    "vertex_stats_cols": [4],
    "vertex_stats_feats": [0, 1, 2, 3, 4, 5, 6, 8],
    "vertex_stats_tw": 30,
    "fan": True, "fan_tw": 7, "fan_bins": [1, 2, 3, 5, 10],
    "degree": True, "degree_tw": 7, "degree_bins": [1, 2, 3, 5, 10],
    "scatter-gather": True, "scatter-gather_tw": 7, "scatter-gather_bins": [1, 2, 3, 5, 10],
    "temp-cycle": True, "temp-cycle_tw": 14, "temp-cycle_bins": [1, 2, 3, 5, 10],
    "lc-cycle": True, "lc-cycle_tw": 14, "lc-cycle_len": 8, "lc-cycle_bins": [1, 2, 3, 5, 10],
}


def load(sample):
    nodes = {}
    with open(os.path.join(DATA, sample, "nodes.csv")) as f:
        for r in csv.DictReader(f):
            nodes[r["nodeid"]] = (r["isFraud"] == "1", int(r["fraudStep"]))
    edges = []
    with open(os.path.join(DATA, sample, "transactions.csv")) as f:
        for i, r in enumerate(csv.DictReader(f)):
            edges.append((i, int(r["sourceNodeId"]), int(r["targetNodeId"]), int(r["time"]), float(r["value"])))
    return nodes, np.array(edges, dtype=np.float64)


def kinds(nodes, edges):
    """Kind of every fraudulent account: step, burst or quiet (see the module notes)."""
    same_step = collections.Counter(zip(edges[:, 1].astype(int), edges[:, 2].astype(int), edges[:, 3].astype(int)))
    burst = {str(d) for (_, d, _), n in same_step.items() if n >= 2}
    return {a: "step" if step >= 0 else ("burst" if a in burst else "quiet")
            for a, (fraud, step) in nodes.items() if fraud}


def split_labels(nodes, edges, kind, until=None):
    """(account id, label) rows for one side of a split."""
    if kind == "all":
        return [(a, f) for a, (f, _) in nodes.items()]
    active = set()
    if until is not None:
        mask = edges[:, 3] <= until
        active = set(edges[mask, 1].astype(int).astype(str)) | set(edges[mask, 2].astype(int).astype(str))
    rows = []
    for a, (fraud, step) in nodes.items():
        if kind == "train" and a in active:
            if not fraud:
                rows.append((a, False))
            elif 0 <= step <= SPLIT_STEP:
                rows.append((a, True))
        elif kind == "test":
            if not fraud:
                rows.append((a, False))
            elif step > SPLIT_STEP:
                rows.append((a, True))
    return rows


def write_labels(rows, path):
    with open(path, "w") as f:
        f.write("account_id,label\n")
        for a, l in rows:
            f.write(f"{a},{int(l)}\n")


def run_fanzha(train_db, train_rows, test_db, test_rows, until, tag):
    tl, el, model = (os.path.join(WORK, f"{tag}-{x}") for x in ("train.csv", "test.csv", "model.json"))
    write_labels(train_rows, tl)
    write_labels(test_rows, el)
    cmd = [FANZHA, "train", "--db", train_db, "--labels", tl, "--out", model]
    if until is not None:
        cmd += ["--until", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(EPOCH + until * 86400))]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(
        [FANZHA, "eval", "--db", test_db, "--labels", el, "--model", model, "--json", "--learn-cases", "never"],
        check=True, capture_output=True, text=True,
    ).stdout
    seconds = time.perf_counter() - t0
    q = json.loads(out)["mules"]["combined"]
    scored = subprocess.run([FANZHA, "detect", "mules", "--db", test_db, "--model", model, "--json", "--all", "--learn-cases", "never"],
                            check=True, capture_output=True, text=True).stdout
    accounts = json.loads(scored)["accounts"]
    flagged = {a["account"] for a in accounts if a["flagged"]}
    score = {a["account"]: a["score"] for a in accounts}
    scores = np.array([score.get(a, 0.0) for a, _ in test_rows])
    best = best_f1([l for _, l in test_rows], scores)
    return {"precision": q["precision"], "recall": q["recall"], "f1": q["f1"], "pr_auc": q["pr_auc"],
            "best_f1": best, "seconds": seconds}, flagged, scores


def best_f1(labels, scores):
    """The F1 at the best threshold on the test set itself: how well the scores rank, apart from
    how well the threshold chosen in training carries over."""
    p, r, _ = precision_recall_curve(labels, scores)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.nanmax(2 * p * r / (p + r)))


def gfp_account_features(edges):
    """GFP per-edge features, then per account: mean and max over its in- and out-edges."""
    g = GraphFeaturePreprocessor()
    g.set_params(GFP_PARAMS)
    out = g.fit_transform(edges.astype("float64"))
    feats = out[:, 5:]
    src, dst = edges[:, 1].astype(int), edges[:, 2].astype(int)
    n = int(max(src.max(), dst.max())) + 1
    k = feats.shape[1]
    agg = np.zeros((n, 4 * k + 2))
    for side, ids in ((0, src), (1, dst)):
        cnt = np.bincount(ids, minlength=n).astype(float)
        sums = np.zeros((n, k))
        np.add.at(sums, ids, feats)
        maxs = np.full((n, k), -np.inf)
        np.maximum.at(maxs, ids, feats)
        maxs[np.isinf(maxs)] = np.nan
        with np.errstate(invalid="ignore", divide="ignore"):
            agg[:, side * 2 * k:side * 2 * k + k] = sums / cnt[:, None]
        agg[:, side * 2 * k + k:(side + 1) * 2 * k] = maxs
        agg[:, 4 * k + side] = cnt
    return agg


def fit_xgb(x, y):
    """XGBoost on all rows (and the seconds that fit took), the 5 fold fits, and the threshold chosen
    on their out-of-fold scores by fanzha's rule."""
    params = dict(n_estimators=200, max_depth=5, learning_rate=0.08, tree_method="hist", n_jobs=THREADS,
                  eval_metric="logloss")
    idx = np.arange(len(y)).astype(np.uint64)
    fold = ((idx * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)) % np.uint64(FOLDS)
    oof = np.full(len(y), np.nan)
    folds = []
    for f in range(FOLDS):
        out = fold == f
        if y[~out].min() != y[~out].max():
            folds.append(xgb.XGBClassifier(**params).fit(x[~out], y[~out]))
            oof[out] = folds[-1].predict_proba(x[out])[:, 1]
    seen = ~np.isnan(oof)
    threshold = near_best_threshold(oof[seen], y[seen]) if y[seen].sum() >= 5 else 0.5
    t0 = time.perf_counter()
    full = xgb.XGBClassifier(**params).fit(x, y)
    return full, time.perf_counter() - t0, folds, threshold


def near_best_threshold(scores, labels, slack=F1_SLACK):
    """fanzha's threshold rule (crates/detect/src/metrics.rs, near_best_f1_threshold): of the
    thresholds whose F1 is within `slack` of the best, the middle in log-odds, or the near-best one
    closest to it."""
    order = np.argsort(-scores, kind="stable")
    s, l = scores[order], labels[order].astype(bool)
    last = np.append(s[1:] != s[:-1], True)  # the last item of each distinct score level
    flagged = np.arange(1, len(s) + 1)[last]
    f1 = 2 * np.cumsum(l)[last] / (flagged + l.sum())
    high, below = s[last], np.append(s[last][1:], 0.0)
    near = f1 >= f1.max() - slack
    logit = lambda p: np.log(np.clip(p, 1e-9, 1 - 1e-9) / (1 - np.clip(p, 1e-9, 1 - 1e-9)))
    middle = 1 / (1 + np.exp(-(logit(below[near].min()) + logit(high[near].max())) / 2))
    at = np.argmax(below < middle)
    if below[at] < middle and near[at]:
        return float(middle)
    mids = (high + below) / 2
    return float(mids[near][np.argmin(np.abs(logit(mids[near]) - logit(middle)))])


def bagged(folds, x):
    """The fold fits' mean log-odds as a probability: the bag fanzha's model uses, given to XGBoost."""
    margin = np.mean([m.predict(x, output_margin=True) for m in folds], axis=0)
    return 1 / (1 + np.exp(-margin))


def run_gfp(train_edges, train_rows, test_edges, test_rows):
    """GFP + XGBoost fitted on all training rows, and GFP + XGBoost as the bag of its fold fits."""
    t0 = time.perf_counter()
    xtr_all = gfp_account_features(train_edges)
    xte_all = gfp_account_features(test_edges)
    pick = lambda x, rows: x[[int(a) for a, _ in rows]]
    xtr, ytr = pick(xtr_all, train_rows), np.array([l for _, l in train_rows], dtype=int)
    xte, yte = pick(xte_all, test_rows), np.array([l for _, l in test_rows], dtype=int)
    model, full_fit, folds, threshold = fit_xgb(xtr, ytr)
    fitted = time.perf_counter() - t0
    results = []
    # Seconds: features, the fold fits and scoring, plus the fit on all rows for the single model.
    for predict, extra in ((lambda: model.predict_proba(xte)[:, 1], 0.0),
                           (lambda: bagged(folds or [model], xte), -full_fit)):
        t1 = time.perf_counter()
        p = predict()
        seconds = fitted + extra + time.perf_counter() - t1
        prec, rec, f1, _ = precision_recall_fscore_support(yte, p >= threshold, average="binary", zero_division=0)
        flagged = {a for (a, _), hit in zip(test_rows, p >= threshold) if hit}
        results.append(({"precision": float(prec), "recall": float(rec), "f1": float(f1),
                         "pr_auc": float(average_precision_score(yte, p)), "best_f1": best_f1(yte, p),
                         "seconds": seconds}, flagged, p))
    return results


def bootstrap_groups(rows, nodes, edges):
    """Index groups of the test rows for the bootstrap: fraudulent accounts joined by a pattern
    transfer (one a fraudulent account sent at its fraudStep to another) form one group, one
    laundering pattern (union-find); every other account is a group of its own. (Joined by any
    transfer, nearly all fraudulent accounts of a sample would be one group.)"""
    fraud = {a: i for i, (a, label) in enumerate(rows) if label}
    parent = list(range(len(rows)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for src, dst, step in edges[:, 1:4].astype(int):
        a, b = fraud.get(str(src)), fraud.get(str(dst))
        if a is not None and b is not None and nodes[str(src)][1] == step:
            parent[max(root(a), root(b))] = min(root(a), root(b))
    groups = collections.defaultdict(list)
    for i in range(len(rows)):
        groups[root(i)].append(i)
    return [np.array(g) for g in groups.values()]


def paired_bootstrap(labels, groups, ours, theirs, draws=BOOTSTRAP_DRAWS, seed=1):
    """fanzha minus the other system, in F1 at each one's trained threshold and in PR-AUC, over
    `draws` resamples of the test accounts' `groups` (the same resample for both): the 95 % interval
    of each difference and the shares of resamples in which fanzha is ahead and behind."""
    rng = np.random.default_rng(seed)
    y = np.asarray(labels, dtype=bool)
    (our_scores, our_flags), (their_scores, their_flags) = ours, theirs
    f1_diff, ap_diff = np.empty(draws), np.empty(draws)
    for d in range(draws):
        i = np.concatenate([groups[k] for k in rng.integers(0, len(groups), len(groups))])
        yi = y[i]
        f1_diff[d] = f1_of(yi, our_flags[i]) - f1_of(yi, their_flags[i])
        ap_diff[d] = average_precision_score(yi, our_scores[i]) - average_precision_score(yi, their_scores[i])
    summary = lambda x: {"low": float(np.percentile(x, 2.5)), "high": float(np.percentile(x, 97.5)),
                         "ahead": float(np.mean(x > TIE)), "behind": float(np.mean(x < -TIE))}
    return {"f1": summary(f1_diff), "pr_auc": summary(ap_diff)}


def f1_of(labels, flags):
    hits = np.count_nonzero(labels & flags)
    total = np.count_nonzero(labels) + np.count_nonzero(flags)
    return 2 * hits / total if total else 0.0


def main():
    data = {s: load(s) for s in SAMPLES}
    db = {s: os.path.join(WORK, f"aml-{s}.db") for s in SAMPLES}
    runs = []
    for a, b in ((SAMPLES[0], SAMPLES[1]), (SAMPLES[1], SAMPLES[0])):
        tr, te = split_labels(data[a][0], None, "all"), split_labels(data[b][0], None, "all")
        runs.append((f"cross {a} -> {b}", db[a], tr, data[a][1], db[b], te, data[b][1], None, kinds(*data[b])))
    for s in SAMPLES:
        nodes, edges = data[s]
        tr = split_labels(nodes, edges, "train", SPLIT_STEP)
        te = split_labels(nodes, edges, "test")
        runs.append((f"temporal {s} (T={SPLIT_STEP})", db[s], tr, edges[edges[:, 3] <= SPLIT_STEP], db[s], te, edges,
                     SPLIT_STEP, None))
    print(f"{'split':<42} {'system':<14} {'P':>6} {'R':>6} {'F1':>6} {'PR-AUC':>7} {'bestF1':>7} {'s':>6}")
    by_kind, versus = [], []
    for name, trdb, tr, tre, tedb, te, tee, until, kind in runs:
        tag = name.split()[0] + "-" + name.split()[1].split("->")[0].strip()
        f, f_flagged, f_scores = run_fanzha(trdb, tr, tedb, te, until, tag)
        (g, g_flagged, g_scores), (b, b_flagged, b_scores) = run_gfp(tre, tr, tee, te)
        if kind:  # the cross splits (on the temporal ones every system scores 1.000)
            for system, flagged in (("fanzha", f_flagged), ("GFP+XGBoost", g_flagged), ("GFP+XGB bag", b_flagged)):
                by_kind.append((name, system, {k: (sum(1 for a, x in kind.items() if x == k and a in flagged),
                                                   sum(1 for x in kind.values() if x == k))
                                               for k in ("step", "burst", "quiet")}))
            flags = lambda flagged: np.array([a in flagged for a, _ in te])
            groups = bootstrap_groups(te, data[name.split()[-1]][0], tee)  # the test sample
            for system, scores, flagged in (("GFP+XGBoost", g_scores, g_flagged), ("GFP+XGB bag", b_scores, b_flagged)):
                diff = paired_bootstrap([l for _, l in te], groups, (f_scores, flags(f_flagged)), (scores, flags(flagged)))
                versus.append((name, system, diff))
                print(json.dumps({"bench": "mules_amlsim_bootstrap", "split": name, "versus": system,
                                  "draws": BOOTSTRAP_DRAWS, "groups": len(groups), **diff}), file=sys.stderr)
        for system, r in (("fanzha", f), ("GFP+XGBoost", g), ("GFP+XGB bag", b)):
            print(f"{name:<42} {system:<14} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                  f"{r['pr_auc']:7.3f} {r['best_f1']:7.3f} {r['seconds']:6.1f}")
            print(json.dumps({"bench": "mules_amlsim", "split": name, "system": system,
                              "train_accounts": len(tr), "train_positive": sum(l for _, l in tr),
                              "test_accounts": len(te), "test_positive": sum(l for _, l in te), **r}),
                  file=sys.stderr)
    print(f"\nrecall by kind of fraudulent account (flagged / labelled)\n{'split':<42} {'system':<14} "
          f"{'step':>11} {'burst':>11} {'quiet':>11}")
    for name, system, counts in by_kind:
        cells = " ".join(f"{f'{n}/{m}':>11}" for n, m in counts.values())
        print(f"{name:<42} {system:<14} {cells}")
    print(f"\nfanzha minus the other system, paired cluster bootstrap of the test accounts ({BOOTSTRAP_DRAWS} draws): "
          f"95 % interval, share of draws fanzha is ahead / behind\n{'split':<42} {'versus':<14} "
          f"{'F1 interval':>17} {'ahead':>6} {'behind':>6} {'PR-AUC interval':>17} {'ahead':>6} {'behind':>6}")
    for name, system, d in versus:
        cell = lambda m: f"{d[m]['low']:+.3f} .. {d[m]['high']:+.3f} {d[m]['ahead']:6.1%} {d[m]['behind']:6.1%}"
        print(f"{name:<42} {system:<14} {cell('f1'):>31} {cell('pr_auc'):>31}")


if __name__ == "__main__":
    FANZHA, DATA, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
    main()
