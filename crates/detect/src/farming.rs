//! Card farming (一人多卡): a holder who opens many accounts within days, at several banks, in
//! several cities or far from home; and card-supply rings: holders whose cards are used together
//! (the same counterparties, cash taken out at the same places on the same days), as when one
//! network buys sets of cards from several farmers.

use crate::geo::{home_province, province_km};
use crate::holders::{banks_and_cities, busiest_window, HolderStats};
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, HolderDigest, Ledger, Region, TransferKind, Ts, DAY_SECS};
use rustc_hash::{FxHashMap, FxHashSet};

/// Thresholds of the card-farming detector (configuration, defaults from the domain notes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FarmingConfig {
    /// Accounts opened within the window (N).
    pub min_accounts: usize,
    /// Distinct banks among them (B): raises the score, not needed for a flag.
    pub min_banks: usize,
    /// Distinct cities among them (C).
    pub min_cities: usize,
    /// The window (T), in days.
    pub window_days: i64,
    /// Opened at least this far from the holder's home province counts as "far from home".
    pub far_km: f64,
    /// Counterparties with more transfers than this are hubs (merchants, payroll), not evidence of a ring.
    pub ring_hub_degree: usize,
    /// Holders are in one ring when their cards share at least this many counterparties.
    pub ring_min_shared: usize,
    /// Holders are also in one ring when their cards took cash out at the same place on at least this
    /// many of the same days.
    pub ring_min_places: usize,
    /// A place and day where the cards of more than this many holders took cash out is a busy spot (a
    /// city-wide region code, a station), not evidence of a ring.
    pub ring_place_crowd: usize,
    /// A holder is a card farmer too when the mule run flags at least this many of their accounts
    /// opened within the window: most of a farmer's cards may be at institutions that supply no
    /// data, and the ones that do are found as mule accounts (decision 19 of
    /// bench/out/generalize-decisions.md).
    pub min_flagged_cards: usize,
    /// A holder is a card farmer too when they opened at least this many accounts within
    /// [`Self::burst_days`] and the mule run flags one of them: a farmer's few cards at institutions
    /// that supply data, opened in one sitting, of which one is already used as a mule
    /// (bench/out/generalize-decisions.md, decision 31).
    pub burst_accounts: usize,
    /// The days of such a burst of openings.
    pub burst_days: i64,
}

impl Default for FarmingConfig {
    fn default() -> FarmingConfig {
        FarmingConfig {
            min_accounts: 5,
            min_banks: 3,
            min_cities: 2,
            window_days: 30,
            far_km: 500.0,
            ring_hub_degree: 200,
            ring_min_shared: 2,
            ring_min_places: 2,
            ring_place_crowd: 5,
            min_flagged_cards: 3,
            burst_accounts: 3,
            burst_days: 7,
        }
    }
}

impl FarmingConfig {
    /// The card-farming pattern by openings alone (one home for it: the detector and the mule rule
    /// both ask here): at least [`Self::min_accounts`] accounts opened within the window in at
    /// least [`Self::min_cities`] cities. Many cards at several banks of one town is how people get
    /// a mortgage, a loan or a new job's salary card, and a migrant worker opens them in the city
    /// where they work, far from home: neither is a farm by its openings (a burst of them with a
    /// card the mule run flags is: [`Self::burst_window`]). Banks and cards far from home only
    /// raise the score.
    pub fn is_farming(&self, accounts: usize, cities: usize) -> bool {
        accounts >= self.min_accounts && cities >= self.min_cities
    }

    /// The first window of [`Self::window_days`] with the most openings among those that are a
    /// farm by [`Self::is_farming`], as indices into `opened` (opening times, ascending, each with
    /// its city: the prefecture code of its opening region). `None` when no window is a farm. The
    /// busiest window alone is not enough: a farmer who opens eight cards in one city and then
    /// five in the next has no farm in the first month but one across the two.
    pub fn farming_window(&self, opened: &[(i64, Option<u32>)]) -> Option<std::ops::Range<usize>> {
        let window = self.window_days * DAY_SECS;
        let mut in_window: FxHashMap<u32, usize> = FxHashMap::default();
        let mut best: Option<std::ops::Range<usize>> = None;
        let mut lo = 0;
        for hi in 0..opened.len() {
            if let Some(c) = opened[hi].1 {
                *in_window.entry(c).or_default() += 1;
            }
            while opened[hi].0 - opened[lo].0 > window {
                if let Some(c) = opened[lo].1 {
                    let n = in_window.get_mut(&c).expect("counted when it entered");
                    *n -= 1;
                    if *n == 0 {
                        in_window.remove(&c);
                    }
                }
                lo += 1;
            }
            let longer = best.as_ref().is_none_or(|b| hi + 1 - lo > b.len());
            if longer && self.is_farming(hi + 1 - lo, in_window.len()) {
                best = Some(lo..hi + 1);
            }
        }
        best
    }

    /// The first burst of openings that makes a farm with the mule run's flags: at least
    /// [`Self::burst_accounts`] accounts opened within [`Self::burst_days`] of the first of them,
    /// one or more of them `flagged`; as indices into `opened` (opening times, ascending, each with
    /// whether the run flagged it), every account of those days.
    pub fn burst_window(&self, opened: &[(i64, bool)]) -> Option<std::ops::Range<usize>> {
        if self.burst_accounts == 0 {
            return None;
        }
        let days = self.burst_days * DAY_SECS;
        (0..opened.len()).find_map(|lo| {
            let hi = lo + opened[lo..].partition_point(|o| o.0 - opened[lo].0 <= days);
            let burst = hi - lo >= self.burst_accounts && opened[lo..hi].iter().any(|o| o.1);
            burst.then_some(lo..hi)
        })
    }
}

