//! Every bad-input rule of the interchange format, idempotent re-ingest, JSON Lines and encodings.

use fanzha_ingest::{
    ingest, CommitNote, Format, IngestError, IngestObserver, IngestOptions, IngestReport, Inputs, Reject,
};
use fanzha_model::{AccountClass, Fen, LabelTarget, Ts};
use fanzha_storage::{LogStore, OpenMode, Store};
use std::path::{Path, PathBuf};

#[derive(Default)]
struct Seen {
    rejects: Vec<Reject>,
    commits: Vec<CommitNote>,
    warnings: Vec<String>,
}

impl IngestObserver for Seen {
    fn rejected(&mut self, r: &Reject) {
        self.rejects.push(r.clone());
    }
    fn committed(&mut self, c: &CommitNote) {
        self.commits.push(c.clone());
    }
    fn warning(&mut self, _file: &str, message: &str) {
        self.warnings.push(message.to_string());
    }
}

fn write(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn run(store: &mut LogStore, inputs: Inputs) -> (Result<IngestReport, IngestError>, Seen) {
    let mut seen = Seen::default();
    let r = ingest(store, Format::Fanzha, &inputs, &IngestOptions::default(), &mut seen);
    (r, seen)
}

const ACCOUNTS: &str = "account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance\n\
    6222001,ICBC,140105199001011234,2024-01-02T09:00:00+08:00,140100,I,1000.50\n\
    6222002,CMB,140105199001011234,2024-02-10T10:00:00+08:00,150100,II,\n";

const TRANSFERS: &str = "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo\n\
    T1,2024-03-01T10:00:00+08:00,6222001,6222002,500.00,CNY,mobile,140100,transfer,安全账户\n\
    T2,2024-03-01T10:05:00+08:00,6222002,,300,,atm,440300,withdrawal,\n\
    T3,2024-03-01T11:00:00+08:00,6222002,EXT-9,100.1,,online,,,\n\
    T4,2024-03-01T12:00:00+08:00,,6222001,20,,counter,,deposit,\n";

#[test]
fn good_files_land_with_external_accounts_and_masked_holders() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let a = write(dir.path(), "accounts.csv", ACCOUNTS.as_bytes());
    let t = write(dir.path(), "transfers.csv", TRANSFERS.as_bytes());
    let (r, seen) = run(&mut store, Inputs { accounts: Some(a), transfers: Some(t), labels: None });
    let r = r.unwrap();
    assert_eq!(r.rejected(), 0, "{:?}", seen.rejects);
    assert_eq!(r.stored(), 6);
    let l = store.ledger();
    assert_eq!(l.accounts().len(), 3);
    let ext = l.account(l.account_ix("EXT-9").unwrap());
    assert!(ext.external);
    let acc = l.account(l.account_ix("6222001").unwrap());
    assert_eq!(acc.opening_balance, Fen(100_050));
    assert_eq!(acc.class, Some(AccountClass::I));
    let holder = acc.holder.as_ref().unwrap();
    assert_eq!(&*holder.masked, "1401**********1234");
    assert_eq!(Some(holder.digest), l.account(l.account_ix("6222002").unwrap()).holder.as_ref().map(|h| h.digest));
    let t1 = l.transfer(l.txn_ix("T1").unwrap());
    assert_eq!(t1.amount, Fen(50_000));
    assert_eq!(t1.ts, Ts::parse_rfc3339("2024-03-01T02:00:00Z").unwrap());
    assert_eq!(t1.memo.as_deref(), Some("安全账户"));
    assert_eq!(l.transfer(l.txn_ix("T3").unwrap()).amount, Fen(10_010));
    assert!(!seen.commits.is_empty());
}

