//! The check itself: one transfer, before it executes, against the live features of both accounts,
//! the lists as they stand at the transfer's time, and the rules — giving a verdict with reasons.
//! The live service and the backtest both call [`Checker::check`] and [`Checker::record`]; there is
//! no second path.

use crate::lists::{EntryKind, ListName, Lists};
use crate::new_payees::NewPayees;
use crate::passed_on::{self, PassedOn};
use crate::request::PayerContext;
use crate::suspects::{Suspect, Suspects};
use crate::vars::Vars;
use fanzha_detect::catalog::ix;
use fanzha_detect::geo::{home_province, province_km};
use fanzha_detect::mules::{live_score, LiveScore};
use fanzha_detect::rules::{self as mule_rules, RuleConfig};
use fanzha_detect::{FeatureConfig, FeatureEngine, MuleModel, OwnFeatures, Recent};
use fanzha_model::{AccountClass, AccountIx, Ledger, Region, Transfer, Ts};
use fanzha_rules::{Env, RuleSet, Schema};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The live window of the `*_24h` variables.
const DAY: i64 = fanzha_model::DAY_SECS;
/// How long ago a payer must have first paid a payee for the two to have a relationship of
/// standing (`pair.standing`).
const STANDING: i64 = 7 * DAY;

/// What to do with the transfer, mildest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// Let it go.
    Pass,
    /// Let it go, but tell the customer why it looks like fraud.
    Warn,
    /// Delay it (e.g. 24 h) and call the customer.
    Hold,
    /// Stop it.
    Block,
}

impl Decision {
    /// The word used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pass => "pass",
            Decision::Warn => "warn",
            Decision::Hold => "hold",
            Decision::Block => "block",
        }
    }
}

/// One reason for a verdict: the rule that fired and what it saw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The rule's id.
    pub code: String,
    /// The sentence in Chinese.
    pub message_zh: String,
    /// The sentence in English.
    pub message_en: String,
    /// The variables the rule looked at, with their values.
    pub evidence: serde_json::Value,
}

/// The answer to a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// pass, warn, hold or block: the strictest verdict among the rules that fired.
    pub verdict: Decision,
    /// 1 − Π(1 − weight) over the rules that fired, in [0, 1].
    pub score: f64,
    /// The rules that fired, heaviest first.
    pub reasons: Vec<Reason>,
    /// The typology of the heaviest fired rule that names one.
    pub typology: Option<String>,
    /// The rule set's version.
    pub rule_version: String,
}

/// A transfer to check, with its parties resolved against the ledger (`None`: unknown or empty).
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The transfer (its `from`/`to` are the resolved accounts).
    pub transfer: &'a Transfer,
    /// Payer account id as given (for list lookups of accounts the ledger does not know).
    pub from_id: Option<&'a str>,
    /// Payee account id as given.
    pub to_id: Option<&'a str>,
    /// What the bank or app knows about the payer now.
    pub payer: Option<&'a PayerContext>,
    /// The payer's part, when another node holds the payer's transfers (a partition asks the
    /// payer's owner, [`Checker::payer_part`]); `None`: from this node's own state.
    pub payer_part: Option<PayerPart>,
}

/// The payer's part of a check: what only the node holding the payer's transfers can answer. Its
/// JSON is the day's fields with the others beside them, so a node of the build before, which
/// asked for the day alone, reads it as it did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PayerPart {
    /// What the payer did in the day before.
    #[serde(flatten)]
    pub day: Recent,
    /// Accounts other than the payee that the payer first paid in the 7 days before.
    #[serde(default)]
    pub new_payees_7d: u32,
    /// How many of them the latest mule-detection run flagged.
    #[serde(default)]
    pub new_payees_flagged_7d: u32,
    /// The highest combined score that run gave one of them; `None` when it flagged none.
    #[serde(default)]
    pub new_payees_flagged_score_7d: Option<f64>,
}

/// Live state of the check: the feature engine over everything recorded, and the lists.
pub struct Checker {
    engine: FeatureEngine,
    /// Whom each payer began to pay in the last week.
    new_payees: NewPayees,
    /// Where each account passed fresh money on to in the last 3 days.
    passed_on: PassedOn,
    vars: Vars,
    schema: Schema,
    mule: RuleConfig,
    /// Block and watch lists.
    pub lists: Lists,
    /// The accounts the latest batch mule detection flagged.
    pub suspects: Suspects,
    /// The mule model whose live stage scores each payee as it stands (none: not scored).
    model: Option<Arc<MuleModel>>,
}

