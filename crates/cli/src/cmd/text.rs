//! `fanzha text`: classify messages and call transcripts by fraud typology, train and evaluate
//! the model.

use anyhow::Context;
use fanzha_text::{disguise, evaluate, is_test, parse_examples, train, Classifier, Example, TrainOptions, EVASIONS};
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Classify texts: one per line, or JSON Lines with `id` and `text`; FILE or `-` for stdin
    Classify {
        /// Input file (default: standard input)
        input: Option<PathBuf>,
        /// One JSON line out per text in, in order, carrying the input's `id`
        #[arg(long)]
        json: bool,
        /// Model file (default: the model fanzha ships)
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Train a model on the training split of a JSON Lines file of {"text", "label"}
    Train {
        /// Training data (JSON Lines: text, label)
        #[arg(long)]
        data: PathBuf,
        /// Where to write the model
        #[arg(long)]
        out: PathBuf,
        /// Passes over the data
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: u32,
        /// Hash buckets
        #[arg(long, default_value_t = TrainOptions::default().buckets)]
        buckets: u32,
        /// AdaGrad step size
        #[arg(long, default_value_t = TrainOptions::default().learning_rate)]
        learning_rate: f32,
        /// L2 penalty
        #[arg(long, default_value_t = TrainOptions::default().l2)]
        l2: f32,
        /// Class balance: 0 = every example alike, 1 = classes weighted equally
        #[arg(long, default_value_t = TrainOptions::default().balance)]
        balance: f32,
    },
    /// Evaluate a model on the held-out split, as written and disguised
    Eval {
        /// Labelled data (JSON Lines: text, label); its held-out split is used
        #[arg(long)]
        data: PathBuf,
        /// Model file (default: the model fanzha ships)
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Classify { input, json, model } => classify(input.as_deref(), json, model.as_deref()),
        What::Train { data, out, epochs, buckets, learning_rate, l2, balance } => {
            let examples = read_examples(&data)?;
            let (train_set, test_set): (Vec<Example>, Vec<Example>) =
                examples.into_iter().partition(|e| !is_test(&e.text));
            let opts = TrainOptions { epochs, buckets, learning_rate, l2, balance, ..TrainOptions::default() };
            let start = Instant::now();
            let model = train(&train_set, &opts)?;
            let secs = start.elapsed().as_secs_f64();
            let bytes = model.to_bytes();
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            let c = Classifier::from_model_bytes(&bytes)?;
            let e = evaluate(&c, &test_set);
            println!(
                "trained on {} texts in {secs:.1} s ({} labels, temperature {:.2}); model {} ({} KiB)",
                train_set.len(),
                model.labels.len(),
                model.temperature,
                out.display(),
                bytes.len() / 1024
            );
            println!(
                "held-out split ({} texts): macro-F1 {:.3}, accuracy {:.3}, missed scams {:.1}%, false alarms {:.1}%",
                e.examples,
                e.macro_f1,
                e.accuracy,
                100.0 * e.missed_scam_rate,
                100.0 * e.false_alarm_rate
            );
            Ok(ExitCode::SUCCESS)
        }
        What::Eval { data, model, json } => {
            let c = load(model.as_deref())?;
            let test: Vec<Example> = read_examples(&data)?.into_iter().filter(|e| is_test(&e.text)).collect();
            let plain = evaluate(&c, &test);
            let disguised: Vec<(&str, fanzha_text::Evaluation)> = EVASIONS
                .iter()
                .map(|&kind| {
                    let set: Vec<Example> = test
                        .iter()
                        .filter(|e| e.label != "none")
                        .map(|e| Example { text: disguise(&e.text, kind), label: e.label.clone() })
                        .collect();
                    (kind, evaluate(&c, &set))
                })
                .collect();
            if json {
                let evasion: serde_json::Map<String, serde_json::Value> = disguised
                    .iter()
                    .map(|(k, e)| (k.to_string(), json!({"examples": e.examples, "accuracy": e.accuracy, "missed_scam_rate": e.missed_scam_rate})))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&json!({"held_out": plain, "evasion": evasion}))?);
            } else {
                print_eval(&plain);
                println!("\nDisguised scam texts of the held-out split:");
                for (kind, e) in &disguised {
                    println!(
                        "  {kind:<12} {} texts: accuracy {:.3}, missed {:.1}%",
                        e.examples,
                        e.accuracy,
                        100.0 * e.missed_scam_rate
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read_examples(path: &Path) -> anyhow::Result<Vec<Example>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_examples(&text).with_context(|| path.display().to_string())
}

fn load(model: Option<&Path>) -> anyhow::Result<Classifier> {
    Ok(match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Classifier::from_model_bytes(&bytes).with_context(|| p.display().to_string())?
        }
        None => Classifier::shipped()?,
    })
}

/// Classifies every line; a bad line gets an error line (or message) and the rest go on.
fn classify(input: Option<&Path>, json: bool, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let c = load(model)?;
    let reader: Box<dyn BufRead> = match input {
        Some(p) if p != Path::new("-") => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("line {}: not UTF-8 text", n + 1))?;
        let (id, text) = if line.trim_start().starts_with('{') {
            match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(v) => (
                    v.get("id").cloned().unwrap_or(serde_json::Value::Null),
                    v.get("text").and_then(|t| t.as_str()).map(str::to_string),
                ),
                Err(e) => (serde_json::Value::Null, Err::<String, _>(e).ok()),
            }
        } else {
            (serde_json::Value::Null, Some(line.clone()))
        };
        let result = match &text {
            Some(t) => c.analyze(t).map_err(|e| e.to_string()),
            None => Err("not a JSON object with a string `text`".to_string()),
        };
        match (result, json) {
            (Ok(a), true) => {
                let mut v = serde_json::to_value(&a)?;
                v.as_object_mut().expect("an analysis is an object").insert("id".into(), id);
                writeln!(out, "{v}")?;
            }
            (Ok(a), false) => {
                let cues: Vec<&str> = a.cues.iter().map(|c| c.text.as_str()).collect();
                let shown: String = text.as_deref().unwrap_or("").chars().take(40).collect();
                writeln!(
                    out,
                    "{:<20} {:<14} {:.2}  {shown}{}",
                    a.typology,
                    a.name_zh,
                    a.probability,
                    if cues.is_empty() { String::new() } else { format!("  [{}]", cues.join(" | ")) }
                )?;
            }
            (Err(e), true) => {
                failed += 1;
                writeln!(out, "{}", json!({"id": id, "error": format!("line {}: {e}", n + 1)}))?;
            }
            (Err(e), false) => {
                failed += 1;
                writeln!(out, "error: line {}: {e}", n + 1)?;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("{failed} line(s) could not be analyzed");
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_eval(e: &fanzha_text::Evaluation) {
    println!(
        "held-out split: {} texts, macro-F1 {:.3}, accuracy {:.3}, missed scams {:.1}%, false alarms {:.1}%\n",
        e.examples,
        e.macro_f1,
        e.accuracy,
        100.0 * e.missed_scam_rate,
        100.0 * e.false_alarm_rate
    );
    println!("  {:<20} {:>9} {:>7} {:>6} {:>8}", "label", "precision", "recall", "F1", "support");
    for s in &e.per_class {
        println!("  {:<20} {:>9.3} {:>7.3} {:>6.3} {:>8}", s.label, s.precision, s.recall, s.f1, s.support);
    }
    if e.labels.is_empty() {
        return;
    }
    println!("\nconfusion (rows: true, columns: predicted, in the order above)");
    for (l, row) in e.labels.iter().zip(&e.confusion) {
        let cells: Vec<String> = row.iter().map(|n| format!("{n:>3}")).collect();
        println!("  {l:<20} {}", cells.join(""));
    }
}
