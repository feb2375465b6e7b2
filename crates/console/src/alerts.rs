//! The alert queue's source: mule accounts and card farmers flagged by `fanzha-detect` (rules, the
//! shipped model, the card-farming detector) over the store as it stands, raised once per subject.

use crate::db::Db;
use fanzha_detect::farming::{self, FarmingConfig};
use fanzha_detect::mules::{self, MuleConfig};
use fanzha_detect::MuleModel;
use fanzha_graph::TemporalGraph;
use fanzha_model::Ledger;

/// Alerts raised by one refresh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Raised {
    /// New mule-account alerts.
    pub mules: usize,
    /// New card-farmer alerts.
    pub farmers: usize,
}

/// Runs detection over `ledger` (with its `graph`) and raises an alert for every flagged account or holder that has
/// none yet.
pub fn refresh(db: &mut Db, ledger: &Ledger, graph: &TemporalGraph, at: i64) -> crate::sql::DbResult<Raised> {
    let scores = mules::score_all(ledger, graph, None, &MuleModel::shipped(), &MuleConfig::default(), false);
    let mut raised = Raised::default();
    for s in scores.iter().filter(|s| s.flagged) {
        let reasons: Vec<(&str, &str)> =
            s.reasons.iter().map(|r| (r.message_zh.as_str(), r.message_en.as_str())).collect();
        let json = serde_json::to_string(&reasons).expect("strings serialize");
        raised.mules += usize::from(db.raise_alert("mule", ledger.account_id(s.account), s.score, &json, at)?);
    }
    for f in farming::farmers(ledger, graph, &FarmingConfig::default()).iter().filter(|f| f.flagged) {
        let json = serde_json::to_string(&f.reasons).expect("strings serialize");
        raised.farmers += usize::from(db.raise_alert("card_farmer", &f.masked, f.score, &json, at)?);
    }
    Ok(raised)
}
