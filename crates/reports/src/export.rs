//! CSV and XML renderings of the reports, and the XML schemas (XSD) fanzha ships for them.
//!
//! The XML layouts follow the fields PBOC Order 2016 No. 3 asks a report to carry; they are
//! **fanzha's own schemas** (`urn:fanzha:reports:…`), not the regulator's submission format.

use crate::large::{LargeReport, LargeRow};
use crate::suspicious::SuspiciousReport;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// XSD of [`large_xml`] output.
pub const LARGE_XSD: &str = include_str!("../schema/large-value-report-1.xsd");
/// XSD of [`suspicious_xml`] output.
pub const SUSPICIOUS_XSD: &str = include_str!("../schema/suspicious-report-1.xsd");

fn csv_field(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn csv_line(out: &mut String, fields: &[String]) {
    let line: Vec<Cow<str>> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// Writes the large-value report as JSON (`fanzha.large-value-report.v1`), row by row, compact
/// (a month can hold millions of transactions).
pub fn write_large_json(r: &LargeReport<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer(&mut *w, r)?;
    w.write_all(b"\n")
}

/// Writes the large-value report as CSV, one row per reported transaction.
pub fn write_large_csv(r: &LargeReport<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    w.write_all(
        b"institution,customer,customer_digest,customer_type,account,side,category,basis,txn_id,ts,time,day,\
amount_fen,currency,day_total_fen,day_total_currency,threshold_fen,channel,region,counterparty,\
counterparty_institution,cross_border,deadline\n",
    )?;
    let mut line = String::new();
    for x in r.rows() {
        line.clear();
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
        w.write_all(line.as_bytes())?;
    }
    Ok(())
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
    /// An element with text; numbers and dates (no markup characters) are written as they are.
    fn leaf(&mut self, tag: &str, text: impl std::fmt::Display) {
        self.pad();
        let _ = write!(self.out, "<{tag}>");
        let start = self.out.len();
        let _ = write!(self.out, "{text}");
        if self.out[start..].contains(['&', '<', '>', '"']) {
            let escaped = esc(&self.out[start..]).into_owned();
            self.out.truncate(start);
            self.out.push_str(&escaped);
        }
        let _ = writeln!(self.out, "</{tag}>");
    }
    fn leaf_attr(&mut self, tag: &str, attr: (&str, &str), text: impl std::fmt::Display) {
        self.pad();
        let _ = write!(self.out, "<{tag} {}=\"{}\">", attr.0, esc(attr.1));
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
    let mut rows = r.rows().peekable();
    while let Some(first) = rows.next() {
        let institution = first.institution;
        x.open("Institution", &[("code", institution.to_string())]);
        let mut next = Some(first);
        while let Some(first) = next.take() {
            let mut attrs = vec![("type", first.customer_type.as_str().to_string())];
            if let Some(d) = &first.customer_digest {
                attrs.push(("digest", d.to_string()));
            }
            x.open("Customer", &attrs);
            x.leaf("Name", first.customer);
            large_txn(&mut x, &first);
            while let Some(row) = rows.next_if(|row| {
                row.institution == institution
                    && row.customer == first.customer
                    && row.customer_digest.map(|h| h.0) == first.customer_digest.map(|h| h.0)
            }) {
                large_txn(&mut x, &row);
            }
            x.close("Customer");
            w.write_all(x.out.as_bytes())?;
            x.out.clear();
            next = rows.next_if(|row| row.institution == institution);
        }
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
