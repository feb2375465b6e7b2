//! Large-value transaction reports (大额交易报告), PBOC Order 2016 No. 3, Art. 5.
//!
//! Each institution reports about its own customers: a transfer between two institutions'
//! customers is one leg for each (支出 at the payer's, 收入 at the payee's); accounts at
//! institutions that do not feed fanzha are nobody's customers here. For each institution,
//! customer, natural day (Asia/Shanghai), side and category, the legs are summed — RMB legs in
//! fen, foreign-currency legs in US cents — and when the sum reaches the line (inclusive) every
//! leg of it is reported, each marked `single` when it alone reaches the line. A customer is a
//! holder (all of their accounts at the institution), or the account when the data has no holder;
//! corporate accounts (`account_class` `corp`) are non-natural persons, all others natural.

use crate::config::{Line, ReportConfig};
use fanzha_model::{AccountClass, AccountIx, Currency, Ledger, Transfer, TransferKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeSet;
use time::Date;

/// The JSON schema name of [`LargeReport`].
pub const LARGE_SCHEMA: &str = "fanzha.large-value-report.v1";

/// Which way money moved for the reporting institution's customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 收入: money in.
    In,
    /// 支出: money out.
    Out,
}

/// Which report line applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Cash deposit or withdrawal (any customer).
    Cash,
    /// Account transfer of a non-natural person.
    NonNaturalTransfer,
    /// Domestic account transfer of a natural person.
    NaturalDomesticTransfer,
    /// Cross-border account transfer of a natural person.
    NaturalCrossBorderTransfer,
}

/// Natural or non-natural person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerType {
    /// 自然人.
    Natural,
    /// 非自然人 (companies and other organisations).
    NonNatural,
}

/// Why a transaction is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// It reaches the line by itself.
    Single,
    /// The day's sum on its side reaches the line.
    Cumulative,
}

/// One reported transaction.
#[derive(Debug, Clone, Serialize)]
pub struct LargeRow {
    /// The institution that must file it.
    pub institution: String,
    /// The customer, masked (or the account number when the data has no holder).
    pub customer: String,
    /// Salted digest of the customer's identity (hex), to join filings about one customer.
    pub customer_digest: Option<String>,
    /// Natural or non-natural person.
    pub customer_type: CustomerType,
    /// The customer's account.
    pub account: String,
    /// `in` (收入) or `out` (支出).
    pub side: Side,
    /// The report line.
    pub category: Category,
    /// `single` or `cumulative`.
    pub basis: Basis,
    /// Transaction id.
    pub txn_id: String,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// When, in Asia/Shanghai.
    pub time: String,
    /// Its natural day.
    pub day: String,
    /// Amount in the minor unit of `currency`.
    pub amount_fen: i64,
    /// Currency.
    pub currency: String,
    /// The day's sum on this side and line, in the minor unit of `day_total_currency`.
    pub day_total_fen: i64,
    /// `CNY`, or `USD` for foreign-currency sums.
    pub day_total_currency: &'static str,
    /// The line it reached, same unit.
    pub threshold_fen: i64,
    /// Channel, if known.
    pub channel: Option<&'static str>,
    /// Where the transaction was made (GB/T 2260), if known.
    pub region: Option<u32>,
    /// The other account (none for cash).
    pub counterparty: Option<String>,
    /// The other account's institution, if known.
    pub counterparty_institution: Option<String>,
    /// Whether the counterparty is outside mainland China.
    pub cross_border: bool,
    /// Last day to file: the configured number of working days after `day`.
    pub deadline: String,
}

/// Per-institution totals.
#[derive(Debug, Clone, Serialize)]
pub struct InstitutionSummary {
    /// Institution code.
    pub institution: String,
    /// Transactions it must report.
    pub transactions: u64,
    /// Distinct customers among them.
    pub customers: u64,
    /// Earliest deadline among them.
    pub first_deadline: String,
}

/// A large-value report over a range of natural days.
#[derive(Debug, Clone, Serialize)]
pub struct LargeReport {
    /// Always [`LARGE_SCHEMA`].
    pub schema: &'static str,
    /// The rule set used.
    pub rule_version: String,
    /// SHA-256 of the configuration used.
    pub config_sha256: String,
    /// Natural days are counted at this offset (`+08:00` for Asia/Shanghai).
    pub utc_offset: String,
    /// First day covered.
    pub from: String,
    /// Last day covered (inclusive).
    pub to: String,
    /// Time of the store's first and last transfer (UTC epoch seconds): the data the report came from.
    pub data_first_ts: Option<i64>,
    /// See `data_first_ts`.
    pub data_last_ts: Option<i64>,
    /// Transfers in the date range.
    pub transfers_in_range: u64,
    /// Things the compliance officer must know (e.g. a year without configured holidays).
    pub warnings: Vec<String>,
    /// Per institution, by code.
    pub institutions: Vec<InstitutionSummary>,
    /// Every reported transaction, by institution, customer, day, side, line and time.
    pub transactions: Vec<LargeRow>,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// `from` is after `to`.
    #[error("--from {from} is after --to {to}")]
    Range {
        /// From.
        from: Date,
        /// To.
        to: Date,
    },
    /// A foreign currency has no exchange rate to USD.
    #[error("transaction {txn} is in {currency}, which has no rate in [fx_to_usd]: add one to the configuration")]
    NoRate {
        /// The first transaction in that currency.
        txn: String,
        /// The currency.
        currency: String,
    },
}

