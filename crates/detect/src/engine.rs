//! The streaming account-feature engine: fed transfers in time order, it keeps per-account state
//! that each transfer updates in amortised O(1) (sliding windows pop what they pushed; money lots
//! are consumed once), so it serves a live check as well as a batch pass over history.

use crate::catalog::{ix, OWN_COUNT};
use crate::change::{Change, ChangeConfig};
use crate::geo::province_km;
use crate::holders::HolderStats;
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountClass, AccountIx, Fen, Ledger, Partition, Region, Transfer, TransferKind, Ts};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::collections::VecDeque;

/// Settings of the feature engine; thresholds are configuration, not constants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureConfig {
    /// Length of the sliding window for fan-in/out, degrees and sums (seconds).
    pub window_secs: i64,
    /// Money that leaves within this many seconds of arriving counts as passed through.
    pub pass_through_secs: i64,
    /// …and within this many seconds as passed on the same day (slower layering).
    pub pass_through_day_secs: i64,
    /// An inflow at least this large is "large" (for the account age at the first one).
    pub large_inflow: Fen,
    /// A balance at or below this after an outflow is "near zero".
    pub near_zero: Fen,
    /// A gap without transactions at least this long is a quiet spell (seconds).
    pub dormancy_secs: i64,
    /// The holder-level opening window (seconds) for `holder_opened_30d_max`.
    pub opening_window_secs: i64,
    /// The recent span and the burn-in of the behaviour-change features.
    pub change: ChangeConfig,
}

impl Default for FeatureConfig {
    fn default() -> FeatureConfig {
        FeatureConfig {
            window_secs: 86_400,
            pass_through_secs: 3_600,
            pass_through_day_secs: 86_400,
            large_inflow: Fen(1_000_000),
            near_zero: Fen(10_000),
            dormancy_secs: 7 * 86_400,
            opening_window_secs: 30 * 86_400,
            change: ChangeConfig::default(),
        }
    }
}

/// One account's own features, the first columns of [`crate::FEATURES`]; `NaN` is "missing"
/// (e.g. no large inflow yet, no opening date known).
pub type OwnFeatures = [f64; OWN_COUNT];

/// Time buckets (log2 of minutes) for the dwell-time histogram.
const DWELL_BUCKETS: usize = 20;
/// Money lots kept per account before the oldest are written off as "stayed long".
const MAX_LOTS: usize = 4_096;

/// The sliding-window view of one direction (in or out) of one account.
#[derive(Debug, Default, Clone)]
struct Window {
    /// (time, counterparty or `u32::MAX` for cash, fen) in time order.
    items: VecDeque<(i64, u32, i64)>,
    distinct: u32,
    sum: i64,
    max_distinct: u32,
    max_len: u32,
    max_sum: i64,
    /// Most items with one counterparty inside the window at once.
    max_repeat: u32,
}

/// Everything the engine remembers about one account.
#[derive(Debug, Default, Clone)]
struct State {
    in_count: u32,
    out_count: u32,
    in_sum: i64,
    out_sum: i64,
    in_max: i64,
    out_max: i64,
    in_min: i64,
    out_min: i64,
    in_sq: f64,
    out_sq: f64,
    first_ts: Option<i64>,
    last_ts: i64,
    night: u32,
    balance: i64,
    near_zero_outs: u32,
    first_large_in: Option<i64>,
    payers: u32,
    payees: u32,
    lots: VecDeque<(i64, i64)>,
    passed_fast: i64,
    passed_day: i64,
    dwell: [i64; DWELL_BUCKETS],
    win_in: Window,
    win_out: Window,
    /// Start of the 24 h after the latest quiet spell, and transactions counted in it.
    burst: Option<(i64, u32)>,
    burst_max: u32,
    /// Start of the latest run of activity after a quiet spell, and how long that spell was.
    woke: Option<(i64, i64)>,
    /// Distinct counterparty banks, sorted.
    cp_banks: Vec<u16>,
    cp_provinces: u128,
    cash_out: i64,
    /// The cash withdrawals of the last window, and the most at once.
    win_cash: Window,
    remote_cash: i64,
    cash_km: f64,
    other_bank_out: i64,
    /// The account against its own past.
    change: Change,
}

