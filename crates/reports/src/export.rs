//! CSV and XML renderings of the reports, and the XML schemas (XSD) fanzha ships for them.
//!
//! The XML layouts follow the fields PBOC Order 2016 No. 3 asks a report to carry; they are
//! **fanzha's own schemas** (`urn:fanzha:reports:…`), not the regulator's submission format.

use crate::large::{LargeReport, LargeRow};
use crate::suspicious::SuspiciousReport;
use fanzha_model::csv_field;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// XSD of [`large_xml`] output.
pub const LARGE_XSD: &str = include_str!("../schema/large-value-report-1.xsd");
/// XSD of [`suspicious_xml`] output.
pub const SUSPICIOUS_XSD: &str = include_str!("../schema/suspicious-report-1.xsd");

fn csv_line(out: &mut String, fields: &[String]) {
    let line: Vec<Cow<str>> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// Rows rendered per chunk; chunks are rendered on all cores and written in order.
const CHUNK_ROWS: usize = 32_768;

/// Renders `chunks` (ranges of rows, in order) on every core, a round of chunks at a time,
/// and writes them in order: the output is the same as rendering them one after another.
fn render_parallel(
    chunks: &[std::ops::Range<usize>],
    render: &(dyn Fn(std::ops::Range<usize>, &mut String) + Sync),
    w: &mut dyn io::Write,
) -> io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let mut bufs: Vec<String> = vec![String::new(); workers];
    for round in chunks.chunks(workers) {
        std::thread::scope(|scope| {
            for (buf, range) in bufs.iter_mut().zip(round) {
                buf.clear();
                scope.spawn(move || render(range.clone(), buf));
            }
        });
        for buf in &bufs[..round.len()] {
            w.write_all(buf.as_bytes())?;
        }
    }
    Ok(())
}

/// Row ranges of `size` rows.
fn chunks(r: &LargeReport<'_>, size: usize) -> Vec<std::ops::Range<usize>> {
    (0..r.len()).step_by(size.max(1)).map(|start| start..(start.saturating_add(size)).min(r.len())).collect()
}

/// Writes the large-value report as JSON (`fanzha.large-value-report.v1`), compact (a month can
/// hold millions of transactions); byte for byte what serializing the report with serde gives.
pub fn write_large_json(r: &LargeReport<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    json_in_chunks(r, w, CHUNK_ROWS)
}

fn json_in_chunks(r: &LargeReport<'_>, w: &mut dyn io::Write, size: usize) -> io::Result<()> {
    let mut header = serde_json::to_string(&r.header)?;
    header.pop(); // the closing brace: the transactions follow
    w.write_all(header.as_bytes())?;
    w.write_all(b",\"transactions\":[")?;
    render_parallel(
        &chunks(r, size),
        &|range, out| {
            for i in range {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(&r.row_at(i)).expect("a row serializes"));
            }
        },
        w,
    )?;
    w.write_all(b"]}\n")
}

/// Writes the large-value report as CSV, one row per reported transaction.
pub fn write_large_csv(r: &LargeReport<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    w.write_all(
        b"institution,customer,customer_digest,customer_type,account,side,category,basis,txn_id,ts,time,day,\
amount_fen,currency,day_total_fen,day_total_currency,threshold_fen,channel,region,counterparty,\
counterparty_institution,cross_border,deadline\n",
    )?;
    render_parallel(&chunks(r, CHUNK_ROWS), &|range, out| range.for_each(|i| csv_row(&r.row_at(i), out)), w)
}

fn csv_row(x: &LargeRow<'_>, line: &mut String) {
    let _ = write!(line, "{},{},", csv_field(x.institution), csv_field(x.customer));
    if let Some(d) = x.customer_digest {
        let _ = write!(line, "{d}");
    }
    let _ = write!(
        line,
        ",{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},",
        x.customer_type.as_str(),
        csv_field(x.account),
        x.side.as_str(),
        x.category.as_str(),
        x.basis.as_str(),
        csv_field(x.txn_id),
        x.ts,
        x.time,
        x.day,
        x.amount_fen,
        x.currency,
        x.day_total_fen,
        x.day_total_currency,
        x.threshold_fen,
        x.channel.unwrap_or(""),
    );
    if let Some(region) = x.region {
        let _ = write!(line, "{region}");
    }
    let _ = writeln!(
        line,
        ",{},{},{},{}",
        csv_field(x.counterparty.unwrap_or("")),
        csv_field(x.counterparty_institution.unwrap_or("")),
        x.cross_border,
        x.deadline
    );
}