/// One customer's side of a transfer.
#[derive(Clone, Copy)]
struct Leg {
    account: AccountIx,
    side: Side,
    counterparty: Option<AccountIx>,
}

/// (institution, customer, day, side, category, foreign currency)
type GroupKey = (u16, u32, i32, Side, Category, bool);

/// Builds the large-value report for the natural days `from..=to`.
pub fn large_value_report(
    ledger: &Ledger,
    config: &ReportConfig,
    from: Date,
    to: Date,
) -> Result<LargeReport, ReportError> {
    if from > to {
        return Err(ReportError::Range { from, to });
    }
    let start = config.day_start(from).0;
    let end = config.day_start(to.next_day().expect("dates stay in range")).0;
    let customers = customer_index(ledger);
    let in_range = || ledger.transfers().iter().enumerate().filter(move |(_, t)| start <= t.ts.0 && t.ts.0 < end);

    // Pass 1: the day's sum of every group.
    let mut sums: FxHashMap<GroupKey, i64> = FxHashMap::default();
    let mut count = 0u64;
    for (i, t) in in_range() {
        count += 1;
        for leg in legs(ledger, t).into_iter().flatten() {
            let (key, amount) = group(ledger, config, &customers, t, leg, i)?;
            *sums.entry(key).or_default() += amount;
        }
    }

    // Pass 2: every leg of a group at or over its line.
    let mut rows = Vec::new();
    let mut deadlines: FxHashMap<Date, Date> = FxHashMap::default();
    let mut uncovered = BTreeSet::new();
    for (i, t) in in_range() {
        for leg in legs(ledger, t).into_iter().flatten() {
            let (key, amount) = group(ledger, config, &customers, t, leg, i)?;
            let foreign = key.5;
            let line = threshold(config, key.4, foreign);
            let total = sums[&key];
            if total < line {
                continue;
            }
            let day = config.day_of(t.ts);
            let deadline = *deadlines
                .entry(day)
                .or_insert_with(|| config.calendar.working_days_after(day, config.deadline_working_days));
            for d in [day, deadline] {
                if !config.calendar.covers(d) {
                    uncovered.insert(d.year());
                }
            }
            rows.push(row(ledger, t, i, leg, key, amount, total, line, day, deadline));
        }
    }
    rows.sort_by(|a, b| {
        (&a.institution, &a.customer_digest, &a.customer, &a.day, a.side, a.category, a.ts, &a.txn_id).cmp(&(
            &b.institution,
            &b.customer_digest,
            &b.customer,
            &b.day,
            b.side,
            b.category,
            b.ts,
            &b.txn_id,
        ))
    });
    let span = ledger.time_span();
    Ok(LargeReport {
        schema: LARGE_SCHEMA,
        rule_version: config.rule_version.clone(),
        config_sha256: config.sha256.clone(),
        utc_offset: offset_text(config.utc_offset_secs),
        from: from.to_string(),
        to: to.to_string(),
        data_first_ts: span.map(|s| s.0 .0),
        data_last_ts: span.map(|s| s.1 .0),
        transfers_in_range: count,
        warnings: uncovered
            .into_iter()
            .map(|y| format!("public holidays of {y} are not configured: deadlines in {y} count weekends only"))
            .collect(),
        institutions: summarize(&rows),
        transactions: rows,
    })
}

/// A customer number per account: one per holder, else one per account.
fn customer_index(ledger: &Ledger) -> Vec<u32> {
    let mut by_holder: FxHashMap<[u8; 16], u32> = FxHashMap::default();
    let n = ledger.accounts().len() as u32;
    ledger
        .accounts()
        .iter()
        .enumerate()
        .map(|(i, a)| match &a.holder {
            Some(h) => {
                let next = n + by_holder.len() as u32;
                *by_holder.entry(h.digest.0).or_insert(next)
            }
            None => i as u32,
        })
        .collect()
}

/// The legs of a transfer that belong to customers of reporting institutions.
fn legs(ledger: &Ledger, t: &Transfer) -> [Option<Leg>; 2] {
    let own = |a: Option<AccountIx>| a.filter(|&a| ledger.account(a).bank.is_some() && !ledger.account(a).external);
    [
        own(t.from).map(|account| Leg { account, side: Side::Out, counterparty: t.to }),
        own(t.to).map(|account| Leg { account, side: Side::In, counterparty: t.from }),
    ]
}

