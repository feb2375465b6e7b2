//! A transfer as a bank sends it — a CSV row, a JSON line, an API request — and its validation:
//! one set of field rules for every way in (`fanzha ingest` and the live check and record calls
//! both go through [`TransferFields::validate`]).

use crate::{Channel, Currency, Fen, Horizon, Region, Transfer, TransferKind, Ts};

/// Longest account id, transaction id or label accepted.
pub const MAX_ID_CHARS: usize = 64;
/// Longest memo accepted.
pub const MAX_MEMO_CHARS: usize = 512;

/// A field that is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// The field's name, as the interchange format and the API spell it.
    pub field: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// `field` is wrong because `message`.
    pub fn new(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError { field, message: message.into() }
    }
}

/// How an amount is given: decimal yuan (`amount`, the CSV form) or integer fen (`amount_fen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount<'a> {
    /// Decimal yuan, at most two decimals.
    Yuan(&'a str),
    /// Integer fen.
    Fen(i64),
}

/// The interchange fields of a transfer, as text, before validation. Empty or blank text counts
/// as absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TransferFields<'a> {
    /// The bank's transaction id.
    pub txn_id: Option<&'a str>,
    /// When, RFC 3339 with an offset.
    pub ts: Option<&'a str>,
    /// How much.
    pub amount: Option<Amount<'a>>,
    /// Payer account id (absent for a cash deposit).
    pub from_account: Option<&'a str>,
    /// Payee account id (absent for a cash withdrawal).
    pub to_account: Option<&'a str>,
    /// ISO currency code (default CNY).
    pub currency: Option<&'a str>,
    /// counter, online, mobile, atm, pos, other.
    pub channel: Option<&'a str>,
    /// Six-digit administrative region code.
    pub region: Option<&'a str>,
    /// transfer (default), withdrawal, deposit.
    pub kind: Option<&'a str>,
    /// Free-text memo (附言).
    pub memo: Option<&'a str>,
    /// Whether it crosses the border (default no).
    pub cross_border: Option<bool>,
}

/// A validated transfer: the model value (parties not yet resolved to accounts) and the ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTransfer<'a> {
    /// The transfer with `from`/`to` still empty.
    pub transfer: Transfer,
    /// Transaction id, if given.
    pub txn_id: Option<&'a str>,
    /// Payer account id.
    pub from: Option<&'a str>,
    /// Payee account id.
    pub to: Option<&'a str>,
}

/// Blank text as absent; text longer than `max` characters refused.
fn bounded<'a>(field: &'static str, value: Option<&'a str>, max: usize) -> Result<Option<&'a str>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.chars().nth(max).is_some() => Err(FieldError::new(field, format!("longer than {max} characters"))),
        Some(v) => Ok(Some(v)),
    }
}

/// Parses an optional field, naming it in the error; given but blank is an error (a reader that
/// means "absent" passes `None`, as CSV readers do for an empty cell).
fn parsed<T, E: std::fmt::Display>(
    field: &'static str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, FieldError> {
    match value.map(str::trim) {
        None => Ok(None),
        Some("") => Err(FieldError::new(field, "is empty: give a value or leave the field out")),
        Some(v) => parse(v).map(Some).map_err(|e| FieldError::new(field, e.to_string())),
    }
}

