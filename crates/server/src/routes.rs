//! The handlers: thin wrappers that parse, lock, call the typed core in `fanzha-check`, and answer.

use crate::access::{audit_first, forbid, Caller, Scope};
use crate::error::{parse, ApiError};
use crate::partitions::{Question, TraceFailure};
use crate::state::{App, HeldCheck, ListsChangeError, ListsChanged, Notice};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use fanzha_check::lists::{Entry, EntryKind, ListChange, ListName};
use fanzha_check::lookup::PublicReport;
use fanzha_check::request::{Checked, TransferRequest};
use fanzha_check::{Subject, Verdict};
use fanzha_model::{Account, Event, Ts};
use fanzha_storage::Store;
use fanzha_trace::{AcrossError, RequestError, TraceRequest};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

type Shared = State<Arc<App>>;

fn counted<T>(app: &App, r: Result<T, ApiError>) -> Result<T, ApiError> {
    if r.as_ref().is_err_and(|e| e.status.is_client_error()) {
        app.metrics.rejected();
    }
    r
}

/// `POST /v1/transfers/check`: the verdict for a transfer before it executes. On a partitioned node
/// the payee's partition answers (the payer's, without a payee), asked over NATS when it is another.
pub async fn check(State(app): Shared, client: Client, body: Bytes) -> Result<Response, ApiError> {
    app.authorize(&client, Scope::Check, "transfers.check")?;
    let started = Instant::now();
    let req: TransferRequest = counted(&app, parse(&body))?;
    let checked = counted(&app, req.validate(app.horizon()).map_err(ApiError::from))?;
    if let Some(owner) = checked.to.or(checked.from).and_then(|id| app.owner_elsewhere(id)) {
        let request = serde_json::from_slice(&body).expect("the body parsed above");
        return app.forward(owner, &Question::Check { request }).await;
    }
    Ok(Json(counted(&app, check_held(&app, &req, checked, started).await)?).into_response())
}

/// Checks `req` (`checked`: it validated; `started`: when the check was asked, for the latency
/// metric) on this node, which holds the payee's transfers (every transfer, unless partitioned); on
/// a partitioned node the payer's part ([`fanzha_check::PayerPart`]) comes from the payer's partition.
pub(crate) async fn check_held(
    app: &App,
    req: &TransferRequest,
    checked: Checked<'_>,
    started: Instant,
) -> Result<Verdict, ApiError> {
    let payer_part = match checked.from.and_then(|id| Some((id, app.owner_elsewhere(id)?))) {
        Some((id, owner)) => Some(app.payer_part(owner, id, checked.to, checked.transfer.ts).await?),
        None => None,
    };
    let rules = app.rules.current();
    let live = app.read_live()?;
    let ledger = live.store.ledger();
    let mut transfer = checked.transfer;
    transfer.from = checked.from.and_then(|id| ledger.account_ix(id));
    transfer.to = checked.to.and_then(|id| ledger.account_ix(id));
    let subject = Subject {
        transfer: &transfer,
        from_id: checked.from,
        to_id: checked.to,
        payer: req.payer.as_ref(),
        payer_part,
    };
    let mut env = live.checker.env();
    let verdict = live.checker.check(ledger, &rules, &subject, &mut env);
    let payee = transfer.to.map(|a| ledger.account(a));
    let payee_bank = payee.and_then(|p| p.bank).map(|b| ledger.bank_code(b).to_string());
    let payee_province = payee.and_then(|p| p.open_region).map(|r| r.code() / 10_000);
    drop(live);
    app.metrics.check(verdict.verdict, started.elapsed());
    if verdict.verdict >= fanzha_check::Decision::Hold {
        if let Some(tell) = app.on_notice.get() {
            tell(Notice::Held(HeldCheck {
                txn_id: checked.txn_id.map(String::from),
                from: checked.from.map(String::from),
                to: checked.to.map(String::from),
                amount_fen: transfer.amount.0,
                payee_bank,
                payee_province,
                verdict: verdict.clone(),
            }));
        }
    }
    Ok(verdict)
}

