//! The data model every other fanzha crate points toward.
//!
//! Design decisions, and why:
//! - **Money is integer fen** ([`Fen`], `i64`). Decimal yuan from input files are parsed exactly,
//!   never through floating point, so traced amounts can be conserved to the fen.
//! - **Time is UTC epoch seconds** ([`Ts`]). Input must carry an explicit offset (RFC 3339); display
//!   always names its zone (UTC or Asia/Shanghai, `+08:00`).
//! - **Persons are never stored in clear.** A holder's identity number is kept only as a salted
//!   SHA-256 digest plus a masked form for display ([`Holder`]); the salt belongs to one deployment.
//! - **The ledger is a replay of events.** [`Ledger`] is the in-memory state; it changes only by
//!   [`Event`]s, which is also what the durable store writes. Replaying the stored events in order
//!   rebuilds exactly the state that was acknowledged.
#![deny(missing_docs)]

mod account;
mod csv;
mod holder;
mod intake;
mod label;
mod ledger;
mod money;
mod partition;
mod region;
mod stats;
mod time;
mod transfer;
mod typology;

pub use account::{Account, AccountClass, AccountIx, AccountStatus, BankIx};
pub use csv::csv_field;
pub use holder::{Holder, HolderDigest, HolderSalt};
pub use intake::{Amount, FieldError, TransferFields, ValidTransfer, MAX_ID_CHARS, MAX_MEMO_CHARS};
pub use label::{Label, LabelTarget};
pub use ledger::{CapacityError, Event, Ledger, MAX_ACCOUNTS, MAX_BANKS};
pub use money::{Fen, MoneyError};
pub use partition::{Partition, MAX_PARTITIONS};
pub use region::{Region, RegionError};
pub use stats::LedgerStats;
pub use time::{duration_text, rfc3339, Horizon, Ts, TsError, BEIJING_OFFSET_SECS, DAY_SECS, DEFAULT_MAX_SKEW_SECS};
pub use transfer::{Channel, Currency, Transfer, TransferIx, TransferKind};
pub use typology::{Typology, TYPOLOGIES};

/// Lower-case hex of `bytes` (digests, salts, tokens): the one encoder every crate uses.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// A value that was not one of the allowed words (used by the small enums of the model).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{got}' is not one of: {allowed}")]
pub struct UnknownWord {
    /// What the input said.
    pub got: String,
    /// The accepted words, comma separated.
    pub allowed: &'static str,
}