/// Streaming per-account features over a ledger's accounts.
pub struct FeatureEngine {
    cfg: FeatureConfig,
    holders: HolderStats,
    states: Vec<State>,
    /// Counts of (account, counterparty) pairs inside windows: `[incoming, outgoing]`.
    in_window: [FxHashMap<u64, u32>; 2],
    /// Every (payer, payee) pair ever seen.
    pairs: FxHashMap<u64, i64>,
    /// Keep state only for this partition's accounts (`None`: every account).
    partition: Option<Partition>,
}

const NO_PARTY: u32 = u32::MAX;

fn pair(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl FeatureEngine {
    /// An engine with no transfers seen yet.
    pub fn new(ledger: &Ledger, cfg: FeatureConfig) -> FeatureEngine {
        FeatureEngine::as_of(ledger, cfg, None)
    }

    /// An engine with no transfers seen yet whose holder counts leave out accounts opened after `until`.
    fn as_of(ledger: &Ledger, cfg: FeatureConfig, until: Option<Ts>) -> FeatureEngine {
        let states =
            ledger.accounts().iter().map(|a| State { balance: a.opening_balance.0, ..State::default() }).collect();
        let holders = HolderStats::new(ledger, cfg.opening_window_secs, until);
        FeatureEngine {
            cfg,
            holders,
            states,
            in_window: Default::default(),
            pairs: FxHashMap::default(),
            partition: None,
        }
    }

    /// Runs every transfer of `graph` at or before `until` (all when `None`) through a new engine; the
    /// holder counts, too, see only the accounts opened by then.
    pub fn replay(ledger: &Ledger, graph: &TemporalGraph, cfg: FeatureConfig, until: Option<Ts>) -> FeatureEngine {
        let mut engine = FeatureEngine::as_of(ledger, cfg, until);
        let end = graph.edges_until(until);
        for e in 0..end {
            let edge = graph.edge(fanzha_graph::EdgeIx::of(e));
            engine.observe(ledger, ledger.transfer(edge.txn));
        }
        engine
    }

    /// The same engine keeping state only for the accounts `partition` owns: on a partitioned node
    /// the other accounts' transfers are not all here, and their owners answer for them.
    pub fn owning(mut self, partition: Option<Partition>) -> FeatureEngine {
        self.partition = partition;
        self
    }

    /// Takes one transfer into account. Transfers must come in time order. Returns whether it is
    /// the payer's first payment to this payee (between two accounts, in the transfers seen).
    pub fn observe(&mut self, ledger: &Ledger, t: &Transfer) -> bool {
        if self.states.len() < ledger.accounts().len() {
            self.grow(ledger);
        }
        let ts = t.ts.0;
        let amount = t.amount.0;
        let from = t.from.map(|a| a.0);
        let to = t.to.map(|a| a.0);
        let new_pair = match (from, to) {
            (Some(f), Some(d)) => match self.pairs.entry(pair(f, d)) {
                Entry::Vacant(v) => {
                    v.insert(ts);
                    true
                }
                Entry::Occupied(_) => false,
            },
            _ => false,
        };
        // A payer the payee never dealt with, in either direction.
        let new_payer = new_pair && from.zip(to).is_some_and(|(f, d)| !self.pairs.contains_key(&pair(d, f)));
        let kept = |a: &u32| self.partition.is_none_or(|p| p.owns(ledger.account_id(AccountIx(*a))));
        let (kept_from, kept_to) = (from.filter(kept), to.filter(kept));
        if let Some(f) = kept_from {
            self.outflow(ledger, f, to, ts, amount, new_pair, t);
        }
        if let Some(d) = kept_to {
            self.inflow(ledger, d, from, ts, amount, new_pair, new_payer);
        }
        new_pair
    }

    #[allow(clippy::too_many_arguments)]
    fn inflow(
        &mut self,
        ledger: &Ledger,
        a: u32,
        from: Option<u32>,
        ts: i64,
        amount: i64,
        new_pair: bool,
        new_payer: bool,
    ) {
        self.touch(ledger, a, ts);
        let cfg = self.cfg;
        let cp_bank = from.and_then(|f| ledger.account(AccountIx(f)).bank);
        let cp_region = from.and_then(|f| ledger.account(AccountIx(f)).open_region);
        let s = &mut self.states[a as usize];
        s.in_count += 1;
        s.in_sum += amount;
        s.in_max = s.in_max.max(amount);
        s.in_min = if s.in_count == 1 { amount } else { s.in_min.min(amount) };
        s.in_sq += (amount as f64) * (amount as f64);
        s.balance += amount;
        s.payers += u32::from(new_pair);
        if amount >= cfg.large_inflow.0 && s.first_large_in.is_none() {
            s.first_large_in = Some(ts);
        }
        if s.lots.len() == MAX_LOTS {
            let (_, old) = s.lots.pop_front().expect("full");
            s.dwell[DWELL_BUCKETS - 1] += old;
        }
        s.lots.push_back((ts, amount));
        note_counterparty(s, cp_bank.map(|b| b.0), cp_region);
        let province = cp_region.map_or(0, |r| (r.code() / 10_000) as u8);
        s.change.inflow(&cfg.change, ts, amount, new_payer, province);
        slide(&mut s.win_in, &mut self.in_window[0], a, from.unwrap_or(NO_PARTY), ts, amount, cfg.window_secs);
    }

    #[allow(clippy::too_many_arguments)]
    fn outflow(
        &mut self,
        ledger: &Ledger,
        a: u32,
        to: Option<u32>,
        ts: i64,
        amount: i64,
        new_pair: bool,
        t: &Transfer,
    ) {
        self.touch(ledger, a, ts);
        let cfg = self.cfg;
        let account = ledger.account(AccountIx(a));
        let payee = to.map(|d| ledger.account(AccountIx(d)));
        let s = &mut self.states[a as usize];
        s.out_count += 1;
        s.out_sum += amount;
        s.out_max = s.out_max.max(amount);
        s.out_min = if s.out_count == 1 { amount } else { s.out_min.min(amount) };
        s.out_sq += (amount as f64) * (amount as f64);
        s.balance -= amount;
        s.payees += u32::from(new_pair);
        if s.balance <= cfg.near_zero.0 {
            s.near_zero_outs += 1;
        }
        let fast = consume_lots(s, ts, amount, cfg.pass_through_secs, cfg.pass_through_day_secs);
        s.change.outflow(&cfg.change, ts, fast);
        if t.kind == TransferKind::Withdrawal {
            s.cash_out += amount;
            // No counterparty: the pair counts are not touched.
            slide(&mut s.win_cash, &mut self.in_window[1], a, NO_PARTY, ts, amount, cfg.window_secs);
            if let (Some(home), Some(at)) = (account.open_region, t.region) {
                if home.province() != at.province() {
                    s.remote_cash += amount;
                }
                if let Some(km) = province_km(home, at) {
                    s.cash_km = s.cash_km.max(km);
                }
            }
        }
        if let Some(p) = payee {
            if p.bank.is_some() && p.bank != account.bank {
                s.other_bank_out += amount;
            }
            note_counterparty(s, p.bank.map(|b| b.0), p.open_region);
        }
        slide(&mut s.win_out, &mut self.in_window[1], a, to.unwrap_or(NO_PARTY), ts, amount, cfg.window_secs);
    }

    /// Bookkeeping common to both sides: first/last use, night-time, bursts after quiet spells.
    fn touch(&mut self, ledger: &Ledger, a: u32, ts: i64) {
        let cfg = self.cfg;
        let quiet_since = {
            let s = &self.states[a as usize];
            match s.first_ts {
                Some(_) => s.last_ts,
                // Quiet since opening, as far as the data can tell: not before its history starts.
                None => {
                    let history = ledger.history_from(AccountIx(a)).map(|h| h.0);
                    // Its counterparties are known from its opening inside the history, or once the
                    // history has run for a while.
                    let known_since = match opened_within_history(ledger, AccountIx(a)) {
                        Some(o) if o <= ts => o,
                        _ => history.unwrap_or(ts) + cfg.change.burn_in_secs,
                    };
                    self.states[a as usize].change.start(known_since);
                    quiet_from(ledger, AccountIx(a)).unwrap_or(ts)
                }
            }
        };
        let s = &mut self.states[a as usize];
        s.first_ts.get_or_insert(ts);
        s.last_ts = ts;
        if Ts(ts).beijing_hour() < 6 {
            s.night += 1;
        }
        if ts - quiet_since >= cfg.dormancy_secs {
            s.burst = Some((ts, 0));
            s.woke = Some((ts, ts - quiet_since));
        }
        if let Some((start, n)) = &mut s.burst {
            if ts - *start < 86_400 {
                *n += 1;
                s.burst_max = s.burst_max.max(*n);
            } else {
                s.burst = None;
            }
        }
    }

    /// Features of account `a` from everything observed so far.
    pub fn features(&self, ledger: &Ledger, a: AccountIx) -> OwnFeatures {
        let unseen;
        let s = match self.states.get(a.0 as usize) {
            Some(s) => s,
            None => {
                unseen = State::default();
                &unseen
            }
        };
        let account = ledger.account(a);
        let mut f = [f64::NAN; OWN_COUNT];
        let yuan = |fen: i64| fen as f64 / 100.0;
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { f64::NAN };
        let days = |secs: i64| secs as f64 / 86_400.0;
        // Since-opening features are known only for accounts opened inside the data's history: one
        // opened before it may have been used before it (censored), and one "opened" after its own
        // first transfer has a wrong opening date.
        let opened = opened_within_history(ledger, a);
        let since_open = |at: Option<i64>| match (at, opened) {
            (Some(at), Some(open)) if at >= open => days(at - open),
            _ => f64::NAN,
        };
        f[ix::OPEN_DAYS_AT_LARGE_IN] = since_open(s.first_large_in);
        f[ix::QUIET_DAYS_AFTER_OPEN] = since_open(s.first_ts);
        f[ix::IN_COUNT] = f64::from(s.in_count);
        f[ix::OUT_COUNT] = f64::from(s.out_count);
        f[ix::IN_YUAN] = yuan(s.in_sum);
        f[ix::OUT_YUAN] = yuan(s.out_sum);
        let cv = |sum: i64, sq: f64, n: u32| {
            let mean = ratio(sum as f64, f64::from(n));
            let var = ratio(sq, f64::from(n)) - mean * mean;
            ratio(var.max(0.0).sqrt(), mean)
        };
        f[ix::IN_MEAN_YUAN] = ratio(s.in_sum as f64, f64::from(s.in_count)) / 100.0;
        f[ix::IN_CV] = cv(s.in_sum, s.in_sq, s.in_count);
        f[ix::OUT_MEAN_YUAN] = ratio(s.out_sum as f64, f64::from(s.out_count)) / 100.0;
        f[ix::OUT_CV] = cv(s.out_sum, s.out_sq, s.out_count);
        f[ix::IN_MAX_YUAN] = yuan(s.in_max);
        f[ix::OUT_MAX_YUAN] = yuan(s.out_max);
        f[ix::IN_MIN_YUAN] = if s.in_count > 0 { yuan(s.in_min) } else { f64::NAN };
        f[ix::OUT_MIN_YUAN] = if s.out_count > 0 { yuan(s.out_min) } else { f64::NAN };
        f[ix::IN_MIN_SHARE] = f[ix::IN_MIN_YUAN] / f[ix::IN_MEAN_YUAN];
        f[ix::OUT_MIN_SHARE] = f[ix::OUT_MIN_YUAN] / f[ix::OUT_MEAN_YUAN];
        f[ix::PAYERS] = f64::from(s.payers);
        f[ix::PAYEES] = f64::from(s.payees);
        f[ix::FAN_IN_WINDOW] = f64::from(s.win_in.max_distinct);
        f[ix::FAN_OUT_WINDOW] = f64::from(s.win_out.max_distinct);
        f[ix::DEG_IN_WINDOW] = f64::from(s.win_in.max_len);
        f[ix::DEG_OUT_WINDOW] = f64::from(s.win_out.max_len);
        f[ix::REPEAT_IN_WINDOW] = f64::from(s.win_in.max_repeat);
        f[ix::REPEAT_OUT_WINDOW] = f64::from(s.win_out.max_repeat);
        f[ix::IN_WINDOW_YUAN] = yuan(s.win_in.max_sum);
        f[ix::PASS_THROUGH] = ratio(s.passed_fast as f64, s.in_sum as f64);
        f[ix::PASS_THROUGH_DAY] = ratio(s.passed_day as f64, s.in_sum as f64);
        f[ix::MEDIAN_DWELL_MIN] = median_dwell_minutes(&s.dwell);
        f[ix::NEAR_ZERO] = ratio(f64::from(s.near_zero_outs), f64::from(s.out_count));
        f[ix::NIGHT_SHARE] = ratio(f64::from(s.night), f64::from(s.in_count + s.out_count));
        f[ix::BURST_AFTER_DORMANCY] = f64::from(s.burst_max);
        f[ix::COUNTERPARTY_BANKS] = s.cp_banks.len() as f64;
        f[ix::COUNTERPARTY_PROVINCES] = f64::from(s.cp_provinces.count_ones());
        f[ix::CASH_OUT_SHARE] = ratio(s.cash_out as f64, s.out_sum as f64);
        f[ix::CASH_WINDOW] = f64::from(s.win_cash.max_len);
        f[ix::CASH_WINDOW_YUAN] = yuan(s.win_cash.max_sum);
        f[ix::REMOTE_CASH_SHARE] = ratio(s.remote_cash as f64, s.cash_out as f64);
        f[ix::CASH_OUT_KM] = if s.cash_out > 0 && account.open_region.is_some() { s.cash_km } else { f64::NAN };
        f[ix::OTHER_BANK_OUT_SHARE] = ratio(s.other_bank_out as f64, s.out_sum as f64);
        f[ix::OUT_IN_RATIO] = ratio(s.out_sum as f64, s.in_sum as f64);
        self.holders.fill(account, &mut f);
        f[ix::ACCOUNT_CLASS] = match account.class {
            Some(AccountClass::I) => 1.0,
            Some(AccountClass::II) => 2.0,
            Some(AccountClass::III) => 3.0,
            Some(AccountClass::Corp) => 4.0,
            None => f64::NAN,
        };
        f[ix::ACTIVE_DAYS] = s.first_ts.map_or(f64::NAN, |first| days(s.last_ts - first));
        if s.first_ts.is_some() {
            let c = s.change.features(&self.cfg.change, s.last_ts);
            f[ix::NEW_PAYER_SHARE_RECENT] = c.new_payer_share_recent;
            f[ix::NEW_PAYER_SHARE_BEFORE] = c.new_payer_share_before;
            f[ix::NEW_PAYERS_RECENT] = c.new_payers_recent;
            f[ix::NEW_PAYER_PROVINCES_RECENT] = c.new_payer_provinces_recent;
            f[ix::PASS_THROUGH_RECENT] = c.pass_through_recent;
            f[ix::PASS_THROUGH_BEFORE] = c.pass_through_before;
            f[ix::KNOWN_DAYS_BEFORE] = c.known_days_before;
        }
        f
    }

    /// When account `a`'s behaviour changed, as far as the engine can tell: its first inflow from a
    /// payer it never dealt with, within its recent span (see [`crate::change`]).
    pub fn changed_since(&self, a: AccountIx) -> Option<Ts> {
        let s = self.states.get(a.0 as usize)?;
        s.first_ts?;
        s.change.features(&self.cfg.change, s.last_ts).changed_since.map(Ts)
    }

    /// The accounts of the holder with this digest, in opening order (empty when none is known):
    /// a lookup, not a scan of the ledger.
    pub fn holder_accounts(&self, digest: &fanzha_model::HolderDigest) -> &[AccountIx] {
        self.holders.by_digest(digest).map_or(&[], |h| &h.accounts)
    }

    /// Whether account `a` has taken part in any transfer so far.
    pub fn is_active(&self, a: AccountIx) -> bool {
        self.states.get(a.0 as usize).is_some_and(|s| s.first_ts.is_some())
    }

    /// When `from` first paid `to` (in a transfer the engine has seen), if it has.
    pub fn first_paid(&self, from: AccountIx, to: AccountIx) -> Option<Ts> {
        self.pairs.get(&pair(from.0, to.0)).map(|&ts| Ts(ts))
    }

    /// Days account `a` had been quiet before its current run of activity, as seen at `now`: a run
    /// is what followed the latest quiet spell of at least [`FeatureConfig::dormancy_secs`], and it
    /// is current when it began within the behaviour-change recent span
    /// ([`ChangeConfig::recent_secs`]). A transfer at `now` after such a spell begins a run itself.
    /// An active account gets the gap before its current run only if that run is recent, else 0.
    /// Quiet time counts from the account's opening or the start of its history, whichever is
    /// later: where the history is censored this is a lower bound, never a guess. `None` when
    /// neither an opening date nor a history start is known for an account not seen yet.
    pub fn quiet_days_before_run(&self, ledger: &Ledger, a: AccountIx, now: Ts) -> Option<f64> {
        let days = |secs: i64| secs.max(0) as f64 / 86_400.0;
        let s = self.states.get(a.0 as usize);
        let Some(last) = s.filter(|s| s.first_ts.is_some()).map(|s| s.last_ts) else {
            return quiet_from(ledger, a).map(|since| days(now.0 - since));
        };
        if now.0 - last >= self.cfg.dormancy_secs {
            return Some(days(now.0 - last));
        }
        Some(match s.and_then(|s| s.woke) {
            Some((start, quiet)) if start > now.0 - self.cfg.change.recent_secs => days(quiet),
            _ => 0.0,
        })
    }

    /// Recounts the holders' accounts leaving out those opened after `now`. An engine made by
    /// [`FeatureEngine::new`] counts every account of the ledger, which is right for a live
    /// service (its ledger is the present) and a look-ahead for a replay of history.
    pub fn holders_as_of(&mut self, ledger: &Ledger, now: Ts) {
        self.holders = HolderStats::new(ledger, self.cfg.opening_window_secs, Some(now));
    }

    /// Makes room for accounts added to the ledger since the engine was made, and counts them in
    /// their holders' features (a holder opening a fifth card shows on all five at once).
    pub fn grow(&mut self, ledger: &Ledger) {
        let known = self.states.len();
        self.holders.extend(ledger, known);
        self.states.extend(
            ledger.accounts()[known..].iter().map(|a| State { balance: a.opening_balance.0, ..State::default() }),
        );
    }

    /// What account `a` did in the `secs` before `now` (at most the engine's window, and `now` no
    /// earlier than the account's latest transfer): the live view a check needs, e.g. distinct payers
    /// in the last 24 h.
    pub fn recent(&self, a: AccountIx, now: Ts, secs: i64) -> Recent {
        let Some(s) = self.states.get(a.0 as usize) else { return Recent::default() };
        let since = now.0 - secs.min(self.cfg.window_secs);
        // The window holds the account's items of the last `window_secs` before its latest transfer,
        // with their distinct count kept up to date; the span is a suffix of it. When the part that
        // fell out of the span is the smaller one, subtract it (a counterparty leaves the distinct
        // count when all its window items fell out); otherwise count the suffix directly.
        let side = |w: &Window, counts: &FxHashMap<u64, u32>| {
            let gone = w.items.partition_point(|i| i.0 <= since);
            let kept = w.items.len() - gone;
            if gone <= kept {
                let mut parties: Vec<u32> = w.items.range(..gone).map(|i| i.1).filter(|&p| p != NO_PARTY).collect();
                parties.sort_unstable();
                let left = parties
                    .chunk_by(|x, y| x == y)
                    .filter(|run| counts.get(&pair(a.0, run[0])) == Some(&(run.len() as u32)));
                let distinct = w.distinct - left.count() as u32;
                (distinct, kept as u32, w.sum - w.items.range(..gone).map(|i| i.2).sum::<i64>())
            } else {
                let mut parties: Vec<u32> = w.items.range(gone..).map(|i| i.1).filter(|&p| p != NO_PARTY).collect();
                parties.sort_unstable();
                parties.dedup();
                (parties.len() as u32, kept as u32, w.items.range(gone..).map(|i| i.2).sum::<i64>())
            }
        };
        let (payers, inflows, in_fen) = side(&s.win_in, &self.in_window[0]);
        let (payees, outflows, out_fen) = side(&s.win_out, &self.in_window[1]);
        Recent { payers, inflows, in_fen: Fen(in_fen), payees, outflows, out_fen: Fen(out_fen) }
    }

    /// Whether at least `amount` came into account `a` in the `secs` before `now` (as for
    /// [`FeatureEngine::recent`]: at most the engine's window, and `now` no earlier than the account's
    /// latest transfer). Counts back from the newest inflow and stops once it has enough, so a busy
    /// account's payment that its latest inflows cover costs little.
    pub fn received_at_least(&self, a: AccountIx, now: Ts, secs: i64, amount: Fen) -> bool {
        let since = now.0 - secs.min(self.cfg.window_secs);
        let Some(s) = self.states.get(a.0 as usize) else { return amount.0 <= 0 };
        let mut sum = 0i64;
        amount.0 <= 0
            || s.win_in.items.iter().rev().take_while(|i| i.0 > since).any(|i| {
                sum += i.2;
                sum >= amount.0
            })
    }

    /// The accounts `a` paid in the `secs` before `now` (at most the engine's window), once per
    /// payment, newest last; cash withdrawals are left out.
    pub fn recent_payees(&self, a: AccountIx, now: Ts, secs: i64) -> impl Iterator<Item = AccountIx> + '_ {
        let since = now.0 - secs.min(self.cfg.window_secs);
        let items = self.states.get(a.0 as usize).map(|s| &s.win_out.items);
        let start = items.map_or(0, |w| w.partition_point(|i| i.0 <= since));
        items.into_iter().flat_map(move |w| w.range(start..)).filter(|i| i.1 != NO_PARTY).map(|i| AccountIx(i.1))
    }
}

