//! `fanzha serve`: the HTTP API over a fanzha store, built with axum. Handlers are thin: they parse,
//! take the lock, call `fanzha-check`, and answer; the OpenAPI document is `src/openapi.json`.
//!
//! | route | what |
//! |---|---|
//! | `POST /v1/transfers/check` | verdict for a transfer before it executes |
//! | `POST /v1/transfers` | record an executed transfer (durable before the answer) |
//! | `GET /v1/rules` | rule set version, rules, and the variables rules may use |
//! | `GET /v1/lists`, `POST /v1/lists`, `POST /v1/lists/remove` | block and watch lists |
//! | `POST /v1/texts/analyze` | is this message a scam: typology, cues, advice (rate-limited per address) |
//! | `GET /v1/lookup?phone=|url=|account=`, `POST /v1/reports` | risk lookup and public reports (rate-limited) |
//! | `GET /healthz`, `GET /metrics`, `GET /openapi.json` | operations |
#![deny(missing_docs)]

mod error;
mod metrics;
mod routes;
pub mod state;

pub use error::ApiError;
pub use routes::Client;
pub use state::{App, HeldCheck, Live, OnHeld, Poisoned, RateLimiter, Rules};

use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

/// The OpenAPI 3.1 document served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

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
        .route("/v1/reports", post(routes::report))
        .route("/healthz", get(routes::healthz))
        .route("/metrics", get(routes::metrics))
        .route("/openapi.json", get(routes::openapi))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .with_state(app)
}

/// Serves `routes` (e.g. [`router`], merged with the console's) on `addr` until Ctrl-C; `ready` is
/// called with the bound address.
pub async fn serve(routes: Router, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    ready(listener.local_addr()?);
    axum::serve(listener, routes.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
