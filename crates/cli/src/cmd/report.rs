//! `fanzha report`: large-value transaction reports and suspicious-transaction reports.

use super::trace::load;
use anyhow::{bail, Context};
use fanzha_model::Fen;
use fanzha_reports::{
    large_value_report, parse_date, suspicious_csv, suspicious_reports, suspicious_xml, write_large_csv,
    write_large_json, write_large_xml, Case, LargeReport, ReportConfig, SuspiciousReport, DEFAULT_CONFIG, LARGE_XSD,
    SUSPICIOUS_XSD,
};
use fanzha_storage::{LogStore, OpenMode, Store};
use fanzha_trace::Tracer;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

/// How to print a report.
#[derive(clap::Args)]
#[group(multiple = false)]
struct Format {
    /// JSON (schema fanzha.large-value-report.v1 / fanzha.suspicious-report.v1)
    #[arg(long)]
    json: bool,
    /// CSV, one row per transaction
    #[arg(long)]
    csv: bool,
    /// XML (fanzha's schema; `fanzha report schema` prints the XSD)
    #[arg(long)]
    xml: bool,
}

#[derive(clap::Subcommand)]
enum What {
    /// Large-value transactions (大额交易) of the natural days FROM..=TO (Asia/Shanghai)
    Large {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
        /// First day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        /// Last day (inclusive), YYYY-MM-DD
        #[arg(long)]
        to: String,
        /// Configuration file (default: the regulation; `fanzha report config` prints it)
        #[arg(long)]
        config: Option<PathBuf>,
        #[command(flatten)]
        format: Format,
        /// Write to FILE instead of standard output
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Suspicious-transaction reports (可疑交易) for a case, one per institution involved
    Suspicious {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
        /// Case file (TOML or JSON): id, typology, reported_txns, reported_at
        #[arg(long)]
        case: PathBuf,
        /// Only this institution's report
        #[arg(long)]
        institution: Option<String>,
        /// The analyst's edited narrative (text file), replacing the draft (needs --institution)
        #[arg(long, requires = "institution")]
        narrative: Option<PathBuf>,
        /// Configuration file (default: the regulation)
        #[arg(long)]
        config: Option<PathBuf>,
        #[command(flatten)]
        format: Format,
        /// Write to FILE instead of standard output
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Print the default configuration (thresholds, rates, deadline, holiday calendar)
    Config,
    /// Print the XML schema (XSD) of a report: `large` or `suspicious`
    Schema {
        /// `large` or `suspicious`
        which: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Large { db, from, to, config, format, out } => {
            let config = read_config(config.as_deref())?;
            let day =
                |s: &str, flag: &str| parse_date(s).with_context(|| format!("{flag} '{s}' is not a YYYY-MM-DD date"));
            let (from, to) = (day(&from, "--from")?, day(&to, "--to")?);
            let store =
                LogStore::open(&db, OpenMode::Read).with_context(|| format!("opening store {}", db.display()))?;
            let report = large_value_report(store.ledger(), &config, from, to)?;
            let mut sink = output(out.as_deref())?;
            if format.json {
                write_large_json(&report, &mut sink)?;
            } else if format.csv {
                write_large_csv(&report, &mut sink)?;
            } else if format.xml {
                write_large_xml(&report, &mut sink)?;
            } else {
                sink.write_all(large_text(&report).as_bytes())?;
            }
            sink.flush()?;
        }
        What::Suspicious { db, case, institution, narrative, config, format, out } => {
            let config = read_config(config.as_deref())?;
            let case = read_case(&case)?;
            let narrative = match narrative {
                Some(p) => Some(std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?),
                None => None,
            };
            let loaded = load(&db)?;
            let tracer = Tracer::new(loaded.store.ledger(), &loaded.graph);
            let reports = suspicious_reports(&tracer, &config, &case, institution.as_deref(), narrative)?;
            if reports.is_empty() {
                bail!(
                    "no account of {} received the case's money",
                    institution.as_deref().unwrap_or("any institution")
                );
            }
            let text = if format.json {
                serde_json::to_string_pretty(&reports)? + "\n"
            } else if format.csv {
                suspicious_csv(&reports)
            } else if format.xml {
                suspicious_xml(&reports)
            } else {
                suspicious_text(&reports)
            };
            emit(out.as_deref(), &text)?;
        }
        What::Config => print!("{DEFAULT_CONFIG}"),
        What::Schema { which } => match which.as_str() {
            "large" => print!("{LARGE_XSD}"),
            "suspicious" => print!("{SUSPICIOUS_XSD}"),
            other => bail!("no schema '{other}': use large or suspicious"),
        },
    }
    Ok(ExitCode::SUCCESS)
}

fn read_config(path: Option<&Path>) -> anyhow::Result<ReportConfig> {
    match path {
        None => Ok(ReportConfig::regulation_default()),
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
            ReportConfig::parse(&text).with_context(|| p.display().to_string())
        }
    }
}

fn read_case(path: &Path) -> anyhow::Result<Case> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let case = if text.trim_start().starts_with('{') {
        serde_json::from_str(&text).map_err(anyhow::Error::from)
    } else {
        toml::from_str(&text).map_err(anyhow::Error::from)
    };
    case.with_context(|| format!("case file {}", path.display()))
}

/// A buffered writer to FILE, or to standard output.
fn output(out: Option<&Path>) -> anyhow::Result<std::io::BufWriter<Box<dyn Write>>> {
    let w: Box<dyn Write> = match out {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    Ok(std::io::BufWriter::with_capacity(1 << 20, w))
}

fn emit(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    let mut w = output(out)?;
    w.write_all(text.as_bytes())?;
    w.flush()?;
    Ok(())
}

fn large_text(report: &LargeReport<'_>) -> String {
    let r = &report.header;
    let mut s = format!(
        "Large-value transactions {} to {} (natural days at UTC{}), rules {}\n{} transfers in range, {} to report\n",
        r.from,
        r.to,
        r.utc_offset,
        r.rule_version,
        r.transfers_in_range,
        report.len()
    );
    for w in &r.warnings {
        s += &format!("warning: {w}\n");
    }
    s += &format!("\n  {:<10} {:>12} {:>10} {:>12}\n", "institution", "transactions", "customers", "first due");
    for i in &r.institutions {
        s += &format!("  {:<10} {:>12} {:>10} {:>12}\n", i.institution, i.transactions, i.customers, i.first_deadline);
    }
    s += "\n(--json, --csv or --xml for every transaction)\n";
    s
}

fn suspicious_text(reports: &[SuspiciousReport]) -> String {
    let mut s = String::new();
    for r in reports {
        s += &format!(
            "== {} — case {} ({}), due {} ==\n{} account(s), {} transaction(s); case traced ¥{}\n\n{}\n\n",
            r.institution,
            r.case_id,
            r.typology_zh,
            r.deadline,
            r.accounts.len(),
            r.transactions.len(),
            Fen(r.case_traced_fen),
            r.narrative_zh
        );
    }
    s
}
