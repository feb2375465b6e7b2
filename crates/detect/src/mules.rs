//! Mule-account scoring: every active account's features through the rules and the model, with
//! the reasons for each flag (rules that fired and the features that pushed the model most).

use crate::association::{Links, Side};
use crate::cases::{self, CasesConfig};
use crate::catalog::{ix, show, FEATURES, OWN_COUNT};
use crate::context::{self, ContextConfig, Features};
use crate::engine::{span_censored, FeatureConfig, FeatureEngine, OwnFeatures};
use crate::farming::{self, counted, FarmerScore, FarmingConfig};
use crate::labels;
use crate::model::MuleModel;
use crate::odds::{inside, logit, sigmoid};
use crate::rules::{self, Reason, RuleConfig};
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Fen, Ledger, Ts};
use rustc_hash::{FxHashMap, FxHashSet};

/// How the rules and the model are combined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MuleConfig {
    /// Rule thresholds.
    pub rules: RuleConfig,
    /// A rule score at or above this flags an account even when the model does not.
    pub rule_flag: f64,
    /// Model reasons given per flagged account.
    pub model_reasons: usize,
    /// When money from flagged accounts flags the account it lands in.
    pub chain: ChainConfig,
    /// Card farming: the cards of a flagged farmer are flagged too.
    pub farming: FarmingConfig,
    /// Learn from the store's confirmed mule accounts too (see [`crate::cases`]); `None`: never.
    pub cases: Option<CasesConfig>,
}

impl Default for MuleConfig {
    fn default() -> MuleConfig {
        MuleConfig {
            rules: RuleConfig::default(),
            rule_flag: 0.6,
            model_reasons: 3,
            chain: ChainConfig::default(),
            farming: FarmingConfig::default(),
            cases: None,
        }
    }
}

/// One account's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct MuleScore {
    /// The account.
    pub account: AccountIx,
    /// Combined score in [0, 1], at or above 0.5 exactly when flagged: the model's probability and
    /// the rule score, each shifted in log-odds so that its own cut sits at 0.5 (see [`on_cut`]),
    /// whichever is higher. Accounts rank by it the way they are flagged.
    pub score: f64,
    /// The model's probability; when the verdict learned from the store's confirmed cases was
    /// used, taken together with theirs ([`MuleScore::learned`]): the mean of the two log-odds, each
    /// measured from its own cut, placed on the model's threshold.
    pub model: f64,
    /// The probability of being a mule learned from the store's confirmed cases, when their
    /// verdict was used (not when too few, failed or declined).
    pub learned: Option<f64>,
    /// The rules' combined score.
    pub rules: f64,
    /// Flagged by the model's threshold or by the rules.
    pub flagged: bool,
    /// Why, most important first (filled for flagged accounts, or all when asked).
    pub reasons: Vec<Reason>,
}

/// Internal accounts that took part in at least one transfer.
pub fn active_accounts(ledger: &Ledger, engine: &FeatureEngine) -> Vec<AccountIx> {
    (0..ledger.accounts().len())
        .map(AccountIx::of)
        .filter(|&a| !ledger.account(a).external && engine.is_active(a))
        .collect()
}

/// A store's accounts scored together: which, the rows they were scored from, and the verdicts,
/// all in one order.
pub struct Scored {
    /// The accounts scored.
    pub accounts: Vec<AccountIx>,
    /// Their model rows (see [`crate::context::rows`]).
    pub rows: Vec<Features>,
    /// Their verdicts.
    pub scores: Vec<MuleScore>,
    /// The card-farming verdict on every holder with two or more accounts, knowing the run's flags
    /// ([`farming::farmers_with_flags`]); highest score first.
    pub farmers: Vec<FarmerScore>,
    /// What became of learning from the store's confirmed cases, when [`MuleConfig::cases`] asked.
    pub cases: Option<cases::Outcome>,
}

/// The accounts worth scoring: internal accounts that took part in at least one transfer, the
/// cards of `farmers` (cards opened to be sold are mule accounts before their first use), then
/// `extra` (e.g. labelled accounts to evaluate on); each once, in that order.
fn accounts_to_score(
    ledger: &Ledger,
    engine: &FeatureEngine,
    farmers: &[FarmerScore],
    extra: &[AccountIx],
) -> Vec<AccountIx> {
    let mut seen = vec![false; ledger.accounts().len()];
    let active = active_accounts(ledger, engine);
    let cards = farmers.iter().flat_map(|f| f.cards.iter().map(|c| c.account));
    active
        .into_iter()
        .chain(cards)
        .chain(extra.iter().copied())
        .filter(|a| !std::mem::replace(&mut seen[a.0 as usize], true))
        .collect()
}

