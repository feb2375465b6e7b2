//! fanzha's detection: who carries fraud money and who farms cards.
//!
//! - [`FeatureEngine`] keeps per-account features (windows, pass-through, dwell, night-time,
//!   dormancy, counterparties' banks and provinces, cash-out distance, holder counts) updated per
//!   transfer in amortised O(1), for a live check or a pass over history.
//! - [`mules`] scores accounts with [`rules`] and a two-stage gradient-boosted [`MuleModel`] (the
//!   second stage also weighs how suspect each account's counterparties are: [`association`]), and
//!   says why.
//! - [`farming`] finds holders who open many cards fast and far from home, and the rings whose
//!   cards are used together.
//! - [`metrics`] measures any of them against labels; [`quality`] says what in the data limits
//!   what they can know (censored history, missing or wrong opening dates).
#![deny(missing_docs)]

pub mod association;
pub mod cases;
pub mod catalog;
mod change;
pub mod collectors;
pub mod context;
mod engine;
pub mod evaluation;
pub mod farming;
mod forest;
pub mod geo;
mod holders;
pub mod labels;
pub mod metrics;
mod model;
pub mod mules;
mod odds;
pub mod quality;
pub mod rules;
pub mod snapshots;
#[cfg(test)]
mod testing;
pub mod training;

pub use catalog::{FeatureInfo, FEATURES, FEATURE_COUNT, OWN_COUNT};
pub use change::ChangeConfig;
pub use context::{ContextConfig, Features};
pub use engine::{opened_within_history, FeatureConfig, FeatureEngine, OwnFeatures, Recent};
pub use holders::{HolderAccounts, HolderStats};
pub use model::{ModelError, MuleModel, Provenance, TrainParams, MODEL_FORMAT, MODEL_VERSION};
