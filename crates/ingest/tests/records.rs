//! Records that arrive one at a time (a stream's messages): the same checks as file rows, redelivery
//! harmless, a changed retry a conflict, nothing durable before the batch's commit.

use fanzha_ingest::{Applied, Quiet, RecordBatch, RecordKind};
use fanzha_model::{Fen, Horizon};
use fanzha_storage::{LogStore, OpenMode, Store};

const ACCOUNT: &str =
    r#"{"account_id":"A1","bank":"ICBC","holder_id":"110101199001011234","opened_at":"2024-01-02T09:00:00+08:00"}"#;
const TRANSFER: &str =
    r#"{"txn_id":"T1","ts":"2024-03-01T10:00:00+08:00","amount":"12.50","from_account":"A1","to_account":"B9"}"#;

#[test]
fn redelivery_is_unchanged_a_changed_retry_is_a_conflict_and_bad_records_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
    let mut obs = Quiet;
    let mut batch = RecordBatch::new(&mut store, &mut obs, Horizon::now());
    assert_eq!(batch.apply(RecordKind::Account, ACCOUNT.as_bytes()), Ok(Applied::Stored));
    assert_eq!(batch.apply(RecordKind::Transfer, TRANSFER.as_bytes()), Ok(Applied::Stored));
    assert_eq!(batch.apply(RecordKind::Transfer, TRANSFER.as_bytes()), Ok(Applied::Unchanged), "in the same batch");
    let changed = TRANSFER.replace("12.50", "12.51");
    let err = batch.apply(RecordKind::Transfer, changed.as_bytes()).unwrap_err();
    assert!(err.contains("differs") && err.contains("amount"), "{err}");
    let err = batch.apply(RecordKind::Transfer, b"{\"txn_id\":\"T2\"").unwrap_err();
    assert!(err.starts_with("not valid JSON"), "{err}");
    let err = batch
        .apply(RecordKind::Transfer, TRANSFER.replace("\"T1\"", "\"T3\"").replace("12.50", "-1").as_bytes())
        .unwrap_err();
    assert!(err.contains("amount"), "{err}");
    assert_eq!(batch.apply(RecordKind::Account, b"\xff\xfe"), Err("not valid UTF-8 text".into()));
    batch.commit().unwrap();
    drop(store);

    // After a restart (the batch was durable): redelivered again, still unchanged.
    let mut store = LogStore::open(&db, OpenMode::Write).unwrap();
    assert_eq!(store.ledger().transfers().len(), 1);
    assert_eq!(store.ledger().transfer(fanzha_model::TransferIx(0)).amount, Fen(1250));
    let mut obs = Quiet;
    let mut batch = RecordBatch::new(&mut store, &mut obs, Horizon::now());
    assert_eq!(batch.apply(RecordKind::Transfer, TRANSFER.as_bytes()), Ok(Applied::Unchanged));
    assert_eq!(batch.apply(RecordKind::Account, ACCOUNT.as_bytes()), Ok(Applied::Unchanged));
    let payee = ACCOUNT.replace("A1", "B9");
    assert_eq!(batch.apply(RecordKind::Account, payee.as_bytes()), Ok(Applied::Updated), "known as a counterparty");
    batch.commit().unwrap();
}

#[test]
fn a_batch_not_committed_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
        let mut obs = Quiet;
        let mut batch = RecordBatch::new(&mut store, &mut obs, Horizon::now());
        assert_eq!(batch.apply(RecordKind::Account, ACCOUNT.as_bytes()), Ok(Applied::Stored));
    }
    let store = LogStore::open(&db, OpenMode::Read).unwrap();
    assert_eq!(store.ledger().accounts().len(), 0);
}
