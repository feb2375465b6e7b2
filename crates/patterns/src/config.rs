//! Which patterns to count, over which time windows, into which histogram bins.

use std::fmt;

/// Histogram bin bounds, strictly increasing. A pattern of size `s` lands in the first bin whose bound
/// is `>= s`; sizes above the last bound land in the last bin (Snap ML's GraphFeaturePreprocessor rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bins(Vec<i64>);

impl Bins {
    /// Bins with the given bounds; `None` unless they are non-empty and strictly increasing.
    pub fn new(bounds: Vec<i64>) -> Option<Bins> {
        (!bounds.is_empty() && bounds.windows(2).all(|w| w[0] < w[1])).then_some(Bins(bounds))
    }

    /// One bin per size `lo..=hi`.
    pub fn range(lo: i64, hi: i64) -> Bins {
        Bins::new((lo..=hi).collect()).expect("lo <= hi")
    }

    /// The bounds.
    pub fn bounds(&self) -> &[i64] {
        &self.0
    }

    /// The number of bins.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: bins are never empty.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bin a pattern of `size` is counted in.
    pub fn index(&self, size: usize) -> usize {
        let size = size as i64;
        self.0.iter().position(|&b| size <= b).unwrap_or(self.0.len() - 1)
    }
}

/// One pattern type's switch, time window (in the unit of the edge timestamps) and bins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Whether the pattern is counted at all.
    pub enabled: bool,
    /// Time window; see docs/features.md for each pattern's exact window.
    pub window: i64,
    /// Histogram bins.
    pub bins: Bins,
}

impl Pattern {
    fn off(window: i64, bins: Bins) -> Pattern {
        Pattern { enabled: false, window, bins }
    }
}

/// What to count. `Config::default()` is GFP's default parameter set (only fan enabled); windows are in
/// the timestamps' unit (GFP assumes seconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Fan-in and fan-out: distinct counterparties of an edge's endpoints in the window.
    pub fan: Pattern,
    /// Degree-in and degree-out: edges at an edge's endpoints in the window.
    pub degree: Pattern,
    /// Scatter-gather: a source reaching one sink through several intermediaries.
    pub scatter_gather: Pattern,
    /// Temporal cycles: cycles whose edges follow each other strictly in time.
    pub temporal_cycle: Pattern,
    /// The longest temporal cycle counted, in edges; `None` (the default, GFP's behaviour) is unbounded.
    pub temporal_cycle_max_len: Option<usize>,
    /// Length-bounded simple cycles in the window, in any time order.
    pub simple_cycle: Pattern,
    /// The longest simple cycle counted, in edges.
    pub simple_cycle_max_len: usize,
    /// Gather-scatter: several payers into a vertex, then several payees out of it (not in GFP; off by
    /// default).
    pub gather_scatter: Pattern,
    /// Hub truncation: scatter-gather, gather-scatter and cycle searches neither start from an edge at
    /// nor go through a vertex with more than this many edges in the search's window (the truncated
    /// searches are counted). `None` (the default) matches GFP.
    pub hub_limit: Option<usize>,
}

impl Default for Config {
    fn default() -> Config {
        let bins = Bins::range(2, 30);
        Config {
            fan: Pattern { enabled: true, window: 43_200, bins: bins.clone() },
            degree: Pattern::off(43_200, bins.clone()),
            scatter_gather: Pattern::off(432_000, bins.clone()),
            temporal_cycle: Pattern::off(1_728_000, bins.clone()),
            temporal_cycle_max_len: None,
            simple_cycle: Pattern::off(864_000, Bins::range(2, 10)),
            simple_cycle_max_len: 10,
            gather_scatter: Pattern::off(432_000, bins),
            hub_limit: None,
        }
    }
}

/// The output column groups, in GFP's order, then the groups GFP does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Fan-in (distinct senders into the edge's target).
    FanIn,
    /// Fan-out (distinct receivers from the edge's source).
    FanOut,
    /// Degree-in (edges into the edge's target).
    DegreeIn,
    /// Degree-out (edges out of the edge's source).
    DegreeOut,
    /// Scatter-gather.
    ScatterGather,
    /// Temporal cycles.
    TemporalCycle,
    /// Length-bounded simple cycles.
    SimpleCycle,
    /// Gather-scatter (not in GFP).
    GatherScatter,
}

impl Group {
    /// All groups in output order.
    pub const ALL: [Group; 8] = [
        Group::FanIn,
        Group::FanOut,
        Group::DegreeIn,
        Group::DegreeOut,
        Group::ScatterGather,
        Group::TemporalCycle,
        Group::SimpleCycle,
        Group::GatherScatter,
    ];

    /// The pattern settings this group is counted with.
    pub fn pattern(self, config: &Config) -> &Pattern {
        match self {
            Group::FanIn | Group::FanOut => &config.fan,
            Group::DegreeIn | Group::DegreeOut => &config.degree,
            Group::ScatterGather => &config.scatter_gather,
            Group::TemporalCycle => &config.temporal_cycle,
            Group::SimpleCycle => &config.simple_cycle,
            Group::GatherScatter => &config.gather_scatter,
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Group::FanIn => "fan_in",
            Group::FanOut => "fan_out",
            Group::DegreeIn => "degree_in",
            Group::DegreeOut => "degree_out",
            Group::ScatterGather => "scatter_gather",
            Group::TemporalCycle => "temporal_cycle",
            Group::SimpleCycle => "simple_cycle",
            Group::GatherScatter => "gather_scatter",
        })
    }
}