/// From when an account not seen in any transfer yet has been quiet, as far as the data can tell:
/// its opening, or the start of its history if that is later (`None`: opening date unknown).
fn quiet_from(ledger: &Ledger, a: AccountIx) -> Option<i64> {
    let opened = ledger.account(a).opened_at?.0;
    Some(ledger.history_from(a).map_or(opened, |h| opened.max(h.0)))
}

/// Whether an account's span between first and last transaction ([`ix::ACTIVE_DAYS`] in its own
/// features `own`) is censored: its quiet time after opening is unknown, so its first use is not
/// known to be in the data (opened before its history starts ([`opened_within_history`]), no
/// opening date, or one after its first transfer). The span may then be only the tail of its life
/// that the data shows.
pub fn span_censored(own: &[f64]) -> bool {
    own[ix::QUIET_DAYS_AFTER_OPEN].is_nan()
}

/// The live stage's view of an account's own features: the span between first and last
/// transaction is missing where it is censored ([`span_censored`]). Training and scoring both read
/// it, so a live stage never learns from a span it cannot trust.
pub fn live_view(own: &OwnFeatures) -> OwnFeatures {
    let mut v = *own;
    if span_censored(own) {
        v[ix::ACTIVE_DAYS] = f64::NAN;
    }
    v
}

