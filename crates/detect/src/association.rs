//! Guilt by association: how likely-mule an account's counterparties are. Mule accounts pass money
//! to and from each other, so an account that looks ordinary on its own but takes repeated
//! transfers from accounts the model already suspects is worth a second look. The model scores
//! every account once on its own rows (the first stage); these columns summarise the first-stage
//! scores of each account's payers and payees, and the second stage reads them beside the rest.

use crate::catalog::{ASSOCIATION_COUNT, ASSOCIATION_START};
use crate::context::Features;
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Ts};
use rustc_hash::FxHashMap;

/// Who paid whom among a set of accounts, with how many transfers: per account (by its position in
/// the set), its counterparties' positions with the transfers `[in from them, out to them]`.
pub struct Links {
    adjacent: Vec<Vec<(u32, [u32; 2])>>,
}

impl Links {
    /// The links among `accounts` over the transfers of `graph` up to `until` (all when `None`);
    /// transfers with anyone outside the set, cash and self-transfers are left out.
    pub fn new(graph: &TemporalGraph, until: Option<Ts>, accounts: &[AccountIx]) -> Links {
        let end = graph.edges_until(until);
        let mut position = vec![u32::MAX; graph.account_count()];
        for (i, a) in accounts.iter().enumerate() {
            position[a.0 as usize] = i as u32;
        }
        let transfers = (0..end).filter_map(|e| {
            let edge = graph.edge(EdgeIx::of(e));
            let (s, d) = (position[edge.src?.0 as usize], position[edge.dst?.0 as usize]);
            (s != u32::MAX && d != u32::MAX).then_some((s, d))
        });
        Links::from_transfers(accounts.len(), transfers)
    }

    /// The links among `len` accounts from transfers (payer position, payee position), one per
    /// transfer; self-transfers are left out.
    pub fn from_transfers(len: usize, transfers: impl IntoIterator<Item = (u32, u32)>) -> Links {
        let mut counts: Vec<FxHashMap<u32, [u32; 2]>> = vec![FxHashMap::default(); len];
        for (s, d) in transfers {
            if s != d {
                counts[d as usize].entry(s).or_default()[0] += 1;
                counts[s as usize].entry(d).or_default()[1] += 1;
            }
        }
        let adjacent = counts
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, [u32; 2])> = m.into_iter().collect();
                v.sort_unstable_by_key(|&(n, _)| n);
                v
            })
            .collect();
        Links { adjacent }
    }

    /// The links of several account sets side by side (from different stores: no link crosses
    /// them); positions of each part follow those of the parts before it.
    pub fn concat(parts: Vec<Links>) -> Links {
        let mut adjacent = Vec::new();
        for part in parts {
            let offset = adjacent.len() as u32;
            adjacent.extend(
                part.adjacent.into_iter().map(|v| v.into_iter().map(|(n, c)| (n + offset, c)).collect::<Vec<_>>()),
            );
        }
        Links { adjacent }
    }

    /// The counterparty on `side` of the account at `position` with the highest score, with its
    /// score and the transfers between the two on that side.
    pub fn most_suspect(&self, position: usize, side: Side, scores: &[f64]) -> Option<Suspect> {
        let k = side as usize;
        self.adjacent[position]
            .iter()
            .filter(|(_, transfers)| transfers[k] > 0)
            .map(|&(n, transfers)| Suspect { position: n as usize, score: scores[n as usize], transfers: transfers[k] })
            .max_by(|a, b| a.score.total_cmp(&b.score))
    }

    /// Number of accounts in the set.
    pub fn len(&self) -> usize {
        self.adjacent.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.adjacent.is_empty()
    }
}

/// Whose scores a column summarises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Those who paid the account.
    Payers = 0,
    /// Those the account paid.
    Payees = 1,
}

impl Side {
    /// The side an association column looks at; `None` for other columns.
    pub fn of_column(column: usize) -> Option<Side> {
        let c = column.checked_sub(ASSOCIATION_START).filter(|&c| c < ASSOCIATION_COUNT)?;
        // Column order: payers max, payers mean, payees max, payees mean, then in/out pairs.
        let payers = if c < 4 { c < 2 } else { c % 2 == 0 };
        Some(if payers { Side::Payers } else { Side::Payees })
    }
}

/// A counterparty singled out by [`Links::most_suspect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suspect {
    /// Its position in the set.
    pub position: usize,
    /// Its first-stage score.
    pub score: f64,
    /// Transfers between it and the account, on the side asked for.
    pub transfers: u32,
}

