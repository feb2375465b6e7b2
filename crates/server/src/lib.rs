//! `fanzha serve`: the HTTP API over a fanzha store, built with axum. Handlers are thin: they
//! authorize ([`access`]), parse, take the lock, call `fanzha-check`, and answer; the OpenAPI
//! document is `src/openapi.json` with request examples built from the handlers' types ([`openapi`]).
//!
//! | route | what | scope |
//! |---|---|---|
//! | `POST /v1/transfers/check` | verdict for a transfer before it executes | `check` |
//! | `POST /v1/transfers` | record an executed transfer of the key's bank (durable before the answer) | `record` |
//! | `GET /v1/rules` | rule set version, rules, and the variables rules may use | `rules:read` |
//! | `GET /v1/lists`, `POST /v1/lists`, `POST /v1/lists/remove` | block and watch lists | `lists:read`, `lists:write` |
//! | `GET /v1/reports` | the public's reports | `reports:read` |
//! | `GET /v1/stats` | what the store holds (as `fanzha stats --json`; on a following node, the stream sequence) | `metrics` |
//! | `POST /v1/traces` | follow reported transfers forward or an account's money backward (as `fanzha trace --json`) | `investigate` |
//! | `GET /v1/accounts/{id}/risk` | an account's mule scores and reasons, lists, reports and holder's other cards | `investigate` |
//! | `POST /v1/texts/analyze` | is this message a scam: typology, cues, advice | public, rate-limited per address |
//! | `GET /v1/lookup?phone=|url=|account=`, `POST /v1/reports` | risk lookup and public reports | public, rate-limited |
//! | `GET /metrics` | Prometheus counters | `metrics` |
//! | `GET /healthz`, `GET /openapi.json` | operations | public |
//!
//! Every error on `/v1` is JSON (`{"error":{"field":…,"message":…}}`), including those the
//! framework raises (413, 404, 405); every answer carries the security headers of [`harden`].
#![deny(missing_docs)]

pub mod access;
mod error;
pub mod follow;
mod metrics;
pub mod openapi;
pub mod partitions;
pub mod risk;
mod routes;
pub mod state;

pub use access::{AuditEntry, Caller, Gate, GateError, Scope};
pub use error::ApiError;
pub use routes::Client;
pub use state::{
    client_key, ApiConfig, App, HeldCheck, ListsChangeError, ListsChanged, Live, Notice, OnNotice, Poisoned,
    RateLimiter, RescoreError, Rules, GRAPH_READERS_WAIT,
};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

/// Largest request body accepted (a long call transcript of `fanzha_text::MAX_CHARS` characters fits).
const MAX_BODY: usize = 256 * 1024;

/// The routes over shared state.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/v1/transfers/check", post(routes::check))
        .route("/v1/transfers", post(routes::record))
        .route("/v1/rules", get(routes::rules))
        .route("/v1/lists", get(routes::lists).post(routes::add_list_entry))
        .route("/v1/lists/remove", post(routes::remove_list_entry))
        .route("/v1/texts/analyze", post(routes::analyze_text))
        .route("/v1/lookup", get(routes::lookup))
        .route("/v1/reports", post(routes::report).get(routes::reports))
        .route("/v1/stats", get(routes::stats))
        .route("/v1/traces", post(routes::trace))
        .route("/v1/accounts/{id}/risk", get(routes::account_risk))
        .route("/healthz", get(routes::healthz))
        .route("/metrics", get(routes::metrics))
        .route("/openapi.json", get(routes::openapi))
        .route("/v1/{*rest}", axum::routing::any(no_such_route))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn_with_state(app.clone(), follow::sequence))
        .with_state(app)
}

async fn no_such_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such route; see /openapi.json")
}

/// Largest error body the framework writes that is turned into JSON.
const MAX_ERROR_TEXT: usize = 4_096;

/// Rewrites a non-JSON error answer on `/v1` (the framework's 413 for an oversized body, 405,
/// 415, a query that does not parse) as the API's JSON error, keeping its status and text.
async fn json_errors(req: Request<Body>, next: Next) -> Response {
    let on_api = req.uri().path().starts_with("/v1/");
    let response = next.run(req).await;
    let status = response.status();
    let is_json =
        response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !on_api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let text = match axum::body::to_bytes(response.into_body(), MAX_ERROR_TEXT).await {
        Ok(b) => String::from_utf8_lossy(&b).trim().to_string(),
        Err(_) => String::new(),
    };
    let text = if text.is_empty() { status.canonical_reason().unwrap_or("error").to_string() } else { text };
    ApiError::new(status, text).into_response()
}

/// The security headers every answer carries: no framing, no scripts, no referrer, no sniffing,
/// nothing cached (answers hold personal data).
pub async fn harden(req: Request<Body>, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-content-type-options", "nosniff");
    set(h, "cache-control", "no-store");
    response
}

/// Serves `routes` (e.g. [`router`], merged with the console's) on `addr` until Ctrl-C; `ready` is
/// called with the bound address.
pub async fn serve(routes: Router, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    ready(listener.local_addr()?);
    let routes = routes.layer(middleware::from_fn(harden));
    axum::serve(listener, routes.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