/// `POST /v1/transfers`: records an executed transfer (durable before the answer), so that
/// features stay current. The paying account must be held at the caller's bank (for a deposit, the
/// receiving one); one the store has no bank for is recorded as held there. Unknown payees are
/// added as external accounts. On a node that follows a stream (`fanzha serve --follow`) the
/// transfer is published to the stream instead, after the same checks, and answered 202 with the
/// stream sequence that holds it (ask for it with `Fanzha-Min-Sequence` to read it back).
pub async fn record(State(app): Shared, client: Client, body: Bytes) -> Result<impl IntoResponse, ApiError> {
    let caller = app.authorize(&client, Scope::Record, "transfers.record")?;
    let req: TransferRequest = counted(&app, parse(&body))?;
    let r = match counted(&app, record_inner(&app, &caller, app.client_ip(&client), &req))? {
        Recording::Answered(answer) => answer,
        Recording::Publish { bank, txn_id, record } => {
            let js = app.stream.get().and_then(|f| f.jetstream()).ok_or_else(|| {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "this node is not connected to its stream yet; retry")
            })?;
            let kind = fanzha_ingest::RecordKind::Transfer;
            let sequence = fanzha_stream::publish_record(&js, kind, &bank, &txn_id, &record)
                .await
                .map_err(|e| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
            (StatusCode::ACCEPTED, Json(json!({"published": txn_id, "sequence": sequence})))
        }
    };
    app.metrics.recorded();
    Ok(r)
}

/// What a record request comes to.
enum Recording {
    /// Answered here (recorded, or an unchanged retry).
    Answered((StatusCode, Json<serde_json::Value>)),
    /// Checked, to be published to the stream the node follows: the bank's subject, the id, and
    /// the record in the interchange keys.
    Publish { bank: String, txn_id: String, record: serde_json::Map<String, serde_json::Value> },
}

fn record_inner(
    app: &App,
    caller: &Caller,
    client: Option<std::net::IpAddr>,
    req: &TransferRequest,
) -> Result<Recording, ApiError> {
    let checked = req.validate(app.horizon())?;
    let Some(txn_id) = checked.txn_id else {
        return Err(ApiError::field(StatusCode::BAD_REQUEST, "txn_id", "required to record a transfer"));
    };
    if req.ts.is_none() {
        return Err(ApiError::field(StatusCode::BAD_REQUEST, "ts", "required to record a transfer"));
    }
    let Some(bank) = caller.bank.as_deref() else {
        return Err(forbid(
            &app.denials,
            caller,
            client,
            "transfers.record",
            "a key without a bank cannot record transfers".into(),
        ));
    };
    let paying = if checked.transfer.kind == fanzha_model::TransferKind::Deposit { checked.to } else { checked.from };
    let paying = paying.expect("validated: the paying side of the kind is present");
    let detail = format!(
        "{} -> {}, {} fen",
        checked.from.unwrap_or("cash"),
        checked.to.unwrap_or("cash"),
        checked.transfer.amount.0
    );
    audit_first(&*app.gate, caller, "api.record", &format!("txn:{txn_id}"), detail)?;
    let mut guard = app.write_live()?;
    let live = &mut *guard;
    let ledger = live.store.ledger();
    let paying_ix = ledger.account_ix(paying);
    let held_at = paying_ix.and_then(|ix| ledger.account(ix).bank).map(|b| ledger.bank_code(b).to_string());
    let refusal = match (held_at.as_deref(), paying_ix) {
        (Some(other), _) if other != bank => Some(format!(
            "account '{paying}' is held at {other}; a key of {bank} records only its own bank's transfers"
        )),
        (None, Some(_)) => Some(format!(
            "account '{paying}' is known only as a counterparty, with no bank on record; its bank's account data \
             (`fanzha ingest --accounts`) must name it before transfers from it are recorded"
        )),
        _ => None,
    };
    if let Some(why) = refusal {
        return Err(forbid(&app.denials, caller, client, "transfers.record", why));
    }
    if let Some(ix) = ledger.txn_ix(txn_id) {
        // Another bank's transfer under this id: say no more, or the answers would describe it.
        let stored = ledger.transfer(ix);
        let stored_paying = if stored.kind == fanzha_model::TransferKind::Deposit { stored.to } else { stored.from };
        if stored_paying.and_then(|a| ledger.account(a).bank).map(|b| ledger.bank_code(b)) != Some(bank) {
            return Err(ApiError::field(
                StatusCode::CONFLICT,
                "txn_id",
                format!("'{txn_id}' is taken by another bank's transfer"),
            ));
        }
        // A retry of the same transfer is answered as recorded; anything else under the id conflicts.
        let differences = ledger.transfer_differences(ix, &checked.transfer, checked.from, checked.to);
        if differences.is_empty() {
            return Ok(Recording::Answered((StatusCode::OK, Json(json!({"recorded": txn_id, "unchanged": true})))));
        }
        return Err(ApiError::field(
            StatusCode::CONFLICT,
            "txn_id",
            format!("'{txn_id}' is already recorded with different {}", differences.join(", ")),
        ));
    }
    // Banks' clocks differ by up to the skew: a record that much earlier than the latest is taken
    // (the live features see it at the latest time); one earlier still is late history.
    let skew = app.config.max_skew_secs;
    if let Some(latest) = live.latest.filter(|&l| checked.transfer.ts.0 < l.0.saturating_sub(skew)) {
        return Err(ApiError::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "ts",
            format!(
                "more than {skew} s earlier than the latest recorded transfer ({latest}); load late history with `fanzha ingest`"
            ),
        ));
    }
    if app.stream.get().is_some() {
        if paying_ix.is_none() {
            let why = format!(
                "account '{paying}' is not known to this node; on a node that follows a stream its bank publishes the \
                 account (fanzha.accounts.{bank}) before its transfers"
            );
            return Err(forbid(&app.denials, caller, client, "transfers.record", why));
        }
        let mut record = serde_json::to_value(req).expect("a request serializes");
        let serde_json::Value::Object(record) = record.take() else { unreachable!("a struct is an object") };
        let record = record.into_iter().filter(|(k, v)| !v.is_null() && k != "payer").collect();
        return Ok(Recording::Publish { bank: bank.to_string(), txn_id: txn_id.to_string(), record });
    }
    let internal = |e: fanzha_storage::StoreError| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    if paying_ix.is_none() {
        // First claim: an account the store did not know is recorded as held at the caller's bank.
        if live.store.ledger().bank_ix(bank).is_none() {
            live.store.stage(Event::Bank { code: bank.into() }).map_err(internal)?;
        }
        let account = Account { bank: live.store.ledger().bank_ix(bank), ..Account::internal() };
        live.store.stage(Event::Account { id: paying.into(), account }).map_err(internal)?;
    }
    let mut transfer = checked.transfer;
    for (id, slot) in [(checked.from, &mut transfer.from), (checked.to, &mut transfer.to)] {
        if let Some(id) = id {
            if live.store.ledger().account_ix(id).is_none() {
                live.store.stage(Event::Account { id: id.into(), account: Account::external() }).map_err(internal)?;
            }
            *slot = live.store.ledger().account_ix(id);
        }
    }
    live.store.stage(Event::Transfer { txn_id: txn_id.into(), transfer }).map_err(internal)?;
    // Nothing is acknowledged before it is durable; a failed commit poisons the store, and the
    // server must be restarted to recover the committed state.
    live.store.commit().map_err(internal)?;
    let ix = live.store.ledger().txn_ix(txn_id).expect("just committed");
    live.record_committed(ix);
    Ok(Recording::Answered((StatusCode::CREATED, Json(json!({"recorded": txn_id})))))
}

