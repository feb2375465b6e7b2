//! The console's multi-user state in SQLite (`DIR/console.sqlite`): users, sessions, cases, freeze
//! requests and the append-only audit log (triggers refuse to change or delete its rows). Every
//! query binds its values as parameters; nothing typed by a user is ever spliced into SQL.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::Path;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Works cases and drafts freeze requests.
    Analyst,
    /// An analyst who also approves freeze requests and reads the audit log.
    Supervisor,
    /// A bank's liaison: sees and answers only the requests addressed to their bank.
    Liaison,
    /// Reads everything, changes nothing; reads the audit log.
    Auditor,
}

impl Role {
    /// Parses `analyst`, `supervisor`, `liaison` (or `bank_liaison`), `auditor`.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "analyst" => Some(Role::Analyst),
            "supervisor" => Some(Role::Supervisor),
            "liaison" | "bank_liaison" => Some(Role::Liaison),
            "auditor" => Some(Role::Auditor),
            _ => None,
        }
    }

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Supervisor => "supervisor",
            Role::Liaison => "liaison",
            Role::Auditor => "auditor",
        }
    }
}

/// A console user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The liaison's bank code.
    pub bank: Option<String>,
    /// Disabled users cannot log in.
    pub disabled: bool,
}

/// A case opened from a victim's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    /// Row id.
    pub id: i64,
    /// Short title.
    pub title: String,
    /// Victim's account id.
    pub victim: String,
    /// Reported transaction ids, comma-separated.
    pub txns: String,
    /// Typology id.
    pub typology: String,
    /// The victim's story.
    pub narrative: String,
    /// Who opened it.
    pub created_by: String,
    /// When (UTC epoch seconds).
    pub created_at: i64,
    /// The trace shows where the money was at this time (the report, or the latest data).
    pub as_of: i64,
    /// Money traced, in fen.
    pub traced_fen: i64,
    /// Of which still held in accounts (freezable), in fen.
    pub held_fen: i64,
    /// The trace drawn as SVG (made by fanzha, not by a user).
    pub svg: String,
    /// The trace's freeze requests per bank (JSON from `fanzha-trace`).
    pub freeze_json: String,
}

/// Status of a freeze request, in the order it usually moves.
pub const STATUSES: [&str; 6] = ["draft", "sent", "executed", "partially_executed", "failed", "expired"];

/// A stop-payment / freeze request to one bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FreezeRow {
    /// Row id.
    pub id: i64,
    /// The case.
    pub case_id: i64,
    /// Bank code (`None` when the data does not say).
    pub bank: Option<String>,
    /// The accounts and amounts (JSON list from `fanzha-trace`).
    pub accounts: String,
    /// Traced money held there, in fen.
    pub total_fen: i64,
    /// One of [`STATUSES`].
    pub status: String,
    /// Who approved it (sent it).
    pub approved_by: Option<String>,
    /// Money actually frozen, in fen.
    pub saved_fen: i64,
    /// Last change (UTC epoch seconds).
    pub updated_at: i64,
}

/// Something detection flagged, waiting for an analyst.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// Row id.
    pub id: i64,
    /// `mule` (an account) or `card_farmer` (a holder).
    pub kind: String,
    /// The account id, or the holder's masked identity.
    pub subject: String,
    /// Detection score in [0, 1].
    pub score: f64,
    /// Reasons as JSON `[[zh, en], ...]`.
    pub reasons: String,
    /// `open`, `assigned`, `dismissed` or `case`.
    pub status: String,
    /// Who took it.
    pub assignee: Option<String>,
    /// Why it was dismissed, or the case it became.
    pub note: Option<String>,
    /// When it was raised (UTC epoch seconds).
    pub created_at: i64,
}

/// Appeal states of a punishment-list entry.
pub const APPEALS: [&str; 4] = ["none", "filed", "upheld", "overturned"];

