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

/// What one detection run flagged: (kind, subject, score, reasons as JSON `[[zh, en], …]`).
pub type Found = Vec<(String, String, f64, String)>;

/// Runs detection over `ledger` (with its `graph`): every flagged account and card farmer.
pub fn detect(ledger: &Ledger, graph: &TemporalGraph) -> Found {
    let scores = mules::score_all(ledger, graph, None, &MuleModel::shipped(), &MuleConfig::default(), false);
    let mut found = Found::new();
    for s in scores.iter().filter(|s| s.flagged) {
        let reasons: Vec<(&str, &str)> =
            s.reasons.iter().map(|r| (r.message_zh.as_str(), r.message_en.as_str())).collect();
        let json = serde_json::to_string(&reasons).expect("strings serialize");
        found.push(("mule".into(), ledger.account_id(s.account).into(), s.score, json));
    }
    for f in farming::farmers(ledger, graph, &FarmingConfig::default(), None).iter().filter(|f| f.flagged) {
        let json = serde_json::to_string(&f.reasons).expect("strings serialize");
        found.push(("card_farmer".into(), f.masked.clone(), f.score, json));
    }
    found
}

/// Raises an alert for everything `found` that has none yet.
pub fn raise(db: &mut Db, found: &Found, at: i64) -> crate::sql::DbResult<Raised> {
    let mut raised = Raised::default();
    for (kind, subject, score, reasons) in found {
        let new = usize::from(db.raise_alert(kind, subject, *score, reasons, at)?);
        if kind == "mule" {
            raised.mules += new;
        } else {
            raised.farmers += new;
        }
    }
    Ok(raised)
}
