//! Property test: a graph brought up to date step by step ([`TemporalGraph::extend_to`]) equals
//! the graph built from scratch over the same ledger, whatever order the transfers arrive in
//! (late ones included), however many share a second, and with accounts added between steps.

use fanzha_graph::TemporalGraph;
use fanzha_model::{Account, AccountIx, Event, Fen, Ledger, Transfer, Ts};
use proptest::prelude::*;

/// (payer, payee, time); an account index at or above the accounts opened so far is cash.
type Row = (u8, u8, u8);

/// A ledger of up to `accounts` accounts and the transfers of `rows`; accounts open as the rows
/// go on (one more every third row), so later steps add accounts.
fn ledger(rows: &[Row], accounts: u8) -> Ledger {
    let mut l = Ledger::new();
    let mut opened = 0u8;
    for (i, &(from, to, t)) in rows.iter().enumerate() {
        // Open one more account every third row.
        while opened < accounts && usize::from(opened) <= i / 3 {
            l.apply(Event::Account { id: format!("A{opened}").into(), account: Account::external() });
            opened += 1;
        }
        let party = |a: u8| (a < opened).then_some(AccountIx(u32::from(a)));
        let (from, to) = match (party(from), party(to)) {
            (None, None) => (party(0), None),
            pair => pair,
        };
        let transfer = Transfer::plain(Ts(i64::from(t) * 60), from, to, Fen(i as i64 + 1));
        l.apply(Event::Transfer { txn_id: format!("t{i}").into(), transfer });
    }
    l
}

proptest! {
    #[test]
    fn extending_step_by_step_equals_building_once(
        rows in prop::collection::vec((0u8..12, 0u8..12, 0u8..20), 1..120),
        cuts in prop::collection::vec(0usize..120, 0..6),
        accounts in 1u8..10,
    ) {
        let whole = ledger(&rows, accounts);
        let built = TemporalGraph::build(&whole);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (rows.len() + 1)).collect();
        cuts.sort_unstable();
        let mut grown = TemporalGraph::default();
        for &cut in &cuts {
            grown.extend_to(&whole, cut);
            prop_assert_eq!(grown.edge_count(), cut, "cuts come in order, so each step adds");
        }
        grown.extend(&whole);
        prop_assert_eq!(&grown, &built);
        // Every account's adjacency, read through the public API, too.
        for a in 0..whole.accounts().len() {
            let a = AccountIx(a as u32);
            prop_assert_eq!(grown.out_edges(a), built.out_edges(a));
            prop_assert_eq!(grown.in_edges(a), built.in_edges(a));
        }
    }

    #[test]
    fn a_graph_of_a_prefix_grows_as_its_ledger_grows(
        rows in prop::collection::vec((0u8..8, 0u8..8, 0u8..10), 2..80),
        split in 1usize..80,
    ) {
        // The prefix is its own ledger (fewer accounts); the graph built on it is then extended
        // with the ledger that went on growing.
        let split = split % rows.len();
        let whole = ledger(&rows, 8);
        let prefix = ledger(&rows[..split], 8);
        let mut grown = TemporalGraph::build(&prefix);
        grown.extend(&whole);
        prop_assert_eq!(grown, TemporalGraph::build(&whole));
    }
}
