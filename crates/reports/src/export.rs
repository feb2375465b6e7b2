//! CSV and XML renderings of the reports, and the XML schemas (XSD) fanzha ships for them.
//!
//! The XML layouts follow the fields PBOC Order 2016 No. 3 asks a report to carry; they are
//! **fanzha's own schemas** (`urn:fanzha:reports:…`), not the regulator's submission format.

use crate::large::{LargeReport, LargeRow};
use crate::suspicious::SuspiciousReport;
use serde::Serialize;
use std::fmt::Write;

/// XSD of [`large_xml`] output.
pub const LARGE_XSD: &str = include_str!("../schema/large-value-report-1.xsd");
/// XSD of [`suspicious_xml`] output.
pub const SUSPICIOUS_XSD: &str = include_str!("../schema/suspicious-report-1.xsd");

/// Text of a serde enum value (`in`, `natural_domestic_transfer`, …).
fn word<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_line(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// The large-value report as CSV, one row per reported transaction.
pub fn large_csv(r: &LargeReport) -> String {
    let mut out = String::new();
    csv_line(
        &mut out,
        &[
            "institution",
            "customer",
            "customer_digest",
            "customer_type",
            "account",
            "side",
            "category",
            "basis",
            "txn_id",
            "ts",
            "time",
            "day",
            "amount_fen",
            "currency",
            "day_total_fen",
            "day_total_currency",
            "threshold_fen",
            "channel",
            "region",
            "counterparty",
            "counterparty_institution",
            "cross_border",
            "deadline",
        ]
        .map(String::from),
    );
    for x in &r.transactions {
        csv_line(
            &mut out,
            &[
                x.institution.clone(),
                x.customer.clone(),
                opt(&x.customer_digest),
                word(&x.customer_type),
                x.account.clone(),
                word(&x.side),
                word(&x.category),
                word(&x.basis),
                x.txn_id.clone(),
                x.ts.to_string(),
                x.time.clone(),
                x.day.clone(),
                x.amount_fen.to_string(),
                x.currency.clone(),
                x.day_total_fen.to_string(),
                x.day_total_currency.to_string(),
                x.threshold_fen.to_string(),
                opt(&x.channel),
                opt(&x.region),
                opt(&x.counterparty),
                opt(&x.counterparty_institution),
                x.cross_border.to_string(),
                x.deadline.clone(),
            ],
        );
    }
    out
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

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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
    fn leaf(&mut self, tag: &str, text: impl ToString) {
        self.pad();
        let _ = writeln!(self.out, "<{tag}>{}</{tag}>", esc(&text.to_string()));
    }
    fn leaf_attr(&mut self, tag: &str, attr: (&str, String), text: impl ToString) {
        self.pad();
        let _ = writeln!(self.out, "<{tag} {}=\"{}\">{}</{tag}>", attr.0, esc(&attr.1), esc(&text.to_string()));
    }
    fn maybe<T: ToString>(&mut self, tag: &str, v: &Option<T>) {
        if let Some(v) = v {
            self.leaf(tag, v.to_string());
        }
    }
}

const NOT_OFFICIAL: &str =
    "fanzha's own schema, modelled on the fields of PBOC Order 2016 No. 3; not the regulator's submission format";

/// The large-value report as XML (schema [`LARGE_XSD`]).
pub fn large_xml(r: &LargeReport) -> String {
    let mut x = Xml::new(NOT_OFFICIAL);
    x.open("LargeValueReport", &[("xmlns", "urn:fanzha:reports:large-value:1".into()), ("schemaVersion", "1".into())]);
    x.open("Header", &[]);
    x.leaf("RuleVersion", &r.rule_version);
    x.leaf("ConfigSha256", &r.config_sha256);
    x.leaf("UtcOffset", &r.utc_offset);
    x.leaf("From", &r.from);
    x.leaf("To", &r.to);
    x.maybe("DataFirstTs", &r.data_first_ts);
    x.maybe("DataLastTs", &r.data_last_ts);
    x.leaf("TransfersInRange", r.transfers_in_range);
    for w in &r.warnings {
        x.leaf("Warning", w);
    }
    x.close("Header");
    let mut i = 0;
    while i < r.transactions.len() {
        let inst = &r.transactions[i].institution;
        x.open("Institution", &[("code", inst.clone())]);
        while i < r.transactions.len() && &r.transactions[i].institution == inst {
            let first = &r.transactions[i];
            let same_customer = |row: &LargeRow| {
                &row.institution == inst
                    && row.customer_digest == first.customer_digest
                    && row.customer == first.customer
            };
            let mut attrs = vec![("type", word(&first.customer_type))];
            if let Some(d) = &first.customer_digest {
                attrs.push(("digest", d.clone()));
            }
            x.open("Customer", &attrs);
            x.leaf("Name", &first.customer);
            while i < r.transactions.len() && same_customer(&r.transactions[i]) {
                large_txn(&mut x, &r.transactions[i]);
                i += 1;
            }
            x.close("Customer");
        }
        x.close("Institution");
    }
    x.close("LargeValueReport");
    x.out
}

fn large_txn(x: &mut Xml, t: &LargeRow) {
    x.open("Transaction", &[]);
    x.leaf("TxnId", &t.txn_id);
    x.leaf("Account", &t.account);
    x.leaf("Side", word(&t.side));
    x.leaf("Category", word(&t.category));
    x.leaf("Basis", word(&t.basis));
    x.leaf("Time", &t.time);
    x.leaf("Day", &t.day);
    x.leaf_attr("AmountMinor", ("currency", t.currency.clone()), t.amount_fen);
    x.leaf_attr("DayTotalMinor", ("currency", t.day_total_currency.to_string()), t.day_total_fen);
    x.leaf_attr("ThresholdMinor", ("currency", t.day_total_currency.to_string()), t.threshold_fen);
    x.maybe("Channel", &t.channel);
    x.maybe("Region", &t.region);
    if let Some(c) = &t.counterparty {
        match &t.counterparty_institution {
            Some(i) => x.leaf_attr("Counterparty", ("institution", i.clone()), c),
            None => x.leaf("Counterparty", c),
        }
    }
    x.leaf("CrossBorder", t.cross_border);
    x.leaf("Deadline", &t.deadline);
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
        x.leaf_attr("Typology", ("code", r.typology.clone()), &r.typology_zh);
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
            x.leaf("CustomerType", word(&a.customer_type));
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
                    (Some(a), Some(i)) => x.leaf_attr(tag, ("institution", i.clone()), a),
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
        x.leaf_attr("Narrative", ("edited", r.narrative_edited.to_string()), &r.narrative_zh);
        x.close("Report");
    }
    x.close("SuspiciousTransactionReports");
    x.out
}