/// Fills the association columns of every row from `scores`, the first-stage score of each row
/// (rows, scores and `links` are in the same account order). An account without payers (payees)
/// gets missing values on that side.
pub fn fill(rows: &mut [Features], links: &Links, scores: &[f64]) {
    assert!(rows.len() == links.len() && scores.len() == links.len(), "one row and score per linked account");
    for (row, adjacent) in rows.iter_mut().zip(&links.adjacent) {
        // Per side (0 = payers, 1 = payees): counterparties, score sum and max, transfers, weighted transfers.
        let mut side = [(0u32, 0.0f64, 0.0f64, 0u32, 0.0f64); 2];
        for &(n, transfers) in adjacent {
            let p = scores[n as usize];
            for (s, &count) in side.iter_mut().zip(&transfers) {
                if count > 0 {
                    s.0 += 1;
                    s.1 += p;
                    s.2 = s.2.max(p);
                    s.3 += count;
                    s.4 += p * f64::from(count);
                }
            }
        }
        let out = &mut row[ASSOCIATION_START..];
        for (k, &(parties, sum, max, transfers, weighted)) in side.iter().enumerate() {
            let some = parties > 0;
            out[2 * k] = if some { max } else { f64::NAN };
            out[2 * k + 1] = if some { sum / f64::from(parties) } else { f64::NAN };
            out[4 + k] = weighted;
            out[6 + k] = if some { weighted / f64::from(transfers) } else { f64::NAN };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{position, FEATURE_COUNT};
    use crate::testing::{ledger, T0};

    /// One transfer of 1 yuan an hour, in order.
    fn hourly(pairs: &[(u32, u32)]) -> Vec<(u32, u32, i64, i64)> {
        pairs.iter().enumerate().map(|(h, &(f, t))| (f, t, h as i64, 1)).collect()
    }

    #[test]
    fn columns_summarise_counterparty_scores() {
        // 0 pays 2 three times, 1 pays 2 once, 2 pays 3 once, 3 pays itself (ignored).
        let l = ledger(4, &hourly(&[(0, 2), (0, 2), (0, 2), (1, 2), (2, 3), (3, 3)]));
        let g = TemporalGraph::build(&l);
        let accounts: Vec<AccountIx> = (0..4).map(AccountIx).collect();
        let links = Links::new(&g, None, &accounts);
        let mut rows = vec![[f64::NAN; FEATURE_COUNT]; 4];
        fill(&mut rows, &links, &[0.9, 0.1, 0.5, 0.0]);
        let col = |name: &str| position(name).expect(name);
        let r = &rows[2];
        assert_eq!(r[col("payers_score_max")], 0.9);
        assert_eq!(r[col("payers_score_mean")], 0.5);
        assert!((r[col("in_from_likely_mules")] - 2.8).abs() < 1e-12, "3 x 0.9 + 0.1");
        assert!((r[col("in_likely_mule_share")] - 0.7).abs() < 1e-12, "2.8 of 4 inflows");
        assert_eq!(r[col("payees_score_max")], 0.0);
        assert_eq!(r[col("out_to_likely_mules")], 0.0);
        assert!(rows[0][col("payers_score_max")].is_nan(), "account 0 has no payers");
        assert_eq!(rows[0][col("out_to_likely_mules")], 1.5);
        assert!(rows[3][col("payees_score_mean")].is_nan(), "a self-transfer is no payee");
    }

    #[test]
    fn sides_of_columns_and_the_most_suspect_counterparty() {
        let col = |name: &str| position(name).expect(name);
        for name in ["payers_score_max", "payers_score_mean", "in_from_likely_mules", "in_likely_mule_share"] {
            assert_eq!(Side::of_column(col(name)), Some(Side::Payers), "{name}");
        }
        for name in ["payees_score_max", "payees_score_mean", "out_to_likely_mules", "out_likely_mule_share"] {
            assert_eq!(Side::of_column(col(name)), Some(Side::Payees), "{name}");
        }
        assert_eq!(Side::of_column(col("pass_through")), None);
        // 0 pays 2 three times, 1 pays 2 once, 2 pays 3.
        let l = ledger(4, &hourly(&[(0, 2), (0, 2), (0, 2), (1, 2), (2, 3)]));
        let links = Links::new(&TemporalGraph::build(&l), None, &(0..4).map(AccountIx).collect::<Vec<_>>());
        let scores = [0.4, 0.9, 0.5, 0.1];
        assert_eq!(
            links.most_suspect(2, Side::Payers, &scores),
            Some(Suspect { position: 1, score: 0.9, transfers: 1 })
        );
        assert_eq!(links.most_suspect(2, Side::Payees, &scores).map(|s| s.position), Some(3));
        assert_eq!(links.most_suspect(0, Side::Payers, &scores), None);
    }

    #[test]
    fn only_transfers_up_to_the_time_and_within_the_set_count() {
        let l = ledger(3, &hourly(&[(0, 1), (2, 1), (0, 1)]));
        let g = TemporalGraph::build(&l);
        // Account 2 is outside the set; the last transfer is after `until`.
        let links = Links::new(&g, Some(Ts(T0 + 5_400)), &[AccountIx(1), AccountIx(0)]);
        let mut rows = vec![[f64::NAN; FEATURE_COUNT]; 2];
        fill(&mut rows, &links, &[0.2, 0.6]);
        assert_eq!(rows[0][position("in_from_likely_mules").unwrap()], 0.6);
        assert_eq!(rows[1][position("payees_score_max").unwrap()], 0.2);
    }
}
