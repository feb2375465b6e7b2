#!/usr/bin/env python3
"""What the live check misses, and whether anything seen at check time tells it apart.

Reads a world's interchange files (accounts.csv, transfers.csv, labels.csv, as `fanzha gen` and
bench/lib/data.sh write them) and the `--verdicts` CSV of `fanzha backtest` over its store, replays
the transfers in time order and, for every transfer between two accounts, takes what is known just
before it: the amount, whether the payee is new to the payer, the payee's earlier inflows and
distinct payers (24 h), days since the payee last moved money, the payee's age. It prints those for
the victim payments the check passed, for those it held, and for ordinary transfers; then, for a grid
of "new payee, large amount, quiet payee" rules, how many missed victim payments each would add and
how many ordinary transfers it would flag.

    fanzha backtest --db W3.db --rescore-hours 24 --verdicts v.csv
    python3 bench/live_misses.py target/bench/generalize/w3-default v.csv
"""
import bisect, collections, csv, datetime, statistics, sys


def ts(s):
    return datetime.datetime.fromisoformat(s).timestamp()


def main(world, verdicts_csv):
    opened = {r["account_id"]: ts(r["opened_at"]) if r["opened_at"] else None for r in csv.DictReader(open(f"{world}/accounts.csv"))}
    fraud = {r[1] for r in csv.reader(open(f"{world}/labels.csv")) if r[0] == "transfer" and r[2] == "fraud"}
    verdict = {r["txn_id"]: r["verdict"] for r in csv.DictReader(open(verdicts_csv))}
    rows = sorted(csv.DictReader(open(f"{world}/transfers.csv")), key=lambda r: ts(r["ts"]))
    out_count = collections.Counter()
    payees = collections.defaultdict(set)
    in_times, in_payers, last_moved = collections.defaultdict(list), collections.defaultdict(list), {}
    seen = []
    for r in rows:
        t, amount, payer, payee = ts(r["ts"]), float(r["amount"]), r["from_account"], r["to_account"]
        if r["kind"] == "transfer" and payer and payee:
            times = in_times[payee]
            recent = set(in_payers[payee][bisect.bisect_left(times, t - 86400):])
            o = opened.get(payee)
            seen.append({
                "fraud": r["txn_id"] in fraud,
                "passed": verdict.get(r["txn_id"], "pass") == "pass",
                "amount": amount,
                "payer_earlier_out": out_count[payer],
                "new_payee": payee not in payees[payer],
                "payee_inflows": len(times),
                "payee_payers_24h": len(recent),
                "payee_quiet_days": (t - last_moved[payee]) / 86400 if payee in last_moved else None,
                "payee_age_days": (t - o) / 86400 if o else None,
            })
        if payer:
            out_count[payer] += 1
            payees[payer].add(payee)
            last_moved[payer] = t
        if payee:
            in_times[payee].append(t)
            in_payers[payee].append(payer)
            last_moved[payee] = t
    groups = [
        ("victim payments passed", [x for x in seen if x["fraud"] and x["passed"]]),
        ("victim payments held", [x for x in seen if x["fraud"] and not x["passed"]]),
        ("ordinary transfers", [x for x in seen if not x["fraud"]]),
    ]
    print(f"{'':24} {'n':>7} {'median yuan':>11} {'new payee':>9} {'payee ≤2 inflows':>16} {'payer no earlier out':>20} {'payee opened >90 d':>18}")
    for name, g in groups:
        share = lambda f: sum(map(f, g)) / len(g)
        print(f"{name:24} {len(g):>7} {statistics.median(x['amount'] for x in g):>11.0f} {share(lambda x: x['new_payee']):>9.2f}"
              f" {share(lambda x: x['payee_inflows'] <= 2):>16.2f} {share(lambda x: x['payer_earlier_out'] == 0):>20.2f}"
              f" {share(lambda x: (x['payee_age_days'] or 0) > 90):>18.2f}")
    missed = groups[0][1]
    ordinary = [x for x in seen if not x["fraud"] and x["passed"]]
    print("\nrule: new payee, amount ≥ A yuan, payee with ≤ N earlier inflows -> missed victim payments it adds / ordinary transfers it flags")
    for a in (500, 1000, 2000, 5000):
        for n in (0, 1, 2):
            rule = lambda x: x["new_payee"] and x["amount"] >= a and x["payee_inflows"] <= n
            print(f"  A={a:>5} N={n}: {sum(map(rule, missed)):>3} / {sum(map(rule, ordinary)):>6}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
