#!/usr/bin/env python3
"""False alarms of a live check counted by a world's truth file, as decision 11 of
bench/out/generalize-decisions.md defines them: transfers the check did not pass whose payer and
payee are both lawful in WORLD/truth.csv (an account the truth does not list, or cash, counts as
lawful) and which WORLD/truth_transfers.csv does not list as fraud-related.

    python3 bench/lib/truth_false_alarms.py WORLD_DIR VERDICTS_CSV

WORLD_DIR holds the world's transfers.csv, truth.csv and truth_transfers.csv; VERDICTS_CSV is
`fanzha backtest --verdicts`. Prints one JSON object: flagged, false_alarms_truth. Standard library
only."""
import csv
import json
import sys

from truth import false_alarm_test


def main():
    world, verdicts = sys.argv[1], sys.argv[2]
    false_alarm = false_alarm_test(world)
    flagged = false_alarms = 0
    with open(verdicts, newline="") as f:
        for row in csv.DictReader(f):
            if row["verdict"] == "pass":
                continue
            flagged += 1
            false_alarms += false_alarm(row["txn_id"])
    print(json.dumps({"flagged": flagged, "false_alarms_truth": false_alarms}))


if __name__ == "__main__":
    main()
