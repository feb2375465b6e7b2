//! Suspicious-transaction reports (可疑交易报告) from a case: the case's reported transfers are
//! traced, and each institution whose accounts received and moved the money gets one report with
//! those accounts, their transactions, the typology and a narrative drafted from the evidence for
//! the analyst to check and edit.

use crate::config::ReportConfig;
use crate::large::{CustomerType, ReportError};
use fanzha_model::{AccountClass, AccountIx, Fen, Ts, Typology};
use fanzha_trace::{Forward, MuleStatus, Policy, Tracer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The JSON schema name of [`SuspiciousReport`].
pub const SUSPICIOUS_SCHEMA: &str = "fanzha.suspicious-report.v1";

/// A case as the analyst opens it (TOML or JSON).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case number.
    pub id: String,
    /// Typology id (see `fanzha_model::TYPOLOGIES`).
    pub typology: String,
    /// The victims' reported transfers.
    pub reported_txns: Vec<String>,
    /// When the victim reported (RFC 3339 with offset): the trace shows the money as of then, and
    /// the filing deadline counts from that day.
    pub reported_at: String,
}

/// One institution's suspicious-transaction report for one case.
#[derive(Debug, Clone, Serialize)]
pub struct SuspiciousReport {
    /// Always [`SUSPICIOUS_SCHEMA`].
    pub schema: &'static str,
    /// Rule set used.
    pub rule_version: String,
    /// SHA-256 of the configuration used.
    pub config_sha256: String,
    /// The institution that files it.
    pub institution: String,
    /// Case number.
    pub case_id: String,
    /// Typology id.
    pub typology: String,
    /// Its Chinese name.
    pub typology_zh: String,
    /// When the victim reported (UTC epoch seconds).
    pub reported_at_ts: i64,
    /// The same in Asia/Shanghai.
    pub reported_at: String,
    /// Last day to file: the configured working days after the report day.
    pub deadline: String,
    /// Trace policy the evidence came from.
    pub policy: Policy,
    /// Money the case's reported transfers traced, in fen.
    pub case_traced_fen: i64,
    /// This institution's accounts that carried the money.
    pub accounts: Vec<SuspectAccount>,
    /// Their transactions that carried traced money, in time order.
    pub transactions: Vec<SuspectTransaction>,
    /// The narrative (drafted by fanzha from the evidence unless `narrative_edited`).
    pub narrative_zh: String,
    /// Whether the analyst replaced the draft.
    pub narrative_edited: bool,
    /// Time of the store's first and last transfer (UTC epoch seconds).
    pub data_first_ts: Option<i64>,
    /// See `data_first_ts`.
    pub data_last_ts: Option<i64>,
}

/// An account of the reporting institution that received traced money.
#[derive(Debug, Clone, Serialize)]
pub struct SuspectAccount {
    /// Account number.
    pub account: String,
    /// Customer, masked.
    pub customer: Option<String>,
    /// Natural or non-natural person.
    pub customer_type: CustomerType,
    /// When opened (Asia/Shanghai).
    pub opened_at: Option<String>,
    /// Where opened (GB/T 2260).
    pub open_region: Option<u32>,
    /// Traced money received, in fen.
    pub received_fen: i64,
    /// Traced money sent on (to accounts), in fen.
    pub sent_fen: i64,
    /// Traced money withdrawn as cash, in fen.
    pub cash_fen: i64,
    /// Traced money still held at the report time, in fen.
    pub held_fen: i64,
    /// Mule status from its behaviour.
    pub mule: MuleStatus,
    /// The behavioural signals that fired.
    pub signals: Vec<&'static str>,
}

/// A transaction of a suspect account that carried traced money.
#[derive(Debug, Clone, Serialize)]
pub struct SuspectTransaction {
    /// Transaction id.
    pub txn_id: String,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// When, in Asia/Shanghai.
    pub time: String,
    /// Payer (none for a cash deposit).
    pub from: Option<String>,
    /// Payer's institution.
    pub from_institution: Option<String>,
    /// Payee (none for a cash withdrawal).
    pub to: Option<String>,
    /// Payee's institution.
    pub to_institution: Option<String>,
    /// Amount, in fen.
    pub amount_fen: i64,
    /// Its traced part, in fen.
    pub traced_fen: i64,
    /// Channel, if known.
    pub channel: Option<&'static str>,
    /// Where made (GB/T 2260), if known.
    pub region: Option<u32>,
}

