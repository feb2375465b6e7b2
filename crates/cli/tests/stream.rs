//! fanzha on a real NATS JetStream server (Debian `nats-server`): banks' files published to the
//! stream, followers that are killed with SIGKILL midway and restarted, and a new follower that
//! builds itself from the stream. Every follower ends with the store a direct ingest of the same
//! files gives; rows the store refuses become dead letters with their reason, never silent.
//! Skipped when `nats-server` is not installed, unless `FANZHA_REQUIRE_NATS=1` (CI).

mod common;

use common::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback port (bound and released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts a JetStream server storing under `dir`; `None` when `nats-server` is not installed.
fn nats_server(dir: &Path) -> Option<(Killed, String)> {
    let port = free_port();
    let child = Command::new("nats-server")
        .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let child = match child {
        Ok(c) => Killed(c),
        Err(e) => {
            assert!(std::env::var("FANZHA_REQUIRE_NATS").is_err(), "FANZHA_REQUIRE_NATS is set but nats-server: {e}");
            eprintln!("skipped: nats-server is not installed ({e})");
            return None;
        }
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nats-server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some((child, format!("nats://127.0.0.1:{port}")))
}

fn stats(db: &str) -> String {
    ok(&fanzha(&["stats", "--db", db, "--json"]))
}

#[test]
fn followers_killed_midway_end_with_the_store_a_direct_ingest_gives() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_server, url)) = nats_server(&dir.path().join("js")) else { return };
    let data = dir.path().join("data");
    ok(&fanzha(&["gen", "--out", data.to_str().unwrap(), "--persons", "1500", "--days", "30", "--seed", "3"]));
    let accounts = data.join("accounts.csv").to_str().unwrap().to_string();
    let transfers = data.join("transfers.csv").to_str().unwrap().to_string();
    // Two rows a store must refuse: a negative amount, and a known id with another amount.
    let text = std::fs::read_to_string(&transfers).unwrap();
    let first = text.lines().nth(1).unwrap().to_string();
    let mut fields: Vec<String> = first.split(',').map(String::from).collect();
    fields[0] = "BAD-1".into();
    fields[4] = "-5.00".into();
    let negative = fields.join(",");
    let mut fields: Vec<String> = first.split(',').map(String::from).collect();
    fields[4] = "999999.99".into();
    let conflict = fields.join(",");
    let mut f = std::fs::OpenOptions::new().append(true).open(&transfers).unwrap();
    writeln!(f, "{negative}\n{conflict}").unwrap();
    drop(f);

    let reference = dir.path().join("ref").to_str().unwrap().to_string();
    let out = fanzha(&["ingest", "--db", &reference, "--accounts", &accounts, "--transfers", &transfers]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("2 rejected"), "{said}");

    let published = ok(&fanzha(&["publish", "--nats", &url, "--accounts", &accounts, "--transfers", &transfers]));
    assert!(published.contains("(0 rows unreadable)"), "{published}");

    // Follower 1: killed with SIGKILL after its third durable batch, then restarted to the end.
    let f1 = dir.path().join("f1").to_str().unwrap().to_string();
    let follow = |db: &str, durable: &str, idle: &str| {
        Command::new(env!("CARGO_BIN_EXE_fanzha"))
            .args(["follow", "--nats", &url, "--db", db, "--durable", durable, "--batch", "300"])
            .args(if idle.is_empty() { vec![] } else { vec!["--until-idle", idle] })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut child = follow(&f1, "one", "");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    for _ in 0..3 {
        let line = lines.next().expect("the follower reports its batches").unwrap();
        assert!(line.starts_with("committed through stream sequence"), "{line}");
    }
    child.kill().unwrap(); // SIGKILL: no chance to finish the batch in hand
    child.wait().unwrap();
    let first_run = stats(&f1);
    assert_ne!(first_run, stats(&reference), "killed midway, not at the end");
    let out = follow(&f1, "one", "2").wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success() && said.contains("followed"), "{said}");
    assert_eq!(stats(&f1), stats(&reference));

    // Follower 2 builds itself from the stream; a third run of follower 1 finds nothing new.
    let f2 = dir.path().join("f2").to_str().unwrap().to_string();
    let out = follow(&f2, "two", "2").wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.contains("2 dead letters"), "{said}");
    assert_eq!(stats(&f2), stats(&reference));
    let letters = ok(&fanzha(&["dead-letters", "--nats", &url]));
    let letters: Vec<serde_json::Value> = letters.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let of = |who: &str| letters.iter().filter(|l| l["follower"] == who).collect::<Vec<_>>();
    assert_eq!(of("two").len(), 2, "{letters:#?}");
    assert!(of("one").len() >= 2, "follower one refused both too (again after a kill, at most)");
    let reasons: Vec<&str> = of("two").iter().map(|l| l["reason"].as_str().unwrap()).collect();
    assert!(reasons[0].contains("'-5.00' must be greater than 0"), "{reasons:?}");
    assert!(
        reasons[1].contains("differs from the transfer already stored") && reasons[1].contains("amount"),
        "{reasons:?}"
    );
    assert!(of("two")[1]["record"].as_str().unwrap().contains("999999.99"));
    // Republished unchanged: the stream drops the copies, so follower 1 finds nothing new.
    ok(&fanzha(&["publish", "--nats", &url, "--accounts", &accounts, "--transfers", &transfers]));
    let out = follow(&f1, "one", "1").wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(": 0 records applied"));
    assert_eq!(stats(&f1), stats(&reference));
    for (db, name) in [(&f1, "f1"), (&f2, "f2")] {
        let a = ok(&fanzha(&["detect", "mules", "--db", db, "--json"]));
        let b = ok(&fanzha(&["detect", "mules", "--db", &reference, "--json"]));
        assert_eq!(a, b, "{name}: the same mule scores as the reference store");
    }
}

