#!/usr/bin/env python3
"""Edge lists for the features bench, and Snap ML's GraphFeaturePreprocessor on them.

  features_gfp.py amlsim transactions.csv OUT.csv   # ts = step * 10^6 + row (distinct times)
  features_gfp.py gen transfers.csv OUT.csv         # ts = 100 * (seconds since start) + rank in the second
  features_gfp.py compare EDGES.csv FANZHA_OUT.csv --fan W --sg W --cycle W --fanzha-json '{...}' --label L
    runs GFP (num_threads=2, one transform call) on EDGES.csv with the same windows and bins, checks
    every column edge by edge against fanzha's output and prints one JSON line.
  features_gfp.py record --fan W --sg W --cycle W --fanzha-json '{...}' --label L --gfp REASON
    prints the same JSON line without GFP (its fields null, REASON in "gfp"), e.g. when GFP was stopped.
GFP silently ignores patterns when timestamps exceed 2^31 - 1 (they are 32-bit there), so times are
rebased to fit. Timestamps are made distinct because GFP's cycle search treats equal timestamps inconsistently
(docs/features.md); fan, degree and scatter-gather would match with ties too.
"""
import csv
import json
import sys
import time
from datetime import datetime

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from features_reference import PATTERNS, gfp_params  # noqa: E402


def write_edges(rows, out):
    with open(out, "w") as f:
        f.write("edge_id,src,dst,timestamp,amount\n")
        for i, (s, d, t, a) in enumerate(rows):
            f.write(f"{i},{s},{d},{t},{a}\n")


def amlsim(src, out):
    with open(src) as f:
        r = csv.DictReader(f)
        rows = [(int(x["sourceNodeId"]), int(x["targetNodeId"]), int(x["time"]) * 10**6 + i, x["value"])
                for i, x in enumerate(r)]
    write_edges(rows, out)


def gen(src, out):
    ids, rows, rank, last = {}, [], 0, None
    with open(src) as f:
        for x in csv.DictReader(f):
            if not x["from_account"] or not x["to_account"]:
                continue
            sec = int(datetime.fromisoformat(x["ts"]).timestamp())
            rank = rank + 1 if sec == last else 0
            last = sec
            s = ids.setdefault(x["from_account"], len(ids))
            d = ids.setdefault(x["to_account"], len(ids))
            assert rank < 100, "more than 100 transfers in one second"
            rows.append((s, d, sec * 100 + rank, x["amount"]))
    start = min(r[2] for r in rows) // 100 * 100
    rows = sorted(((s, d, t - start, a) for s, d, t, a in rows), key=lambda r: r[2])
    assert rows[-1][2] < 2**31, "timestamps must fit GFP's 32-bit times"
    write_edges(rows, out)


def record(label, windows, lc_len, fanzha_json, gfp):
    """One data set's JSON record with fanzha's numbers; GFP's fields stay null unless compare() fills them."""
    fz = json.loads(fanzha_json)
    return {
        "bench": "features", "data": label, "edges": fz["edges"], "columns": fz["columns"], "windows": windows,
        "lc_cycle_len": lc_len, "threads": 2, "gfp": gfp, "gfp_seconds": None, "gfp_edges_per_s": None,
        "fanzha_seconds": round(fz["compute_seconds"], 3), "fanzha_edges_per_s": round(fz["edges_per_second"]),
        "fanzha_wall_seconds": fz.get("wall_seconds"),
        "ratio": None, "mismatched_edges": None, "mismatched_edges_by_group": None, "nonzero_cells": None,
    }


def compare(edges_csv, fanzha_csv, windows, lc_len, fanzha_json, label):
    x = np.loadtxt(edges_csv, delimiter=",", skiprows=1, dtype=np.float64)
    params = gfp_params(PATTERNS, windows, lc_len=lc_len, threads=2)
    from snapml import GraphFeaturePreprocessor

    g = GraphFeaturePreprocessor()
    g.set_params(params)
    t0 = time.perf_counter()
    y = g.transform(x)
    gfp_secs = time.perf_counter() - t0
    ours = np.loadtxt(fanzha_csv, delimiter=",", skiprows=1, dtype=np.float64)
    with open(fanzha_csv) as f:
        columns = f.readline().strip().split(",")[5:]
    assert ours.shape[0] == y.shape[0] and np.array_equal(ours[:, 0], y[:, 0]), "rows differ"
    diff = ours[:, 5:] != y[:, 5:]
    groups = ["fan_in", "fan_out", "degree_in", "degree_out", "scatter_gather", "temporal_cycle", "simple_cycle"]
    per_group = {gname: int(diff[:, [i for i, c in enumerate(columns) if c.rsplit("_", 1)[0] == gname]].any(axis=1).sum())
                 for gname in groups}
    n = int(x.shape[0])
    rec = record(label, windows, lc_len, fanzha_json, "compared")
    rec.update({
        "gfp_seconds": round(gfp_secs, 3), "gfp_edges_per_s": round(n / gfp_secs),
        "ratio": round(gfp_secs / json.loads(fanzha_json)["compute_seconds"], 2),
        "mismatched_edges": int(diff.any(axis=1).sum()), "mismatched_edges_by_group": per_group,
        "nonzero_cells": int((y[:, 5:] != 0).sum()),
    })
    print(json.dumps(rec))


def main():
    cmd = sys.argv[1]
    if cmd == "amlsim":
        amlsim(sys.argv[2], sys.argv[3])
    elif cmd == "gen":
        gen(sys.argv[2], sys.argv[3])
    elif cmd in ("compare", "record"):
        import argparse
        ap = argparse.ArgumentParser()
        if cmd == "compare":
            ap.add_argument("edges")
            ap.add_argument("fanzha")
        else:
            ap.add_argument("--gfp", required=True, help="why GFP was not compared")
        ap.add_argument("--fan", type=int, required=True)
        ap.add_argument("--sg", type=int, required=True)
        ap.add_argument("--cycle", type=int, required=True)
        ap.add_argument("--lc-len", type=int, default=8)
        ap.add_argument("--fanzha-json", required=True)
        ap.add_argument("--label", required=True)
        a = ap.parse_args(sys.argv[2:])
        windows = {"fan": a.fan, "degree": a.fan, "scatter-gather": a.sg, "temp-cycle": a.cycle, "lc-cycle": a.cycle}
        if cmd == "compare":
            compare(a.edges, a.fanzha, windows, a.lc_len, a.fanzha_json, a.label)
        else:
            print(json.dumps(record(a.label, windows, a.lc_len, a.fanzha_json, a.gfp)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