/// Suspicious reports as CSV, one row per transaction of each report.
pub fn suspicious_csv(reports: &[SuspiciousReport]) -> String {
    let mut out = String::new();
    csv_line(
        &mut out,
        &[
            "institution",
            "case_id",
            "typology",
            "deadline",
            "txn_id",
            "ts",
            "time",
            "from",
            "from_institution",
            "to",
            "to_institution",
            "amount_fen",
            "traced_fen",
            "channel",
            "region",
        ]
        .map(String::from),
    );
    for r in reports {
        for t in &r.transactions {
            csv_line(
                &mut out,
                &[
                    r.institution.clone(),
                    r.case_id.clone(),
                    r.typology.clone(),
                    r.deadline.clone(),
                    t.txn_id.clone(),
                    t.ts.to_string(),
                    t.time.clone(),
                    opt(&t.from),
                    opt(&t.from_institution),
                    opt(&t.to),
                    opt(&t.to_institution),
                    t.amount_fen.to_string(),
                    t.traced_fen.to_string(),
                    opt(&t.channel),
                    opt(&t.region),
                ],
            );
        }
    }
    out
}

/// A tiny indenting XML writer; all text goes through [`esc`].
struct Xml {
    out: String,
    depth: usize,
}

fn esc(s: &str) -> Cow<'_, str> {
    if s.contains(['&', '<', '>', '"']) {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").into()
    } else {
        s.into()
    }
}

impl Xml {
    fn new(comment: &str) -> Xml {
        Xml { out: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- {comment} -->\n"), depth: 0 }
    }
    fn pad(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
    fn open(&mut self, tag: &str, attrs: &[(&str, String)]) {
        self.pad();
        let _ = write!(self.out, "<{tag}");
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", esc(v));
        }
        self.out.push_str(">\n");
        self.depth += 1;
    }
    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        self.pad();
        let _ = writeln!(self.out, "</{tag}>");
    }
    /// An element with text.
    fn leaf(&mut self, tag: &str, text: impl std::fmt::Display) {
        self.pad();
        let _ = write!(self.out, "<{tag}>");
        self.text(text, tag);
    }
    fn leaf_attr(&mut self, tag: &str, attr: (&str, &str), text: impl std::fmt::Display) {
        self.pad();
        let _ = write!(self.out, "<{tag} {}=\"{}\">", attr.0, esc(attr.1));
        self.text(text, tag);
    }
    /// Writes escaped text and closes `tag`; numbers and dates (no markup characters) are
    /// written as they are, without a copy.
    fn text(&mut self, text: impl std::fmt::Display, tag: &str) {
        let start = self.out.len();
        let _ = write!(self.out, "{text}");
        if self.out[start..].contains(['&', '<', '>', '"']) {
            let escaped = esc(&self.out[start..]).into_owned();
            self.out.truncate(start);
            self.out.push_str(&escaped);
        }
        let _ = writeln!(self.out, "</{tag}>");
    }
    fn maybe<T: std::fmt::Display>(&mut self, tag: &str, v: &Option<T>) {
        if let Some(v) = v {
            self.leaf(tag, v);
        }
    }
}

const NOT_OFFICIAL: &str =
    "fanzha's own schema, modelled on the fields of PBOC Order 2016 No. 3; not the regulator's submission format";

/// Writes the large-value report as XML (schema [`LARGE_XSD`]), one customer at a time.
pub fn write_large_xml(r: &LargeReport<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    xml_in_chunks(r, w, CHUNK_ROWS)
}

