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
    /// Train a model on the training split of JSON Lines files of {"text", "label"}
    Train {
        /// Training data (JSON Lines: text, label, optional kind); repeat for several files
        #[arg(long, required = true)]
        data: Vec<PathBuf>,
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
        /// Window for long texts, in normalized characters (0: whole texts only)
        #[arg(long, default_value_t = TrainOptions::default().window)]
        window: u32,
        /// Features of a text with n distinct buckets count (n / 100)^-POWER (0: 1 each)
        #[arg(long, default_value_t = TrainOptions::default().length_power)]
        length_power: f32,
        /// Train on every text, held-out split included (for a model evaluated on other data)
        #[arg(long)]
        all: bool,
    },
    /// Evaluate a model on the held-out split, as written and disguised
    Eval {
        /// Labelled data (JSON Lines: text, label, optional kind); its held-out split is used
        #[arg(long, required = true)]
        data: Vec<PathBuf>,
        /// Evaluate on every text, not only the held-out split (data the model never saw)
        #[arg(long)]
        all: bool,
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
        What::Train { data, out, epochs, buckets, learning_rate, l2, balance, window, length_power, all } => {
            anyhow::ensure!((0.0..=1.0).contains(&length_power), "--length-power must be between 0 and 1");
            let examples = read_examples(&data)?;
            let (train_set, test_set): (Vec<Example>, Vec<Example>) =
                examples.into_iter().partition(|e| all || !is_test(&e.text));
            let opts = TrainOptions {
                epochs,
                buckets,
                learning_rate,
                l2,
                balance,
                window,
                length_power,
                ..TrainOptions::default()
            };
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
            if all {
                return Ok(ExitCode::SUCCESS);
            }
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
        What::Eval { data, all, model, json } => {
            let c = load(model.as_deref())?;
            let test: Vec<Example> = read_examples(&data)?.into_iter().filter(|e| all || is_test(&e.text)).collect();
            let plain = evaluate(&c, &test);
            let disguised: Vec<(&str, fanzha_text::Evaluation)> = EVASIONS
                .iter()
                .map(|&kind| {
                    let set: Vec<Example> = test
                        .iter()
                        .filter(|e| e.label != "none")
                        .map(|e| Example { text: disguise(&e.text, kind), ..e.clone() })
                        .collect();
                    (kind, evaluate(&c, &set))
                })
                .collect();
            if json {
                let evasion: serde_json::Map<String, serde_json::Value> = disguised
                    .iter()
                    .map(|(k, e)| (k.to_string(), json!({"examples": e.examples, "accuracy": e.accuracy, "missed_scam_rate": e.missed_scam_rate})))
                    .collect();
                // `held_out` holds the scores of what was evaluated: the held-out split, or with
                // `--all` every text (`split` says which).
                let split = if all { "all" } else { "held_out" };
                println!(
                    "{}",
                    serde_json::to_string_pretty(&json!({"split": split, "held_out": plain, "evasion": evasion}))?
                );
            } else {
                print_eval(&plain, if all { "all texts" } else { "held-out split" });
                println!("\nDisguised scam texts of the {}:", if all { "files" } else { "held-out split" });
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

/// The examples of every file, in order; an error names the file and line.
fn read_examples(paths: &[PathBuf]) -> anyhow::Result<Vec<Example>> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        out.extend(parse_examples(&text).with_context(|| path.display().to_string())?);
    }
    Ok(out)
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
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        let line = match String::from_utf8(line) {
            Ok(l) => l.strip_suffix('\r').map(str::to_string).unwrap_or(l),
            Err(_) => {
                failed += 1;
                let e = format!("line {}: not UTF-8 text", n + 1);
                match json {
                    true => writeln!(out, "{}", json!({"id": serde_json::Value::Null, "error": e}))?,
                    false => writeln!(out, "error: {e}")?,
                }
                continue;
            }
        };
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

fn print_eval(e: &fanzha_text::Evaluation, what: &str) {
    println!(
        "{what}: {} texts, macro-F1 {:.3}, accuracy {:.3}, missed scams {:.1}%, false alarms {:.1}%\n",
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
    if !e.per_kind.is_empty() {
        println!("\n  {:<10} {:>6} {:>9} {:>7} {:>13}", "shape", "texts", "accuracy", "missed", "false alarms");
        for k in &e.per_kind {
            println!(
                "  {:<10} {:>6} {:>9.3} {:>6.1}% {:>12.1}%",
                k.kind,
                k.examples,
                k.accuracy,
                100.0 * k.missed_scam_rate,
                100.0 * k.false_alarm_rate
            );
        }
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
