//! A training set for the mule model gathered from one or more stores (e.g. several generated
//! worlds), each as of its own time: the model rows of its active accounts, their labels (from a
//! file or the store's own), the links among them for the association columns, and point-in-time
//! rows for the live stage. What `fanzha train` does, callable from a library or a notebook.

use crate::association::Links;
use crate::snapshots::{in_the_act, live_rows, LiveRows};
use crate::TrainParams;
use crate::{context, evaluation, ContextConfig, FeatureConfig, FeatureEngine, Features, ModelError, MuleModel};
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, Ledger, Ts};

/// Rows, labels and links of every store added so far.
#[derive(Default)]
pub struct TrainingSet {
    features: Vec<Features>,
    labels: Vec<Option<bool>>,
    links: Vec<Links>,
    live: LiveRows,
}

impl TrainingSet {
    /// An empty set.
    pub fn new() -> TrainingSet {
        TrainingSet::default()
    }

    /// Adds the accounts of `ledger` (with its `graph`) as of `until` (everything when `None`), as
    /// [`evaluation::scope`] chooses them: every active account, labelled by `labels` when given
    /// (an account it does not name gives its row to the association columns but is not trained
    /// on) or else by the store; and `moments` point-in-time rows per account for the live stage.
    pub fn add(
        &mut self,
        ledger: &Ledger,
        graph: &TemporalGraph,
        until: Option<Ts>,
        labels: Option<&[(AccountIx, bool)]>,
        moments: usize,
    ) {
        let engine = FeatureEngine::replay(ledger, graph, FeatureConfig::default(), until);
        let (accounts, account_labels) = evaluation::scope(ledger, &engine, labels);
        let first_group = self.features.len();
        self.live.extend(live_rows(ledger, graph, until, &accounts, &account_labels, moments, first_group));
        self.push(&engine, ledger, graph, until, accounts, account_labels);
    }

    /// Adds the accounts of `ledger` as they stood at `at`, for the end-of-data stages only: what a
    /// detection run early in the data sees, when an old account's short history looks like a short
    /// life. Labelled as [`TrainingSet::add`] does, except that a mule which has not taken fraud
    /// money by `at` is left out: until then it behaves as its owner did.
    pub fn add_early(&mut self, ledger: &Ledger, graph: &TemporalGraph, at: Ts, labels: Option<&[(AccountIx, bool)]>) {
        let until = Some(at);
        let engine = FeatureEngine::replay(ledger, graph, FeatureConfig::default(), until);
        let (accounts, mut account_labels) = evaluation::scope(ledger, &engine, labels);
        let acting = in_the_act(ledger, graph, until, &accounts, &account_labels);
        for (a, label) in accounts.iter().zip(&mut account_labels) {
            if *label == Some(true) && !acting.contains_key(a) {
                *label = None;
            }
        }
        self.push(&engine, ledger, graph, until, accounts, account_labels);
    }

    /// The end-of-data stages' rows, labels and links of `accounts` as of `until`.
    fn push(
        &mut self,
        engine: &FeatureEngine,
        ledger: &Ledger,
        graph: &TemporalGraph,
        until: Option<Ts>,
        accounts: Vec<AccountIx>,
        account_labels: Vec<Option<bool>>,
    ) {
        self.features.extend(context::rows(engine, ledger, graph, until, &accounts, &ContextConfig::default()));
        self.labels.extend(account_labels);
        self.links.push(Links::new(graph, until, &accounts));
    }

    /// Accounts in the set.
    pub fn rows(&self) -> usize {
        self.features.len()
    }

    /// Point-in-time rows for the live stage.
    pub fn live_rows(&self) -> usize {
        self.live.rows.len()
    }

    /// Trains the model on everything added; `source` is recorded as its provenance.
    pub fn train(mut self, params: &TrainParams, source: String) -> Result<MuleModel, ModelError> {
        let links = Links::concat(self.links);
        MuleModel::train(&mut self.features, &self.labels, &links, &self.live, params, source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels;
    use crate::testing::{ledger, T0};
    use fanzha_model::{Event, Label, LabelTarget};

    #[test]
    fn gathers_every_store_and_trains_on_all_of_them() {
        // Even accounts (mules) take money from three other mules and pass it on within the hour;
        // odd ones pay one another a little now and then.
        let mut transfers = Vec::new();
        for m in (0..40u32).step_by(2) {
            let h = i64::from(m) * 3;
            for k in 1..4 {
                transfers.push(((m + 2 * k) % 40, m, h + i64::from(k), 5_000));
            }
            transfers.push((m, (m + 1) % 40, h + 3, 14_900));
        }
        for a in (1..40u32).step_by(2) {
            transfers.push((a, (a + 2) % 40, 200 + i64::from(a), 80));
        }
        let l = ledger(40, &transfers);
        let g = TemporalGraph::build(&l);
        let labels: Vec<(AccountIx, bool)> = (0..40).map(|i| (AccountIx(i), i % 2 == 0)).collect();
        let mut set = TrainingSet::new();
        set.add(&l, &g, None, Some(&labels), 2);
        set.add(&l, &g, None, Some(&labels[..20]), 2);
        assert_eq!(set.rows(), 80, "both stores' accounts");
        assert!(set.live_rows() > 0, "and point-in-time rows for the live stage");
        let model = set.train(&TrainParams { iterations: 20, ..TrainParams::default() }, "two stores".into()).unwrap();
        assert_eq!((model.provenance.rows, model.provenance.positives), (60, 30), "the labelled ones");
        assert_eq!(model.provenance.source, "two stores");
    }

    #[test]
    fn an_early_copy_leaves_out_a_mule_until_it_takes_fraud_money() {
        // A0 pays A1 and A3 (ordinary) on day 0; the victim A2 pays the mule A3 on day 2 (labelled
        // fraud); A3 pays A4 on day 3. A3 is labelled a mule.
        let mut l = ledger(5, &[(0, 1, 0, 100), (0, 3, 1, 200), (2, 3, 48, 5_000), (3, 4, 72, 4_900)]);
        let victim_payment = LabelTarget::Transfer(fanzha_model::TransferIx(2));
        l.apply(Event::Label(Label { target: victim_payment, name: labels::FRAUD_LABEL.into() }));
        l.apply(Event::Label(Label { target: LabelTarget::Account(AccountIx(3)), name: "mule".into() }));
        let g = TemporalGraph::build(&l);
        let mut set = TrainingSet::new();
        set.add_early(&l, &g, Ts(T0 + 24 * 3_600), None);
        let day_one = set.labels.clone();
        assert_eq!(day_one.iter().filter(|l| l.is_some()).count(), 2, "A0 and A1 as ordinary: {day_one:?}");
        assert!(day_one.iter().all(|&l| l != Some(true)), "A3 is active but has not acted yet");
        assert_eq!(set.rows(), 3, "A3's row still feeds the association columns");
        set.add_early(&l, &g, Ts(T0 + 72 * 3_600), None);
        assert_eq!(set.labels[3..].iter().filter(|&&l| l == Some(true)).count(), 1, "A3 once it took the payment");
        assert_eq!(set.live_rows(), 0, "the live stage learns nothing from early copies");
        assert_eq!((set.labels.len(), set.links.len()), (set.rows(), 2), "rows, labels and links stay aligned");
    }
}
