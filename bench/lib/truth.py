"""Reading a world's truth file (bench/worlds*/ with --truth), and decision 11's test of a live check,
shared by the bench/lib scripts."""
import csv
import os
import sys


def account_rows(world):
    """{account id: its row} of every account row of WORLD/truth.csv. W8 names the record column
    `kind`; later worlds `record`."""
    with open(os.path.join(world, "truth.csv"), newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f) if r.get("record", r.get("kind")) == "account"}


# Roles of lawful people: "lawful" in W8-W35 and W37; W36 names them "ordinary" and "victim".
LAWFUL_ROLES = {"lawful", "ordinary", "victim"}
# Roles of fraud accounts detection should find (W36 calls its unused farmed cards "farmed"; W36's
# and W37's ring and exit accounts, "fraud_exit", have no rows today).
FRAUD_ROLES = {"mule", "paofen", "ushang", "operator", "farmer_card", "farmed", "fraud_exit"}


def account_roles(world):
    """{account id: role} of every account row of WORLD/truth.csv."""
    return {i: r["role"] for i, r in account_rows(world).items()}


def victim_payments(world):
    """The ids of the transfers WORLD/truth_transfers.csv lists as `victim_payment`."""
    with open(os.path.join(world, "truth_transfers.csv"), newline="") as f:
        return {r["txn_id"] for r in csv.DictReader(f) if r["kind"] == "victim_payment"}


def fraud_transfers(world):
    """The ids of the transfers WORLD/truth_transfers.csv lists as fraud-related: with a kind other
    than `ordinary` (W27 lists every transfer, its lawful ones as `ordinary`; the other worlds list
    only fraud-related ones)."""
    with open(os.path.join(world, "truth_transfers.csv"), newline="") as f:
        return {row["txn_id"] for row in csv.DictReader(f) if row.get("kind") != "ordinary"}


def false_alarm_test(world):
    """A function of a transfer id that says whether holding it is a false alarm by WORLD's truth
    (decision 11): payer and payee are both lawful in truth.csv (a role in LAWFUL_ROLES; an account
    it does not list, or cash, counts as lawful) and truth_transfers.csv does not list the transfer
    as fraud-related (listed with a kind other than `ordinary`)."""
    role = account_roles(world)
    fraud = fraud_transfers(world)
    with open(os.path.join(world, "transfers.csv"), newline="") as f:
        ends = {row["txn_id"]: (row["from_account"], row["to_account"]) for row in csv.DictReader(f)}

    def lawful(account):
        return not account or role.get(account, "lawful") in LAWFUL_ROLES

    def false_alarm(txn_id):
        payer, payee = ends[txn_id]
        return txn_id not in fraud and lawful(payer) and lawful(payee)

    return false_alarm


def all_verdicts(path, checked):
    """Every row of a verdicts file of `fanzha backtest --verdicts PATH --all-verdicts`; exits when it
    does not list each of the CHECKED transfers the backtest checked (written without
    --all-verdicts, it lists only those stopped and the labelled ones)."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != checked:
        sys.exit(f"{path} lists {len(rows)} transfers, the backtest checked {checked}: write it with --all-verdicts")
    return rows


def live_check_passes(shipped, candidate, victims, checked):
    """Decision 11's (c) of bench/out/generalize-decisions.md: whether a candidate live check may
    replace the shipped one, each given as (victim payments stopped, false alarms). Stopped falls by
    at most 2 % of VICTIMS, and false alarms rise by at most 0.0002 x CHECKED (transfers checked) or
    by no more than the extra payments stopped."""
    (s0, a0), (s, a) = shipped, candidate
    return s >= s0 - 0.02 * victims and (a <= a0 + 0.0002 * checked or a - a0 <= s - s0)
