"""Reading a world's truth file (bench/worlds*/ with --truth), shared by the bench/lib scripts."""
import csv
import os


def account_roles(world):
    """{account id: role} of every account row of WORLD/truth.csv. W8 names the record column
    `kind`; later worlds `record`."""
    roles = {}
    with open(os.path.join(world, "truth.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r.get("record", r.get("kind")) == "account":
                roles[r["id"]] = r["role"]
    return roles
