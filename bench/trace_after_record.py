#!/usr/bin/env python3
"""A serving node under steady intake: records a transfer, then traces a fraud case, N times, and
prints the trace latency seen by the client (every trace finds one new transfer to merge into the
node's graph first).

    fanzha apikey add --db DB --bank BANK --scope investigate,record     # BANK: the payer's bank
    fanzha serve --db DB --addr 127.0.0.1:8080 --rescore-minutes 0 &
    python3 bench/trace_after_record.py 127.0.0.1:8080 KEY LATEST PAYER PAYEE TXN[,TXN...] [N]

LATEST is the store's latest transfer time (RFC 3339; the records are dated one second apart after
it), PAYER and PAYEE accounts of the store (the key's bank holds PAYER), TXN the fraud transfers to
trace in turn. Run it against two builds on copies of one store to compare them.
"""
import datetime, http.client, json, sys, time


def main(addr, key, latest, payer, payee, txns, n=60):
    host, port = addr.split(":")
    conn = http.client.HTTPConnection(host, int(port))

    def post(path, body):
        conn.request("POST", path, json.dumps(body), {"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        r = conn.getresponse()
        return r.status, r.read()

    t0 = datetime.datetime.fromisoformat(latest)
    record_s, trace_s = [], []
    for i in range(n):
        ts = (t0 + datetime.timedelta(seconds=i + 1)).isoformat()
        body = {"txn_id": f"BENCH{i}-{time.time_ns()}", "ts": ts, "from_account": payer, "to_account": payee, "amount_fen": 10000}
        start = time.perf_counter()
        status, answer = post("/v1/transfers", body)
        record_s.append(time.perf_counter() - start)
        if status != 201:
            sys.exit(f"record refused: {answer.decode()}")
        start = time.perf_counter()
        status, answer = post("/v1/traces", {"txns": [txns[i % len(txns)]]})
        trace_s.append(time.perf_counter() - start)
        if status != 200:
            sys.exit(f"trace refused: {answer.decode()}")
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))] * 1000
    print(json.dumps({"traces": n, "trace_ms_p50": round(q(trace_s, .5), 2), "trace_ms_p99": round(q(trace_s, .99), 2),
                      "trace_ms_max": round(max(trace_s) * 1000, 2), "record_ms_p50": round(q(record_s, .5), 2)}))


if __name__ == "__main__":
    if len(sys.argv) not in (7, 8):
        sys.exit(__doc__)
    main(*sys.argv[1:6], sys.argv[6].split(","), *(int(x) for x in sys.argv[7:]))
