//! A transfer as a check or a record request carries it (the interchange fields, amount as integer
//! fen, empty accounts as null, optional payer context), and its validation into a [`Transfer`].

use fanzha_model::{Channel, Currency, Fen, Horizon, Region, Transfer, TransferKind, Ts};
use serde::Deserialize;

/// Longest account id or transaction id accepted.
pub const MAX_ID_CHARS: usize = 64;
/// Longest memo accepted.
pub const MAX_MEMO_CHARS: usize = 512;

/// The request body of `POST /v1/transfers/check` and `POST /v1/transfers`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// The bank's transaction id (required to record; optional to check).
    pub txn_id: Option<String>,
    /// When (RFC 3339 with offset); a check without it is "now".
    pub ts: Option<String>,
    /// Payer account id; null for a cash deposit.
    pub from_account: Option<String>,
    /// Payee account id; null for a cash withdrawal.
    pub to_account: Option<String>,
    /// Amount in fen (integer, > 0).
    pub amount_fen: i64,
    /// ISO currency code (default CNY).
    pub currency: Option<String>,
    /// counter, online, mobile, atm, pos, other.
    pub channel: Option<String>,
    /// Six-digit administrative region code where it happens.
    pub region: Option<String>,
    /// transfer (default), withdrawal, deposit.
    pub kind: Option<String>,
    /// Free-text memo (附言).
    pub memo: Option<String>,
    /// Whether it crosses the border.
    pub cross_border: Option<bool>,
    /// What the bank or app knows about the payer right now.
    pub payer: Option<PayerContext>,
}

/// Context about the payer at the moment of the check.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayerContext {
    /// Age in years.
    pub age: Option<u32>,
    /// The device is new for this customer.
    pub new_device: Option<bool>,
    /// The customer is on a phone call while paying (a common sign of a scammer giving directions).
    pub on_call: Option<bool>,
    /// The customer's phone number (looked up in the lists).
    pub phone: Option<String>,
}

/// A request field that is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// The JSON field name.
    pub field: &'static str,
    /// What is wrong with it.
    pub message: String,
}

fn bad(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, message: message.into() }
}

fn bounded<'a>(field: &'static str, value: &'a Option<String>, max: usize) -> Result<Option<&'a str>, FieldError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.chars().count() > max => Err(bad(field, format!("longer than {max} characters"))),
        Some(v) => Ok(Some(v)),
    }
}

/// The validated request: the transfer (parties not yet resolved) and the account ids.
#[derive(Debug, Clone)]
pub struct Checked<'r> {
    /// The transfer with `from`/`to` still empty.
    pub transfer: Transfer,
    /// Transaction id, if given.
    pub txn_id: Option<&'r str>,
    /// Payer account id.
    pub from: Option<&'r str>,
    /// Payee account id.
    pub to: Option<&'r str>,
}

impl TransferRequest {
    /// Validates every field; `now.at` (the current time) stands in for a missing `ts`, and a `ts`
    /// later than `now` plus its clock skew is refused.
    pub fn validate(&self, now: Horizon) -> Result<Checked<'_>, FieldError> {
        let ts = match self.ts.as_deref() {
            None => now.at,
            Some(t) => Ts::parse_rfc3339(t).and_then(|ts| now.check(ts)).map_err(|e| bad("ts", e.to_string()))?,
        };
        if self.amount_fen <= 0 || self.amount_fen > Fen::MAX_INPUT.0 {
            return Err(bad("amount_fen", format!("must be greater than 0 and at most {}", Fen::MAX_INPUT.0)));
        }
        let kind = self.kind.as_deref().map(TransferKind::parse).transpose().map_err(|e| bad("kind", e.to_string()))?;
        let kind = kind.unwrap_or_default();
        let from = bounded("from_account", &self.from_account, MAX_ID_CHARS)?;
        let to = bounded("to_account", &self.to_account, MAX_ID_CHARS)?;
        kind.check_parties(from.is_some(), to.is_some()).map_err(|e| {
            let from_wrong = match kind {
                TransferKind::Deposit => from.is_some(),
                TransferKind::Transfer | TransferKind::Withdrawal => from.is_none(),
            };
            bad(if from_wrong { "from_account" } else { "to_account" }, e)
        })?;
        let memo = bounded("memo", &self.memo, MAX_MEMO_CHARS)?;
        let transfer = Transfer {
            ts,
            from: None,
            to: None,
            amount: Fen(self.amount_fen),
            currency: self
                .currency
                .as_deref()
                .map(Currency::parse)
                .transpose()
                .map_err(|e| bad("currency", e.to_string()))?
                .unwrap_or_default(),
            channel: self
                .channel
                .as_deref()
                .map(Channel::parse)
                .transpose()
                .map_err(|e| bad("channel", e.to_string()))?,
            region: self.region.as_deref().map(Region::parse).transpose().map_err(|e| bad("region", e.to_string()))?,
            cross_border: self.cross_border.unwrap_or(false),
            kind,
            memo: memo.map(Into::into),
        };
        if let Some(p) = &self.payer {
            if p.age.is_some_and(|a| a > 130) {
                return Err(bad("payer.age", "must be at most 130"));
            }
            bounded("payer.phone", &p.phone, 32)?;
        }
        Ok(Checked { transfer, txn_id: bounded("txn_id", &self.txn_id, MAX_ID_CHARS)?, from, to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(json: &str) -> TransferRequest {
        serde_json::from_str(json).expect("parses")
    }

    fn at(t: i64) -> Horizon {
        Horizon { at: Ts(t), skew_secs: 300 }
    }

    #[test]
    fn names_the_wrong_field() {
        let now = at(1_700_000_000);
        let cases = [
            (r#"{"from_account":"A","to_account":"B","amount_fen":0}"#, "amount_fen"),
            (r#"{"from_account":"A","to_account":"B","amount_fen":5,"ts":"yesterday"}"#, "ts"),
            (r#"{"from_account":"A","to_account":"B","amount_fen":5,"channel":"pigeon"}"#, "channel"),
            (r#"{"to_account":"B","amount_fen":5}"#, "from_account"),
            (r#"{"from_account":"A","amount_fen":5}"#, "to_account"),
            (r#"{"from_account":"A","to_account":"B","amount_fen":5,"payer":{"age":200}}"#, "payer.age"),
            // Issue 23, finding 4: a record dated 9999 used to be accepted.
            (r#"{"from_account":"A","to_account":"B","amount_fen":5,"ts":"9999-12-31T00:00:00Z"}"#, "ts"),
        ];
        for (json, field) in cases {
            assert_eq!(req(json).validate(now).unwrap_err().field, field, "{json}");
        }
    }

    #[test]
    fn accepts_a_full_request() {
        let r = req(r#"{"txn_id":"T1","ts":"2024-03-01T10:00:00+08:00","from_account":"A","to_account":"B",
            "amount_fen":5000000,"channel":"mobile","region":"420100","memo":"安全账户","payer":{"age":67,"on_call":true}}"#);
        let c = r.validate(Horizon::now()).expect("valid");
        assert_eq!((c.from, c.to, c.txn_id), (Some("A"), Some("B"), Some("T1")));
        assert_eq!(c.transfer.amount, Fen(5_000_000));
        assert_eq!(c.transfer.ts, Ts::parse_rfc3339("2024-03-01T02:00:00Z").unwrap());
        assert!(serde_json::from_str::<TransferRequest>(r#"{"amount_fen":1,"amount":2}"#).is_err(), "unknown field");
    }
}