/// When account `a` was opened, if that lies inside the data's history ([`Ledger::history_from`]);
/// `None` when the opening date is unknown or before the history starts (censored).
pub fn opened_within_history(ledger: &Ledger, a: AccountIx) -> Option<i64> {
    let opened = ledger.account(a).opened_at?;
    match ledger.history_from(a) {
        Some(h) if opened < h => None,
        _ => Some(opened.0),
    }
}

/// An account's activity in a recent span (see [`FeatureEngine::recent`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recent {
    /// Distinct payers.
    pub payers: u32,
    /// Incoming transfers (cash deposits included).
    pub inflows: u32,
    /// Money in.
    pub in_fen: Fen,
    /// Distinct payees.
    pub payees: u32,
    /// Outgoing transfers (cash withdrawals included).
    pub outflows: u32,
    /// Money out.
    pub out_fen: Fen,
}

/// Records a counterparty's bank and province in the account's small sets.
fn note_counterparty(s: &mut State, bank: Option<u16>, region: Option<Region>) {
    if let Some(b) = bank {
        if let Err(at) = s.cp_banks.binary_search(&b) {
            s.cp_banks.insert(at, b);
        }
    }
    if let Some(r) = region {
        s.cp_provinces |= 1u128 << ((r.code() / 10_000) % 128);
    }
}