/// Scores every account worth scoring in `ledger` from the transfers of `graph` up to `until`
/// (all when `None`), with default features: the rules and the model on each account's rows, then
/// what follows from the flags: the cards of flagged card farmers, and accounts that take most of
/// their money from flagged accounts and pass it on within a day (mule chains), followed to a
/// fixed point; then the holders several of whose new accounts are flagged (or one of a burst of
/// openings) are card farmers too,
/// their cards flagged as such, and the chains followed again. `extra` accounts are scored too.
pub fn score_store(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
    extra: &[AccountIx],
) -> Scored {
    let engine = FeatureEngine::replay(ledger, graph, FeatureConfig::default(), until);
    let farmers: Vec<FarmerScore> =
        farming::farmers(ledger, graph, &cfg.farming, until).into_iter().filter(|f| f.flagged).collect();
    let accounts = accounts_to_score(ledger, &engine, &farmers, extra);
    let mut rows = context::rows(&engine, ledger, graph, until, &accounts, &ContextConfig::default());
    let links = Links::new(graph, until, &accounts);
    let (mut scores, cases) = score(ledger, &accounts, &mut rows, &links, model, cfg, explain_all);
    // A behaviour change says since when (the first inflow from a new payer in the recent span).
    let change_code = format!("rule.{}", rules::BEHAVIOUR_CHANGE);
    for s in &mut scores {
        let Some(r) = s.reasons.iter_mut().find(|r| r.code == change_code) else { continue };
        if let Some(day) = engine.changed_since(s.account).map(|t| t.to_rfc3339_shanghai()[..10].to_string()) {
            r.message_zh = format!("自{day}起{}", r.message_zh);
            r.message_en = format!("since {day}: {}", r.message_en);
        }
    }
    let verdict = Verdict { threshold: model.threshold, rule_flag: cfg.rule_flag };
    let position: FxHashMap<AccountIx, usize> = accounts.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    for f in &farmers {
        for card in &f.cards {
            verdict.add(&mut scores[position[&card.account]], card_farmer_reason(f));
        }
    }
    follow_chains(ledger, graph, until, &position, &rows, &mut scores, &cfg.chain, verdict);
    let farmers = farmers_from_flags(ledger, graph, until, &cfg.farming, &position, &mut scores, verdict);
    if farmers.iter().any(|f| f.flagged_cards > 0) {
        follow_chains(ledger, graph, until, &position, &rows, &mut scores, &cfg.chain, verdict);
    }
    Scored { accounts, rows, scores, farmers, cases }
}

/// Every holder's card-farming verdict knowing which accounts `scores` flag; the scored cards of
/// holders named for their flagged cards get the card-farmer reason (cards never used are not
/// scored: a check has nothing to ask about them).
fn farmers_from_flags(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    cfg: &FarmingConfig,
    position: &FxHashMap<AccountIx, usize>,
    scores: &mut [MuleScore],
    verdict: Verdict,
) -> Vec<FarmerScore> {
    let flagged: FxHashSet<AccountIx> = scores.iter().filter(|s| s.flagged).map(|s| s.account).collect();
    let all = farming::farmers_with_flags(ledger, graph, cfg, until, &flagged);
    for f in all.iter().filter(|f| f.flagged_cards > 0) {
        for p in f.cards.iter().filter_map(|c| position.get(&c.account)) {
            verdict.add(&mut scores[*p], card_farmer_reason(f));
        }
    }
    all
}

/// [`score_store`] without extra accounts: the verdicts alone.
pub fn score_all(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
) -> Vec<MuleScore> {
    score_store(ledger, graph, until, model, cfg, explain_all, &[]).scores
}

/// When money from flagged accounts flags the account it lands in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChainConfig {
    /// Least money (fen) in from flagged accounts…
    pub min_inflow: Fen,
    /// …making up at least this share of all the account's inflow…
    pub min_share: f64,
    /// …when the account passed at least this share of its inflow on (or took it out) within a day.
    pub min_pass_through_day: f64,
    /// Rounds of following (a chain of mules flags one more hop per round).
    pub max_rounds: usize,
}

impl Default for ChainConfig {
    fn default() -> ChainConfig {
        ChainConfig { min_inflow: Fen(300_000), min_share: 0.5, min_pass_through_day: 0.6, max_rounds: 8 }
    }
}

/// The two cuts a verdict is taken at.
#[derive(Clone, Copy)]
struct Verdict {
    threshold: f64,
    rule_flag: f64,
}

impl Verdict {
    /// Flagged by the model's threshold or by the rules.
    fn flagged(self, model: f64, rules: f64) -> bool {
        model >= self.threshold || rules >= self.rule_flag
    }

    /// The combined score (see [`MuleScore::score`]).
    fn score(self, model: f64, rules: f64) -> f64 {
        on_cut(model, self.threshold).max(on_cut(rules, self.rule_flag))
    }

    /// Adds a rule's reason to a verdict: the rule score, the flag and the combined score follow.
    fn add(self, s: &mut MuleScore, reason: Reason) {
        if s.reasons.iter().any(|r| r.code == reason.code) {
            return;
        }
        s.rules = 1.0 - (1.0 - s.rules) * (1.0 - reason.weight);
        s.flagged = self.flagged(s.model, s.rules);
        s.score = self.score(s.model, s.rules);
        let at = s.reasons.iter().position(|r| r.weight < reason.weight).unwrap_or(s.reasons.len());
        s.reasons.insert(at, reason);
    }
}

/// The reason given to each card of a flagged card farmer.
fn card_farmer_reason(f: &FarmerScore) -> Reason {
    let (zh, en) = match f.flagged_cards {
        0 => (String::new(), String::new()),
        k => (format!(",其中{k}个已被识别为涉诈账户"), format!(", {k} of them flagged as mule accounts")),
    };
    Reason {
        code: format!("rule.{CARD_FARMER}"),
        message_zh: format!(
            "持卡人{}疑似批量开卡:{}天内开立{}个账户,涉及{}家银行、{}个城市{zh}",
            f.masked, f.window_days, f.opened_in_window, f.banks, f.cities
        ),
        message_en: format!(
            "the holder {} looks like a card farmer: {} opened within {} at {} in {}{en}",
            f.masked,
            counted(f.opened_in_window, "account", "accounts"),
            counted(f.window_days.max(0) as usize, "day", "days"),
            counted(f.banks, "bank", "banks"),
            counted(f.cities, "city", "cities")
        ),
        weight: CHAIN_WEIGHT,
        counterparty: None,
    }
}