/// An entry of the punishment list (惩戒名单): someone who sold or rented out accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Punishment {
    /// Row id.
    pub id: i64,
    /// The person, as the centre identifies them (masked identity number).
    pub person: String,
    /// The accounts concerned.
    pub accounts: String,
    /// Why (the facts and the legal basis).
    pub reason: String,
    /// From (UTC epoch seconds).
    pub starts_at: i64,
    /// Until (UTC epoch seconds), if limited.
    pub ends_at: Option<i64>,
    /// One of [`APPEALS`].
    pub appeal: String,
    /// The appeal's note.
    pub appeal_note: Option<String>,
    /// Who listed them.
    pub created_by: String,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    /// When (UTC epoch seconds).
    pub at: i64,
    /// Who (`cli` for the terminal).
    pub user: String,
    /// What, e.g. `case.view`.
    pub action: String,
    /// On what, e.g. `case:3`.
    pub object: String,
    /// Details.
    pub detail: String,
}

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('analyst','supervisor','liaison','auditor')),
  bank TEXT, pw_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions(
  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, victim TEXT NOT NULL, txns TEXT NOT NULL,
  typology TEXT NOT NULL, narrative TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
  as_of INTEGER NOT NULL, traced_fen INTEGER NOT NULL, held_fen INTEGER NOT NULL, svg TEXT NOT NULL, freeze_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS freeze_requests(
  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id), bank TEXT, accounts TEXT NOT NULL,
  total_fen INTEGER NOT NULL, status TEXT NOT NULL, approved_by TEXT, saved_fen INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alerts(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL,
  status TEXT NOT NULL, assignee TEXT, note TEXT, created_at INTEGER NOT NULL, UNIQUE(kind, subject));
CREATE TABLE IF NOT EXISTS punishments(
  id INTEGER PRIMARY KEY, person TEXT NOT NULL, accounts TEXT NOT NULL, reason TEXT NOT NULL,
  starts_at INTEGER NOT NULL, ends_at INTEGER, appeal TEXT NOT NULL DEFAULT 'none', appeal_note TEXT,
  created_by TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
  object TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

/// Errors of the console database.
pub type DbResult<T> = Result<T, rusqlite::Error>;

/// The console database.
pub struct Db {
    conn: Connection,
}

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Auditor),
        bank: r.get(3)?,
        disabled: r.get::<_, i64>(4)? != 0,
    })
}

fn freeze_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FreezeRow> {
    Ok(FreezeRow {
        id: r.get(0)?,
        case_id: r.get(1)?,
        bank: r.get(2)?,
        accounts: r.get(3)?,
        total_fen: r.get(4)?,
        status: r.get(5)?,
        approved_by: r.get(6)?,
        saved_fen: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

const FREEZE_COLUMNS: &str = "id, case_id, bank, accounts, total_fen, status, approved_by, saved_fen, updated_at";
const CASE_COLUMNS: &str =
    "id, title, victim, txns, typology, narrative, created_by, created_at, as_of, traced_fen, held_fen, svg, freeze_json";

fn case_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        title: r.get(1)?,
        victim: r.get(2)?,
        txns: r.get(3)?,
        typology: r.get(4)?,
        narrative: r.get(5)?,
        created_by: r.get(6)?,
        created_at: r.get(7)?,
        as_of: r.get(8)?,
        traced_fen: r.get(9)?,
        held_fen: r.get(10)?,
        svg: r.get(11)?,
        freeze_json: r.get(12)?,
    })
}