/// `GET /healthz`.
pub async fn healthz(State(app): Shared) -> Result<impl IntoResponse, ApiError> {
    let live = app.read_live()?;
    let transfers = live.store.ledger().transfers().len();
    Ok(Json(json!({"status": "ok", "transfers": transfers, "rule_version": app.rules.current().version()})))
}

/// `GET /metrics` (Prometheus text format).
pub async fn metrics(State(app): Shared, client: Client) -> Result<impl IntoResponse, ApiError> {
    app.authorize(&client, Scope::Metrics, "metrics")?;
    let transfers = app.live.read().map(|l| l.store.ledger().transfers().len()).unwrap_or(0);
    let text = app.metrics.render(transfers, app.rules.current().version());
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text))
}

/// `GET /v1/stats`: what the node's store holds (the JSON of `fanzha stats --json`), and on a node
/// that follows a stream, `stream_sequence`: the counts reflect at least that sequence (read first).
pub async fn stats(State(app): Shared, client: Client) -> Result<impl IntoResponse, ApiError> {
    app.authorize(&client, Scope::Metrics, "stats")?;
    let sequence = app.stream.get().map(|f| f.sequence.load(std::sync::atomic::Ordering::Acquire));
    let live = app.read_live()?;
    let stats = fanzha_model::LedgerStats::of(live.store.ledger());
    drop(live);
    let mut answer = serde_json::to_value(stats).expect("counts serialize");
    if let Some(n) = sequence {
        answer["stream_sequence"] = json!(n);
    }
    if let Some(p) = app.stream.get().and_then(|f| f.partition) {
        answer["partition"] = json!(p.to_string());
    }
    Ok(Json(answer))
}

