//! The audit trail: append-only (triggers refuse to change or delete rows) and hash-chained, so
//! that a row edited or deleted behind the triggers' back is found by [`Db::verify_audit`]
//! (`fanzha audit verify`).
//!
//! Row `seq` carries `hash = SHA-256(previous hash, seq, at, actor, action, object, detail)`, each
//! field length-prefixed; the first row chains from [`GENESIS`]. `audit_head` holds the latest
//! `seq` and hash, updated in the same transaction as every append, so that rows cut off the end
//! are missed too. Appends lock the head (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: `FOR UPDATE`), so
//! the server and a terminal command appending at once still form one chain. The head hash is the
//! trail's fingerprint: recorded somewhere else (a supervisor's notebook, a daily e-mail), it shows
//! whether the trail was rewritten wholesale, which no check inside the database can.

use crate::db::Db;
use crate::sql::{DbError, DbResult, V};
use fanzha_server::AuditEntry;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash the first row chains from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Rows read at a time when verifying.
const VERIFY_CHUNK: i64 = 10_000;

/// One audit row as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    /// Position in the chain (1, 2, …).
    pub seq: i64,
    /// When (UTC epoch seconds).
    pub at: i64,
    /// Who (`cli` for the terminal, `apikey:N (BANK)` for the API).
    pub user: String,
    /// What, e.g. `case.view`.
    pub action: String,
    /// On what, e.g. `case:3`.
    pub object: String,
    /// Details.
    pub detail: String,
}

/// What verifying the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditCheck {
    /// Rows checked.
    pub rows: i64,
    /// The head: the latest row's hash (the trail's fingerprint).
    pub head: String,
    /// The first problem, if any.
    pub broken: Option<String>,
}

/// Which rows to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor: Option<String>,
    /// Only actions starting with this (e.g. `case.`).
    pub action: Option<String>,
    /// Only this object (e.g. `case:3`).
    pub object: Option<String>,
}

/// The chain's next hash.
pub fn chain(prev: &str, seq: i64, at: i64, actor: &str, action: &str, object: &str, detail: &str) -> String {
    let mut h = Sha256::new();
    for field in [
        prev.as_bytes(),
        &seq.to_le_bytes(),
        &at.to_le_bytes(),
        actor.as_bytes(),
        action.as_bytes(),
        object.as_bytes(),
        detail.as_bytes(),
    ] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field);
    }
    fanzha_model::hex(&h.finalize())
}

fn s(x: &str) -> V {
    V::S(x.to_string())
}

fn row_of(r: &dyn crate::sql::Row) -> crate::sql::DbResult<AuditRow> {
    Ok(AuditRow {
        seq: r.int(0)?,
        at: r.int(1)?,
        user: r.text(2)?,
        action: r.text(3)?,
        object: r.text(4)?,
        detail: r.text(5)?,
    })
}

const COLUMNS: &str = "seq, at, actor, action, object, detail";

