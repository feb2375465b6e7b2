//! Where each account passed fresh money on to in the last 3 days: the upstream side of a mule
//! chain. A rented or sold account that takes a victim's money pays it on within hours, often to an
//! account the centre's cases have already confirmed as a mule; the check blocks that payment *out*
//! of it (the payee is confirmed) but, without this trail, not the next victim's payment *into* it
//! (decision 34 of bench/out/generalize-decisions.md). A payment counts only when at least half as
//! much had come into the account in the 6 hours before (what earlier payments took is not
//! subtracted), so a customer paying a rented account's owner from savings leaves no trail.

use crate::trail::Trails;
use fanzha_model::{AccountIx, Fen, Ledger, Partition, Transfer, DAY_SECS};

/// How far back the trail reaches (3 days).
pub const TRAIL_SECS: i64 = 3 * DAY_SECS;
/// How recently money must have come in for paying it out to count as passing it on (6 hours).
pub const FRESH_SECS: i64 = 6 * 3_600;

/// The payees each account passed fresh money on to in the last [`TRAIL_SECS`].
#[derive(Debug)]
pub struct PassedOn {
    /// Per account: (time paid, payee).
    trails: Trails,
}

impl PassedOn {
    /// A trail keeping only the accounts `partition` owns (`None`: every account).
    pub fn owning(partition: Option<Partition>) -> PassedOn {
        PassedOn { trails: Trails::new(TRAIL_SECS, partition) }
    }

    /// Takes one executed transfer into account (in time order). It passes money on when at least
    /// half its amount had come into the payer in the [`FRESH_SECS`] before it, which
    /// `received(half)` answers (asked only for a payer this partition owns that pays an account the
    /// ledger knows). Cash and transfers with an account the ledger does not know are left out.
    pub fn observe(&mut self, ledger: &Ledger, t: &Transfer, received: impl FnOnce(Fen) -> bool) {
        let (Some(from), Some(to)) = (t.from, t.to) else { return };
        if !self.trails.owns(ledger, from) {
            return;
        }
        let passed = received(Fen(t.amount.0.saturating_add(1) / 2));
        self.trails.note(ledger, from, t.ts, passed.then_some(to));
    }

    /// The accounts `account` passed fresh money on to after `now` − [`TRAIL_SECS`] (an account
    /// paid twice is listed twice). `now` is meant to be at or after the transfers recorded so far.
    pub fn paid(&self, account: AccountIx, now: fanzha_model::Ts) -> impl Iterator<Item = AccountIx> + '_ {
        self.trails.since(account, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, Event, Ts};

    fn ledger() -> Ledger {
        let mut l = Ledger::new();
        for id in ["M", "A", "B", "C"] {
            l.apply(Event::Account { id: id.into(), account: Account::internal() });
        }
        l
    }

    fn pay(l: &Ledger, from: &str, to: &str, at: i64, yuan: i64) -> Transfer {
        Transfer::plain(Ts(at), l.account_ix(from), l.account_ix(to), Fen(yuan * 100))
    }

    /// What the engine would answer when `fen` had come in.
    fn fresh(fen: i64) -> impl FnOnce(Fen) -> bool {
        move |half: Fen| fen >= half.0
    }

    fn paid<'a>(trail: &PassedOn, l: &'a Ledger, now: i64) -> Vec<&'a str> {
        trail.paid(l.account_ix("M").unwrap(), Ts(now)).map(|a| l.account_id(a)).collect()
    }

    #[test]
    fn only_payments_mostly_of_fresh_money_leave_a_trail_for_three_days() {
        let l = ledger();
        let mut trail = PassedOn::owning(None);
        // 1,000 yuan out with 500 fresh: passed on; 1,000 with 499 fresh: from savings.
        trail.observe(&l, &pay(&l, "M", "A", 0, 1_000), fresh(50_000));
        trail.observe(&l, &pay(&l, "M", "B", 60, 1_000), fresh(49_900));
        assert_eq!(paid(&trail, &l, 60), ["A"]);
        trail.observe(&l, &pay(&l, "M", "C", DAY_SECS, 300), fresh(30_000));
        assert_eq!(paid(&trail, &l, DAY_SECS), ["A", "C"]);
        // A, paid at 0, is gone after 3 days; C a day later.
        assert_eq!(paid(&trail, &l, TRAIL_SECS), ["C"]);
        assert!(paid(&trail, &l, TRAIL_SECS + DAY_SECS).is_empty());
        // A later payment from savings trims the trail, and an empty trail is dropped.
        trail.observe(&l, &pay(&l, "M", "B", 5 * DAY_SECS, 10), fresh(0));
        assert_eq!(trail.trails.held(l.account_ix("M").unwrap()), 0);
    }

    #[test]
    fn only_owned_payers_paying_known_accounts_leave_a_trail() {
        let l = ledger();
        let mut cash = pay(&l, "M", "A", 0, 100);
        cash.to = None;
        let mut trail = PassedOn::owning(None);
        trail.observe(&l, &cash, |_| panic!("cash is not asked about"));
        assert!(paid(&trail, &l, 0).is_empty());
        let owner = (0..4).map(|index| Partition { index, count: 4 }).find(|p| p.owns("M")).unwrap();
        let other = Partition { index: (owner.index + 1) % 4, count: 4 };
        let mut theirs = PassedOn::owning(Some(other));
        theirs.observe(&l, &pay(&l, "M", "A", 0, 100), |_| panic!("another partition's payer is not asked about"));
        assert!(paid(&theirs, &l, 0).is_empty());
        let mut ours = PassedOn::owning(Some(owner));
        ours.observe(&l, &pay(&l, "M", "A", 0, 100), fresh(10_000));
        assert_eq!(paid(&ours, &l, 0), ["A"]);
    }
}
