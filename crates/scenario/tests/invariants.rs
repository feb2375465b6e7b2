//! What every generated scenario must satisfy, checked on the written CSV files.

use fanzha_model::{Channel, Fen, Region, TransferKind, Ts};
use fanzha_scenario::{generate, generate_to_dir, ScenarioConfig, ScenarioSummary};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

struct Output {
    accounts: Vec<u8>,
    transfers: Vec<u8>,
    labels: Vec<u8>,
    summary: ScenarioSummary,
}

fn small(seed: u64) -> ScenarioConfig {
    ScenarioConfig { seed, persons: 600, days: 45, fraud_cases: 24, card_farmers: 4, ..ScenarioConfig::default() }
}

fn run(cfg: &ScenarioConfig) -> Output {
    let (mut accounts, mut transfers, mut labels) = (Vec::new(), Vec::new(), Vec::new());
    let summary = generate(cfg, &mut accounts, &mut transfers, &mut labels).unwrap();
    Output { accounts, transfers, labels, summary }
}

fn output() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| run(&small(11)))
}

/// Rows of a CSV file as maps from column name to value.
fn rows(bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| header.iter().zip(r.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect())
        .collect()
}

fn header(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes.split(|b| *b == b'\n').next().unwrap()).unwrap()
}

struct Account {
    bank: String,
    holder: String,
    opened_at: Ts,
    opening: Fen,
}

fn accounts(out: &Output) -> BTreeMap<String, Account> {
    let mut map = BTreeMap::new();
    for r in rows(&out.accounts) {
        let a = Account {
            bank: r["bank"].clone(),
            holder: r["holder_id"].clone(),
            opened_at: Ts::parse_rfc3339(&r["opened_at"]).unwrap(),
            opening: Fen::parse_yuan(&r["opening_balance"]).unwrap(),
        };
        assert!(map.insert(r["account_id"].clone(), a).is_none(), "duplicate account {}", r["account_id"]);
    }
    map
}

fn labels(out: &Output) -> Vec<(String, String, String)> {
    rows(&out.labels).into_iter().map(|r| (r["kind"].clone(), r["id"].clone(), r["label"].clone())).collect()
}

fn labelled(out: &Output, label: &str) -> BTreeSet<String> {
    labels(out).into_iter().filter(|l| l.2 == label).map(|l| l.1).collect()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = run(&small(5));
    let b = run(&small(5));
    assert!(a.accounts == b.accounts && a.transfers == b.transfers && a.labels == b.labels);
    let c = run(&small(6));
    assert!(a.accounts != c.accounts && a.transfers != c.transfers && a.labels != c.labels);
}

#[test]
fn files_have_the_interchange_headers_and_the_summary_counts_their_rows() {
    let out = output();
    assert_eq!(header(&out.accounts), "account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance");
    assert_eq!(header(&out.transfers), "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo");
    assert_eq!(header(&out.labels), "kind,id,label");
    assert_eq!(rows(&out.accounts).len() as u64, out.summary.accounts);
    assert_eq!(rows(&out.transfers).len() as u64, out.summary.transfers);
    assert_eq!(rows(&out.labels).len() as u64, out.summary.labels);
    assert!(out.summary.transfers > 10_000, "{:?}", out.summary);
}

#[test]
fn transfers_are_in_time_order_with_valid_fields() {
    let out = output();
    let mut last = Ts(i64::MIN);
    let mut ids = HashSet::new();
    for r in rows(&out.transfers) {
        assert!(r["ts"].ends_with("+08:00"), "{}", r["ts"]);
        let ts = Ts::parse_rfc3339(&r["ts"]).unwrap();
        assert!(ts >= last, "{} comes after a later row", r["txn_id"]);
        last = ts;
        assert!(ids.insert(r["txn_id"].clone()), "duplicate {}", r["txn_id"]);
        let amount = &r["amount"];
        assert!(Fen::parse_yuan(amount).unwrap() > Fen::ZERO, "{amount}");
        assert!(amount.split_once('.').is_none_or(|(_, f)| f.len() <= 2), "{amount}");
        assert_eq!(r["currency"], "CNY");
        Region::parse(&r["region"]).unwrap();
        let channel = Channel::parse(&r["channel"]).unwrap();
        let kind = TransferKind::parse(&r["kind"]).unwrap();
        kind.check_parties(!r["from_account"].is_empty(), !r["to_account"].is_empty()).unwrap();
        if kind == TransferKind::Withdrawal {
            assert!(matches!(channel, Channel::Atm | Channel::Counter), "{}", r["txn_id"]);
        }
    }
    let start = small(11).start;
    assert!(last.0 < start.0 + 45 * 86_400);
}

