//! IBM AMLSim sample output: `nodes.csv` (accounts) and `transactions.csv` (transfers).
//!
//! AMLSim has no institutions, no times and no transaction ids: every account is put at bank
//! `AMLSIM`; a transaction's `time` is a simulation step, taken as one day after `epoch`; a
//! transaction's id is `<prefix>:<line>` (prefix: the file stem unless given). `isFraud = 1`
//! becomes the account label `isFraud`, kept for evaluation only.

use crate::fields::{named, required};
use crate::ingestor::{Ingestor, Outcome, TransferRecord};
use crate::input::{Row, Schema};
use fanzha_model::{Account, Fen, LabelTarget, Transfer, Ts};

/// The bank code given to AMLSim accounts.
pub const AMLSIM_BANK: &str = "AMLSIM";

pub(crate) const NODES: Schema = Schema { columns: &["nodeid", "isfraud", "init_balance", "fraudstep"], required: 3 };
pub(crate) const TRANSACTIONS: Schema =
    Schema { columns: &["sourcenodeid", "targetnodeid", "value", "time"], required: 4 };

/// One `nodes.csv` row.
pub(crate) fn node(ing: &mut Ingestor<'_>, row: &dyn Row) -> Result<Outcome, String> {
    let id = required(row, 0, "nodeid")?;
    let is_fraud = match required(row, 1, "isFraud")? {
        "0" => false,
        "1" => true,
        other => return Err(format!("isFraud: '{other}' is not 0 or 1")),
    };
    let balance = Fen::parse_yuan(required(row, 2, "init_balance")?).map_err(|e| format!("init_balance: {e}"))?;
    if balance.0 < 0 {
        return Err(format!("init_balance: '{balance}' is negative"));
    }
    let outcome =
        ing.put_account(id, Some(AMLSIM_BANK), None, Account { opening_balance: balance, ..Account::internal() })?;
    if is_fraud {
        let ix = ing.store().ledger().account_ix(id).expect("account just put");
        ing.put_label(LabelTarget::Account(ix), "isFraud")?;
    }
    Ok(outcome)
}

/// One `transactions.csv` row.
pub(crate) fn transaction(
    ing: &mut Ingestor<'_>,
    row: &dyn Row,
    line: u64,
    prefix: &str,
    epoch: Ts,
) -> Result<Outcome, String> {
    let from = required(row, 0, "sourceNodeId")?;
    let to = required(row, 1, "targetNodeId")?;
    let amount = Fen::parse_positive_yuan(required(row, 2, "value")?).map_err(named("value"))?;
    let step: i64 = required(row, 3, "time")?.parse().map_err(|_| "time: not a whole step number".to_string())?;
    if !(0..=1_000_000).contains(&step) {
        return Err(format!("time: step {step} is out of range"));
    }
    let txn_id = format!("{prefix}:{line}");
    let transfer = Transfer::plain(Ts(epoch.0 + step * 86_400), None, None, amount);
    ing.put_transfer(TransferRecord { txn_id: &txn_id, from: Some(from), to: Some(to), transfer }).map(|(o, _)| o)
}
