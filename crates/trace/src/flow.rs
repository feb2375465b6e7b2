//! What a forward trace found: the flow of traced money and where it ended.

use crate::Policy;
use fanzha_model::{AccountIx, Fen, TransferIx, Ts};

/// Why the walk stopped following money at an account that still holds it.
///
/// Stopping never loses money: what the account received is reported as held there, so the
/// trace stays conserved; the reason says the money may have moved on since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    /// The account was reached at the hop limit.
    MaxHops,
    /// The account has more transfers than the hub threshold (a merchant or payment firm):
    /// the money is reported at the hub, whose institution must be asked to look inside.
    Hub,
    /// The account, or the trace as a whole, used up its work budget.
    WorkLimit,
}

impl Stop {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stop::MaxHops => "max_hops",
            Stop::Hub => "hub",
            Stop::WorkLimit => "work_limit",
        }
    }
}

/// One transfer that carried traced money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowEdge {
    /// The transfer.
    pub txn: TransferIx,
    /// Payer (`None` never happens for traced money except in a seed that is a deposit).
    pub from: Option<AccountIx>,
    /// Payee; `None` for a cash withdrawal.
    pub to: Option<AccountIx>,
    /// When.
    pub ts: Ts,
    /// The whole transfer.
    pub amount: Fen,
    /// The traced part of it.
    pub traced: Fen,
    /// Hops from the reported transfer (which is hop 1).
    pub hop: u32,
    /// Whether it is one of the reported transfers.
    pub seed: bool,
}

/// An account that still holds traced money at the end of the trace: a freeze target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The account.
    pub account: AccountIx,
    /// Traced money it holds.
    pub amount: Fen,
    /// Since when the traced money it holds arrived (oldest lot, or start of the holding).
    pub since: Ts,
    /// Fewest hops from a reported transfer.
    pub hop: u32,
    /// Set when the walk stopped here rather than following the money further.
    pub stopped: Option<Stop>,
}

/// A cash withdrawal that carried traced money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashOut {
    /// The withdrawal.
    pub txn: TransferIx,
    /// Account it was taken from.
    pub account: AccountIx,
    /// Traced money withdrawn.
    pub amount: Fen,
    /// When.
    pub ts: Ts,
    /// Hop of the withdrawal.
    pub hop: u32,
}

/// Traced money that left to an account outside the data (another institution's customer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    /// The external account.
    pub account: AccountIx,
    /// Traced money it received.
    pub amount: Fen,
    /// When traced money first reached it.
    pub first_ts: Ts,
    /// Fewest hops from a reported transfer.
    pub hop: u32,
}

/// How much work a trace did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Work {
    /// Transfers looked at (each once).
    pub transfers: u64,
    /// Accounts whose money was followed.
    pub accounts: u64,
}

/// The result of a forward trace.
///
/// Invariant (checked when built): `traced = Σ held + Σ cash_out + Σ exits`, to the fen.
#[derive(Debug, Clone)]
pub struct Trace {
    /// The policy used.
    pub policy: Policy,
    /// The reported transfers, in time order.
    pub seeds: Vec<TransferIx>,
    /// The trace shows the state at this time.
    pub as_of: Ts,
    /// Money traced: the reported transfers' amounts (less any part already traced by an
    /// earlier reported transfer).
    pub traced: Fen,
    /// Transfers that carried traced money, in time order.
    pub edges: Vec<FlowEdge>,
    /// Accounts holding traced money at `as_of`, largest first.
    pub held: Vec<Held>,
    /// Withdrawals of traced money, in time order.
    pub cash_out: Vec<CashOut>,
    /// Traced money that left the data, largest first.
    pub exits: Vec<Exit>,
    /// Work done.
    pub work: Work,
}

impl Trace {
    /// Traced money still held in accounts.
    pub fn held_total(&self) -> Fen {
        self.held.iter().map(|h| h.amount).sum()
    }

    /// Traced money withdrawn as cash.
    pub fn cash_out_total(&self) -> Fen {
        self.cash_out.iter().map(|c| c.amount).sum()
    }

    /// Traced money that left to external accounts.
    pub fn exits_total(&self) -> Fen {
        self.exits.iter().map(|x| x.amount).sum()
    }

    /// Whether held + cash out + exits equals the traced amount, to the fen.
    pub fn is_conserved(&self) -> bool {
        self.held_total() + self.cash_out_total() + self.exits_total() == self.traced
    }
}
