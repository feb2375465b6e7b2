//! Relaying after a quiet past: an account with days of known ordinary life that, from one day on,
//! takes money from several payers it never dealt with and passes each payment on within a day, in
//! sums far above what used to come in. That is a rented, lent or sold account (出租出借、买卖账户)
//! at work even when its layering is slow (hours, not minutes) and its history is too short for the
//! behaviour-change features, which learn an old account's counterparties for two weeks first.
//!
//! The known past is censored: it starts at the account's opening inside the data's history, else
//! at the start of that history ([`Ledger::history_from`]). A payer counts as new when it appears
//! nowhere in the account's known past, and only from [`RelayConfig::known_secs`] after the known
//! past starts, so an extract's first days, when every payer looks new, count for nothing.
//!
//! Personal accounts only: a company's account takes money from new customers and pays its
//! suppliers in the course of its business.

use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountClass, AccountIx, Fen, Ledger, Ts};
use rustc_hash::FxHashSet;

use crate::engine::opened_within_history;

/// When an account's relaying flags it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelayConfig {
    /// Known past an account needs before an inflow can come from a new payer (seconds).
    pub known_secs: i64,
    /// Least payment from a new payer that counts.
    pub min_inflow: Fen,
    /// A payment is relayed when at least this share of it went out within [`Self::relay_secs`].
    pub relay_share: f64,
    /// How soon after a payment its share must have gone out (seconds).
    pub relay_secs: i64,
    /// The span the relayed payments fall in (seconds) …
    pub window_secs: i64,
    /// … how many distinct new payers they come from, at least …
    pub min_payers: usize,
    /// … in how many payments out, at least, they went on: a household that pools money for one
    /// purchase pays once …
    pub min_outflows: usize,
    /// … and to at most as many recipients as there were payers (cash counts as one): money
    /// gathered and passed on to few (分散转入、集中转出), not a buyer paying many farmers.
    pub gathered: bool,
    /// Relayed money in that span is at least this many times what came in in a week before …
    pub wake: f64,
    /// … counting a week's usual inflow as at least this much.
    pub usual_floor: Fen,
}

impl Default for RelayConfig {
    fn default() -> RelayConfig {
        RelayConfig {
            known_secs: 5 * 86_400,
            min_inflow: Fen(100_000),
            relay_share: 0.5,
            relay_secs: 86_400,
            window_secs: 7 * 86_400,
            min_payers: 3,
            min_outflows: 2,
            gathered: true,
            wake: 10.0,
            usual_floor: Fen(100_000),
        }
    }
}

/// What an account relayed, when it relayed enough to be flagged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relayed {
    /// The first relayed payment of the span.
    pub since: Ts,
    /// Distinct new payers whose payments it relayed in the span.
    pub payers: usize,
    /// Their payments, in all.
    pub inflow: Fen,
    /// Days of known past before `since`.
    pub known_days: f64,
    /// What came in in a usual week before `since`.
    pub usual_week: Fen,
}

/// One payment from a new payer that went on within the relay time.
struct Hop {
    ts: i64,
    amount: i64,
    payer: AccountIx,
    /// The payments out within its relay time: positions `outs.0..outs.1` among the account's.
    outs: (usize, usize),
    /// Money in from the known past's start until this payment, per week.
    usual_week: f64,
}

