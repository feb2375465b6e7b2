//! Search and the account page: find an account, a transfer, a holder, a phone number or a case
//! from one box, and see one account whole — who holds it, how risky it looks now and why, the
//! lists it is on, the holder's other accounts, the cases and alerts it appears in, what the public
//! reported about it, and its latest transfers with links to each counterparty.

// A refusal is the finished response; see `routes`.
#![allow(clippy::result_large_err)]

use crate::db::{Alert, Case};
use crate::routes::{html, now, reading, refused, see_other, server_error, PageQuery, Viewer, CASE_READERS};
use crate::{pages, Console};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use fanzha_check::lists::{Entry, EntryKind};
use fanzha_check::lookup::PublicReport;
use fanzha_graph::EdgeIx;
use fanzha_model::{AccountIx, Ledger, Ts};
use fanzha_server::risk::AccountRisk;
use fanzha_storage::Store;
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

/// Accounts whose id contains the text searched, at most.
const ACCOUNT_HITS: usize = 50;
/// Transfers shown on an account page (the latest, in and out).
const TRANSFERS_SHOWN: usize = 50;

/// The search box's query.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// What was typed.
    pub q: String,
}

/// One account found.
pub struct AccountHit {
    /// Account id.
    pub id: String,
    /// Bank code.
    pub bank: Option<String>,
    /// Masked holder.
    pub holder: Option<String>,
}

/// One transfer, as a row of a search or an account page.
pub struct TransferRow {
    /// Transaction id.
    pub txn: String,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// Payer (`None`: cash).
    pub from: Option<String>,
    /// Payee (`None`: cash).
    pub to: Option<String>,
    /// Amount in fen.
    pub amount_fen: i64,
    /// Channel, if known.
    pub channel: Option<&'static str>,
}

/// What one search found.
#[derive(Default)]
pub struct Found {
    /// Accounts: the one named, the holder's, or those whose id contains the text.
    pub accounts: Vec<AccountHit>,
    /// The transfer named.
    pub transfers: Vec<TransferRow>,
    /// Cases whose title, victim or reported transfers contain the text.
    pub cases: Vec<Case>,
    /// List entries for the text as an account, phone number or URL.
    pub listed: Vec<Entry>,
    /// Public reports about it.
    pub reports: Vec<PublicReport>,
}

/// Everything the account page shows.
pub struct AccountView {
    /// The account and its risk, as `GET /v1/accounts/{id}/risk` answers it.
    pub risk: AccountRisk,
    /// The holder's other accounts.
    pub siblings: Vec<AccountHit>,
    /// The latest transfers in and out, newest first.
    pub transfers: Vec<TransferRow>,
    /// Cases it appears in.
    pub cases: Vec<Case>,
    /// Alerts about it.
    pub alerts: Vec<Alert>,
}

fn hit(ledger: &Ledger, a: AccountIx) -> AccountHit {
    let account = ledger.account(a);
    AccountHit {
        id: ledger.account_id(a).to_string(),
        bank: account.bank.map(|b| ledger.bank_code(b).to_string()),
        holder: account.holder.as_ref().map(|h| h.masked.to_string()),
    }
}

fn transfer_row(ledger: &Ledger, t: fanzha_model::TransferIx) -> TransferRow {
    let x = ledger.transfer(t);
    TransferRow {
        txn: ledger.txn_id(t).to_string(),
        ts: x.ts.0,
        from: x.from.map(|a| ledger.account_id(a).to_string()),
        to: x.to.map(|a| ledger.account_id(a).to_string()),
        amount_fen: x.amount.0,
        channel: x.channel.map(|c| c.as_str()),
    }
}

/// Whether `q` reads as a mainland identity number (15 or 18 characters, digits and a final X).
fn looks_like_identity(q: &str) -> bool {
    let n = q.chars().count();
    (n == 15 || n == 18) && q.char_indices().all(|(i, c)| c.is_ascii_digit() || (i == n - 1 && matches!(c, 'X' | 'x')))
}

