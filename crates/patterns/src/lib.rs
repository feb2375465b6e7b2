//! Per-edge graph pattern features for money-laundering and fraud detection, compatible with IBM Snap
//! ML's GraphFeaturePreprocessor (GFP): for every edge, a histogram per pattern type of the patterns the
//! edge takes part in — fan-in/out, degree-in/out, scatter-gather, temporal cycles and length-bounded
//! simple cycles — with GFP's windows, bins and column order; and, optionally, gather-scatter, which GFP
//! does not have, in columns after GFP's.
//!
//! Design: the whole edge list is known up front (a batch, like one GFP `transform` call), so instead of
//! GFP's dynamic graph the edges are sorted by time once into CSR adjacency (per vertex and per vertex
//! pair, time-sorted), windows are binary searches, and each pattern is counted by an independent
//! parallel pass over vertices (fan, degree, gather-scatter) or edges (scatter-gather, cycles). The exact
//! semantics, including GFP's quirks that are reproduced and the few that are not, are in
//! docs/features.md; the tests compare every column with deliberately naive implementations.
#![deny(missing_docs)]

mod config;
mod counts;
mod cycles;
mod fan;
mod gather_scatter;
mod graph;
mod scatter_gather;
mod window;

pub use config::{Bins, Config, Group, Pattern};

use counts::Counts;
use fan::Direction;
use graph::Graph;
use std::sync::atomic::{AtomicU64, Ordering};

/// One input edge. Ids are arbitrary integers; `time` is in the unit of the configured windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Source vertex.
    pub src: i64,
    /// Target vertex.
    pub dst: i64,
    /// Timestamp.
    pub time: i64,
}

/// The computed histograms: for each enabled group (in [`Group::ALL`]'s order) one block of `bins` columns
/// per edge, rows in input order.
pub struct Features {
    blocks: Vec<(Group, Vec<i64>, Vec<u32>)>,
    edges: usize,
    /// Scatter-gather, gather-scatter and cycle searches cut short by the hub limit.
    pub truncated: u64,
}

impl Features {
    /// Column names, `<group>_<bin bound>`, e.g. `fan_in_2`.
    pub fn columns(&self) -> Vec<String> {
        self.blocks.iter().flat_map(|(g, bounds, _)| bounds.iter().map(move |b| format!("{g}_{b}"))).collect()
    }

    /// Number of edges (rows).
    pub fn len(&self) -> usize {
        self.edges
    }

    /// Whether there are no edges.
    pub fn is_empty(&self) -> bool {
        self.edges == 0
    }

    /// The enabled groups with their bin bounds, in column order.
    pub fn groups(&self) -> impl Iterator<Item = (Group, &[i64])> {
        self.blocks.iter().map(|(g, b, _)| (*g, b.as_slice()))
    }

    /// The histogram of `group` for the edge at input index `row` (`None` if the group is disabled).
    pub fn histogram(&self, group: Group, row: usize) -> Option<&[u32]> {
        let (_, bounds, cells) = self.blocks.iter().find(|(g, _, _)| *g == group)?;
        Some(&cells[row * bounds.len()..(row + 1) * bounds.len()])
    }

    /// Calls `f` with every column value of the edge at input index `row`, in column order.
    pub fn for_each_value(&self, row: usize, mut f: impl FnMut(u32)) {
        for (_, bounds, cells) in &self.blocks {
            cells[row * bounds.len()..(row + 1) * bounds.len()].iter().for_each(|&c| f(c));
        }
    }
}

/// Counter of searches cut short by the hub limit.
pub(crate) struct Truncation(AtomicU64);

impl Truncation {
    fn hit(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// Computes the enabled pattern histograms of `edges` on the current rayon thread pool.
pub fn compute(edges: &[Edge], config: &Config) -> Features {
    let g = Graph::new(edges);
    let cut = Truncation(AtomicU64::new(0));
    let mut blocks = Vec::new();
    for group in Group::ALL {
        let p = group.pattern(config);
        if !p.enabled {
            continue;
        }
        let counts = Counts::new(edges.len(), p.bins.len());
        match group {
            Group::FanIn => fan::count(&g, Direction::In, p, true, &counts),
            Group::FanOut => fan::count(&g, Direction::Out, p, true, &counts),
            Group::DegreeIn => fan::count(&g, Direction::In, p, false, &counts),
            Group::DegreeOut => fan::count(&g, Direction::Out, p, false, &counts),
            Group::ScatterGather => scatter_gather::count(&g, p, config.hub_limit, &counts, &cut),
            Group::TemporalCycle => {
                cycles::temporal(&g, p, config.temporal_cycle_max_len, config.hub_limit, &counts, &cut)
            }
            Group::SimpleCycle => cycles::simple(&g, p, config.simple_cycle_max_len, config.hub_limit, &counts, &cut),
            Group::GatherScatter => gather_scatter::count(&g, p, config.hub_limit, &counts, &cut),
        }
        blocks.push((group, p.bins.bounds().to_vec(), counts.into_vec()));
    }
    Features { blocks, edges: edges.len(), truncated: cut.0.into_inner() }
}

/// [`compute`] on a dedicated pool of `threads` worker threads (all cores when `None`).
pub fn compute_with_threads(edges: &[Edge], config: &Config, threads: Option<usize>) -> Features {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build().expect("thread pool");
    pool.install(|| compute(edges, config))
}