#[test]
fn reingesting_the_same_files_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let a = write(dir.path(), "accounts.csv", ACCOUNTS.as_bytes());
    let t = write(dir.path(), "transfers.csv", TRANSFERS.as_bytes());
    let inputs = Inputs { accounts: Some(a), transfers: Some(t), labels: None };
    {
        let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
        run(&mut store, inputs.clone()).0.unwrap();
    }
    let log_len = std::fs::metadata(db.join("events.log")).unwrap().len();
    let mut store = LogStore::open(&db, OpenMode::Write).unwrap();
    let r = run(&mut store, inputs).0.unwrap();
    assert_eq!(r.stored(), 0);
    assert_eq!(r.rejected(), 0);
    assert_eq!(r.files.iter().map(|f| f.unchanged).sum::<u64>(), 6);
    assert_eq!(std::fs::metadata(db.join("events.log")).unwrap().len(), log_len, "nothing was written");
}

#[test]
fn every_bad_row_is_named_with_file_line_and_reason_and_good_rows_land() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let t = write(
        dir.path(),
        "transfers.csv",
        "txn_id,ts,from_account,to_account,amount,kind,channel,region,currency,shoe_size\n\
         G1,2024-03-01T10:00:00Z,A,B,1.00,,,,,42\n\
         ,2024-03-01T10:00:00Z,A,B,1.00,,,,,\n\
         B2,2024-03-01 10:00:00,A,B,1.00,,,,,\n\
         B3,2024-03-01T10:00:00Z,A,B,abc,,,,,\n\
         B4,2024-03-01T10:00:00Z,A,B,-5.00,,,,,\n\
         B5,2024-03-01T10:00:00Z,A,B,0,,,,,\n\
         B6,2024-03-01T10:00:00Z,A,B,1.234,,,,,\n\
         G1,2024-03-01T10:00:00Z,A,B,1.00,,,,,\n\
         B8,2024-03-01T10:00:00Z,,B,1.00,,,,,\n\
         B9,2024-03-01T10:00:00Z,A,B,1.00,withdrawal,,,,\n\
         B10,2024-03-01T10:00:00Z,A,B,1.00,refund,,,,\n\
         B11,2024-03-01T10:00:00Z,A,B,1.00,,teleport,,,\n\
         B12,2024-03-01T10:00:00Z,A,B,1.00,,,4403,,\n\
         B13,2024-03-01T10:00:00Z,A,B,1.00,,,,RMB$,\n\
         B14,2024-03-01T10:00:00Z,A,B\n\
         B16,,A,B,1.00,,,,,\n\
         G2,2024-03-01T11:00:00Z,B,,1.00,withdrawal,atm,440300,,\n"
            .as_bytes(),
    );
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t.clone()), ..Inputs::default() });
    let r = r.unwrap();
    let file = t.display().to_string();
    let expect = [
        (3, "txn_id: missing"),
        (4, "ts: '2024-03-01 10:00:00' is not an RFC 3339 timestamp"),
        (5, "amount: 'abc' is not a decimal number"),
        (6, "amount: '-5.00' must be greater than 0"),
        (7, "amount: '0' must be greater than 0"),
        (8, "amount: '1.234' has more than 2 decimals"),
        (9, "duplicate txn_id 'G1'"),
        (10, "from_account is required for a transfer"),
        (11, "to_account must be empty for a cash withdrawal"),
        (12, "kind: 'refund' is not one of"),
        (13, "channel: 'teleport' is not one of"),
        (14, "region: '4403' is not a 6-digit"),
        (15, "currency: 'RMB$' is not one of"),
        (16, "row has 4 fields, the header has 10"),
        (17, "ts: missing"),
    ];
    assert_eq!(seen.rejects.len(), expect.len(), "{:#?}", seen.rejects);
    for (reject, (line, why)) in seen.rejects.iter().zip(expect) {
        assert_eq!(reject.file, file);
        assert_eq!(reject.line, line, "{reject}");
        assert!(reject.reason.contains(why), "line {line}: {} does not say {why:?}", reject.reason);
    }
    assert_eq!(r.rejected(), 15);
    assert_eq!(r.stored(), 2);
    assert!(store.ledger().txn_ix("G1").is_some() && store.ledger().txn_ix("G2").is_some());
    assert!(seen.warnings.iter().any(|w| w.contains("shoe_size")), "{:?}", seen.warnings);
}