/// `GET /console/search?q=…`: an account's exact id goes straight to its page.
pub async fn search(State(c): Shared, headers: HeaderMap, Query(q): Query<SearchQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "search") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let q: String = q.q.trim().chars().take(64).collect();
    if q.is_empty() {
        return html(StatusCode::OK, pages::search(v.lang, &v.user, &v.csrf, "", &Found::default()));
    }
    if let Err(e) = c.db().audit(now(), &v.user.name, "search", "search", &q) {
        return server_error(e);
    }
    let mut found = Found::default();
    {
        let Ok(live) = c.api.read_live() else { return server_error(fanzha_server::Poisoned) };
        let ledger = live.store.ledger();
        if let Some(a) = ledger.account_ix(&q) {
            found.accounts.push(hit(ledger, a));
        }
        if let Some(t) = ledger.txn_ix(&q) {
            found.transfers.push(transfer_row(ledger, t));
        }
        if looks_like_identity(&q) {
            // Holders are stored as salted digests: the number typed is hashed the same way.
            let digest = live.store.salt().holder(&q).digest;
            found.accounts.extend(live.checker.holder_accounts(&digest).iter().map(|&a| hit(ledger, a)));
        } else if q.chars().count() >= 4 && found.accounts.is_empty() {
            let ids = (0..ledger.accounts().len()).map(AccountIx::of).filter(|&a| ledger.account_id(a).contains(&q));
            found.accounts.extend(ids.take(ACCOUNT_HITS).map(|a| hit(ledger, a)));
        }
        for kind in [EntryKind::Account, EntryKind::Phone, EntryKind::Url] {
            found.listed.extend(live.checker.lists.history(kind, &q).into_iter().cloned());
        }
        found.reports = live.reports.find(None, Some(&q), None, 20).into_iter().cloned().collect();
    }
    match c.db().search_cases(&q) {
        Ok(cases) => found.cases = cases,
        Err(e) => return server_error(e),
    }
    // An account's exact id goes to its page (which lists its cases), unless it is a transaction id too.
    if found.transfers.is_empty() && found.accounts.iter().any(|a| a.id == q) {
        return see_other(&format!("{}{}", crate::routes::ACCOUNT_PAGES, crate::routes::url_encode(&q)));
    }
    html(StatusCode::OK, pages::search(v.lang, &v.user, &v.csrf, &q, &found))
}

/// `GET /console/accounts/{id}`: one account whole (viewing it is audited: it shows personal data).
pub async fn account(State(c): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "account") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let view = match account_view(&c, &v, &id) {
        Ok(view) => view,
        Err(r) => return r,
    };
    html(StatusCode::OK, pages::account(v.lang, &v.user, &v.csrf, &view))
}

/// `GET /console/reports[?page=N]`: what the public reported (一键举报), newest first, each value
/// linked to a search for it (audited: reports name phone numbers and accounts).
pub async fn reports(State(c): Shared, headers: HeaderMap, Query(q): Query<PageQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "reports") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let page = q.page();
    let (skip, rows) = (page.number.saturating_mul(page.rows), page.rows);
    let shown: Vec<PublicReport> = {
        let Ok(live) = c.api.read_live() else { return server_error(fanzha_server::Poisoned) };
        let until = usize::try_from(skip.saturating_add(rows)).unwrap_or(usize::MAX);
        let newest = live.reports.find(None, None, None, until);
        newest.into_iter().skip(usize::try_from(skip).unwrap_or(usize::MAX)).cloned().collect()
    };
    if let Err(e) = c.db().audit(now(), &v.user.name, "reports.view", "reports", &format!("page {}", page.number)) {
        return server_error(e);
    }
    let nav = pages::pager(v.lang, "/console/reports", "", page, shown.len());
    html(StatusCode::OK, pages::public_reports(v.lang, &v.user, &v.csrf, &shown, nav))
}

fn account_view(c: &Console, v: &Viewer, id: &str) -> Result<AccountView, Response> {
    if let Some(owner) = c.api.owner_elsewhere(id) {
        let zh = format!("该账户的交易在分区 {owner} 的节点上:请在那里打开。");
        let en =
            format!("This account's transfers are held by partition {owner}: open it on a node of that partition.");
        return Err(refused(v, StatusCode::MISDIRECTED_REQUEST, &zh, &en));
    }
    let mut view = {
        let live = c.api.read_live().map_err(server_error)?;
        let ledger = live.store.ledger();
        let Some(risk) = live.account_risk(id, Ts(now())) else {
            return Err(refused(v, StatusCode::NOT_FOUND, "没有这个账户。", "There is no such account."));
        };
        let a = ledger.account_ix(id).expect("the store holds the account it gave the risk of");
        let graph = live.graph();
        let mut edges: Vec<u32> = graph.in_edges(a).iter().chain(graph.out_edges(a)).copied().collect();
        edges.sort_unstable_by(|x, y| y.cmp(x));
        edges.dedup();
        let transfers =
            edges.iter().take(TRANSFERS_SHOWN).map(|&e| transfer_row(ledger, graph.edge(EdgeIx(e)).txn)).collect();
        let others = risk.holder.iter().flat_map(|h| &h.other_accounts);
        let siblings = others.filter_map(|x| ledger.account_ix(x)).map(|x| hit(ledger, x)).collect();
        AccountView { risk, siblings, transfers, cases: Vec::new(), alerts: Vec::new() }
    };
    let mut db = c.db();
    db.audit(now(), &v.user.name, "account.view", &format!("account:{id}"), "").map_err(server_error)?;
    view.cases = db.cases_about(id).map_err(server_error)?;
    view.alerts = db.alerts_about(id).map_err(server_error)?;
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_are_told_from_account_ids() {
        assert!(looks_like_identity("42010519900101123X"));
        assert!(looks_like_identity("420105900101123"));
        assert!(!looks_like_identity("6222021234567890"), "16 digits: a card number");
        assert!(!looks_like_identity("4201051990010112X4"), "X only at the end");
        assert!(!looks_like_identity("M1"));
    }
}
