//! What an account's own history says about it: is it a mule, and how soon will it move money.
//!
//! These are the few behavioural signals a trace needs to rank freeze targets and to decide
//! where a backward trace stops; the full detection engine is a separate crate.

use crate::Tracer;
use fanzha_graph::EdgeIx;
use fanzha_model::{AccountIx, Ts};
use serde::Serialize;

const HOUR: i64 = 3600;
const DAY: i64 = fanzha_model::DAY_SECS;
/// Accounts younger than this when traced money reached them count as new.
const NEW_ACCOUNT_DAYS: i64 = 90;
/// Median time from an arrival to the next departure at or under this is pass-through (快进快出).
const PASS_THROUGH_SECS: i64 = 2 * HOUR;
/// Distinct payers within [`FAN_IN_WINDOW`] of the traced arrival that make a collecting account.
const FAN_IN_PAYERS: usize = 5;
const FAN_IN_WINDOW: i64 = 3 * DAY;
/// An arrival of at least this many fen…
const UNUSUAL_INFLOW_FEN: i64 = 500_000;
/// …and at least this many times the account's usual (median) inflow is unusual.
const UNUSUAL_INFLOW_RATIO: i64 = 10;
/// Arrivals looked at for the pass-through median.
const RECENT_ARRIVALS: usize = 32;

/// Whether an account is a money mule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MuleStatus {
    /// Nothing in its behaviour says so.
    No,
    /// Two or more behavioural signals say so.
    Suspected,
    /// It is on the known-mule list given to the tracer.
    Known,
}

impl MuleStatus {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MuleStatus::No => "no",
            MuleStatus::Suspected => "suspected",
            MuleStatus::Known => "known",
        }
    }
}

/// How soon money held in an account is likely to move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// It usually keeps money for days, or never sent any.
    Low,
    /// It usually sends money on within three days.
    Medium,
    /// A mule, or it usually sends money on within six hours: freeze first.
    High,
}

impl Urgency {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Medium => "medium",
            Urgency::High => "high",
        }
    }
}

/// The signals of one account around one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountSignals {
    /// Mule status.
    pub mule: MuleStatus,
    /// The behavioural signals that fired: `new_account`, `unusual_inflow`, `pass_through`,
    /// `fan_in`, `remote_cash_out`.
    pub reasons: Vec<&'static str>,
    /// Median seconds from an arrival to the next departure, over its recent arrivals.
    pub pass_through_secs: Option<i64>,
    /// Days since the account was opened, at the moment looked at.
    pub age_days: Option<i64>,
    /// How soon it is likely to move money.
    pub urgency: Urgency,
}