/// Brings an audit table from before the chain up to it (chaining the rows it holds, in order), then
/// (re)installs the `guard` triggers (append-only; every new row in the chain). Only a table with no
/// chained row yet is chained this way: rows without a place that turn up later were slipped in
/// behind the guard, and [`Db::verify_audit`] reports them instead.
pub(crate) fn migrate(db: &mut Db, guard: &str) -> DbResult<()> {
    if db.conn.is_postgres() {
        db.conn.batch("ALTER TABLE audit ADD COLUMN IF NOT EXISTS seq BIGINT; ALTER TABLE audit ADD COLUMN IF NOT EXISTS hash TEXT;")?;
    } else if db.conn.query("SELECT seq, hash FROM audit WHERE 1 = 0", &[], |_| Ok(())).is_err() {
        db.conn.batch("ALTER TABLE audit ADD COLUMN seq BIGINT; ALTER TABLE audit ADD COLUMN hash TEXT;")?;
    }
    db.atomically(|db| {
        db.conn.exec(
            &format!("INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, '{GENESIS}') ON CONFLICT DO NOTHING"),
            &[],
        )?;
        let chained = head(db, false)?.0 > 0;
        let unchained = if chained {
            Vec::new()
        } else {
            db.conn.query(
                "SELECT id, at, actor, action, object, detail FROM audit WHERE seq IS NULL ORDER BY id",
                &[],
                |r| Ok((r.int(0)?, r.int(1)?, r.text(2)?, r.text(3)?, r.text(4)?, r.text(5)?)),
            )?
        };
        if !unchained.is_empty() {
            let drop_guard = if db.conn.is_postgres() {
                "DROP TRIGGER IF EXISTS audit_append_only ON audit;"
            } else {
                "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;"
            };
            db.conn.batch(drop_guard)?;
            let (mut seq, mut hash) = head(db, false)?;
            for (id, at, actor, action, object, detail) in unchained {
                seq += 1;
                hash = chain(&hash, seq, at, &actor, &action, &object, &detail);
                db.conn.exec("UPDATE audit SET seq = $2, hash = $3 WHERE id = $1", &[V::I(id), V::I(seq), s(&hash)])?;
            }
            db.conn.exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", &[V::I(seq), s(&hash)])?;
        }
        db.conn.batch("CREATE UNIQUE INDEX IF NOT EXISTS audit_seq ON audit(seq);")?;
        db.conn.batch(guard)
    })
}

/// The head (latest seq and hash); `lock` holds it until the transaction ends (PostgreSQL; SQLite's
/// `BEGIN IMMEDIATE` already holds the database).
fn head(db: &mut Db, lock: bool) -> DbResult<(i64, String)> {
    let lock = if lock && db.conn.is_postgres() { " FOR UPDATE" } else { "" };
    let rows = db.conn.query(&format!("SELECT seq, hash FROM audit_head WHERE id = 1{lock}"), &[], |r| {
        Ok((r.opt_int(0)?, r.opt_text(1)?))
    })?;
    match rows.into_iter().next() {
        Some((Some(seq), Some(hash))) => Ok((seq, hash)),
        _ => Err(DbError::Invalid("the audit trail's head row is missing or damaged".into())),
    }
}

impl Db {
    /// Appends an audit entry; an error means it was not stored (and the action it records must
    /// not go ahead).
    pub fn audit(&mut self, at: i64, user: &str, action: &str, object: &str, detail: &str) -> DbResult<()> {
        let entry =
            AuditEntry { at, actor: user.into(), action: action.into(), object: object.into(), detail: detail.into() };
        self.audit_all(std::slice::from_ref(&entry))
    }

