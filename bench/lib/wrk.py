"""One line of JSON from wrk's --latency output: the fields given, then requests/s, p50/p90/p99 in
milliseconds and the count of non-2xx/3xx answers.

    python3 bench/lib/wrk.py WRK_OUTPUT '{"bench": "...", ...}'
"""
import json
import re
import sys

text = open(sys.argv[1]).read()


def latency_ms(p):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)" % p, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
line = json.loads(sys.argv[2])
line.update({"requests_per_sec": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
             "p50_ms": latency_ms(50), "p90_ms": latency_ms(90), "p99_ms": latency_ms(99),
             "non_2xx": int(errors.group(1)) if errors else 0})
print(json.dumps(line))
