//! Transfers, cash withdrawals and cash deposits.

use crate::{AccountIx, Fen, Region, Ts, UnknownWord};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Dense index of a transfer in a [`crate::Ledger`] (the order in which it was ingested).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TransferIx(pub u32);

impl TransferIx {
    /// The index of the `i`-th transfer; `i` must be below [`crate::Ledger`]'s transfer count,
    /// which [`crate::Ledger::admits`] keeps within `u32`.
    pub fn of(i: usize) -> TransferIx {
        TransferIx(u32::try_from(i).expect("the ledger admits no more transfers than a u32 indexes"))
    }
}

/// What moved: money between two accounts, cash out of one, or cash into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TransferKind {
    /// Account to account.
    #[default]
    Transfer,
    /// Cash taken out of `from` (ATM or counter); `to` is empty.
    Withdrawal,
    /// Cash paid into `to`; `from` is empty.
    Deposit,
}

impl TransferKind {
    /// Parses `transfer`, `withdrawal` or `deposit` (case-insensitive).
    pub fn parse(text: &str) -> Result<TransferKind, UnknownWord> {
        match text.trim().to_ascii_lowercase().as_str() {
            "transfer" => Ok(TransferKind::Transfer),
            "withdrawal" => Ok(TransferKind::Withdrawal),
            "deposit" => Ok(TransferKind::Deposit),
            _ => Err(UnknownWord { got: text.to_string(), allowed: "transfer, withdrawal, deposit" }),
        }
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            TransferKind::Transfer => "transfer",
            TransferKind::Withdrawal => "withdrawal",
            TransferKind::Deposit => "deposit",
        }
    }

    /// Checks that the parties present fit the kind; the error names the offending field.
    pub fn check_parties(self, has_from: bool, has_to: bool) -> Result<(), &'static str> {
        match (self, has_from, has_to) {
            (TransferKind::Transfer, true, true)
            | (TransferKind::Withdrawal, true, false)
            | (TransferKind::Deposit, false, true) => Ok(()),
            (TransferKind::Transfer, false, _) => Err("from_account is required for a transfer"),
            (TransferKind::Transfer, _, false) => Err("to_account is required for a transfer"),
            (TransferKind::Withdrawal, false, _) => Err("from_account is required for a withdrawal"),
            (TransferKind::Withdrawal, _, true) => Err("to_account must be empty for a cash withdrawal"),
            (TransferKind::Deposit, _, false) => Err("to_account is required for a deposit"),
            (TransferKind::Deposit, true, _) => Err("from_account must be empty for a cash deposit"),
        }
    }
}

/// The channel a transaction was made through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// Bank counter.
    Counter,
    /// Online banking.
    Online,
    /// Mobile app.
    Mobile,
    /// Automated teller machine.
    Atm,
    /// Point-of-sale terminal.
    Pos,
    /// Anything else.
    Other,
}

impl Channel {
    /// Parses `counter`, `online`, `mobile`, `atm`, `pos` or `other` (case-insensitive).
    pub fn parse(text: &str) -> Result<Channel, UnknownWord> {
        match text.trim().to_ascii_lowercase().as_str() {
            "counter" => Ok(Channel::Counter),
            "online" => Ok(Channel::Online),
            "mobile" => Ok(Channel::Mobile),
            "atm" => Ok(Channel::Atm),
            "pos" => Ok(Channel::Pos),
            "other" => Ok(Channel::Other),
            _ => Err(UnknownWord { got: text.to_string(), allowed: "counter, online, mobile, atm, pos, other" }),
        }
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Counter => "counter",
            Channel::Online => "online",
            Channel::Mobile => "mobile",
            Channel::Atm => "atm",
            Channel::Pos => "pos",
            Channel::Other => "other",
        }
    }
}

/// An ISO 4217 currency code (three upper-case letters).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Renminbi, the default.
    pub const CNY: Currency = Currency(*b"CNY");

    /// Parses three ASCII letters; lower case is accepted and upper-cased.
    pub fn parse(text: &str) -> Result<Currency, UnknownWord> {
        let s = text.trim().as_bytes();
        if s.len() == 3 && s.iter().all(u8::is_ascii_alphabetic) {
            Ok(Currency([s[0].to_ascii_uppercase(), s[1].to_ascii_uppercase(), s[2].to_ascii_uppercase()]))
        } else {
            Err(UnknownWord { got: text.to_string(), allowed: "a 3-letter ISO 4217 code such as CNY" })
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl Default for Currency {
    fn default() -> Currency {
        Currency::CNY
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.as_str())
    }
}

/// One executed money movement. Invariant (checked on ingest): the parties fit the kind
/// ([`TransferKind::check_parties`]) and the amount is positive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// When it was executed.
    pub ts: Ts,
    /// Payer; `None` for a cash deposit.
    pub from: Option<AccountIx>,
    /// Payee; `None` for a cash withdrawal.
    pub to: Option<AccountIx>,
    /// Amount in the minor unit of `currency`.
    pub amount: Fen,
    /// Currency of the amount.
    pub currency: Currency,
    /// Channel, when known.
    pub channel: Option<Channel>,
    /// Where it was made (the ATM's place for a withdrawal), when known.
    pub region: Option<Region>,
    /// The counterparty is outside mainland China (跨境): decides the large-value threshold.
    pub cross_border: bool,
    /// Transfer, withdrawal or deposit.
    pub kind: TransferKind,
    /// Free text (附言), when given.
    pub memo: Option<Box<str>>,
}

impl Transfer {
    /// A CNY movement with nothing known beyond its time, parties and amount: a transfer between
    /// two accounts, a withdrawal without a payee, a deposit without a payer. Fill the rest with
    /// struct update syntax.
    pub fn plain(ts: Ts, from: Option<AccountIx>, to: Option<AccountIx>, amount: Fen) -> Transfer {
        let kind = match (from, to) {
            (Some(_), None) => TransferKind::Withdrawal,
            (None, Some(_)) => TransferKind::Deposit,
            _ => TransferKind::Transfer,
        };
        Transfer {
            ts,
            from,
            to,
            amount,
            currency: Currency::CNY,
            channel: None,
            region: None,
            cross_border: false,
            kind,
            memo: None,
        }
    }
}
