//! Importers for formats users already have: IBM AMLSim and IBM AMLworld.

use fanzha_ingest::{ingest, Format, IngestOptions, Inputs, Quiet, Reject, AMLSIM_BANK};
use fanzha_model::{Currency, Fen, LabelTarget, Ts};
use fanzha_storage::{LogStore, OpenMode, Store};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn amlsim_inputs(dir: &Path) -> Inputs {
    Inputs { accounts: Some(dir.join("nodes.csv")), transfers: Some(dir.join("transactions.csv")), labels: None }
}

fn count_rows(path: &Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count() - 1
}

fn check_amlsim(dir: &Path) {
    let db = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(db.path(), OpenMode::Create).unwrap();
    let report =
        ingest(&mut store, Format::Amlsim, &amlsim_inputs(dir), &IngestOptions::default(), &mut Quiet).unwrap();
    assert_eq!(report.rejected(), 0, "{:?}", report.rejects);
    let nodes = count_rows(&dir.join("nodes.csv"));
    let txns = count_rows(&dir.join("transactions.csv"));
    let l = store.ledger();
    assert_eq!(l.accounts().len(), nodes);
    assert_eq!(l.transfers().len(), txns);
    assert_eq!(l.bank_code(l.account(l.account_ix("0").unwrap()).bank.unwrap()), AMLSIM_BANK);
    let fraud_nodes = std::fs::read_to_string(dir.join("nodes.csv"))
        .unwrap()
        .lines()
        .filter(|l| l.split(',').nth(1) == Some("1"))
        .count();
    assert_eq!(l.labels().len(), fraud_nodes);
    assert!(l.labels().iter().all(|x| matches!(x.target, LabelTarget::Account(_)) && &*x.name == "isFraud"));
    // Step n is n days after the default epoch.
    let text = std::fs::read_to_string(dir.join("transactions.csv")).unwrap();
    let step: i64 = text.lines().nth(1).unwrap().split(',').nth(3).unwrap().parse().unwrap();
    let first = l.transfer(l.txn_ix("transactions:2").unwrap());
    assert_eq!(first.ts, Ts(Ts::from_utc(2020, 1, 1, 0, 0, 0).unwrap().0 + step * 86_400));
    // Money is exact.
    let total: Fen = l.transfers().iter().map(|t| t.amount).sum();
    let expected: i64 = std::fs::read_to_string(dir.join("transactions.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| Fen::parse_yuan(line.split(',').nth(2).unwrap()).unwrap().0)
        .sum();
    assert_eq!(total, Fen(expected));
}

#[test]
fn amlsim_fixture_imports_exactly() {
    check_amlsim(&fixtures().join("amlsim"));
}

#[test]
fn amlsim_20k_fanin200_imports_exactly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/amlsim/20K_fanin200");
    if !dir.join("nodes.csv").exists() {
        eprintln!("NOTICE: {} is absent; skipping the full AMLSim import test", dir.display());
        return;
    }
    check_amlsim(&dir);
}

#[test]
fn amlworld_rows_map_to_accounts_transfers_and_labels() {
    let db = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(db.path(), OpenMode::Create).unwrap();
    let inputs = Inputs { transfers: Some(fixtures().join("amlworld.csv")), ..Inputs::default() };
    let report = ingest(&mut store, Format::Amlworld, &inputs, &IngestOptions::default(), &mut Quiet).unwrap();
    let lines: Vec<(u64, &str)> = report.rejects.iter().map(|r: &Reject| (r.line, r.reason.as_str())).collect();
    assert_eq!(lines.iter().map(|l| l.0).collect::<Vec<_>>(), vec![7, 11, 12], "{lines:#?}");
    assert!(lines[0].1.contains("rounds to 0.00"));
    assert!(lines[1].1.contains("Galleon"));
    assert!(lines[2].1.contains("Timestamp"));
    let l = store.ledger();
    assert_eq!(l.transfers().len(), 8, "self-transfers (Reinvestment) are kept as they happened");
    let t = l.transfer(l.txn_ix("amlworld:8").unwrap());
    assert_eq!(t.amount, Fen(1_326_472));
    assert_eq!(t.currency, Currency::CNY);
    assert_eq!(t.ts, Ts::from_utc(2022, 9, 1, 0, 8, 0).unwrap());
    let payer = l.account(t.from.unwrap());
    assert_eq!(l.bank_code(payer.bank.unwrap()), "B1362");
    assert!(!payer.external);
    assert_eq!(l.labels().len(), 2);
    assert_eq!(l.labels()[0].target, LabelTarget::Transfer(l.txn_ix("amlworld:8").unwrap()));
    // Paid in yuan, received in dollars: the payer's side is kept.
    assert_eq!(l.transfer(l.txn_ix("amlworld:10").unwrap()).amount, Fen(1_243_009));
}

#[test]
fn amlworld_refuses_an_accounts_file() {
    let db = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(db.path(), OpenMode::Create).unwrap();
    let inputs = Inputs { accounts: Some(fixtures().join("amlworld.csv")), ..Inputs::default() };
    assert!(ingest(&mut store, Format::Amlworld, &inputs, &IngestOptions::default(), &mut Quiet).is_err());
}
