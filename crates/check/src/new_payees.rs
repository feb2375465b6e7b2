//! Whom each payer began to pay in the last week: the payer's side of a victim who, directed by a
//! scammer, pays one new card after another (换卡再转). Mule detection may flag the first card
//! after the victim paid it; when the same payer pays the next card, the check sees that a payee
//! it took up days ago was flagged (`payer.new_payees_flagged_7d`). Payees of standing are left
//! out: a trader who has paid the same suppliers for months is not directed by anyone.

use crate::trail::Trails;
use fanzha_model::{AccountIx, Ledger, Partition, Transfer};

/// How far back the trail reaches (7 days).
pub const TRAIL_SECS: i64 = 7 * fanzha_model::DAY_SECS;

/// The accounts each payer paid for the first time in the last [`TRAIL_SECS`].
#[derive(Debug)]
pub struct NewPayees {
    /// Per payer: (time first paid, payee).
    trails: Trails,
}

impl NewPayees {
    /// A trail keeping only the payers `partition` owns (`None`: every payer).
    pub fn owning(partition: Option<Partition>) -> NewPayees {
        NewPayees { trails: Trails::new(TRAIL_SECS, partition) }
    }

    /// Takes one executed transfer into account (in time order), `first`: the payer's first payment
    /// to this payee. Cash and transfers to or from an account the ledger does not know are left out.
    pub fn observe(&mut self, ledger: &Ledger, t: &Transfer, first: bool) {
        if let (Some(from), Some(to), true) = (t.from, t.to, first) {
            self.trails.note(ledger, from, t.ts, Some(to));
        }
    }

    /// The accounts `payer` first paid after `now` − [`TRAIL_SECS`]. As for
    /// `FeatureEngine::recent`, `now` is meant to be at or after the transfers recorded so far (a
    /// live check, a backtest's check before it records): first payments recorded after `now`
    /// count too, and a payer's older ones were trimmed at its latest first payment.
    pub fn paid(&self, payer: AccountIx, now: fanzha_model::Ts) -> impl Iterator<Item = AccountIx> + '_ {
        self.trails.since(payer, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, Event, Fen, Ts};

    fn ledger() -> Ledger {
        let mut l = Ledger::new();
        for id in ["P", "A", "B", "C"] {
            l.apply(Event::Account { id: id.into(), account: Account::internal() });
        }
        l
    }

    fn pay(l: &Ledger, from: &str, to: &str, at: i64) -> Transfer {
        Transfer::plain(Ts(at), l.account_ix(from), l.account_ix(to), Fen(100))
    }

    fn paid<'a>(trail: &NewPayees, l: &'a Ledger, now: i64) -> Vec<&'a str> {
        let mut ids: Vec<&str> = trail.paid(l.account_ix("P").unwrap(), Ts(now)).map(|a| l.account_id(a)).collect();
        ids.sort_unstable();
        ids
    }

    #[test]
    fn a_new_payee_stays_for_seven_days_after_it_was_first_paid() {
        let l = ledger();
        let mut trail = NewPayees::owning(None);
        let day = fanzha_model::DAY_SECS;
        trail.observe(&l, &pay(&l, "P", "A", 0), true);
        trail.observe(&l, &pay(&l, "P", "B", day), true);
        trail.observe(&l, &pay(&l, "P", "A", 3 * day), false);
        assert_eq!(paid(&trail, &l, 3 * day), ["A", "B"]);
        // A, first paid on day 0, is gone on day 7 though paid again on day 3; B on day 8.
        assert_eq!(paid(&trail, &l, 7 * day), ["B"]);
        assert_eq!(paid(&trail, &l, 8 * day), Vec::<&str>::new());
        // A later first payment trims the payer's trail.
        trail.observe(&l, &pay(&l, "P", "C", 7 * day + 60), true);
        assert_eq!(trail.trails.held(l.account_ix("P").unwrap()), 2);
        assert_eq!(paid(&trail, &l, 7 * day + 60), ["B", "C"]);
    }

    #[test]
    fn only_owned_payers_paying_known_accounts_leave_a_trail() {
        let l = ledger();
        let mut cash = pay(&l, "P", "A", 0);
        cash.to = None;
        let mut trail = NewPayees::owning(None);
        trail.observe(&l, &cash, true);
        assert!(paid(&trail, &l, 0).is_empty());
        let owner = (0..4).map(|index| Partition { index, count: 4 }).find(|p| p.owns("P")).unwrap();
        let other = Partition { index: (owner.index + 1) % 4, count: 4 };
        let mut theirs = NewPayees::owning(Some(other));
        theirs.observe(&l, &pay(&l, "P", "A", 0), true);
        assert!(paid(&theirs, &l, 0).is_empty());
        let mut ours = NewPayees::owning(Some(owner));
        ours.observe(&l, &pay(&l, "P", "A", 0), true);
        assert_eq!(paid(&ours, &l, 0), ["A"]);
    }
}