/// One account in a farmer's evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedCard {
    /// The account.
    pub account: AccountIx,
    /// When it was opened.
    pub opened_at: Option<Ts>,
    /// Kilometres from the holder's home province (when both are known).
    pub km_from_home: Option<f64>,
    /// First transfer in or out, if any.
    pub first_use: Option<Ts>,
}

/// A holder's card-farming verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct FarmerScore {
    /// The holder.
    pub holder: HolderDigest,
    /// The holder as shown (masked identity).
    pub masked: String,
    /// Score in [0, 1].
    pub score: f64,
    /// Meets the thresholds.
    pub flagged: bool,
    /// Accounts opened within the window of the evidence.
    pub opened_in_window: usize,
    /// That window's days: [`FarmingConfig::window_days`], or [`FarmingConfig::burst_days`] for a
    /// burst.
    pub window_days: i64,
    /// Distinct banks among them.
    pub banks: usize,
    /// Distinct cities among them.
    pub cities: usize,
    /// Of them, opened far from home.
    pub far_from_home: usize,
    /// For a holder not flagged by their openings: the most of their accounts opened within one
    /// window that the mule run flagged ([`FarmingConfig::min_flagged_cards`] or more flags them),
    /// or for a burst ([`FarmingConfig::burst_window`]) how many of its accounts the run flagged;
    /// 0 for a farm by its openings and without a run.
    pub flagged_cards: usize,
    /// The cards of the window of the evidence, in opening order.
    pub cards: Vec<OpenedCard>,
    /// Sentences in Chinese and English.
    pub reasons: Vec<(String, String)>,
}

/// Holders whose cards were used together: with the same counterparties, or for cash at the same
/// places on the same days.
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    /// The holders, in the order of the farmer list.
    pub holders: Vec<HolderDigest>,
    /// Counterparty accounts their cards have in common (up to 20).
    pub shared: Vec<AccountIx>,
    /// Places and days where cards of two or more of them took cash out (up to 20).
    pub places: Vec<CashPlace>,
}

/// Where and on which day cash was taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CashPlace {
    /// The withdrawal's region (the ATM's or counter's place).
    pub region: Region,
    /// The day, as the UTC time of its midnight in China Standard Time.
    pub day: Ts,
}

impl CashPlace {
    /// The place and China-time day of a withdrawal at `ts` in `region`.
    pub fn new(region: Region, ts: Ts) -> CashPlace {
        CashPlace { region, day: Ts::beijing_midnight(ts.beijing_day()) }
    }
}

/// `n` with the English noun in the singular or the plural ("1 city", "3 cities"), for reasons.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The prefix of an account's edge list (in time order) up to `until` (all when `None`).
fn upto<'g>(graph: &TemporalGraph, edges: &'g [u32], until: Option<Ts>) -> &'g [u32] {
    match until {
        None => edges,
        Some(u) => &edges[..edges.partition_point(|&e| graph.edge(fanzha_graph::EdgeIx(e)).ts <= u)],
    }
}

/// The first time `a` moved money, if it did by `until` (all data when `None`).
fn first_use(graph: &TemporalGraph, a: AccountIx, until: Option<Ts>) -> Option<Ts> {
    let first = |edges: &[u32]| upto(graph, edges, until).first().map(|&e| graph.edge(fanzha_graph::EdgeIx(e)).ts);
    match (first(graph.in_edges(a)), first(graph.out_edges(a))) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Scores every holder with at least two accounts by the accounts they opened, as of `until` (all
/// data when `None`: accounts opened later are not counted and later transfers not seen); highest
/// score first. A mule run knows more: see [`farmers_with_flags`].
pub fn farmers(ledger: &Ledger, graph: &TemporalGraph, cfg: &FarmingConfig, until: Option<Ts>) -> Vec<FarmerScore> {
    farmers_with_flags(ledger, graph, cfg, until, &FxHashSet::default())
}

/// [`farmers`], where a holder is also flagged when `flagged` (the accounts a mule run flagged)
/// holds at least [`FarmingConfig::min_flagged_cards`] of their accounts opened within the window
/// (the holder's cards are then every account opened within the window from the first of those),
/// or one account of a burst of openings ([`FarmingConfig::burst_window`]: the burst's accounts).
pub fn farmers_with_flags(
    ledger: &Ledger,
    graph: &TemporalGraph,
    cfg: &FarmingConfig,
    until: Option<Ts>,
    flagged: &FxHashSet<AccountIx>,
) -> Vec<FarmerScore> {
    let stats = HolderStats::new(ledger, cfg.window_days * DAY_SECS, until);
    let mut out: Vec<FarmerScore> = stats
        .iter()
        .filter(|(_, h)| h.accounts.len() >= 2)
        .map(|(d, h)| judge(ledger, graph, cfg, *d, &h.accounts, until, flagged))
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.opened_in_window.cmp(&a.opened_in_window)));
    out
}

