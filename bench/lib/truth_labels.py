#!/usr/bin/env python3
"""Labels from a world's truth file, for training (decisions 12-14 of
bench/out/generalize-decisions.md): WORLD/truth_labels.csv in the interchange label format, holding
the world's own labels.csv; from WORLD/truth.csv, every account the data names whose role is mule,
paofen, ushang or operator, as a mule; and from WORLD/truth_transfers.csv, where the world writes
one, every victim payment as fraud. Worlds since W9 label only what a centre would know; a model
trained on those labels would learn that unconfirmed mules look lawful.

    python3 bench/lib/truth_labels.py WORLD
"""
import csv
import os
import sys

from truth import account_roles

BAD_ROLES = {"mule", "paofen", "ushang", "operator"}


def main():
    world = sys.argv[1]
    rows, seen = [], set()

    def add(kind, ident, label):
        if (kind, ident) not in seen:
            seen.add((kind, ident))
            rows.append((kind, ident, label))

    with open(os.path.join(world, "labels.csv"), newline="") as f:
        for r in csv.DictReader(f):
            add(r["kind"], r["id"], r["label"])
    named = set()
    with open(os.path.join(world, "accounts.csv"), newline="") as f:
        named.update(r["account_id"] for r in csv.DictReader(f))
    with open(os.path.join(world, "transfers.csv"), newline="") as f:
        for r in csv.DictReader(f):
            named.update((r["from_account"], r["to_account"]))
    # Some truth files list accounts the data never names; a label for them could not be stored.
    for account, role in account_roles(world).items():
        if role in BAD_ROLES and account in named:
            add("account", account, "mule")
    transfers = os.path.join(world, "truth_transfers.csv")
    if os.path.exists(transfers):
        with open(transfers, newline="") as f:
            for r in csv.DictReader(f):
                if r["kind"] == "victim_payment":
                    add("transfer", r["txn_id"], "fraud")
    with open(os.path.join(world, "truth_labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "id", "label"])
        w.writerows(rows)
    print(f"{world}: {len(rows)} labels", file=sys.stderr)


if __name__ == "__main__":
    main()
