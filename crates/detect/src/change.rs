//! Behaviour change: an account against its own past. A rented or sold account (出租出借、买卖账户)
//! has years of ordinary life behind it and then, from one day on, takes money from many payers it
//! never dealt with, from many provinces, and passes it on at once. Its age and its totals look
//! ordinary; the change does not. This module keeps, per account, the recent span (the last
//! [`ChangeConfig::recent_secs`] before its latest transaction) next to everything before it.
//!
//! "Never dealt with" needs a known past. Right after the data's history starts every payer looks
//! new, so for an account opened before the history starts, inflows count only from
//! [`ChangeConfig::burn_in_secs`] after that start (its *known-since* time); an account opened inside
//! the history is known from its opening. Inflows before the known-since time teach the account's
//! counterparties but count toward neither share.

use std::collections::VecDeque;

/// Settings of the behaviour-change view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeConfig {
    /// The recent span, before the account's latest transaction (seconds).
    pub recent_secs: i64,
    /// How long after the history starts an old account's counterparties are still being learned
    /// (seconds).
    pub burn_in_secs: i64,
}

impl Default for ChangeConfig {
    fn default() -> ChangeConfig {
        ChangeConfig { recent_secs: 7 * 86_400, burn_in_secs: 14 * 86_400 }
    }
}

/// One transaction in the recent span.
#[derive(Debug, Clone, Copy)]
struct Item {
    ts: i64,
    /// Money in (0 for an outflow).
    inflow: i64,
    /// Money out that had arrived within the pass-through time (0 for an inflow).
    fast: i64,
    /// The inflow came after the known-since time.
    counted: bool,
    /// …from a payer never dealt with before.
    new_payer: bool,
    /// The new payer's province (its code), 0 when unknown.
    province: u8,
}

/// One account's recent span and its past, as running sums.
#[derive(Debug, Clone, Default)]
pub(crate) struct Change {
    recent: VecDeque<Item>,
    /// Sums over the recent span.
    r_in: i64,
    r_fast: i64,
    r_counted: i64,
    r_new: i64,
    r_new_payers: u32,
    /// Per province code, new payers in the recent span.
    r_provinces: Vec<(u8, u32)>,
    /// Sums over everything (the past is everything minus the recent span).
    all_in: i64,
    all_fast: i64,
    all_counted: i64,
    all_new: i64,
    /// From when the account's counterparties are known (see the module docs).
    known_since: Option<i64>,
}

/// The behaviour-change features of one account, in the order of the catalog.
pub(crate) struct ChangeFeatures {
    pub new_payer_share_recent: f64,
    pub new_payer_share_before: f64,
    pub new_payers_recent: f64,
    pub new_payer_provinces_recent: f64,
    pub pass_through_recent: f64,
    pub pass_through_before: f64,
    pub known_days_before: f64,
    /// The first inflow from a new payer in the recent span: when the change showed.
    pub changed_since: Option<i64>,
}

impl Change {
    /// Sets the known-since time (at the account's first transaction).
    pub(crate) fn start(&mut self, known_since: i64) {
        self.known_since.get_or_insert(known_since);
    }

    /// Records an inflow of `amount` at `ts`; `new_payer` when the payer never dealt with the
    /// account before, `province` the payer's province code (0: unknown).
    pub(crate) fn inflow(&mut self, cfg: &ChangeConfig, ts: i64, amount: i64, new_payer: bool, province: u8) {
        let counted = self.known_since.is_some_and(|k| ts >= k);
        let item = Item { ts, inflow: amount, fast: 0, counted, new_payer: counted && new_payer, province };
        self.push(cfg, item);
    }

    /// Records an outflow at `ts` of which `fast` had arrived within the pass-through time.
    pub(crate) fn outflow(&mut self, cfg: &ChangeConfig, ts: i64, fast: i64) {
        self.push(cfg, Item { ts, inflow: 0, fast, counted: false, new_payer: false, province: 0 });
    }

    fn push(&mut self, cfg: &ChangeConfig, item: Item) {
        while self.recent.front().is_some_and(|old| old.ts <= item.ts - cfg.recent_secs) {
            let old = self.recent.pop_front().expect("checked");
            self.add(old, -1);
        }
        self.add(item, 1);
        self.recent.push_back(item);
        self.all_in += item.inflow;
        self.all_fast += item.fast;
        if item.counted {
            self.all_counted += item.inflow;
            if item.new_payer {
                self.all_new += item.inflow;
            }
        }
    }

    /// Adds (`sign` 1) or removes (-1) an item from the recent sums.
    fn add(&mut self, item: Item, sign: i64) {
        self.r_in += sign * item.inflow;
        self.r_fast += sign * item.fast;
        if item.counted {
            self.r_counted += sign * item.inflow;
        }
        if item.new_payer {
            self.r_new += sign * item.inflow;
            self.r_new_payers = (i64::from(self.r_new_payers) + sign) as u32;
            match self.r_provinces.iter_mut().find(|(p, _)| *p == item.province) {
                Some((_, n)) => *n = (i64::from(*n) + sign) as u32,
                None => self.r_provinces.push((item.province, 1)),
            }
            self.r_provinces.retain(|&(_, n)| n > 0);
        }
    }

    /// The features, with the recent span ending at the account's latest transaction `last_ts`.
    pub(crate) fn features(&self, cfg: &ChangeConfig, last_ts: i64) -> ChangeFeatures {
        let share = |num: i64, den: i64| if den > 0 { num as f64 / den as f64 } else { f64::NAN };
        let recent_start = last_ts - cfg.recent_secs;
        let known_before = self.known_since.map(|k| recent_start - k).filter(|&d| d > 0);
        ChangeFeatures {
            new_payer_share_recent: share(self.r_new, self.r_counted),
            new_payer_share_before: share(self.all_new - self.r_new, self.all_counted - self.r_counted),
            new_payers_recent: if self.r_counted > 0 { f64::from(self.r_new_payers) } else { f64::NAN },
            new_payer_provinces_recent: if self.r_counted > 0 {
                self.r_provinces.iter().filter(|(p, _)| *p != 0).count() as f64
            } else {
                f64::NAN
            },
            pass_through_recent: share(self.r_fast, self.r_in),
            pass_through_before: share(self.all_fast - self.r_fast, self.all_in - self.r_in),
            known_days_before: known_before.map_or(f64::NAN, |d| d as f64 / 86_400.0),
            changed_since: self.recent.iter().find(|i| i.new_payer).map(|i| i.ts),
        }
    }
}
