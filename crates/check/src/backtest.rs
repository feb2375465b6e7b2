//! Backtests: history replayed in time order through [`Checker::check`] then [`Checker::record`] —
//! the live path — so each transfer is judged on what was known just before it (features, and
//! lists as they stood then). With labels, every rule and the whole set get precision and recall,
//! and a count of the hits on layering hops: transfers out of labelled mule accounts that are not
//! labelled fraud themselves (labels usually mark the victim's payment, not the hops after it), and
//! of the hits on lawful payments into labelled mule accounts.
//! Victim payments are also split by what the data knows of their payee: an account an institution
//! supplying data holds, or one seen only as a counterparty, of which the check knows only the
//! transfers that touch the data.

use crate::checker::{Checker, Decision, Subject, Verdict};
use crate::suspects::Suspects;
use fanzha_detect::cases::Outcome;
use fanzha_detect::mules::{score_store, MuleConfig};
use fanzha_detect::MuleModel;
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Fen, Ledger, TransferIx, TransferKind, Ts};
use fanzha_rules::RuleSet;
use serde::Serialize;
use std::collections::HashSet;

/// The span of transfers to check; everything before `from` only warms the features up.
#[derive(Debug, Clone, Copy, Default)]
pub struct Span {
    /// First time checked (inclusive).
    pub from: Option<Ts>,
    /// Last time checked (inclusive); nothing later is replayed.
    pub to: Option<Ts>,
}

/// Batch mule detection re-run during a backtest, as the server runs it: every `every_secs` of data
/// time, over the transfers before that moment, and its flags handed to the check
/// ([`Checker::suspects`]).
#[derive(Clone, Copy)]
pub struct Rescore<'m> {
    /// Data time between runs (seconds).
    pub every_secs: i64,
    /// The mule model.
    pub model: &'m MuleModel,
    /// How rules and model are combined.
    pub cfg: MuleConfig,
    /// Time a centre takes to confirm a traced account: each run counts as confirmed, for the
    /// check (`payee.confirmed_mule`) and for learning from the cases
    /// ([`fanzha_detect::cases::CasesConfig::confirmed_by`]), the accounts traced this many seconds
    /// before it.
    pub confirm_after_secs: i64,
}

/// How to replay: which transfers, scored by what, and whether detection re-runs along the way.
#[derive(Clone, Copy, Default)]
pub struct Replay<'a> {
    /// The transfers checked.
    pub span: Span,
    /// What is known to be fraud (no precision or recall without it).
    pub labels: Option<&'a Labels>,
    /// Batch detection re-run during the replay (none: the check has no detection flags).
    pub rescore: Option<Rescore<'a>>,
}

/// What is known to be fraud, to score a backtest by.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// Labelled fraud transfers.
    pub fraud: HashSet<TransferIx>,
    /// Accounts labelled as mules; a hit on a transfer out of one is a layering hop.
    pub mules: HashSet<AccountIx>,
}

/// Hits and, with labels, quality of one rule (or of the whole set).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Transfers it fired on.
    pub hits: u64,
    /// Of which labelled fraud.
    pub true_hits: u64,
    /// Of the others, transfers paid out of a labelled mule account: layering hops, money already
    /// in a fraud chain.
    pub layering_hits: u64,
    /// Of the rest, transfers paid into a labelled mule account (a rented shop's customers, a 跑分
    /// runner's friends): the payment is lawful, the account it goes to is not.
    pub into_mule_hits: u64,
    /// true_hits / hits.
    pub precision: Option<f64>,
    /// (true_hits + layering_hits) / hits: precision when holding a layering hop counts as right.
    pub precision_with_layering: Option<f64>,
    /// true_hits / labelled fraud checked.
    pub recall: Option<f64>,
    /// Harmonic mean of the two.
    pub f1: Option<f64>,
    /// Money of the transfers it fired on with hold or block, in fen.
    pub held_fen: i64,
}

/// One rule's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleTally {
    /// The rule id.
    pub id: String,
    /// Its verdict.
    pub verdict: String,
    /// Its numbers.
    #[serde(flatten)]
    pub tally: Tally,
}

/// Victim payments (labelled fraud transfers) of one kind, and how many the check stopped (any
/// verdict other than pass).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stopped {
    /// Victim payments checked.
    pub paid: u64,
    /// Of which not passed.
    pub stopped: u64,
}

impl Stopped {
    fn add(&mut self, stopped: bool) {
        self.paid += 1;
        self.stopped += u64::from(stopped);
    }
}

