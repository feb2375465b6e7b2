//! Small hand-made ledgers for the unit tests.

use fanzha_model::{Account, AccountIx, Event, Fen, Ledger, Transfer, Ts};

/// Time of hour 0 of the test ledgers.
pub(crate) const T0: i64 = 1_700_000_000;

/// Accounts `A0`… with nothing known about them; transfers `(from, to, hour after T0, yuan)`.
pub(crate) fn ledger(n: usize, transfers: &[(u32, u32, i64, i64)]) -> Ledger {
    let mut l = Ledger::new();
    for i in 0..n {
        l.apply(Event::Account { id: format!("A{i}").into(), account: Account::internal() });
    }
    for (k, &(f, t, h, y)) in transfers.iter().enumerate() {
        let transfer = Transfer::plain(Ts(T0 + h * 3_600), Some(AccountIx(f)), Some(AccountIx(t)), Fen(y * 100));
        l.apply(Event::Transfer { txn_id: format!("T{k}").into(), transfer });
    }
    l
}