fn xml_in_chunks(r: &LargeReport<'_>, w: &mut dyn io::Write, size: usize) -> io::Result<()> {
    let h = &r.header;
    let mut x = Xml::new(NOT_OFFICIAL);
    x.open("LargeValueReport", &[("xmlns", "urn:fanzha:reports:large-value:1".into()), ("schemaVersion", "1".into())]);
    x.open("Header", &[]);
    x.leaf("RuleVersion", &h.rule_version);
    x.leaf("ConfigSha256", &h.config_sha256);
    x.leaf("UtcOffset", &h.utc_offset);
    x.leaf("From", &h.from);
    x.leaf("To", &h.to);
    x.maybe("DataFirstTs", &h.data_first_ts);
    x.maybe("DataLastTs", &h.data_last_ts);
    x.leaf("TransfersInRange", h.transfers_in_range);
    for warning in &h.warnings {
        x.leaf("Warning", warning);
    }
    x.close("Header");
    w.write_all(x.out.as_bytes())?;
    render_parallel(
        &chunks(r, size),
        &|range, out| {
            // Past the first row, the previous row's customer is still open.
            let mut x = Xml { out: std::mem::take(out), depth: if range.start == 0 { 1 } else { 3 } };
            for i in range {
                let row = r.row_at(i);
                let change = if i == 0 { Some(true) } else { r.boundary(i) };
                if let Some(institution_changes) = change {
                    if i > 0 {
                        x.close("Customer");
                        if institution_changes {
                            x.close("Institution");
                        }
                    }
                    if institution_changes {
                        x.open("Institution", &[("code", row.institution.to_string())]);
                    }
                    let mut attrs = vec![("type", row.customer_type.as_str().to_string())];
                    if let Some(d) = &row.customer_digest {
                        attrs.push(("digest", d.to_string()));
                    }
                    x.open("Customer", &attrs);
                    x.leaf("Name", row.customer);
                }
                large_txn(&mut x, &row);
            }
            *out = x.out;
        },
        w,
    )?;
    let mut x = Xml { out: String::new(), depth: if r.is_empty() { 1 } else { 3 } };
    if !r.is_empty() {
        x.close("Customer");
        x.close("Institution");
    }
    x.close("LargeValueReport");
    w.write_all(x.out.as_bytes())
}

fn large_txn(x: &mut Xml, t: &LargeRow<'_>) {
    x.open("Transaction", &[]);
    x.leaf("TxnId", t.txn_id);
    x.leaf("Account", t.account);
    x.leaf("Side", t.side.as_str());
    x.leaf("Category", t.category.as_str());
    x.leaf("Basis", t.basis.as_str());
    x.leaf("Time", t.time);
    x.leaf("Day", t.day);
    x.leaf_attr("AmountMinor", ("currency", t.currency), t.amount_fen);
    x.leaf_attr("DayTotalMinor", ("currency", t.day_total_currency), t.day_total_fen);
    x.leaf_attr("ThresholdMinor", ("currency", t.day_total_currency), t.threshold_fen);
    x.maybe("Channel", &t.channel);
    x.maybe("Region", &t.region);
    if let Some(c) = t.counterparty {
        match t.counterparty_institution {
            Some(i) => x.leaf_attr("Counterparty", ("institution", i), c),
            None => x.leaf("Counterparty", c),
        }
    }
    x.leaf("CrossBorder", t.cross_border);
    x.leaf("Deadline", t.deadline);
    x.close("Transaction");
}