/// Victim payments by what the data knows of their payee.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct VictimPayees {
    /// Into accounts the data describes (held by an institution that supplies it).
    pub described: Stopped,
    /// Of those, the first victim payment into its payee: nothing labelled has reached it yet.
    pub described_first: Stopped,
    /// Into accounts seen only as counterparties (institutions that supply no data): the check
    /// knows of them only the transfers that touch the data.
    pub external: Stopped,
}

/// What a backtest found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The rule set's version.
    pub rule_version: String,
    /// Transfers checked.
    pub checked: u64,
    /// Of which labelled fraud (`None` without labels).
    pub labelled_fraud: Option<u64>,
    /// Verdicts: pass, warn, hold, block counts.
    pub verdicts: [u64; 4],
    /// Any verdict other than pass, as one flag.
    pub overall: Tally,
    /// Per rule, in the set's order.
    pub rules: Vec<RuleTally>,
    /// Victim payments by payee (`None` without labels).
    pub victim_payees: Option<VictimPayees>,
    /// The detection runs made along the way ([`Replay::rescore`]), in order.
    pub runs: Vec<Run>,
}

/// One detection run of a replay: what the check read from then on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    /// The last moment of data the run saw (RFC 3339, UTC).
    pub until: String,
    /// Accounts it flagged as mules (`payee.flagged_mule`).
    pub flagged: usize,
    /// Mule accounts the cases confirmed by then (`payee.confirmed_mule`).
    pub confirmed: usize,
    /// What became of learning from those cases (`None`: the run was not asked to learn).
    pub learning: Option<Outcome>,
}

/// Replays `ledger` (in `graph`'s time order) through a new [`Checker`] and `rules` as `replay`
/// says. `each` sees every verdict.
pub fn run(
    ledger: &Ledger,
    graph: &TemporalGraph,
    mut checker: Checker,
    rules: &RuleSet,
    replay: &Replay<'_>,
    mut each: impl FnMut(TransferIx, &Verdict),
) -> Report {
    let (span, labels) = (replay.span, replay.labels);
    // The start of the detection run the check currently reads, and the time runs count from.
    let mut last_run: Option<i64> = None;
    let first_ts = graph.first_ts().map(|t| t.0);
    let ids: Vec<String> = rules.rules().iter().map(|r| r.id().to_string()).collect();
    let mut per_rule = vec![Tally::default(); ids.len()];
    let mut overall = Tally::default();
    let mut verdicts = [0u64; 4];
    let (mut checked, mut positives) = (0u64, 0u64);
    let mut env = checker.env();
    let mut holders = HolderClock::new(ledger);
    let mut payees = VictimPayees::default();
    let mut paid_before: HashSet<AccountIx> = HashSet::new();
    let mut runs = Vec::new();
    for e in 0..graph.edge_count() {
        let txn = graph.edge(EdgeIx::of(e)).txn;
        let t = ledger.transfer(txn);
        if span.to.is_some_and(|to| t.ts > to) {
            break;
        }
        if holders.due(t.ts) {
            checker.holders_as_of(ledger, t.ts);
        }
        if t.kind == TransferKind::Transfer && span.from.is_none_or(|from| t.ts >= from) {
            if let Some(r) = &replay.rescore {
                // Runs start at multiples of `every_secs` after the first transfer and see only
                // the transfers before that moment.
                let first = first_ts.expect("a transfer is being replayed");
                let every = r.every_secs.max(1);
                let start = first + (t.ts.0 - first) / every * every;
                if start > first && last_run != Some(start) {
                    let until = Some(Ts(start - 1));
                    let confirmed_by = Some(Ts(start - 1 - r.confirm_after_secs));
                    let mut cfg = r.cfg;
                    if let Some(c) = cfg.cases.as_mut() {
                        c.confirmed_by = confirmed_by;
                    }
                    let scored = score_store(ledger, graph, until, r.model, &cfg, false, &[]);
                    let confirmed = fanzha_detect::labels::confirmed_mules(ledger, confirmed_by);
                    runs.push(Run {
                        until: Ts(start - 1).to_rfc3339_utc(),
                        flagged: scored.scores.iter().filter(|s| s.flagged).count(),
                        confirmed: confirmed.len(),
                        learning: scored.cases,
                    });
                    checker.suspects = Suspects::from_scores(&scored.scores, until).with_confirmed(confirmed);
                    last_run = Some(start);
                }
            }
            let s = Subject {
                transfer: t,
                from_id: t.from.map(|a| ledger.account_id(a)),
                to_id: t.to.map(|a| ledger.account_id(a)),
                payer: None,
                payer_part: None,
            };
            let v = checker.check(ledger, rules, &s, &mut env);
            let hit = match labels {
                Some(l) if l.fraud.contains(&txn) => Hit::Fraud,
                Some(l) if t.from.is_some_and(|a| l.mules.contains(&a)) => Hit::Layering,
                Some(l) if t.to.is_some_and(|a| l.mules.contains(&a)) => Hit::IntoMule,
                _ => Hit::Other,
            };
            let positive = hit == Hit::Fraud;
            checked += 1;
            positives += u64::from(positive);
            verdicts[v.verdict as usize] += 1;
            if positive {
                let stopped = v.verdict > Decision::Pass;
                match t.to {
                    Some(to) if !ledger.account(to).external => {
                        payees.described.add(stopped);
                        if paid_before.insert(to) {
                            payees.described_first.add(stopped);
                        }
                    }
                    _ => payees.external.add(stopped),
                }
            }
            let held = if v.verdict >= Decision::Hold { t.amount } else { Fen(0) };
            if v.verdict > Decision::Pass {
                count(&mut overall, hit, held);
            }
            for r in &v.reasons {
                let i = ids.iter().position(|id| *id == r.code).expect("reasons name rules of the set");
                let own_hold =
                    if rules.rules()[i].verdict() >= fanzha_rules::Verdict::Hold { t.amount } else { Fen(0) };
                count(&mut per_rule[i], hit, own_hold);
            }
            each(txn, &v);
        }
        checker.record(ledger, t);
    }
    let labelled = labels.map(|_| positives);
    finish(&mut overall, labelled);
    for t in &mut per_rule {
        finish(t, labelled);
    }
    Report {
        rule_version: rules.version().to_string(),
        checked,
        labelled_fraud: labelled,
        verdicts,
        overall,
        rules: ids
            .into_iter()
            .zip(per_rule)
            .enumerate()
            .map(|(i, (id, tally))| RuleTally { id, verdict: rules.rules()[i].verdict().as_str().to_string(), tally })
            .collect(),
        victim_payees: labels.map(|_| payees),
        runs,
    }
}