fn judge(
    ledger: &Ledger,
    graph: &TemporalGraph,
    cfg: &FarmingConfig,
    holder: HolderDigest,
    accounts: &[AccountIx],
    until: Option<Ts>,
    flagged: &FxHashSet<AccountIx>,
) -> FarmerScore {
    let window = cfg.window_days * 86_400;
    let dated: Vec<(i64, AccountIx)> =
        accounts.iter().filter_map(|&a| ledger.account(a).opened_at.map(|t| (t.0, a))).collect();
    // Accounts are already in opening order.
    let times: Vec<i64> = dated.iter().map(|d| d.0).collect();
    let opened: Vec<(i64, Option<u32>)> =
        dated.iter().map(|&(t, a)| (t, ledger.account(a).open_region.map(|r| r.prefecture().code()))).collect();
    let mut chosen: Vec<AccountIx> = if dated.is_empty() {
        accounts.to_vec()
    } else {
        let farm = cfg.farming_window(&opened).unwrap_or_else(|| busiest_window(&times, window));
        dated[farm].iter().map(|d| d.1).collect()
    };
    let (mut banks, mut cities) = banks_and_cities(ledger, &chosen);
    let by_openings = cfg.is_farming(chosen.len(), cities);
    // Not a farm by its openings: the most flagged accounts opened within one window, and then
    // every account opened within the window from the first of them; or else a burst of openings
    // of which the run flags one. (A farm's cards are flagged for being a farm's: no evidence of
    // their own.) Each gives the cards, how many of them are flagged, and the window's days.
    let from_flags: Option<(Vec<AccountIx>, usize, i64)> = if by_openings {
        None
    } else {
        let flagged_times: Vec<i64> = dated.iter().filter(|d| flagged.contains(&d.1)).map(|d| d.0).collect();
        let most_flagged = busiest_window(&flagged_times, window);
        if most_flagged.len() >= cfg.min_flagged_cards.max(1) {
            let from = flagged_times[most_flagged.start];
            let cards = dated.iter().filter(|d| (from..=from + window).contains(&d.0)).map(|d| d.1).collect();
            Some((cards, most_flagged.len(), cfg.window_days))
        } else {
            let opened: Vec<(i64, bool)> = dated.iter().map(|d| (d.0, flagged.contains(&d.1))).collect();
            cfg.burst_window(&opened).map(|b| {
                let cards: Vec<AccountIx> = dated[b].iter().map(|d| d.1).collect();
                let k = cards.iter().filter(|a| flagged.contains(a)).count();
                (cards, k, cfg.burst_days)
            })
        }
    };
    let (by_flags, flagged_cards, days) = match from_flags {
        Some((cards, k, d)) => {
            chosen = cards;
            (banks, cities) = banks_and_cities(ledger, &chosen);
            (true, k, d)
        }
        None => (false, 0, cfg.window_days),
    };
    let masked = ledger.account(accounts[0]).holder.as_ref().map_or(String::new(), |h| h.masked.to_string());
    let home = home_province(&masked);
    let cards: Vec<OpenedCard> = chosen
        .iter()
        .map(|&a| {
            let acc = ledger.account(a);
            let km = match (home, acc.open_region) {
                (Some(h), Some(r)) => province_km(h, r),
                _ => None,
            };
            OpenedCard { account: a, opened_at: acc.opened_at, km_from_home: km, first_use: first_use(graph, a, until) }
        })
        .collect();
    let far = cards.iter().filter(|c| c.km_from_home.is_some_and(|k| k >= cfg.far_km)).count();
    let n = cards.len();
    let flagged = by_openings || by_flags;
    let ratio = |x: usize, of: usize| (x as f64 / of.max(1) as f64).min(1.5);
    let raw = 0.4 * ratio(n, cfg.min_accounts)
        + 0.2 * ratio(banks, cfg.min_banks)
        + 0.2 * ratio(cities, cfg.min_cities)
        + 0.2 * far as f64 / n.max(1) as f64;
    let score = if flagged { raw.clamp(0.5, 1.0) } else { raw.min(0.49) };
    let mut reasons = vec![(
        format!("{days}天内开立{n}个账户,涉及{banks}家银行、{cities}个城市"),
        format!(
            "opened {} at {} in {} within {}",
            counted(n, "account", "accounts"),
            counted(banks, "bank", "banks"),
            counted(cities, "city", "cities"),
            counted(days as usize, "day", "days")
        ),
    )];
    if by_flags {
        let k = flagged_cards;
        reasons.push((
            format!("其中{k}个账户已被识别为涉诈账户(疑似开卡出售)"),
            format!(
                "{k} of them {} flagged as mule accounts (cards opened to be sold)",
                if k == 1 { "is" } else { "are" }
            ),
        ));
    }
    if far > 0 {
        reasons.push((
            format!("其中{far}个账户开在距户籍地{:.0}公里以上的外省", cfg.far_km),
            format!("{far} of them {} more than {:.0} km from home", if far == 1 { "is" } else { "are" }, cfg.far_km),
        ));
    }
    let quiet: Vec<f64> = cards
        .iter()
        .filter_map(|c| Some((c.first_use?.0 - c.opened_at?.0) as f64 / 86_400.0))
        .filter(|d| *d >= 7.0)
        .collect();
    if quiet.len() * 2 >= n && n > 0 {
        reasons.push((
            format!("{}个账户开户后静默7天以上才开始使用(转手迹象)", quiet.len()),
            format!(
                "{} unused for 7+ days after opening (a sign of handing over)",
                counted(quiet.len(), "account stayed", "accounts stayed")
            ),
        ));
    }
    FarmerScore {
        holder,
        masked,
        score,
        flagged,
        opened_in_window: n,
        window_days: days,
        banks,
        cities,
        far_from_home: far,
        flagged_cards,
        cards,
        reasons,
    }
}

