//! fanzha interchange format v1 (`accounts` and `transfers`, CSV or JSON Lines; see
//! `docs/formats.md`).

use crate::fields::{bounded, optional, positive_amount, region, required, timestamp, yes_no};
use crate::ingestor::{Ingestor, Outcome, TransferRecord, MAX_ID_CHARS, MAX_MEMO_CHARS};
use crate::input::{Row, Schema};
use fanzha_model::{Account, AccountClass, AccountStatus, Channel, Currency, Fen, Transfer, TransferKind};

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

/// One transfer row.
pub(crate) fn transfer(ing: &mut Ingestor<'_>, row: &dyn Row) -> Result<Outcome, String> {
    let txn_id = bounded(required(row, 0, "txn_id")?, MAX_ID_CHARS, "txn_id")?;
    let ts = timestamp(row, 1, "ts")?;
    let amount = match (row.get(2), row.get(10)) {
        (Some(yuan), _) => positive_amount(yuan, "amount")?,
        (None, Some(fen)) => {
            let fen: i64 = fen.parse().map_err(|_| format!("amount_fen: '{fen}' is not a whole number of fen"))?;
            if fen <= 0 || fen > Fen::MAX_INPUT.0 {
                return Err(format!("amount_fen: {fen} must be greater than 0 and at most {}", Fen::MAX_INPUT.0));
            }
            Fen(fen)
        }
        (None, None) => return Err("amount: missing (required)".into()),
    };
    let from = row.get(3).map(|a| bounded(a, MAX_ID_CHARS, "from_account")).transpose()?;
    let to = row.get(4).map(|a| bounded(a, MAX_ID_CHARS, "to_account")).transpose()?;
    let kind = optional(row, 8, "kind", TransferKind::parse)?.unwrap_or_default();
    let memo = row.get(9).map(|m| bounded(m, MAX_MEMO_CHARS, "memo")).transpose()?;
    let transfer = Transfer {
        ts,
        from: None,
        to: None,
        amount,
        currency: optional(row, 5, "currency", Currency::parse)?.unwrap_or_default(),
        channel: optional(row, 6, "channel", Channel::parse)?,
        region: region(row, 7, "region")?,
        cross_border: optional(row, 11, "cross_border", yes_no)?.unwrap_or(false),
        kind,
        memo: memo.map(Into::into),
    };
    ing.put_transfer(TransferRecord { txn_id, from, to, transfer }).map(|(outcome, _)| outcome)
}