impl Checker {
    /// A checker that has seen no transfers yet.
    pub fn new(ledger: &Ledger, lists: Lists) -> Checker {
        let (schema, vars) = Vars::schema();
        let engine = FeatureEngine::new(ledger, FeatureConfig::default());
        Checker {
            engine,
            new_payees: NewPayees::owning(None),
            passed_on: PassedOn::owning(None),
            vars,
            schema,
            mule: RuleConfig::default(),
            lists,
            suspects: Suspects::default(),
            model: None,
        }
    }

    /// The same checker keeping live state only for the accounts `partition` owns (a partitioned
    /// node, whose checks and risk answers are about its own accounts); `None`: every account.
    pub fn owning(mut self, partition: Option<fanzha_model::Partition>) -> Checker {
        self.engine = self.engine.owning(partition);
        self.new_payees = NewPayees::owning(partition);
        self.passed_on = PassedOn::owning(partition);
        self
    }

    /// The mule model the check scores payees with, if any.
    pub fn model(&self) -> Option<&Arc<MuleModel>> {
        self.model.as_ref()
    }

    /// The same checker, scoring each payee with `model`'s live stage (`payee.model_score`).
    pub fn with_model(mut self, model: Arc<MuleModel>) -> Checker {
        self.model = Some(model);
        self
    }

    /// The variables rules may use (to load and validate rule sets against).
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// A reusable environment for [`Checker::check`].
    pub fn env(&self) -> Env {
        Env::new(&self.schema)
    }

    /// Takes an executed transfer into the live features (call in time order, after it is stored).
    pub fn record(&mut self, ledger: &Ledger, t: &Transfer) {
        let engine = &self.engine;
        self.passed_on.observe(ledger, t, |half| {
            t.from.is_some_and(|from| engine.received_at_least(from, t.ts, passed_on::FRESH_SECS, half))
        });
        let first = self.engine.observe(ledger, t);
        self.new_payees.observe(ledger, t, first);
    }

    /// Counts only the accounts opened by `now` in the holder features (for replays of history:
    /// see [`FeatureEngine::holders_as_of`]).
    pub fn holders_as_of(&mut self, ledger: &Ledger, now: fanzha_model::Ts) {
        self.engine.holders_as_of(ledger, now);
    }

    /// Account `a`'s own features from everything recorded so far.
    pub fn features(&self, ledger: &Ledger, a: AccountIx) -> OwnFeatures {
        self.engine.features(ledger, a)
    }

    /// The accounts of the holder with this digest (see [`FeatureEngine::holder_accounts`]).
    pub fn holder_accounts(&self, digest: &fanzha_model::HolderDigest) -> &[AccountIx] {
        self.engine.holder_accounts(digest)
    }

    /// The mule model's live score of account `a` as it stands, with up to `reasons` reasons (see
    /// [`live_score`]); `None` without a model and for external accounts.
    pub fn live_score(&self, ledger: &Ledger, a: AccountIx, reasons: usize) -> Option<LiveScore> {
        self.scored(ledger, a, &self.engine.features(ledger, a), reasons)
    }

    /// [`Checker::live_score`] over features already computed.
    fn scored(&self, ledger: &Ledger, a: AccountIx, f: &OwnFeatures, reasons: usize) -> Option<LiveScore> {
        // The model learnt from customer accounts; an external account's features show only the
        // part of its life seen from here (a utility's or a shop's inflows at another bank).
        let model = self.model.as_ref().filter(|_| !ledger.account(a).external)?;
        Some(live_score(model, f, reasons))
    }