/// Groups the given holders into rings: holders whose cards share at least `cfg.ring_min_shared`
/// non-hub counterparties (a card of one paying a card of another counts), or took cash out at the
/// same place on at least `cfg.ring_min_places` of the same days (places and days with the cards of
/// more than `cfg.ring_place_crowd` holders do not count). Largest ring first.
pub fn rings(
    ledger: &Ledger,
    graph: &TemporalGraph,
    holders: &[&FarmerScore],
    cfg: &FarmingConfig,
    until: Option<Ts>,
) -> Vec<Ring> {
    let index: FxHashMap<HolderDigest, usize> = holders.iter().enumerate().map(|(h, f)| (f.holder, h)).collect();
    let owner: FxHashMap<AccountIx, usize> = ledger
        .accounts()
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((AccountIx::of(i), *index.get(&a.holder.as_ref()?.digest)?)))
        .collect();
    let mut cards: Vec<(AccountIx, usize)> = owner.iter().map(|(&a, &h)| (a, h)).collect();
    cards.sort_unstable();
    let shared: FxHashMap<(usize, usize), Vec<AccountIx>> = counterparty_links(graph, &cards, &owner, cfg, until)
        .into_iter()
        .filter(|(_, v)| v.len() >= cfg.ring_min_shared.max(1))
        .collect();
    let places: FxHashMap<(usize, usize), Vec<CashPlace>> =
        place_links(ledger, graph, &cards, cfg.ring_place_crowd, until)
            .into_iter()
            .filter(|(_, v)| distinct_days(v) >= cfg.ring_min_places.max(1))
            .collect();

    let mut parent: Vec<usize> = (0..holders.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in shared.keys().chain(places.keys()) {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    // Per ring root: its holders, then the evidence of its links.
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for h in 0..holders.len() {
        members.entry(root(&mut parent, h)).or_default().push(h);
    }
    let mut counterparties: FxHashMap<usize, Vec<AccountIx>> = FxHashMap::default();
    for ((a, _), v) in shared {
        counterparties.entry(root(&mut parent, a)).or_default().extend(v);
    }
    let mut cash: FxHashMap<usize, Vec<CashPlace>> = FxHashMap::default();
    for ((a, _), v) in places {
        cash.entry(root(&mut parent, a)).or_default().extend(v);
    }
    let mut out: Vec<Ring> = members
        .into_iter()
        .filter(|(_, hs)| hs.len() >= 2)
        .map(|(r, hs)| Ring {
            holders: hs.into_iter().map(|h| holders[h].holder).collect(),
            shared: evidence(counterparties.remove(&r).unwrap_or_default()),
            places: evidence(cash.remove(&r).unwrap_or_default()),
        })
        .collect();
    out.sort_by(|a, b| b.holders.len().cmp(&a.holders.len()).then(a.holders.cmp(&b.holders)));
    out
}

/// Sorted, without repeats, at most 20.
fn evidence<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items.dedup();
    items.truncate(20);
    items
}

/// Per pair of holders (lower index first), the non-hub counterparties their cards share.
fn counterparty_links(
    graph: &TemporalGraph,
    cards: &[(AccountIx, usize)],
    owner: &FxHashMap<AccountIx, usize>,
    cfg: &FarmingConfig,
    until: Option<Ts>,
) -> FxHashMap<(usize, usize), Vec<AccountIx>> {
    // Counterparty -> the holders whose cards dealt with it.
    let mut touched: FxHashMap<AccountIx, FxHashSet<usize>> = FxHashMap::default();
    for &(card, h) in cards {
        let partners = upto(graph, graph.out_edges(card), until)
            .iter()
            .chain(upto(graph, graph.in_edges(card), until))
            .filter_map(|&e| {
                let edge = graph.edge(fanzha_graph::EdgeIx(e));
                if edge.src == Some(card) {
                    edge.dst
                } else {
                    edge.src
                }
            })
            .filter(|&p| owner.get(&p) != Some(&h));
        for p in partners {
            if upto(graph, graph.out_edges(p), until).len() + upto(graph, graph.in_edges(p), until).len()
                > cfg.ring_hub_degree
            {
                continue;
            }
            let set = touched.entry(p).or_default();
            set.insert(h);
            if let Some(&o) = owner.get(&p) {
                set.insert(o);
            }
        }
    }
    pairs(touched)
}

/// Per pair of holders (lower index first), the places and days where cards of both took cash out,
/// leaving out those where the cards of more than `crowd` holders did.
fn place_links(
    ledger: &Ledger,
    graph: &TemporalGraph,
    cards: &[(AccountIx, usize)],
    crowd: usize,
    until: Option<Ts>,
) -> FxHashMap<(usize, usize), Vec<CashPlace>> {
    let mut touched: FxHashMap<CashPlace, FxHashSet<usize>> = FxHashMap::default();
    for &(card, h) in cards {
        for &e in upto(graph, graph.out_edges(card), until) {
            let t = ledger.transfer(graph.edge(fanzha_graph::EdgeIx(e)).txn);
            if let (TransferKind::Withdrawal, Some(region)) = (t.kind, t.region) {
                touched.entry(CashPlace::new(region, t.ts)).or_default().insert(h);
            }
        }
    }
    touched.retain(|_, holders| holders.len() <= crowd);
    pairs(touched)
}

