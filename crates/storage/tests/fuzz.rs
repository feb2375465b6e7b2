//! Fuzzing the store's readers with proptest: any bytes as the event log or as a line file, and
//! valid logs with random edits. Opening never panics: it replays, or refuses with an error; and
//! a writer that was let in can commit, and its commit comes back.

use fanzha_model::{Account, Event};
use fanzha_storage::{LineLog, LogStore, OpenMode, Store};
use proptest::prelude::*;

/// A store with a few commits; returns its log's bytes.
fn valid_log(dir: &std::path::Path) -> Vec<u8> {
    let mut s = LogStore::open(dir, OpenMode::Create).unwrap();
    for i in 0..4 {
        s.stage(Event::Account { id: format!("A{i}").into(), account: Account::external() }).unwrap();
        s.commit().unwrap();
    }
    std::fs::read(dir.join("events.log")).unwrap()
}

fn open_and_write(dir: &std::path::Path) -> Result<(), TestCaseError> {
    for mode in [OpenMode::Read, OpenMode::Salvage] {
        let _ = LogStore::open(dir, mode);
    }
    if let Ok(mut w) = LogStore::open(dir, OpenMode::Write) {
        let before = w.ledger().accounts().len();
        w.stage(Event::Account { id: "NEW".into(), account: Account::external() }).unwrap();
        w.commit().unwrap();
        drop(w);
        let r = LogStore::open(dir, OpenMode::Read).unwrap();
        prop_assert_eq!(r.ledger().accounts().len(), before + 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_the_event_log(bytes in prop::collection::vec(any::<u8>(), 0..400), magic in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        valid_log(dir.path());
        let _ = std::fs::remove_file(dir.path().join("events.log.acked"));
        let mut log = if magic { b"FANZHA-EVENTLOG\x01".to_vec() } else { Vec::new() };
        log.extend_from_slice(&bytes);
        std::fs::write(dir.path().join("events.log"), &log).unwrap();
        open_and_write(dir.path())?;
    }

    #[test]
    fn edited_logs(edits in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let mut log = valid_log(dir.path());
        for (at, byte, how) in edits {
            let at = at % log.len();
            match how {
                0 => log[at] = byte,
                1 => log.truncate(at.max(1)),
                _ => log.insert(at, byte),
            }
        }
        std::fs::write(dir.path().join("events.log"), &log).unwrap();
        open_and_write(dir.path())?;
    }

    #[test]
    fn any_bytes_as_a_line_file(bytes in prop::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(b'{'), Just(b'"')], 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        for mode in [OpenMode::Read, OpenMode::Salvage] {
            let _ = LineLog::<Vec<u32>>::open(&path, mode, None);
        }
        if let Ok((mut w, items)) = LineLog::<Vec<u32>>::open(&path, OpenMode::Write, None) {
            w.append(&vec![7]).unwrap();
            drop(w);
            let (_, again) = LineLog::<Vec<u32>>::open(&path, OpenMode::Read, None).unwrap();
            prop_assert_eq!(again.len(), items.len() + 1);
            prop_assert_eq!(again.last(), Some(&vec![7]));
        }
    }
}
