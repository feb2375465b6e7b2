//! `labels.csv`: ground truth for evaluation (`kind,id,label`, kind = account|transfer|holder).
//! Labels are never features; detection must not read them.

use crate::fields::{bounded, required};
use crate::ingestor::{Ingestor, Outcome};
use crate::input::{Row, Schema};
use fanzha_model::LabelTarget;
use fanzha_model::MAX_ID_CHARS;

pub(crate) const LABELS: Schema = Schema { columns: &["kind", "id", "label"], required: 3 };

/// One label row; the account or transfer it names must already be stored.
pub(crate) fn label(ing: &mut Ingestor<'_>, row: &dyn Row) -> Result<Outcome, String> {
    let id = required(row, 1, "id")?;
    let name = bounded(required(row, 2, "label")?, MAX_ID_CHARS, "label")?;
    let ledger = ing.store().ledger();
    let target = match required(row, 0, "kind")? {
        "account" => {
            LabelTarget::Account(ledger.account_ix(id).ok_or_else(|| format!("id: no account '{id}' is stored"))?)
        }
        "transfer" => {
            LabelTarget::Transfer(ledger.txn_ix(id).ok_or_else(|| format!("id: no transfer '{id}' is stored"))?)
        }
        "holder" => LabelTarget::Holder(ing.store().salt().holder(id).digest),
        other => return Err(format!("kind: '{other}' is not one of: account, transfer, holder")),
    };
    ing.put_label(target, name)
}
