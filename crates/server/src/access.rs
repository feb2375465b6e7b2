//! Who may call the bank API, and the audit trail of what they did.
//!
//! Banks are separate parties: each holds its own API keys, each key has scopes, and a bank may
//! only record transfers paid from its own accounts. A client sends `Authorization: Bearer <key>`.
//! The seam is [`Gate`]: it knows the live keys and appends to the audit trail. In `fanzha serve`
//! the console's database is the gate, so API writes and analysts' actions land in one audit
//! trail; this crate only asks it.
//!
//! Every write through the API is audited *before* it is done, and a write whose audit entry
//! cannot be stored is refused (500). Refused calls (401, 403) are audited too, off the request
//! path ([`DenialLog`]), so that a flood of bad calls cannot stall the server on the disk.

use crate::error::ApiError;
use axum::http::{HeaderValue, StatusCode};
use serde::Serialize;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::Arc;

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Scope {
    /// `POST /v1/transfers/check`.
    #[serde(rename = "check")]
    Check,
    /// `POST /v1/transfers`: record transfers paid from the key's bank.
    #[serde(rename = "record")]
    Record,
    /// `GET /v1/lists`.
    #[serde(rename = "lists:read")]
    ListsRead,
    /// `POST /v1/lists`, `POST /v1/lists/remove`.
    #[serde(rename = "lists:write")]
    ListsWrite,
    /// `GET /v1/reports`: the public's reports.
    #[serde(rename = "reports:read")]
    ReportsRead,
    /// `GET /v1/rules`: the rules and their thresholds.
    #[serde(rename = "rules:read")]
    RulesRead,
    /// `GET /metrics`, `GET /v1/stats`.
    #[serde(rename = "metrics")]
    Metrics,
    /// `POST /v1/traces`, `GET /v1/accounts/{id}/risk`: follow money and read an account's risk
    /// (police and bank investigators; every call is audited, the answers name accounts).
    #[serde(rename = "investigate")]
    Investigate,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 8] = [
        Scope::Check,
        Scope::Record,
        Scope::ListsRead,
        Scope::ListsWrite,
        Scope::ReportsRead,
        Scope::RulesRead,
        Scope::Metrics,
        Scope::Investigate,
    ];

    /// The scope's word (`check`, `record`, `lists:read`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Check => "check",
            Scope::Record => "record",
            Scope::ListsRead => "lists:read",
            Scope::ListsWrite => "lists:write",
            Scope::ReportsRead => "reports:read",
            Scope::RulesRead => "rules:read",
            Scope::Metrics => "metrics",
            Scope::Investigate => "investigate",
        }
    }

    /// Parses a scope's word.
    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }

    /// Parses a comma-separated list (`check,record`); the error names the unknown word.
    pub fn parse_list(s: &str) -> Result<Vec<Scope>, String> {
        let mut out: Vec<Scope> = Vec::new();
        for word in s.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let scope = Scope::parse(word).ok_or_else(|| {
                let all: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
                format!("unknown scope '{word}' (scopes: {})", all.join(", "))
            })?;
            if !out.contains(&scope) {
                out.push(scope);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// The holder of a live API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The key's id.
    pub key_id: i64,
    /// The key's label (e.g. `ICBC core banking`).
    pub name: String,
    /// The bank it speaks for; `None` for a key of the centre itself (it cannot record).
    pub bank: Option<String>,
    /// What it may do.
    pub scopes: Vec<Scope>,
}

impl Caller {
    /// How the caller appears in the audit trail: `apikey:7 (ICBC)`.
    pub fn actor(&self) -> String {
        match &self.bank {
            Some(b) => format!("apikey:{} ({b})", self.key_id),
            None => format!("apikey:{}", self.key_id),
        }
    }
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (UTC epoch seconds).
    pub at: i64,
    /// Who: a console user's name, `cli`, or an API key ([`Caller::actor`]).
    pub actor: String,
    /// What, e.g. `api.record`.
    pub action: String,
    /// On what, e.g. `txn:T123`.
    pub object: String,
    /// Details.
    pub detail: String,
}

/// A failure of the gate's store.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GateError(pub String);

/// Knows the live API keys and keeps the audit trail.
pub trait Gate: Send + Sync {
    /// The caller holding the key whose SHA-256 (hex) is `key_hash`, if that key exists and is not
    /// revoked. A revocation must show on the next call.
    fn caller(&self, key_hash: &str) -> Result<Option<Arc<Caller>>, GateError>;

    /// Appends entries to the audit trail, durably, in order.
    fn audit(&self, entries: &[AuditEntry]) -> Result<(), GateError>;
}

/// SHA-256 of a key, hex: what a gate stores and looks keys up by.
pub fn key_hash(key: &str) -> String {
    use sha2::{Digest, Sha256};
    fanzha_model::hex(&Sha256::digest(key.as_bytes()))
}

/// Most refused calls kept waiting for the audit writer; beyond it they are counted and written as
/// one summary entry.
const DENIALS_QUEUED: usize = 10_000;

/// Audits refused calls off the request path: a background thread writes them in batches.
pub struct DenialLog {
    queue: SyncSender<AuditEntry>,
    dropped: Arc<AtomicU64>,
}

impl DenialLog {
    /// Starts the writer thread over `gate`. Refusals alike in all but time (one client hammering
    /// one route) are written as one entry with a count, so a flood costs rows by the kind, not by
    /// the call; a batch that cannot be written is counted into the next.
    pub fn start(gate: Arc<dyn Gate>) -> DenialLog {
        let (queue, queued) = sync_channel::<AuditEntry>(DENIALS_QUEUED);
        let dropped = Arc::new(AtomicU64::new(0));
        let counted = dropped.clone();
        std::thread::spawn(move || {
            while let Ok(first) = queued.recv() {
                let calls: Vec<AuditEntry> = std::iter::once(first).chain(queued.try_iter().take(9_999)).collect();
                let mut batch = coalesce(&calls);
                let lost = counted.swap(0, Ordering::Relaxed);
                if lost > 0 {
                    let detail = format!("{lost} refused calls not itemized (queue full, or not written)");
                    let (at, actor, action, object) = (calls[0].at, "server".into(), "api.denied".into(), "api".into());
                    batch.push(AuditEntry { at, actor, action, object, detail });
                }
                if let Err(e) = gate.audit(&batch) {
                    counted.fetch_add(calls.len() as u64, Ordering::Relaxed);
                    eprintln!("audit: {} refused call(s) not written yet: {e}", calls.len());
                }
            }
        });
        DenialLog { queue, dropped }
    }

    fn push(&self, entry: AuditEntry) {
        if let Err(TrySendError::Full(_)) = self.queue.try_send(entry) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// One entry per kind of refusal (actor, object, detail), in first-seen order, with the count in
/// the detail when it happened more than once.
fn coalesce(calls: &[AuditEntry]) -> Vec<AuditEntry> {
    let mut kinds: Vec<(AuditEntry, u64)> = Vec::new();
    let mut index: std::collections::HashMap<(&str, &str, &str), usize> = std::collections::HashMap::new();
    for c in calls {
        match index.get(&(c.actor.as_str(), c.object.as_str(), c.detail.as_str())) {
            Some(&i) => kinds[i].1 += 1,
            None => {
                index.insert((&c.actor, &c.object, &c.detail), kinds.len());
                kinds.push((c.clone(), 1));
            }
        }
    }
    kinds
        .into_iter()
        .map(|(e, n)| if n > 1 { AuditEntry { detail: format!("{} (×{n})", e.detail), ..e } } else { e })
        .collect()
}

/// The key in an `Authorization: Bearer <key>` header value.
pub fn bearer(value: &HeaderValue) -> Option<&str> {
    let (scheme, key) = value.to_str().ok()?.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(key.trim()).filter(|k| !k.is_empty())
}

/// Admits a call that needs `scope`: the caller of a live key holding it. Otherwise answers 401
/// (no or unknown key) or 403 (a key without the scope), and audits the refusal; `what` names the
/// call in the audit trail.
pub fn authorize(
    gate: &dyn Gate,
    denials: &DenialLog,
    key: Option<&str>,
    client: Option<IpAddr>,
    scope: Scope,
    what: &str,
) -> Result<Arc<Caller>, ApiError> {
    let deny = |actor: String, status: StatusCode, why: &str| {
        let client = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
        let at = fanzha_model::Ts::now().0;
        let detail = format!("{why}; client {client}");
        denials.push(AuditEntry { at, actor, action: "api.denied".into(), object: what.into(), detail });
        ApiError::new(status, why.to_string())
    };
    let Some(key) = key else {
        return Err(deny(
            "anonymous".into(),
            StatusCode::UNAUTHORIZED,
            "an API key is required (Authorization: Bearer <key>)",
        ));
    };
    let caller =
        gate.caller(&key_hash(key)).map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let Some(caller) = caller else {
        return Err(deny("anonymous".into(), StatusCode::UNAUTHORIZED, "unknown or revoked API key"));
    };
    if !caller.scopes.contains(&scope) {
        let why = format!("this key lacks the scope '{}'", scope.as_str());
        return Err(deny(caller.actor(), StatusCode::FORBIDDEN, &why));
    }
    Ok(caller)
}

/// Refuses a call by `caller` from `client` with 403, and audits the refusal (e.g. a bank recording
/// another bank's transfer).
pub fn forbid(denials: &DenialLog, caller: &Caller, client: Option<IpAddr>, what: &str, why: String) -> ApiError {
    let client = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let at = fanzha_model::Ts::now().0;
    let detail = format!("{why}; client {client}");
    denials.push(AuditEntry { at, actor: caller.actor(), action: "api.denied".into(), object: what.into(), detail });
    ApiError::new(StatusCode::FORBIDDEN, why)
}

/// Audits an action by `caller` before it is done; if the entry cannot be stored the action must
/// not happen (500).
pub fn audit_first(
    gate: &dyn Gate,
    caller: &Caller,
    action: &str,
    object: &str,
    detail: String,
) -> Result<(), ApiError> {
    let entry = AuditEntry {
        at: fanzha_model::Ts::now().0,
        actor: caller.actor(),
        action: action.into(),
        object: object.into(),
        detail,
    };
    gate.audit(std::slice::from_ref(&entry)).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("not done: the audit trail could not be written ({e})"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_alike_refusals_is_one_entry_with_a_count() {
        let e = |actor: &str, detail: &str| AuditEntry {
            at: 1,
            actor: actor.into(),
            action: "api.denied".into(),
            object: "lists.add".into(),
            detail: detail.into(),
        };
        let calls = vec![
            e("anonymous", "no key; client 1"),
            e("apikey:2", "scope"),
            e("anonymous", "no key; client 1"),
            e("anonymous", "no key; client 1"),
        ];
        let written = coalesce(&calls);
        assert_eq!(written.len(), 2);
        assert_eq!(written[0].detail, "no key; client 1 (×3)");
        assert_eq!(written[1].detail, "scope");
    }

    #[test]
    fn scopes_parse_and_name_themselves() {
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.as_str()));
        }
        assert_eq!(Scope::parse_list("record, check,check").unwrap(), [Scope::Check, Scope::Record]);
        assert!(Scope::parse_list("check,admin").unwrap_err().contains("'admin'"));
    }

    #[test]
    fn bearer_keys_are_read_from_the_header() {
        let key = |v: &str| bearer(&HeaderValue::from_str(v).unwrap()).map(String::from);
        assert_eq!(key("Bearer  fzk_abc ").as_deref(), Some("fzk_abc"));
        assert_eq!(key("bearer fzk_abc").as_deref(), Some("fzk_abc"));
        assert_eq!(key("Basic dXNlcg=="), None);
        assert_eq!(key("bearer "), None);
        assert_eq!(key("fzk_abc"), None);
    }
}