/// Pops the items at or before `horizon` out of a window.
fn expire(w: &mut Window, counts: &mut FxHashMap<u64, u32>, a: u32, horizon: i64) {
    while let Some(&(t, cp, amount)) = w.items.front() {
        if t > horizon {
            break;
        }
        w.items.pop_front();
        w.sum -= amount;
        if cp != NO_PARTY {
            let key = pair(a, cp);
            let n = counts.get_mut(&key).expect("counted when pushed");
            *n -= 1;
            if *n == 0 {
                counts.remove(&key);
                w.distinct -= 1;
            }
        }
    }
}

/// Moves a window to `ts` and adds one item, updating the running maxima.
fn slide(w: &mut Window, counts: &mut FxHashMap<u64, u32>, a: u32, cp: u32, ts: i64, amount: i64, len: i64) {
    expire(w, counts, a, ts - len);
    w.items.push_back((ts, cp, amount));
    w.sum += amount;
    if cp != NO_PARTY {
        let n = counts.entry(pair(a, cp)).or_insert(0);
        *n += 1;
        if *n == 1 {
            w.distinct += 1;
        }
        w.max_repeat = w.max_repeat.max(*n);
    }
    w.max_distinct = w.max_distinct.max(w.distinct);
    w.max_len = w.max_len.max(w.items.len() as u32);
    w.max_sum = w.max_sum.max(w.sum);
}