/// Why a suspicious report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The case file is wrong; the message names the field.
    #[error("case: {0}")]
    Case(String),
    /// Tracing failed.
    #[error(transparent)]
    Trace(#[from] fanzha_trace::TraceError),
    /// Report error.
    #[error(transparent)]
    Report(#[from] ReportError),
}

/// Traces the case and drafts one report per institution whose customers carried the money (or
/// only `institution`'s). `narrative` replaces the draft (it needs `institution`).
pub fn suspicious_reports(
    tracer: &Tracer<'_>,
    config: &ReportConfig,
    case: &Case,
    institution: Option<&str>,
    narrative: Option<String>,
) -> Result<Vec<SuspiciousReport>, CaseError> {
    let l = tracer.ledger();
    let typology = Typology::by_id(&case.typology).ok_or_else(|| {
        CaseError::Case(format!("typology: '{}' is not a typology id of docs/domain.md", case.typology))
    })?;
    let reported = Ts::parse_rfc3339(&case.reported_at).map_err(|e| CaseError::Case(format!("reported_at: {e}")))?;
    let seeds = tracer.resolve_txns(case.reported_txns.iter().map(String::as_str)).map_err(|missing| {
        CaseError::Case(format!("reported_txns: unknown transaction id(s) {}", missing.join(", ")))
    })?;
    if narrative.is_some() && institution.is_none() {
        return Err(CaseError::Case("an edited narrative belongs to one institution: give the institution too".into()));
    }
    let trace = tracer.forward(&Forward { as_of: Some(reported), ..Forward::new(seeds) })?;
    let victims: BTreeSet<AccountIx> = trace.edges.iter().filter(|e| e.seed).filter_map(|e| e.from).collect();
    let bank = |a: AccountIx| l.account(a).bank.map(|b| l.bank_code(b).to_string());

    // Each suspect account's traced money in, out, as cash, and still held.
    let mut flows: BTreeMap<AccountIx, [i64; 4]> = BTreeMap::new();
    for e in &trace.edges {
        if let Some(to) = e.to.filter(|a| !l.account(*a).external && !victims.contains(a)) {
            flows.entry(to).or_default()[0] += e.traced.0;
        }
        if let Some(from) = e.from.filter(|a| flows.contains_key(a)) {
            flows.entry(from).or_default()[if e.to.is_some() { 1 } else { 2 }] += e.traced.0;
        }
    }
    for h in &trace.held {
        if let Some(f) = flows.get_mut(&h.account) {
            f[3] = h.amount.0;
        }
    }
    let mut by_bank: BTreeMap<String, Vec<AccountIx>> = BTreeMap::new();
    for &a in flows.keys() {
        if let Some(code) = bank(a).filter(|c| institution.is_none() || institution == Some(c.as_str())) {
            by_bank.entry(code).or_default().push(a);
        }
    }
    let seed_text: Vec<String> = trace
        .edges
        .iter()
        .filter(|e| e.seed)
        .map(|e| format!("{}转出{}元（交易{}）", e.ts.to_rfc3339_shanghai(), yuan(e.amount.0), l.txn_id(e.txn)))
        .collect();
    let day = config.day_of(reported);
    let deadline = config.calendar.working_days_after(day, config.deadline_working_days);
    let span = l.time_span();
    let mut out = Vec::new();
    for (code, accounts) in by_bank {
        let mine: BTreeSet<AccountIx> = accounts.iter().copied().collect();
        let suspects: Vec<SuspectAccount> = accounts
            .iter()
            .map(|&a| {
                let acc = l.account(a);
                let [received, sent, cash, held] = flows[&a];
                let first_in = trace.edges.iter().find(|e| e.to == Some(a)).map_or(reported, |e| e.ts);
                let signals = tracer.signals(a, first_in, reported);
                SuspectAccount {
                    account: l.account_id(a).to_string(),
                    customer: acc.holder.as_ref().map(|h| h.masked.to_string()),
                    customer_type: if acc.class == Some(AccountClass::Corp) {
                        CustomerType::NonNatural
                    } else {
                        CustomerType::Natural
                    },
                    opened_at: acc.opened_at.map(Ts::to_rfc3339_shanghai),
                    open_region: acc.open_region.map(|r| r.code()),
                    received_fen: received,
                    sent_fen: sent,
                    cash_fen: cash,
                    held_fen: held,
                    mule: signals.mule,
                    signals: signals.reasons,
                }
            })
            .collect();
        let transactions: Vec<SuspectTransaction> = trace
            .edges
            .iter()
            .filter(|e| e.from.is_some_and(|a| mine.contains(&a)) || e.to.is_some_and(|a| mine.contains(&a)))
            .map(|e| {
                let t = l.transfer(e.txn);
                SuspectTransaction {
                    txn_id: l.txn_id(e.txn).to_string(),
                    ts: e.ts.0,
                    time: e.ts.to_rfc3339_shanghai(),
                    from: e.from.map(|a| l.account_id(a).to_string()),
                    from_institution: e.from.and_then(bank),
                    to: e.to.map(|a| l.account_id(a).to_string()),
                    to_institution: e.to.and_then(bank),
                    amount_fen: e.amount.0,
                    traced_fen: e.traced.0,
                    channel: t.channel.map(|c| c.as_str()),
                    region: t.region.map(|r| r.code()),
                }
            })
            .collect();
        let draft =
            draft_narrative(&code, case, typology, &seed_text, trace.policy, &suspects, &transactions, reported);
        out.push(SuspiciousReport {
            schema: SUSPICIOUS_SCHEMA,
            rule_version: config.rule_version.clone(),
            config_sha256: config.sha256.clone(),
            institution: code,
            case_id: case.id.clone(),
            typology: typology.id.to_string(),
            typology_zh: typology.name_zh.to_string(),
            reported_at_ts: reported.0,
            reported_at: reported.to_rfc3339_shanghai(),
            deadline: deadline.to_string(),
            policy: trace.policy,
            case_traced_fen: trace.traced.0,
            narrative_edited: narrative.is_some(),
            narrative_zh: narrative.clone().unwrap_or(draft),
            accounts: suspects,
            transactions,
            data_first_ts: span.map(|s| s.0 .0),
            data_last_ts: span.map(|s| s.1 .0),
        });
    }
    Ok(out)
}

/// Chinese names of the behavioural signals.
fn signal_zh(s: &str) -> &'static str {
    match s {
        "new_account" => "新开户",
        "unusual_inflow" => "异常大额转入",
        "pass_through" => "快进快出",
        "fan_in" => "多个账户集中转入",
        "remote_cash_out" => "异地取现",
        _ => "其他异常",
    }
}

