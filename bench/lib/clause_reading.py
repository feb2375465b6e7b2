#!/usr/bin/env python3
"""One clause added to several shipped rules, read from one backtest (decision 48 of
bench/out/generalize-decisions.md: a clause that quiets six rules while the payee is busy in its
bank's first days).

Run `fanzha backtest --db W.db --rescore-hours 24 --json --verdicts F --all-verdicts --rules FILE`
once with a rule file that holds the shipped rules and a marker rule (any verdict but pass) that
fires exactly when the clause would quiet them. Verdicts do not feed back into later checks, so a
transfer is stopped with the clause when a rule fired other than the marker and the clause's rules,
or when one of those fired and the marker did not. Prints one JSON object: transfers checked,
victim payments (the checked transfers WORLD/truth_transfers.csv lists as `victim_payment`), and
(stopped, false alarms) without and with the clause, with decision 11's (c) for the clause.

    python3 bench/lib/clause_reading.py WORLD_DIR VERDICTS_CSV BACKTEST_JSON MARKER_ID RULE_ID...

False alarms are counted as bench/lib/truth_false_alarms.py counts them (bench/lib/truth.py).
Standard library only."""
import json
import sys

from truth import all_verdicts, false_alarm_test, live_check_passes, victim_payments


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    world, verdicts, backtest, marker = sys.argv[1:5]
    quieted = set(sys.argv[5:])
    with open(backtest) as f:
        checked = json.load(f)["checked"]
    victim = victim_payments(world)
    is_false_alarm = false_alarm_test(world)
    victims = 0
    counts = {"shipped": [0, 0], "clause": [0, 0]}
    for row in all_verdicts(verdicts, checked):
        is_victim = row["txn_id"] in victim
        victims += is_victim
        if row["verdict"] == "pass":
            continue
        fired = {r for r in row["rules"].split(";") if r}
        shipped = fired - {marker}
        clause = shipped - quieted if marker in fired else shipped
        false_alarm = is_false_alarm(row["txn_id"])
        for name, rules in (("shipped", shipped), ("clause", clause)):
            if rules:
                counts[name][0] += is_victim
                counts[name][1] += false_alarm
    out = {"world": world.rstrip("/").split("/")[-1], "checked": checked, "victims": victims}
    out["shipped"] = counts["shipped"]
    out["clause"] = counts["clause"]
    out["passes"] = live_check_passes(counts["shipped"], counts["clause"], victims, checked)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