    /// Appends entries, in order, in one transaction.
    pub fn audit_all(&mut self, entries: &[AuditEntry]) -> DbResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        self.atomically(|db| {
            let (mut seq, mut hash) = head(db, true)?;
            for e in entries {
                seq += 1;
                hash = chain(&hash, seq, e.at, &e.actor, &e.action, &e.object, &e.detail);
                db.conn.exec(
                    "INSERT INTO audit(seq, at, actor, action, object, detail, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    &[V::I(seq), V::I(e.at), s(&e.actor), s(&e.action), s(&e.object), s(&e.detail), s(&hash)],
                )?;
            }
            db.conn.exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", &[V::I(seq), s(&hash)])?;
            Ok(())
        })
    }

    /// The latest `limit` audit entries, newest first.
    pub fn audit_log(&mut self, limit: i64) -> DbResult<Vec<AuditRow>> {
        self.audit_page(&AuditFilter::default(), limit, 0)
    }

    /// One page of audit entries matching `filter`, newest first: `limit` rows after skipping
    /// `offset`.
    pub fn audit_page(&mut self, filter: &AuditFilter, limit: i64, offset: i64) -> DbResult<Vec<AuditRow>> {
        let prefix = filter.action.clone();
        self.conn.query(
            &format!(
                "SELECT {COLUMNS} FROM audit
                 WHERE (CAST($1 AS TEXT) IS NULL OR actor = $1) AND (CAST($2 AS TEXT) IS NULL OR substr(action, 1, length(CAST($2 AS TEXT))) = $2)
                   AND (CAST($3 AS TEXT) IS NULL OR object = $3)
                 ORDER BY seq DESC LIMIT $4 OFFSET $5"
            ),
            &[V::OS(filter.actor.clone()), V::OS(prefix), V::OS(filter.object.clone()), V::I(limit), V::I(offset)],
            row_of,
        )
    }

    /// The audit entries about the given objects (e.g. `case:3`, `request:7`), oldest first: a
    /// case's timeline.
    pub fn audit_about(&mut self, objects: &[String]) -> DbResult<Vec<AuditRow>> {
        let mut out = Vec::new();
        for o in objects {
            out.extend(self.conn.query(
                &format!("SELECT {COLUMNS} FROM audit WHERE object = $1 ORDER BY seq"),
                &[s(o)],
                row_of,
            )?);
        }
        out.sort_by_key(|r| r.seq);
        Ok(out)
    }

    /// Recomputes the chain from the first row and compares it with every row and the head.
    pub fn verify_audit(&mut self) -> DbResult<AuditCheck> {
        let (head_seq, head_hash) = head(self, false)?;
        let outside =
            self.conn.query("SELECT COUNT(*) FROM audit WHERE seq IS NULL OR hash IS NULL", &[], |r| r.int(0))?;
        if let Some(&n) = outside.first().filter(|&&n| n > 0) {
            let broken = Some(format!("{n} rows have no place in the chain (slipped in behind its guard)"));
            return Ok(AuditCheck { rows: 0, head: head_hash, broken });
        }
        let mut prev = GENESIS.to_string();
        let mut last = 0i64;
        let broken = 'walk: loop {
            let rows = self.conn.query(
                "SELECT seq, at, actor, action, object, detail, hash FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[V::I(last), V::I(VERIFY_CHUNK)],
                |r| Ok((r.int(0)?, r.int(1)?, r.text(2)?, r.text(3)?, r.text(4)?, r.text(5)?, r.text(6)?)),
            )?;
            if rows.is_empty() {
                break None;
            }
            for (seq, at, actor, action, object, detail, hash) in rows {
                if seq != last + 1 {
                    break 'walk Some(format!("rows {}..{} are missing (deleted)", last + 1, seq - 1));
                }
                let expected = chain(&prev, seq, at, &actor, &action, &object, &detail);
                if hash != expected {
                    break 'walk Some(format!(
                        "row {seq} ({actor} {action} {object}) was changed after it was written"
                    ));
                }
                prev = expected;
                last = seq;
            }
        };
        let broken = broken.or_else(|| {
            if head_seq != last {
                Some(format!("the head says {head_seq} rows but the chain ends at row {last} (rows cut off the end)"))
            } else if head_hash != prev {
                Some("the head's hash does not match the last row's".to_string())
            } else {
                None
            }
        });
        Ok(AuditCheck { rows: last, head: head_hash, broken })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::tests::backends;

    #[test]
    fn the_chain_finds_edits_deletions_and_a_cut_end() {
        let dir = tempfile::tempdir().unwrap();
        for mut db in backends(dir.path()) {
            for i in 0..5 {
                db.audit(100 + i, "wang", "case.view", &format!("case:{i}"), "").unwrap();
            }
            let ok = db.verify_audit().unwrap();
            assert_eq!((ok.rows, ok.broken.clone()), (5, None));
            let pg = db.conn.is_postgres();
            let unguard = if pg {
                "DROP TRIGGER audit_append_only ON audit"
            } else {
                "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete"
            };
            db.conn.batch(unguard).unwrap();
            db.conn.exec("UPDATE audit SET detail = 'nothing to see' WHERE seq = 3", &[]).unwrap();
            assert!(db.verify_audit().unwrap().broken.unwrap().contains("row 3"), "an edit");
            db.conn.exec("UPDATE audit SET detail = '' WHERE seq = 3", &[]).unwrap();
            assert_eq!(db.verify_audit().unwrap().broken, None, "put back exactly");
            db.conn.exec("DELETE FROM audit WHERE seq = 2", &[]).unwrap();
            assert!(db.verify_audit().unwrap().broken.unwrap().contains("missing"), "a deletion");
            db.conn.exec("DELETE FROM audit WHERE seq >= 2", &[]).unwrap();
            assert!(db.verify_audit().unwrap().broken.unwrap().contains("cut off"), "a cut end");
        }
    }

    #[test]
    fn rows_slipped_in_behind_the_guard_are_reported_not_chained() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        let mut db = Db::open(&path).unwrap();
        db.audit(1, "wang", "case.view", "case:1", "").unwrap();
        assert!(
            db.conn
                .exec("INSERT INTO audit(at, actor, action, object, detail) VALUES (2, 'x', 'y', 'z', '')", &[])
                .is_err(),
            "the guard refuses a row outside the chain"
        );
        db.conn.batch("DROP TRIGGER audit_chained").unwrap();
        db.conn
            .exec("INSERT INTO audit(at, actor, action, object, detail) VALUES (2, 'x', 'forged', 'z', '')", &[])
            .unwrap();
        drop(db);
        let mut again = Db::open(&path).unwrap();
        let check = again.verify_audit().unwrap();
        assert!(check.broken.unwrap().contains("no place in the chain"), "reported, not chained on reopen");
    }

    #[test]
    fn rows_from_before_the_chain_are_chained_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(
                "CREATE TABLE audit(id INTEGER PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                   object TEXT NOT NULL, detail TEXT NOT NULL);
                 INSERT INTO audit(at, actor, action, object, detail) VALUES (1, 'cli', 'user.add', 'user:wang', 'analyst');
                 INSERT INTO audit(at, actor, action, object, detail) VALUES (2, 'wang', 'login', 'session', '');",
            )
            .unwrap();
        }
        let mut db = Db::open(&path).unwrap();
        db.audit(3, "wang", "case.view", "case:1", "").unwrap();
        let check = db.verify_audit().unwrap();
        assert_eq!((check.rows, check.broken), (3, None));
        drop(db);
        let mut again = Db::open(&path).unwrap();
        assert_eq!(again.verify_audit().unwrap().head, check.head, "reopening changes nothing");
        assert_eq!(again.audit_log(10).unwrap().iter().map(|r| r.seq).collect::<Vec<_>>(), [3, 2, 1]);
    }

    #[test]
    fn pages_and_filters() {
        let dir = tempfile::tempdir().unwrap();
        for mut db in backends(dir.path()) {
            for i in 0..30 {
                let actor = if i % 3 == 0 { "li" } else { "wang" };
                db.audit(
                    i,
                    actor,
                    if i % 2 == 0 { "case.view" } else { "alerts.view" },
                    &format!("case:{}", i % 4),
                    "",
                )
                .unwrap();
            }
            let page = db.audit_page(&AuditFilter::default(), 10, 10).unwrap();
            assert_eq!(page.iter().map(|r| r.seq).collect::<Vec<_>>(), (11..=20).rev().collect::<Vec<_>>());
            let li = AuditFilter { actor: Some("li".into()), action: Some("case.".into()), ..AuditFilter::default() };
            assert!(db.audit_page(&li, 100, 0).unwrap().iter().all(|r| r.user == "li" && r.action == "case.view"));
            let none = AuditFilter { action: Some("case_".into()), ..AuditFilter::default() };
            assert!(db.audit_page(&none, 100, 0).unwrap().is_empty(), "wildcards in the filter are literal");
        }
    }
}
