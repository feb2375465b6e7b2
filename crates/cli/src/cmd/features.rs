//! `fanzha features`: per-edge pattern histograms (GFP-compatible) for a plain edge list.

use anyhow::{bail, Context, Result};
use fanzha_patterns::{Bins, Config, Edge};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::ingest::EXIT_REJECTED;

/// Rejected rows printed on stderr before the rest are only counted.
const SHOWN_REJECTS: u64 = 20;

#[derive(clap::Args)]
pub struct Args {
    /// Edge list CSV: edge_id,src,dst,timestamp,amount (integers; amount any number; header optional)
    #[arg(long)]
    input: PathBuf,
    /// Output CSV: the input columns, then one column per pattern bin
    #[arg(long)]
    output: PathBuf,
    /// Patterns to count (fan = fan-in/out, degree = degree-in/out, lc-cycle = length-bounded simple cycles;
    /// gather-scatter is not in GFP, its columns come last)
    #[arg(long, value_delimiter = ',', default_value = "fan,degree,scatter-gather,temp-cycle,lc-cycle")]
    patterns: Vec<String>,
    /// Window of every pattern, in timestamp units (overrides GFP's per-pattern defaults)
    #[arg(long)]
    window: Option<i64>,
    /// Fan window [GFP default 43200]
    #[arg(long)]
    fan_window: Option<i64>,
    /// Degree window [GFP default 43200]
    #[arg(long)]
    degree_window: Option<i64>,
    /// Scatter-gather window [GFP default 432000]
    #[arg(long)]
    scatter_gather_window: Option<i64>,
    /// Temporal-cycle window [GFP default 1728000]
    #[arg(long)]
    temp_cycle_window: Option<i64>,
    /// Simple-cycle window [GFP default 864000]
    #[arg(long)]
    lc_cycle_window: Option<i64>,
    /// Gather-scatter window [default 432000]
    #[arg(long)]
    gather_scatter_window: Option<i64>,
    /// Longest simple cycle, in edges
    #[arg(long, default_value_t = 10)]
    lc_cycle_len: usize,
    /// Longest temporal cycle, in edges [default: unbounded, as GFP]
    #[arg(long)]
    temp_cycle_len: Option<usize>,
    /// Bin bounds of fan, degree, scatter-gather, temporal cycles and gather-scatter
    #[arg(long, value_delimiter = ',')]
    bins: Option<Vec<i64>>,
    /// Bin bounds of simple cycles
    #[arg(long, value_delimiter = ',')]
    lc_bins: Option<Vec<i64>>,
    /// Do not search scatter-gather, gather-scatter or cycles at or through vertices with more edges than
    /// this in the window
    #[arg(long)]
    hub_limit: Option<usize>,
    /// Worker threads (default: all cores)
    #[arg(long)]
    threads: Option<usize>,
    /// Print the summary as JSON
    #[arg(long)]
    json: bool,
}

fn config(a: &Args) -> Result<Config> {
    let mut c = Config::default();
    c.fan.enabled = false;
    for name in &a.patterns {
        let p = match name.as_str() {
            "fan" => &mut c.fan,
            "degree" => &mut c.degree,
            "scatter-gather" => &mut c.scatter_gather,
            "temp-cycle" => &mut c.temporal_cycle,
            "lc-cycle" => &mut c.simple_cycle,
            "gather-scatter" => &mut c.gather_scatter,
            other => {
                bail!("unknown pattern {other:?} (fan, degree, scatter-gather, temp-cycle, lc-cycle, gather-scatter)")
            }
        };
        p.enabled = true;
    }
    let settings = [
        (&mut c.fan, a.fan_window, &a.bins),
        (&mut c.degree, a.degree_window, &a.bins),
        (&mut c.scatter_gather, a.scatter_gather_window, &a.bins),
        (&mut c.temporal_cycle, a.temp_cycle_window, &a.bins),
        (&mut c.simple_cycle, a.lc_cycle_window, &a.lc_bins),
        (&mut c.gather_scatter, a.gather_scatter_window, &a.bins),
    ];
    for (p, w, bins) in settings {
        if let Some(w) = w.or(a.window) {
            p.window = w;
        }
        if let Some(b) = bins {
            p.bins = Bins::new(b.clone()).context("bins must be non-empty and strictly increasing")?;
        }
    }
    c.simple_cycle_max_len = a.lc_cycle_len;
    c.temporal_cycle_max_len = a.temp_cycle_len;
    c.hub_limit = a.hub_limit;
    Ok(c)
}