#[test]
fn no_account_spends_more_than_it_holds_or_moves_before_it_is_opened() {
    let out = output();
    let accounts = accounts(out);
    let mut balance: HashMap<&str, i64> = accounts.iter().map(|(id, a)| (id.as_str(), a.opening.0)).collect();
    let mut outside = HashSet::new();
    for r in rows(&out.transfers) {
        let amount = Fen::parse_yuan(&r["amount"]).unwrap().0;
        let ts = Ts::parse_rfc3339(&r["ts"]).unwrap();
        let (from, to) = (r["from_account"].as_str(), r["to_account"].as_str());
        if !from.is_empty() {
            let account = accounts.get(from).expect("payers are accounts of accounts.csv");
            assert!(ts >= account.opened_at, "{} moves money before {from} is opened", r["txn_id"]);
            let b = balance.get_mut(from).unwrap();
            *b -= amount;
            assert!(*b >= 0, "{from} goes negative at {}", r["txn_id"]);
        }
        if !to.is_empty() {
            match balance.get_mut(to) {
                Some(b) => {
                    assert!(ts >= accounts[to].opened_at, "{} pays {to} before it is opened", r["txn_id"]);
                    *b += amount;
                }
                None => {
                    outside.insert(to.to_string());
                }
            }
        }
    }
    assert!(outside.len() >= 10, "external accounts exist: {}", outside.len());
}

/// ISO 7064 MOD 11-2 check character of a resident ID number.
fn resident_check(id: &str) -> u8 {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = id.bytes().take(17).zip(weights).map(|(d, w)| u32::from(d - b'0') * w).sum();
    b"10X98765432"[(sum % 11) as usize]
}

#[test]
fn accounts_look_like_chinese_bank_data() {
    let out = output();
    let banks = ["ICBC", "CCB", "ABC", "BOC", "BOCOM", "CMB", "PSBC", "CIB", "SPDB", "CITIC", "ALIPAY", "TENPAY"];
    let mut seen_banks = BTreeSet::new();
    let mut companies = 0;
    for r in rows(&out.accounts) {
        let id = &r["account_id"];
        assert!((16..=19).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()), "{id}");
        assert!(banks.contains(&r["bank"].as_str()), "{}", r["bank"]);
        seen_banks.insert(r["bank"].clone());
        let holder = &r["holder_id"];
        assert_eq!(holder.len(), 18, "{holder}");
        Region::parse(&r["open_region"]).unwrap();
        fanzha_model::AccountClass::parse(&r["account_class"]).unwrap();
        assert!(Fen::parse_yuan(&r["opening_balance"]).unwrap() >= Fen::ZERO);
        if r["account_class"] == "corp" {
            companies += 1;
            assert!(holder.starts_with("91") || holder.starts_with("12"), "{holder}");
        } else {
            assert!(holder[..17].bytes().all(|b| b.is_ascii_digit()), "{holder}");
            assert_eq!(holder.as_bytes()[17], resident_check(holder), "{holder}");
            Region::parse(&holder[..6]).unwrap();
            let (year, month, day): (u32, u32, u32) =
                (holder[6..10].parse().unwrap(), holder[10..12].parse().unwrap(), holder[12..14].parse().unwrap());
            assert!((1930..=2006).contains(&year) && (1..=12).contains(&month) && (1..=28).contains(&day), "{holder}");
        }
    }
    assert_eq!(seen_banks.len(), banks.len());
    assert!(companies > 10);
}

#[test]
fn labels_point_at_what_exists() {
    let out = output();
    let accounts = accounts(out);
    let holders: HashSet<&str> = accounts.values().map(|a| a.holder.as_str()).collect();
    let transfers: HashMap<String, HashMap<String, String>> =
        rows(&out.transfers).into_iter().map(|r| (r["txn_id"].clone(), r)).collect();
    let mules = labelled(out, "mule");
    for (kind, id, label) in labels(out) {
        match (kind.as_str(), label.as_str()) {
            ("account", "mule") => assert!(accounts.contains_key(&id), "{id}"),
            ("holder", "card_farmer") => assert!(holders.contains(id.as_str()), "{id}"),
            ("transfer", "fraud") => {
                let t = &transfers[&id];
                assert!(mules.contains(&t["to_account"]), "victim payment {id} goes to a mule");
                assert!(!mules.contains(&t["from_account"]), "victims are not mules");
            }
            other => panic!("unexpected label {other:?}"),
        }
    }
    let s = &out.summary;
    assert_eq!(labelled(out, "fraud").len() as u32, s.victim_payments);
    assert_eq!(mules.len() as u32, s.mule_accounts);
    assert_eq!(labelled(out, "card_farmer").len() as u32, s.card_farmers);
    assert_eq!(s.card_farmers, 4);
    assert!(s.fraud_cases >= 20 && s.victim_payments >= s.fraud_cases, "{s:?}");
    assert_eq!(s.cases_by_typology.iter().map(|c| c.1).sum::<u32>(), s.fraud_cases);
    let fraud_sum: i64 =
        labelled(out, "fraud").iter().map(|id| Fen::parse_yuan(&transfers[id]["amount"]).unwrap().0).sum();
    assert_eq!(fraud_sum, s.fraud_fen);
}

