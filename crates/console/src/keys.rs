//! API keys of banks and police systems, and the gate the API asks ([`DbGate`]).
//!
//! A key is `fzk_` and 48 random hex digits, shown once when issued (`fanzha apikey add`); the
//! database keeps only its SHA-256. Issuing and revoking are audited in the same transaction and
//! bump a counter; the gate keeps the live keys in memory and reloads them when the counter moved.
//!
//! Asking the database on every call would cost more than the check itself (a read transaction
//! meets the writers of alerts and audit entries), so whoever changes keys then renames a signal
//! file into the store directory ([`signal_change`], `DIR/apikeys.changed`), and the gate `stat`s
//! that file on every call: a key revoked from the terminal while the server runs is refused on
//! the very next call. Changes made without the signal (another host writing the same PostgreSQL
//! database) are picked up by a database check at least once a second.

use crate::auth::random_hex;
use crate::db::Db;
use crate::sql::{DbError, DbResult, V};
use fanzha_server::{AuditEntry, Caller, Gate, GateError, Scope};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const GENERATION: &str = "api_keys";
/// The signal file in a store directory.
pub const CHANGED_FILE: &str = "apikeys.changed";
/// The gate asks the database at least this often even without a signal.
const RECHECK: Duration = Duration::from_secs(1);

/// Tells running servers of the store in `dir` that keys changed (after the change is committed).
pub fn signal_change(dir: &Path) -> std::io::Result<()> {
    let tmp = dir.join(format!("{CHANGED_FILE}.{}", std::process::id()));
    std::fs::write(&tmp, fanzha_model::Ts::now().to_string())?;
    std::fs::rename(&tmp, dir.join(CHANGED_FILE))
}

/// What identifies one version of the signal file (it is replaced by a rename each time).
fn signature(path: &Path) -> Option<(u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.ino(), m.mtime(), m.mtime_nsec()))
}

/// An issued key (its secret is not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// Row id.
    pub id: i64,
    /// Label, e.g. `ICBC core banking`.
    pub name: String,
    /// The bank it speaks for (`None`: the centre's own systems).
    pub bank: Option<String>,
    /// What it may do.
    pub scopes: Vec<Scope>,
    /// Who issued it.
    pub created_by: String,
    /// When (UTC epoch seconds).
    pub created_at: i64,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
}

fn scopes_of(text: &str) -> DbResult<Vec<Scope>> {
    Scope::parse_list(text).map_err(|e| DbError::Invalid(format!("stored key scopes: {e}")))
}

fn words(scopes: &[Scope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

impl Db {
    fn bump_generation(&mut self) -> DbResult<()> {
        self.conn.exec(
            "INSERT INTO counters(name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1",
            &[V::S(GENERATION.into())],
        )?;
        Ok(())
    }

    /// How often keys were issued or revoked (the gate's cache is stale when this moved).
    pub fn key_generation(&mut self) -> DbResult<i64> {
        let rows =
            self.conn.query("SELECT value FROM counters WHERE name = $1", &[V::S(GENERATION.into())], |r| r.int(0))?;
        Ok(rows.first().copied().unwrap_or(0))
    }

    /// Issues a key; returns its id and the key itself (to be shown once, never stored).
    pub fn add_key(
        &mut self,
        name: &str,
        bank: Option<&str>,
        scopes: &[Scope],
        by: &str,
        at: i64,
    ) -> DbResult<(i64, String)> {
        let key = format!("fzk_{}", random_hex(24));
        let hash = fanzha_server::access::key_hash(&key);
        let id = self.atomically(|db| {
            let id = db.insert(
                "INSERT INTO api_keys(name, bank, scopes, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                &[V::S(name.into()), V::OS(bank.map(String::from)), V::S(words(scopes)), V::S(hash), V::S(by.into()), V::I(at)],
            )?;
            db.bump_generation()?;
            let detail = format!("{name}; bank {}; scopes {}", bank.unwrap_or("-"), words(scopes));
            db.audit(at, by, "apikey.add", &format!("apikey:{id}"), &detail)?;
            Ok(id)
        })?;
        Ok((id, key))
    }

    /// Every key issued, newest first.
    pub fn keys(&mut self) -> DbResult<Vec<ApiKey>> {
        let rows = self.conn.query(
            "SELECT id, name, bank, scopes, created_by, created_at, revoked_at FROM api_keys ORDER BY id DESC",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?, r.opt_text(2)?, r.text(3)?, r.text(4)?, r.int(5)?, r.opt_int(6)?)),
        )?;
        rows.into_iter()
            .map(|(id, name, bank, scopes, created_by, created_at, revoked_at)| {
                Ok(ApiKey { id, name, bank, scopes: scopes_of(&scopes)?, created_by, created_at, revoked_at })
            })
            .collect()
    }

    /// Revokes key `id`; false if there is no such live key.
    pub fn revoke_key(&mut self, id: i64, by: &str, at: i64) -> DbResult<bool> {
        self.atomically(|db| {
            let n = db.conn.exec(
                "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
                &[V::I(id), V::I(at)],
            )?;
            if n == 0 {
                return Ok(false);
            }
            db.bump_generation()?;
            db.audit(at, by, "apikey.revoke", &format!("apikey:{id}"), "")?;
            Ok(true)
        })
    }

    /// The live keys' callers, by key hash.
    fn live_keys(&mut self) -> DbResult<HashMap<String, Caller>> {
        let rows = self.conn.query(
            "SELECT id, name, bank, scopes, key_hash FROM api_keys WHERE revoked_at IS NULL",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?, r.opt_text(2)?, r.text(3)?, r.text(4)?)),
        )?;
        rows.into_iter()
            .map(|(key_id, name, bank, scopes, hash)| {
                Ok((hash, Caller { key_id, name, bank, scopes: scopes_of(&scopes)? }))
            })
            .collect()
    }
}

