//! The anti-fraud centre's web console, served by `fanzha serve` under `/console`: cases opened from
//! victim reports and traced at once; an alert queue of mule accounts and card farmers flagged by
//! detection, to assign, dismiss with a reason or turn into a case; cases (the flow drawn as a graph, the freeze list by bank), freeze
//! requests drafted per bank, approved by a supervisor and answered by the bank's liaison, with the
//! money saved; roles, sessions, CSRF tokens, a failed-login limit, and an append-only audit log of
//! every view of personal data and every action. Pages are rendered on the server (no JavaScript).
//!
//! The public side (`/public`: is this message a scam, risk lookup, report a scam) needs no account
//! and is rate-limited per address.
//!
//! State lives in SQLite (`DIR/console.sqlite`, [`db`]); users are managed from the terminal
//! (`fanzha user add|list|disable`).
#![deny(missing_docs)]

pub mod alerts;
pub mod audit;
pub mod auth;
mod cases;
pub mod dashboard;
pub mod db;
mod entity;
mod freeze;
pub mod i18n;
pub mod keys;
mod lists;
pub mod pages;
mod public;
mod routes;
pub mod sql;

use axum::routing::{get, post};
use axum::Router;
use db::NewAlert;
use fanzha_server::Notice;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

pub use cases::{forward, open_case, NewCase, OpenError};
pub use freeze::{approve_request, draft_requests};

/// The console database file inside a store directory.
pub const DB_FILE: &str = "console.sqlite";

/// Opens the console database: PostgreSQL when `url` is given (`postgres://…`), otherwise the SQLite
/// file in the store directory `dir`.
pub fn open_db(dir: &Path, url: Option<&str>) -> sql::DbResult<db::Db> {
    match url {
        Some(u) => db::Db::open_postgres(u, None),
        None => db::Db::open(&dir.join(DB_FILE)),
    }
}

/// The API's gate (keys, audit trail) over its own connection to the console database (see
/// [`open_db`]).
pub fn open_gate(dir: &Path, url: Option<&str>) -> sql::DbResult<keys::DbGate> {
    open_db(dir, url).map(|db| keys::DbGate::new(db, Some(dir)))
}

/// The console's state next to the API's.
pub struct Console {
    /// The API state (store, checker): cases trace over its ledger.
    pub api: Arc<fanzha_server::App>,
    db: Mutex<db::Db>,
    /// Mark cookies `Secure` (serve behind HTTPS).
    pub secure_cookies: bool,
    logins: auth::LoginLimiter,
}

impl Console {
    /// The console over an opened database (see [`open_db`]).
    pub fn new(api: Arc<fanzha_server::App>, db: db::Db, secure_cookies: bool) -> Console {
        Console { api, db: Mutex::new(db), secure_cookies, logins: auth::LoginLimiter::default() }
    }

    /// Raises an alert for every transfer check the API answers `hold` or `block` and every public
    /// report it takes in (`POST /v1/reports`), from now on. The API only queues the notice; a
    /// background thread writes queued alerts in batches, one transaction each, so a held check
    /// does not wait for the disk.
    pub fn listen(self: &Arc<Self>) {
        let (queue, queued) = std::sync::mpsc::channel::<Notice>();
        let me = Arc::downgrade(self);
        std::thread::spawn(move || {
            while let Ok(first) = queued.recv() {
                let notices: Vec<Notice> = std::iter::once(first).chain(queued.try_iter().take(9_999)).collect();
                let Some(console) = me.upgrade() else { return };
                let batch: Vec<NewAlert> = notices.into_iter().map(|n| console.alert_of(n)).collect();
                let at = fanzha_model::Ts::now().0;
                let saved = console.db().raise_alerts(&batch, at);
                if let Err(e) = saved {
                    eprintln!("console: {} alert(s) of held transfers or public reports not saved: {e}", batch.len());
                }
            }
        });
        let _ = self.api.on_notice.set(Box::new(move |n: Notice| {
            let _ = queue.send(n);
        }));
    }

    /// The alert of a notice from the API.
    fn alert_of(&self, n: Notice) -> NewAlert {
        match n {
            Notice::Held(h) => held_alert(h),
            Notice::Reported(r) => public::report_alert(&r, &self.api.text),
        }
    }

    /// The database (one connection, used briefly per request).
    pub fn db(&self) -> MutexGuard<'_, db::Db> {
        self.db.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The alert of a held transfer check: about the payee's bank and province, with the typology of
/// the heaviest rule that names one.
fn held_alert(h: fanzha_server::HeldCheck) -> NewAlert {
    let subject = format!(
        "{} → {} ¥{}{}",
        h.from.as_deref().unwrap_or("现金"),
        h.to.as_deref().unwrap_or("现金"),
        i18n::yuan(h.amount_fen),
        h.txn_id.map(|t| format!(" ({t})")).unwrap_or_default()
    );
    let reasons: Vec<(&str, &str)> =
        h.verdict.reasons.iter().map(|r| (r.message_zh.as_str(), r.message_en.as_str())).collect();
    let json = serde_json::to_string(&reasons).expect("strings serialize");
    NewAlert {
        bank: h.payee_bank,
        province: h.payee_province.map(i64::from),
        typology: h.verdict.typology.clone(),
        ..NewAlert::new("transfer", &subject, h.verdict.score, &json)
    }
}

/// The console's routes.
pub fn router(console: Arc<Console>) -> Router {
    Router::new()
        // The root is the console's front door (a public visitor follows its link to /public).
        .route("/", get(routes::landing))
        .route("/console", get(routes::home))
        .route("/console/login", get(routes::login_page).post(routes::login))
        .route("/console/logout", post(routes::logout))
        .route("/console/lang", get(routes::set_lang))
        .route("/console/cases", get(cases::list).post(cases::create))
        .route("/console/cases.csv", get(cases::export))
        .route("/console/cases/new", get(cases::new_page))
        .route("/console/cases/{id}", get(cases::show))
        .route("/console/cases/{id}/status", post(cases::change))
        .route("/console/cases/{id}/freeze", post(freeze::create))
        .route("/console/requests", get(freeze::list))
        .route("/console/requests/{id}", get(freeze::show))
        .route("/console/requests/{id}/notice", get(freeze::notice))
        .route("/console/requests/{id}/notice.csv", get(freeze::notice_csv))
        .route("/console/requests/{id}/approve", post(freeze::approve))
        .route("/console/requests/{id}/outcome", post(freeze::outcome))
        .route("/console/search", get(entity::search))
        .route("/console/accounts/{id}", get(entity::account))
        .route("/console/reports", get(entity::reports))
        .route("/console/audit", get(routes::audit))
        .route("/console/audit.csv", get(routes::audit_export))
        .route("/console/dashboard", get(routes::dashboard))
        .route("/console/lists", get(lists::page).post(lists::add))
        .route("/console/lists/remove", post(lists::remove))
        .route("/console/punishments", post(lists::punish))
        .route("/console/punishments/{id}/appeal", post(lists::appeal))
        .route("/console/alerts", get(alerts::queue))
        .route("/console/alerts.csv", get(alerts::export))
        .route("/console/alerts/refresh", post(alerts::refresh))
        .route("/console/alerts/bulk", post(alerts::bulk))
        .route("/console/alerts/{id}/{action}", post(alerts::one))
        .route("/public", get(public::home))
        .route("/public/check", post(public::check))
        .route("/public/lookup", get(public::find))
        .route("/public/report", post(public::report))
        .with_state(console)
}