fn yuan(fen: i64) -> String {
    Fen(fen).to_string()
}

#[allow(clippy::too_many_arguments)]
fn draft_narrative(
    institution: &str,
    case: &Case,
    typology: &Typology,
    seeds: &[String],
    policy: Policy,
    accounts: &[SuspectAccount],
    txns: &[SuspectTransaction],
    reported: Ts,
) -> String {
    let total: i64 = accounts.iter().map(|a| a.received_fen).sum();
    let mut text = format!(
        "【{institution}】{}号案件（{}）：受害人于{}。经资金追踪（{}规则），本机构{}个账户接收并转移了涉案资金，合计{}元。\n",
        case.id,
        typology.name_zh,
        seeds.join("、"),
        policy.as_str().to_uppercase(),
        accounts.len(),
        yuan(total)
    );
    for a in accounts {
        let ins: Vec<&SuspectTransaction> = txns.iter().filter(|t| t.to.as_deref() == Some(&a.account)).collect();
        let outs: Vec<&SuspectTransaction> = txns.iter().filter(|t| t.from.as_deref() == Some(&a.account)).collect();
        let payers: BTreeSet<&str> = ins.iter().filter_map(|t| t.from.as_deref()).collect();
        let mut line = format!(
            "- 账户{}（客户{}{}）收到涉案资金{}元（{}笔，来自{}个账户）",
            a.account,
            a.customer.as_deref().unwrap_or("未知"),
            a.opened_at.as_deref().map_or(String::new(), |o| format!("，{}开户", &o[..10])),
            yuan(a.received_fen),
            ins.len(),
            payers.len()
        );
        if let (Some(first_in), Some(last_out)) = (ins.first(), outs.last()) {
            line += &format!(
                "，随后在{}内分{}笔转出{}元",
                fanzha_model::duration_text(last_out.ts - first_in.ts).0,
                outs.len(),
                yuan(a.sent_fen + a.cash_fen)
            );
            if a.cash_fen > 0 {
                let places: BTreeSet<String> =
                    outs.iter().filter(|t| t.to.is_none()).filter_map(|t| t.region.map(|r| r.to_string())).collect();
                line += &format!(
                    "（其中现金支取{}元，地点{}）",
                    yuan(a.cash_fen),
                    places.into_iter().collect::<Vec<_>>().join("、")
                );
            }
        }
        if a.held_fen > 0 {
            line +=
                &format!("；截至{}仍留存{}元，建议立即止付、冻结", reported.to_rfc3339_shanghai(), yuan(a.held_fen));
        }
        if !a.signals.is_empty() {
            line += &format!("；特征：{}", a.signals.iter().map(|s| signal_zh(s)).collect::<Vec<_>>().join("、"));
        }
        text += &line;
        text += "。\n";
    }
    text += &format!(
        "上述交易与{}诈骗资金的转移特征相符，报告为可疑交易。（本段由 fanzha 依据追踪证据起草，提交前请分析人员核实并修改。）",
        typology.name_zh
    );
    text
}
