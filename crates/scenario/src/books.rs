//! Money movements and the running balances that admit them: a movement whose payer does not
//! hold the amount is not made, so no account ever goes below zero.

use crate::population::{World, NONE};
use crate::writer::TransferRows;
use fanzha_model::{Channel, TransferKind};
use std::io::{self, Write};

/// The other side of a movement.
#[derive(Clone, Copy)]
pub(crate) enum Party {
    /// Cash: the payee of a withdrawal, the payer of a deposit.
    Cash,
    /// An account of accounts.csv.
    Account(u32),
    /// An account at an institution that does not feed data (index into [`World::outside`]).
    Outside(u32),
}

/// How much a movement moves.
#[derive(Clone, Copy)]
pub(crate) enum Amount {
    /// This many fen.
    Fixed(i64),
    /// Whatever the payer holds above this many fen (a merchant's sweep).
    Above(i64),
}

/// One movement to make: a transfer, a withdrawal (`to` is cash) or a deposit (`from` is [`NONE`]).
#[derive(Clone, Copy)]
pub(crate) struct Txn {
    /// When.
    pub ts: i64,
    /// Paying account, or [`NONE`] for a cash deposit.
    pub from: u32,
    /// Receiving side.
    pub to: Party,
    /// How much.
    pub amount: Amount,
    /// Channel.
    pub channel: Channel,
    /// Where it is made (index into the place table).
    pub place: u8,
    /// Free text (附言); empty for none.
    pub memo: &'static str,
}

impl Txn {
    fn kind(&self) -> TransferKind {
        match (self.from, self.to) {
            (NONE, _) => TransferKind::Deposit,
            (_, Party::Cash) => TransferKind::Withdrawal,
            _ => TransferKind::Transfer,
        }
    }
}

/// Running balances of every account, and the transfers.csv rows of the movements made.
pub(crate) struct Books<'w, W: Write> {
    world: &'w World,
    balance: Vec<i64>,
    rows: TransferRows<W>,
    made: u64,
}

impl<'w, W: Write> Books<'w, W> {
    /// Opening balances of `world`; rows go to `rows`.
    pub fn new(world: &'w World, rows: TransferRows<W>) -> Books<'w, W> {
        let balance = world.accounts.iter().map(|a| a.opening).collect();
        Books { world, balance, rows, made: 0 }
    }

    /// What `account` holds now (fen).
    pub fn balance(&self, account: u32) -> i64 {
        self.balance[account as usize]
    }

    /// All balances, by account index.
    pub fn balances(&self) -> &[i64] {
        &self.balance
    }

    /// Makes the movement if the payer holds the amount: updates the balances, writes the row and
    /// returns the transfer number and the amount moved; otherwise changes nothing.
    pub fn make(&mut self, t: &Txn) -> io::Result<Option<(u64, i64)>> {
        let amount = match t.amount {
            Amount::Fixed(a) => a,
            Amount::Above(keep) if t.from != NONE => self.balance(t.from) - keep,
            Amount::Above(_) => 0,
        };
        if amount <= 0 || (t.from != NONE && self.balance(t.from) < amount) {
            return Ok(None);
        }
        if t.from != NONE {
            self.balance[t.from as usize] -= amount;
        }
        if let Party::Account(to) = t.to {
            self.balance[to as usize] += amount;
        }
        let w = self.world;
        let from = if t.from == NONE { &[][..] } else { w.accounts[t.from as usize].number.as_bytes() };
        let to = match t.to {
            Party::Cash => &[][..],
            Party::Account(a) => w.accounts[a as usize].number.as_bytes(),
            Party::Outside(o) => w.outside[o as usize].as_bytes(),
        };
        let no = self.made;
        self.rows.row(no, t, t.kind(), amount, from, to)?;
        self.made += 1;
        Ok(Some((no, amount)))
    }

    /// Number of movements made so far.
    pub fn made(&self) -> u64 {
        self.made
    }

    /// Flushes the rows and hands back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.rows.finish()
    }
}
