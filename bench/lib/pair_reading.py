#!/usr/bin/env python3
"""A candidate build or model against the shipped one, read from two backtests of the same world
(how decisions 44 and 45 of bench/out/generalize-decisions.md read a changed model: its verdicts
differ everywhere, so one run with extra rule ids, as bench/lib/rule_reading.py reads, cannot give
them).

    python3 bench/lib/pair_reading.py WORLD_DIR SHIPPED.csv SHIPPED.json CANDIDATE.csv

Both CSVs are `fanzha backtest --rescore-hours 24 --json --verdicts F --all-verdicts` over the same
store and rules; SHIPPED.json is the shipped run's report (it gives the transfers checked). A victim
payment is a checked transfer WORLD/truth_transfers.csv lists as `victim_payment`, stopped by any
verdict but pass; false alarms are counted as bench/lib/truth_false_alarms.py counts them
(bench/lib/truth.py). Prints one JSON object: transfers checked, victim payments, (stopped, false
alarms) of each run, and decision 11's (c) for the candidate. Standard library only."""
import json
import sys

from truth import all_verdicts, false_alarm_test, live_check_passes, victim_payments


def read(path, checked, victim, is_false_alarm):
    """(victim payments, stopped, false alarms) of one verdicts file."""
    victims = stopped = false_alarms = 0
    for row in all_verdicts(path, checked):
        if row["txn_id"] in victim:
            victims += 1
            stopped += row["verdict"] != "pass"
        elif row["verdict"] != "pass":
            false_alarms += is_false_alarm(row["txn_id"])
    return victims, stopped, false_alarms


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    world, shipped_csv, shipped_json, candidate_csv = sys.argv[1:]
    with open(shipped_json) as f:
        checked = json.load(f)["checked"]
    victim, is_false_alarm = victim_payments(world), false_alarm_test(world)
    victims, *shipped = read(shipped_csv, checked, victim, is_false_alarm)
    _, *candidate = read(candidate_csv, checked, victim, is_false_alarm)
    print(json.dumps({"world": world.rstrip("/").split("/")[-1], "checked": checked, "victims": victims,
                      "shipped": shipped, "candidate": candidate,
                      "passes": live_check_passes(tuple(shipped), tuple(candidate), victims, checked)}))


if __name__ == "__main__":
    main()
