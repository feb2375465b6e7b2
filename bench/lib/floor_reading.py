#!/usr/bin/env python3
"""A shipped rule against the same rule with an amount floor, read from one backtest (decision 33 of
bench/out/generalize-decisions.md), both counted by the world's truth.

    python3 bench/lib/floor_reading.py WORLD_DIR VERDICTS_CSV BACKTEST_JSON RULE_ID FLOOR_YUAN

VERDICTS_CSV and BACKTEST_JSON are one run of `fanzha backtest --rescore-hours 24 --json --verdicts F
--all-verdicts` over the shipped rules (the JSON gives the transfers checked).
Verdicts do not feed back into later checks, so the candidate's answer to a transfer under FLOOR_YUAN
is the shipped answer without RULE_ID among its rules: stopped if any other rule fired. A victim
payment is a checked transfer WORLD/truth_transfers.csv lists as `victim_payment`; stopped is any
verdict but pass;
false alarms are counted as bench/lib/truth_false_alarms.py counts them (bench/lib/truth.py).
Prints one JSON object: transfers checked, victim payments, (stopped, false alarms) of the shipped
rules and of the candidate, and decision 11's (c) for the candidate with victim payments by the truth:
stopped falls by at most 2 % of the victim payments, and false alarms rise by at most 0.0002 ×
checked or by no more than the extra payments stopped. (Decision 33's further clause, that false
alarms fall on at least one of the variants read, spans worlds and is read from the outputs.)
Standard library only."""
import csv
import json
import os
import sys

from truth import all_verdicts, false_alarm_test, live_check_passes, victim_payments


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    world, verdicts, backtest, rule, floor = sys.argv[1:5] + [float(sys.argv[5])]
    with open(backtest) as f:
        checked = json.load(f)["checked"]
    is_false_alarm = false_alarm_test(world)
    victim = victim_payments(world)
    with open(os.path.join(world, "transfers.csv"), newline="") as f:
        fen = {r["txn_id"]: round(float(r["amount"]) * 100) for r in csv.DictReader(f)}
    victims = 0
    counts = {"shipped": [0, 0], "candidate": [0, 0]}
    for row in all_verdicts(verdicts, checked):
        victims += row["txn_id"] in victim
        if row["verdict"] == "pass":
            continue
        fired = {r for r in row["rules"].split(";") if r}
        if fen[row["txn_id"]] < floor * 100:
            candidate = bool(fired - {rule})
        else:
            candidate = True
        false_alarm = is_false_alarm(row["txn_id"])
        for name, stopped in (("shipped", True), ("candidate", candidate)):
            if stopped:
                counts[name][0] += row["txn_id"] in victim
                counts[name][1] += false_alarm
    (s0, a0), (s, a) = counts["shipped"], counts["candidate"]
    out = {
        "world": world.rstrip("/").split("/")[-1],
        "checked": checked,
        "victims": victims,
        "shipped": {"stopped": s0, "false_alarms": a0},
        "candidate": {"stopped": s, "false_alarms": a, "passes": live_check_passes((s0, a0), (s, a), victims, checked)},
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