/// When a replay recounts the holders' accounts, so that a holder's count never includes an
/// account opened after the transfer being judged: at the first transfer, then after an account
/// opened, at most once an hour of data time (so a count may lag an opening by up to an hour,
/// never run ahead of it).
struct HolderClock {
    /// Opening times of the ledger's accounts, ascending.
    openings: Vec<i64>,
    /// How many of them the last count saw.
    seen: usize,
    /// When the last count was made.
    counted_at: Option<i64>,
}

impl HolderClock {
    const EVERY_SECS: i64 = 3_600;

    fn new(ledger: &Ledger) -> HolderClock {
        let mut openings: Vec<i64> = ledger.accounts().iter().filter_map(|a| a.opened_at.map(|t| t.0)).collect();
        openings.sort_unstable();
        HolderClock { openings, seen: 0, counted_at: None }
    }

    /// Whether to recount as of `now` (and if so, the count is taken to be made).
    fn due(&mut self, now: Ts) -> bool {
        let opened = self.openings.partition_point(|&o| o <= now.0);
        let due = match self.counted_at {
            None => true,
            Some(at) => opened > self.seen && now.0 - at >= Self::EVERY_SECS,
        };
        if due {
            self.seen = opened;
            self.counted_at = Some(now.0);
        }
        due
    }
}

/// What a checked transfer was, by the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Fraud,
    Layering,
    IntoMule,
    Other,
}

fn count(t: &mut Tally, hit: Hit, held: Fen) {
    t.hits += 1;
    t.true_hits += u64::from(hit == Hit::Fraud);
    t.layering_hits += u64::from(hit == Hit::Layering);
    t.into_mule_hits += u64::from(hit == Hit::IntoMule);
    t.held_fen += held.0;
}

fn finish(t: &mut Tally, positives: Option<u64>) {
    let Some(p) = positives else { return };
    t.precision = (t.hits > 0).then(|| t.true_hits as f64 / t.hits as f64);
    t.precision_with_layering = (t.hits > 0).then(|| (t.true_hits + t.layering_hits) as f64 / t.hits as f64);
    t.recall = (p > 0).then(|| t.true_hits as f64 / p as f64);
    t.f1 = match (t.precision, t.recall) {
        (Some(a), Some(b)) if a + b > 0.0 => Some(2.0 * a * b / (a + b)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
}
