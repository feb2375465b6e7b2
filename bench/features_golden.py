#!/usr/bin/env python3
"""Writes the golden fixture of crates/patterns/tests/golden.rs: a seeded random edge list (distinct
timestamps, multi-edges, self-loops) and GFP's output for it with every pattern enabled.

  python3 bench/features_golden.py    # rewrites crates/patterns/tests/fixtures/golden_*.csv
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
from features_reference import PATTERNS, features, gfp_params, run_gfp  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "crates", "patterns", "tests", "fixtures")
WINDOWS = {"fan": 40, "degree": 40, "scatter-gather": 60, "temp-cycle": 120, "lc-cycle": 80}
BINS = [2, 3, 4, 5, 6, 8, 10]
LC_LEN = 6


def main():
    rng = random.Random(2024)
    times = rng.sample(range(1000), 400)
    edges = [(i, rng.randrange(40), rng.randrange(40), times[i]) for i in range(400)]
    edges += [(400 + i, e[1], e[2], rng.randrange(1000, 1100)) for i, e in enumerate(rng.sample(edges, 30))]
    edges.append((430, 7, 7, 1100))
    params = gfp_params(PATTERNS, WINDOWS, BINS, lc_len=LC_LEN)
    got = run_gfp(edges, params)
    assert got == features(edges, params), "reference and GFP disagree"
    with open(os.path.join(FIXTURES, "golden_edges.csv"), "w") as f:
        f.write("edge_id,src,dst,timestamp,amount\n")
        for e in edges:
            f.write(f"{e[0]},{e[1]},{e[2]},{e[3]},1\n")
    with open(os.path.join(FIXTURES, "golden_expected.csv"), "w") as f:
        f.write(f"# GFP {params}\n")
        for e in edges:
            f.write(",".join(map(str, [e[0]] + got[e[0]])) + "\n")
    print(f"{len(edges)} edges, {sum(map(any, got.values()))} with some pattern")


if __name__ == "__main__":
    main()