    /// Checks `s` against `rules`; `env` is scratch space reused between calls.
    pub fn check(&self, ledger: &Ledger, rules: &RuleSet, s: &Subject<'_>, env: &mut Env) -> Verdict {
        self.fill(ledger, rules, s, env);
        let mut hits = Vec::new();
        rules.evaluate(env, &mut hits);
        let mut fired: Vec<_> = hits.iter().map(|&i| &rules.rules()[i]).collect();
        fired.sort_by(|a, b| b.weight().total_cmp(&a.weight()));
        let verdict = fired.iter().map(|r| decision(r.verdict())).max().unwrap_or(Decision::Pass);
        let score = 1.0 - fired.iter().map(|r| 1.0 - r.weight()).product::<f64>();
        let typology = fired.iter().find_map(|r| r.typology().map(str::to_string));
        let reasons = fired
            .iter()
            .map(|r| {
                let (zh, en) = r.reason(env);
                let evidence = r
                    .evidence(env)
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), serde_json::to_value(value).unwrap_or_default()))
                    .collect();
                Reason {
                    code: r.id().to_string(),
                    message_zh: zh,
                    message_en: en,
                    evidence: serde_json::Value::Object(evidence),
                }
            })
            .collect();
        Verdict { verdict, score, reasons, typology, rule_version: rules.version().to_string() }
    }

    /// Payer `a`'s part of a check of its payment to `payee` at `now` (see [`PayerPart`]).
    pub fn payer_part(&self, a: AccountIx, payee: Option<AccountIx>, now: fanzha_model::Ts) -> PayerPart {
        let mut part = PayerPart { day: self.engine.recent(a, now, DAY), ..PayerPart::default() };
        for x in self.new_payees.paid(a, now).filter(|&x| Some(x) != payee) {
            part.new_payees_7d += 1;
            if let Some(flag) = self.suspects.get(x) {
                part.new_payees_flagged_7d += 1;
                let top = part.new_payees_flagged_score_7d.get_or_insert(flag.score);
                *top = top.max(flag.score);
            }
        }
        part
    }

    /// Sets every variable for `s` (the model's live score only when `rules` read it).
    fn fill(&self, ledger: &Ledger, rules: &RuleSet, s: &Subject<'_>, env: &mut Env) {
        let v = &self.vars;
        let t = s.transfer;
        let now = t.ts;
        env.clear();
        env.set_number(v.amount_fen, t.amount.0 as f64);
        env.set_number(v.hour, f64::from(now.beijing_hour()));
        env.set_text(v.channel, t.channel.map_or("", |c| c.as_str()));
        env.set_text(v.kind, t.kind.as_str());
        env.set_text(v.memo, t.memo.as_deref().unwrap_or(""));
        env.set_bool(v.cross_border, t.cross_border);
        let first_paid = t.from.zip(t.to).and_then(|(f, d)| self.engine.first_paid(f, d));
        env.set_bool(v.first_time_pair, first_paid.is_none());
        env.set_opt_number(v.pair_first_paid_hours, first_paid.map(|at| (now.0 - at.0).max(0) as f64 / 3_600.0));
        env.set_bool(v.pair_standing, first_paid.is_some_and(|at| now.0 - at.0 >= STANDING));
        let bank = |a: Option<AccountIx>| a.and_then(|a| ledger.account(a).bank);
        env.set_bool(v.same_bank, bank(t.from).is_some() && bank(t.from) == bank(t.to));
        env.set_bool(v.same_holder, t.from.zip(t.to).is_some_and(|(f, d)| ledger.same_holder(f, d)));

        let listed =
            |list, kind, value: Option<&str>| value.is_some_and(|x| self.lists.lookup(list, kind, x, now).is_some());
        let holder_hex =
            |a: Option<AccountIx>| a.and_then(|a| ledger.account(a).holder.as_ref()).map(|h| h.digest.to_string());
        let age_days = |a: Option<AccountIx>| a.and_then(|a| ledger.account(a).opened_at).map(|o| days_since(o, now));

        // Payer.
        let ctx = s.payer;
        env.set_bool(v.payer_known, t.from.is_some_and(|a| !ledger.account(a).external));
        env.set_opt_number(v.payer_age, ctx.and_then(|c| c.age).map(f64::from));
        env.set_bool(v.payer_new_device, ctx.and_then(|c| c.new_device).unwrap_or(false));
        env.set_bool(v.payer_on_call, ctx.and_then(|c| c.on_call).unwrap_or(false));
        env.set_opt_number(v.payer_account_age_days, age_days(t.from));
        if let Some(p) = s.payer_part.or_else(|| t.from.map(|a| self.payer_part(a, t.to, now))) {
            env.set_number(v.payer_outflows_24h, f64::from(p.day.outflows));
            env.set_number(v.payer_out_24h_fen, p.day.out_fen.0 as f64);
            env.set_number(v.payer_new_payees_7d, f64::from(p.new_payees_7d));
            env.set_number(v.payer_new_payees_flagged_7d, f64::from(p.new_payees_flagged_7d));
            env.set_opt_number(v.payer_new_payees_flagged_score_7d, p.new_payees_flagged_score_7d);
        }
        let payer_holder = holder_hex(t.from);
        for (var, list) in [(v.payer_listed_block, ListName::Block), (v.payer_listed_watch, ListName::Watch)] {
            let on =
                listed(list, EntryKind::Account, s.from_id) || listed(list, EntryKind::Holder, payer_holder.as_deref());
            env.set_bool(var, on);
        }
        let phone = ctx.and_then(|c| c.phone.as_deref());
        env.set_bool(v.payer_phone_listed_block, listed(ListName::Block, EntryKind::Phone, phone));
        env.set_bool(v.payer_phone_listed_watch, listed(ListName::Watch, EntryKind::Phone, phone));

        // Payee.
        env.set_bool(v.payee_known, t.to.is_some_and(|a| !ledger.account(a).external));
        env.set_bool(v.payee_company, t.to.is_some_and(|a| ledger.account(a).class == Some(AccountClass::Corp)));
        env.set_opt_number(v.payee_age_days, age_days(t.to));
        if let Some(a) = t.to {
            let r = self.engine.recent(a, now, DAY);
            env.set_number(v.payee_fan_in_24h, f64::from(r.payers));
            env.set_number(v.payee_inflows_24h, f64::from(r.inflows));
            env.set_number(v.payee_in_24h_fen, r.in_fen.0 as f64);
            let f = self.engine.features(ledger, a);
            env.set_number(v.payee_in_count, f[ix::IN_COUNT]);
            let history = ledger.history_from(a).map(|from| days_since(from, now));
            env.set_opt_number(v.payee_history_days, history);
            env.set_opt_number(v.payee_in_per_day, history.map(|d| f[ix::IN_COUNT] / d.max(1.0)));
            env.set_number(v.payee_pass_through, f[ix::PASS_THROUGH]);
            env.set_number(v.payee_near_zero_ratio, f[ix::NEAR_ZERO]);
            env.set_opt_number(v.payee_out_in_ratio, known(f[ix::OUT_IN_RATIO]));
            env.set_number(v.payee_night_share, f[ix::NIGHT_SHARE]);
            env.set_number(v.payee_holder_accounts, f[ix::HOLDER_ACCOUNTS]);
            env.set_number(v.payee_holder_opened_30d, f[ix::HOLDER_OPENED_30D]);
            env.set_number(v.payee_mule_rules, mule_rules::apply(&self.mule, &f).0);
            let suspect = self.suspects.get(a);
            env.set_bool(v.payee_flagged_mule, suspect.is_some());
            env.set_bool(v.payee_confirmed_mule, self.suspects.confirmed(a));
            env.set_opt_number(v.payee_mule_score, suspect.map(|s| s.score));
            env.set_bool(v.payee_flagged_card_farmer, suspect.is_some_and(Suspect::card_farming));
            // The payee's outflows are read only when a rule reads what they say (no shipped rule does).
            if rules.reads(v.payee_paid_flagged_24h) || rules.reads(v.payee_paid_flagged_score_24h) {
                let mut fed: Vec<(AccountIx, f64)> = self
                    .engine
                    .recent_payees(a, now, DAY)
                    .filter_map(|p| self.suspects.get(p).map(|s| (p, s.score)))
                    .collect();
                fed.sort_unstable_by_key(|f| f.0);
                fed.dedup_by_key(|f| f.0);
                env.set_number(v.payee_paid_flagged_24h, fed.len() as f64);
                env.set_opt_number(v.payee_paid_flagged_score_24h, fed.iter().map(|f| f.1).reduce(f64::max));
            }
            if rules.reads(v.payee_passed_to_confirmed_3d) {
                let mut fed: Vec<AccountIx> =
                    self.passed_on.paid(a, now).filter(|&x| self.suspects.confirmed(x)).collect();
                fed.sort_unstable();
                fed.dedup();
                env.set_number(v.payee_passed_to_confirmed_3d, fed.len() as f64);
            }
            env.set_text(v.payee_mule_reason_zh, suspect.map_or("", Suspect::reason_zh));
            env.set_text(v.payee_mule_reason_en, suspect.map_or("", Suspect::reason_en));
            // Scoring takes most of a check's time: only when a rule reads the score or its reason.
            let wanted = rules.reads(v.payee_model_score)
                || rules.reads(v.payee_model_reason_zh)
                || rules.reads(v.payee_model_reason_en);
            if let Some(live) = wanted.then(|| self.scored(ledger, a, &f, 1)).flatten() {
                let first = live.reasons.first();
                env.set_number(v.payee_model_score, live.score);
                env.set_text(v.payee_model_reason_zh, first.map_or("", |r| &r.message_zh));
                env.set_text(v.payee_model_reason_en, first.map_or("", |r| &r.message_en));
            }
            env.set_opt_number(v.payee_new_payers_7d, known(f[ix::NEW_PAYERS_RECENT]));
            env.set_opt_number(v.payee_new_payer_share_7d, known(f[ix::NEW_PAYER_SHARE_RECENT]));
            env.set_opt_number(v.payee_new_payer_share_before, known(f[ix::NEW_PAYER_SHARE_BEFORE]));
            env.set_opt_number(v.payee_pass_through_7d, known(f[ix::PASS_THROUGH_RECENT]));
            env.set_opt_number(v.payee_known_days_before, known(f[ix::KNOWN_DAYS_BEFORE]));
            env.set_opt_number(v.payee_quiet_days_before, self.engine.quiet_days_before_run(ledger, a, now));
            let account = ledger.account(a);
            let home = account.holder.as_ref().and_then(|h| home_province(&h.masked));
            let km =
                |a: Option<Region>, b: Option<Region>| a.zip(b).and_then(|(a, b)| province_km(a, b)).map(f64::round);
            env.set_opt_number(v.payee_home_km, km(account.open_region, home));
            env.set_opt_number(v.pair_open_km, km(t.region, account.open_region));
            env.set_opt_number(v.pair_home_km, km(t.region, home));
            let payer_home =
                t.from.and_then(|f| ledger.account(f).holder.as_ref()).and_then(|h| home_province(&h.masked));
            env.set_opt_number(v.pair_holders_home_km, km(payer_home, home));
        }
        let payee_holder = holder_hex(t.to);
        for (acc, holder, list) in [
            (v.payee_listed_block, v.payee_holder_listed_block, ListName::Block),
            (v.payee_listed_watch, v.payee_holder_listed_watch, ListName::Watch),
        ] {
            env.set_bool(acc, listed(list, EntryKind::Account, s.to_id));
            env.set_bool(holder, listed(list, EntryKind::Holder, payee_holder.as_deref()));
        }
    }
}

