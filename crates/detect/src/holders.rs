//! Accounts grouped by holder: how many each person has, at how many banks and in how many cities,
//! and the most opened within one window — the holder side of the account features and the input
//! of card-farming detection.

use crate::catalog::ix;
use fanzha_model::{Account, AccountIx, HolderDigest, Ledger, Ts};
use rustc_hash::FxHashMap;

/// One holder's accounts (in opening order) and counts over them.
#[derive(Debug, Clone)]
pub struct HolderAccounts {
    /// The holder's accounts, ordered by opening time (unknown times last).
    pub accounts: Vec<AccountIx>,
    /// Distinct banks.
    pub banks: u32,
    /// Distinct cities (prefecture-level codes of `open_region`).
    pub cities: u32,
    /// Most accounts opened within one opening window.
    pub opened_in_window: u32,
    /// Opening times of the accounts that have one, ascending.
    opened: Vec<i64>,
}

/// Holder statistics for every holder of a ledger.
#[derive(Debug, Default)]
pub struct HolderStats {
    window_secs: i64,
    by_holder: FxHashMap<HolderDigest, usize>,
    holders: Vec<(HolderDigest, HolderAccounts)>,
}

impl HolderStats {
    /// Groups the ledger's accounts by holder; `window_secs` is the opening window. With `until`,
    /// accounts opened after it are left out (those with no opening time stay in), so the counts are
    /// the ones that could be known then.
    pub fn new(ledger: &Ledger, window_secs: i64, until: Option<Ts>) -> HolderStats {
        let mut stats = HolderStats { window_secs, ..HolderStats::default() };
        for (i, account) in ledger.accounts().iter().enumerate() {
            if until.zip(account.opened_at).is_some_and(|(until, opened)| opened > until) {
                continue;
            }
            stats.push(account, i);
        }
        for (_, h) in &mut stats.holders {
            summarise(ledger, h, window_secs);
        }
        stats
    }

    /// Counts the accounts from index `first` to the end of the ledger too (accounts opened since
    /// the stats were made), recounting only the holders they belong to.
    pub fn extend(&mut self, ledger: &Ledger, first: usize) {
        let Some(added) = ledger.accounts().get(first..) else { return };
        let mut touched: Vec<usize> = added.iter().zip(first..).filter_map(|(a, i)| self.push(a, i)).collect();
        touched.sort_unstable();
        touched.dedup();
        for slot in touched {
            summarise(ledger, &mut self.holders[slot].1, self.window_secs);
        }
    }

    /// Adds account number `i` to its holder's list (not yet summarised); the holder's slot, if it has one.
    fn push(&mut self, account: &Account, i: usize) -> Option<usize> {
        let holder = account.holder.as_ref()?;
        let n = self.holders.len();
        let slot = *self.by_holder.entry(holder.digest).or_insert(n);
        if slot == n {
            let empty =
                HolderAccounts { accounts: Vec::new(), banks: 0, cities: 0, opened_in_window: 0, opened: Vec::new() };
            self.holders.push((holder.digest, empty));
        }
        self.holders[slot].1.accounts.push(AccountIx::of(i));
        Some(slot)
    }

    /// Every holder with their accounts.
    pub fn iter(&self) -> impl Iterator<Item = &(HolderDigest, HolderAccounts)> {
        self.holders.iter()
    }

    /// The accounts of the holder of `account`, if it has a holder.
    pub fn of(&self, account: &Account) -> Option<&HolderAccounts> {
        self.by_digest(&account.holder.as_ref()?.digest)
    }

    /// The accounts of the holder with this digest, if any is known.
    pub fn by_digest(&self, digest: &HolderDigest) -> Option<&HolderAccounts> {
        self.by_holder.get(digest).map(|&i| &self.holders[i].1)
    }

    /// Writes the holder features of `account` into `f` (NaN when it has no holder; the accounts
    /// opened near this one are NaN too when its own opening time is unknown).
    pub fn fill(&self, account: &Account, f: &mut [f64]) {
        if let Some(h) = self.of(account) {
            f[ix::HOLDER_ACCOUNTS] = h.accounts.len() as f64;
            f[ix::HOLDER_BANKS] = f64::from(h.banks);
            f[ix::HOLDER_CITIES] = f64::from(h.cities);
            f[ix::HOLDER_OPENED_30D] = f64::from(h.opened_in_window);
            if let Some(t) = account.opened_at {
                let lo = h.opened.partition_point(|&u| u < t.0.saturating_sub(self.window_secs));
                let hi = h.opened.partition_point(|&u| u <= t.0.saturating_add(self.window_secs));
                f[ix::HOLDER_OPENED_NEAR] = (hi - lo) as f64;
            }
        }
    }
}

fn summarise(ledger: &Ledger, h: &mut HolderAccounts, window_secs: i64) {
    h.accounts.sort_by_key(|&a| (ledger.account(a).opened_at.map_or(i64::MAX, |t| t.0), a.0));
    let (banks, cities) = banks_and_cities(ledger, &h.accounts);
    let times: Vec<i64> = h.accounts.iter().filter_map(|&a| ledger.account(a).opened_at.map(|t| t.0)).collect();
    h.banks = banks as u32;
    h.cities = cities as u32;
    h.opened_in_window = busiest_window(&times, window_secs).len() as u32;
    h.opened = times;
}

/// Distinct banks and distinct cities (prefecture-level codes of `open_region`) among `accounts`.
pub(crate) fn banks_and_cities(ledger: &Ledger, accounts: &[AccountIx]) -> (usize, usize) {
    let mut banks: Vec<u16> = accounts.iter().filter_map(|&a| ledger.account(a).bank.map(|b| b.0)).collect();
    banks.sort_unstable();
    banks.dedup();
    let mut cities: Vec<u32> =
        accounts.iter().filter_map(|&a| ledger.account(a).open_region.map(|r| r.prefecture().code())).collect();
    cities.sort_unstable();
    cities.dedup();
    (banks.len(), cities.len())
}

/// The first longest run of `times` (ascending) that spans at most `window` seconds, as indices.
pub(crate) fn busiest_window(times: &[i64], window: i64) -> std::ops::Range<usize> {
    let (mut best, mut lo) = (0..0, 0);
    for hi in 0..times.len() {
        while times[hi] - times[lo] > window {
            lo += 1;
        }
        if hi + 1 - lo > best.len() {
            best = lo..hi + 1;
        }
    }
    best
}
