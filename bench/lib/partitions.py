#!/usr/bin/env python3
"""Partitioned serving nodes against one serving node, on one machine, in one run (bench/scale.sh).

Starts `fanzha serve --follow URL` holding everything (P=1) and P nodes `--partition K/P`, each
building its store from the stream; waits until every node reflects the whole stream; reports each
node's resident memory and transfers held; then traces the same fraud cases (one victim's reported
payments each) on the single node and on the partitioned nodes (round robin) over HTTP, checks the
answers are equal, and reports latency per trace and the cost of each hop that crossed nodes.

usage: partitions.py FANZHA URL WORK DATA_DIR P TOTAL_SEQUENCE [CASES]
"""
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

FANZHA, URL, WORK, DATA, P, TOTAL = sys.argv[1:7]
P, TOTAL = int(P), int(TOTAL)
CASES = int(sys.argv[7]) if len(sys.argv) > 7 else 200


def fnv_owner(account, count):
    h = 0xCBF29CE484222325
    for b in account.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % count


def serve(name, extra):
    db = os.path.join(WORK, name)
    os.makedirs(db, exist_ok=True)
    shutil.copy(os.path.join(WORK, "direct", "meta.json"), os.path.join(db, "meta.json"))
    p = subprocess.Popen(
        [FANZHA, "serve", "--db", db, "--addr", "127.0.0.1:0", "--follow", URL, "--durable", name,
         "--rescore-minutes", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    addr = p.stdout.readline().split("http://")[1].split()[0]
    threading_drain(p)
    key = subprocess.run([FANZHA, "apikey", "add", "--db", db, "--bank", "ICBC", "--scope", "investigate,metrics"],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1].strip()
    return {"name": name, "db": db, "proc": p, "addr": addr, "key": key}


def threading_drain(p):
    import threading
    threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()


def request(node, path, body=None, headers=None):
    req = urllib.request.Request(f"http://{node['addr']}{path}", data=body,
                                 headers={"Authorization": f"Bearer {node['key']}", "Content-Type": "application/json",
                                          **(headers or {})})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def caught_up(node):
    try:
        request(node, "/healthz", headers={"Fanzha-Min-Sequence": str(TOTAL)})
        return True
    except urllib.error.HTTPError as e:
        if e.code == 503:
            return False
        raise


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def main():
    t0 = time.time()
    single = serve("whole", [])
    parts = [serve(f"part{k}", ["--partition", f"{k}/{P}"]) for k in range(P)]
    nodes = [single] + parts
    while not all(caught_up(n) for n in nodes):
        time.sleep(0.5)
    print(f"{len(nodes)} serving nodes built from the stream in {time.time() - t0:.1f} s (together, on 2 cores)")
    time.sleep(2)
    for n in nodes:
        held = request(n, "/v1/stats")["transfers"]
        print(f"  {n['name']:>6}: {held:>9} transfers held, {rss_mib(n['proc'].pid)} MiB resident")

    fraud = set()
    with open(os.path.join(DATA, "labels.csv")) as f:
        for row in csv.reader(f):
            if row and row[0] == "transfer":
                fraud.add(row[1])
    cases = {}
    with open(os.path.join(DATA, "transfers.csv")) as f:
        for row in csv.DictReader(f):
            if row["txn_id"] in fraud:
                cases.setdefault(row["from_account"], []).append(row["txn_id"])
    picked = list(cases.values())[:CASES]
    for n in nodes:  # warm: graphs built, connections made
        request(n, "/v1/traces", json.dumps({"txns": picked[0]}).encode())
    one_ms, part_ms, per_hop, crossing, hubs = [], [], [], 0, 0
    for i, txns in enumerate(picked):
        body = json.dumps({"txns": txns}).encode()
        t = time.perf_counter()
        want = request(single, "/v1/traces", body)
        one_ms.append((time.perf_counter() - t) * 1e3)
        t = time.perf_counter()
        got = request(parts[i % P], "/v1/traces", body)
        part_ms.append((time.perf_counter() - t) * 1e3)
        if got != want:
            sys.exit(f"the partitioned trace of {txns} differs from the single node's")
        hubs += any(h.get("stopped") == "hub" for h in want["held"])
        owners = {fnv_owner(n["account"], P) for n in want["nodes"]}
        hops = max((e["hop"] for e in want["edges"]), default=1)
        if len(owners) > 1:
            crossing += 1
            per_hop.append((part_ms[-1] - one_ms[-1]) / hops)

    def q(xs, p):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(p * len(xs)))]

    print(f"traces of {len(picked)} fraud cases over HTTP, every answer equal; {crossing} crossed partitions, "
          f"{hubs} reached a hub")
    for name, xs in (("one node (P=1)", one_ms), (f"partitioned (P={P})", part_ms)):
        print(f"  {name:>18}: p50 {q(xs, 0.5):.2f} ms, p99 {q(xs, 0.99):.2f} ms, mean {statistics.mean(xs):.2f} ms")
    if per_hop:
        print(f"  extra per hop of a crossing trace: median {statistics.median(per_hop):.2f} ms "
              f"(partitioned minus single, divided by the trace's hops)")
    print(f"  ratio partitioned/single: p50 {q(part_ms, 0.5) / q(one_ms, 0.5):.1f}x")
    for n in nodes:
        n["proc"].kill()


main()
