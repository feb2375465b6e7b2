//! fanzha interchange format v1 (`accounts` and `transfers`, CSV or JSON Lines; see
//! `docs/formats.md`).

use crate::fields::{bounded, optional, region, required, timestamp, yes_no};
use crate::ingestor::{Ingestor, Outcome, TransferRecord};
use crate::input::{Row, Schema};
use fanzha_model::{Account, AccountClass, AccountStatus, Amount, Fen, TransferFields, MAX_ID_CHARS};

/// accounts.csv; `status` is fanzha's extension (default `active`).
pub(crate) const ACCOUNTS: Schema = Schema {
    columns: &[
        "account_id",
        "bank",
        "holder_id",
        "opened_at",
        "open_region",
        "account_class",
        "opening_balance",
        "status",
    ],
    required: 4,
};

/// transfers.csv; JSON Lines may give `amount_fen` (integer) instead of `amount`.
pub(crate) const TRANSFERS: Schema = Schema {
    columns: &[
        "txn_id",
        "ts",
        "amount",
        "from_account",
        "to_account",
        "currency",
        "channel",
        "region",
        "kind",
        "memo",
        "amount_fen",
        "cross_border",
    ],
    required: 3,
};

/// One account row.
pub(crate) fn account(ing: &mut Ingestor<'_>, row: &dyn Row) -> Result<Outcome, String> {
    let id = bounded(required(row, 0, "account_id")?, MAX_ID_CHARS, "account_id")?;
    let bank = bounded(required(row, 1, "bank")?, MAX_ID_CHARS, "bank")?;
    let holder = bounded(required(row, 2, "holder_id")?, MAX_ID_CHARS, "holder_id")?;
    let account = Account {
        opened_at: Some(timestamp(row, 3, "opened_at")?),
        open_region: region(row, 4, "open_region")?,
        class: optional(row, 5, "account_class", AccountClass::parse)?,
        opening_balance: optional(row, 6, "opening_balance", Fen::parse_yuan)?.unwrap_or_default(),
        status: optional(row, 7, "status", AccountStatus::parse)?.unwrap_or_default(),
        ..Account::internal()
    };
    if account.opening_balance.0 < 0 {
        return Err(format!("opening_balance: '{}' is negative", account.opening_balance));
    }
    ing.put_account(id, Some(bank), Some(holder), account)
}

/// One transfer row (validated by [`TransferFields::validate`], the rules the live API shares).
pub(crate) fn transfer(ing: &mut Ingestor<'_>, row: &dyn Row) -> Result<Outcome, String> {
    let amount = match (row.get(2), row.get(10)) {
        (Some(yuan), _) => Some(Amount::Yuan(yuan)),
        (None, Some(fen)) => Some(Amount::Fen(
            fen.trim().parse().map_err(|_| format!("amount_fen: '{fen}' is not a whole number of fen"))?,
        )),
        (None, None) => None,
    };
    let fields = TransferFields {
        txn_id: Some(required(row, 0, "txn_id")?),
        ts: row.get(1),
        amount,
        from_account: row.get(3),
        to_account: row.get(4),
        currency: row.get(5),
        channel: row.get(6),
        region: row.get(7),
        kind: row.get(8),
        memo: row.get(9),
        cross_border: optional(row, 11, "cross_border", yes_no)?,
    };
    let v = fields.validate(ing.horizon(), None).map_err(|e| e.to_string())?;
    let txn_id = v.txn_id.ok_or("txn_id: missing (required)")?;
    ing.put_transfer(TransferRecord { txn_id, from: v.from, to: v.to, transfer: v.transfer })
        .map(|(outcome, _)| outcome)
}