/// Days from `from` to `now`. A check dated before `from` (a clock or the data is off: an account
/// opened, or a history begun, after the transfer) sees it as just now, never as a negative span.
fn days_since(from: Ts, now: Ts) -> f64 {
    (now.0 - from.0).max(0) as f64 / DAY as f64
}

/// A feature value, or missing (NaN is how the feature engine says "unknown").
fn known(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

fn decision(v: fanzha_rules::Verdict) -> Decision {
    match v {
        fanzha_rules::Verdict::Warn => Decision::Warn,
        fanzha_rules::Verdict::Hold => Decision::Hold,
        fanzha_rules::Verdict::Block => Decision::Block,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payer_part_reads_as_the_day_it_was_and_back() {
        let day = Recent {
            payers: 1,
            inflows: 2,
            in_fen: fanzha_model::Fen(300),
            payees: 4,
            outflows: 5,
            out_fen: fanzha_model::Fen(600),
        };
        let part =
            PayerPart { day, new_payees_7d: 3, new_payees_flagged_7d: 1, new_payees_flagged_score_7d: Some(0.9) };
        let json = serde_json::to_string(&part).unwrap();
        // A node of the build before asks for the day and reads the day from the answer...
        assert_eq!(serde_json::from_str::<Recent>(&json).unwrap(), day);
        // ...and answers with the day alone, which reads as a part with nothing else known.
        let old = serde_json::to_string(&day).unwrap();
        assert_eq!(serde_json::from_str::<PayerPart>(&old).unwrap(), PayerPart { day, ..PayerPart::default() });
        assert_eq!(serde_json::from_str::<PayerPart>(&json).unwrap(), part);
    }
}
