//! Per-account trails of recent counterparties: for each account, the (time, counterparty) pairs of
//! the last span, oldest first. [`crate::new_payees`] keeps whom each payer began to pay,
//! [`crate::passed_on`] where each account passed fresh money on to; both keep their trails here,
//! each at most [`MAX_KEPT`] long.

use fanzha_model::{AccountIx, Ledger, Partition, Ts};
use std::collections::{HashMap, VecDeque};

/// The trails of the accounts a partition owns, each kept for `span` seconds.
#[derive(Debug)]
pub(crate) struct Trails {
    /// Per account (by index): (time, counterparty), oldest first; only accounts with a trail.
    by_account: HashMap<u32, VecDeque<(i64, u32)>>,
    /// How long an entry stays (seconds).
    span: i64,
    /// Keep trails only for the accounts this partition owns (`None`: every account).
    partition: Option<Partition>,
    /// Notes taken so far: every [`SWEEP_EVERY`]th drops the trails of accounts gone quiet.
    noted: u64,
}

/// Most entries one trail keeps (the newest): what a busy account's trail costs to read at every
/// check into it is bounded, and a count read from it saturates here.
pub(crate) const MAX_KEPT: usize = 256;

/// How often (in notes taken) the trails whose every entry fell out of its span are dropped, so
/// that accounts that never come back do not keep theirs.
const SWEEP_EVERY: u64 = 1 << 20;

impl Trails {
    /// Empty trails kept for `span` seconds, for the accounts `partition` owns (`None`: every one).
    pub(crate) fn new(span: i64, partition: Option<Partition>) -> Trails {
        Trails { by_account: HashMap::new(), span, partition, noted: 0 }
    }

    /// Whether the trail of `account` is kept here (the partition owns it).
    pub(crate) fn owns(&self, ledger: &Ledger, account: AccountIx) -> bool {
        self.partition.is_none_or(|p| p.owns(ledger.account_id(account)))
    }

    /// At `now` (in time order), drops what fell out of `account`'s span and, with `other`, adds
    /// (`now`, `other`) to it. Accounts the partition does not own are left out.
    pub(crate) fn note(&mut self, ledger: &Ledger, account: AccountIx, now: Ts, other: Option<AccountIx>) {
        if !self.owns(ledger, account) {
            return;
        }
        let trail = match (self.by_account.get_mut(&account.0), other) {
            (Some(trail), _) => trail,
            (None, Some(_)) => self.by_account.entry(account.0).or_default(),
            (None, None) => return,
        };
        let since = now.0 - self.span;
        self.noted += 1;
        while trail.front().is_some_and(|&(at, _)| at <= since) {
            trail.pop_front();
        }
        if let Some(o) = other {
            if trail.len() == MAX_KEPT {
                trail.pop_front();
            }
            trail.push_back((now.0, o.0));
        }
        if trail.is_empty() {
            self.by_account.remove(&account.0);
        }
        if self.noted.is_multiple_of(SWEEP_EVERY) {
            self.by_account.retain(|_, trail| trail.back().is_some_and(|&(at, _)| at > since));
        }
    }

    /// The counterparties on `account`'s trail after `now` − span, oldest first (one listed as often
    /// as it was noted). `now` is meant to be at or after the entries noted so far.
    pub(crate) fn since(&self, account: AccountIx, now: Ts) -> impl Iterator<Item = AccountIx> + '_ {
        let since = now.0 - self.span;
        self.by_account
            .get(&account.0)
            .into_iter()
            .flatten()
            .filter(move |&&(at, _)| at > since)
            .map(|&(_, other)| AccountIx(other))
    }

    /// How many entries `account`'s trail holds, the ones past their span not yet dropped included.
    #[cfg(test)]
    pub(crate) fn held(&self, account: AccountIx) -> usize {
        self.by_account.get(&account.0).map_or(0, VecDeque::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, Event};

    #[test]
    fn a_trail_keeps_its_newest_entries_and_quiet_trails_are_swept() {
        let mut l = Ledger::new();
        for id in ["A", "B"] {
            l.apply(Event::Account { id: id.into(), account: Account::internal() });
        }
        let (a, b) = (l.account_ix("A").unwrap(), l.account_ix("B").unwrap());
        let mut trails = Trails::new(1_000, None);
        for at in 0..(MAX_KEPT as i64 + 10) {
            trails.note(&l, a, Ts(at), Some(b));
        }
        assert_eq!(trails.held(a), MAX_KEPT, "the newest kept");
        assert_eq!(trails.since(a, Ts(1_019)).count(), MAX_KEPT - 10, "of them those in the span");
        // A's trail is past its span long before the sweep, which drops it though A is never noted again.
        trails.noted = SWEEP_EVERY - 1;
        trails.note(&l, b, Ts(10_000), Some(a));
        assert_eq!((trails.held(a), trails.held(b)), (0, 1));
    }
}
