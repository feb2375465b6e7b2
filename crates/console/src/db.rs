//! The console's multi-user state: users, sessions, cases, freeze requests, alerts, the punishment
//! list and the append-only audit log (triggers refuse to change or delete its rows). In SQLite
//! (`DIR/console.sqlite`) by default, or in PostgreSQL given a URL; the same statements run on both
//! ([`crate::sql`]). Every query binds its values as parameters; nothing typed by a user is ever
//! spliced into SQL.

use crate::sql::{Conn, Row, V};
pub use crate::sql::{DbError, DbResult};
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
    /// One of [`CASE_STATUSES`].
    pub status: String,
    /// Who works it (its opener, until someone takes it or a supervisor assigns it).
    pub assignee: Option<String>,
    /// Why it was closed.
    pub closed_note: Option<String>,
    /// Its requests sent to banks and not answered yet (an open case with some is "freezing").
    pub awaiting: i64,
    /// The province where the victim's account was opened (two-digit code), when known.
    pub province: Option<i64>,
}

impl Case {
    /// The trace's freeze requests per bank, read from [`Case::freeze_json`].
    pub fn freeze_list(&self) -> DbResult<Vec<fanzha_trace::FreezeRequest>> {
        serde_json::from_str(&self.freeze_json)
            .map_err(|e| DbError::Invalid(format!("case {}: freeze list unreadable: {e}", self.id)))
    }
}

/// Case states: `open` while worked, `closed` with a note. An open case with requests sent and not
/// answered shows as freezing (see [`Case::awaiting`]); the list filters it as `freezing`.
pub const CASE_STATUSES: [&str; 2] = ["open", "closed"];

/// Which cases a list shows (each filter when given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// One of [`CASE_STATUSES`].
    pub status: Option<String>,
    /// Worked by this user.
    pub assignee: Option<String>,
    /// Of this typology.
    pub typology: Option<String>,
    /// That sent a freeze request to this bank.
    pub bank: Option<String>,
    /// Whose victim's account was opened in this province (two-digit code).
    pub province: Option<i64>,
}

/// One page of a long list, newest or highest first: `rows` rows after skipping `number` pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Which page, from 0.
    pub number: i64,
    /// Rows per page.
    pub rows: i64,
}

impl Page {
    /// Rows on a page of the console.
    pub const ROWS: i64 = 100;

    /// Page `number` (from 0; a negative number is the first page).
    pub fn new(number: i64) -> Page {
        Page { number: number.clamp(0, i64::MAX / Page::ROWS - 1), rows: Page::ROWS }
    }

    /// Everything at once (for totals and tests).
    pub fn all() -> Page {
        Page { number: 0, rows: i64::MAX }
    }

    /// The LIMIT and OFFSET values.
    pub(crate) fn bounds(self) -> [V; 2] {
        [V::I(self.rows), V::I(self.number.saturating_mul(self.rows))]
    }
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
    /// The bank of the account concerned (its code), when known.
    pub bank: Option<String>,
    /// The province of the account or person concerned (two-digit code), when known.
    pub province: Option<i64>,
    /// The fraud typology (an id of [`fanzha_model::TYPOLOGIES`]), when the source names one.
    pub typology: Option<String>,
}

/// An alert to raise: what it is about, how strongly, why, and where (for the queue's filters).
#[derive(Debug, Clone, PartialEq)]
pub struct NewAlert {
    /// One of [`ALERT_KINDS`].
    pub kind: String,
    /// The account id, the holder's masked identity, the transfer, or the value reported.
    pub subject: String,
    /// Score in [0, 1].
    pub score: f64,
    /// Reasons as JSON `[[zh, en], ...]`.
    pub reasons: String,
    /// The bank of the account concerned (its code).
    pub bank: Option<String>,
    /// The province of the account or person concerned (two-digit code).
    pub province: Option<i64>,
    /// The fraud typology id.
    pub typology: Option<String>,
}

impl NewAlert {
    /// An alert of `kind` about `subject` with no bank, province or typology.
    pub fn new(kind: &str, subject: &str, score: f64, reasons: &str) -> NewAlert {
        NewAlert {
            kind: kind.into(),
            subject: subject.into(),
            score,
            reasons: reasons.into(),
            bank: None,
            province: None,
            typology: None,
        }
    }
}

/// The kinds of alert: a mule account, a card farmer (a holder), a held transfer check, a public
/// report (一键举报).
pub const ALERT_KINDS: [&str; 4] = ["mule", "card_farmer", "transfer", "report"];

