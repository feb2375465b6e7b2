//! What the server holds: the store and the live checker behind one read-write lock (checks read,
//! records write), the rule set (fixed, or a watched directory that hot-reloads), and metrics.

use crate::metrics::Metrics;
use fanzha_check::lists::Lists;
use fanzha_check::Checker;
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_rules::{Reloading, RuleSet, Watcher};
use fanzha_storage::{LogStore, Store};
use std::path::Path;
use std::sync::{Arc, RwLock};

/// The store and the checker that has seen everything in it.
pub struct Live {
    /// The durable store (opened for writing).
    pub store: LogStore,
    /// Live features and lists.
    pub checker: Checker,
    /// Time of the latest transfer recorded (transfers must come in time order).
    pub latest: Option<fanzha_model::Ts>,
}

/// Where the rules come from.
pub enum Rules {
    /// A set loaded once (the shipped default).
    Fixed(Arc<RuleSet>),
    /// A directory or file watched for changes (the watch stops when this is dropped).
    Watched(Arc<Reloading>, Watcher),
}

impl Rules {
    /// The set to use for one request.
    pub fn current(&self) -> Arc<RuleSet> {
        match self {
            Rules::Fixed(r) => r.clone(),
            Rules::Watched(w, _) => w.current(),
        }
    }
}

/// Shared state of all handlers.
pub struct App {
    /// Store and checker.
    pub live: RwLock<Live>,
    /// Rules.
    pub rules: Rules,
    /// Counters.
    pub metrics: Metrics,
}

impl Live {
    /// Replays the store's transfers in time order into a new checker with the lists in `dir`.
    pub fn open(store: LogStore, lists_file: &Path) -> Result<Live, fanzha_check::lists::ListError> {
        let lists = Lists::open(lists_file)?;
        let ledger = store.ledger();
        let graph = TemporalGraph::build(ledger);
        let mut checker = Checker::new(ledger, lists);
        let mut latest = None;
        for e in 0..graph.edge_count() {
            let t = ledger.transfer(graph.edge(EdgeIx(e as u32)).txn);
            checker.record(ledger, t);
            latest = Some(t.ts);
        }
        Ok(Live { store, checker, latest })
    }
}