#[test]
fn bad_account_rows_and_within_file_duplicates_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let a = write(
        dir.path(),
        "accounts.csv",
        "account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance\n\
         A1,ICBC,110101199001010011,2024-01-01T00:00:00Z,110100,I,5\n\
         A1,ICBC,110101199001010011,2024-01-01T00:00:00Z,110100,I,5\n\
         A2,,110101199001010011,2024-01-01T00:00:00Z,,,\n\
         A3,ICBC,,2024-01-01T00:00:00Z,,,\n\
         A4,ICBC,110101199001010011,yesterday,,,\n\
         A5,ICBC,110101199001010011,2024-01-01T00:00:00Z,,IV,\n\
         A6,ICBC,110101199001010011,2024-01-01T00:00:00Z,,,-1\n\
         A7,ICBC,110101199001010011,2024-01-01T00:00:00Z,,corp,1.005\n"
            .as_bytes(),
    );
    let (r, seen) = run(&mut store, Inputs { accounts: Some(a), ..Inputs::default() });
    let lines: Vec<(u64, &str)> = seen.rejects.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(lines.iter().map(|l| l.0).collect::<Vec<_>>(), vec![3, 4, 5, 6, 7, 8, 9], "{lines:#?}");
    assert!(lines[0].1.contains("duplicate account_id 'A1'"));
    assert!(lines[1].1.starts_with("bank: missing"));
    assert!(lines[2].1.starts_with("holder_id: missing"));
    assert!(lines[3].1.starts_with("opened_at:"));
    assert!(lines[4].1.starts_with("account_class:"));
    assert!(lines[5].1.starts_with("opening_balance:"));
    assert!(lines[6].1.contains("more than 2 decimals"));
    assert_eq!(r.unwrap().stored(), 1);
}

#[test]
fn a_header_without_a_required_column_stops_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let t = write(dir.path(), "t.csv", b"txn_id,from_account,to_account,amount\nT1,A,B,1\n");
    let err = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() }).0.unwrap_err();
    assert!(err.to_string().contains("lacks required column(s) ts"), "{err}");
    let empty = write(dir.path(), "e.csv", b"");
    let err = run(&mut store, Inputs { transfers: Some(empty), ..Inputs::default() }).0.unwrap_err();
    assert!(err.to_string().contains("empty file"), "{err}");
}

#[test]
fn columns_in_any_order_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let t = write(
        dir.path(),
        "t.csv",
        "\u{feff}amount,to_account,ts,txn_id,from_account\n7.5,B,2024-01-01T00:00:00Z,T1,A\n".as_bytes(),
    );
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() });
    assert_eq!(r.unwrap().stored(), 1, "{:?}", seen.rejects);
    assert_eq!(store.ledger().transfers()[0].amount, Fen(750));
}

#[test]
fn gb18030_files_are_decoded_and_invalid_utf8_rows_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let text = "txn_id,ts,from_account,to_account,amount,memo\nT1,2024-01-01T00:00:00Z,A,B,1,保证金\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let t = write(dir.path(), "gb.csv", &gb);
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() });
    assert_eq!(r.unwrap().stored(), 1);
    assert!(seen.warnings.iter().any(|w| w.contains("GB18030")));
    assert_eq!(store.ledger().transfers()[0].memo.as_deref(), Some("保证金"));

    // UTF-8 file with one broken row far into it: only that row is rejected.
    let mut bytes = b"txn_id,ts,from_account,to_account,amount,memo\n".to_vec();
    for i in 0..5000 {
        bytes.extend_from_slice(format!("U{i},2024-01-01T00:00:00Z,A,B,1,元\n").as_bytes());
    }
    bytes.extend_from_slice(b"BAD,2024-01-01T00:00:00Z,A,B,1,\xff\xfe\n");
    let t = write(dir.path(), "u.csv", &bytes);
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() });
    assert_eq!(r.unwrap().stored(), 5000);
    assert_eq!(seen.rejects.len(), 1);
    assert_eq!(seen.rejects[0].line, 5002);
    assert!(seen.rejects[0].reason.contains("UTF-8"));
}

