//! The money one account holds during a trace, as lots, and how a policy draws on them.

use crate::Policy;
use std::collections::VecDeque;

/// Money that arrived together: `traced` of its `amount` fen is traced money.
///
/// Invariant: `0 <= traced <= amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Lot {
    amount: i64,
    traced: i64,
    /// When it arrived (UTC seconds).
    since: i64,
}

/// An account's balance during a trace, split into traced and untraced money.
///
/// FIFO and LIFO keep individual lots; pro-rata, poison and LIBR need only the two totals.
/// Invariants: `0 <= traced <= balance`, and for lot policies the lots sum to both totals.
#[derive(Debug, Clone)]
pub(crate) struct Purse {
    policy: Policy,
    lots: VecDeque<Lot>,
    balance: i64,
    traced: i64,
    /// For pooled policies: when the traced money now held began to arrive.
    pooled_since: Option<i64>,
}

impl Purse {
    /// A purse holding `balance` fen of untraced money (the account's balance before traced
    /// money first reached it), which is its oldest lot.
    pub(crate) fn new(policy: Policy, balance: i64, ts: i64) -> Purse {
        let mut p = Purse { policy, lots: VecDeque::new(), balance: 0, traced: 0, pooled_since: None };
        p.deposit(balance.max(0), 0, ts);
        p
    }

    /// Traced money held.
    pub(crate) fn traced(&self) -> i64 {
        self.traced
    }

    /// Money held.
    #[cfg(test)]
    pub(crate) fn balance(&self) -> i64 {
        self.balance
    }

    /// When the traced money still held arrived: the oldest traced lot for lot policies, the
    /// start of the current traced holding for pooled ones.
    pub(crate) fn traced_since(&self) -> Option<i64> {
        if self.policy.keeps_lots() {
            self.lots.iter().filter(|l| l.traced > 0).map(|l| l.since).min()
        } else {
            self.pooled_since.filter(|_| self.traced > 0)
        }
    }

    /// Money arrives: `traced` of `amount` is traced.
    pub(crate) fn deposit(&mut self, amount: i64, traced: i64, ts: i64) {
        debug_assert!(0 <= traced && traced <= amount);
        if amount <= 0 {
            return;
        }
        self.balance += amount;
        if self.traced == 0 && traced > 0 {
            self.pooled_since = Some(ts);
        }
        self.traced += traced;
        if !self.policy.keeps_lots() {
            return;
        }
        match self.lots.back_mut() {
            // Untraced money that arrives next to untraced money is one lot: its order among
            // untraced money never changes what traced money does.
            Some(last) if traced == 0 && last.traced == 0 => last.amount += amount,
            _ => self.lots.push_back(Lot { amount, traced, since: ts }),
        }
    }

    /// Money leaves: returns the traced fen it carries. Any part of `amount` beyond the
    /// balance is untraced money of unknown origin (the data did not show it arriving).
    pub(crate) fn withdraw(&mut self, amount: i64) -> i64 {
        let drawn = amount.clamp(0, self.balance);
        let (b, t) = (self.balance, self.traced);
        let carried = match self.policy {
            Policy::Fifo | Policy::Lifo => self.draw_lots(drawn),
            Policy::ProRata => share(drawn, t, b),
            Policy::Poison => drawn.min(t),
            Policy::Libr => (drawn - (b - t)).max(0),
        };
        self.balance -= drawn;
        self.traced -= carried;
        debug_assert!(0 <= self.traced && self.traced <= self.balance);
        carried
    }

    fn draw_lots(&mut self, mut left: i64) -> i64 {
        let fifo = self.policy == Policy::Fifo;
        let mut carried = 0;
        while left > 0 {
            let lot = if fifo { self.lots.front_mut() } else { self.lots.back_mut() };
            let Some(lot) = lot else { break };
            if lot.amount <= left {
                left -= lot.amount;
                carried += lot.traced;
                if fifo {
                    self.lots.pop_front();
                } else {
                    self.lots.pop_back();
                }
            } else {
                let c = share(left, lot.traced, lot.amount);
                lot.amount -= left;
                lot.traced -= c;
                carried += c;
                left = 0;
            }
        }
        carried
    }
}

/// The traced part of `part` fen drawn from `whole` fen of which `traced` is traced:
/// `part * traced / whole`, rounded half up. Exact integer arithmetic; for `0 <= part <= whole`
/// the result never exceeds `traced` nor leaves more untraced money drawn than there was.
pub(crate) fn share(part: i64, traced: i64, whole: i64) -> i64 {
    if whole <= 0 || traced == 0 {
        return 0;
    }
    let num = part as i128 * traced as i128;
    ((2 * num + whole as i128) / (2 * whole as i128)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifo_spends_the_opening_balance_first() {
        let mut p = Purse::new(Policy::Fifo, 100, 0);
        p.deposit(50, 50, 1);
        assert_eq!(p.withdraw(120), 20);
        assert_eq!((p.balance(), p.traced()), (30, 30));
        assert_eq!(p.traced_since(), Some(1));
    }

    #[test]
    fn lifo_spends_the_newest_first() {
        let mut p = Purse::new(Policy::Lifo, 100, 0);
        p.deposit(50, 50, 1);
        p.deposit(10, 0, 2);
        assert_eq!(p.withdraw(30), 20);
        assert_eq!(p.traced(), 30);
    }

    #[test]
    fn pooled_policies_bound_each_other() {
        let run = |policy| {
            let mut p = Purse::new(policy, 300, 0);
            p.deposit(100, 100, 1);
            p.withdraw(200)
        };
        assert_eq!(run(Policy::ProRata), 50);
        assert_eq!(run(Policy::Poison), 100);
        assert_eq!(run(Policy::Libr), 0);
        let mut p = Purse::new(Policy::Libr, 300, 0);
        p.deposit(100, 100, 1);
        assert_eq!(p.withdraw(350), 50, "LIBR: traced money leaves once the balance drops below it");
        p.deposit(1000, 0, 2);
        assert_eq!(p.traced(), 50, "later deposits never replenish traced money");
    }

    #[test]
    fn overdraft_is_untraced_money_of_unknown_origin() {
        let mut p = Purse::new(Policy::Fifo, 0, 0);
        p.deposit(10, 10, 1);
        assert_eq!(p.withdraw(25), 10);
        assert_eq!(p.balance(), 0);
    }

    #[test]
    fn share_rounds_and_stays_in_bounds() {
        assert_eq!(share(1, 1, 2), 1);
        assert_eq!(share(1, 1, 3), 0);
        assert_eq!(share(5, 0, 9), 0);
        for whole in 1..40 {
            for traced in 0..=whole {
                for part in 0..=whole {
                    let c = share(part, traced, whole);
                    assert!(c <= traced && part - c <= whole - traced && c >= 0);
                }
            }
        }
    }
}