fn customer_type(ledger: &Ledger, a: AccountIx) -> CustomerType {
    if ledger.account(a).class == Some(AccountClass::Corp) {
        CustomerType::NonNatural
    } else {
        CustomerType::Natural
    }
}

/// The leg's group and its amount in the group's unit (CNY fen or US cents).
fn group(
    ledger: &Ledger,
    config: &ReportConfig,
    customers: &[u32],
    t: &Transfer,
    leg: Leg,
    i: usize,
) -> Result<(GroupKey, i64), ReportError> {
    let category = match (t.kind, customer_type(ledger, leg.account)) {
        (TransferKind::Withdrawal | TransferKind::Deposit, _) => Category::Cash,
        (_, CustomerType::NonNatural) => Category::NonNaturalTransfer,
        (_, CustomerType::Natural) if t.cross_border => Category::NaturalCrossBorderTransfer,
        _ => Category::NaturalDomesticTransfer,
    };
    let foreign = t.currency != Currency::CNY;
    let amount = if !foreign || t.currency.as_str() == "USD" {
        t.amount.0
    } else {
        let Some(&(num, den)) = config.fx_to_usd.get(&t.currency) else {
            return Err(ReportError::NoRate {
                txn: ledger.txn_id(fanzha_model::TransferIx(i as u32)).to_string(),
                currency: t.currency.to_string(),
            });
        };
        ((2 * t.amount.0 as i128 * num + den) / (2 * den)) as i64
    };
    let bank = ledger.account(leg.account).bank.expect("legs are at reporting institutions").0;
    let day = config.day_of(t.ts).to_julian_day();
    Ok(((bank, customers[leg.account.0 as usize], day, leg.side, category, foreign), amount))
}

fn threshold(config: &ReportConfig, category: Category, foreign: bool) -> i64 {
    let t = &config.thresholds;
    let line: Line = match category {
        Category::Cash => t.cash,
        Category::NonNaturalTransfer => t.non_natural_transfer,
        Category::NaturalDomesticTransfer => t.natural_domestic_transfer,
        Category::NaturalCrossBorderTransfer => t.natural_cross_border_transfer,
    };
    if foreign {
        line.usd.0
    } else {
        line.cny.0
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    ledger: &Ledger,
    t: &Transfer,
    i: usize,
    leg: Leg,
    key: GroupKey,
    amount: i64,
    total: i64,
    line: i64,
    day: Date,
    deadline: Date,
) -> LargeRow {
    let account = ledger.account(leg.account);
    let bank_of = |a: AccountIx| ledger.account(a).bank.map(|b| ledger.bank_code(b).to_string());
    LargeRow {
        institution: bank_of(leg.account).expect("legs are at reporting institutions"),
        customer: account
            .holder
            .as_ref()
            .map_or_else(|| ledger.account_id(leg.account).to_string(), |h| h.masked.to_string()),
        customer_digest: account.holder.as_ref().map(|h| h.digest.0.iter().map(|b| format!("{b:02x}")).collect()),
        customer_type: customer_type(ledger, leg.account),
        account: ledger.account_id(leg.account).to_string(),
        side: leg.side,
        category: key.4,
        basis: if amount >= line { Basis::Single } else { Basis::Cumulative },
        txn_id: ledger.txn_id(fanzha_model::TransferIx(i as u32)).to_string(),
        ts: t.ts.0,
        time: t.ts.to_rfc3339_shanghai(),
        day: day.to_string(),
        amount_fen: t.amount.0,
        currency: t.currency.to_string(),
        day_total_fen: total,
        day_total_currency: if key.5 { "USD" } else { "CNY" },
        threshold_fen: line,
        channel: t.channel.map(|c| c.as_str()),
        region: t.region.map(|r| r.code()),
        counterparty: leg.counterparty.map(|c| ledger.account_id(c).to_string()),
        counterparty_institution: leg.counterparty.and_then(bank_of),
        cross_border: t.cross_border,
        deadline: deadline.to_string(),
    }
}

fn summarize(rows: &[LargeRow]) -> Vec<InstitutionSummary> {
    let mut out: Vec<InstitutionSummary> = Vec::new();
    let mut customers: BTreeSet<&str> = BTreeSet::new();
    for r in rows {
        if out.last().map(|s| &s.institution) != Some(&r.institution) {
            customers.clear();
            out.push(InstitutionSummary {
                institution: r.institution.clone(),
                transactions: 0,
                customers: 0,
                first_deadline: r.deadline.clone(),
            });
        }
        let s = out.last_mut().expect("pushed above");
        s.transactions += 1;
        if customers.insert(r.customer_digest.as_deref().unwrap_or(&r.customer)) {
            s.customers += 1;
        }
        if r.deadline < s.first_deadline {
            s.first_deadline = r.deadline.clone();
        }
    }
    out
}

fn offset_text(secs: i64) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", secs.abs() / 3600, secs.abs() % 3600 / 60)
}