/// The live keys as the gate last read them.
struct Cache {
    /// The key counter they were read at (-1: never read).
    generation: i64,
    by_hash: HashMap<String, Arc<Caller>>,
    /// The signal file's version seen last.
    signal: Option<(u64, i64, i64)>,
    /// When the database was last asked.
    asked: Instant,
}

/// The API's gate over the console database: live keys (cached until one is issued or revoked)
/// and the shared audit trail. It holds its own connection, so API calls do not queue behind
/// console pages.
pub struct DbGate {
    db: Mutex<Db>,
    cache: Mutex<Cache>,
    /// The store's signal file; without one, every call asks the database.
    signal: Option<PathBuf>,
}

impl DbGate {
    /// A gate over `db` (open a connection of its own for it), watching the signal file of the store
    /// directory `dir` when given.
    pub fn new(db: Db, dir: Option<&Path>) -> DbGate {
        let cache = Cache { generation: -1, by_hash: HashMap::new(), signal: None, asked: Instant::now() };
        DbGate { db: Mutex::new(db), cache: Mutex::new(cache), signal: dir.map(|d| d.join(CHANGED_FILE)) }
    }

    /// How many keys are live.
    pub fn live_key_count(&self) -> DbResult<usize> {
        self.db().live_keys().map(|k| k.len())
    }

    fn db(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn gate_error(e: DbError) -> GateError {
    GateError(e.to_string())
}

impl Gate for DbGate {
    fn caller(&self, key_hash: &str) -> Result<Option<Arc<Caller>>, GateError> {
        let signal = self.signal.as_deref().and_then(signature);
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let stale = self.signal.is_none() || signal != cache.signal || cache.asked.elapsed() >= RECHECK;
        if stale || cache.generation < 0 {
            let generation = self.db().key_generation().map_err(gate_error)?;
            if generation != cache.generation {
                let keys = self.db().live_keys().map_err(gate_error)?;
                cache.by_hash = keys.into_iter().map(|(h, c)| (h, Arc::new(c))).collect();
                cache.generation = generation;
            }
            cache.signal = signal;
            cache.asked = Instant::now();
        }
        Ok(cache.by_hash.get(key_hash).cloned())
    }

    fn audit(&self, entries: &[AuditEntry]) -> Result<(), GateError> {
        self.db().audit_all(entries).map_err(gate_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::tests::backends;
    use fanzha_server::access::key_hash;

    #[test]
    fn keys_are_issued_checked_and_revoked_at_once() {
        let dir = tempfile::tempdir().unwrap();
        for db in backends(dir.path()) {
            let gate = DbGate::new(db, None);
            let (id, key) =
                gate.db().add_key("ICBC core", Some("ICBC"), &[Scope::Check, Scope::Record], "cli", 1).unwrap();
            assert!(key.starts_with("fzk_") && key.len() == 52, "{key}");
            let caller = gate.caller(&key_hash(&key)).unwrap().expect("live");
            assert_eq!((caller.key_id, caller.bank.as_deref(), caller.scopes.len()), (id, Some("ICBC"), 2));
            assert_eq!(gate.caller(&key_hash("fzk_guess")).unwrap(), None);
            // Revoked from elsewhere (here: the same database), refused on the next call.
            assert!(gate.db().revoke_key(id, "cli", 2).unwrap());
            assert!(!gate.db().revoke_key(id, "cli", 3).unwrap(), "once");
            assert_eq!(gate.caller(&key_hash(&key)).unwrap(), None);
            let listed = gate.db().keys().unwrap();
            assert_eq!((listed.len(), listed[0].revoked_at), (1, Some(2)));
            let trail = gate.db().audit_log(10).unwrap();
            let actions: Vec<&str> = trail.iter().map(|r| r.action.as_str()).collect();
            assert_eq!(actions, ["apikey.revoke", "apikey.add"]);
            assert!(!trail.iter().any(|r| r.detail.contains(&key)), "the key is never written down");
        }
    }
}
