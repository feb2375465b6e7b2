#!/usr/bin/env python3
"""Brute-force reference for the per-edge pattern histograms of IBM Snap ML's GraphFeaturePreprocessor.

Slow on purpose: every pattern is enumerated the obvious way so that the semantics are easy to read.
`python3 bench/features_reference.py --check N` asserts equality with snapml's GFP on N random graphs.
The semantics are documented in docs/features.md ("Edge pattern features (GFP-compatible)").
"""
import argparse
import itertools
import random
import sys
from collections import defaultdict

PATTERNS = ["fan", "degree", "scatter-gather", "temp-cycle", "lc-cycle"]
DEFAULT_BINS = list(range(2, 31))


def bin_index(bins, size):
    """Index of the first bin whose bound is >= size; sizes above the last bound go to the last bin."""
    for i, b in enumerate(bins):
        if size <= b:
            return i
    return len(bins) - 1


def features(edges, params):
    """edges: list of (edge_id, src, dst, ts). params: dict like GFP's. Returns {edge_id: [columns]}."""
    order = sorted(range(len(edges)), key=lambda i: edges[i][3])  # stable: ties keep input order
    E = [edges[i] for i in order]
    cols = {}
    out = {e[0]: [] for e in E}

    def hist(name, nbins):
        h = {e[0]: [0] * nbins for e in E}
        return h

    if params.get("fan") or params.get("degree"):
        for name in ("fan", "degree"):
            if not params.get(name):
                continue
            tw, bins = params[name + "_tw"], params[name + "_bins"]
            hin, hout = hist(name, len(bins)), hist(name, len(bins))
            for (_, u, v, t) in E:
                for h, key, other, center in ((hin, 2, 1, v), (hout, 1, 2, u)):
                    win = [f for f in E if f[key] == center and f[other] != center and t - tw < f[3] <= t]
                    size = len({f[other] for f in win}) if name == "fan" else len(win)
                    if size >= 2:
                        for f in win:
                            h[f[0]][bin_index(bins, size)] += 1
            cols[name] = (hin, hout)
    if params.get("scatter-gather"):
        cols["scatter-gather"] = (scatter_gather(E, params["scatter-gather_tw"], params["scatter-gather_bins"]),)
    if params.get("temp-cycle"):
        cols["temp-cycle"] = (temporal_cycles(E, params["temp-cycle_tw"], params["temp-cycle_bins"]),)
    if params.get("lc-cycle"):
        cols["lc-cycle"] = (lc_cycles(E, params["lc-cycle_tw"], params["lc-cycle_len"], params["lc-cycle_bins"]),)
    for name in PATTERNS:
        for h in cols.get(name, ()):
            for eid in out:
                out[eid].extend(h[eid])
    return out


def scatter_gather(E, tw, bins):
    h = {e[0]: [0] * len(bins) for e in E}
    pair = defaultdict(list)  # (a, b) -> edges a->b, time order
    for e in E:
        pair[(e[1], e[2])].append(e)
    outn, inn = defaultdict(set), defaultdict(set)
    for (a, b) in pair:
        outn[a].add(b)
        inn[b].add(a)
    last = {k: v[-1][3] for k, v in pair.items()}
    for (_, u, v, t) in E:
        lo = t - tw
        # forward: u -> x -> w for every w reached from v; backward: w -> x -> v for every w reaching u
        for src, dst, mids, ends in ((u, None, outn[u] - {u}, outn[v] - {v, u}),
                                     (None, v, inn[v] - {v}, inn[u] - {v, u})):
            mids = [x for x in mids if last[(src, x) if src is not None else (x, dst)] >= lo]
            if not mids:
                continue
            for w in ends:
                if last[(v, w) if src is not None else (w, u)] < lo:
                    continue
                a, b = (src, w) if src is not None else (w, dst)
                count, used, abandoned = 0, [], False
                for x in mids:
                    if (x, b) not in pair or (a, x) not in pair:
                        continue
                    if last[(a, x)] > t or last[(x, b)] > t:
                        abandoned = True
                        break
                    # the leg between x and w must also reach into the window
                    if last[(x, b) if src is not None else (a, x)] >= lo:
                        count += 1
                        used += [f for f in pair[(x, b)] if f[3] >= lo]
                        used += [f for f in pair[(a, x)] if f[3] >= lo]
                if not abandoned and count >= 2:
                    for f in used:
                        h[f[0]][bin_index(bins, count)] += 1
    return h


def compress(E):
    """Edges with equal (src, dst, ts) merged into one: [(edge_ids, src, dst, ts)] in time order."""
    groups = {}
    for (eid, u, v, t) in E:
        groups.setdefault((u, v, t), []).append(eid)
    return [(tuple(ids), u, v, t) for (u, v, t), ids in groups.items()]


