//! Point-in-time rows for the mule model's live stage. The check scores a payee from its own
//! features as they stand at the moment of a payment, often days into the data or days into a
//! mule's work; a stage trained only on features at the end of the data has never seen a shop two
//! days after the data starts, nor a mule after its first victim. So the live stage learns from
//! each account's own features at several moments of every training store.

use crate::engine::{FeatureConfig, FeatureEngine, OwnFeatures};
use crate::labels;
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Ledger, Ts};
use rustc_hash::{FxHashMap, FxHashSet};

/// Own-feature rows with their labels, for [`crate::MuleModel::train`]'s live stage.
#[derive(Debug, Clone, Default)]
pub struct LiveRows {
    /// Each row: an account's own features at one moment.
    pub rows: Vec<OwnFeatures>,
    /// Whether that account is a mule (`true`) at that moment.
    pub labels: Vec<bool>,
    /// Which account the row is of (the same number for all its moments, unique across stores),
    /// so that training keeps each account's rows in one fold.
    pub groups: Vec<usize>,
}

impl LiveRows {
    /// Appends `other`'s rows (another store's).
    pub fn extend(&mut self, other: LiveRows) {
        self.rows.extend(other.rows);
        self.labels.extend(other.labels);
        self.groups.extend(other.groups);
    }
}

/// The rows of the labelled `accounts` (labels aligned, `None`: unknown, left out) at `moments`
/// evenly spread moments between the store's first transfer and its last at or before `until`
/// (the last moment). An account enters a moment's rows once it has taken part in a transfer. A
/// mule enters as positive only once it has taken fraud money (a transfer labelled fraud, or money
/// from another account labelled a mule here): before that, a rented account still behaves as its
/// owner did, and a row that calls ordinary behaviour a mule's would teach the stage to flag
/// ordinary accounts. The `i`-th account's rows are of group `first_group + i`.
pub fn live_rows(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    accounts: &[AccountIx],
    account_labels: &[Option<bool>],
    moments: usize,
    first_group: usize,
) -> LiveRows {
    let end = graph.edges_until(until);
    let mut out = LiveRows::default();
    let Some(first) = graph.first_ts().map(|t| t.0).filter(|_| end > 0 && moments > 0) else { return out };
    let last = graph.edge(EdgeIx::of(end - 1)).ts.0;
    let acting = in_the_act(ledger, graph, until, accounts, account_labels);
    for k in 1..=moments {
        let at = Ts(first + (last - first) * k as i64 / moments as i64);
        let engine = FeatureEngine::replay(ledger, graph, FeatureConfig::default(), Some(at));
        for (i, (&a, &label)) in accounts.iter().zip(account_labels).enumerate() {
            let Some(mule) = label else { continue };
            if !engine.is_active(a) || (mule && acting.get(&a).is_none_or(|&since| since > at)) {
                continue;
            }
            out.rows.push(engine.features(ledger, a));
            out.labels.push(mule);
            out.groups.push(first_group + i);
        }
    }
    out
}

/// When each of the `accounts` labelled a mule first took fraud money (a transfer labelled fraud,
/// or money from another of them), among the transfers at or before `until`; a mule that has not
/// yet is absent.
pub fn in_the_act(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    accounts: &[AccountIx],
    account_labels: &[Option<bool>],
) -> FxHashMap<AccountIx, Ts> {
    let mules: FxHashSet<AccountIx> =
        accounts.iter().zip(account_labels).filter(|(_, l)| **l == Some(true)).map(|(&a, _)| a).collect();
    fraud_money_since(ledger, graph, graph.edges_until(until), &mules)
}

/// When each of `mules` first took fraud money, among the first `end` edges.
fn fraud_money_since(
    ledger: &Ledger,
    graph: &TemporalGraph,
    end: usize,
    mules: &FxHashSet<AccountIx>,
) -> FxHashMap<AccountIx, Ts> {
    let fraud = labels::fraud_transfers(ledger);
    let mut since = FxHashMap::default();
    for e in 0..end {
        let edge = graph.edge(EdgeIx::of(e));
        let Some(dst) = edge.dst.filter(|d| mules.contains(d)) else { continue };
        if fraud.contains(&edge.txn) || edge.src.is_some_and(|s| mules.contains(&s)) {
            since.entry(dst).or_insert(edge.ts);
        }
    }
    since
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{ledger, T0};
    use fanzha_model::{Event, Label, LabelTarget};

    #[test]
    fn a_mule_counts_as_one_only_once_it_took_fraud_money() {
        // A0 pays A1 (ordinary) on day 0; the victim A2 pays the mule A3 on day 2 (labelled fraud);
        // A3 pays A4 on day 3. A3 is labelled a mule, the rest not.
        let mut l = ledger(5, &[(0, 1, 0, 100), (2, 3, 48, 5_000), (3, 4, 72, 4_900)]);
        let victim_payment = LabelTarget::Transfer(fanzha_model::TransferIx(1));
        l.apply(Event::Label(Label { target: victim_payment, name: labels::FRAUD_LABEL.into() }));
        l.apply(Event::Label(Label { target: LabelTarget::Account(AccountIx(3)), name: "mule".into() }));
        let g = TemporalGraph::build(&l);
        let accounts: Vec<AccountIx> = (0..5).map(AccountIx).collect();
        let labels = [Some(false), Some(false), None, Some(true), Some(false)];
        let rows = live_rows(&l, &g, None, &accounts, &labels, 3, 10);
        // Moments at day 1, 2 and 3 (T0 + 24 h, + 48 h, + 72 h): A0 and A1 at each; A3 from day 2
        // (it took the victim's payment then); A4 at day 3; A2 has no label.
        assert_eq!(rows.labels, [false, false, false, false, true, false, false, true, false]);
        assert_eq!(rows.rows.len(), rows.labels.len());
        assert_eq!(rows.groups, [10, 11, 10, 11, 13, 10, 11, 13, 14], "one group per account");
        // The labels given decide who is a mule, not the store's.
        let relabelled = [Some(false), Some(true), None, Some(false), Some(false)];
        let rows_then = live_rows(&l, &g, None, &accounts, &relabelled, 3, 0);
        assert!(rows_then.labels.iter().all(|&m| !m), "A1 took no fraud money: never positive");
        let rows = live_rows(&l, &g, Some(Ts(T0 + 24 * 3_600)), &accounts, &labels, 1, 0);
        assert_eq!(rows.labels, [false, false], "only what was seen by the time given");
    }
}