#[test]
fn card_farmers_open_many_cards_at_several_banks_within_two_weeks() {
    let out = output();
    let accounts = accounts(out);
    for farmer in labelled(out, "card_farmer") {
        let cards: Vec<&Account> = accounts.values().filter(|a| a.holder == farmer).collect();
        assert!(cards.len() >= 8, "{farmer} has {} cards", cards.len());
        let banks: BTreeSet<&str> = cards.iter().map(|a| a.bank.as_str()).collect();
        assert!(banks.len() >= 2, "{farmer}: {banks:?}");
        let first = cards.iter().map(|a| a.opened_at.0).min().unwrap();
        let last = cards.iter().map(|a| a.opened_at.0).max().unwrap();
        assert!(last - first <= 15 * 86_400, "{farmer} took {} days", (last - first) / 86_400);
        assert!(cards.iter().all(|a| a.opening <= Fen(10_00)));
    }
}

#[test]
fn mule_money_moves_fast_is_cashed_out_in_guangdong_and_some_is_left_to_freeze() {
    let out = output();
    let accounts = accounts(out);
    let mules = labelled(out, "mule");
    let fraud = labelled(out, "fraud");
    let mut balance: HashMap<String, i64> = mules.iter().map(|m| (m.clone(), accounts[m].opening.0)).collect();
    let mut first_in: HashMap<String, i64> = HashMap::new();
    let mut payers: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut fast = 0;
    let mut slow = 0;
    let mut guangdong_atm = 0;
    let mut exits = 0;
    for r in rows(&out.transfers) {
        let amount = Fen::parse_yuan(&r["amount"]).unwrap().0;
        let ts = Ts::parse_rfc3339(&r["ts"]).unwrap().0;
        let (from, to) = (&r["from_account"], &r["to_account"]);
        if fraud.contains(&r["txn_id"]) {
            payers.entry(to.clone()).or_default().insert(from.clone());
        }
        if let Some(b) = balance.get_mut(to) {
            *b += amount;
            first_in.entry(to.clone()).or_insert(ts);
        }
        if let Some(b) = balance.get_mut(from) {
            *b -= amount;
            if let Some(arrived) = first_in.remove(from) {
                if ts - arrived <= 3 * 3600 {
                    fast += 1;
                } else {
                    slow += 1;
                }
            }
            if r["kind"] == "withdrawal" {
                assert_eq!(r["channel"], "atm");
                assert!(amount <= 500_000, "one ATM withdrawal is at most 5,000 yuan");
                if r["region"].starts_with("44") {
                    guangdong_atm += 1;
                }
            }
            if !to.is_empty() && !accounts.contains_key(to) {
                exits += 1;
            }
        }
    }
    assert!(fast > 4 * slow, "fast in, fast out: {fast} fast, {slow} slow");
    assert!(guangdong_atm > 50, "{guangdong_atm}");
    assert!(exits > 0);
    let left: i64 = balance.values().filter(|b| **b > 10_000).sum();
    assert!(left > 0, "some money is left in mule accounts to freeze");
    assert!(payers.values().any(|p| p.len() >= 2), "a mule gathers from several victims");
}

#[test]
fn for_transfers_hits_its_target() {
    for target in [200_000, 20_000] {
        let cfg = ScenarioConfig::for_transfers(target, 3);
        let s = generate(&cfg, std::io::sink(), std::io::sink(), std::io::sink()).unwrap();
        let ratio = s.transfers as f64 / target as f64;
        assert!((0.8..=1.2).contains(&ratio), "{target}: {} transfers", s.transfers);
        assert!(s.fraud_cases > 0 && s.card_farmers > 0);
    }
}

#[test]
fn writes_the_three_files_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out");
    let cfg = ScenarioConfig { persons: 50, days: 10, fraud_cases: 2, card_farmers: 1, ..ScenarioConfig::default() };
    let s = generate_to_dir(&cfg, &target).unwrap();
    let again = run(&cfg);
    assert_eq!(std::fs::read(target.join("accounts.csv")).unwrap(), again.accounts);
    assert_eq!(std::fs::read(target.join("transfers.csv")).unwrap(), again.transfers);
    assert_eq!(std::fs::read(target.join("labels.csv")).unwrap(), again.labels);
    assert_eq!(s, again.summary);
}

#[test]
fn degenerate_configs_give_empty_but_well_formed_files() {
    for cfg in [
        ScenarioConfig { persons: 0, fraud_cases: 5, card_farmers: 0, ..ScenarioConfig::default() },
        ScenarioConfig { days: 0, ..small(1) },
        ScenarioConfig { fraud_cases: 30, card_farmers: 0, persons: 100, days: 5, ..ScenarioConfig::default() },
    ] {
        let out = run(&cfg);
        assert_eq!(
            header(&out.transfers),
            "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo"
        );
        if cfg.days == 0 {
            assert_eq!(out.summary.transfers, 0);
        }
    }
}