impl<'a> TransferFields<'a> {
    /// Validates every field. A missing `ts` is `default_ts` (the live check's "now"), or an
    /// error when there is none; a `ts` later than `horizon` plus its skew is refused.
    pub fn validate(&self, horizon: Horizon, default_ts: Option<Ts>) -> Result<ValidTransfer<'a>, FieldError> {
        let txn_id = bounded("txn_id", self.txn_id, MAX_ID_CHARS)?;
        let ts = match (parsed("ts", self.ts, Ts::parse_rfc3339)?, default_ts) {
            (Some(ts), _) => horizon.check(ts).map_err(|e| FieldError::new("ts", e.to_string()))?,
            (None, Some(now)) => now,
            (None, None) => return Err(FieldError::new("ts", "missing (required)")),
        };
        let amount = match self.amount {
            None => return Err(FieldError::new("amount", "missing (required)")),
            Some(Amount::Yuan(text)) => {
                Fen::parse_positive_yuan(text).map_err(|e| FieldError::new("amount", e.to_string()))?
            }
            Some(Amount::Fen(fen)) => {
                if fen <= 0 || fen > Fen::MAX_INPUT.0 {
                    let max = Fen::MAX_INPUT.0;
                    return Err(FieldError::new(
                        "amount_fen",
                        format!("{fen} must be greater than 0 and at most {max}"),
                    ));
                }
                Fen(fen)
            }
        };
        let kind = parsed("kind", self.kind, TransferKind::parse)?.unwrap_or_default();
        let from = bounded("from_account", self.from_account, MAX_ID_CHARS)?;
        let to = bounded("to_account", self.to_account, MAX_ID_CHARS)?;
        kind.check_parties(from.is_some(), to.is_some()).map_err(|e| {
            let from_wrong = match kind {
                TransferKind::Deposit => from.is_some(),
                TransferKind::Transfer | TransferKind::Withdrawal => from.is_none(),
            };
            FieldError::new(if from_wrong { "from_account" } else { "to_account" }, e)
        })?;
        let transfer = Transfer {
            ts,
            from: None,
            to: None,
            amount,
            currency: parsed("currency", self.currency, Currency::parse)?.unwrap_or_default(),
            channel: parsed("channel", self.channel, Channel::parse)?,
            region: parsed("region", self.region, Region::parse)?,
            cross_border: self.cross_border.unwrap_or(false),
            kind,
            memo: bounded("memo", self.memo, MAX_MEMO_CHARS)?.map(Into::into),
        };
        Ok(ValidTransfer { transfer, txn_id, from, to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> TransferFields<'static> {
        TransferFields {
            txn_id: Some("T1"),
            ts: Some("2024-03-01T10:00:00+08:00"),
            amount: Some(Amount::Yuan("12.50")),
            from_account: Some("A"),
            to_account: Some("B"),
            ..TransferFields::default()
        }
    }

    fn horizon() -> Horizon {
        Horizon { at: Ts::parse_rfc3339("2024-03-02T00:00:00Z").unwrap(), skew_secs: 300 }
    }

    #[test]
    fn a_good_transfer_and_its_defaults() {
        let v = fields().validate(horizon(), None).unwrap();
        assert_eq!((v.txn_id, v.from, v.to), (Some("T1"), Some("A"), Some("B")));
        assert_eq!(v.transfer.amount, Fen(1250));
        assert_eq!((v.transfer.kind, v.transfer.currency, v.transfer.cross_border), Default::default());
        let fen = TransferFields { amount: Some(Amount::Fen(1250)), ..fields() }.validate(horizon(), None).unwrap();
        assert_eq!(fen, v, "yuan and fen are one amount");
        let now = Ts(1_709_251_200);
        let live = TransferFields { ts: None, txn_id: Some("  "), ..fields() }.validate(horizon(), Some(now)).unwrap();
        assert_eq!((live.transfer.ts, live.txn_id), (now, None), "blank is absent; now stands in for ts");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let long = "x".repeat(MAX_ID_CHARS + 1);
        let memo = "x".repeat(MAX_MEMO_CHARS + 1);
        let cases: Vec<(TransferFields, &str)> = vec![
            (TransferFields { txn_id: Some(&long), ..fields() }, "txn_id: longer than 64"),
            (TransferFields { ts: None, ..fields() }, "ts: missing (required)"),
            (TransferFields { ts: Some(" "), ..fields() }, "ts: is empty"),
            (TransferFields { currency: Some(""), ..fields() }, "currency: is empty"),
            (TransferFields { ts: Some("2024-03-01 10:00"), ..fields() }, "ts: '2024-03-01 10:00' is not an RFC 3339"),
            (TransferFields { ts: Some("2030-01-01T00:00:00Z"), ..fields() }, "ts: 2030-01-01T00:00:00Z is later than"),
            (TransferFields { amount: None, ..fields() }, "amount: missing (required)"),
            (TransferFields { amount: Some(Amount::Yuan("0")), ..fields() }, "amount: '0' must be greater than 0"),
            (TransferFields { amount: Some(Amount::Yuan("1.234")), ..fields() }, "amount: '1.234' has more than 2"),
            (TransferFields { amount: Some(Amount::Fen(-1)), ..fields() }, "amount_fen: -1 must be greater than 0"),
            (TransferFields { from_account: None, ..fields() }, "from_account: from_account is required"),
            (TransferFields { kind: Some("withdrawal"), ..fields() }, "to_account: to_account must be empty"),
            (TransferFields { kind: Some("refund"), ..fields() }, "kind: 'refund' is not one of"),
            (TransferFields { channel: Some("teleport"), ..fields() }, "channel: 'teleport' is not one of"),
            (TransferFields { region: Some("4403"), ..fields() }, "region: '4403' is not a 6-digit"),
            (TransferFields { currency: Some("RMB$"), ..fields() }, "currency: 'RMB$' is not one of"),
            (TransferFields { memo: Some(&memo), ..fields() }, "memo: longer than 512"),
        ];
        for (f, want) in cases {
            let err = f.validate(horizon(), None).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err:?} does not start with {want:?}");
        }
    }
}
