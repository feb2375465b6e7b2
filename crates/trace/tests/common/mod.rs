//! A tiny ledger builder for hand-built tracing cases.
#![allow(dead_code)]

use fanzha_graph::TemporalGraph;
use fanzha_model::{Account, AccountIx, Event, Fen, HolderSalt, Ledger, Region, Transfer, TransferIx, Ts};

/// Day 0 of every case: 2024-03-01T00:00:00Z; accounts were opened a year before.
pub const T0: i64 = 1_709_251_200;
pub const OPENED: i64 = T0 - 365 * 86_400;

pub struct Book {
    pub ledger: Ledger,
    next_txn: u32,
}

impl Book {
    pub fn new() -> Book {
        let mut ledger = Ledger::new();
        for bank in ["ICBC", "CCB", "ABC"] {
            ledger.apply(Event::Bank { code: bank.into() });
        }
        Book { ledger, next_txn: 0 }
    }

    /// An account at `bank` (0..3) with an opening balance in fen.
    pub fn account(&mut self, id: &str, bank: u16, opening: i64) -> AccountIx {
        let salt = HolderSalt::new([7; 32]);
        let account = Account {
            bank: Some(fanzha_model::BankIx(bank)),
            holder: Some(salt.holder(&format!("11010519900101{:04}", self.ledger.accounts().len()))),
            opened_at: Some(Ts(OPENED)),
            open_region: Region::new(110105),
            opening_balance: Fen(opening),
            ..Account::internal()
        };
        self.ledger.apply(Event::Account { id: id.into(), account });
        self.ledger.account_ix(id).unwrap()
    }

    pub fn external(&mut self, id: &str) -> AccountIx {
        self.ledger.apply(Event::Account { id: id.into(), account: Account::external() });
        self.ledger.account_ix(id).unwrap()
    }

    /// A transfer `secs` after T0; `None` payee is a cash withdrawal, `None` payer a deposit.
    pub fn pay(&mut self, from: Option<AccountIx>, to: Option<AccountIx>, secs: i64, fen: i64) -> TransferIx {
        let id = format!("T{}", self.next_txn);
        self.next_txn += 1;
        let transfer = Transfer { region: Region::new(440300), ..Transfer::plain(Ts(T0 + secs), from, to, Fen(fen)) };
        self.ledger.apply(Event::Transfer { txn_id: id.as_str().into(), transfer });
        self.ledger.txn_ix(&id).unwrap()
    }

    pub fn t(&mut self, from: AccountIx, to: AccountIx, secs: i64, fen: i64) -> TransferIx {
        self.pay(Some(from), Some(to), secs, fen)
    }

    pub fn graph(&self) -> TemporalGraph {
        TemporalGraph::build(&self.ledger)
    }
}
