//! Fuzzing the loaders with proptest: files made of valid rows with random edits (bytes inserted,
//! deleted, replaced; lines cut; stray quotes, separators and encodings) or of raw bytes, in every
//! format and for every kind of file. Ingest never panics; a run ends with rows stored or rejected
//! by line, or with a clear error; and what it stored is exactly what the store holds on reopen.

use fanzha_ingest::{ingest, Format, IngestOptions, Inputs, Quiet};
use fanzha_storage::{LogStore, OpenMode, Store};
use proptest::prelude::*;
use std::path::Path;

const ACCOUNTS: &str = "account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status\n\
    6222001,ICBC,140105199001011234,2024-01-02T09:00:00+08:00,140100,I,1000.50,active\n\
    6222002,CMB,140105199001011234,2024-02-10T10:00:00+08:00,150100,II,,frozen\n";
const TRANSFERS: &str = "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n\
    T1,2024-03-01T10:00:00+08:00,6222001,6222002,500.00,CNY,mobile,140100,transfer,\"安全账户, 配合\",no\n\
    T2,2024-03-01T10:05:00+08:00,6222002,,300,,atm,440300,withdrawal,,\n\
    T4,2024-03-01T12:00:00+08:00,,6222001,20,,counter,,deposit,,yes\n";
const TRANSFERS_JSONL: &str = "{\"txn_id\":\"J1\",\"ts\":\"2024-03-01T10:00:00Z\",\"from_account\":\"A\",\"to_account\":\"B\",\"amount_fen\":100}\n\
    {\"txn_id\":\"J2\",\"ts\":\"2024-03-01T11:00:00Z\",\"from_account\":\"B\",\"to_account\":\"C\",\"amount\":\"1.5\",\"memo\":null}\n";
const LABELS: &str = "kind,id,label\naccount,6222001,mule\ntransfer,T1,fraud\n";
const AMLSIM_NODES: &str = "nodeid,isFraud,init_balance,fraudStep\n0,1,100.5,3\n1,0,20,-1\n";
const AMLSIM_TXNS: &str = "sourceNodeId,targetNodeId,value,time\n0,1,10.25,3\n1,0,5,4\n";
const AMLWORLD: &str = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering\n\
    2022/09/01 00:20,010,8000EBD30,010,8000EBD30,3697.34,US Dollar,3697.34,US Dollar,Reinvestment,0\n\
    2022/09/01 00:21,3208,8000F4580,1,8000F5340,0.01,US Dollar,0.01,US Dollar,Cheque,1\n";

/// One random edit of a file.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
    CutLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let noise = prop::collection::vec(
        prop_oneof![any::<u8>(), Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(0xE5), Just(0xFF), Just(b'{')],
        1..8,
    );
    prop_oneof![
        (any::<usize>(), noise).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..20).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        any::<usize>().prop_map(Edit::CutLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let len = b.len().max(1);
        match e {
            Edit::Insert(at, bytes) => {
                let at = at % (b.len() + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                b.drain(at.min(end)..end);
            }
            Edit::Replace(at, byte) if !b.is_empty() => {
                let at = at % b.len();
                b[at] = *byte;
            }
            Edit::Replace(..) => {}
            Edit::CutLine(at) => {
                let at = at % len;
                if let Some(nl) = b[at.min(b.len())..].iter().position(|&c| c == b'\n') {
                    b.truncate(at + nl);
                }
            }
        }
    }
    b
}

/// Ingests the files; checks the run's counts against the store, reopened.
fn run(format: Format, files: &[(&str, Vec<u8>)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n);
    for (name, bytes) in files {
        std::fs::write(path(name), bytes).unwrap();
    }
    let has = |n: &str| {
        files
            .iter()
            .any(|(f, _)| f.starts_with(n))
            .then(|| path(files.iter().find(|(f, _)| f.starts_with(n)).unwrap().0))
    };
    let inputs = Inputs { accounts: has("accounts"), transfers: has("transfers"), labels: has("labels") };
    let db = path("db");
    let stored = {
        let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
        let options = IngestOptions { batch_rows: 2, ..IngestOptions::default() };
        match ingest(&mut store, format, &inputs, &options, &mut Quiet) {
            Ok(report) => {
                let rows: u64 = report.files.iter().map(|f| f.rows).sum();
                let settled: u64 = report.files.iter().map(|f| f.stored + f.updated + f.unchanged + f.rejected).sum();
                prop_assert_eq!(rows, settled, "every row is stored, updated, unchanged or rejected");
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        (store.ledger().transfers().len(), store.ledger().accounts().len(), store.ledger().labels().len())
    };
    let again = LogStore::open(&db, OpenMode::Read).unwrap();
    let l = again.ledger();
    prop_assert_eq!(stored, (l.transfers().len(), l.accounts().len(), l.labels().len()), "reopened as acknowledged");
    Ok(())
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn interchange_csv(a in edits(), t in edits(), l in edits()) {
        run(Format::Fanzha, &[("accounts.csv", apply(ACCOUNTS, &a)), ("transfers.csv", apply(TRANSFERS, &t)), ("labels.csv", apply(LABELS, &l))])?;
    }

    #[test]
    fn interchange_json_lines(t in edits()) {
        run(Format::Fanzha, &[("transfers.jsonl", apply(TRANSFERS_JSONL, &t))])?;
    }

    #[test]
    fn amlsim(n in edits(), t in edits()) {
        run(Format::Amlsim, &[("accounts.csv", apply(AMLSIM_NODES, &n)), ("transfers.csv", apply(AMLSIM_TXNS, &t))])?;
    }

    #[test]
    fn amlworld(t in edits()) {
        run(Format::Amlworld, &[("transfers.csv", apply(AMLWORLD, &t))])?;
    }

    #[test]
    fn raw_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), which in 0usize..3) {
        let name = ["accounts.csv", "transfers.csv", "transfers.jsonl"][which];
        run(Format::Fanzha, &[(name, bytes)])?;
    }
}

#[test]
fn the_seed_files_are_valid() {
    // The fuzzing starts from files that ingest cleanly, so edits, not the seeds, cause rejects.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("accounts.csv", ACCOUNTS), ("transfers.csv", TRANSFERS), ("labels.csv", LABELS)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let p = |n: &str| Some(Path::new(dir.path()).join(n));
    let inputs = Inputs { accounts: p("accounts.csv"), transfers: p("transfers.csv"), labels: p("labels.csv") };
    let report = ingest(&mut store, Format::Fanzha, &inputs, &IngestOptions::default(), &mut Quiet).unwrap();
    assert_eq!(report.rejected(), 0, "{:?}", report.rejects);
}