def cycle_bundles(C, p, tw, max_len, temporal):
    """Cycles closed by compressed edge C[p] (u -> v): {vertex sequence v..u: edge ids on some valid path}.

    Temporal: the path v -> .. -> u has strictly increasing times, all in [t - tw, t).
    Length-constrained: any order, edges earlier than C[p] in time order with time >= t - tw, <= max_len hops
    including the closing edge."""
    (_, u, v, t) = C[p]
    found = defaultdict(set)
    if u == v:
        return found
    allowed = [c for c in C[:p] if c[3] >= t - tw] if not temporal else [c for c in C if t - tw <= c[3] < t]

    def walk(path, ids, last_ts):
        x = path[-1]
        if x == u:
            found[tuple(path)].update(ids)
            return
        if max_len is not None and len(path) >= max_len:
            return
        for c in allowed:
            if c[1] == x and (c[2] == u or c[2] not in path) and (not temporal or last_ts is None or c[3] > last_ts):
                walk(path + [c[2]], ids + list(c[0]), c[3])

    walk([v], [], None)
    return found


def cycles(E, tw, max_len, bins, temporal):
    h = {e[0]: [0] * len(bins) for e in E}
    C = compress(E)
    for p, c in enumerate(C):
        for verts, used in cycle_bundles(C, p, tw, max_len, temporal).items():
            for eid in used | set(c[0]):
                h[eid][bin_index(bins, len(verts))] += 1
    return h


def temporal_cycles(E, tw, bins):
    return cycles(E, tw, None, bins, True)


def lc_cycles(E, tw, max_len, bins):
    return cycles(E, tw, max_len, bins, False)


def gfp_params(patterns, tw, bins=None, lc_len=10, threads=1):
    """GFP parameter dict enabling `patterns` with time window `tw` (one per pattern or one for all)."""
    p = {"num_threads": threads, "vertex_stats": False}
    for name in PATTERNS:
        p[name] = name in patterns
        p[name + "_tw"] = tw[name] if isinstance(tw, dict) else tw
        p[name + "_bins"] = list(bins or (range(2, 11) if name == "lc-cycle" else DEFAULT_BINS))
    p["lc-cycle_len"] = lc_len
    return p


def run_gfp(edges, params):
    import numpy as np
    from snapml import GraphFeaturePreprocessor

    g = GraphFeaturePreprocessor()
    g.set_params(dict(params))
    x = np.array([[e[0], e[1], e[2], e[3], 1.0] for e in edges], dtype=np.float64)
    y = g.transform(x)
    return {int(r[0]): [int(c) for c in r[5:]] for r in y}


def random_graph(rng, n_vertices, n_edges, t_max, distinct=False):
    """Random multigraph with self-loops; timestamp ties unless `distinct`."""
    times = rng.sample(range(max(t_max, n_edges)), n_edges) if distinct else [rng.randrange(t_max) for _ in range(n_edges)]
    return [(i, rng.randrange(n_vertices), rng.randrange(n_vertices), times[i]) for i in range(n_edges)]


def check(n_graphs, patterns, seed=1):
    rng = random.Random(seed)
    bad = 0
    for k in range(n_graphs):
        # GFP's cycle search is inconsistent on equal timestamps (docs/features.md): distinct times there.
        distinct = any(p.endswith("cycle") for p in patterns)
        edges = random_graph(rng, rng.randint(2, 7), rng.randint(1, 25), rng.randint(1, 30), distinct)
        rng.shuffle(edges)
        tw = rng.randint(1, 20)
        bins = sorted(rng.sample(range(1, 12), rng.randint(1, 6)))
        params = gfp_params(patterns, tw, bins, lc_len=rng.randint(2, 6))
        got, want = run_gfp(edges, params), features(edges, params)
        if got != want:
            bad += 1
            if bad <= 3:
                print(f"graph {k}: tw={tw} bins={bins} len={params['lc-cycle_len']} edges={edges}")
                for eid in sorted(got):
                    if got[eid] != want[eid]:
                        print(f"  edge {eid}: gfp={got[eid]} ref={want[eid]}")
    print(f"{patterns}: {n_graphs - bad}/{n_graphs} graphs identical")
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", type=int, default=300, help="random graphs to compare with snapml")
    ap.add_argument("--patterns", default=",".join(PATTERNS))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    results = [check(a.check, [p], a.seed) for p in a.patterns.split(",")]
    ok = all(results) and check(a.check, a.patterns.split(","), a.seed + 1)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