/// The code (after `rule.`) of the reason given to a card farmer's cards.
pub const CARD_FARMER: &str = "card_farmer";
/// The code (after `rule.`) of the reason given to a hop of a mule chain.
pub const MULE_CHAIN: &str = "mule_chain";
/// The weight of [`CARD_FARMER`] and [`MULE_CHAIN`]: enough to flag on its own.
const CHAIN_WEIGHT: f64 = 0.6;

/// Flags, round by round, accounts that took most of their money from flagged accounts and passed
/// it on within a day, naming the flagged payer that sent most.
#[allow(clippy::too_many_arguments)]
fn follow_chains(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    position: &FxHashMap<AccountIx, usize>,
    rows: &[Features],
    scores: &mut [MuleScore],
    cfg: &ChainConfig,
    verdict: Verdict,
) {
    let until = until.unwrap_or(Ts(i64::MAX));
    // Whom to look at: every account in the first round; after it, only the payees of the
    // accounts the round before flagged (nothing else about anyone changed).
    let mut candidates: Vec<usize> = (0..scores.len()).collect();
    for _ in 0..cfg.max_rounds {
        let mut found = Vec::new();
        for &i in &candidates {
            let s = &scores[i];
            // A missing pass-through (no inflow) never passes the bar.
            let passes_on = rows[i][ix::PASS_THROUGH_DAY] >= cfg.min_pass_through_day;
            if s.flagged || !passes_on {
                continue;
            }
            let (mut total, mut from_flagged) = (0i64, 0i64);
            let mut by_payer: FxHashMap<AccountIx, i64> = FxHashMap::default();
            for &e in graph.in_edges(s.account) {
                let edge = graph.edge(EdgeIx(e));
                if edge.ts > until {
                    break;
                }
                total += edge.amount.0;
                let Some(payer) = edge.src.filter(|p| position.get(p).is_some_and(|&j| scores[j].flagged)) else {
                    continue;
                };
                from_flagged += edge.amount.0;
                *by_payer.entry(payer).or_default() += edge.amount.0;
            }
            if from_flagged < cfg.min_inflow.0 || (from_flagged as f64) < cfg.min_share * total as f64 {
                continue;
            }
            let (payer, _) = by_payer.into_iter().max_by_key(|&(p, v)| (v, std::cmp::Reverse(p.0))).expect("some");
            found.push((i, payer, from_flagged, from_flagged as f64 / total as f64, rows[i][ix::PASS_THROUGH_DAY]));
        }
        if found.is_empty() {
            return;
        }
        candidates.clear();
        for &(i, ..) in &found {
            for &e in graph.out_edges(scores[i].account) {
                let edge = graph.edge(EdgeIx(e));
                if edge.ts > until {
                    break;
                }
                candidates.extend(edge.dst.and_then(|d| position.get(&d).copied()));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for (i, payer, amount, share, day) in found {
            let (payer, yuan) = (ledger.account_id(payer), Fen(amount).to_string());
            let reason = Reason {
                code: format!("rule.{MULE_CHAIN}"),
                message_zh: format!(
                    "从已标记账户{payer}等收到{yuan}元(占转入{:.0}%),{:.0}%在一天内转出或取现",
                    share * 100.0,
                    day * 100.0
                ),
                message_en: format!(
                    "took {yuan} yuan from flagged accounts such as {payer} ({:.0}% of its inflow) and passed {:.0}% on within a day",
                    share * 100.0,
                    day * 100.0
                ),
                weight: CHAIN_WEIGHT,
                counterparty: Some(payer.to_string()),
            };
            verdict.add(&mut scores[i], reason);
        }
    }
}

/// Scores `accounts` from their rows (see [`crate::context::rows`]) and the links among them (the
/// model fills the rows' association columns); reasons are filled for flagged accounts, or for all
/// when `explain_all`. A reason about the company an account keeps names its most suspect payer or
/// payee (account numbers from `ledger`).
pub fn score(
    ledger: &Ledger,
    accounts: &[AccountIx],
    rows: &mut [Features],
    links: &Links,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
) -> (Vec<MuleScore>, Option<cases::Outcome>) {
    let (first, shipped) = model.stages(rows, links);
    let verdict = Verdict { threshold: model.threshold, rule_flag: cfg.rule_flag };
    let ruled: Vec<(f64, Vec<Reason>)> = rows
        .iter()
        .map(|f| {
            let own: &OwnFeatures = f[..OWN_COUNT].try_into().expect("rows start with the own features");
            rules::apply(&cfg.rules, own)
        })
        .collect();
    let mut outcome = None;
    let mut learned = None;
    let mut probs = shipped;
    if let Some(c) = &cfg.cases {
        match learned_from_cases(ledger, accounts, rows, &probs, c) {
            Err(why) => outcome = Some(why),
            Ok(l) => {
                // An account the cases could not score (its fold unfitted) keeps the shipped verdict.
                let combined: Vec<f64> = probs
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| together(p, l.probability(i).unwrap_or(0.5), model.threshold))
                    .collect();
                let flags = |p: &[f64]| -> Vec<bool> {
                    p.iter().zip(&ruled).map(|(&p, (r, _))| verdict.flagged(p, *r)).collect()
                };
                let (used, told) = l.judged(cleared_share(&flags(&probs), &flags(&combined)), c);
                outcome = Some(told);
                if used {
                    probs = combined;
                    learned = Some(l);
                }
            }
        }
    }
    let learned = learned.as_ref();
    let company = Company { ledger, accounts, links, first: &first };
    let scores = accounts
        .iter()
        .enumerate()
        .zip(rows.iter().zip(probs).zip(ruled))
        .map(|((i, &account), ((f, p), (r, fired)))| {
            let q = learned.and_then(|l| l.probability(i));
            let flagged = verdict.flagged(p, r);
            let mut reasons = Vec::new();
            if flagged || explain_all {
                reasons = fired;
                let contributions = model.contributions(f);
                reasons.extend(feature_reasons(&contributions, f, cfg.model_reasons, |c| company.suspect(i, c)));
                if let (Some(q), Some(l)) = (q.filter(|&q| q >= 0.5), learned) {
                    reasons.insert(0, cases_reason(q, l.cases));
                } else if flagged && reasons.is_empty() {
                    reasons.push(score_reason(p, model.threshold));
                }
            }
            MuleScore { account, score: verdict.score(p, r), model: p, learned: q, rules: r, flagged, reasons }
        })
        .collect();
    (scores, outcome)
}

/// Share of the flags in `before` that are not in `after` (0 when `before` has none).
fn cleared_share(before: &[bool], after: &[bool]) -> f64 {
    let flagged = before.iter().filter(|&&b| b).count();
    let cleared = before.iter().zip(after).filter(|&(&b, &a)| b && !a).count();
    if flagged == 0 {
        0.0
    } else {
        cleared as f64 / flagged as f64
    }
}

/// The shipped model's probability `p` (cut at `threshold`) and the one learned from the store's
/// cases `q` (cut at one half) taken together: the mean of their log-odds, each measured from its
/// cut, placed back on `threshold`. At or above `threshold` exactly when the two log-odds
/// distances sum to zero or more: a confident verdict of either outweighs a hesitant one of the
/// other.
///
/// Probabilities are kept 1e-9 from 0 and 1, so a learned probability of 1 (a score at or above
/// the confirmed accounts' mean) or 0 weighs about 20.7 in log-odds and decides the verdict unless
/// the shipped model is as sure the other way.
fn together(p: f64, q: f64, threshold: f64) -> f64 {
    let cut = logit(inside(threshold));
    let distance = logit(inside(p)) - cut + logit(inside(q));
    let placed = sigmoid(cut + distance / 2.0);
    // Rounding next to the cut must not move an account across it.
    if distance >= 0.0 {
        placed.max(threshold)
    } else {
        placed.min(f64::from_bits(threshold.to_bits().saturating_sub(1)))
    }
}

/// What learning from the store's confirmed mule accounts ([`cases::learn`]) gave for `accounts`,
/// or why nothing was learned.
fn learned_from_cases(
    ledger: &Ledger,
    accounts: &[AccountIx],
    rows: &[Features],
    shipped: &[f64],
    cfg: &CasesConfig,
) -> Result<cases::Learned, cases::Outcome> {
    let confirmed = labels::confirmed_mules(ledger, cfg.confirmed_by);
    let is_case: Vec<bool> = accounts.iter().map(|a| confirmed.contains(a)).collect();
    cases::learn(rows, shipped, &is_case, cfg)
}

/// The reason given to an account that the store's confirmed cases make probably a mule.
fn cases_reason(q: f64, cases: usize) -> Reason {
    Reason {
        code: format!("cases.{CONFIRMED_LIKE}"),
        message_zh: format!("与本库{cases}个已确认涉诈账户相似:据此学得的涉诈概率为{:.0}%", q * 100.0),
        message_en: format!(
            "looks like the {cases} confirmed mule accounts of this store: learned from them, the probability of being a mule is {:.0}%",
            q * 100.0
        ),
        weight: q,
        counterparty: None,
    }
}

/// The code (after `cases.`) of the reason an account gets from the store's confirmed cases.
pub const CONFIRMED_LIKE: &str = "confirmed_like";

/// `x` in [0, 1] shifted in log-odds so that `cut` lands on 0.5: `σ(logit x − logit cut)`. Order is
/// kept, 0 and 1 stay put, and the result is ≥ 0.5 exactly when `x ≥ cut`, also at the edges
/// (a cut of 0 or 1, rounding next to the cut).
pub fn on_cut(x: f64, cut: f64) -> f64 {
    const BELOW_HALF: f64 = 0.5 - f64::EPSILON / 4.0;
    let shifted = if x <= 0.0 || x >= 1.0 { x.clamp(0.0, 1.0) } else { sigmoid(logit(x) - logit(inside(cut))) };
    if x >= cut {
        shifted.max(0.5)
    } else {
        shifted.min(BELOW_HALF)
    }
}

/// What scoring knows about the company each account keeps.
struct Company<'a> {
    ledger: &'a Ledger,
    accounts: &'a [AccountIx],
    links: &'a Links,
    first: &'a [f64],
}

