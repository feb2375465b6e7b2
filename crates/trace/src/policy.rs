//! Which money leaves an account first: the tracing policy.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How an outgoing transfer draws on the money an account holds.
///
/// Every policy conserves money: it only decides which part of the balance (traced or not) an
/// outgoing transfer carries. The same data traced under two policies gives two answers; the
/// report always names the one it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// First in, first out (Clayton's rule): the oldest money leaves first; the opening balance
    /// is the oldest lot. The default in forensic accounting.
    #[default]
    Fifo,
    /// Last in, first out: the newest money leaves first.
    Lifo,
    /// Pro-rata (haircut): every outgoing transfer carries traced money in the proportion the
    /// account holds it at that moment.
    ProRata,
    /// Poison, in its money-conserving form (tainted first): traced money leaves before any
    /// other money, so it spreads as far and as fast as the data allows. The upper bound.
    Poison,
    /// Lowest intermediate balance rule: the holder's own money leaves first; traced money
    /// leaves only when the balance falls below it, and later deposits never replenish it.
    /// The lower bound.
    Libr,
}

impl Policy {
    /// Every policy, in the order the docs list them.
    pub const ALL: [Policy; 5] = [Policy::Fifo, Policy::Lifo, Policy::ProRata, Policy::Poison, Policy::Libr];

    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Fifo => "fifo",
            Policy::Lifo => "lifo",
            Policy::ProRata => "pro-rata",
            Policy::Poison => "poison",
            Policy::Libr => "libr",
        }
    }

    /// Whether the policy keeps individual lots (and so can say how long each has sat).
    pub(crate) fn keeps_lots(self) -> bool {
        matches!(self, Policy::Fifo | Policy::Lifo)
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A policy name that is not one of [`Policy::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown policy '{0}' (use fifo, lifo, pro-rata, poison or libr)")]
pub struct UnknownPolicy(pub String);

impl FromStr for Policy {
    type Err = UnknownPolicy;
    fn from_str(s: &str) -> Result<Policy, UnknownPolicy> {
        Policy::ALL.into_iter().find(|p| p.as_str() == s).ok_or_else(|| UnknownPolicy(s.to_string()))
    }
}