/// `POST /v1/traces`: a trace (the JSON of `fanzha trace --json`, schema `fanzha.trace.v1` forward
/// or `fanzha.provenance.v1` backward) of the request's transfers or account, over the node's
/// store as it stands (on a following node, at least the sequence in `Fanzha-Stream-Sequence`).
pub async fn trace(
    State(app): Shared,
    client: Client,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let caller = app.authorize(&client, Scope::Investigate, "traces")?;
    let req: TraceRequest = counted(&app, parse(&body))?;
    let what: Vec<&str> = req.account.iter().chain(&req.txns).map(String::as_str).collect();
    let direction = if req.backward { "backward" } else { "forward" };
    let detail = format!("{direction} {}, policy {}", what.join(","), req.policy);
    audit_first(&*app.gate, &caller, "api.trace", "traces", detail)?;
    let wanted = headers.get(crate::follow::MIN_SEQUENCE_HEADER).and_then(|v| v.to_str().ok()?.trim().parse().ok());
    let traced = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || app.trace(&req, wanted)).await
    };
    let answer = traced.map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?.map_err(|e| {
        let status = match &e {
            TraceFailure::Across(AcrossError::Request(
                RequestError::UnknownTxns(_) | RequestError::UnknownAccount(_),
            )) => StatusCode::NOT_FOUND,
            TraceFailure::Across(AcrossError::Request(_)) => StatusCode::UNPROCESSABLE_ENTITY,
            TraceFailure::Across(AcrossError::Unreachable { .. }) => StatusCode::SERVICE_UNAVAILABLE,
            TraceFailure::Poisoned(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, e.to_string())
    });
    Ok(Json(counted(&app, answer)?))
}

/// `GET /v1/accounts/{id}/risk`: the account's risk as it stands ([`crate::risk::AccountRisk`]).
pub async fn account_risk(State(app): Shared, client: Client, Path(id): Path<String>) -> Result<Response, ApiError> {
    let caller = app.authorize(&client, Scope::Investigate, "accounts.risk")?;
    audit_first(&*app.gate, &caller, "api.account.risk", &format!("account:{id}"), String::new())?;
    if let Some(owner) = app.owner_elsewhere(&id) {
        return app.forward(owner, &Question::Risk { account: id }).await;
    }
    Ok(Json(counted(&app, app.account_risk(&id))?).into_response())
}

/// `GET /openapi.json`.
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], crate::openapi::document())
}

/// `GET /v1/rules`: the rule set's version and rules, and the variables rules may use.
pub async fn rules(State(app): Shared, client: Client) -> Result<impl IntoResponse, ApiError> {
    app.authorize(&client, Scope::RulesRead, "rules")?;
    let set = app.rules.current();
    let live = app.read_live()?;
    let rules: Vec<_> = set
        .rules()
        .iter()
        .map(|r| {
            json!({"id": r.id(), "verdict": r.verdict().as_str(), "weight": r.weight(), "typology": r.typology(), "when": r.when().source()})
        })
        .collect();
    Ok(Json(json!({"version": set.version(), "rules": rules, "variables": live.checker.schema().vars()})))
}

/// Query of `GET /v1/lists`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Only this kind.
    kind: Option<EntryKind>,
    /// Only this value.
    value: Option<String>,
}

/// `GET /v1/lists[?kind=&value=]`: every list line (history included), oldest first.
pub async fn lists(
    State(app): Shared,
    client: Client,
    Query(q): Query<ListQuery>,
) -> Result<impl IntoResponse, ApiError> {
    app.authorize(&client, Scope::ListsRead, "lists")?;
    let live = app.read_live()?;
    let entries: Vec<&Entry> = live
        .checker
        .lists
        .entries()
        .iter()
        .filter(|e| q.kind.is_none_or(|k| e.kind == k) && q.value.as_ref().is_none_or(|v| &e.value == v))
        .collect();
    Ok(Json(json!({"entries": entries})))
}