impl Tracer<'_> {
    /// Signals of account `a` around `at` (when traced money reached it), using only history
    /// up to `as_of`.
    pub fn signals(&self, a: AccountIx, at: Ts, as_of: Ts) -> AccountSignals {
        let g = self.graph;
        let account = self.ledger.account(a);
        let mut reasons = Vec::new();
        let age_days = account.opened_at.map(|o| (at.0 - o.0).div_euclid(DAY));
        if age_days.is_some_and(|d| d <= NEW_ACCOUNT_DAYS) {
            reasons.push("new_account");
        }
        let end = Ts(as_of.0.saturating_add(1));
        if self.unusual_inflow(a, at) {
            reasons.push("unusual_inflow");
        }
        let pass_through_secs = self.pass_through(a, end);
        if pass_through_secs.is_some_and(|s| s <= PASS_THROUGH_SECS) {
            reasons.push("pass_through");
        }
        let window = g.in_edges_between(a, Ts(at.0 - FAN_IN_WINDOW), Ts(at.0 + FAN_IN_WINDOW).min(end));
        let mut payers: Vec<u32> = window.iter().filter_map(|&e| g.edge(EdgeIx(e)).src.map(|s| s.0)).collect();
        payers.sort_unstable();
        payers.dedup();
        if payers.len() >= FAN_IN_PAYERS {
            reasons.push("fan_in");
        }
        let home = account.open_region.map(|r| r.province());
        let remote = g.out_edges_between(a, Ts(as_of.0 - 30 * DAY), end).iter().any(|&e| {
            let edge = g.edge(EdgeIx(e));
            let region = self.ledger.transfer(edge.txn).region;
            edge.dst.is_none() && home.is_some() && region.is_some_and(|r| Some(r.province()) != home)
        });
        if remote {
            reasons.push("remote_cash_out");
        }
        let mule = if self.known_mules.contains(&a.0) {
            MuleStatus::Known
        } else if reasons.len() >= 2 {
            MuleStatus::Suspected
        } else {
            MuleStatus::No
        };
        let urgency = match (mule, pass_through_secs) {
            (MuleStatus::Known | MuleStatus::Suspected, _) => Urgency::High,
            (_, Some(s)) if s <= 6 * HOUR => Urgency::High,
            (_, Some(s)) if s <= 3 * DAY => Urgency::Medium,
            _ => Urgency::Low,
        };
        AccountSignals { mule, reasons, pass_through_secs, age_days, urgency }
    }

    /// Signals of a hub (the walk stopped there, [`crate::Stop::Hub`]) at `at`: only what its
    /// record and the known-mule list say. A hub's transfers are those of a payment firm's or a
    /// merchant's many customers, so its pass-through, fan-in and cash-outs say nothing about the
    /// traced money (and a partitioned deployment does not fetch them); its institution must look
    /// inside, so it is asked at medium urgency (high for a known mule).
    pub fn hub_signals(&self, a: AccountIx, at: Ts) -> AccountSignals {
        let account = self.ledger.account(a);
        let age_days = account.opened_at.map(|o| (at.0 - o.0).div_euclid(DAY));
        let reasons = if age_days.is_some_and(|d| d <= NEW_ACCOUNT_DAYS) { vec!["new_account"] } else { vec![] };
        let (mule, urgency) = if self.known_mules.contains(&a.0) {
            (MuleStatus::Known, Urgency::High)
        } else {
            (MuleStatus::No, Urgency::Medium)
        };
        AccountSignals { mule, reasons, pass_through_secs: None, age_days, urgency }
    }

    /// Whether `a` received, at `at`, at least ¥5,000 and ten times its median inflow of the
    /// 90 days before (a new or dormant account suddenly moving large sums).
    fn unusual_inflow(&self, a: AccountIx, at: Ts) -> bool {
        let g = self.graph;
        let amount = |e: &u32| g.edge(EdgeIx(*e)).amount.0;
        let Some(now) = g.in_edges_between(a, at, Ts(at.0 + 1)).iter().map(amount).max() else { return false };
        let mut before: Vec<i64> =
            g.in_edges_between(a, Ts(at.0 - NEW_ACCOUNT_DAYS * DAY), at).iter().map(amount).collect();
        before.sort_unstable();
        let usual = before.get(before.len() / 2).copied().unwrap_or(0);
        now >= UNUSUAL_INFLOW_FEN && now >= UNUSUAL_INFLOW_RATIO * usual
    }

    /// Median time from an arrival to the next departure, over the last arrivals before `end`
    /// that were followed by a departure before `end`.
    fn pass_through(&self, a: AccountIx, end: Ts) -> Option<i64> {
        let g = self.graph;
        let before_end = |edges: &[u32]| edges.partition_point(|&e| g.edge(EdgeIx(e)).ts < end);
        let outs = g.out_edges(a);
        let outs = &outs[..before_end(outs)];
        let ins = g.in_edges(a);
        let ins = &ins[..before_end(ins)];
        let mut gaps: Vec<i64> = ins
            .iter()
            .rev()
            .filter_map(|&i| {
                let next = *outs.get(outs.partition_point(|&o| o < i))?;
                Some(g.edge(EdgeIx(next)).ts.0 - g.edge(EdgeIx(i)).ts.0)
            })
            .take(RECENT_ARRIVALS)
            .collect();
        if gaps.len() < 2 {
            return None;
        }
        gaps.sort_unstable();
        Some(gaps[gaps.len() / 2])
    }
}
