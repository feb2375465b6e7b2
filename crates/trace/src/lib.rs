//! Fund tracing (资金查控): follow a reported fraud's money across accounts and banks, and say
//! where it is now, what was withdrawn, and what left the data.
//!
//! Semantics, and why:
//! - **Lots.** Each account's incoming money forms lots; an account's balance before traced
//!   money first reaches it (opening balance plus everything in minus everything out earlier,
//!   floored at zero) is one untraced lot, the oldest. An outgoing transfer draws on the lots
//!   as the [`Policy`] says; the traced part of a drawn lot is proportional to the lot's traced
//!   share, in exact integer fen rounded half up, and what is drawn is subtracted, so no fen is
//!   made or lost by rounding.
//! - **Time only runs forward.** Transfers are replayed in the graph's total time order (time,
//!   then ingest order); money can leave only by a transfer later in that order than the one
//!   that brought it.
//! - **Money is conserved to the fen**, and [`Trace`] checks it when built: traced =
//!   held in accounts + withdrawn as cash + left to external accounts.
//! - **Bounded work.** An account with more transfers than the hub threshold, an account that
//!   exhausts its per-account budget, and accounts reached at the hop limit are not followed
//!   further; what reached them is reported as held there with the reason ([`Stop`]), so the
//!   trace stays conserved and says where it is incomplete.
//! - **Only what traced money touches is replayed**: a trace costs the transfers of the
//!   accounts that held traced money while they held it, not the size of the graph.
#![deny(missing_docs)]

mod across;
mod backward;
mod flow;
mod forward;
mod freeze;
mod policy;
mod purse;
mod render;
mod report;
mod request;
mod signals;
mod tracer;

pub use across::{
    trace_across, AcrossError, HubCut, Partitions, Slice, SliceAccount, SliceHub, SliceRequest, SliceTransfer,
    SLICE_PAGE,
};
pub use backward::{Backward, Origin, OriginKind, Provenance};
pub use flow::{CashOut, Exit, FlowEdge, Held, Stop, Trace, Work};
pub use forward::Forward;
pub use freeze::{freeze_requests, write_freeze_csv, FreezeRequest, FreezeTarget};
pub use policy::{Policy, UnknownPolicy};
pub use render::{to_dot, to_svg, to_svg_with};
pub use report::{
    CashOutRow, EdgeRow, ExitRow, HeldRow, NodeRow, OriginRow, ProvenanceReport, TraceReport, PROVENANCE_SCHEMA,
    SMALL_HELD_FEN, TRACE_SCHEMA,
};
pub use request::{RequestError, TraceAnswer, TraceRequest};
pub use signals::{AccountSignals, MuleStatus, Urgency};
pub use tracer::{Limits, TraceError, Tracer};
