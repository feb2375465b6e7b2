//! Accounts at banks and payment firms.

use crate::{Fen, Holder, Region, Ts, UnknownWord};
use serde::{Deserialize, Serialize};

/// Dense index of an account in a [`crate::Ledger`] (the order in which accounts became known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountIx(pub u32);

impl AccountIx {
    /// The index of the `i`-th account; `i` must be below [`crate::Ledger`]'s account count, which
    /// [`crate::Ledger::admits`] keeps within `u32`.
    pub fn of(i: usize) -> AccountIx {
        AccountIx(u32::try_from(i).expect("the ledger admits no more accounts than a u32 indexes"))
    }
}

/// Dense index of an institution code in a [`crate::Ledger`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BankIx(pub u16);

impl BankIx {
    /// The index of the `i`-th bank; `i` must be below [`crate::Ledger`]'s bank count, which
    /// [`crate::Ledger::admits`] keeps within `u16`.
    pub fn of(i: usize) -> BankIx {
        BankIx(u16::try_from(i).expect("the ledger admits no more banks than a u16 indexes"))
    }
}

/// Personal account classes (I, II, III) under PBOC rules, or a corporate account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountClass {
    /// Class I: full-function personal account.
    I,
    /// Class II: limited personal account.
    II,
    /// Class III: small-payment personal account.
    III,
    /// Corporate (unit) account.
    Corp,
}

impl AccountClass {
    /// Parses `I`, `II`, `III` or `corp` (case-insensitive).
    pub fn parse(text: &str) -> Result<AccountClass, UnknownWord> {
        match text.trim().to_ascii_lowercase().as_str() {
            "i" => Ok(AccountClass::I),
            "ii" => Ok(AccountClass::II),
            "iii" => Ok(AccountClass::III),
            "corp" => Ok(AccountClass::Corp),
            _ => Err(UnknownWord { got: text.to_string(), allowed: "I, II, III, corp" }),
        }
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountClass::I => "I",
            AccountClass::II => "II",
            AccountClass::III => "III",
            AccountClass::Corp => "corp",
        }
    }
}

/// Whether an account may move money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Normal.
    #[default]
    Active,
    /// Frozen or under stop-payment.
    Frozen,
    /// Closed.
    Closed,
}

impl AccountStatus {
    /// Parses `active`, `frozen` or `closed` (case-insensitive).
    pub fn parse(text: &str) -> Result<AccountStatus, UnknownWord> {
        match text.trim().to_ascii_lowercase().as_str() {
            "active" => Ok(AccountStatus::Active),
            "frozen" => Ok(AccountStatus::Frozen),
            "closed" => Ok(AccountStatus::Closed),
            _ => Err(UnknownWord { got: text.to_string(), allowed: "active, frozen, closed" }),
        }
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Frozen => "frozen",
            AccountStatus::Closed => "closed",
        }
    }
}

/// An account. Accounts that only appear as counterparties of transfers are *external*: they
/// belong to institutions that do not feed data, and all their fields but the number are unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The institution holding the account; `None` for external accounts.
    pub bank: Option<BankIx>,
    /// The holder; `None` when the source does not say (external accounts, some public data sets).
    pub holder: Option<Holder>,
    /// When the account was opened.
    pub opened_at: Option<Ts>,
    /// Where the account was opened.
    pub open_region: Option<Region>,
    /// Personal class or corporate.
    pub class: Option<AccountClass>,
    /// Whether it may move money.
    pub status: AccountStatus,
    /// Balance at `opened_at`, or at the start of the data.
    pub opening_balance: Fen,
    /// True for an account known only as a counterparty.
    pub external: bool,
}

impl Account {
    /// Kept by an organisation rather than a person: a corporate account, or one seen only as
    /// another institution's counterparty. Such accounts are paid by many by design.
    pub fn is_organisational(&self) -> bool {
        self.external || self.class == Some(AccountClass::Corp)
    }

    /// An account of a reporting institution of which nothing else is known yet: active, no
    /// opening balance. Fill what is known with struct update syntax.
    pub fn internal() -> Account {
        Account {
            bank: None,
            holder: None,
            opened_at: None,
            open_region: None,
            class: None,
            status: AccountStatus::Active,
            opening_balance: Fen::ZERO,
            external: false,
        }
    }

    /// An account known only by its number, seen as a counterparty.
    pub fn external() -> Account {
        Account { external: true, ..Account::internal() }
    }
}
