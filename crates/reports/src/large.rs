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

use crate::config::{Line, ReportConfig, UNIX_EPOCH_JULIAN_DAY};
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

impl Side {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::In => "in",
            Side::Out => "out",
        }
    }
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

impl Category {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Cash => "cash",
            Category::NonNaturalTransfer => "non_natural_transfer",
            Category::NaturalDomesticTransfer => "natural_domestic_transfer",
            Category::NaturalCrossBorderTransfer => "natural_cross_border_transfer",
        }
    }
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

impl CustomerType {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerType::Natural => "natural",
            CustomerType::NonNatural => "non_natural",
        }
    }
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

impl Basis {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Single => "single",
            Basis::Cumulative => "cumulative",
        }
    }
}

/// One reported transaction, resolved from the ledger when it is read (so a report of millions
/// of transactions costs a few dozen bytes each until it is written out).
#[derive(Debug, Clone, Serialize)]
pub struct LargeRow<'a> {
    /// The institution that must file it.
    pub institution: &'a str,
    /// The customer, masked (or the account number when the data has no holder).
    pub customer: &'a str,
    /// Salted digest of the customer's identity (hex), to join filings about one customer.
    pub customer_digest: Option<Hex<'a>>,
    /// Natural or non-natural person.
    pub customer_type: CustomerType,
    /// The customer's account.
    pub account: &'a str,
    /// `in` (收入) or `out` (支出).
    pub side: Side,
    /// The report line.
    pub category: Category,
    /// `single` or `cumulative`.
    pub basis: Basis,
    /// Transaction id.
    pub txn_id: &'a str,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// When, in local time at the configured offset (RFC 3339).
    #[serde(serialize_with = "display")]
    pub time: LocalTime,
    /// Its natural day.
    #[serde(serialize_with = "display")]
    pub day: Date,
    /// Amount in the minor unit of `currency`.
    pub amount_fen: i64,
    /// Currency.
    pub currency: &'a str,
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
    pub counterparty: Option<&'a str>,
    /// The other account's institution, if known.
    pub counterparty_institution: Option<&'a str>,
    /// Whether the counterparty is outside mainland China.
    pub cross_border: bool,
    /// Last day to file: the configured number of working days after `day`.
    #[serde(serialize_with = "display")]
    pub deadline: Date,
}

fn display<T: std::fmt::Display, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Bytes shown as lower-case hex.
#[derive(Debug, Clone, Copy)]
pub struct Hex<'a>(pub &'a [u8]);

