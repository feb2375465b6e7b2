//! What batch mule detection last said, for the live check to read. Detection looks at whole
//! neighbourhoods and runs in seconds over a store, so it cannot run inside one check; the server
//! (or a backtest) runs it every so often and hands the flagged accounts here. A victim's payment
//! into an account that detection flagged an hour ago is then held, with detection's own reason.
//! The same run hands over the mule accounts the centre's cases have confirmed by then.

use fanzha_detect::mules::MuleScore;
use fanzha_detect::rules::Reason;
use fanzha_model::{AccountIx, Ts};
use std::collections::{HashMap, HashSet};

/// One account detection flagged.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspect {
    /// Its combined mule score (≥ 0.5).
    pub score: f64,
    /// Detection's reasons, most important first.
    pub reasons: Vec<Reason>,
}

impl Suspect {
    /// Detection's first reason, in Chinese (empty when it gave none).
    pub fn reason_zh(&self) -> &str {
        self.reasons.first().map_or("", |r| &r.message_zh)
    }

    /// Detection's first reason, in English (empty when it gave none).
    pub fn reason_en(&self) -> &str {
        self.reasons.first().map_or("", |r| &r.message_en)
    }

    /// Whether detection flagged the account as a card of a card farmer (批量开卡).
    pub fn card_farming(&self) -> bool {
        self.reasons.iter().any(|r| r.code.strip_prefix("rule.") == Some(fanzha_detect::mules::CARD_FARMER))
    }
}

/// The accounts flagged by the latest detection run, the mule accounts confirmed by then, and the
/// data time it saw up to.
#[derive(Debug, Clone, Default)]
pub struct Suspects {
    by_account: HashMap<AccountIx, Suspect>,
    confirmed: HashSet<AccountIx>,
    /// The latest transfer time the run saw (`None`: no run yet).
    pub as_of: Option<Ts>,
}

impl Suspects {
    /// The flagged accounts among `scores`, as detection saw the data up to `as_of`.
    pub fn from_scores(scores: &[MuleScore], as_of: Option<Ts>) -> Suspects {
        let by_account = scores
            .iter()
            .filter(|s| s.flagged)
            .map(|s| (s.account, Suspect { score: s.score, reasons: s.reasons.clone() }))
            .collect();
        Suspects { by_account, confirmed: HashSet::new(), as_of }
    }

    /// The same, knowing the mule accounts the store's cases confirm as of the run
    /// ([`fanzha_detect::labels::confirmed_mules`]).
    pub fn with_confirmed(self, confirmed: impl IntoIterator<Item = AccountIx>) -> Suspects {
        Suspects { confirmed: confirmed.into_iter().collect(), ..self }
    }

    /// Whether the store's cases confirmed `account` as a mule account by the run.
    pub fn confirmed(&self, account: AccountIx) -> bool {
        self.confirmed.contains(&account)
    }

    /// Detection's verdict on `account`, if it flagged it.
    pub fn get(&self, account: AccountIx) -> Option<&Suspect> {
        self.by_account.get(&account)
    }

    /// How many accounts are flagged.
    pub fn len(&self) -> usize {
        self.by_account.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.by_account.is_empty()
    }
}

/// Flags given one by one (e.g. from another detector), with no run time.
impl FromIterator<(AccountIx, Suspect)> for Suspects {
    fn from_iter<I: IntoIterator<Item = (AccountIx, Suspect)>>(flags: I) -> Suspects {
        Suspects { by_account: flags.into_iter().collect(), confirmed: HashSet::new(), as_of: None }
    }
}