/// Whether personal account `a` relayed new payers' money (see the module docs), from its
/// transfers up to `until`; the earliest span that qualifies.
pub fn relayed(ledger: &Ledger, graph: &TemporalGraph, a: AccountIx, until: Ts, cfg: &RelayConfig) -> Option<Relayed> {
    if ledger.account(a).class == Some(AccountClass::Corp) {
        return None;
    }
    let ins = upto(graph, graph.in_edges(a), until);
    let outs = upto(graph, graph.out_edges(a), until);
    let first = graph.edge(EdgeIx(*ins.first()?)).ts.0;
    let known_from = opened_within_history(ledger, a).or_else(|| ledger.history_from(a).map(|h| h.0)).unwrap_or(first);
    let out_ts: Vec<i64> = outs.iter().map(|&e| graph.edge(EdgeIx(e)).ts.0).collect();
    let out_sum = prefix_sums(graph, outs);
    // Counterparties met so far, in time order over both sides.
    let mut seen: FxHashSet<AccountIx> = FxHashSet::default();
    let mut next_out = 0;
    let mut in_before = 0i64;
    let mut hops: Vec<Hop> = Vec::new();
    for &e in ins {
        let edge = graph.edge(EdgeIx(e));
        let ts = edge.ts.0;
        while next_out < outs.len() && out_ts[next_out] < ts {
            seen.extend(graph.edge(EdgeIx(outs[next_out])).dst);
            next_out += 1;
        }
        let new_payer = edge.src.filter(|p| !seen.contains(p));
        if let Some(payer) = new_payer.filter(|_| ts - known_from >= cfg.known_secs && edge.amount >= cfg.min_inflow) {
            // Money out after the payment and within the relay time.
            let (lo, hi) = (out_ts.partition_point(|&t| t < ts), out_ts.partition_point(|&t| t <= ts + cfg.relay_secs));
            let passed = out_sum[hi] - out_sum[lo];
            if passed as f64 >= cfg.relay_share * edge.amount.0 as f64 {
                let weeks = ((ts - known_from) as f64 / (7.0 * 86_400.0)).max(1.0 / 7.0);
                hops.push(Hop {
                    ts,
                    amount: edge.amount.0,
                    payer,
                    outs: (lo, hi),
                    usual_week: in_before as f64 / weeks,
                });
            }
        }
        seen.extend(edge.src);
        if hops.is_empty() {
            in_before += edge.amount.0;
        }
    }
    hops.iter().enumerate().find_map(|(i, h)| {
        let span: Vec<&Hop> = hops[i..].iter().take_while(|x| x.ts - h.ts < cfg.window_secs).collect();
        let payers: FxHashSet<AccountIx> = span.iter().map(|x| x.payer).collect();
        let inflow: i64 = span.iter().map(|x| x.amount).sum();
        let outflows: FxHashSet<usize> = span.iter().flat_map(|x| x.outs.0..x.outs.1).collect();
        let recipients: FxHashSet<Option<AccountIx>> =
            outflows.iter().map(|&i| graph.edge(EdgeIx(outs[i])).dst).collect();
        let few = !cfg.gathered || recipients.len() <= payers.len();
        let usual = h.usual_week.max(cfg.usual_floor.0 as f64);
        let enough = payers.len() >= cfg.min_payers && outflows.len() >= cfg.min_outflows && few;
        (enough && inflow as f64 >= cfg.wake * usual).then(|| Relayed {
            since: Ts(h.ts),
            payers: payers.len(),
            inflow: Fen(inflow),
            known_days: (h.ts - known_from) as f64 / 86_400.0,
            usual_week: Fen(h.usual_week.round() as i64),
        })
    })
}

/// The edges of `edges` (in time order) up to `until`.
fn upto<'g>(graph: &TemporalGraph, edges: &'g [u32], until: Ts) -> &'g [u32] {
    &edges[..edges.partition_point(|&e| graph.edge(EdgeIx(e)).ts <= until)]
}