impl Company<'_> {
    /// For an association column of the account at `i`: the most suspect counterparty on the side
    /// the column looks at, as (side, account number, first-stage score, transfers).
    fn suspect(&self, i: usize, column: usize) -> Option<(Side, &str, f64, u32)> {
        let side = Side::of_column(column)?;
        let s = self.links.most_suspect(i, side, self.first)?;
        Some((side, self.ledger.account_id(self.accounts[s.position]), s.score, s.transfers))
    }
}

/// The live stage's verdict on one account from its own features as they stand now (see
/// [`MuleModel::live_probability`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LiveScore {
    /// The live stage's probability shifted so that its cut sits at 0.5 (see [`on_cut`]): flagged
    /// at or above 0.5.
    pub score: f64,
    /// For a flagged account, the features that raised the score most, or else the score and the
    /// cut; empty when not flagged.
    pub reasons: Vec<Reason>,
}

/// Scores an account's own features with the model's live stage; up to `reasons` reasons when
/// flagged.
pub fn live_score(model: &MuleModel, own: &OwnFeatures, reasons: usize) -> LiveScore {
    let p = model.live_probability(own);
    let mut why = Vec::new();
    if p >= model.live_threshold {
        why = feature_reasons(&model.live_contributions(own), own, reasons, |_| None);
        if why.is_empty() {
            why.push(score_reason(p, model.live_threshold));
        }
    }
    LiveScore { score: on_cut(p, model.live_threshold), reasons: why }
}

