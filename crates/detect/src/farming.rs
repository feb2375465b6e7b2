//! Card farming (一人多卡): a holder who opens many accounts within days, at several banks, in
//! several cities or far from home; and card-supply rings: holders whose cards are used together
//! (the same counterparties), as when one network buys sets of cards from several farmers.

use crate::geo::{home_province, province_km};
use crate::holders::{banks_and_cities, busiest_window, HolderStats};
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, HolderDigest, Ledger, Ts};
use rustc_hash::{FxHashMap, FxHashSet};

/// Thresholds of the card-farming detector (configuration, defaults from the domain notes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FarmingConfig {
    /// Accounts opened within the window (N).
    pub min_accounts: usize,
    /// Distinct banks among them (B).
    pub min_banks: usize,
    /// Distinct cities among them (C).
    pub min_cities: usize,
    /// The window (T), in days.
    pub window_days: i64,
    /// Opened at least this far from the holder's home province counts as "far from home".
    pub far_km: f64,
    /// Counterparties with more distinct partners than this are hubs, not evidence of a ring.
    pub ring_hub_degree: usize,
    /// Holders are in one ring when their cards share at least this many counterparties.
    pub ring_min_shared: usize,
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
        }
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
    /// Accounts opened within the busiest window.
    pub opened_in_window: usize,
    /// Distinct banks among them.
    pub banks: usize,
    /// Distinct cities among them.
    pub cities: usize,
    /// Of them, opened far from home.
    pub far_from_home: usize,
    /// The cards of the busiest window, in opening order.
    pub cards: Vec<OpenedCard>,
    /// Sentences in Chinese and English.
    pub reasons: Vec<(String, String)>,
}

/// Holders whose cards were used with the same counterparties.
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    /// The holders, in the order of the farmer list.
    pub holders: Vec<HolderDigest>,
    /// Counterparty accounts their cards have in common (up to 20).
    pub shared: Vec<AccountIx>,
}

