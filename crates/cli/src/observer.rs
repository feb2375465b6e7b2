//! How `fanzha ingest` shows an ingest to a person (progress bar, rejects, warnings) and to a
//! pipeline (`--report-commits`: one JSON line per acknowledged commit on stdout).

use fanzha_ingest::{CommitNote, IngestObserver, Reject};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Rejects printed to stderr before the rest are only counted (all go to `--rejects FILE`).
const PRINTED_REJECTS: u64 = 50;

pub struct CliObserver {
    bar: Option<ProgressBar>,
    report_commits: bool,
    rejects_file: Option<std::io::BufWriter<std::fs::File>>,
    /// Rejects heard so far.
    rejects: u64,
    quiet: bool,
}

impl CliObserver {
    pub fn new(report_commits: bool, rejects_file: Option<std::fs::File>, quiet: bool) -> CliObserver {
        CliObserver {
            bar: None,
            report_commits,
            rejects_file: rejects_file.map(std::io::BufWriter::new),
            rejects: 0,
            quiet,
        }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clears the progress bar, flushes `--rejects FILE`, and returns how many rejects were
    /// counted but not printed.
    pub fn finish(&mut self) -> std::io::Result<u64> {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if let Some(f) = &mut self.rejects_file {
            f.flush()?;
        }
        Ok(self.rejects.saturating_sub(PRINTED_REJECTS))
    }
}

impl IngestObserver for CliObserver {
    fn file_started(&mut self, path: &Path, bytes: u64) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if !self.quiet && std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(bytes);
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_message(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            self.bar = Some(bar);
        }
    }

    fn progress(&mut self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
        }
    }

    fn rejected(&mut self, reject: &Reject) {
        if let Some(f) = &mut self.rejects_file {
            // The file is best effort; the summary still counts every reject.
            let _ = writeln!(f, "{reject}");
        }
        self.rejects += 1;
        if self.rejects <= PRINTED_REJECTS {
            self.say(&format!("rejected {reject}"));
        }
    }

    fn committed(&mut self, note: &CommitNote) {
        if self.report_commits {
            let line = serde_json::json!({"committed": {"file": note.file, "line": note.line, "stored": note.stored}});
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
    }

    fn warning(&mut self, file: &str, message: &str) {
        if !self.quiet {
            self.say(&format!("warning: {file}: {message}"));
        }
    }
}
