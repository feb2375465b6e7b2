//! Ground-truth labels carried by some sources (e.g. AMLSim's `isFraud`), kept for evaluation only.

use crate::{AccountIx, HolderDigest, TransferIx};
use serde::{Deserialize, Serialize};

/// What a label is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LabelTarget {
    /// An account.
    Account(AccountIx),
    /// A transfer.
    Transfer(TransferIx),
    /// A holder (all accounts of one person).
    Holder(HolderDigest),
}

/// A positive label: `target` is an example of `name` (e.g. `isFraud`, `mule`, `fraud_victim`).
///
/// Only positives are stored; within a data set that carries a label, everything not labelled
/// positive is negative. Labels are never features: detection must not read them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    /// What is labelled.
    pub target: LabelTarget,
    /// The label's name as the source spells it.
    pub name: Box<str>,
}