/// The number of distinct days among `places` (sorted by region, then day).
fn distinct_days(places: &[CashPlace]) -> usize {
    let mut days: Vec<Ts> = places.iter().map(|p| p.day).collect();
    days.sort_unstable();
    days.dedup();
    days.len()
}

/// For every key shared by two or more holders, the key under each pair of them.
fn pairs<K: Ord + Copy>(touched: FxHashMap<K, FxHashSet<usize>>) -> FxHashMap<(usize, usize), Vec<K>> {
    let mut out: FxHashMap<(usize, usize), Vec<K>> = FxHashMap::default();
    let mut keys: Vec<_> = touched.into_iter().filter(|(_, s)| s.len() >= 2).collect();
    keys.sort_unstable_by_key(|(k, _)| *k);
    for (k, set) in keys {
        let mut hs: Vec<usize> = set.into_iter().collect();
        hs.sort_unstable();
        for i in 0..hs.len() {
            for j in i + 1..hs.len() {
                out.entry((hs[i], hs[j])).or_default().push(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, BankIx, Event, Fen, HolderSalt, Transfer};

    const DAY: i64 = 86_400;
    const T0: i64 = 1_700_000_000;
    /// Wuhan (Hubei, the holders' home), Shenzhen (about 900 km away) and Xiaogan (Hubei).
    const WUHAN: u32 = 420_100;
    const SHENZHEN: u32 = 440_300;
    const XIAOGAN: u32 = 420_900;

    /// A card: its holder (an index into an 18-digit Hubei identity), opening day, bank, region.
    struct Card(u32, i64, u16, u32);

    /// A ledger of `cards` (accounts `C0`…) and counterparties `P0`…`P{parties}`; `transfers` are
    /// `(card, party, day)` payments from a party into a card; `cash` is `(card, day, region)`.
    fn ledger(cards: &[Card], parties: u32, transfers: &[(u32, u32, i64)], cash: &[(u32, i64, u32)]) -> Ledger {
        let mut l = Ledger::new();
        for bank in ["ICBC", "CCB", "ABC", "BOC"] {
            l.apply(Event::Bank { code: bank.into() });
        }
        let salt = HolderSalt::new([7; 32]);
        for (i, c) in cards.iter().enumerate() {
            let account = Account {
                bank: Some(BankIx(c.2)),
                holder: Some(salt.holder(&format!("42010519900101{:04}", c.0))),
                opened_at: Some(Ts(T0 + c.1 * DAY)),
                open_region: Region::new(c.3),
                ..Account::internal()
            };
            l.apply(Event::Account { id: format!("C{i}").into(), account });
        }
        for p in 0..parties {
            l.apply(Event::Account { id: format!("P{p}").into(), account: Account::internal() });
        }
        let n = cards.len() as u32;
        let mut k = 0;
        let mut add = |l: &mut Ledger, transfer: Transfer| {
            l.apply(Event::Transfer { txn_id: format!("T{k}").into(), transfer });
            k += 1;
        };
        for &(card, party, day) in transfers {
            let ts = Ts(T0 + day * DAY);
            add(&mut l, Transfer::plain(ts, Some(AccountIx(n + party)), Some(AccountIx(card)), Fen(100_000)));
        }
        for &(card, day, region) in cash {
            let ts = Ts(T0 + day * DAY + 3_600);
            let t = Transfer {
                kind: TransferKind::Withdrawal,
                region: Region::new(region),
                ..Transfer::plain(ts, Some(AccountIx(card)), None, Fen(200_000))
            };
            add(&mut l, t);
        }
        l
    }

    fn verdicts(l: &Ledger) -> Vec<FarmerScore> {
        farmers(l, &TemporalGraph::build(l), &FarmingConfig::default(), None)
    }

    #[test]
    fn busiest_window_is_the_first_longest_run() {
        assert_eq!(busiest_window(&[], 10), 0..0);
        assert_eq!(busiest_window(&[5], 10), 0..1);
        assert_eq!(busiest_window(&[0, 5, 10, 30, 31, 32], 10), 0..3, "the first of two runs of three, ends inclusive");
        assert_eq!(busiest_window(&[0, 100, 101, 102, 103], 3), 1..5);
    }

    #[test]
    fn a_spree_across_banks_and_cities_is_flagged_and_a_slow_one_is_not() {
        let mut cards: Vec<Card> =
            (0..6).map(|i| Card(1, 2 * i, (i % 3) as u16, [WUHAN, XIAOGAN][i as usize % 2])).collect();
        // Holder 2: as many cards at as many banks, but one every 60 days.
        cards.extend((0..6).map(|i| Card(2, 60 * i, (i % 3) as u16, WUHAN)));
        let v = verdicts(&ledger(&cards, 0, &[], &[]));
        assert_eq!(v.len(), 2);
        let (spree, slow) = (&v[0], &v[1]);
        assert!(spree.flagged && spree.score >= 0.5, "{spree:?}");
        assert_eq!((spree.opened_in_window, spree.banks, spree.cities), (6, 3, 2));
        assert!(spree.reasons[0].0.contains("30天内开立6个账户,涉及3家银行、2个城市"), "{:?}", spree.reasons);
        assert!(!slow.flagged && slow.score < 0.5, "{slow:?}");
        assert_eq!(slow.opened_in_window, 1);
    }

    #[test]
    fn the_farm_window_is_the_busiest_one_that_is_a_farm() {
        let cfg = FarmingConfig::default();
        let at = |days: &[(i64, u32)]| -> Vec<(i64, Option<u32>)> {
            days.iter().map(|&(d, c)| (d * DAY, Some(c).filter(|&c| c != 0))).collect()
        };
        // Eight cards in one city in the first month, then five in the next city: the busiest
        // window (days 0-28) is one city; days 16-46 hold eight cards in two.
        let mut spree: Vec<(i64, u32)> = (0..8).map(|i| (4 * i, WUHAN)).collect();
        spree.extend((0..5).map(|i| (40 + 2 * i, SHENZHEN)));
        assert_eq!(busiest_window(&at(&spree).iter().map(|o| o.0).collect::<Vec<_>>(), 30 * DAY), 0..8);
        assert_eq!(cfg.farming_window(&at(&spree)), Some(4..12));
        // One city throughout, or a second city too far in time, or cards of unknown region: no farm.
        assert_eq!(cfg.farming_window(&at(&[(0, WUHAN), (1, WUHAN), (2, WUHAN), (3, WUHAN), (4, WUHAN)])), None);
        assert_eq!(cfg.farming_window(&at(&[(0, SHENZHEN), (40, WUHAN), (41, WUHAN), (42, WUHAN), (43, WUHAN)])), None);
        assert_eq!(cfg.farming_window(&at(&[(0, SHENZHEN), (1, 0), (2, 0), (3, 0), (4, 0)])), None);
        // The first of two equal farms.
        let two = at(&[(0, WUHAN), (1, WUHAN), (2, WUHAN), (3, WUHAN), (4, SHENZHEN), (100, WUHAN), (101, WUHAN)]);
        assert_eq!(cfg.farming_window(&two), Some(0..5));
        assert_eq!(cfg.farming_window(&[]), None);
    }

    #[test]
    fn a_burst_is_three_openings_within_a_week_one_of_them_flagged() {
        let cfg = FarmingConfig::default();
        let at = |days: &[(i64, bool)]| -> Vec<(i64, bool)> { days.iter().map(|&(d, f)| (d * DAY, f)).collect() };
        assert_eq!(cfg.burst_window(&at(&[(0, false), (3, true), (7, false)])), Some(0..3), "a week, ends inclusive");
        assert_eq!(cfg.burst_window(&at(&[(0, false), (3, true), (8, false)])), None, "eight days");
        assert_eq!(cfg.burst_window(&at(&[(0, false), (1, false), (2, false)])), None, "none flagged");
        assert_eq!(cfg.burst_window(&at(&[(0, true), (1, false)])), None, "two openings");
        let later = at(&[(0, false), (20, false), (21, true), (22, false), (23, false)]);
        assert_eq!(cfg.burst_window(&later), Some(1..5), "every opening of the week from the first");
        assert_eq!(FarmingConfig { burst_accounts: 0, ..cfg }.burst_window(&later), None, "off");
    }

    #[test]
    fn a_farmer_who_moves_to_the_next_city_is_found_across_the_two() {
        // Eight cards in Wuhan within four weeks, then five in Shenzhen: no month of the first
        // city alone is a farm, the month across both is.
        let mut cards: Vec<Card> = (0..8).map(|i| Card(1, 4 * i, (i % 4) as u16, WUHAN)).collect();
        cards.extend((0..5).map(|i| Card(1, 40 + 2 * i, (i % 4) as u16, SHENZHEN)));
        let v = verdicts(&ledger(&cards, 0, &[], &[]));
        assert!(v[0].flagged && v[0].score >= 0.5, "{:?}", v[0]);
        assert_eq!((v[0].opened_in_window, v[0].cities), (8, 2));
        assert_eq!(v[0].cards.iter().map(|c| c.account.0).collect::<Vec<_>>(), (4..12).collect::<Vec<_>>());
    }

    #[test]
    fn a_holder_whose_new_cards_are_flagged_as_mules_is_a_farmer_too() {
        // Holder 1: three cards in one town within four days, too few for the opening pattern,
        // and a fourth months later; holder 2: three cards too, one every 60 days; holder 3: two
        // cards a day apart.
        let mut cards: Vec<Card> = (0..3).map(|i| Card(1, 2 * i, i as u16, WUHAN)).collect();
        cards.push(Card(1, 200, 3, WUHAN));
        cards.extend((0..3).map(|i| Card(2, 60 * i, i as u16, WUHAN)));
        cards.extend((0..2).map(|i| Card(3, i, i as u16, WUHAN)));
        let l = ledger(&cards, 0, &[], &[]);
        let g = TemporalGraph::build(&l);
        let cfg = FarmingConfig::default();
        let judge = |flagged: &[u32]| {
            let set: FxHashSet<AccountIx> = flagged.iter().map(|&i| AccountIx(i)).collect();
            farmers_with_flags(&l, &g, &cfg, None, &set)
        };
        let by = |v: &[FarmerScore], first: u32| v.iter().find(|f| f.cards[0].account == AccountIx(first)).cloned();
        assert!(verdicts(&l).iter().all(|f| !f.flagged && f.flagged_cards == 0));
        // One flagged card of a burst of three within a week: the burst is the farm.
        let burst = by(&judge(&[1]), 0).unwrap();
        assert!(burst.flagged && burst.score >= 0.5, "{burst:?}");
        assert_eq!((burst.flagged_cards, burst.opened_in_window), (1, 3));
        assert_eq!(burst.cards.iter().map(|c| c.account.0).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(burst.reasons[0].0.starts_with("7天内开立3个账户"), "{:?}", burst.reasons);
        assert!(burst.reasons.iter().any(|r| r.0.contains("其中1个账户已被识别为涉诈账户")), "{:?}", burst.reasons);
        // Three flagged cards: the month from the first of them.
        let farmer = by(&judge(&[0, 1, 2]), 0).unwrap();
        assert!(farmer.flagged && farmer.score >= 0.5, "{farmer:?}");
        assert_eq!((farmer.flagged_cards, farmer.opened_in_window), (3, 3));
        assert_eq!(farmer.cards.iter().map(|c| c.account.0).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(farmer.reasons[0].0.starts_with("30天内开立3个账户"), "{:?}", farmer.reasons);
        assert!(farmer.reasons.iter().any(|r| r.0.contains("3个账户已被识别为涉诈账户")), "{:?}", farmer.reasons);
        // Flagged cards opened months apart are no farm, nor two cards of which one is flagged,
        // nor a flagged card opened long after the burst.
        let quiet = judge(&[3, 4, 5, 6, 7]);
        for first in [4, 7] {
            let f = by(&quiet, first).unwrap();
            assert!(!f.flagged && f.flagged_cards == 0, "{f:?}");
        }
        assert!(!by(&quiet, 0).unwrap().flagged, "the flagged card 3 is opened 196 days after the burst");
    }

    #[test]
    fn a_farm_by_its_openings_does_not_cite_the_flags_its_own_cards_got_for_it() {
        let cards: Vec<Card> =
            (0..6).map(|i| Card(1, 2 * i, (i % 3) as u16, [WUHAN, XIAOGAN][i as usize % 2])).collect();
        let l = ledger(&cards, 0, &[], &[]);
        let all: FxHashSet<AccountIx> = (0..6).map(AccountIx).collect();
        let v = farmers_with_flags(&l, &TemporalGraph::build(&l), &FarmingConfig::default(), None, &all);
        assert_eq!(v[0], verdicts(&l)[0]);
        assert_eq!(v[0].flagged_cards, 0);
    }

    #[test]
    fn judged_as_of_a_time_later_cards_and_transfers_are_not_seen() {
        // Six cards opened on days 0, 2, …, 10 in two cities; the first card first used on day 20.
        let cards: Vec<Card> =
            (0..6).map(|i| Card(1, 2 * i, (i % 3) as u16, [WUHAN, XIAOGAN][i as usize % 2])).collect();
        let l = ledger(&cards, 1, &[(0, 0, 20)], &[(0, 21, WUHAN), (1, 21, WUHAN)]);
        let g = TemporalGraph::build(&l);
        let cfg = FarmingConfig::default();
        let now = farmers(&l, &g, &cfg, None);
        assert!(now[0].flagged && now[0].opened_in_window == 6);
        assert_eq!(now[0].cards[0].first_use, Some(Ts(T0 + 20 * DAY)));
        // As of day 5, three cards existed: not yet a farm, and none had been used.
        let early = farmers(&l, &g, &cfg, Some(Ts(T0 + 5 * DAY)));
        assert_eq!(early[0].opened_in_window, 3, "{early:?}");
        assert!(!early[0].flagged && early[0].cards.iter().all(|c| c.first_use.is_none()), "{early:?}");
        // As of day 15: all six, still unused; nothing of days 15 to 19 changes the verdict.
        let before_use = farmers(&l, &g, &cfg, Some(Ts(T0 + 15 * DAY)));
        assert!(before_use[0].flagged && before_use[0].cards.iter().all(|c| c.first_use.is_none()));
        assert_eq!(before_use, farmers(&l, &g, &cfg, Some(Ts(T0 + 19 * DAY))));
    }

    #[test]
    fn cards_far_from_home_in_one_city_are_no_farm() {
        // Five cards in Shenzhen, far from the Hubei home: a migrant worker's cards where they
        // work. Not flagged, as the same cards at home are not; the evidence says they are far.
        let far: Vec<Card> = (0..5).map(|i| Card(3, i, (i % 3) as u16, SHENZHEN)).collect();
        let away = verdicts(&ledger(&far, 0, &[], &[]));
        assert_eq!(away[0].far_from_home, 5);
        assert!(away[0].cards.iter().all(|c| c.km_from_home.unwrap() >= 500.0));
        let home: Vec<Card> = (0..5).map(|i| Card(3, i, (i % 3) as u16, WUHAN)).collect();
        let home = verdicts(&ledger(&home, 0, &[], &[]));
        assert!(!away[0].flagged && !home[0].flagged && home[0].far_from_home == 0, "{away:?} {home:?}");
        assert!(away[0].reasons.iter().any(|r| r.1.contains("5 of them are more than 500 km from home")), "{away:?}");
        assert!(away[0].reasons[0].1.contains("at 3 banks in 1 city within 30 days"), "{away:?}");
        // Spread over two cities, far from home: flagged.
        let two: Vec<Card> = (0..5).map(|i| Card(3, i, 0, [SHENZHEN, WUHAN][i as usize % 2])).collect();
        assert!(verdicts(&ledger(&two, 0, &[], &[]))[0].flagged);
    }

    #[test]
    fn rings_join_holders_by_shared_counterparties_or_cash_places() {
        // Five farmers with five cards each in two cities (cards 5h..5h+5 belong to holder h).
        let city = |i: u32| [SHENZHEN, XIAOGAN][i as usize % 2];
        let cards: Vec<Card> =
            (0..5u32).flat_map(|h| (0..5).map(move |i| Card(10 + h, i64::from(i), (i % 4) as u16, city(i)))).collect();
        let transfers = [
            // Holders 0 and 1 share two counterparties: a ring.
            (0, 0, 40),
            (6, 0, 41),
            (1, 1, 40),
            (7, 1, 42),
            // Holders 1 and 2 share only one: not enough on its own.
            (8, 2, 40),
            (11, 2, 40),
            // P3 pays every farmer's first card, but it also pays card 24 300 times: a hub (more than
            // 200 transfers), no evidence.
            (0, 3, 50),
            (5, 3, 50),
            (10, 3, 50),
            (15, 3, 50),
            (20, 3, 50),
        ];
        let mut transfers = transfers.to_vec();
        transfers.extend((0..300).map(|_| (24, 3, 60)));
        // Holders 3 and 4 took cash at the same place on two days: a ring. Holder 2 shares one day
        // with them, in two places (Shenzhen and Xiaogan): one day is not enough.
        let cash = [
            (15, 45, SHENZHEN),
            (20, 45, SHENZHEN),
            (16, 47, SHENZHEN),
            (21, 47, SHENZHEN),
            (12, 45, SHENZHEN),
            (13, 45, XIAOGAN),
            (17, 45, XIAOGAN),
        ];
        let l = ledger(&cards, 4, &transfers, &cash);
        let g = TemporalGraph::build(&l);
        let cfg = FarmingConfig::default();
        let all = farmers(&l, &g, &cfg, None);
        assert!(all.iter().all(|f| f.flagged));
        let holder = |card: u32| l.account(AccountIx(card)).holder.as_ref().unwrap().digest;
        let refs: Vec<&FarmerScore> = all.iter().collect();
        let rings = rings(&l, &g, &refs, &cfg, None);
        let mut found: Vec<Vec<HolderDigest>> = rings.iter().map(|r| r.holders.clone()).collect();
        for r in &mut found {
            r.sort();
        }
        found.sort();
        let mut want = vec![vec![holder(0), holder(5)], vec![holder(15), holder(20)]];
        for r in &mut want {
            r.sort();
        }
        want.sort();
        assert_eq!(found, want, "{rings:?}");
        let by_cash = rings.iter().find(|r| r.holders.contains(&holder(15))).unwrap();
        assert!(by_cash.shared.is_empty());
        let day = |d: i64| CashPlace::new(Region::new(SHENZHEN).unwrap(), Ts(T0 + d * DAY + 3_600));
        assert_eq!(by_cash.places, vec![day(45), day(47)]);
        let by_party = rings.iter().find(|r| r.holders.contains(&holder(0))).unwrap();
        assert_eq!(by_party.shared.len(), 2);
        assert!(by_party.places.is_empty());
    }

    #[test]
    fn a_busy_cash_spot_is_no_evidence() {
        // Six farmers whose cards all took cash in Shenzhen on the same two days: more than
        // `ring_place_crowd` (5) holders per place and day, so no ring; five of them would be one.
        let cards: Vec<Card> =
            (0..6u32).flat_map(|h| (0..5).map(move |i| Card(20 + h, i64::from(i), (i % 4) as u16, SHENZHEN))).collect();
        let ring_of = |holders: u32| {
            let cash: Vec<(u32, i64, u32)> =
                (0..holders).flat_map(|h| [(5 * h, 40, SHENZHEN), (5 * h + 1, 41, SHENZHEN)]).collect();
            let l = ledger(&cards, 0, &[], &cash);
            let g = TemporalGraph::build(&l);
            let all = farmers(&l, &g, &FarmingConfig::default(), None);
            let refs: Vec<&FarmerScore> = all.iter().collect();
            rings(&l, &g, &refs, &FarmingConfig::default(), None).iter().map(|r| r.holders.len()).collect::<Vec<_>>()
        };
        assert_eq!(ring_of(6), Vec::<usize>::new());
        assert_eq!(ring_of(5), vec![5]);
    }

    #[test]
    fn cash_days_follow_china_time() {
        let shenzhen = Region::new(SHENZHEN).unwrap();
        // 23:30 and 00:30 the next day in Beijing time: two days, though both fall on one UTC day.
        let midnight_cst = 1_699_977_600; // 2023-11-15T00:00:00+08:00
        let late = CashPlace::new(shenzhen, Ts(midnight_cst - 1_800));
        let early = CashPlace::new(shenzhen, Ts(midnight_cst + 1_800));
        assert_eq!(early.day, Ts(midnight_cst));
        assert_eq!(late.day, Ts(midnight_cst - DAY));
    }
}