/// `POST /v1/lists`: adds an entry (durable before the answer; on a node that follows a stream,
/// published for every node and answered 202 with the sequence).
pub async fn add_list_entry(State(app): Shared, client: Client, body: Bytes) -> Result<impl IntoResponse, ApiError> {
    let caller = app.authorize(&client, Scope::ListsWrite, "lists.add")?;
    let entry: Entry = counted(&app, parse(&body))?;
    let change = ListChange::Add { entry };
    counted(&app, change.validate().map_err(list_error))?;
    let ListChange::Add { entry } = &change else { unreachable!("built above") };
    let detail = format!("{} {} {}: {}", entry.list.as_str(), entry.kind.as_str(), entry.value, entry.reason);
    audit_first(&*app.gate, &caller, "api.lists.add", "lists", detail)?;
    match counted(&app, app.change_lists(change).await.map_err(lists_error))? {
        ListsChanged::Applied(_) => Ok((StatusCode::CREATED, Json(json!({"added": true})))),
        ListsChanged::Published(n) => Ok((StatusCode::ACCEPTED, Json(json!({"published": true, "sequence": n})))),
    }
}

/// Body of `POST /v1/lists/remove`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Removal {
    pub(crate) list: ListName,
    pub(crate) kind: EntryKind,
    pub(crate) value: String,
    pub(crate) source: String,
    /// When it stops applying (RFC 3339; default: now).
    #[serde(default, with = "fanzha_model::rfc3339::option")]
    pub(crate) at: Option<i64>,
}

/// `POST /v1/lists/remove`: closes the open entries for a value (history is kept).
pub async fn remove_list_entry(State(app): Shared, client: Client, body: Bytes) -> Result<impl IntoResponse, ApiError> {
    let caller = app.authorize(&client, Scope::ListsWrite, "lists.remove")?;
    let r: Removal = counted(&app, parse(&body))?;
    let detail = format!("{} {} {} ({})", r.list.as_str(), r.kind.as_str(), r.value, r.source);
    let at = r.at.unwrap_or_else(|| Ts::now().0);
    let change = ListChange::Remove { list: r.list, kind: r.kind, value: r.value, at, source: r.source };
    counted(&app, change.validate().map_err(list_error))?;
    audit_first(&*app.gate, &caller, "api.lists.remove", "lists", detail)?;
    match counted(&app, app.change_lists(change).await.map_err(lists_error))? {
        ListsChanged::Applied(closed) => Ok((StatusCode::OK, Json(json!({"closed": closed})))),
        ListsChanged::Published(n) => Ok((StatusCode::ACCEPTED, Json(json!({"published": true, "sequence": n})))),
    }
}

/// A change to the lists that was not made, as an answer.
fn lists_error(e: ListsChangeError) -> ApiError {
    match e {
        ListsChangeError::List(e) => list_error(e),
        ListsChangeError::NotConnected | ListsChangeError::Stream(_) => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string())
        }
        ListsChangeError::Poisoned => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// A list or report file error as an answer: 400 for an invalid entry (naming its field), 500 for
/// a store failure.
fn list_error(e: fanzha_check::lists::ListError) -> ApiError {
    match e {
        fanzha_check::lists::ListError::Invalid(m) => {
            let field = m.split(':').next().filter(|f| !f.contains(' ')).unwrap_or("value").to_string();
            ApiError::field(StatusCode::BAD_REQUEST, field, m)
        }
        other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
    }
}

/// Body of `POST /v1/texts/analyze`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TextBody {
    pub(crate) text: String,
}

/// Who is calling, as far as the request tells: the peer's address (when serving a socket), the
/// `X-Forwarded-For` values (believed only from a trusted proxy, see [`App::client_ip`]) and the
/// `Authorization` value. An extractor that copies only these, not every header.
pub struct Client {
    /// The peer's address.
    pub peer: Option<SocketAddr>,
    /// The `X-Forwarded-For` values, in order.
    pub forwarded: Vec<axum::http::HeaderValue>,
    /// The `Authorization` value.
    pub authorization: Option<axum::http::HeaderValue>,
}