#[test]
fn json_lines_carry_the_same_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let t = write(
        dir.path(),
        "t.jsonl",
        br#"{"txn_id":"J1","ts":"2024-01-01T00:00:00Z","from_account":"A","to_account":"B","amount":12.5}
{"txn_id":"J2","ts":"2024-01-01T00:00:00Z","from_account":"A","to_account":"B","amount_fen":99,"to_bank_note":"x"}
{"txn_id":"J3","ts":"2024-01-01T00:00:00Z","from_account":"A","to_account":null,"amount":"3","kind":"withdrawal"}

{"txn_id":"J4","ts":"2024-01-01T00:00:00Z","from_account":"A","to_account":"B"}
not json
{"txn_id":"J5","ts":"2024-01-01T00:00:00Z","from_account":"A","to_account":"B","amount":1e3}
["J6"]
"#,
    );
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() });
    let r = r.unwrap();
    assert_eq!(r.stored(), 4, "{:?}", seen.rejects);
    let lines: Vec<u64> = seen.rejects.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![5, 6, 8], "an exact 1e3 is a number like any other");
    assert!(seen.rejects[0].reason.contains("amount: missing"));
    assert!(seen.rejects[1].reason.contains("not valid JSON"));
    let l = store.ledger();
    assert_eq!(l.transfer(l.txn_ix("J1").unwrap()).amount, Fen(1250));
    assert_eq!(l.transfer(l.txn_ix("J2").unwrap()).amount, Fen(99));
    assert_eq!(l.transfer(l.txn_ix("J5").unwrap()).amount, Fen(100_000));
}

#[test]
fn a_changed_transfer_under_a_stored_id_is_rejected_but_an_account_update_lands() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let a = write(dir.path(), "a.csv", ACCOUNTS.as_bytes());
    let t = write(dir.path(), "t.csv", TRANSFERS.as_bytes());
    run(&mut store, Inputs { accounts: Some(a), transfers: Some(t), labels: None }).0.unwrap();
    let t2 = write(
        dir.path(),
        "t2.csv",
        b"txn_id,ts,from_account,to_account,amount\nT1,2024-03-01T10:00:00+08:00,6222001,6222002,501.00\n",
    );
    let a2 = write(
        dir.path(),
        "a2.csv",
        b"account_id,bank,holder_id,opened_at,status\n6222002,CMB,140105199001011234,2024-02-10T10:00:00+08:00,frozen\n",
    );
    let (r, seen) = run(&mut store, Inputs { accounts: Some(a2), transfers: Some(t2), labels: None });
    let r = r.unwrap();
    assert_eq!(r.files[0].updated, 1);
    assert_eq!(seen.rejects.len(), 1);
    assert!(seen.rejects[0].reason.contains("differs from the transfer already stored"));
}

#[test]
fn labels_attach_to_stored_things_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let a = write(dir.path(), "a.csv", ACCOUNTS.as_bytes());
    let t = write(dir.path(), "t.csv", TRANSFERS.as_bytes());
    let lab = write(
        dir.path(),
        "labels.csv",
        b"kind,id,label\ntransfer,T1,fraud\naccount,6222002,mule\nholder,140105199001011234,card_farmer\naccount,NOPE,mule\nplanet,X,y\n",
    );
    let (r, seen) = run(&mut store, Inputs { accounts: Some(a), transfers: Some(t), labels: Some(lab) });
    r.unwrap();
    assert_eq!(seen.rejects.iter().map(|r| r.line).collect::<Vec<_>>(), vec![5, 6]);
    let l = store.ledger();
    assert_eq!(l.labels().len(), 3);
    assert_eq!(l.labels()[0].target, LabelTarget::Transfer(l.txn_ix("T1").unwrap()));
}

#[test]
fn crlf_files_keep_their_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let t = write(
        dir.path(),
        "t.csv",
        b"txn_id,ts,from_account,to_account,amount\r\nT1,2024-01-01T00:00:00Z,A,B,1\r\nT2,bad,A,B,1\r\nT3,2024-01-01T00:00:00Z,A,B,x\r\n",
    );
    let (r, seen) = run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() });
    assert_eq!(r.unwrap().stored(), 1);
    assert_eq!(seen.rejects.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 4]);
}

