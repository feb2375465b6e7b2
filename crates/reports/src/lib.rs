//! Regulatory reports: large-value transaction reports (大额交易报告) under PBOC Order 2016 No. 3,
//! and suspicious-transaction reports (可疑交易报告) built from a traced case.
//!
//! Design decisions, and why:
//! - **Every line is configuration.** Thresholds, exchange rates, the deadline and the
//!   working-day calendar come from a TOML file whose default is the regulation itself
//!   ([`DEFAULT_CONFIG`]); each report records the rule version and the configuration's SHA-256.
//! - **Reproducible.** A report depends only on the store and the configuration — no clock, no
//!   hash-map order — so the same inputs give byte-identical JSON, CSV and XML.
//! - **Natural days in Asia/Shanghai.** Days and cumulative sums follow the configured offset
//!   (UTC+08:00), never the UTC date.
#![deny(missing_docs)]

mod calendar;
mod config;
mod export;
mod large;
mod suspicious;

pub use calendar::Calendar;
pub use config::{parse_date, ConfigError, Line, ReportConfig, Thresholds, DEFAULT_CONFIG};
pub use export::{
    suspicious_csv, suspicious_xml, write_large_csv, write_large_json, write_large_xml, LARGE_XSD, SUSPICIOUS_XSD,
};
pub use large::{
    large_value_report, Basis, Category, CustomerType, Hex, InstitutionSummary, LargeHeader, LargeReport, LargeRow,
    LocalTime, ReportError, Side, LARGE_SCHEMA,
};
pub use suspicious::{suspicious_reports, Case, SuspiciousReport, SUSPICIOUS_SCHEMA};
