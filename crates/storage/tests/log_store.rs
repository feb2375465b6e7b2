//! The embedded store's durability contract: committed events come back, uncommitted and torn
//! ones do not, damage is refused, and only one writer at a time.

use fanzha_model::{Account, AccountIx, Event, Fen, Transfer, Ts};
use fanzha_storage::{LogStore, OpenMode, Store, StoreError};
use std::fs::OpenOptions;
use std::io::Write;

fn transfer_event(n: u32) -> Event {
    Event::Transfer {
        txn_id: format!("T{n}").into(),
        transfer: Transfer {
            memo: Some("保证金".into()),
            ..Transfer::plain(
                Ts(1_700_000_000 + i64::from(n)),
                Some(AccountIx(0)),
                Some(AccountIx(1)),
                Fen(100 + i64::from(n)),
            )
        },
    }
}

fn seed(store: &mut LogStore, transfers: std::ops::Range<u32>) {
    for id in ["A", "B"] {
        store.stage(Event::Account { id: id.into(), account: Account::external() }).unwrap();
    }
    for n in transfers {
        store.stage(transfer_event(n)).unwrap();
    }
}

#[test]
fn committed_events_survive_reopen_and_uncommitted_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let mut s = LogStore::open(&path, OpenMode::Create).unwrap();
        assert!(s.open_info().created);
        seed(&mut s, 0..100);
        s.commit().unwrap();
        seed(&mut s, 100..150);
        assert_eq!(s.ledger().transfers().len(), 150, "the writer reads its own staged writes");
        // dropped without commit: like a crash before acknowledgement
    }
    let s = LogStore::open(&path, OpenMode::Write).unwrap();
    assert_eq!(s.ledger().transfers().len(), 100);
    assert_eq!(s.ledger().accounts().len(), 2);
    assert_eq!(s.ledger().transfer(s.ledger().txn_ix("T42").unwrap()).amount, Fen(142));
    assert_eq!(s.open_info().commits, 1);
    assert_eq!(s.open_info().discarded_bytes, 0);
}

#[test]
fn salt_is_kept_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let a = LogStore::open(dir.path(), OpenMode::Create).unwrap().salt().clone();
    let b = LogStore::open(dir.path(), OpenMode::Read).unwrap().salt().clone();
    assert_eq!(a, b);
}

#[test]
fn restaging_what_is_there_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
    seed(&mut s, 0..10);
    s.commit().unwrap();
    assert!(!s.stage(transfer_event(3)).unwrap());
    assert_eq!(s.staged(), 0);
}

#[test]
fn a_torn_commit_is_discarded_and_the_writer_truncates_it() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
        seed(&mut s, 0..10);
        s.commit().unwrap();
    }
    let log = dir.path().join("events.log");
    let good_len = std::fs::metadata(&log).unwrap().len();
    // A second commit cut off half-way: copy the first records' bytes without a commit marker.
    let bytes = std::fs::read(&log).unwrap();
    let mut f = OpenOptions::new().append(true).open(&log).unwrap();
    f.write_all(&bytes[16..16 + 40]).unwrap();
    f.write_all(&[0u8; 64]).unwrap();
    drop(f);

    let r = LogStore::open(dir.path(), OpenMode::Read).unwrap();
    assert_eq!(r.ledger().transfers().len(), 10);
    assert!(r.open_info().discarded_bytes > 0);
    assert!(std::fs::metadata(&log).unwrap().len() > good_len, "a reader changes nothing");
    drop(r);

    let mut w = LogStore::open(dir.path(), OpenMode::Write).unwrap();
    assert_eq!(std::fs::metadata(&log).unwrap().len(), good_len, "the writer cut the torn tail");
    w.stage(transfer_event(99)).unwrap();
    w.commit().unwrap();
    drop(w);
    let s = LogStore::open(dir.path(), OpenMode::Read).unwrap();
    assert_eq!(s.ledger().transfers().len(), 11);
    assert_eq!(s.open_info().discarded_bytes, 0);
}

/// A store with two commits of five transfers each.
fn two_commits() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
    seed(&mut s, 0..5);
    s.commit().unwrap();
    seed(&mut s, 5..10);
    s.commit().unwrap();
    dir
}

#[test]
fn damage_inside_an_earlier_commit_is_refused_not_cut() {
    let dir = two_commits();
    let log = dir.path().join("events.log");
    let mut bytes = std::fs::read(&log).unwrap();
    // magic (16), BEGIN record (8 + 17), then the first event's header (8): flip a bit of its body.
    bytes[16 + 25 + 8 + 3] ^= 0x40;
    std::fs::write(&log, &bytes).unwrap();
    let err = LogStore::open(dir.path(), OpenMode::Read).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
}

#[test]
fn damage_inside_the_last_commit_is_refused_while_the_mark_says_it_was_acknowledged() {
    let dir = two_commits();
    let log = dir.path().join("events.log");
    let mut bytes = std::fs::read(&log).unwrap();
    let n = bytes.len();
    bytes[n - 30] ^= 0x01;
    std::fs::write(&log, &bytes).unwrap();
    let err = LogStore::open(dir.path(), OpenMode::Write).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
    assert_eq!(std::fs::read(&log).unwrap(), bytes, "the refused writer cut nothing");
    // Without the mark (a power loss can lose it, as it is never synced) the damage is
    // indistinguishable from a torn last write, and that is what it is taken for.
    std::fs::remove_file(dir.path().join("events.log.acked")).unwrap();
    let s = LogStore::open(dir.path(), OpenMode::Read).unwrap();
    assert_eq!(s.ledger().transfers().len(), 5);
}

