//! Ground truth for evaluation and training, read from the labels a source carried: which accounts
//! are mules and which holders farm cards. Detection itself never reads labels.

use fanzha_model::{AccountIx, HolderDigest, LabelTarget, Ledger};
use rustc_hash::FxHashSet;

/// Account labels that mean "this account carried illicit money": the generator's `mule`,
/// AMLSim's `isFraud`.
pub const MULE_ACCOUNT_LABELS: &[&str] = &["mule", "isFraud"];
/// Transfer labels whose two ends count as mule accounts: AMLworld's `Is Laundering`.
pub const MULE_TRANSFER_LABELS: &[&str] = &["Is Laundering"];
/// The holder label of a card farmer (the generator's `card_farmer`).
pub const FARMER_LABEL: &str = "card_farmer";

/// Accounts labelled as mules (directly, or as an end of a laundering transfer).
pub fn mule_accounts(ledger: &Ledger) -> FxHashSet<AccountIx> {
    let mut out = FxHashSet::default();
    for label in ledger.labels() {
        match label.target {
            LabelTarget::Account(a) if MULE_ACCOUNT_LABELS.contains(&&*label.name) => {
                out.insert(a);
            }
            LabelTarget::Transfer(t) if MULE_TRANSFER_LABELS.contains(&&*label.name) => {
                let transfer = ledger.transfer(t);
                out.extend(transfer.from.into_iter().chain(transfer.to).filter(|&a| !ledger.account(a).external));
            }
            _ => {}
        }
    }
    out
}

/// Holders labelled as card farmers.
pub fn farmer_holders(ledger: &Ledger) -> FxHashSet<HolderDigest> {
    ledger
        .labels()
        .iter()
        .filter_map(|l| match l.target {
            LabelTarget::Holder(h) if &*l.name == FARMER_LABEL => Some(h),
            _ => None,
        })
        .collect()
}