/// The good rows: edges, and each row's id and amount as written.
struct Input {
    edges: Vec<Edge>,
    rows: Vec<(i64, String)>,
    rejected: u64,
}

fn read(path: &PathBuf) -> Result<Input> {
    let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    let mut input = Input { edges: Vec::new(), rows: Vec::new(), rejected: 0 };
    let mut ids = HashSet::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() || (i == 0 && line.starts_with("edge_id")) {
            continue;
        }
        match parse(line, &mut ids) {
            Ok((id, edge, amount)) => {
                input.edges.push(edge);
                input.rows.push((id, amount.to_string()));
            }
            Err(reason) => {
                input.rejected += 1;
                if input.rejected <= SHOWN_REJECTS {
                    eprintln!("{}:{}: {reason}", path.display(), i + 1);
                }
            }
        }
    }
    if input.rejected > SHOWN_REJECTS {
        eprintln!("({} more rejected rows not shown)", input.rejected - SHOWN_REJECTS);
    }
    Ok(input)
}

fn parse<'a>(line: &'a str, ids: &mut HashSet<i64>) -> Result<(i64, Edge, &'a str), String> {
    let f: Vec<&str> = line.split(',').map(str::trim).collect();
    if f.len() != 5 {
        return Err(format!("expected 5 fields (edge_id,src,dst,timestamp,amount), found {}", f.len()));
    }
    let int = |k: usize, name: &str| f[k].parse::<i64>().map_err(|_| format!("{name} {:?} is not an integer", f[k]));
    let (id, src, dst, time) = (int(0, "edge_id")?, int(1, "src")?, int(2, "dst")?, int(3, "timestamp")?);
    if f[4].parse::<f64>().map_or(true, |x| !x.is_finite()) {
        return Err(format!("amount {:?} is not a number", f[4]));
    }
    if !ids.insert(id) {
        return Err(format!("duplicate edge_id {id}"));
    }
    Ok((id, Edge { src, dst, time }, f[4]))
}

pub fn run(a: Args) -> Result<ExitCode> {
    let config = config(&a)?;
    let t0 = Instant::now();
    let input = read(&a.input)?;
    let read_secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let features = fanzha_patterns::compute_with_threads(&input.edges, &config, a.threads);
    let compute_secs = t1.elapsed().as_secs_f64();

    let t2 = Instant::now();
    let file = std::fs::File::create(&a.output).with_context(|| format!("{}", a.output.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut line = b"edge_id,src,dst,timestamp,amount".to_vec();
    for c in features.columns() {
        line.push(b',');
        line.extend_from_slice(c.as_bytes());
    }
    line.push(b'\n');
    out.write_all(&line)?;
    for (row, (e, (id, amount))) in input.edges.iter().zip(&input.rows).enumerate() {
        line.clear();
        write!(line, "{id},{},{},{},{amount}", e.src, e.dst, e.time)?;
        features.for_each_value(row, |v| {
            line.push(b',');
            push_u32(&mut line, v);
        });
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()?;
    let write_secs = t2.elapsed().as_secs_f64();

    let n = input.edges.len();
    if a.json {
        println!(
            "{}",
            serde_json::json!({"edges": n, "rejected": input.rejected, "columns": features.columns().len(),
                "truncated_searches": features.truncated, "read_seconds": read_secs,
                "compute_seconds": compute_secs, "write_seconds": write_secs,
                "edges_per_second": n as f64 / compute_secs.max(1e-9)})
        );
    } else {
        eprintln!(
            "{n} edges ({} rejected), {} columns: read {read_secs:.2} s, computed {compute_secs:.2} s ({:.0} edges/s), \
             written {write_secs:.2} s; {} searches truncated at hubs",
            input.rejected,
            features.columns().len(),
            n as f64 / compute_secs.max(1e-9),
            features.truncated
        );
    }
    Ok(if input.rejected > 0 { ExitCode::from(EXIT_REJECTED) } else { ExitCode::SUCCESS })
}

fn push_u32(out: &mut Vec<u8>, mut v: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}