/// Running sums of the edges' amounts, with a leading 0.
fn prefix_sums(graph: &TemporalGraph, edges: &[u32]) -> Vec<i64> {
    let mut sums = Vec::with_capacity(edges.len() + 1);
    sums.push(0);
    for &e in edges {
        sums.push(sums.last().copied().unwrap_or(0) + graph.edge(EdgeIx(e)).amount.0);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{ledger, T0};
    use fanzha_model::{Account, Event, Transfer};

    /// A0's known past (pay from A1, a purchase from A2), then new payers A3… paying at
    /// `hours`, each 20,000 yuan, and what A0 paid on: `(to, hour, yuan)`.
    fn world(hours: &[i64], outs: &[(u32, i64, i64)]) -> Vec<(u32, u32, i64, i64)> {
        let mut t = vec![(1, 0, 0, 800), (0, 2, 10, 50)];
        t.extend(hours.iter().enumerate().map(|(k, &h)| (3 + k as u32, 0, h, 20_000)));
        t.extend(outs.iter().map(|&(to, h, y)| (0, to, h, y)));
        t.sort_by_key(|x| x.2);
        t
    }

    fn found(t: &[(u32, u32, i64, i64)]) -> Option<Relayed> {
        let l = ledger(30, t);
        relayed(&l, &TemporalGraph::build(&l), AccountIx(0), Ts(i64::MAX), &RelayConfig::default())
    }

    /// Three new payers on days 6-8, each passed on to one account within two hours.
    fn relaying() -> Vec<(u32, u32, i64, i64)> {
        world(&[150, 170, 190], &[(20, 152, 19_000), (20, 172, 19_000), (20, 192, 19_000)])
    }

    #[test]
    fn an_account_that_relays_three_new_payers_after_a_quiet_past_is_found() {
        let r = found(&relaying()).expect("found");
        assert_eq!(r.since, Ts(T0 + 150 * 3_600));
        assert_eq!((r.payers, r.inflow), (3, Fen(6_000_000)));
        assert!((r.known_days - 6.25).abs() < 1e-9, "{}", r.known_days);
        // 800 yuan came in over 6.25 days.
        assert_eq!(r.usual_week, Fen((80_000.0_f64 * 168.0 / 150.0).round() as i64));
    }

    #[test]
    fn the_first_days_of_the_history_count_for_nothing() {
        // The same relaying, 4 days after the history starts: every payer looks new then.
        let t = world(&[30, 50, 70], &[(20, 32, 19_000), (20, 52, 19_000), (20, 72, 19_000)]);
        assert_eq!(found(&t), None);
    }

    #[test]
    fn money_kept_a_day_is_not_relayed() {
        let t = world(&[150, 200, 250], &[(20, 176, 19_000), (20, 226, 19_000), (20, 276, 19_000)]);
        assert_eq!(found(&t), None, "each payment left 26 h after it came");
    }

    #[test]
    fn two_new_payers_are_not_enough_and_an_old_one_does_not_count() {
        let mut t = world(&[150, 170], &[(20, 152, 19_000), (20, 172, 19_000), (20, 192, 19_000)]);
        t.push((1, 0, 190, 20_000));
        assert_eq!(found(&t), None, "A1 paid before");
        // Three payers over more than 7 days are not one span either.
        let t = world(&[150, 170, 330], &[(20, 152, 19_000), (20, 172, 19_000), (20, 332, 19_000)]);
        assert_eq!(found(&t), None);
    }

    #[test]
    fn one_purchase_from_pooled_money_is_not_relaying() {
        let t = world(&[175, 180, 190], &[(20, 195, 60_000)]);
        assert_eq!(found(&t), None);
    }

    #[test]
    fn a_buyer_paying_many_farmers_does_not_gather() {
        let outs: Vec<(u32, i64, i64)> = (0..12).map(|k| (10 + k as u32, 151 + 20 * (k as i64 / 4), 4_000)).collect();
        assert_eq!(found(&world(&[150, 170, 190], &outs)), None, "twelve recipients for three payers");
    }

    #[test]
    fn what_usually_came_in_sets_the_bar() {
        // A weekly 10,000 yuan before: 60,000 in a week is not ten times that.
        let mut t = relaying();
        t.extend([(1, 0, 20, 10_000), (1, 0, 100, 10_000)]);
        t.sort_by_key(|x| x.2);
        assert_eq!(found(&t), None);
    }

    #[test]
    fn company_accounts_and_later_transfers_are_left_out() {
        let mut l = Ledger::new();
        let corp = Account { class: Some(AccountClass::Corp), ..Account::internal() };
        l.apply(Event::Account { id: "A0".into(), account: corp });
        for i in 1..30 {
            l.apply(Event::Account { id: format!("A{i}").into(), account: Account::internal() });
        }
        for (k, &(f, to, h, y)) in relaying().iter().enumerate() {
            let transfer = Transfer::plain(Ts(T0 + h * 3_600), Some(AccountIx(f)), Some(AccountIx(to)), Fen(y * 100));
            l.apply(Event::Transfer { txn_id: format!("T{k}").into(), transfer });
        }
        let g = TemporalGraph::build(&l);
        assert_eq!(relayed(&l, &g, AccountIx(0), Ts(i64::MAX), &RelayConfig::default()), None);
        // A personal account, seen only up to the third payment's arrival.
        let l = ledger(30, &relaying());
        let g = TemporalGraph::build(&l);
        let before_third_left = Ts(T0 + 191 * 3_600);
        assert_eq!(relayed(&l, &g, AccountIx(0), before_third_left, &RelayConfig::default()), None);
        assert!(relayed(&l, &g, AccountIx(0), Ts(T0 + 192 * 3_600), &RelayConfig::default()).is_some());
    }
}
