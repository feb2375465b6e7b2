//! One account's risk as it stands, in one answer: the live model's score, the latest batch
//! detection's flag, the holder's other cards (card farming), the lists and the public's reports.
//! `GET /v1/accounts/{id}/risk` answers it as JSON and the console's account page draws it.

use crate::state::Live;
use fanzha_check::lists::{Entry, EntryKind};
use fanzha_check::lookup::PublicReport;
use fanzha_detect::catalog::ix;
use fanzha_detect::rules::Reason;
use fanzha_model::{AccountIx, Ts};
use fanzha_storage::Store;
use serde::Serialize;

/// Public reports given with an account's risk, at most (the newest).
pub const REPORTS_SHOWN: usize = 20;
/// Reasons the live score gives for a flagged account.
const LIVE_REASONS: usize = 3;

/// An account's risk (holders are shown masked; ids of persons never leave the store).
#[derive(Debug, Clone, Serialize)]
pub struct AccountRisk {
    /// The account id.
    pub account: String,
    /// Its bank's code.
    pub bank: Option<String>,
    /// Known only as a counterparty of the banks whose data the store holds (not scored).
    pub external: bool,
    /// When it was opened (RFC 3339, UTC).
    #[serde(with = "fanzha_model::rfc3339::option")]
    pub opened_at: Option<i64>,
    /// The region code where it was opened.
    pub open_region: Option<u32>,
    /// Account class (`I`, `II`, `III`, `corp`).
    pub class: Option<&'static str>,
    /// The mule model's live score from the account's own features as of the latest transfer
    /// (none for external accounts).
    pub live: Option<LiveRisk>,
    /// The latest batch mule detection's flag (none: not flagged, or no run yet).
    pub detection: Option<Detection>,
    /// The data time the latest detection run saw up to (none: no run yet).
    #[serde(with = "fanzha_model::rfc3339::option")]
    pub detection_as_of: Option<i64>,
    /// The centre's cases confirm it as a mule account (the store labels it `mule`; the check
    /// blocks payments into it, `payee_confirmed_mule`).
    pub confirmed_mule: bool,
    /// The holder, masked, with their other accounts.
    pub holder: Option<HolderRisk>,
    /// List lines naming the account or its holder, current or past.
    pub listed: Vec<Entry>,
    /// The public's reports about the account, newest first (at most [`REPORTS_SHOWN`]).
    pub reports: Vec<PublicReport>,
}

/// The live model's score.
#[derive(Debug, Clone, Serialize)]
pub struct LiveRisk {
    /// The score, at or above 0.5 when flagged.
    pub score: f64,
    /// Whether the score flags the account.
    pub flagged: bool,
    /// Why, for a flagged account.
    pub reasons: Vec<Reason>,
}

/// Batch detection's flag.
#[derive(Debug, Clone, Serialize)]
pub struct Detection {
    /// The combined mule score (≥ 0.5).
    pub score: f64,
    /// The account is a card of a holder detection flagged as a card farmer (批量开卡).
    pub card_farming: bool,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
}

/// The account's holder.
#[derive(Debug, Clone, Serialize)]
pub struct HolderRisk {
    /// The holder's identity, masked.
    pub masked: String,
    /// The holder's accounts in all, as the live features count them (recent openings).
    pub accounts: Option<f64>,
    /// The banks those accounts are at.
    pub banks: Option<f64>,
    /// The holder's other accounts in the store.
    pub other_accounts: Vec<String>,
}

impl Live {
    /// The risk of the account with id `id` as of `now` (reports received later are left out);
    /// `None` when the store does not hold it.
    pub fn account_risk(&self, id: &str, now: Ts) -> Option<AccountRisk> {
        let ledger = self.store.ledger();
        let a: AccountIx = ledger.account_ix(id)?;
        let account = ledger.account(a);
        let checker = &self.checker;
        let live = checker.live_score(ledger, a, LIVE_REASONS).map(|l| LiveRisk {
            flagged: l.score >= 0.5,
            score: l.score,
            reasons: l.reasons,
        });
        let detection = checker.suspects.get(a).map(|s| Detection {
            score: s.score,
            card_farming: s.card_farming(),
            reasons: s.reasons.clone(),
        });
        let mut listed: Vec<Entry> = checker.lists.history(EntryKind::Account, id).into_iter().cloned().collect();
        let holder = account.holder.as_ref().map(|h| {
            listed.extend(checker.lists.history(EntryKind::Holder, &h.digest.to_string()).into_iter().cloned());
            let counts = (!account.external).then(|| checker.features(ledger, a));
            let count = |i: usize| counts.as_ref().map(|f| f[i]).filter(|v| !v.is_nan());
            HolderRisk {
                masked: h.masked.to_string(),
                accounts: count(ix::HOLDER_ACCOUNTS),
                banks: count(ix::HOLDER_BANKS),
                other_accounts: checker
                    .holder_accounts(&h.digest)
                    .iter()
                    .filter(|&&x| x != a)
                    .map(|&x| ledger.account_id(x).to_string())
                    .collect(),
            }
        });
        let reports = self.reports.about(EntryKind::Account, id, now);
        Some(AccountRisk {
            account: id.to_string(),
            bank: account.bank.map(|b| ledger.bank_code(b).to_string()),
            external: account.external,
            opened_at: account.opened_at.map(|t| t.0),
            open_region: account.open_region.map(|r| r.code()),
            class: account.class.map(|k| k.as_str()),
            live,
            detection,
            detection_as_of: checker.suspects.as_of.map(|t| t.0),
            confirmed_mule: checker.suspects.confirmed(a),
            holder,
            listed,
            reports: reports.into_iter().rev().take(REPORTS_SHOWN).cloned().collect(),
        })
    }
}