/// Suspicious reports as XML (schema [`SUSPICIOUS_XSD`]), one `Report` per institution.
pub fn suspicious_xml(reports: &[SuspiciousReport]) -> String {
    let mut x = Xml::new(NOT_OFFICIAL);
    x.open(
        "SuspiciousTransactionReports",
        &[("xmlns", "urn:fanzha:reports:suspicious:1".into()), ("schemaVersion", "1".into())],
    );
    for r in reports {
        x.open("Report", &[("institution", r.institution.clone())]);
        x.open("Header", &[]);
        x.leaf("RuleVersion", &r.rule_version);
        x.leaf("ConfigSha256", &r.config_sha256);
        x.leaf("CaseId", &r.case_id);
        x.leaf_attr("Typology", ("code", &r.typology), &r.typology_zh);
        x.leaf("ReportedAt", &r.reported_at);
        x.leaf("Deadline", &r.deadline);
        x.leaf("Policy", r.policy.as_str());
        x.leaf("CaseTracedFen", r.case_traced_fen);
        x.maybe("DataFirstTs", &r.data_first_ts);
        x.maybe("DataLastTs", &r.data_last_ts);
        x.close("Header");
        x.open("Accounts", &[]);
        for a in &r.accounts {
            x.open("Account", &[("number", a.account.clone())]);
            x.maybe("Customer", &a.customer);
            x.leaf("CustomerType", a.customer_type.as_str());
            x.maybe("OpenedAt", &a.opened_at);
            x.maybe("OpenRegion", &a.open_region);
            x.leaf("ReceivedFen", a.received_fen);
            x.leaf("SentFen", a.sent_fen);
            x.leaf("CashFen", a.cash_fen);
            x.leaf("HeldFen", a.held_fen);
            x.leaf("Mule", a.mule.as_str());
            for s in &a.signals {
                x.leaf("Signal", s);
            }
            x.close("Account");
        }
        x.close("Accounts");
        x.open("Transactions", &[]);
        for t in &r.transactions {
            x.open("Transaction", &[]);
            x.leaf("TxnId", &t.txn_id);
            x.leaf("Time", &t.time);
            for (tag, acc, inst) in [("From", &t.from, &t.from_institution), ("To", &t.to, &t.to_institution)] {
                match (acc, inst) {
                    (Some(a), Some(i)) => x.leaf_attr(tag, ("institution", i), a),
                    (Some(a), None) => x.leaf(tag, a),
                    _ => {}
                }
            }
            x.leaf("AmountFen", t.amount_fen);
            x.leaf("TracedFen", t.traced_fen);
            x.maybe("Channel", &t.channel);
            x.maybe("Region", &t.region);
            x.close("Transaction");
        }
        x.close("Transactions");
        x.leaf_attr("Narrative", ("edited", if r.narrative_edited { "true" } else { "false" }), &r.narrative_zh);
        x.close("Report");
    }
    x.close("SuspiciousTransactionReports");
    x.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{large_value_report, ReportConfig};
    use fanzha_model::{Account, AccountClass, BankIx, Event, Fen, HolderSalt, Ledger, Transfer, Ts};

    /// Three customers at two banks paying an outside account enough to be reported, often.
    fn ledger() -> Ledger {
        let mut l = Ledger::new();
        for code in ["ICBC", "CMB"] {
            l.apply(Event::Bank { code: code.into() });
        }
        let salt = HolderSalt::new([1; 32]);
        for (i, id) in ["A", "B", "C", "D"].iter().enumerate() {
            let account = Account {
                bank: Some(BankIx::of(i % 2)),
                holder: Some(salt.holder(&format!("11010519900101{:04}", i % 3))),
                class: Some(AccountClass::I),
                ..Account::internal()
            };
            l.apply(Event::Account { id: (*id).into(), account });
        }
        l.apply(Event::Account { id: "OUT".into(), account: Account::external() });
        for k in 0..40u32 {
            let transfer = Transfer::plain(
                Ts(1_709_600_000 + 3_600 * (k as i64 % 30)),
                Some(fanzha_model::AccountIx(k % 4)),
                Some(fanzha_model::AccountIx(4)),
                Fen(30_000_000),
            );
            l.apply(Event::Transfer { txn_id: format!("T{k}").into(), transfer });
        }
        l
    }

    fn render(
        f: fn(&LargeReport<'_>, &mut dyn io::Write, usize) -> io::Result<()>,
        r: &LargeReport<'_>,
        size: usize,
    ) -> String {
        let mut out = Vec::new();
        f(r, &mut out, size).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn output_does_not_depend_on_how_rows_are_chunked() {
        let l = ledger();
        let c = ReportConfig::regulation_default();
        let r = large_value_report(&l, &c, time::macros::date!(2024 - 03 - 01), time::macros::date!(2024 - 03 - 31))
            .unwrap();
        assert!(r.len() > 20, "{}", r.len());
        assert_eq!(render(json_in_chunks, &r, 3), render(json_in_chunks, &r, usize::MAX));
        assert_eq!(render(json_in_chunks, &r, 3), serde_json::to_string(&r).unwrap() + "\n");
        assert_eq!(render(xml_in_chunks, &r, 2), render(xml_in_chunks, &r, usize::MAX));
        let xml = render(xml_in_chunks, &r, 2);
        assert_eq!(xml.matches("<Customer ").count(), xml.matches("</Customer>").count());
        assert_eq!(xml.matches("<Institution ").count(), 2);
        let mut csv = Vec::new();
        write_large_csv(&r, &mut csv).unwrap();
        assert_eq!(String::from_utf8(csv).unwrap().lines().count(), r.len() + 1);
    }
}