/// Issue 23, finding 1: one flipped bit in the opening record of a commit in the middle of the log
/// used to read as a torn tail; `stats` reported half the store and the next writer cut the rest.
#[test]
fn a_flipped_bit_in_a_middle_commits_opening_record_refuses_the_open_and_cuts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut starts = Vec::new();
    {
        let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
        for batch in 0..6u32 {
            starts.push(std::fs::metadata(dir.path().join("events.log")).unwrap().len() as usize);
            seed(&mut s, batch * 10..batch * 10 + 10);
            s.commit().unwrap();
        }
    }
    let log = dir.path().join("events.log");
    // The mark is no help here: drop it, as a power loss could.
    std::fs::remove_file(dir.path().join("events.log.acked")).unwrap();
    let good = std::fs::read(&log).unwrap();
    for bit in 0..25 * 8 {
        let mut bytes = good.clone();
        bytes[starts[3] + bit / 8] ^= 1 << (bit % 8);
        std::fs::write(&log, &bytes).unwrap();
        for mode in [OpenMode::Read, OpenMode::Write] {
            let err = LogStore::open(dir.path(), mode).unwrap_err();
            assert!(matches!(err, StoreError::Corrupt(_)), "bit {bit}: {err}");
        }
        assert_eq!(std::fs::read(&log).unwrap(), bytes, "bit {bit}: nothing cut");
        let salvaged = LogStore::open(dir.path(), OpenMode::Salvage).unwrap();
        assert_eq!(salvaged.ledger().transfers().len(), 30, "bit {bit}: the three commits before the damage");
        assert!(salvaged.open_info().damage.is_some());
    }
}

#[test]
fn acknowledged_commits_cut_off_the_end_are_refused_and_salvage_copies_the_rest() {
    let dir = two_commits();
    let log = dir.path().join("events.log");
    let bytes = std::fs::read(&log).unwrap();
    let first_commit_end = {
        std::fs::write(&log, &bytes).unwrap();
        let mut s = LogStore::open(dir.path().join("one"), OpenMode::Create).unwrap();
        seed(&mut s, 0..5);
        s.commit().unwrap();
        std::fs::metadata(dir.path().join("one/events.log")).unwrap().len() as usize
    };
    // Cut inside the last commit, at exactly the end of the first (every record left is valid),
    // and inside the first.
    for cut in [bytes.len() - 1, first_commit_end, 200] {
        std::fs::write(&log, &bytes[..cut]).unwrap();
        let err = LogStore::open(dir.path(), OpenMode::Write).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt(_)), "cut at {cut}: {err}");
        assert_eq!(std::fs::metadata(&log).unwrap().len() as usize, cut);
    }
    let damaged = LogStore::open(dir.path(), OpenMode::Salvage).unwrap();
    let into = dir.path().join("salvaged");
    damaged.salvage_into(&into).unwrap();
    let copy = LogStore::open(&into, OpenMode::Write).unwrap();
    assert_eq!(copy.ledger().transfers().len(), damaged.ledger().transfers().len());
    assert_eq!(copy.salt(), damaged.salt(), "holder digests stay comparable");
    assert!(copy.open_info().damage.is_none());
}

#[test]
fn a_long_invalid_tail_is_corruption() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
        seed(&mut s, 0..5);
        s.commit().unwrap();
    }
    let log = dir.path().join("events.log");
    let f = OpenOptions::new().append(true).open(&log).unwrap();
    f.set_len(std::fs::metadata(&log).unwrap().len() + (257 << 20)).unwrap();
    drop(f);
    let err = LogStore::open(dir.path(), OpenMode::Write).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
}

#[test]
fn one_writer_at_a_time_readers_always() {
    let dir = tempfile::tempdir().unwrap();
    let _w = LogStore::open(dir.path(), OpenMode::Create).unwrap();
    assert!(matches!(LogStore::open(dir.path(), OpenMode::Write), Err(StoreError::Locked(_))));
    assert!(LogStore::open(dir.path(), OpenMode::Read).is_ok());
    let mut r = LogStore::open(dir.path(), OpenMode::Read).unwrap();
    assert!(matches!(r.stage(transfer_event(1)), Err(StoreError::ReadOnly)));
}

#[test]
fn refuses_directories_that_are_not_stores() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(LogStore::open(dir.path().join("missing"), OpenMode::Read), Err(StoreError::NotAStore(_))));
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    assert!(matches!(LogStore::open(dir.path(), OpenMode::Create), Err(StoreError::NotAStore(_))));
}

/// A log that is gone while its mark says commits were acknowledged is refused, not taken for a new
/// store.
#[test]
fn a_missing_log_with_acknowledged_commits_is_refused() {
    let dir = two_commits();
    std::fs::remove_file(dir.path().join("events.log")).unwrap();
    for mode in [OpenMode::Read, OpenMode::Write] {
        let err = LogStore::open(dir.path(), mode).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
    }
    assert!(!dir.path().join("events.log").exists(), "the refused writer made no new log");
    // Without the mark as well, nothing says a log existed: an empty store.
    std::fs::remove_file(dir.path().join("events.log.acked")).unwrap();
    assert_eq!(LogStore::open(dir.path(), OpenMode::Read).unwrap().ledger().transfers().len(), 0);
}