/// The features (the first `values.len()` of [`FEATURES`]) with a value that raised a score most,
/// by their `contributions`, as sentences with their values; `suspect` names the counterparty
/// behind an association column.
fn feature_reasons<'a>(
    contributions: &[f64],
    values: &[f64],
    n: usize,
    suspect: impl Fn(usize) -> Option<(Side, &'a str, f64, u32)>,
) -> Vec<Reason> {
    // A missing value ("has no payees") moves the model but is no fact to check: left out, as is a
    // censored one ([`censored`]). Small contributions are left out too, unless nothing larger
    // raised the score.
    let mut order: Vec<usize> = (0..values.len())
        .filter(|&i| contributions[i] >= MIN_SHOWN_CONTRIBUTION && !values[i].is_nan() && !censored(i, values))
        .collect();
    order.sort_by(|&a, &b| contributions[b].total_cmp(&contributions[a]));
    let large = order.iter().take_while(|&&i| contributions[i] > MIN_CONTRIBUTION).count();
    order
        .into_iter()
        .take(n.min(large.max(1)))
        .map(|i| {
            let info = &FEATURES[i];
            let mut message_zh =
                format!("{}为{}(模型贡献 +{:.2})", info.zh, show(info, values[i], true), contributions[i]);
            let mut message_en = format!(
                "{} is {} (adds {:.2} to the model's log-odds)",
                info.en,
                show(info, values[i], false),
                contributions[i]
            );
            let who = suspect(i);
            if let Some((side, account, score, transfers)) = who {
                let pct = score * 100.0;
                let (zh, en) = match side {
                    Side::Payers => ("转入方", "payer"),
                    Side::Payees => ("收款方", "payee"),
                };
                message_zh.push_str(&format!(";最可疑的{zh}为{account}(初评分{pct:.0}%,{transfers}笔)"));
                message_en.push_str(&format!(
                    "; most suspect {en}: {account} (first-stage score {pct:.0}%, {transfers} transfers)"
                ));
            }
            Reason {
                code: format!("model.{}", info.name),
                message_zh,
                message_en,
                weight: contributions[i],
                counterparty: who.map(|w| w.1.to_string()),
            }
        })
        .collect()
}

/// Whether feature `i`'s value in `values` (an account's row) is only a bound on the fact its
/// sentence states, so that it is no reason to give: the span between first and last transaction
/// where [`span_censored`] (decision 41 in bench/out/generalize-decisions.md).
fn censored(i: usize, values: &[f64]) -> bool {
    i == ix::ACTIVE_DAYS && span_censored(values)
}

/// The smallest contribution to the log-odds worth a reason of its own.
const MIN_CONTRIBUTION: f64 = 0.05;
/// The smallest contribution shown at all (as the one reason when none reaches [`MIN_CONTRIBUTION`]):
/// it prints as at least "+0.01".
const MIN_SHOWN_CONTRIBUTION: f64 = 0.005;

