#!/usr/bin/env python3
"""Shipped rules against candidates, read from one backtest (how the decisions file reads both
figures from one run since decision 24).

Run `fanzha backtest --db W.db --rescore-hours 24 --json --verdicts F --rules FILE` once with a
rule file that holds the shipped rules plus each candidate rule under its own id (verdict warn is
enough: any verdict but pass counts as stopped). Verdicts do not feed back into later checks, so
dropping a rule's id from the `rules` column of the verdicts gives what the check would have
answered without it. Name every id in FILE that is not a shipped rule: any other id counts as
shipped. The shipped figures drop every named id; each candidate's figures drop every other named
id. A candidate that replaces a shipped rule is read by giving the shipped rule another id in FILE
and naming both (decision 24: `shipped_mule_behaviour` and `payee_mule_behaviour`); the 2 % clause
below decides only then. Prints one JSON object for the world: transfers checked, victim payments,
and for the shipped rules and each candidate (victim payments stopped, false alarms by the truth),
with decision 11's (c) for each candidate: stopped falls by at most 2 % of victim payments, and
false alarms rise by at most 0.0002 × checked or by no more than the extra payments stopped.

    python3 bench/lib/rule_reading.py [--by-truth] WORLD_DIR VERDICTS_CSV BACKTEST_JSON CANDIDATE_ID...

Victim payments are the labelled fraud payments the backtest counts (its `fraud` column and
`labelled_fraud`), or with --by-truth the checked transfers WORLD/truth_transfers.csv lists as
`victim_payment` (decision 34; the verdicts must then be written with --all-verdicts).

False alarms are counted as bench/lib/truth_false_alarms.py counts them (bench/lib/truth.py). Standard library only."""
import csv
import json
import sys

from truth import all_verdicts, false_alarm_test, live_check_passes, victim_payments


def main():
    args = sys.argv[1:]
    by_truth = "--by-truth" in args
    args = [a for a in args if a != "--by-truth"]
    world, verdicts, backtest = args[:3]
    candidates = args[3:]
    if not candidates or "shipped" in candidates:
        sys.exit(__doc__)
    is_false_alarm = false_alarm_test(world)
    with open(backtest) as f:
        run = json.load(f)
    checked, victims = run["checked"], run["labelled_fraud"]
    truth_victims = victim_payments(world) if by_truth else None
    if by_truth:
        rows = all_verdicts(verdicts, checked)
        victims = sum(row["txn_id"] in truth_victims for row in rows)
    else:
        with open(verdicts, newline="") as f:
            rows = list(csv.DictReader(f))
    named = set(candidates)
    names = ["shipped"] + candidates
    counts = {name: [0, 0] for name in names}
    for row in rows:
        if row["verdict"] == "pass":
            continue
        fired = {r for r in row["rules"].split(";") if r}
        false_alarm = is_false_alarm(row["txn_id"])
        for name in names:
            if not (fired - named) | (fired & {name}):
                continue
            counts[name][0] += row["txn_id"] in truth_victims if by_truth else row["fraud"] == "1"
            counts[name][1] += false_alarm
    out = {"world": world.rstrip("/").split("/")[-1], "checked": checked, "victims": victims, "shipped": counts["shipped"]}
    for name in candidates:
        s, a = counts[name]
        passes = live_check_passes(counts["shipped"], (s, a), victims, checked)
        out[name] = {"stopped": s, "false_alarms": a, "passes": passes}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