impl Client {
    /// The bearer key, if the request carries one.
    pub fn key(&self) -> Option<&str> {
        self.authorization.as_ref().and_then(crate::access::bearer)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Client, Self::Rejection> {
        let peer = ConnectInfo::<SocketAddr>::from_request_parts(parts, state).await.ok().map(|c| c.0);
        let forwarded = parts.headers.get_all("x-forwarded-for").iter().cloned().collect();
        let authorization = parts.headers.get(header::AUTHORIZATION).cloned();
        Ok(Client { peer, forwarded, authorization })
    }
}

fn limited(app: &App, client: &Client) -> Result<(), ApiError> {
    if app.public_allowed(client) {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too many requests from this address; try again in a minute"))
    }
}

/// `POST /v1/texts/analyze`: typology, probability, top three, cues and advice for one text. With
/// the second stage on, the analysis runs on a blocking thread, at most one per core; when all are
/// busy the answer is 503 with `Retry-After`.
pub async fn analyze_text(State(app): Shared, client: Client, body: Bytes) -> Result<Response, ApiError> {
    limited(&app, &client)?;
    let b: TextBody = counted(&app, parse(&body))?;
    let r = if app.text.has_encoder() {
        let Ok(slot) = app.text_slots.clone().try_acquire_owned() else {
            let mut busy = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "every slot for the text encoder is busy; retry in a second",
            )
            .into_response();
            busy.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
            return Ok(busy);
        };
        let shared = Arc::clone(&app);
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            shared.text.analyze(&b.text)
        })
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("text analysis failed: {e}")))?
    } else {
        app.text.analyze(&b.text)
    };
    let r = r.map_err(|e| {
        let status = match e {
            fanzha_text::TextError::TooLong { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError::field(status, "text", e.to_string())
    });
    Ok(Json(counted(&app, r)?).into_response())
}

/// Query of `GET /v1/lookup`: exactly one of the three.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupQuery {
    phone: Option<String>,
    url: Option<String>,
    account: Option<String>,
}

/// `GET /v1/lookup?phone=|url=|account=`: lists and public reports about one value.
pub async fn lookup(
    State(app): Shared,
    client: Client,
    Query(q): Query<LookupQuery>,
) -> Result<impl IntoResponse, ApiError> {
    limited(&app, &client)?;
    let given: Vec<(EntryKind, &String)> =
        [(EntryKind::Phone, &q.phone), (EntryKind::Url, &q.url), (EntryKind::Account, &q.account)]
            .into_iter()
            .filter_map(|(k, v)| v.as_ref().filter(|v| !v.trim().is_empty()).map(|v| (k, v)))
            .collect();
    let [(kind, value)] = given[..] else {
        app.metrics.rejected();
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "give exactly one of phone, url, account"));
    };
    let live = app.read_live()?;
    let found = live.lookup(kind, value);
    Ok(Json(serde_json::to_value(found).expect("lookups serialize")))
}

/// Body of `POST /v1/reports`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportBody {
    pub(crate) kind: EntryKind,
    pub(crate) value: String,
    #[serde(default)]
    pub(crate) text: String,
}

/// `POST /v1/reports`: a report from the public (一键举报), stored as evidence (durable before the answer).
pub async fn report(State(app): Shared, client: Client, body: Bytes) -> Result<impl IntoResponse, ApiError> {
    limited(&app, &client)?;
    let b: ReportBody = counted(&app, parse(&body))?;
    let mut live = app.write_live()?;
    let r = PublicReport { kind: b.kind, value: b.value, text: b.text, at: Ts::now().0 };
    let added = live.reports.add(r.clone()).map_err(list_error);
    drop(live);
    counted(&app, added)?;
    // Analysts see it in the console's alert queue.
    if let Some(tell) = app.on_notice.get() {
        tell(Notice::Reported(r));
    }
    Ok((StatusCode::CREATED, Json(json!({"received": true}))))
}

/// Query of `GET /v1/reports`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsQuery {
    /// Only reports of this kind.
    kind: Option<EntryKind>,
    /// Only reports about this value (compared as the lists compare it).
    value: Option<String>,
    /// Only reports received at or after this time (RFC 3339).
    #[serde(default, with = "fanzha_model::rfc3339::option")]
    since: Option<i64>,
    /// At most this many, newest first (default and largest: 500).
    limit: Option<usize>,
}

/// Most public reports one `GET /v1/reports` answers with.
const MAX_REPORTS_LISTED: usize = 500;

/// `GET /v1/reports`: the public's reports for analysts and police systems, newest first.
pub async fn reports(
    State(app): Shared,
    client: Client,
    Query(q): Query<ReportsQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let caller = app.authorize(&client, Scope::ReportsRead, "reports")?;
    let detail = format!("kind {:?} value {:?} since {:?}", q.kind.map(EntryKind::as_str), q.value, q.since);
    audit_first(&*app.gate, &caller, "api.reports.view", "reports", detail)?;
    let live = app.read_live()?;
    let limit = q.limit.unwrap_or(MAX_REPORTS_LISTED).min(MAX_REPORTS_LISTED);
    let found = live.reports.find(q.kind, q.value.as_deref(), q.since.map(Ts), limit);
    Ok(Json(json!({"reports": found})))
}