/// The reason of last resort for an account the model flags with no feature value that raised its
/// score (its score comes from the model's base rate and missing values): the score and the cut.
fn score_reason(p: f64, threshold: f64) -> Reason {
    let (pct, cut) = (p * 100.0, threshold * 100.0);
    Reason {
        code: "model.score".into(),
        message_zh: format!("模型评分{pct:.0}%,不低于阈值{cut:.0}%(没有单项特征明显抬高评分)"),
        message_en: format!(
            "model score {pct:.0}% is at or above the threshold {cut:.0}% (no single feature stands out)"
        ),
        weight: 0.0,
        counterparty: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::catalog::FEATURE_COUNT;
    use crate::testing::{ledger, population, trained_on_population, T0};
    use fanzha_model::{Event, Label, LabelTarget};

    /// A verdict of nothing: not flagged, every score 0.
    fn unflagged(account: AccountIx) -> MuleScore {
        MuleScore { account, score: 0.0, model: 0.0, learned: None, rules: 0.0, flagged: false, reasons: vec![] }
    }

    /// [`population`]`(2)` scored by a model trained on [`population`]`(1)` (account `k` is `A{k}`),
    /// with each account's kind.
    fn scored_population() -> (Vec<MuleScore>, Vec<u8>) {
        scored_population_at(None)
    }

    /// As [`scored_population`], with the model's threshold set to `threshold` when given.
    fn scored_population_at(threshold: Option<f64>) -> (Vec<MuleScore>, Vec<u8>) {
        let mut model = trained_on_population(1);
        model.threshold = threshold.unwrap_or(model.threshold);
        let (mut rows, links, kinds) = population(2);
        let l = ledger(kinds.len(), &[]);
        let accounts: Vec<AccountIx> = (0..kinds.len()).map(AccountIx::of).collect();
        (score(&l, &accounts, &mut rows, &links, &model, &MuleConfig::default(), false).0, kinds)
    }

    #[test]
    fn with_too_few_confirmed_cases_the_shipped_model_alone_scores_and_the_run_says_so() {
        let model = trained_on_population(1);
        let (rows, links, kinds) = population(2);
        let l = ledger(kinds.len(), &[]);
        let accounts: Vec<AccountIx> = (0..kinds.len()).map(AccountIx::of).collect();
        let run = |cfg: &MuleConfig| score(&l, &accounts, &mut rows.clone(), &links, &model, cfg, false);
        let (plain, none) = run(&MuleConfig::default());
        assert_eq!(none, None, "not asked");
        let asked = MuleConfig { cases: Some(CasesConfig::default()), ..MuleConfig::default() };
        let (with, outcome) = run(&asked);
        assert_eq!(outcome, Some(cases::Outcome::TooFew { cases: 0, needed: 30 }));
        assert_eq!(with, plain);
    }

    #[test]
    fn a_declined_verdict_leaves_the_shipped_one_exactly() {
        // Population 2 with every other seed (kind 1) confirmed: enough cases to learn from.
        let model = trained_on_population(1);
        let (rows, links, kinds) = population(2);
        let mut l = ledger(kinds.len(), &[]);
        let seeds = (0..kinds.len()).filter(|&i| kinds[i] == 1).step_by(2);
        for i in seeds {
            let label = Label { target: LabelTarget::Account(AccountIx::of(i)), name: "mule".into() };
            l.apply(Event::Label(label));
        }
        let accounts: Vec<AccountIx> = (0..kinds.len()).map(AccountIx::of).collect();
        let run = |cfg: &MuleConfig| score(&l, &accounts, &mut rows.clone(), &links, &model, cfg, false);
        let (plain, _) = run(&MuleConfig::default());
        let never_enough = CasesConfig { min_cleared: 2.0, ..CasesConfig::default() };
        let (declined, outcome) = run(&MuleConfig { cases: Some(never_enough), ..MuleConfig::default() });
        assert!(matches!(outcome, Some(cases::Outcome::Declined { needed: 2.0, .. })), "{outcome:?}");
        assert_eq!(declined, plain);
        let (used, outcome) = run(&MuleConfig { cases: Some(CasesConfig::default()), ..MuleConfig::default() });
        assert!(matches!(outcome, Some(cases::Outcome::Learned { .. })), "{outcome:?}");
        assert!(used.iter().all(|s| s.learned.is_some()), "the learned verdict is shown where it is used");
        // As of a moment when no reported money had reached them, none is confirmed yet.
        let early = CasesConfig { confirmed_by: Some(Ts(0)), ..CasesConfig::default() };
        let (early, outcome) = run(&MuleConfig { cases: Some(early), ..MuleConfig::default() });
        assert_eq!(outcome, Some(cases::Outcome::TooFew { cases: 0, needed: 30 }));
        assert_eq!(early, plain);
    }

    #[test]
    fn the_cleared_share_counts_flags_lost_not_flags_gained() {
        let before = [true, true, true, true, false, false];
        let after = [true, false, true, true, true, true];
        assert_eq!(cleared_share(&before, &after), 0.25);
        assert_eq!(cleared_share(&[false, false], &[true, true]), 0.0, "nothing flagged before");
    }

    #[test]
    fn every_flagged_account_says_why() {
        // A cut of 0 flags every account, also the plainly normal ones, whose features all lower
        // the score: each still gets a reason.
        let (scores, kinds) = scored_population_at(Some(0.0));
        assert!(scores.iter().all(|s| s.flagged));
        for (s, k) in scores.iter().zip(&kinds) {
            assert!(!s.reasons.is_empty(), "kind {k}: {s:?}");
        }
        assert!(scores.iter().any(|s| s.reasons.iter().any(|r| r.code == "model.score")), "the last resort is reached");
    }

    #[test]
    fn the_combined_score_is_at_least_a_half_exactly_when_flagged() {
        assert!(on_cut(0.0, 0.0) >= 0.5 && on_cut(1.0, 1.5) < 0.5, "cuts at and past the ends");
        for cut in [0.05, 0.3, 0.5, 0.6, 0.97] {
            assert_eq!(on_cut(cut, cut), 0.5);
            assert!(on_cut(cut - 1e-12, cut) < 0.5);
            assert_eq!((on_cut(0.0, cut), on_cut(1.0, cut)), (0.0, 1.0));
            let xs: Vec<f64> = (0..=100).map(|i| f64::from(i) / 100.0).collect();
            for w in xs.windows(2) {
                assert!(on_cut(w[0], cut) < on_cut(w[1], cut), "order kept at {cut}");
                assert_eq!(w[1] >= cut, on_cut(w[1], cut) >= 0.5, "{} at {cut}", w[1]);
            }
        }
        let (scores, _) = scored_population();
        assert!(scores.iter().any(|s| s.flagged) && scores.iter().any(|s| !s.flagged));
        assert!(scores.iter().all(|s| s.flagged == (s.score >= 0.5)));
    }

    #[test]
    fn reasons_about_the_company_name_the_most_suspect_counterparty() {
        let (scores, kinds) = scored_population();
        let quiet = scores.iter().zip(&kinds).filter(|(s, &k)| k == 2 && s.flagged).map(|x| x.0);
        let mut named = 0;
        for s in quiet {
            let r = s.reasons.iter().find(|r| r.counterparty.is_some()).expect("a reason names a payer");
            let who = r.counterparty.as_deref().unwrap();
            let k: usize = who.trim_start_matches('A').parse().unwrap();
            assert_eq!(kinds[k], 1, "the named payer is one of the standing-out accounts");
            assert!(r.message_zh.contains(&format!("最可疑的转入方为{who}")), "{}", r.message_zh);
            assert!(r.message_en.contains(&format!("most suspect payer: {who}")), "{}", r.message_en);
            named += 1;
        }
        assert!(named >= 90, "quiet mules flagged with a named payer: {named}");
        let missing = scores.iter().flat_map(|s| &s.reasons).filter(|r| r.message_en.contains(" is n/a ")).count();
        assert_eq!(missing, 0, "reasons state facts, not missing values");
    }

    #[test]
    fn the_span_of_use_is_a_reason_only_when_the_first_use_is_in_the_data() {
        // The span between first and last transaction raised the score most, night activity less.
        let mut contributions = [0.0; OWN_COUNT];
        contributions[ix::ACTIVE_DAYS] = 2.0;
        contributions[ix::NIGHT_SHARE] = 0.5;
        let mut values = [f64::NAN; OWN_COUNT];
        values[ix::ACTIVE_DAYS] = 1.8;
        values[ix::NIGHT_SHARE] = 0.6;
        let codes = |values: &[f64]| -> Vec<String> {
            feature_reasons(&contributions, values, 3, |_| None).into_iter().map(|r| r.code).collect()
        };
        // Opened before its history starts (or with no opening date): its quiet time after opening
        // is unknown, so 1.8 days is only the data's tail of its life and no reason.
        assert_eq!(codes(&values), ["model.night_share"]);
        // Opened inside the history, first used 3 days later: the span is its life in the data.
        values[ix::QUIET_DAYS_AFTER_OPEN] = 3.0;
        assert_eq!(codes(&values), ["model.active_days", "model.night_share"]);
    }

    #[test]
    fn money_from_flagged_accounts_flags_the_hops_that_pass_it_on() {
        // A0 is flagged; A1 takes 5,000 from it and passes it on to A2 within hours, A2 to cash;
        // A3 takes as much from A0 but keeps it; A4 takes a little from A0 among much from A3.
        let transfers = [(0, 1, 0, 5_000), (1, 2, 2, 4_900), (0, 3, 0, 5_000), (0, 4, 1, 1_000), (3, 4, 1, 9_000)];
        let l = ledger(5, &transfers);
        let graph = TemporalGraph::build(&l);
        let accounts: Vec<AccountIx> = (0..5).map(AccountIx).collect();
        let position = accounts.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let mut rows = vec![[f64::NAN; FEATURE_COUNT]; 5];
        for (row, day) in rows.iter_mut().zip([0.0, 0.98, 0.9, 0.1, 0.95]) {
            row[ix::PASS_THROUGH_DAY] = day;
        }
        let verdict = Verdict { threshold: 0.5, rule_flag: 0.6 };
        let mut scores: Vec<MuleScore> = accounts.iter().map(|&account| unflagged(account)).collect();
        scores[0] = MuleScore { model: 0.9, score: on_cut(0.9, 0.5), flagged: true, ..scores[0].clone() };
        follow_chains(&l, &graph, None, &position, &rows, &mut scores, &ChainConfig::default(), verdict);
        let flagged: Vec<bool> = scores.iter().map(|s| s.flagged).collect();
        assert_eq!(flagged, [true, true, true, false, false]);
        for (s, payer, yuan) in [(&scores[1], "A0", "5000.00"), (&scores[2], "A1", "4900.00")] {
            let r = &s.reasons[0];
            assert_eq!(r.code, "rule.mule_chain");
            assert_eq!(r.counterparty.as_deref(), Some(payer));
            assert!(r.message_zh.contains(&format!("{payer}等收到{yuan}元")), "{}", r.message_zh);
            assert!(s.score >= 0.5 && s.rules >= 0.6, "{s:?}");
        }
        // Up to a time: A1's payment to A2 has not happened, so A2 stays unflagged.
        let mut scores_then: Vec<MuleScore> = scores
            .iter()
            .map(|s| {
                if s.account.0 == 0 {
                    s.clone()
                } else {
                    MuleScore { flagged: false, rules: 0.0, score: 0.0, reasons: vec![], ..s.clone() }
                }
            })
            .collect();
        follow_chains(
            &l,
            &graph,
            Some(Ts(T0 + 3_600)),
            &position,
            &rows,
            &mut scores_then,
            &ChainConfig::default(),
            verdict,
        );
        assert_eq!(scores_then.iter().map(|s| s.flagged).collect::<Vec<_>>(), [true, true, false, false, false]);
    }

    #[test]
    fn a_holder_with_three_new_cards_flagged_is_a_farmer_and_their_other_new_card_is_flagged() {
        use fanzha_model::{Account, BankIx, Event, HolderSalt, Region};
        // One holder's four cards opened a day apart in one town (no farm by the openings), a
        // fifth opened a year later, and another person's card; the run flagged cards 0 to 2.
        let mut l = Ledger::new();
        l.apply(Event::Bank { code: "ICBC".into() });
        let salt = HolderSalt::new([3; 32]);
        for (i, (holder, day)) in [(1, 0), (1, 1), (1, 2), (1, 3), (1, 400), (2, 0)].into_iter().enumerate() {
            let account = Account {
                bank: Some(BankIx(0)),
                holder: Some(salt.holder(&format!("42010519900101{holder:04}"))),
                opened_at: Some(Ts(T0 + day * 86_400)),
                open_region: Region::new(420_100),
                ..Account::internal()
            };
            l.apply(Event::Account { id: format!("A{i}").into(), account });
        }
        let graph = TemporalGraph::build(&l);
        let accounts: Vec<AccountIx> = (0..6).map(AccountIx).collect();
        let position: FxHashMap<AccountIx, usize> = accounts.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let verdict = Verdict { threshold: 0.5, rule_flag: 0.6 };
        let mut scores: Vec<MuleScore> = accounts.iter().map(|&account| unflagged(account)).collect();
        // The path of many flagged cards alone (a burst of openings is judged below).
        let cfg = FarmingConfig { burst_accounts: 0, ..FarmingConfig::default() };
        let farmers =
            |scores: &mut Vec<MuleScore>| farmers_from_flags(&l, &graph, None, &cfg, &position, scores, verdict);
        for s in &mut scores[..2] {
            *s = MuleScore { model: 0.9, score: on_cut(0.9, 0.5), flagged: true, ..s.clone() };
        }
        assert!(farmers(&mut scores.clone()).iter().all(|f| !f.flagged), "two flagged cards are not enough");
        // As a burst (four cards in four days), the same two flagged cards make a farm (one would),
        // and the reason gives the burst's days.
        let mut burst = scores.clone();
        let burst_cfg = FarmingConfig::default();
        let found = farmers_from_flags(&l, &graph, None, &burst_cfg, &position, &mut burst, verdict);
        assert_eq!(found.iter().filter(|f| f.flagged).count(), 1);
        assert_eq!(burst.iter().map(|s| s.flagged).collect::<Vec<_>>(), [true, true, true, true, false, false]);
        let r = &burst[3].reasons[0].message_zh;
        assert!(r.contains("7天内开立4个账户") && r.contains("其中2个已被识别为涉诈账户"), "{r}");
        scores[2] = MuleScore { model: 0.9, score: on_cut(0.9, 0.5), flagged: true, ..scores[2].clone() };
        let found = farmers(&mut scores);
        assert_eq!(found.iter().filter(|f| f.flagged).count(), 1);
        let flagged: Vec<bool> = scores.iter().map(|s| s.flagged).collect();
        assert_eq!(flagged, [true, true, true, true, false, false], "the fourth new card, not the year-old one");
        let r = &scores[3].reasons[0];
        assert_eq!(r.code, format!("rule.{CARD_FARMER}"));
        assert!(
            r.message_zh.contains("30天内开立4个账户") && r.message_zh.contains("其中3个已被识别为涉诈账户"),
            "{}",
            r.message_zh
        );
    }

    #[test]
    fn an_added_reason_keeps_the_order_and_the_flag_consistent() {
        let verdict = Verdict { threshold: 0.7, rule_flag: 0.6 };
        let weak = Reason {
            code: "rule.a".into(),
            message_zh: String::new(),
            message_en: String::new(),
            weight: 0.3,
            counterparty: None,
        };
        let mut s = MuleScore {
            account: AccountIx(0),
            score: 0.0,
            model: 0.2,
            learned: None,
            rules: 0.0,
            flagged: false,
            reasons: vec![],
        };
        verdict.add(&mut s, weak.clone());
        assert!(!s.flagged && s.score < 0.5 && (s.rules - 0.3).abs() < 1e-12);
        verdict.add(&mut s, weak.clone());
        assert_eq!(s.reasons.len(), 1, "one reason once");
        verdict.add(&mut s, Reason { code: "rule.b".into(), weight: 0.6, ..weak });
        assert!(s.flagged && s.score >= 0.5 && (s.rules - 0.72).abs() < 1e-12);
        assert_eq!(s.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["rule.b", "rule.a"]);
    }

    #[test]
    fn together_flags_when_the_two_distances_from_the_cuts_sum_to_zero_or_more() {
        let t = 0.3;
        // Both at their cuts: on the cut, flagged.
        assert!(together(t, 0.5, t) >= t);
        // A confident shipped verdict outweighs a hesitant learned one, and the other way round.
        assert!(together(0.95, 0.4, t) >= t);
        assert!(together(0.35, 0.01, t) < t);
        // Symmetric in log-odds: shipped 0.3 + d and learned 0.5 - d cancel.
        let d = 1.3;
        let p = sigmoid(logit(t) + d);
        let q = sigmoid(-d);
        assert!((together(p, q, t) - t).abs() < 1e-9);
        // Just below the cut on the sum stays below it, whatever the rounding.
        assert!(together(p, sigmoid(-d - 1e-9), t) < t);
    }
}