/// Which alerts by state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AlertStatus {
    /// Open or taken: still to be worked.
    #[default]
    Open,
    /// Taken by this user.
    TakenBy(String),
    /// In exactly this state (`dismissed`, `case`).
    Is(String),
    /// Every state.
    Any,
}

/// Which alerts a queue shows, and in what order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlertFilter {
    /// One of [`ALERT_KINDS`], or any.
    pub kind: Option<String>,
    /// By state.
    pub status: AlertStatus,
    /// Only this bank's.
    pub bank: Option<String>,
    /// Only this province's (two-digit code).
    pub province: Option<i64>,
    /// Only this typology's.
    pub typology: Option<String>,
    /// Only scores at or above this.
    pub min_score: Option<f64>,
    /// Newest first instead of highest score first.
    pub newest_first: bool,
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

const TABLES: &str = "
CREATE TABLE IF NOT EXISTS users(
  id {ID}, name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('analyst','supervisor','liaison','auditor')),
  bank TEXT, pw_hash TEXT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions(
  token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL, expires_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS cases(
  id {ID}, title TEXT NOT NULL, victim TEXT NOT NULL, txns TEXT NOT NULL,
  typology TEXT NOT NULL, narrative TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,
  as_of BIGINT NOT NULL, traced_fen BIGINT NOT NULL, held_fen BIGINT NOT NULL, svg TEXT NOT NULL, freeze_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open', assignee TEXT, closed_note TEXT, province BIGINT);
CREATE TABLE IF NOT EXISTS freeze_requests(
  id {ID}, case_id BIGINT NOT NULL REFERENCES cases(id), bank TEXT, accounts TEXT NOT NULL,
  total_fen BIGINT NOT NULL, status TEXT NOT NULL, approved_by TEXT, saved_fen BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS alerts(
  id {ID}, kind TEXT NOT NULL, subject TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, reasons TEXT NOT NULL,
  status TEXT NOT NULL, assignee TEXT, note TEXT, created_at BIGINT NOT NULL,
  bank TEXT, province BIGINT, typology TEXT, UNIQUE(kind, subject));
CREATE TABLE IF NOT EXISTS punishments(
  id {ID}, person TEXT NOT NULL, accounts TEXT NOT NULL, reason TEXT NOT NULL,
  starts_at BIGINT NOT NULL, ends_at BIGINT, appeal TEXT NOT NULL DEFAULT 'none', appeal_note TEXT,
  created_by TEXT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
  id {ID}, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object TEXT NOT NULL, detail TEXT NOT NULL, seq BIGINT, hash TEXT);
CREATE TABLE IF NOT EXISTS audit_head(
  id BIGINT PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys(
  id {ID}, name TEXT NOT NULL, bank TEXT, scopes TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT);
CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS case_accounts(
  account TEXT NOT NULL, case_id BIGINT NOT NULL REFERENCES cases(id), PRIMARY KEY(account, case_id));
CREATE INDEX IF NOT EXISTS alerts_by_score ON alerts(score DESC, id);
";

pub(crate) const SQLITE_AUDIT_GUARD: &str = "
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_chained BEFORE INSERT ON audit WHEN NEW.seq IS NULL OR NEW.hash IS NULL
  BEGIN SELECT RAISE(ABORT, 'an audit row must join the hash chain'); END;
";

pub(crate) const POSTGRES_AUDIT_GUARD: &str = "
CREATE OR REPLACE FUNCTION fanzha_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $f$;
DROP TRIGGER IF EXISTS audit_append_only ON audit;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION fanzha_audit_append_only();
CREATE OR REPLACE FUNCTION fanzha_audit_chained() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN IF NEW.seq IS NULL OR NEW.hash IS NULL THEN RAISE EXCEPTION 'an audit row must join the hash chain'; END IF;
  RETURN NEW; END $f$;
DROP TRIGGER IF EXISTS audit_chained ON audit;
CREATE TRIGGER audit_chained BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION fanzha_audit_chained();
";

/// The console database.
pub struct Db {
    pub(crate) conn: Conn,
    /// Transactions open on the connection (see [`Db::atomically`]).
    depth: u32,
}

fn user_row(r: &dyn Row) -> DbResult<User> {
    Ok(User {
        id: r.int(0)?,
        name: r.text(1)?,
        role: Role::parse(&r.text(2)?)
            .ok_or_else(|| DbError::Invalid(format!("user {}: unknown role", r.int(0).unwrap_or(-1))))?,
        bank: r.opt_text(3)?,
        disabled: r.int(4)? != 0,
    })
}

fn freeze_row(r: &dyn Row) -> DbResult<FreezeRow> {
    Ok(FreezeRow {
        id: r.int(0)?,
        case_id: r.int(1)?,
        bank: r.opt_text(2)?,
        accounts: r.text(3)?,
        total_fen: r.int(4)?,
        status: r.text(5)?,
        approved_by: r.opt_text(6)?,
        saved_fen: r.int(7)?,
        updated_at: r.int(8)?,
    })
}

const FREEZE_COLUMNS: &str = "id, case_id, bank, accounts, total_fen, status, approved_by, saved_fen, updated_at";
const CASE_COLUMNS: &str =
    "id, title, victim, txns, typology, narrative, created_by, created_at, as_of, traced_fen, held_fen, \
                            svg, freeze_json, status, assignee, closed_note, \
                            (SELECT COUNT(*) FROM freeze_requests f WHERE f.case_id = cases.id AND f.status = 'sent'), \
                            province";

fn case_row(r: &dyn Row) -> DbResult<Case> {
    Ok(Case {
        id: r.int(0)?,
        title: r.text(1)?,
        victim: r.text(2)?,
        txns: r.text(3)?,
        typology: r.text(4)?,
        narrative: r.text(5)?,
        created_by: r.text(6)?,
        created_at: r.int(7)?,
        as_of: r.int(8)?,
        traced_fen: r.int(9)?,
        held_fen: r.int(10)?,
        svg: r.text(11)?,
        freeze_json: r.text(12)?,
        status: r.text(13)?,
        assignee: r.opt_text(14)?,
        closed_note: r.opt_text(15)?,
        awaiting: r.int(16)?,
        province: r.opt_int(17)?,
    })
}

const ALERT_COLUMNS: &str =
    "id, kind, subject, score, reasons, status, assignee, note, created_at, bank, province, typology";

fn alert_row(r: &dyn Row) -> DbResult<Alert> {
    Ok(Alert {
        id: r.int(0)?,
        kind: r.text(1)?,
        subject: r.text(2)?,
        score: r.float(3)?,
        reasons: r.text(4)?,
        status: r.text(5)?,
        assignee: r.opt_text(6)?,
        note: r.opt_text(7)?,
        created_at: r.int(8)?,
        bank: r.opt_text(9)?,
        province: r.opt_int(10)?,
        typology: r.opt_text(11)?,
    })
}

/// `x` with the LIKE wildcards and the escape character escaped (`ESCAPE '\'`).
fn like_escaped(x: &str) -> String {
    x.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Gives a case table made before cases had a status its status, assignee and note columns (every
/// old case open, worked by its opener).
fn migrate_cases(db: &mut Db) -> DbResult<()> {
    if db.conn.query("SELECT status, assignee, closed_note FROM cases WHERE 1 = 0", &[], |_| Ok(())).is_err() {
        add_case_states(db)?;
    }
    // Cases stored before they kept the victim's province have none (the filter skips them).
    if db.conn.query("SELECT province FROM cases WHERE 1 = 0", &[], |_| Ok(())).is_err() {
        db.atomically(|db| db.conn.batch("ALTER TABLE cases ADD COLUMN province BIGINT;"))?;
    }
    // Cases stored before their accounts were indexed (or written by another tool) get indexed.
    let unindexed = db.conn.query(
        &format!("SELECT {CASE_COLUMNS} FROM cases WHERE id NOT IN (SELECT case_id FROM case_accounts)"),
        &[],
        case_row,
    )?;
    db.atomically(|db| {
        for c in &unindexed {
            db.index_case_accounts(c.id, c)?;
        }
        Ok(())
    })
}

/// Alerts stored before they carried a bank, province and typology get the columns (empty).
fn migrate_alerts(db: &mut Db) -> DbResult<()> {
    if db.conn.query("SELECT bank, province, typology FROM alerts WHERE 1 = 0", &[], |_| Ok(())).is_ok() {
        return Ok(());
    }
    db.atomically(|db| {
        db.conn.batch(
            "ALTER TABLE alerts ADD COLUMN bank TEXT; ALTER TABLE alerts ADD COLUMN province BIGINT;
             ALTER TABLE alerts ADD COLUMN typology TEXT;",
        )
    })
}

fn add_case_states(db: &mut Db) -> DbResult<()> {
    db.atomically(|db| {
        db.conn.batch(
            "ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
             ALTER TABLE cases ADD COLUMN assignee TEXT; ALTER TABLE cases ADD COLUMN closed_note TEXT;",
        )?;
        db.conn.exec("UPDATE cases SET assignee = created_by", &[])?;
        Ok(())
    })
}

fn s(x: &str) -> V {
    V::S(x.to_string())
}

fn os(x: Option<&str>) -> V {
    V::OS(x.map(String::from))
}

impl Db {
    /// Opens (or creates) the SQLite database file and its tables.
    pub fn open(path: &Path) -> DbResult<Db> {
        Db::init(Conn::sqlite(path)?)
    }

    /// Connects to PostgreSQL (`postgres://user:password@host/db`) and creates the tables if missing,
    /// in `schema` when given.
    pub fn open_postgres(url: &str, schema: Option<&str>) -> DbResult<Db> {
        Db::init(Conn::postgres(url, schema)?)
    }

    fn init(mut conn: Conn) -> DbResult<Db> {
        let (id, guard) = if conn.is_postgres() {
            ("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", POSTGRES_AUDIT_GUARD)
        } else {
            ("INTEGER PRIMARY KEY", SQLITE_AUDIT_GUARD)
        };
        conn.batch(&TABLES.replace("{ID}", id))?;
        let mut db = Db { conn, depth: 0 };
        migrate_cases(&mut db)?;
        migrate_alerts(&mut db)?;
        crate::audit::migrate(&mut db, guard)?;
        Ok(db)
    }

    /// Runs `f` in one transaction: all its changes land together or none does (nested calls join
    /// the outer transaction). On SQLite it takes the write lock at once, so that appends to the
    /// audit chain from several processes never interleave.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut Db) -> DbResult<T>) -> DbResult<T> {
        let (begin, commit, rollback) = match self.depth {
            0 if self.conn.is_postgres() => ("BEGIN".to_string(), "COMMIT".to_string(), "ROLLBACK".to_string()),
            0 => ("BEGIN IMMEDIATE".to_string(), "COMMIT".to_string(), "ROLLBACK".to_string()),
            d => (
                format!("SAVEPOINT sp{d}"),
                format!("RELEASE SAVEPOINT sp{d}"),
                format!("ROLLBACK TO SAVEPOINT sp{d}; RELEASE SAVEPOINT sp{d}"),
            ),
        };
        self.conn.batch(&begin)?;
        self.depth += 1;
        // A panic inside must not leave the transaction open under later calls.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.depth -= 1;
        let result = match result {
            Ok(r) => r,
            Err(panic) => {
                let _ = self.conn.batch(&rollback);
                std::panic::resume_unwind(panic)
            }
        };
        match result {
            Ok(v) => match self.conn.batch(&commit) {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.conn.batch(&rollback);
                    Err(e)
                }
            },
            Err(e) => {
                // The error that matters is the first; a failed rollback leaves the connection to
                // be reset by the next BEGIN's error.
                let _ = self.conn.batch(&rollback);
                Err(e)
            }
        }
    }

    pub(crate) fn insert(&mut self, sql: &str, params: &[V]) -> DbResult<i64> {
        let ids = self.conn.query(&format!("{sql} RETURNING id"), params, |r| r.int(0))?;
        ids.first().copied().ok_or_else(|| DbError::Invalid("an insert returned no id".into()))
    }

    /// Adds a user with a password hash.
    pub fn add_user(&mut self, name: &str, role: Role, bank: Option<&str>, pw_hash: &str, at: i64) -> DbResult<i64> {
        self.insert(
            "INSERT INTO users(name, role, bank, pw_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
            &[s(name), s(role.as_str()), os(bank), s(pw_hash), V::I(at)],
        )
    }

    /// Every user.
    pub fn users(&mut self) -> DbResult<Vec<User>> {
        self.conn.query("SELECT id, name, role, bank, disabled FROM users ORDER BY name", &[], user_row)
    }

    /// Disables a user and ends their sessions; false if there is no such user.
    pub fn disable_user(&mut self, name: &str) -> DbResult<bool> {
        let n = self.conn.exec("UPDATE users SET disabled = 1 WHERE name = $1", &[s(name)])?;
        self.conn.exec("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = $1)", &[s(name)])?;
        Ok(n > 0)
    }

    /// Sets a user's password hash and ends their sessions; false if there is no such user.
    pub fn set_password(&mut self, name: &str, pw_hash: &str) -> DbResult<bool> {
        let n = self.conn.exec("UPDATE users SET pw_hash = $2 WHERE name = $1", &[s(name), s(pw_hash)])?;
        self.conn.exec("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = $1)", &[s(name)])?;
        Ok(n > 0)
    }

    /// The user and password hash for a login name.
    pub fn credentials(&mut self, name: &str) -> DbResult<Option<(User, String)>> {
        let rows = self.conn.query(
            "SELECT id, name, role, bank, disabled, pw_hash FROM users WHERE name = $1",
            &[s(name)],
            |r| Ok((user_row(r)?, r.text(5)?)),
        )?;
        Ok(rows.into_iter().next())
    }

    /// Stores a session.
    pub fn add_session(&mut self, token_hash: &str, user: i64, csrf: &str, expires_at: i64) -> DbResult<()> {
        self.conn.exec(
            "INSERT INTO sessions(token_hash, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4)",
            &[s(token_hash), V::I(user), s(csrf), V::I(expires_at)],
        )?;
        Ok(())
    }

    /// The session's user and CSRF token, if it exists, has not expired and the user is enabled.
    pub fn session(&mut self, token_hash: &str, now: i64) -> DbResult<Option<(User, String)>> {
        let rows = self.conn.query(
            "SELECT u.id, u.name, u.role, u.bank, u.disabled, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0",
            &[s(token_hash), V::I(now)],
            |r| Ok((user_row(r)?, r.text(5)?)),
        )?;
        Ok(rows.into_iter().next())
    }

    /// Ends a session.
    pub fn end_session(&mut self, token_hash: &str) -> DbResult<()> {
        self.conn.exec("DELETE FROM sessions WHERE token_hash = $1", &[s(token_hash)])?;
        Ok(())
    }

    /// Stores a case; returns its id.
    pub fn add_case(&mut self, c: &Case) -> DbResult<i64> {
        self.atomically(|db| {
            let id = db.insert_case(c)?;
            db.index_case_accounts(id, c)?;
            Ok(id)
        })
    }

    fn insert_case(&mut self, c: &Case) -> DbResult<i64> {
        self.insert(
            "INSERT INTO cases(title, victim, txns, typology, narrative, created_by, created_at, as_of, traced_fen, held_fen, svg, freeze_json, status, assignee, province)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $6, $13)",
            &[
                s(&c.title),
                s(&c.victim),
                s(&c.txns),
                s(&c.typology),
                s(&c.narrative),
                s(&c.created_by),
                V::I(c.created_at),
                V::I(c.as_of),
                V::I(c.traced_fen),
                V::I(c.held_fen),
                s(&c.svg),
                s(&c.freeze_json),
                V::OI(c.province),
            ],
        )
    }

    /// Records which accounts case `id` names: its victim and its freeze list (for
    /// [`Db::cases_about`]).
    fn index_case_accounts(&mut self, id: i64, c: &Case) -> DbResult<()> {
        let freeze = c.freeze_list()?;
        let mut accounts: Vec<&str> = std::iter::once(c.victim.as_str())
            .chain(freeze.iter().flat_map(|b| &b.accounts).map(|a| a.account.as_str()))
            .collect();
        accounts.sort_unstable();
        accounts.dedup();
        for a in accounts {
            self.conn.exec("INSERT INTO case_accounts(account, case_id) VALUES ($1, $2)", &[s(a), V::I(id)])?;
        }
        Ok(())
    }

    /// Cases, newest first, one page.
    pub fn cases(&mut self, page: Page) -> DbResult<Vec<Case>> {
        self.cases_where(&CaseFilter::default(), page)
    }

    /// Cases that pass `filter`, newest first, one page.
    pub fn cases_where(&mut self, filter: &CaseFilter, page: Page) -> DbResult<Vec<Case>> {
        let [limit, offset] = page.bounds();
        self.conn.query(
            &format!(
                "SELECT {CASE_COLUMNS} FROM cases WHERE (CAST($1 AS TEXT) IS NULL OR status = $1
                   OR ($1 = 'freezing' AND status = 'open'
                       AND EXISTS (SELECT 1 FROM freeze_requests f WHERE f.case_id = cases.id AND f.status = 'sent')))
                 AND (CAST($2 AS TEXT) IS NULL OR assignee = $2) AND (CAST($3 AS TEXT) IS NULL OR typology = $3)
                 AND (CAST($6 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM freeze_requests f WHERE f.case_id = cases.id AND f.bank = $6))
                 AND (CAST($7 AS BIGINT) IS NULL OR province = $7)
                 ORDER BY id DESC LIMIT $4 OFFSET $5"
            ),
            &[
                os(filter.status.as_deref()),
                os(filter.assignee.as_deref()),
                os(filter.typology.as_deref()),
                limit,
                offset,
                os(filter.bank.as_deref()),
                V::OI(filter.province),
            ],
            case_row,
        )
    }

    /// Sets a case's status, assignee and closing note; false if there is no such case.
    pub fn set_case(&mut self, id: i64, status: &str, assignee: Option<&str>, note: Option<&str>) -> DbResult<bool> {
        let n = self.conn.exec(
            "UPDATE cases SET status = $2, assignee = $3, closed_note = $4 WHERE id = $1",
            &[V::I(id), s(status), os(assignee), os(note)],
        )?;
        Ok(n > 0)
    }

    /// One case.
    pub fn case(&mut self, id: i64) -> DbResult<Option<Case>> {
        Ok(self.conn.query(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1"), &[V::I(id)], case_row)?.pop())
    }

    /// Cases where `account` is the victim or on the freeze list, newest first.
    pub fn cases_about(&mut self, account: &str) -> DbResult<Vec<Case>> {
        self.conn.query(
            &format!(
                "SELECT {CASE_COLUMNS} FROM cases WHERE id IN (SELECT case_id FROM case_accounts WHERE account = $1)
                 ORDER BY id DESC"
            ),
            &[s(account)],
            case_row,
        )
    }

    /// Cases whose title, victim or reported transfers contain `text`, newest first, at most 50.
    pub fn search_cases(&mut self, text: &str) -> DbResult<Vec<Case>> {
        let pattern = format!("%{}%", like_escaped(text));
        self.conn.query(
            &format!(
                "SELECT {CASE_COLUMNS} FROM cases WHERE title LIKE $1 ESCAPE '\\' OR victim LIKE $1 ESCAPE '\\'
                 OR txns LIKE $1 ESCAPE '\\' ORDER BY id DESC LIMIT 50"
            ),
            &[s(&pattern)],
            case_row,
        )
    }

    /// Alerts about `subject` (an account id or a masked holder), any status.
    pub fn alerts_about(&mut self, subject: &str) -> DbResult<Vec<Alert>> {
        self.conn.query(
            &format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE subject = $1 ORDER BY id DESC"),
            &[s(subject)],
            alert_row,
        )
    }

    /// Raises an alert unless one of the same kind for the same subject exists; true if raised.
    pub fn raise_alert(&mut self, alert: &NewAlert, at: i64) -> DbResult<bool> {
        Ok(self.raise_alerts(std::slice::from_ref(alert), at)? > 0)
    }

    /// Raises many alerts in one transaction (one sync); returns how many were new.
    pub fn raise_alerts(&mut self, alerts: &[NewAlert], at: i64) -> DbResult<usize> {
        self.atomically(|db| {
            let mut n = 0;
            for a in alerts {
                let row = [
                    s(&a.kind),
                    s(&a.subject),
                    V::F(a.score),
                    s(&a.reasons),
                    V::I(at),
                    os(a.bank.as_deref()),
                    V::OI(a.province),
                    os(a.typology.as_deref()),
                ];
                n += db.conn.exec(
                    "INSERT INTO alerts(kind, subject, score, reasons, status, created_at, bank, province, typology)
                     VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8) ON CONFLICT DO NOTHING",
                    &row,
                )?;
            }
            Ok(n as usize)
        })
    }

    /// Alerts that pass `filter`, highest score (or newest) first, one page.
    pub fn alerts_where(&mut self, filter: &AlertFilter, page: Page) -> DbResult<Vec<Alert>> {
        let [limit, offset] = page.bounds();
        let (state, taken_by) = match &filter.status {
            AlertStatus::Any => ("any", None),
            AlertStatus::Open => ("open", None),
            AlertStatus::TakenBy(who) => ("assigned", Some(who.as_str())),
            AlertStatus::Is(s) => (s.as_str(), None),
        };
        let order = if filter.newest_first { "id DESC" } else { "score DESC, id" };
        self.conn.query(
            &format!(
                "SELECT {ALERT_COLUMNS} FROM alerts WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1)
                 AND ($2 = 'any' OR ($2 = 'open' AND status IN ('open', 'assigned')) OR status = $2)
                 AND (CAST($3 AS TEXT) IS NULL OR assignee = $3)
                 AND (CAST($6 AS TEXT) IS NULL OR bank = $6)
                 AND (CAST($7 AS BIGINT) IS NULL OR province = $7)
                 AND (CAST($8 AS TEXT) IS NULL OR typology = $8)
                 AND score >= $9
                 ORDER BY {order} LIMIT $4 OFFSET $5"
            ),
            &[
                os(filter.kind.as_deref()),
                s(state),
                os(taken_by),
                limit,
                offset,
                os(filter.bank.as_deref()),
                V::OI(filter.province),
                os(filter.typology.as_deref()),
                // Scores lie in [0, 1].
                V::F(filter.min_score.unwrap_or(-1.0)),
            ],
            alert_row,
        )
    }

    /// Alerts not dismissed and not turned into cases (or all), highest score first, one page.
    pub fn alerts(&mut self, all: bool, page: Page) -> DbResult<Vec<Alert>> {
        let status = if all { AlertStatus::Any } else { AlertStatus::Open };
        self.alerts_where(&AlertFilter { status, ..AlertFilter::default() }, page)
    }

    /// One alert.
    pub fn alert(&mut self, id: i64) -> DbResult<Option<Alert>> {
        Ok(self.conn.query(&format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE id = $1"), &[V::I(id)], alert_row)?.pop())
    }

    /// Moves an open or assigned alert to `status`; false if it is closed already or missing.
    pub fn set_alert(&mut self, id: i64, status: &str, assignee: &str, note: Option<&str>) -> DbResult<bool> {
        let n = self.conn.exec(
            "UPDATE alerts SET status = $2, assignee = $3, note = COALESCE($4, note) WHERE id = $1 AND status IN ('open', 'assigned')",
            &[V::I(id), s(status), s(assignee), os(note)],
        )?;
        Ok(n > 0)
    }

    /// Adds a punishment-list entry.
    pub fn add_punishment(&mut self, p: &Punishment, at: i64) -> DbResult<i64> {
        self.insert(
            "INSERT INTO punishments(person, accounts, reason, starts_at, ends_at, appeal, created_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'none', $6, $7)",
            &[
                s(&p.person),
                s(&p.accounts),
                s(&p.reason),
                V::I(p.starts_at),
                V::OI(p.ends_at),
                s(&p.created_by),
                V::I(at),
            ],
        )
    }

    /// The punishment list, newest first.
    pub fn punishments(&mut self) -> DbResult<Vec<Punishment>> {
        self.conn.query(
            "SELECT id, person, accounts, reason, starts_at, ends_at, appeal, appeal_note, created_by FROM punishments ORDER BY id DESC",
            &[],
            |r| {
                Ok(Punishment {
                id: r.int(0)?,
                person: r.text(1)?,
                accounts: r.text(2)?,
                reason: r.text(3)?,
                starts_at: r.int(4)?,
                ends_at: r.opt_int(5)?,
                appeal: r.text(6)?,
                appeal_note: r.opt_text(7)?,
                created_by: r.text(8)?,
                })
            },
        )
    }

    /// Records an appeal's state; false if there is no such entry.
    pub fn set_appeal(&mut self, id: i64, appeal: &str, note: &str, at: i64) -> DbResult<bool> {
        let n = self.conn.exec(
            "UPDATE punishments SET appeal = $2, appeal_note = $3, updated_at = $4 WHERE id = $1",
            &[V::I(id), s(appeal), s(note), V::I(at)],
        )?;
        Ok(n > 0)
    }

    /// Adds a draft freeze request.
    pub fn add_freeze(
        &mut self,
        case_id: i64,
        bank: Option<&str>,
        accounts: &str,
        total_fen: i64,
        at: i64,
    ) -> DbResult<i64> {
        self.insert(
            "INSERT INTO freeze_requests(case_id, bank, accounts, total_fen, status, updated_at) VALUES ($1, $2, $3, $4, 'draft', $5)",
            &[V::I(case_id), os(bank), s(accounts), V::I(total_fen), V::I(at)],
        )
    }

    /// Freeze requests: of one case, or all; only `bank`'s when given; newest first, one page.
    pub fn freezes(&mut self, case_id: Option<i64>, bank: Option<&str>, page: Page) -> DbResult<Vec<FreezeRow>> {
        let [limit, offset] = page.bounds();
        self.conn.query(
            &format!(
                "SELECT {FREEZE_COLUMNS} FROM freeze_requests
                 WHERE (CAST($1 AS BIGINT) IS NULL OR case_id = $1) AND (CAST($2 AS TEXT) IS NULL OR bank = $2)
                 ORDER BY id DESC LIMIT $3 OFFSET $4"
            ),
            &[V::OI(case_id), os(bank), limit, offset],
            freeze_row,
        )
    }

    /// Money saved by all freeze requests (only `bank`'s when given), in fen.
    pub fn saved_fen(&mut self, bank: Option<&str>) -> DbResult<i64> {
        let rows = self.conn.query(
            "SELECT CAST(COALESCE(SUM(saved_fen), 0) AS BIGINT) FROM freeze_requests WHERE CAST($1 AS TEXT) IS NULL OR bank = $1",
            &[os(bank)],
            |r| r.int(0),
        )?;
        Ok(rows.first().copied().unwrap_or(0))
    }

    /// One freeze request.
    pub fn freeze(&mut self, id: i64) -> DbResult<Option<FreezeRow>> {
        Ok(self
            .conn
            .query(&format!("SELECT {FREEZE_COLUMNS} FROM freeze_requests WHERE id = $1"), &[V::I(id)], freeze_row)?
            .pop())
    }

    /// Moves a request to `status` (with who approved it, or the money saved).
    pub fn set_freeze_status(
        &mut self,
        id: i64,
        status: &str,
        approved_by: Option<&str>,
        saved_fen: Option<i64>,
        at: i64,
    ) -> DbResult<()> {
        self.conn.exec(
            "UPDATE freeze_requests SET status = $2, approved_by = COALESCE($3, approved_by),
             saved_fen = COALESCE($4, saved_fen), updated_at = $5 WHERE id = $1",
            &[V::I(id), s(status), os(approved_by), V::OI(saved_fen), V::I(at)],
        )?;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// SQLite, and PostgreSQL too (in a fresh schema) when FANZHA_TEST_POSTGRES holds a URL.
    pub(crate) fn backends(dir: &Path) -> Vec<Db> {
        let mut dbs = vec![Db::open(&dir.join("c.sqlite")).unwrap()];
        if let Ok(url) = std::env::var("FANZHA_TEST_POSTGRES") {
            if !url.is_empty() {
                let schema = format!("t_{}", crate::auth::random_hex(8));
                dbs.push(Db::open_postgres(&url, Some(&schema)).unwrap());
            }
        }
        dbs
    }

    #[test]
    fn the_audit_log_cannot_be_changed() {
        let dir = tempfile::tempdir().unwrap();
        for mut db in backends(dir.path()) {
            db.audit(1, "wang", "case.view", "case:1", "").unwrap();
            assert!(db.conn.exec("UPDATE audit SET actor = 'x'", &[]).is_err());
            assert!(db.conn.exec("DELETE FROM audit", &[]).is_err());
            assert_eq!(db.audit_log(10).unwrap().len(), 1);
        }
    }

    #[test]
    fn a_null_or_mistyped_column_is_an_error_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        for mut db in backends(dir.path()) {
            assert!(db.conn.query("SELECT CAST(NULL AS BIGINT)", &[], |r| r.int(0)).is_err());
            assert!(db.conn.query("SELECT CAST(NULL AS TEXT)", &[], |r| r.text(0)).is_err());
            assert!(db.conn.query("SELECT 'x'", &[], |r| r.int(0)).is_err());
            assert!(db.conn.query("SELECT 1", &[], |r| r.int(3)).is_err(), "no such column");
            assert_eq!(db.conn.query("SELECT CAST(NULL AS BIGINT)", &[], |r| r.opt_int(0)).unwrap(), vec![None]);
        }
    }

    #[test]
    fn cases_made_before_case_states_are_open_and_worked_by_their_opener() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let old = rusqlite::Connection::open(&path).unwrap();
            old.execute_batch(
                "CREATE TABLE cases(id INTEGER PRIMARY KEY, title TEXT NOT NULL, victim TEXT NOT NULL, txns TEXT NOT NULL,
                 typology TEXT NOT NULL, narrative TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,
                 as_of BIGINT NOT NULL, traced_fen BIGINT NOT NULL, held_fen BIGINT NOT NULL, svg TEXT NOT NULL,
                 freeze_json TEXT NOT NULL);
                 INSERT INTO cases VALUES (1, 't', 'V', 'T0', 'none', '', 'wang', 0, 0, 0, 0, '', '[]');",
            )
            .unwrap();
        }
        let mut db = Db::open(&path).unwrap();
        let case = db.case(1).unwrap().unwrap();
        assert_eq!((case.status.as_str(), case.assignee.as_deref(), case.closed_note), ("open", Some("wang"), None));
        assert_eq!(db.cases_about("V").unwrap().len(), 1, "its accounts are indexed");
        drop(db);
        assert_eq!(Db::open(&path).unwrap().case(1).unwrap().unwrap().status, "open", "migrated once");
    }

    #[test]
    fn values_are_bound_not_spliced() {
        let dir = tempfile::tempdir().unwrap();
        for mut db in backends(dir.path()) {
            let evil = "x'); DROP TABLE users; --";
            db.add_user(evil, Role::Analyst, None, "h", 0).unwrap();
            assert_eq!(db.users().unwrap()[0].name, evil);
            assert!(db.credentials(evil).unwrap().is_some());
            assert!(db.raise_alert(&NewAlert::new("mule", evil, 0.5, "[]"), 0).unwrap());
            assert!(!db.raise_alert(&NewAlert::new("mule", evil, 0.5, "[]"), 0).unwrap(), "raised once");
            assert_eq!(db.freezes(None, Some(evil), Page::all()).unwrap().len(), 0);
        }
    }
}