impl std::fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl Serialize for Hex<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A UTC time shown at a fixed offset, RFC 3339 (`2024-03-01T10:00:00+08:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// UTC epoch seconds.
    pub ts: i64,
    /// Offset from UTC in seconds.
    pub offset: i64,
}

impl std::fmt::Display for LocalTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let local = self.ts + self.offset;
        let secs = local.rem_euclid(86_400);
        let date = Date::from_julian_day((local.div_euclid(86_400) + UNIX_EPOCH_JULIAN_DAY) as i32)
            .map_err(|_| std::fmt::Error)?;
        let (sign, off) = (if self.offset < 0 { '-' } else { '+' }, self.offset.abs());
        write!(
            f,
            "{date}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60,
            off / 3600,
            off % 3600 / 60
        )
    }
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

/// What a report covers and how it was made.
#[derive(Debug, Clone, Serialize)]
pub struct LargeHeader {
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
}

/// A large-value report over a range of natural days: the header and every reported
/// transaction, by institution, customer, day, side, line and time. Serializes as one JSON
/// object: the header's fields and `transactions`.
#[derive(Debug, Clone)]
pub struct LargeReport<'l> {
    /// What it covers.
    pub header: LargeHeader,
    ledger: &'l Ledger,
    utc_offset_secs: i64,
    hits: Vec<Hit>,
}

/// A reported leg, compact.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Sort key: institution rank, customer rank, day, side, category, time order.
    order: (u16, u32, i32, Side, Category, i64, u32),
    account: AccountIx,
    counterparty: Option<AccountIx>,
    basis: Basis,
    foreign: bool,
    total: i64,
    line: i64,
    deadline: Date,
}

impl<'l> LargeReport<'l> {
    /// Number of reported transactions.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// Whether nothing is to be reported.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The reported transactions, in report order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = LargeRow<'l>> + '_ {
        self.hits.iter().map(|h| self.row(h))
    }

    /// The `i`-th reported transaction.
    pub fn row_at(&self, i: usize) -> LargeRow<'l> {
        self.row(&self.hits[i])
    }

    /// Whether rows `i - 1` and `i` are about different customers (or institutions):
    /// `Some(true)` when the institution changes too; `None` when they share a customer.
    pub(crate) fn boundary(&self, i: usize) -> Option<bool> {
        let (a, b) = (self.hits[i - 1].order, self.hits[i].order);
        if a.0 != b.0 {
            Some(true)
        } else if a.1 != b.1 {
            Some(false)
        } else {
            None
        }
    }

    fn row(&self, h: &Hit) -> LargeRow<'l> {
        let l = self.ledger;
        let txn = fanzha_model::TransferIx(h.order.6);
        let t = l.transfer(txn);
        let account = l.account(h.account);
        let bank_of = |a: AccountIx| l.account(a).bank.map(|b| l.bank_code(b));
        LargeRow {
            institution: bank_of(h.account).expect("legs are at reporting institutions"),
            customer: account.holder.as_ref().map_or_else(|| l.account_id(h.account), |h| &h.masked),
            customer_digest: account.holder.as_ref().map(|h| Hex(&h.digest.0)),
            customer_type: customer_type(l, h.account),
            account: l.account_id(h.account),
            side: h.order.3,
            category: h.order.4,
            basis: h.basis,
            txn_id: l.txn_id(txn),
            ts: t.ts.0,
            time: LocalTime { ts: t.ts.0, offset: self.utc_offset_secs },
            day: Date::from_julian_day(h.order.2).expect("days come from dates"),
            amount_fen: t.amount.0,
            currency: t.currency.as_str(),
            day_total_fen: h.total,
            day_total_currency: if h.foreign { "USD" } else { "CNY" },
            threshold_fen: h.line,
            channel: t.channel.map(|c| c.as_str()),
            region: t.region.map(|r| r.code()),
            counterparty: h.counterparty.map(|c| l.account_id(c)),
            counterparty_institution: h.counterparty.and_then(bank_of),
            cross_border: t.cross_border,
            deadline: h.deadline,
        }
    }
}

impl Serialize for LargeReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let h = &self.header;
        let mut st = s.serialize_struct("LargeReport", 13)?;
        st.serialize_field("schema", h.schema)?;
        st.serialize_field("rule_version", &h.rule_version)?;
        st.serialize_field("config_sha256", &h.config_sha256)?;
        st.serialize_field("utc_offset", &h.utc_offset)?;
        st.serialize_field("from", &h.from)?;
        st.serialize_field("to", &h.to)?;
        st.serialize_field("data_first_ts", &h.data_first_ts)?;
        st.serialize_field("data_last_ts", &h.data_last_ts)?;
        st.serialize_field("transfers_in_range", &h.transfers_in_range)?;
        st.serialize_field("warnings", &h.warnings)?;
        st.serialize_field("institutions", &h.institutions)?;
        st.serialize_field("transactions", &Rows(self))?;
        st.end()
    }
}

/// The transactions of a report as a JSON array, written row by row.
struct Rows<'r, 'l>(&'r LargeReport<'l>);

impl Serialize for Rows<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.rows())
    }
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

/// Builds the large-value report for the natural days `from..=to`.
pub fn large_value_report<'l>(
    ledger: &'l Ledger,
    config: &ReportConfig,
    from: Date,
    to: Date,
) -> Result<LargeReport<'l>, ReportError> {
    if from > to {
        return Err(ReportError::Range { from, to });
    }
    let (first_day, last_day) = (from.to_julian_day(), to.to_julian_day());
    let (customers, customer_rank) = customer_index(ledger);
    let bank_rank = bank_ranks(ledger);
    let info = account_info(ledger, &customers);

    // Transfers by natural day: sums are per day.
    let mut by_day: Vec<Vec<u32>> = vec![Vec::new(); (last_day - first_day + 1) as usize];
    for (i, t) in ledger.transfers().iter().enumerate() {
        let day = config.julian_day_of(t.ts);
        if (first_day..=last_day).contains(&day) {
            by_day[(day - first_day) as usize].push(i as u32);
        }
    }
    let count = by_day.iter().map(|d| d.len() as u64).sum();
    let mut hits = Vec::new();
    let mut uncovered = BTreeSet::new();
    let mut legs: Vec<LegEntry> = Vec::new();
    for (offset, txns) in by_day.iter().enumerate() {
        let day = first_day + offset as i32;
        let date = Date::from_julian_day(day).expect("days come from dates");
        let deadline = config.calendar.working_days_after(date, config.deadline_working_days);
        // Every leg of the day with its group key, sorted so each group is one run: sums and
        // hits come from one sequential scan (no hash table, few cache misses).
        legs.clear();
        for &i in txns {
            let t = ledger.transfer(fanzha_model::TransferIx(i));
            for (side, account) in [(Side::Out, t.from), (Side::In, t.to)] {
                let Some(a) = account.filter(|a| info[a.0 as usize].bank != NO_BANK) else { continue };
                let (key, amount) = leg_key(ledger, config, &info[a.0 as usize], t, side, i)?;
                legs.push(LegEntry { key, amount, txn: i });
            }
        }
        legs.sort_unstable_by_key(|l| (l.key, l.txn));
        let before = hits.len();
        for group in legs.chunk_by(|a, b| a.key == b.key) {
            let (category, foreign) = key_line(group[0].key);
            let line = threshold(config, category, foreign);
            let total: i64 = group.iter().map(|l| l.amount).sum();
            if total < line {
                continue;
            }
            for leg in group {
                let t = ledger.transfer(fanzha_model::TransferIx(leg.txn));
                let side = key_side(leg.key);
                let (account, counterparty) = match side {
                    Side::Out => (t.from.expect("an out leg has a payer"), t.to),
                    Side::In => (t.to.expect("an in leg has a payee"), t.from),
                };
                let a = &info[account.0 as usize];
                hits.push(Hit {
                    order: (
                        bank_rank[a.bank as usize],
                        customer_rank[a.customer as usize],
                        day,
                        side,
                        category,
                        t.ts.0,
                        leg.txn,
                    ),
                    account,
                    counterparty,
                    basis: if leg.amount >= line { Basis::Single } else { Basis::Cumulative },
                    foreign,
                    total,
                    line,
                    deadline,
                });
            }
        }
        if hits.len() > before {
            uncovered.extend([date, deadline].iter().filter(|d| !config.calendar.covers(**d)).map(|d| d.year()));
        }
    }
    hits.sort_unstable_by_key(|h| h.order);
    let span = ledger.time_span();
    let mut report = LargeReport {
        header: LargeHeader {
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
            institutions: Vec::new(),
        },
        ledger,
        utc_offset_secs: config.utc_offset_secs,
        hits,
    };
    report.header.institutions = summarize(&report);
    Ok(report)
}

/// A customer number per account (one per holder, else one per account), and each customer
/// number's rank in report order (by identity digest, then by account number for accounts
/// without a holder).
fn customer_index(ledger: &Ledger) -> (Vec<u32>, Vec<u32>) {
    let accounts = ledger.accounts();
    let mut by_holder: FxHashMap<[u8; 16], u32> = FxHashMap::default();
    let mut first_account: Vec<AccountIx> = Vec::new();
    let ids: Vec<u32> = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let fresh = first_account.len() as u32;
            let id = match &a.holder {
                Some(h) => *by_holder.entry(h.digest.0).or_insert(fresh),
                None => fresh,
            };
            if id == fresh {
                first_account.push(AccountIx::of(i));
            }
            id
        })
        .collect();
    let key = |c: u32| {
        let a = first_account[c as usize];
        match &ledger.account(a).holder {
            Some(h) => (0, h.digest.0, ""),
            None => (1, [0; 16], ledger.account_id(a)),
        }
    };
    let mut order: Vec<u32> = (0..first_account.len() as u32).collect();
    order.sort_unstable_by(|&x, &y| key(x).cmp(&key(y)));
    let mut rank = vec![0; order.len()];
    for (r, &c) in order.iter().enumerate() {
        rank[c as usize] = r as u32;
    }
    (ids, rank)
}

/// Each institution's rank in code order.
fn bank_ranks(ledger: &Ledger) -> Vec<u16> {
    let mut codes: Vec<u16> = (0..ledger.bank_count() as u16).collect();
    codes.sort_by_key(|&b| ledger.bank_code(fanzha_model::BankIx(b)));
    let mut rank = vec![0; codes.len()];
    for (r, &b) in codes.iter().enumerate() {
        rank[b as usize] = r as u16;
    }
    rank
}

/// What grouping needs of an account, packed so a day's legs read a small array.
#[derive(Clone, Copy)]
struct AccountInfo {
    /// Its institution, or [`NO_BANK`] for accounts that are nobody's customers here.
    bank: u16,
    corp: bool,
    customer: u32,
}

const NO_BANK: u16 = u16::MAX;

fn account_info(ledger: &Ledger, customers: &[u32]) -> Vec<AccountInfo> {
    ledger
        .accounts()
        .iter()
        .zip(customers)
        .map(|(a, &customer)| AccountInfo {
            bank: a.bank.filter(|_| !a.external).map_or(NO_BANK, |b| b.0),
            corp: a.class == Some(AccountClass::Corp),
            customer,
        })
        .collect()
}

/// One leg of a day: its group key, its amount in the group's unit, and its transfer.
struct LegEntry {
    key: u64,
    amount: i64,
    txn: u32,
}

/// The group key packs customer, institution, side, line and currency kind into one integer:
/// `customer << 24 | bank << 8 | side << 3 | category << 1 | foreign`.
fn pack(customer: u32, bank: u16, side: Side, category: Category, foreign: bool) -> u64 {
    (customer as u64) << 24 | (bank as u64) << 8 | (side as u64) << 3 | (category as u64) << 1 | foreign as u64
}

fn key_side(key: u64) -> Side {
    if key >> 3 & 1 == 0 {
        Side::In
    } else {
        Side::Out
    }
}

fn key_line(key: u64) -> (Category, bool) {
    let category = match key >> 1 & 3 {
        0 => Category::Cash,
        1 => Category::NonNaturalTransfer,
        2 => Category::NaturalDomesticTransfer,
        _ => Category::NaturalCrossBorderTransfer,
    };
    (category, key & 1 == 1)
}

/// The leg's group key and its amount in the group's unit (CNY fen or US cents).
fn leg_key(
    ledger: &Ledger,
    config: &ReportConfig,
    a: &AccountInfo,
    t: &Transfer,
    side: Side,
    i: u32,
) -> Result<(u64, i64), ReportError> {
    let category = match t.kind {
        TransferKind::Withdrawal | TransferKind::Deposit => Category::Cash,
        _ if a.corp => Category::NonNaturalTransfer,
        _ if t.cross_border => Category::NaturalCrossBorderTransfer,
        _ => Category::NaturalDomesticTransfer,
    };
    let foreign = t.currency != Currency::CNY;
    let amount = if !foreign || t.currency.as_str() == "USD" {
        t.amount.0
    } else {
        let Some(&(num, den)) = config.fx_to_usd.get(&t.currency) else {
            return Err(ReportError::NoRate {
                txn: ledger.txn_id(fanzha_model::TransferIx(i)).to_string(),
                currency: t.currency.to_string(),
            });
        };
        ((2 * t.amount.0 as i128 * num + den) / (2 * den)) as i64
    };
    Ok((pack(a.customer, a.bank, side, category, foreign), amount))
}

fn customer_type(ledger: &Ledger, a: AccountIx) -> CustomerType {
    if ledger.account(a).class == Some(AccountClass::Corp) {
        CustomerType::NonNatural
    } else {
        CustomerType::Natural
    }
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

/// Per institution: transactions, distinct customers (hits are sorted by customer within an
/// institution) and the earliest deadline.
fn summarize(r: &LargeReport<'_>) -> Vec<InstitutionSummary> {
    let l = r.ledger;
    let mut out: Vec<(InstitutionSummary, Date)> = Vec::new();
    let mut last: Option<(u16, u32)> = None;
    for h in &r.hits {
        if last.map(|l| l.0) != Some(h.order.0) {
            let bank = l.account(h.account).bank.expect("hits are at reporting institutions");
            let summary = InstitutionSummary {
                institution: l.bank_code(bank).to_string(),
                transactions: 0,
                customers: 0,
                first_deadline: String::new(),
            };
            out.push((summary, h.deadline));
        }
        let (s, first) = out.last_mut().expect("pushed above");
        s.transactions += 1;
        if last != Some((h.order.0, h.order.1)) {
            s.customers += 1;
        }
        *first = (*first).min(h.deadline);
        last = Some((h.order.0, h.order.1));
    }
    out.into_iter().map(|(s, first)| InstitutionSummary { first_deadline: first.to_string(), ..s }).collect()
}

fn offset_text(secs: i64) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", secs.abs() / 3600, secs.abs() % 3600 / 60)
}