impl Db {
    /// Opens (or creates) the database file and its tables.
    pub fn open(path: &Path) -> DbResult<Db> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db { conn })
    }

    /// Appends an audit entry.
    pub fn audit(&self, at: i64, user: &str, action: &str, object: &str, detail: &str) -> DbResult<()> {
        self.conn.execute(
            "INSERT INTO audit(at, user, action, object, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![at, user, action, object, detail],
        )?;
        Ok(())
    }

    /// The latest `limit` audit entries, newest first.
    pub fn audit_log(&self, limit: i64) -> DbResult<Vec<AuditRow>> {
        let mut st =
            self.conn.prepare("SELECT at, user, action, object, detail FROM audit ORDER BY id DESC LIMIT ?1")?;
        let rows = st.query_map(params![limit], |r| {
            Ok(AuditRow { at: r.get(0)?, user: r.get(1)?, action: r.get(2)?, object: r.get(3)?, detail: r.get(4)? })
        })?;
        rows.collect()
    }

    /// Adds a user with a password hash.
    pub fn add_user(&self, name: &str, role: Role, bank: Option<&str>, pw_hash: &str, at: i64) -> DbResult<i64> {
        self.conn.execute(
            "INSERT INTO users(name, role, bank, pw_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, role.as_str(), bank, pw_hash, at],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every user.
    pub fn users(&self) -> DbResult<Vec<User>> {
        let mut st = self.conn.prepare("SELECT id, name, role, bank, disabled FROM users ORDER BY name")?;
        let rows = st.query_map([], user_row)?;
        rows.collect()
    }

    /// Disables a user and ends their sessions; false if there is no such user.
    pub fn disable_user(&self, name: &str) -> DbResult<bool> {
        let n = self.conn.execute("UPDATE users SET disabled = 1 WHERE name = ?1", params![name])?;
        self.conn
            .execute("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = ?1)", params![name])?;
        Ok(n > 0)
    }

    /// The user and password hash for a login name.
    pub fn credentials(&self, name: &str) -> DbResult<Option<(User, String)>> {
        self.conn
            .query_row(
                "SELECT id, name, role, bank, disabled, pw_hash FROM users WHERE name = ?1",
                params![name],
                |r| Ok((user_row(r)?, r.get(5)?)),
            )
            .optional()
    }

    /// Stores a session.
    pub fn add_session(&self, token_hash: &str, user: i64, csrf: &str, expires_at: i64) -> DbResult<()> {
        self.conn.execute(
            "INSERT INTO sessions(token_hash, user_id, csrf, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, user, csrf, expires_at],
        )?;
        Ok(())
    }

    /// The session's user and CSRF token, if it exists, has not expired and the user is enabled.
    pub fn session(&self, token_hash: &str, now: i64) -> DbResult<Option<(User, String)>> {
        self.conn
            .query_row(
                "SELECT u.id, u.name, u.role, u.bank, u.disabled, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0",
                params![token_hash, now],
                |r| Ok((user_row(r)?, r.get(5)?)),
            )
            .optional()
    }

    /// Ends a session.
    pub fn end_session(&self, token_hash: &str) -> DbResult<()> {
        self.conn.execute("DELETE FROM sessions WHERE token_hash = ?1", params![token_hash])?;
        Ok(())
    }

    /// Stores a case; returns its id.
    pub fn add_case(&self, c: &Case) -> DbResult<i64> {
        self.conn.execute(
            "INSERT INTO cases(title, victim, txns, typology, narrative, created_by, created_at, as_of, traced_fen, held_fen, svg, freeze_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                c.title,
                c.victim,
                c.txns,
                c.typology,
                c.narrative,
                c.created_by,
                c.created_at,
                c.as_of,
                c.traced_fen,
                c.held_fen,
                c.svg,
                c.freeze_json
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every case, newest first.
    pub fn cases(&self) -> DbResult<Vec<Case>> {
        let mut st = self.conn.prepare(&format!("SELECT {CASE_COLUMNS} FROM cases ORDER BY id DESC"))?;
        let rows = st.query_map([], case_row)?;
        rows.collect()
    }

    /// One case.
    pub fn case(&self, id: i64) -> DbResult<Option<Case>> {
        self.conn
            .query_row(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = ?1"), params![id], case_row)
            .optional()
    }

    /// Raises an alert unless one for the same subject exists; true if raised.
    pub fn raise_alert(&self, kind: &str, subject: &str, score: f64, reasons: &str, at: i64) -> DbResult<bool> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO alerts(kind, subject, score, reasons, status, created_at) VALUES (?1, ?2, ?3, ?4, 'open', ?5)",
            params![kind, subject, score, reasons, at],
        )?;
        Ok(n > 0)
    }

    /// Raises many alerts in one transaction (one sync); returns how many were new.
    pub fn raise_alerts(&mut self, alerts: &[(String, String, f64, String)], at: i64) -> DbResult<usize> {
        let tx = self.conn.transaction()?;
        let mut new = 0;
        {
            let mut st = tx.prepare(
                "INSERT OR IGNORE INTO alerts(kind, subject, score, reasons, status, created_at) VALUES (?1, ?2, ?3, ?4, 'open', ?5)",
            )?;
            for (kind, subject, score, reasons) in alerts {
                new += st.execute(params![kind, subject, score, reasons, at])?;
            }
        }
        tx.commit()?;
        Ok(new)
    }

    /// Alerts not dismissed and not turned into cases (or all), highest score first.
    pub fn alerts(&self, all: bool) -> DbResult<Vec<Alert>> {
        let mut st = self.conn.prepare(
            "SELECT id, kind, subject, score, reasons, status, assignee, note, created_at FROM alerts
             WHERE ?1 OR status IN ('open', 'assigned') ORDER BY score DESC, id",
        )?;
        let rows = st.query_map(params![all], |r| {
            Ok(Alert {
                id: r.get(0)?,
                kind: r.get(1)?,
                subject: r.get(2)?,
                score: r.get(3)?,
                reasons: r.get(4)?,
                status: r.get(5)?,
                assignee: r.get(6)?,
                note: r.get(7)?,
                created_at: r.get(8)?,
            })
        })?;
        rows.collect()
    }

    /// Moves an open or assigned alert to `status`; false if it is closed already or missing.
    pub fn set_alert(&self, id: i64, status: &str, assignee: &str, note: Option<&str>) -> DbResult<bool> {
        let n = self.conn.execute(
            "UPDATE alerts SET status = ?2, assignee = ?3, note = COALESCE(?4, note) WHERE id = ?1 AND status IN ('open', 'assigned')",
            params![id, status, assignee, note],
        )?;
        Ok(n > 0)
    }

    /// Adds a punishment-list entry.
    pub fn add_punishment(&self, p: &Punishment, at: i64) -> DbResult<i64> {
        self.conn.execute(
            "INSERT INTO punishments(person, accounts, reason, starts_at, ends_at, appeal, created_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'none', ?6, ?7)",
            params![p.person, p.accounts, p.reason, p.starts_at, p.ends_at, p.created_by, at],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The punishment list, newest first.
    pub fn punishments(&self) -> DbResult<Vec<Punishment>> {
        let mut st = self.conn.prepare(
            "SELECT id, person, accounts, reason, starts_at, ends_at, appeal, appeal_note, created_by FROM punishments ORDER BY id DESC",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Punishment {
                id: r.get(0)?,
                person: r.get(1)?,
                accounts: r.get(2)?,
                reason: r.get(3)?,
                starts_at: r.get(4)?,
                ends_at: r.get(5)?,
                appeal: r.get(6)?,
                appeal_note: r.get(7)?,
                created_by: r.get(8)?,
            })
        })?;
        rows.collect()
    }

    /// Records an appeal's state; false if there is no such entry.
    pub fn set_appeal(&self, id: i64, appeal: &str, note: &str, at: i64) -> DbResult<bool> {
        let n = self.conn.execute(
            "UPDATE punishments SET appeal = ?2, appeal_note = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, appeal, note, at],
        )?;
        Ok(n > 0)
    }

    /// Adds a draft freeze request.
    pub fn add_freeze(
        &self,
        case_id: i64,
        bank: Option<&str>,
        accounts: &str,
        total_fen: i64,
        at: i64,
    ) -> DbResult<i64> {
        self.conn.execute(
            "INSERT INTO freeze_requests(case_id, bank, accounts, total_fen, status, updated_at) VALUES (?1, ?2, ?3, ?4, 'draft', ?5)",
            params![case_id, bank, accounts, total_fen, at],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Freeze requests: of one case, or all; only `bank`'s when given.
    pub fn freezes(&self, case_id: Option<i64>, bank: Option<&str>) -> DbResult<Vec<FreezeRow>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {FREEZE_COLUMNS} FROM freeze_requests
             WHERE (?1 IS NULL OR case_id = ?1) AND (?2 IS NULL OR bank = ?2) ORDER BY id"
        ))?;
        let rows = st.query_map(params![case_id, bank], freeze_row)?;
        rows.collect()
    }

    /// One freeze request.
    pub fn freeze(&self, id: i64) -> DbResult<Option<FreezeRow>> {
        self.conn
            .query_row(&format!("SELECT {FREEZE_COLUMNS} FROM freeze_requests WHERE id = ?1"), params![id], freeze_row)
            .optional()
    }

    /// Moves a request to `status` (with who approved it, or the money saved).
    pub fn set_freeze_status(
        &self,
        id: i64,
        status: &str,
        approved_by: Option<&str>,
        saved_fen: Option<i64>,
        at: i64,
    ) -> DbResult<()> {
        self.conn.execute(
            "UPDATE freeze_requests SET status = ?2, approved_by = COALESCE(?3, approved_by),
             saved_fen = COALESCE(?4, saved_fen), updated_at = ?5 WHERE id = ?1",
            params![id, status, approved_by, saved_fen, at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_log_cannot_be_changed() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("c.sqlite")).unwrap();
        db.audit(1, "wang", "case.view", "case:1", "").unwrap();
        assert!(db.conn.execute("UPDATE audit SET user = 'x'", []).is_err());
        assert!(db.conn.execute("DELETE FROM audit", []).is_err());
        assert_eq!(db.audit_log(10).unwrap().len(), 1);
    }

    #[test]
    fn values_are_bound_not_spliced() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("c.sqlite")).unwrap();
        let evil = "x'); DROP TABLE users; --";
        db.add_user(evil, Role::Analyst, None, "h", 0).unwrap();
        assert_eq!(db.users().unwrap()[0].name, evil);
        assert!(db.credentials(evil).unwrap().is_some());
    }
}
