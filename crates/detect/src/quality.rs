//! What in the data limits what detection can know, said before it scores: accounts without an
//! opening date, accounts "opened" after their own first transfer, and banks whose history in the
//! data is too short for features that need a past. Their features are censored (unknown), never
//! read as long quiet spells or fresh accounts; these warnings say how many and why.

use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, Ledger, Ts};
use serde::Serialize;

/// A bank's history shorter than this is too short for features that compare an account with its
/// own past.
pub const SHORT_HISTORY_SECS: i64 = 2 * 86_400;

/// One warning about the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataWarning {
    /// Stable code: `no_opening_date`, `opened_after_use` or `short_history`.
    pub code: &'static str,
    /// How many accounts it concerns.
    pub accounts: usize,
    /// What it means, in Chinese.
    pub message_zh: String,
    /// What it means, in English.
    pub message_en: String,
}

/// The warnings for the active accounts of `ledger` up to `until`.
pub fn warnings(ledger: &Ledger, graph: &TemporalGraph, until: Option<Ts>) -> Vec<DataWarning> {
    let end = graph.edges_until(until);
    // First and last transfer of each account, in the data up to `until`.
    let mut span: Vec<Option<(i64, i64)>> = vec![None; ledger.accounts().len()];
    for e in 0..end {
        let edge = graph.edge(fanzha_graph::EdgeIx::of(e));
        let t = ledger.transfer(edge.txn);
        for a in [t.from, t.to].into_iter().flatten() {
            let s = &mut span[a.0 as usize];
            *s = Some(s.map_or((t.ts.0, t.ts.0), |(first, _)| (first, t.ts.0)));
        }
    }
    let active = || span.iter().enumerate().filter_map(|(i, s)| s.map(|s| (AccountIx::of(i), s)));
    let own = |a: AccountIx| !ledger.account(a).external;
    let mut out = Vec::new();
    let mut warn = |code, accounts: usize, message_zh: String, message_en: String| {
        if accounts > 0 {
            out.push(DataWarning { code, accounts, message_zh, message_en });
        }
    };
    let undated = active().filter(|&(a, _)| own(a) && ledger.account(a).opened_at.is_none()).count();
    warn(
        "no_opening_date",
        undated,
        format!("{undated} 个账户没有开户日期:与开户时间相关的特征未知"),
        format!("{undated} accounts have no opening date: their since-opening features are unknown"),
    );
    let early = active().filter(|&(a, (first, _))| ledger.account(a).opened_at.is_some_and(|o| o.0 > first)).count();
    warn(
        "opened_after_use",
        early,
        format!("{early} 个账户的开户日期晚于其首笔交易(开户日期有误):与开户时间相关的特征未知"),
        format!(
            "{early} accounts were opened after their own first transfer (the opening date is wrong): their since-opening features are unknown"
        ),
    );
    let short = active()
        .filter(|&(a, (_, last))| ledger.history_from(a).is_some_and(|h| last - h.0 < SHORT_HISTORY_SECS))
        .count();
    warn(
        "short_history",
        short,
        format!("{short} 个账户所属来源的数据历史不足2天:需要历史对比的特征不可靠"),
        format!(
            "{short} accounts come from a source with less than 2 days of history: features that compare an account with its past are unreliable"
        ),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ix;
    use crate::{FeatureConfig, FeatureEngine};
    use fanzha_model::{Account, BankIx, Event, Fen, Transfer};

    /// Bad input gets a warning and censored features, never a panic or a made-up value.
    #[test]
    fn undated_early_and_short_history_accounts_are_warned_about_and_censored() {
        let mut l = Ledger::new();
        l.apply(Event::Bank { code: "ICBC".into() });
        let at =
            |opened: Option<i64>| Account { bank: Some(BankIx(0)), opened_at: opened.map(Ts), ..Account::internal() };
        for (id, opened) in [("UNDATED", None), ("EARLY", Some(5_000)), ("OK", Some(10))] {
            l.apply(Event::Account { id: id.into(), account: at(opened) });
        }
        let ix = |l: &Ledger, id: &str| l.account_ix(id);
        for (n, (from, to, ts)) in [("UNDATED", "EARLY", 100), ("OK", "UNDATED", 3_600)].into_iter().enumerate() {
            let t = Transfer::plain(Ts(ts), ix(&l, from), ix(&l, to), Fen(100));
            l.apply(Event::Transfer { txn_id: format!("T{n}").into(), transfer: t });
        }
        let graph = TemporalGraph::build(&l);
        let codes: Vec<(&str, usize)> = warnings(&l, &graph, None).iter().map(|w| (w.code, w.accounts)).collect();
        assert_eq!(codes, [("no_opening_date", 1), ("opened_after_use", 1), ("short_history", 3)]);
        let engine = FeatureEngine::replay(&l, &graph, FeatureConfig::default(), None);
        for id in ["UNDATED", "EARLY"] {
            let f = engine.features(&l, ix(&l, id).unwrap());
            assert!(f[ix::QUIET_DAYS_AFTER_OPEN].is_nan(), "{id}: censored, not a negative or made-up age");
        }
        // OK was opened before the data's history (which starts at its first transfer): censored too.
        assert!(engine.features(&l, ix(&l, "OK").unwrap())[ix::QUIET_DAYS_AFTER_OPEN].is_nan());
    }
}
