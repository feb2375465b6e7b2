#!/usr/bin/env python3
"""What the live check misses, and whether anything seen at check time tells it apart.

Reads a world's interchange files (accounts.csv, transfers.csv, labels.csv, as `fanzha gen` and
bench/lib/data.sh write them) and the `--verdicts` CSV of `fanzha backtest` over its store, replays
the transfers in time order and, for every transfer between two accounts, takes what is known just
before it: the amount, whether the payee is new to the payer, the payee's earlier inflows and
distinct payers (24 h), days since the payee last moved money, the payee's age; and the payer's side:
whether the payer is a customer account of the data at all (not another bank's card), the share of
its balance the payment takes (opening balance replayed), the payment against the payer's largest
earlier one, and money from the holder's own other accounts in the 2 h before (funds gathered to
pay). It prints those for the victim payments the check passed, for those it held, and for ordinary
transfers; then, for grids of "new payee, large amount, quiet payee" and of payer-side rules, how
many missed victim payments each would add and how many ordinary transfers it would flag.

    fanzha backtest --db W3.db --rescore-hours 24 --verdicts v.csv
    python3 bench/live_misses.py target/bench/generalize/w3-default v.csv
"""
import bisect, collections, csv, datetime, statistics, sys


def ts(s):
    return datetime.datetime.fromisoformat(s).timestamp()


def main(world, verdicts_csv):
    accounts = list(csv.DictReader(open(f"{world}/accounts.csv")))
    opened = {r["account_id"]: ts(r["opened_at"]) if r["opened_at"] else None for r in accounts}
    holder = {r["account_id"]: r["holder_id"] for r in accounts}
    balance = {r["account_id"]: round(float(r.get("opening_balance") or 0) * 100) for r in accounts}
    largest_out = collections.Counter()
    gathered = collections.defaultdict(collections.deque)  # payer -> (time, fen) from its holder's own accounts
    fraud = {r[1] for r in csv.reader(open(f"{world}/labels.csv")) if r[0] == "transfer" and r[2] == "fraud"}
    verdict = {r["txn_id"]: r["verdict"] for r in csv.DictReader(open(verdicts_csv))}
    rows = sorted(csv.DictReader(open(f"{world}/transfers.csv")), key=lambda r: ts(r["ts"]))
    out_count = collections.Counter()
    payees = collections.defaultdict(set)
    in_times, in_payers, last_moved = collections.defaultdict(list), collections.defaultdict(list), {}
    seen = []
    for r in rows:
        t, amount, payer, payee = ts(r["ts"]), float(r["amount"]), r["from_account"], r["to_account"]
        fen = round(amount * 100)
        if r["kind"] == "transfer" and payer and payee:
            own = gathered[payer]
            while own and own[0][0] < t - 7200:
                own.popleft()
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
                "payer_customer": payer in opened,
                "payer_balance_share": fen / balance[payer] if balance.get(payer, 0) > 0 else None,
                "payer_vs_largest": fen / largest_out[payer] if largest_out[payer] else None,
                "payer_gathered": sum(x for _, x in own),
            })
        if payer in balance:
            balance[payer] -= fen
        if payee in balance:
            balance[payee] += fen
        if payer and payee and holder.get(payer) is not None and holder.get(payer) == holder.get(payee):
            gathered[payee].append((t, fen))
        if payer and r["kind"] == "transfer":
            largest_out[payer] = max(largest_out[payer], fen)
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
    share = lambda g, f: sum(map(f, g)) / len(g)
    print(f"\npayer's side: {'':11} {'customer':>8} {'≥ 80 % of balance':>17} {'≥ 3x its largest':>16} {'gathered ≥ half':>15}")
    for name, g in groups:
        print(f"{name:24} {share(g, lambda x: x['payer_customer']):>8.2f}"
              f" {share(g, lambda x: (x['payer_balance_share'] or 0) >= .8):>17.2f}"
              f" {share(g, lambda x: (x['payer_vs_largest'] or 0) >= 3):>16.2f}"
              f" {share(g, lambda x: x['payer_gathered'] >= x['amount'] * 50):>15.2f}")
    print("\nrule: new payee, amount ≥ 1,000 yuan, and the payer ... -> missed victim payments it adds / ordinary transfers it flags")
    payer_rules = [
        ("pays ≥ 80 % of its balance", lambda x: (x["payer_balance_share"] or 0) >= .8),
        ("pays ≥ 90 % of its balance", lambda x: (x["payer_balance_share"] or 0) >= .9),
        ("pays ≥ 3x its largest earlier", lambda x: (x["payer_vs_largest"] or 0) >= 3),
        ("gathered ≥ half of it from its own cards in 2 h", lambda x: x["payer_gathered"] >= x["amount"] * 50),
    ]
    for name, f in payer_rules:
        rule = lambda x: x["new_payee"] and x["amount"] >= 1000 and f(x)
        print(f"  {name:48}: {sum(map(rule, missed)):>3} / {sum(map(rule, ordinary)):>6}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
