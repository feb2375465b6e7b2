#!/usr/bin/env python3
"""Mule detection read against a world's truth file, not its labels.

Usage: python3 bench/lib/truth_detection.py WORLD DETECT.json [--json]
WORLD is a world directory written with --truth; DETECT.json is `fanzha detect mules --json` on its
store. Prints, over the accounts with rows: precision (flags that are fraud accounts: mule, 跑分,
U商, operator or farmed card), recall over those fraud accounts, F1, and the same over the accounts
the world's labels do not confirm (what a centre that knows its confirmed cases learns from the
run); the same over the unconfirmed accounts that are lawful or moved fraud money in the data (party
to a transfer truth_transfers.csv lists as fraud-related), leaving out fraud accounts with no such
transfer, whose flag or miss no behaviour in the data can explain (cards opened and not yet used);
then the archetypes of the lawful accounts flagged.
"""
import collections
import csv
import json
import os
import sys

from truth import FRAUD_ROLES as BAD, account_rows, fraud_transfers


def read(world, detect):
    rows = {i: r for i, r in account_rows(world).items() if r.get("has_row", "1") == "1"}
    with open(detect) as f:
        flagged = {a["account"] for a in json.load(f)["accounts"] if a["flagged"]}
    return rows, flagged


def fraud_parties(world):
    """The accounts party to a transfer WORLD/truth_transfers.csv lists as fraud-related
    (bench/lib/truth.py's fraud_transfers)."""
    fraud = fraud_transfers(world)
    parties = set()
    with open(os.path.join(world, "transfers.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["txn_id"] in fraud:
                parties.update((r["from_account"], r["to_account"]))
    return parties


def measure(rows, flagged, keep):
    ids = [i for i, r in rows.items() if keep(r)]
    bad = {i for i in ids if rows[i]["role"] in BAD}
    hit = {i for i in ids if i in flagged}
    tp = len(bad & hit)
    p = tp / len(hit) if hit else 1.0
    r = tp / len(bad) if bad else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"accounts": len(ids), "fraud": len(bad), "flagged": len(hit), "true": tp,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    if len(args) != 2:
        sys.exit("usage: truth_detection.py WORLD DETECT.json [--json]")
    world, detect = args
    rows, flagged = read(world, detect)
    active = fraud_parties(world)
    out = {
        "all": measure(rows, flagged, lambda r: True),
        "unconfirmed": measure(rows, flagged, lambda r: r.get("labelled", "0") != "1"),
        "unconfirmed_active": measure(
            rows, flagged,
            lambda r: r.get("labelled", "0") != "1" and (r["role"] not in BAD or r["id"] in active)),
        "lawful_flagged": collections.Counter(
            r["archetype"] for i, r in rows.items() if i in flagged and r["role"] not in BAD).most_common(),
    }
    if "--json" in sys.argv:
        print(json.dumps(out, ensure_ascii=False))
        return
    for k in ("all", "unconfirmed", "unconfirmed_active"):
        m = out[k]
        print(f"{k:18} precision {m['precision']:.3f} recall {m['recall']:.3f} F1 {m['f1']:.3f} "
              f"(flagged {m['flagged']}, {m['flagged'] - m['true']} lawful; fraud {m['fraud']} of {m['accounts']})")
    print("lawful flagged:", ", ".join(f"{a} {n}" for a, n in out["lawful_flagged"]))


if __name__ == "__main__":
    main()
