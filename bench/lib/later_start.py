#!/usr/bin/env python3
"""Copies a world whose data starts DAYS later: a real bank extract starts at an arbitrary date, and
a model must not learn that every world's history starts where its generator began.

    python3 bench/lib/later_start.py SRC_DIR DST_DIR DAYS

Keeps the transfers at or after the first one's time + DAYS, every account row, and the labels
that still name something. Standard library only."""
import csv
import os
import shutil
import sys
from datetime import datetime, timedelta


def main():
    src, dst, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(src, "transfers.csv"), newline="") as f:
        rows = csv.reader(f)
        head = next(rows)
        ts, txn = head.index("ts"), head.index("txn_id")
        rows = list(rows)
    times = [datetime.fromisoformat(r[ts]) for r in rows]
    cut = min(times) + timedelta(days=days)
    kept, named = set(), set()
    payer, payee = head.index("from_account"), head.index("to_account")
    with open(os.path.join(dst, "transfers.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(head)
        for r, t in zip(rows, times):
            if t >= cut:
                out.writerow(r)
                kept.add(r[txn])
                named.update((r[payer], r[payee]))
    with open(os.path.join(src, "accounts.csv"), newline="") as f:
        named.update(r["account_id"] for r in csv.DictReader(f))
    # Labels of transfers cut off, and of external accounts no kept transfer names, would be
    # rejected on ingest: they are left out.
    with open(os.path.join(src, "labels.csv")) as f, open(os.path.join(dst, "labels.csv"), "w") as g:
        for i, line in enumerate(f):
            kind, id_ = (line.split(",") + [""])[:2]
            if i > 0 and ((kind == "transfer" and id_ not in kept) or (kind == "account" and id_ not in named)):
                continue
            g.write(line)
    shutil.copy(os.path.join(src, "accounts.csv"), os.path.join(dst, "accounts.csv"))
    print(f"{dst}: {len(kept)} of {len(rows)} transfers from {cut.isoformat()}", file=sys.stderr)


if __name__ == "__main__":
    main()