/// Spends the oldest lots first (FIFO) for an outflow, noting how long the money stayed (and what
/// had arrived within `day_secs`); returns the part that had arrived within `fast_secs`.
fn consume_lots(s: &mut State, ts: i64, amount: i64, fast_secs: i64, day_secs: i64) -> i64 {
    let mut left = amount;
    let mut fast = 0;
    while left > 0 {
        let Some(lot) = s.lots.front_mut() else { break };
        let part = left.min(lot.1);
        let stayed = ts - lot.0;
        if stayed <= fast_secs {
            s.passed_fast += part;
            fast += part;
        }
        if stayed <= day_secs {
            s.passed_day += part;
        }
        s.dwell[dwell_bucket(stayed)] += part;
        lot.1 -= part;
        left -= part;
        if lot.1 == 0 {
            s.lots.pop_front();
        }
    }
    fast
}

fn dwell_bucket(secs: i64) -> usize {
    let minutes = (secs / 60).max(0) as u64 + 1;
    (63 - minutes.leading_zeros() as usize).min(DWELL_BUCKETS - 1)
}

/// The money-weighted median of the dwell histogram, as the geometric middle of its bucket.
fn median_dwell_minutes(hist: &[i64; DWELL_BUCKETS]) -> f64 {
    let total: i64 = hist.iter().sum();
    if total == 0 {
        return f64::NAN;
    }
    let mut seen = 0;
    for (b, &v) in hist.iter().enumerate() {
        seen += v;
        if 2 * seen >= total {
            let (lo, hi) = ((1u64 << b) as f64, (1u64 << (b + 1)) as f64);
            return ((lo * hi).sqrt() - 1.0).max(0.0);
        }
    }
    f64::NAN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dwell_buckets_are_log2_minutes() {
        assert_eq!(dwell_bucket(0), 0);
        assert_eq!(dwell_bucket(59), 0);
        assert_eq!(dwell_bucket(60), 1);
        assert_eq!(dwell_bucket(3 * 60), 2);
        assert_eq!(dwell_bucket(i64::MAX / 2), DWELL_BUCKETS - 1);
    }
}