/// One HTTP/1.1 GET with extra header lines; returns (status, the whole answer: headers and body).
fn get(addr: &str, path: &str, headers: &str) -> (u16, String) {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{headers}Connection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    (out.split(' ').nth(1).unwrap().parse().unwrap(), out)
}

/// The value of header `name` in an answer.
fn header(answer: &str, name: &str) -> Option<String> {
    answer.split("\r\n\r\n").next()?.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

#[test]
fn a_serving_node_follows_the_stream_and_says_how_far_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_server, url)) = nats_server(&dir.path().join("js")) else { return };
    let data = dir.path().join("data");
    ok(&fanzha(&["gen", "--out", data.to_str().unwrap(), "--persons", "800", "--days", "20", "--seed", "4"]));
    let accounts = data.join("accounts.csv").to_str().unwrap().to_string();
    let transfers = data.join("transfers.csv").to_str().unwrap().to_string();
    let reference = dir.path().join("ref").to_str().unwrap().to_string();
    ok(&fanzha(&["ingest", "--db", &reference, "--accounts", &accounts, "--transfers", &transfers]));
    let want: serde_json::Value = serde_json::from_str(&stats(&reference)).unwrap();

    let node = dir.path().join("node").to_str().unwrap().to_string();
    let (mut serving, addr) = serve(&node, &["--follow", &url, "--durable", "node1", "--rescore-minutes", "0"]);
    let (status, answer) = get(&addr, "/healthz", "");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(header(&answer, "fanzha-stream-sequence").as_deref(), Some("0"), "{answer}");
    let (status, answer) = get(&addr, "/healthz", "Fanzha-Min-Sequence: 1\r\n");
    assert_eq!(status, 503, "{answer}");
    assert_eq!(header(&answer, "retry-after").as_deref(), Some("1"));
    assert!(answer.contains("not yet 1"), "{answer}");
    assert_eq!(get(&addr, "/healthz", "Fanzha-Min-Sequence: soon\r\n").0, 400);

    let published = ok(&fanzha(&["publish", "--nats", &url, "--accounts", &accounts, "--transfers", &transfers]));
    assert!(published.contains("(0 rows unreadable)"), "{published}");
    let records = |k: &str| want[k].as_u64().unwrap();
    let total = (records("accounts") - records("external_accounts") + records("transfers")).to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, answer) = get(&addr, "/healthz", &format!("Fanzha-Min-Sequence: {total}\r\n"));
        if status == 200 {
            assert_eq!(header(&answer, "fanzha-stream-sequence"), Some(total.clone()));
            assert!(answer.contains(&format!("\"transfers\":{}", want["transfers"])), "{answer}");
            break;
        }
        assert_eq!(status, 503, "{answer}");
        assert!(Instant::now() < deadline, "the node did not catch up: {answer}");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(stats(&node), stats(&reference), "read beside the serving node");

    // A bank records on the node: the transfer is published, and read back by sequence.
    let first = std::fs::read_to_string(&accounts).unwrap().lines().nth(1).unwrap().to_string();
    let (payer, bank) = {
        let f: Vec<&str> = first.split(',').collect();
        (f[0].to_string(), f[1].to_string())
    };
    let issued = ok(&fanzha(&["apikey", "add", "--db", &node, "--bank", &bank, "--scope", "record,metrics"]));
    let key = issued.lines().last().unwrap().trim().to_string();
    let now = fanzha_model::Ts::now().to_rfc3339_utc();
    let body = format!(
        r#"{{"txn_id":"NODE-1","ts":"{now}","from_account":"{payer}","to_account":"6200000000000001","amount_fen":123456}}"#
    );
    let (status, answer) = post(&addr, &key, "/v1/transfers", &body);
    assert_eq!(status, 202, "{answer}");
    let published: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(published["published"], "NODE-1");
    let sequence = published["sequence"].as_u64().unwrap();
    assert_eq!(sequence, total.parse::<u64>().unwrap() + 1);
    let deadline = Instant::now() + Duration::from_secs(30);
    while get(&addr, "/healthz", &format!("Fanzha-Min-Sequence: {sequence}\r\n")).0 != 200 {
        assert!(Instant::now() < deadline, "the published transfer did not come back");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (_, answer) = get(&addr, "/healthz", "");
    assert!(answer.contains(&format!("\"transfers\":{}", records("transfers") + 1)), "{answer}");
    let (status, answer) = get(&addr, "/v1/stats", &format!("Authorization: Bearer {key}\r\n"));
    assert_eq!(status, 200, "{answer}");
    let counted: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(counted["stream_sequence"], sequence);
    assert_eq!(counted["transfers"], records("transfers") + 1);
    let unknown = body.replace("NODE-1", "NODE-2").replace(&payer, "6299999999999999");
    let (status, answer) = post(&addr, &key, "/v1/transfers", &unknown);
    assert_eq!(status, 403, "an account the node does not know is not claimed: {answer}");
    let _ = serving.0.kill();
    let _ = serving.0.wait();
    // Restarted with nothing new on the stream, the node still says how far its store is.
    let (_restarted, addr) = serve(&node, &["--follow", &url, "--durable", "node1", "--rescore-minutes", "0"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while get(&addr, "/healthz", &format!("Fanzha-Min-Sequence: {sequence}\r\n")).0 != 200 {
        assert!(Instant::now() < deadline, "the restarted node does not say it reflects {sequence}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One HTTP/1.1 POST of JSON with a bearer key; returns (status, the whole answer).
fn post(addr: &str, key: &str, path: &str, body: &str) -> (u16, String) {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    (out.split(' ').nth(1).unwrap().parse().unwrap(), out)
}

/// The fraud cases of a generated scenario in `data`: each victim's reported payments, by victim.
fn fraud_cases(data: &Path) -> std::collections::BTreeMap<String, Vec<String>> {
    let labels = std::fs::read_to_string(data.join("labels.csv")).unwrap();
    let fraud: std::collections::HashSet<&str> =
        labels.lines().filter_map(|l| l.strip_prefix("transfer,")?.split(',').next()).collect();
    let mut cases: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for row in std::fs::read_to_string(data.join("transfers.csv")).unwrap().lines().skip(1) {
        let f: Vec<&str> = row.split(',').collect();
        if fraud.contains(f[0]) {
            cases.entry(f[2].to_string()).or_default().push(f[0].to_string());
        }
    }
    assert!(cases.len() >= 20, "{} cases", cases.len());
    cases
}

/// A JetStream cluster of servers on loopback, each with its own store and monitoring port.
struct Cluster {
    /// Per server: its client port, monitoring port, the arguments it was started with, and the
    /// running process (`None` while killed).
    servers: Vec<(u16, u16, Vec<String>, Option<Killed>)>,
}

impl Cluster {
    /// Starts `n` servers routed to each other; `None` when `nats-server` is not installed.
    fn start(dir: &Path, n: usize) -> Option<Cluster> {
        let ports: Vec<(u16, u16, u16)> = (0..n).map(|_| (free_port(), free_port(), free_port())).collect();
        let routes: Vec<String> = ports.iter().map(|p| format!("nats://127.0.0.1:{}", p.1)).collect();
        let mut servers = Vec::new();
        for (i, &(client, route, monitor)) in ports.iter().enumerate() {
            let store = dir.join(format!("nats{i}"));
            let args: Vec<String> = [
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                &client.to_string(),
                "-m",
                &monitor.to_string(),
                "-sd",
                store.to_str().unwrap(),
                "-n",
                &format!("n{i}"),
                "--cluster_name",
                "fanzha-test",
                "--cluster",
                &format!("nats://127.0.0.1:{route}"),
                "--routes",
                &routes.join(","),
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            servers.push((client, monitor, args, None));
        }
        let mut cluster = Cluster { servers };
        for i in 0..n {
            if !cluster.run(i) {
                return None;
            }
        }
        Some(cluster)
    }

    /// (Re)starts server `i`; false when `nats-server` is not installed.
    fn run(&mut self, i: usize) -> bool {
        let (port, _, args, slot) = &mut self.servers[i];
        match Command::new("nats-server").args(&*args).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
            Ok(c) => *slot = Some(Killed(c)),
            Err(e) => {
                assert!(
                    std::env::var("FANZHA_REQUIRE_NATS").is_err(),
                    "FANZHA_REQUIRE_NATS is set but nats-server: {e}"
                );
                eprintln!("skipped: nats-server is not installed ({e})");
                return false;
            }
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", *port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server {i} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        true
    }

    /// Kills server `i` with SIGKILL.
    fn kill(&mut self, i: usize) {
        let mut server = self.servers[i].3.take().expect("running");
        server.0.kill().unwrap();
        server.0.wait().unwrap();
    }

    /// Every server's client URL, separated by commas.
    fn urls(&self) -> String {
        self.servers.iter().map(|s| format!("nats://127.0.0.1:{}", s.0)).collect::<Vec<_>>().join(",")
    }

    /// The server leading `stream`, as a running server's monitoring endpoint reports it.
    fn leader(&self, stream: &str) -> usize {
        let (_, monitor, _, _) = self.servers.iter().find(|s| s.3.is_some()).unwrap();
        // HTTP/1.0, so the answer is not chunked.
        let mut s = std::net::TcpStream::connect(("127.0.0.1", *monitor)).unwrap();
        s.write_all(b"GET /jsz?streams=true HTTP/1.0\r\n\r\n").unwrap();
        let mut answer = String::new();
        std::io::Read::read_to_string(&mut s, &mut answer).unwrap();
        let jsz: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        let details = jsz["account_details"].as_array().unwrap();
        let streams = details.iter().flat_map(|a| a["stream_detail"].as_array().unwrap());
        let found = streams.into_iter().find(|s| s["name"] == stream).expect("the stream exists");
        let name = found["cluster"]["leader"].as_str().unwrap();
        name.trim_start_matches('n').parse().unwrap()
    }
}

/// The rows of a CSV file split in two files at `at`, each with the header.
fn split_csv(path: &str, at: usize) -> (String, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let write = |name: &str, part: &[&str]| {
        let p = format!("{path}.{name}");
        std::fs::write(&p, format!("{header}\n{}\n", part.join("\n"))).unwrap();
        p
    };
    (write("first", &rows[..at]), write("second", &rows[at..]))
}

/// The issue's cluster test: three NATS servers keeping three copies of each stream, two followers
/// and a serving node. Half the scenario is published; the stream's leader and a follower are killed
/// with SIGKILL midway; the other half is published to the two servers left; both come back. Every
/// follower ends with the store a direct ingest gives (stats: nothing lost, nothing doubled), the
/// same trace for each fraud case (the serving node answers it over HTTP) and the same check
/// verdict for every transfer.
#[test]
fn a_cluster_that_loses_its_leader_and_a_follower_midway_ends_with_every_follower_equal() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut cluster) = Cluster::start(dir.path(), 3) else { return };
    let urls = cluster.urls();
    let data = dir.path().join("data");
    ok(&fanzha(&["gen", "--out", data.to_str().unwrap(), "--persons", "1500", "--days", "30", "--seed", "5"]));
    let path = |n: &str| data.join(n).to_str().unwrap().to_string();
    let (accounts, transfers) = (path("accounts.csv"), path("transfers.csv"));
    let (first_half, second_half) = split_csv(&transfers, 15_000);
    let reference = dir.path().join("ref").to_str().unwrap().to_string();
    ok(&fanzha(&["ingest", "--db", &reference, "--accounts", &accounts, "--transfers", &transfers]));

    let publish = |files: &[&str]| {
        let mut args = vec!["publish", "--nats", &urls, "--replicas", "3"];
        args.extend_from_slice(files);
        let said = ok(&fanzha(&args));
        assert!(said.contains("(0 rows unreadable)"), "{said}");
    };
    publish(&["--accounts", &accounts, "--transfers", &first_half]);
    let db = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let follow = |db: &str, durable: &str, idle: Option<&str>| {
        Command::new(env!("CARGO_BIN_EXE_fanzha"))
            .args(["follow", "--nats", &urls, "--db", db, "--durable", durable, "--batch", "300"])
            .args(idle.map_or(vec![], |i| vec!["--until-idle", i]))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (f1, f2, node) = (db("f1"), db("f2"), db("node"));
    let mut one = follow(&f1, "one", None);
    // Nodes of one deployment hash holders' identities with one salt: a new node's store starts as
    // a copy of the first's meta.json.
    let meta = Path::new(&f1).join("meta.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !meta.exists() {
        assert!(Instant::now() < deadline, "the follower made no store");
        std::thread::sleep(Duration::from_millis(20));
    }
    for store in [&f2, &node] {
        std::fs::create_dir_all(store).unwrap();
        std::fs::copy(&meta, Path::new(store).join("meta.json")).unwrap();
    }
    let mut two = follow(&f2, "two", None);
    let (serving, addr) = serve(&node, &["--follow", &urls, "--durable", "node", "--rescore-minutes", "0"]);
    let mut lines = BufReader::new(one.stderr.take().unwrap()).lines();
    let mut batches = 0;
    while batches < 3 {
        let line = lines.next().expect("the follower reports its batches").unwrap();
        batches += usize::from(line.starts_with("committed through stream sequence"));
    }
    let leader = cluster.leader("FANZHA");
    cluster.kill(leader);
    one.kill().unwrap();
    one.wait().unwrap();
    publish(&["--transfers", &second_half]);
    assert!(cluster.run(leader));

    // Follower two rode through the server's death; it is stopped (SIGKILL again) and run to the end.
    two.kill().unwrap();
    two.wait().unwrap();
    for (store, durable) in [(&f1, "one"), (&f2, "two")] {
        let out = follow(store, durable, Some("3")).wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let want: serde_json::Value = serde_json::from_str(&stats(&reference)).unwrap();
    let records = |k: &str| want[k].as_u64().unwrap();
    let total = records("accounts") - records("external_accounts") + records("transfers");
    let deadline = Instant::now() + Duration::from_secs(90);
    while get(&addr, "/healthz", &format!("Fanzha-Min-Sequence: {total}\r\n")).0 != 200 {
        assert!(Instant::now() < deadline, "the serving node did not catch up");
        std::thread::sleep(Duration::from_millis(100));
    }
    for store in [&f1, &f2, &node] {
        assert_eq!(stats(store), stats(&reference), "{store}: nothing lost, nothing doubled");
    }

    // The same trace of every fraud case, from each store and from the serving node over HTTP.
    let issued = ok(&fanzha(&[
        "apikey",
        "add",
        "--db",
        &node,
        "--bank",
        "ICBC",
        "--scope",
        "investigate,lists:write,lists:read",
    ]));
    let key = issued.lines().last().unwrap().trim().to_string();
    let cases = fraud_cases(&data);
    for txns in cases.values() {
        let args: Vec<&str> = txns.iter().flat_map(|t| ["--txn", t.as_str()]).collect();
        let trace = |store: &str| ok(&fanzha(&[&["trace", "--db", store, "--json"], &args[..]].concat()));
        let want = trace(&reference);
        for store in [&f1, &f2] {
            assert_eq!(trace(store), want, "{store}: {txns:?}");
        }
        let body = serde_json::json!({ "txns": txns }).to_string();
        let (status, answer) = post(&addr, &key, "/v1/traces", &body);
        assert_eq!(status, 200, "{answer}");
        let over_http: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        assert_eq!(
            over_http,
            serde_json::from_str::<serde_json::Value>(&want).unwrap(),
            "the node's trace of {txns:?}"
        );
    }
    // The same check verdict for every transfer, replayed through the live check.
    let verdicts = |store: &str| {
        let file = format!("{store}.verdicts.csv");
        ok(&fanzha(&["backtest", "--db", store, "--verdicts", &file]));
        std::fs::read_to_string(file).unwrap()
    };
    let want = verdicts(&reference);
    assert!(want.lines().count() > 100, "transfers were held: {}", want.lines().count());
    for store in [&f1, &f2] {
        assert!(verdicts(store) == want, "{store}: the same verdicts");
    }

    // A block-list entry added on the serving node is published, and every node keeps it.
    let entry = r#"{"list":"block","kind":"account","value":"6200000000009999","reason":"止付","source":"police","valid_from":"2024-03-01T10:00:00+08:00"}"#;
    let (status, answer) = post(&addr, &key, "/v1/lists", entry);
    assert_eq!(status, 202, "{answer}");
    let published: serde_json::Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let sequence = published["sequence"].as_u64().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let listed = loop {
        let (status, answer) =
            get(&addr, "/v1/lists", &format!("Authorization: Bearer {key}\r\nFanzha-Min-Sequence: {sequence}\r\n"));
        if status == 200 {
            break answer;
        }
        assert!(Instant::now() < deadline, "the entry did not come back: {answer}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(listed.contains("6200000000009999"), "{listed}");
    for (store, durable) in [(&f1, "one"), (&f2, "two")] {
        let out = follow(store, durable, Some("2")).wait_with_output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 list changes"), "{out:?}");
    }
    let lists = |store: &str| std::fs::read_to_string(Path::new(store).join("lists.jsonl")).unwrap();
    assert!(lists(&node).contains("6200000000009999"));
    assert_eq!(lists(&f1), lists(&node), "the same lists on every node");
    assert_eq!(lists(&f2), lists(&node));
    drop(serving);
}

/// The answer's JSON body.
fn body(answer: &str) -> serde_json::Value {
    serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap()
}

#[test]
fn three_partitions_trace_every_case_as_one_node_does() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_server, url)) = nats_server(&dir.path().join("js")) else { return };
    let data = dir.path().join("data");
    ok(&fanzha(&["gen", "--out", data.to_str().unwrap(), "--persons", "1500", "--days", "30", "--seed", "6"]));
    let path = |n: &str| data.join(n).to_str().unwrap().to_string();
    let (accounts, transfers) = (path("accounts.csv"), path("transfers.csv"));
    let reference = dir.path().join("ref").to_str().unwrap().to_string();
    ok(&fanzha(&["ingest", "--db", &reference, "--accounts", &accounts, "--transfers", &transfers]));
    let said = ok(&fanzha(&["publish", "--nats", &url, "--accounts", &accounts, "--transfers", &transfers]));
    assert!(said.contains("(0 rows unreadable)"), "{said}");

    // Three nodes, each holding one partition, started as nodes of one deployment (one salt).
    let want: serde_json::Value = serde_json::from_str(&stats(&reference)).unwrap();
    let records = |k: &str| want[k].as_u64().unwrap();
    let total = records("accounts") - records("external_accounts") + records("transfers");
    let mut nodes = Vec::new();
    for k in 0..3 {
        let db = dir.path().join(format!("p{k}")).to_str().unwrap().to_string();
        std::fs::create_dir_all(&db).unwrap();
        std::fs::copy(Path::new(&reference).join("meta.json"), Path::new(&db).join("meta.json")).unwrap();
        let partition = format!("{k}/3");
        let durable = format!("p{k}");
        let args = ["--follow", &url, "--durable", &durable, "--partition", &partition, "--rescore-minutes", "0"];
        let (serving, addr) = serve(&db, &args);
        let issued =
            ok(&fanzha(&["apikey", "add", "--db", &db, "--bank", "ICBC", "--scope", "investigate,metrics,check"]));
        nodes.push((db, serving, addr, issued.lines().last().unwrap().trim().to_string()));
    }
    let mut held = 0;
    for (db, _, addr, key) in &nodes {
        let deadline = Instant::now() + Duration::from_secs(90);
        while get(addr, "/healthz", &format!("Fanzha-Min-Sequence: {total}\r\n")).0 != 200 {
            assert!(Instant::now() < deadline, "{db} did not catch up");
            std::thread::sleep(Duration::from_millis(100));
        }
        let (status, answer) = get(addr, "/v1/stats", &format!("Authorization: Bearer {key}\r\n"));
        assert_eq!(status, 200, "{answer}");
        let counted = body(&answer);
        let internal =
            |v: &serde_json::Value| v["accounts"].as_u64().unwrap() - v["external_accounts"].as_u64().unwrap();
        assert_eq!(internal(&counted), internal(&want), "every node keeps every bank's account records");
        let transfers = counted["transfers"].as_u64().unwrap();
        assert!(transfers < records("transfers") * 4 / 5, "{db} holds {transfers} of {}", records("transfers"));
        held += transfers;
    }
    assert!(held >= records("transfers"), "every transfer is held by its payer's or payee's partition");

    // Every fraud case traced on any node equals the trace of one store holding everything.
    let cases = fraud_cases(&data);
    let mut crossed = 0;
    for (i, txns) in cases.values().enumerate() {
        let (_, _, addr, key) = &nodes[i % 3];
        let args: Vec<&str> = txns.iter().flat_map(|t| ["--txn", t.as_str()]).collect();
        let one: serde_json::Value =
            serde_json::from_str(&ok(&fanzha(&[&["trace", "--db", &reference, "--json"], &args[..]].concat())))
                .unwrap();
        let (status, answer) = post(addr, key, "/v1/traces", &serde_json::json!({ "txns": txns }).to_string());
        assert_eq!(status, 200, "{answer}");
        assert_eq!(body(&answer), one, "the trace of {txns:?} across partitions");
        let owners: std::collections::HashSet<u32> = one["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| fanzha_model::Partition::owner(n["account"].as_str().unwrap(), 3))
            .collect();
        crossed += usize::from(owners.len() > 1);
        // Backward from the first reported transfer, too.
        let back = serde_json::json!({ "txns": [txns[0]], "backward": true }).to_string();
        let one: serde_json::Value = serde_json::from_str(&ok(&fanzha(&[
            "trace",
            "--db",
            &reference,
            "--json",
            "--backward",
            "--txn",
            &txns[0],
        ])))
        .unwrap();
        let (status, answer) = post(addr, key, "/v1/traces", &back);
        assert_eq!(status, 200, "{answer}");
        assert_eq!(body(&answer), one, "the backward trace of {} across partitions", txns[0]);
    }
    assert!(crossed * 2 > cases.len(), "most traces cross partitions ({crossed} of {})", cases.len());

    // Any node answers an account's risk and a check as a node holding everything does: the live
    // mule score is computed where the account lives (its partition holds all its transfers), a
    // check by the payee's partition with the payer's part from the payer's.
    let whole = dir.path().join("whole").to_str().unwrap().to_string();
    std::fs::create_dir_all(&whole).unwrap();
    std::fs::copy(Path::new(&reference).join("meta.json"), Path::new(&whole).join("meta.json")).unwrap();
    let (_whole_node, whole_addr) = serve(&whole, &["--follow", &url, "--durable", "whole", "--rescore-minutes", "0"]);
    let issued = ok(&fanzha(&["apikey", "add", "--db", &whole, "--bank", "ICBC", "--scope", "investigate,check"]));
    let whole_key = issued.lines().last().unwrap().trim().to_string();
    let deadline = Instant::now() + Duration::from_secs(90);
    while get(&whole_addr, "/healthz", &format!("Fanzha-Min-Sequence: {total}\r\n")).0 != 200 {
        assert!(Instant::now() < deadline, "the whole node did not catch up");
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut scored: std::collections::BTreeSet<String> = cases.keys().cloned().collect();
    for txns in cases.values().take(20) {
        let args: Vec<&str> = txns.iter().flat_map(|t| ["--txn", t.as_str()]).collect();
        let one = ok(&fanzha(&[&["trace", "--db", &reference, "--json"], &args[..]].concat()));
        let one: serde_json::Value = serde_json::from_str(&one).unwrap();
        scored.extend(one["held"].as_array().unwrap().iter().map(|h| h["account"].as_str().unwrap().to_string()));
    }
    let (mut flagged, mut forwarded) = (0, 0);
    for (i, account) in scored.iter().enumerate() {
        let (_, _, addr, key) = &nodes[i % 3];
        forwarded += usize::from(fanzha_model::Partition::owner(account, 3) as usize != i % 3);
        let path = format!("/v1/accounts/{account}/risk");
        let (status, there) = get(addr, &path, &format!("Authorization: Bearer {key}\r\n"));
        assert_eq!(status, 200, "{there}");
        let (_, here) = get(&whole_addr, &path, &format!("Authorization: Bearer {whole_key}\r\n"));
        let (there, here) = (body(&there), body(&here));
        assert_eq!(there["live"], here["live"], "{account}: the live mule score where it lives");
        assert_eq!(there["holder"], here["holder"], "{account}: its holder's other cards");
        flagged += usize::from(here["live"]["flagged"] == true);
    }
    assert!(flagged > 0 && forwarded > 0, "{flagged} flagged, {forwarded} asked elsewhere of {}", scored.len());
    let (status, answer) =
        get(&nodes[1].2, "/v1/accounts/6299999999999999/risk", &format!("Authorization: Bearer {}\r\n", nodes[1].3));
    assert_eq!(status, 404, "{answer}");
    // The same verdict for every victim payment and a sample of all transfers, from any node.
    let fraud: std::collections::HashSet<&String> = cases.values().flatten().collect();
    let rows = std::fs::read_to_string(&transfers).unwrap();
    let (mut checked, mut held) = (0, 0);
    for (i, row) in rows.lines().skip(1).enumerate() {
        let f: Vec<&str> = row.split(',').collect();
        if f[2].is_empty() || f[3].is_empty() || !(fraud.contains(&f[0].to_string()) || i % 97 == 0) {
            continue;
        }
        let fen = (f[4].parse::<f64>().unwrap() * 100.0).round() as i64;
        let body_json = format!(
            r#"{{"txn_id":"{}","ts":"{}","from_account":"{}","to_account":"{}","amount_fen":{fen}}}"#,
            f[0], f[1], f[2], f[3]
        );
        let (_, _, addr, key) = &nodes[checked % 3];
        let (status, there) = post(addr, key, "/v1/transfers/check", &body_json);
        assert_eq!(status, 200, "{there}");
        let (_, here) = post(&whole_addr, &whole_key, "/v1/transfers/check", &body_json);
        let (there, here) = (body(&there), body(&here));
        assert_eq!(there, here, "{body_json}");
        held += usize::from(here["verdict"] != "pass");
        checked += 1;
    }
    assert!(checked > 200 && held > 20, "{held} of {checked} checks held or blocked");

    // A store built as one partition is not followed as another.
    let (first, serving, ..) = nodes.remove(0);
    drop(serving);
    let refused = fanzha(&["follow", "--nats", &url, "--db", &first, "--partition", "1/3", "--until-idle", "1"]);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && said.contains("holds partition '0/3'"), "{said}");
}
