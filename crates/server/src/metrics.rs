//! Counters and a latency histogram, rendered in the Prometheus text format at `/metrics`.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

/// Upper bounds of the latency buckets, in microseconds.
const BUCKETS_US: [u64; 10] = [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 50_000, 250_000];

/// Everything `/metrics` reports.
#[derive(Debug, Default)]
pub struct Metrics {
    verdicts: [AtomicU64; 4],
    recorded: AtomicU64,
    rejected: AtomicU64,
    buckets: [AtomicU64; BUCKETS_US.len()],
    latency_count: AtomicU64,
    latency_sum_us: AtomicU64,
}

impl Metrics {
    /// Counts a check with its verdict and how long it took in the handler.
    pub fn check(&self, verdict: fanzha_check::Decision, took: Duration) {
        self.verdicts[verdict as usize].fetch_add(1, Relaxed);
        let us = took.as_micros() as u64;
        if let Some(i) = BUCKETS_US.iter().position(|&b| us <= b) {
            self.buckets[i].fetch_add(1, Relaxed);
        }
        self.latency_count.fetch_add(1, Relaxed);
        self.latency_sum_us.fetch_add(us, Relaxed);
    }

    /// Counts a recorded transfer.
    pub fn recorded(&self) {
        self.recorded.fetch_add(1, Relaxed);
    }

    /// Counts a request answered with a 4xx.
    pub fn rejected(&self) {
        self.rejected.fetch_add(1, Relaxed);
    }

    /// The Prometheus text.
    pub fn render(&self, transfers: usize, rule_version: &str) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP fanzha_checks_total Transfer checks answered, by verdict.\n# TYPE fanzha_checks_total counter\n",
        );
        for (i, v) in ["pass", "warn", "hold", "block"].iter().enumerate() {
            let _ = writeln!(out, "fanzha_checks_total{{verdict=\"{v}\"}} {}", self.verdicts[i].load(Relaxed));
        }
        out.push_str("# HELP fanzha_transfers_recorded_total Transfers recorded through the API.\n# TYPE fanzha_transfers_recorded_total counter\n");
        let _ = writeln!(out, "fanzha_transfers_recorded_total {}", self.recorded.load(Relaxed));
        out.push_str("# HELP fanzha_requests_rejected_total Requests answered with a 4xx.\n# TYPE fanzha_requests_rejected_total counter\n");
        let _ = writeln!(out, "fanzha_requests_rejected_total {}", self.rejected.load(Relaxed));
        out.push_str("# HELP fanzha_check_seconds Time to answer a check inside the server.\n# TYPE fanzha_check_seconds histogram\n");
        let mut cumulative = 0;
        for (i, b) in BUCKETS_US.iter().enumerate() {
            cumulative += self.buckets[i].load(Relaxed);
            let _ = writeln!(out, "fanzha_check_seconds_bucket{{le=\"{}\"}} {cumulative}", *b as f64 / 1e6);
        }
        let count = self.latency_count.load(Relaxed);
        let _ = writeln!(out, "fanzha_check_seconds_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "fanzha_check_seconds_sum {}", self.latency_sum_us.load(Relaxed) as f64 / 1e6);
        let _ = writeln!(out, "fanzha_check_seconds_count {count}");
        out.push_str("# HELP fanzha_store_transfers Transfers in the store.\n# TYPE fanzha_store_transfers gauge\n");
        let _ = writeln!(out, "fanzha_store_transfers {transfers}");
        let _ = writeln!(out, "fanzha_rule_set_info{{version=\"{rule_version}\"}} 1");
        out
    }
}
