//! A transfer as a check or a record request carries it (the interchange fields, amount as integer
//! fen, empty accounts as null, optional payer context), and its validation into a transfer by the
//! rules every way in shares ([`fanzha_model::TransferFields`]).

use fanzha_model::{Amount, Horizon, TransferFields};
use serde::{Deserialize, Serialize};

/// The request body of `POST /v1/transfers/check` and `POST /v1/transfers`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
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

/// A request field that is wrong, and why (the model's one kind of field error).
pub use fanzha_model::FieldError;
/// The validated request: the transfer (parties not yet resolved) and the account ids.
pub use fanzha_model::ValidTransfer as Checked;

impl TransferRequest {
    /// Validates every field; `now.at` (the current time) stands in for a missing `ts`, and a `ts`
    /// later than `now` plus its clock skew is refused.
    pub fn validate(&self, now: Horizon) -> Result<Checked<'_>, FieldError> {
        let fields = TransferFields {
            txn_id: self.txn_id.as_deref(),
            ts: self.ts.as_deref(),
            amount: Some(Amount::Fen(self.amount_fen)),
            from_account: self.from_account.as_deref(),
            to_account: self.to_account.as_deref(),
            currency: self.currency.as_deref(),
            channel: self.channel.as_deref(),
            region: self.region.as_deref(),
            kind: self.kind.as_deref(),
            memo: self.memo.as_deref(),
            cross_border: self.cross_border,
        };
        let checked = fields.validate(now, Some(now.at))?;
        if let Some(p) = &self.payer {
            if p.age.is_some_and(|a| a > 130) {
                return Err(FieldError::new("payer.age", "must be at most 130"));
            }
            if p.phone.as_deref().is_some_and(|phone| phone.trim().chars().nth(32).is_some()) {
                return Err(FieldError::new("payer.phone", "longer than 32 characters"));
            }
        }
        Ok(checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Fen, Ts};

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