fn first_use(graph: &TemporalGraph, a: AccountIx) -> Option<Ts> {
    let first = |edges: &[u32]| edges.first().map(|&e| graph.edge(fanzha_graph::EdgeIx(e)).ts);
    match (first(graph.in_edges(a)), first(graph.out_edges(a))) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Scores every holder with at least two accounts; highest score first.
pub fn farmers(ledger: &Ledger, graph: &TemporalGraph, cfg: &FarmingConfig) -> Vec<FarmerScore> {
    let stats = HolderStats::new(ledger, cfg.window_days * 86_400);
    let mut out: Vec<FarmerScore> = stats
        .iter()
        .filter(|(_, h)| h.accounts.len() >= 2)
        .map(|(d, h)| judge(ledger, graph, cfg, *d, &h.accounts))
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
) -> FarmerScore {
    let window = cfg.window_days * 86_400;
    let dated: Vec<(i64, AccountIx)> =
        accounts.iter().filter_map(|&a| ledger.account(a).opened_at.map(|t| (t.0, a))).collect();
    // Accounts are already in opening order.
    let times: Vec<i64> = dated.iter().map(|d| d.0).collect();
    let chosen: Vec<AccountIx> = if dated.is_empty() {
        accounts.to_vec()
    } else {
        dated[busiest_window(&times, window)].iter().map(|d| d.1).collect()
    };
    let masked = ledger.account(accounts[0]).holder.as_ref().map_or(String::new(), |h| h.masked.to_string());
    let home = home_province(&masked);
    let (banks, cities) = banks_and_cities(ledger, &chosen);
    let cards: Vec<OpenedCard> = chosen
        .iter()
        .map(|&a| {
            let acc = ledger.account(a);
            let km = match (home, acc.open_region) {
                (Some(h), Some(r)) => province_km(h, r),
                _ => None,
            };
            OpenedCard { account: a, opened_at: acc.opened_at, km_from_home: km, first_use: first_use(graph, a) }
        })
        .collect();
    let far = cards.iter().filter(|c| c.km_from_home.is_some_and(|k| k >= cfg.far_km)).count();
    let n = cards.len();
    let spread = banks >= cfg.min_banks || cities >= cfg.min_cities || 2 * far >= n;
    let flagged = n >= cfg.min_accounts && spread;
    let ratio = |x: usize, of: usize| (x as f64 / of.max(1) as f64).min(1.5);
    let raw = 0.4 * ratio(n, cfg.min_accounts)
        + 0.2 * ratio(banks, cfg.min_banks)
        + 0.2 * ratio(cities, cfg.min_cities)
        + 0.2 * far as f64 / n.max(1) as f64;
    let score = if flagged { raw.clamp(0.5, 1.0) } else { raw.min(0.49) };
    let mut reasons = vec![(
        format!("{}天内开立{}个账户,涉及{}家银行、{}个城市", cfg.window_days, n, banks, cities),
        format!("opened {n} accounts at {} banks in {} cities within {} days", banks, cities, cfg.window_days),
    )];
    if far > 0 {
        reasons.push((
            format!("其中{far}个账户开在距户籍地{:.0}公里以上的外省", cfg.far_km),
            format!("{far} of them more than {:.0} km from home", cfg.far_km),
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
            format!("{} accounts stayed unused for 7+ days after opening (a sign of handing over)", quiet.len()),
        ));
    }
    FarmerScore {
        holder,
        masked,
        score,
        flagged,
        opened_in_window: n,
        banks,
        cities,
        far_from_home: far,
        cards,
        reasons,
    }
}

/// Groups the given holders into rings: holders whose cards share at least
/// `cfg.ring_min_shared` non-hub counterparties (a card of one paying a card of another counts).
pub fn rings(ledger: &Ledger, graph: &TemporalGraph, holders: &[&FarmerScore], cfg: &FarmingConfig) -> Vec<Ring> {
    let index: FxHashMap<HolderDigest, usize> = holders.iter().enumerate().map(|(h, f)| (f.holder, h)).collect();
    let owner: FxHashMap<AccountIx, usize> = ledger
        .accounts()
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((AccountIx(i as u32), *index.get(&a.holder.as_ref()?.digest)?)))
        .collect();
    // Counterparty -> the holders whose cards dealt with it.
    let mut touched: FxHashMap<AccountIx, FxHashSet<usize>> = FxHashMap::default();
    for (&card, &h) in &owner {
        let partners = graph
            .out_edges(card)
            .iter()
            .chain(graph.in_edges(card))
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
            if graph.out_edges(p).len() + graph.in_edges(p).len() > cfg.ring_hub_degree {
                continue;
            }
            let set = touched.entry(p).or_default();
            set.insert(h);
            if let Some(&o) = owner.get(&p) {
                set.insert(o);
            }
        }
    }
    let mut shared: FxHashMap<(usize, usize), Vec<AccountIx>> = FxHashMap::default();
    let mut partners: Vec<_> = touched.into_iter().filter(|(_, s)| s.len() >= 2).collect();
    partners.sort_unstable_by_key(|(p, _)| *p);
    for (p, set) in partners {
        let mut hs: Vec<usize> = set.into_iter().collect();
        hs.sort_unstable();
        for i in 0..hs.len() {
            for j in i + 1..hs.len() {
                shared.entry((hs[i], hs[j])).or_default().push(p);
            }
        }
    }
    let mut parent: Vec<usize> = (0..holders.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut links: Vec<_> = shared.into_iter().filter(|(_, v)| v.len() >= cfg.ring_min_shared).collect();
    links.sort_unstable_by_key(|(k, _)| *k);
    for ((a, b), _) in &links {
        let (ra, rb) = (root(&mut parent, *a), root(&mut parent, *b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut groups: FxHashMap<usize, (Vec<usize>, Vec<AccountIx>)> = FxHashMap::default();
    for h in 0..holders.len() {
        let r = root(&mut parent, h);
        groups.entry(r).or_default().0.push(h);
    }
    for ((a, _), v) in links {
        let r = root(&mut parent, a);
        groups.get_mut(&r).expect("every holder has a group").1.extend(v);
    }
    let mut out: Vec<Ring> = groups
        .into_values()
        .filter(|(hs, _)| hs.len() >= 2)
        .map(|(mut hs, mut sh)| {
            hs.sort_unstable();
            sh.sort_unstable();
            sh.dedup();
            sh.truncate(20);
            Ring { holders: hs.into_iter().map(|h| holders[h].holder).collect(), shared: sh }
        })
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.holders.len()));
    out
}