#[test]
fn cross_border_is_a_yes_no_flag_defaulting_to_domestic() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = LogStore::open(dir.path().join("db"), OpenMode::Create).unwrap();
    let a = write(dir.path(), "accounts.csv", ACCOUNTS.as_bytes());
    let t = write(
        dir.path(),
        "transfers.csv",
        b"txn_id,ts,from_account,to_account,amount,cross_border\n\
          X1,2024-03-01T10:00:00+08:00,6222001,HK-1,5.00,true\n\
          X2,2024-03-01T10:00:00+08:00,6222001,6222002,5.00,\n\
          X3,2024-03-01T10:00:00+08:00,6222001,6222002,5.00,0\n\
          X4,2024-03-01T10:00:00+08:00,6222001,6222002,5.00,maybe\n",
    );
    let (r, seen) = run(&mut store, Inputs { accounts: Some(a), transfers: Some(t), labels: None });
    assert_eq!(r.unwrap().rejected(), 1);
    assert_eq!(seen.rejects[0].line, 5);
    assert!(seen.rejects[0].reason.starts_with("cross_border: 'maybe' is not one of"), "{:?}", seen.rejects);
    let l = store.ledger();
    let flag = |id: &str| l.transfer(l.txn_ix(id).unwrap()).cross_border;
    assert_eq!((flag("X1"), flag("X2"), flag("X3")), (true, false, false));
}

/// Issue 23, findings 3 and 4 at ingest: a transfer given again under its id with any field
/// changed is rejected naming the fields (the same definition as the API's), and rows dated beyond
/// the extract's horizon plus the clock skew are rejected, while good rows land.
#[test]
fn changed_retries_and_rows_from_the_future_are_rejected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let t = write(dir.path(), "transfers.csv", TRANSFERS.as_bytes());
    {
        let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
        run(&mut store, Inputs { transfers: Some(t), ..Inputs::default() }).0.unwrap();
    }
    let changed = write(
        dir.path(),
        "again.csv",
        "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n\
         T1,2024-03-01T10:00:00+08:00,6222001,6222002,500.00,CNY,mobile,140100,transfer,货款,\n\
         T3,2024-03-01T11:00:00+08:00,6222002,EXT-9,100.1,USD,online,,,,yes\n\
         T9,9999-12-31T00:00:00Z,6222001,6222002,1.00,,,,,,\n\
         T10,2024-03-02T10:00:00+08:00,6222001,6222002,1.00,,,,,,\n"
            .as_bytes(),
    );
    let mut store = LogStore::open(&db, OpenMode::Write).unwrap();
    let (r, seen) = run(&mut store, Inputs { transfers: Some(changed), ..Inputs::default() });
    let r = r.unwrap();
    assert_eq!((r.stored(), r.rejected()), (1, 3), "{:?}", seen.rejects);
    let reason = |line: u64| seen.rejects.iter().find(|x| x.line == line).map(|x| x.reason.clone()).unwrap_or_default();
    assert!(reason(2).contains("in memo"), "{}", reason(2));
    assert!(reason(3).contains("currency, cross_border"), "{}", reason(3));
    assert!(reason(4).starts_with("ts:") && reason(4).contains("clock skew"), "{}", reason(4));
    assert!(store.ledger().txn_ix("T10").is_some(), "a later good row still lands");
    // With an explicit horizon (an extract from the past), rows after it are refused too.
    let opts = IngestOptions {
        horizon: fanzha_model::Horizon { at: Ts::parse_rfc3339("2024-03-02T00:00:00Z").unwrap(), skew_secs: 300 },
        ..IngestOptions::default()
    };
    let late =
        write(dir.path(), "late.csv", b"txn_id,ts,from_account,to_account,amount\nT11,2024-03-03T00:00:00Z,A,B,1.00\n");
    let mut seen = Seen::default();
    let r =
        ingest(&mut store, Format::Fanzha, &Inputs { transfers: Some(late), ..Inputs::default() }, &opts, &mut seen)
            .unwrap();
    assert_eq!(r.rejected(), 1);
}
