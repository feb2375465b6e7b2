//! The in-memory ledger: all accounts, transfers and labels, changed only by [`Event`]s.

use crate::{Account, AccountIx, BankIx, Label, Transfer, TransferIx, Ts};
use indexmap::IndexSet;
use rustc_hash::{FxBuildHasher, FxHashSet};
use serde::{Deserialize, Serialize};

type IdSet = IndexSet<Box<str>, FxBuildHasher>;

/// One change to the ledger. The durable store writes these; replaying them in order rebuilds
/// the ledger exactly, because [`Ledger::apply`] is deterministic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// An institution code became known; it gets the next [`BankIx`].
    Bank {
        /// Institution code, e.g. `ICBC`.
        code: Box<str>,
    },
    /// An account became known or changed. A known account is never turned back into an
    /// external one.
    Account {
        /// Account number as the bank writes it.
        id: Box<str>,
        /// Its fields.
        account: Account,
    },
    /// A transfer was recorded; a `txn_id` already present is ignored (the first one wins).
    Transfer {
        /// Unique transaction id.
        txn_id: Box<str>,
        /// Its fields; account indices refer to accounts recorded earlier.
        transfer: Transfer,
    },
    /// A positive label was attached; an equal label already present is ignored.
    Label(Label),
}

/// All accounts, transfers, institutions and labels, with id lookups.
///
/// Indices ([`AccountIx`], [`TransferIx`], [`BankIx`]) are dense and assigned in event order.
#[derive(Debug, Default)]
pub struct Ledger {
    banks: IdSet,
    account_ids: IdSet,
    accounts: Vec<Account>,
    txn_ids: IdSet,
    transfers: Vec<Transfer>,
    labels: Vec<Label>,
    label_set: FxHashSet<Label>,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Applies one event. Returns true when the ledger changed.
    pub fn apply(&mut self, event: Event) -> bool {
        match event {
            Event::Bank { code } => self.banks.insert(code),
            Event::Account { id, account } => match self.account_ids.get_index_of(&id) {
                Some(ix) => {
                    let current = &mut self.accounts[ix];
                    if (account.external && !current.external) || *current == account {
                        false
                    } else {
                        *current = account;
                        true
                    }
                }
                None => {
                    self.account_ids.insert(id);
                    self.accounts.push(account);
                    true
                }
            },
            Event::Transfer { txn_id, transfer } => {
                if self.txn_ids.insert(txn_id) {
                    self.transfers.push(transfer);
                    true
                } else {
                    false
                }
            }
            Event::Label(label) => {
                if self.label_set.insert(label.clone()) {
                    self.labels.push(label);
                    true
                } else {
                    false
                }
            }
        }
    }

    /// Reserves room for `n` more transfers (bulk loads).
    pub fn reserve_transfers(&mut self, n: usize) {
        self.transfers.reserve(n);
        self.txn_ids.reserve(n);
    }

    /// Index of an institution code.
    pub fn bank_ix(&self, code: &str) -> Option<BankIx> {
        self.banks.get_index_of(code).map(|i| BankIx(i as u16))
    }

    /// An institution code.
    pub fn bank_code(&self, ix: BankIx) -> &str {
        &self.banks[usize::from(ix.0)]
    }

    /// Number of institutions.
    pub fn bank_count(&self) -> usize {
        self.banks.len()
    }

    /// Index of an account number.
    pub fn account_ix(&self, id: &str) -> Option<AccountIx> {
        self.account_ids.get_index_of(id).map(|i| AccountIx(i as u32))
    }

    /// An account.
    pub fn account(&self, ix: AccountIx) -> &Account {
        &self.accounts[ix.0 as usize]
    }

    /// An account's number.
    pub fn account_id(&self, ix: AccountIx) -> &str {
        &self.account_ids[ix.0 as usize]
    }

    /// All accounts in index order.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// Index of a transaction id.
    pub fn txn_ix(&self, txn_id: &str) -> Option<TransferIx> {
        self.txn_ids.get_index_of(txn_id).map(|i| TransferIx(i as u32))
    }

    /// A transfer.
    pub fn transfer(&self, ix: TransferIx) -> &Transfer {
        &self.transfers[ix.0 as usize]
    }

    /// A transfer's id.
    pub fn txn_id(&self, ix: TransferIx) -> &str {
        &self.txn_ids[ix.0 as usize]
    }

    /// All transfers in ingest order.
    pub fn transfers(&self) -> &[Transfer] {
        &self.transfers
    }

    /// All positive labels in the order they were attached.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The fields in which stored transfer `ix` differs from `candidate`, whose parties are named by
    /// account number (`from`, `to`; `candidate.from`/`to` are ignored). This is the one definition
    /// of "the same transfer" that ingest, the live API and every other intake use to tell a
    /// harmless retry (no differences) from a conflict under a reused `txn_id`. The names are the
    /// interchange's field names.
    pub fn transfer_differences(
        &self,
        ix: TransferIx,
        candidate: &Transfer,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Vec<&'static str> {
        let stored = self.transfer(ix);
        // Destructured so that a new field cannot be forgotten here.
        let Transfer {
            ts,
            from: stored_from,
            to: stored_to,
            amount,
            currency,
            channel,
            region,
            cross_border,
            kind,
            memo,
        } = stored;
        let id = |a: &Option<AccountIx>| a.map(|a| self.account_id(a));
        let checks = [
            ("ts", *ts == candidate.ts),
            ("from_account", id(stored_from) == from),
            ("to_account", id(stored_to) == to),
            ("amount", *amount == candidate.amount),
            ("currency", *currency == candidate.currency),
            ("channel", *channel == candidate.channel),
            ("region", *region == candidate.region),
            ("cross_border", *cross_border == candidate.cross_border),
            ("kind", *kind == candidate.kind),
            ("memo", *memo == candidate.memo),
        ];
        checks.into_iter().filter(|(_, same)| !same).map(|(field, _)| field).collect()
    }

    /// Earliest and latest transfer time, if there is any transfer.
    pub fn time_span(&self) -> Option<(Ts, Ts)> {
        let mut it = self.transfers.iter().map(|t| t.ts);
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Fen, LabelTarget, Region};

    #[test]
    fn every_field_decides_whether_two_transfers_are_the_same() {
        let mut l = Ledger::new();
        for id in ["A", "B", "C"] {
            l.apply(Event::Account { id: id.into(), account: Account::external() });
        }
        let t = Transfer {
            memo: Some("房租".into()),
            ..Transfer::plain(Ts(10), Some(AccountIx(0)), Some(AccountIx(1)), Fen(500))
        };
        l.apply(Event::Transfer { txn_id: "T1".into(), transfer: t.clone() });
        let ix = l.txn_ix("T1").unwrap();
        let differs = |c: &Transfer, from: &str, to: &str| l.transfer_differences(ix, c, Some(from), Some(to));
        assert!(differs(&Transfer { from: None, to: None, ..t.clone() }, "A", "B").is_empty(), "parties by id");
        assert_eq!(differs(&t, "A", "C"), ["to_account"]);
        assert_eq!(differs(&Transfer { memo: Some("货款".into()), ..t.clone() }, "A", "B"), ["memo"]);
        let many = Transfer {
            currency: Currency::parse("USD").unwrap(),
            cross_border: true,
            region: Some(Region::parse("110000").unwrap()),
            ..t.clone()
        };
        assert_eq!(differs(&many, "A", "B"), ["currency", "region", "cross_border"]);
        assert_eq!(
            differs(&Transfer { ts: Ts(11), amount: Fen(501), ..t }, "B", "A"),
            ["ts", "from_account", "to_account", "amount"]
        );
    }

    fn known(bank: u16) -> Account {
        Account { bank: Some(BankIx(bank)), ..Account::internal() }
    }

    fn transfer(from: u32, to: u32, fen: i64) -> Transfer {
        Transfer::plain(Ts(100), Some(AccountIx(from)), Some(AccountIx(to)), Fen(fen))
    }

    #[test]
    fn external_accounts_upgrade_but_never_downgrade() {
        let mut l = Ledger::new();
        assert!(l.apply(Event::Account { id: "A".into(), account: Account::external() }));
        assert!(l.apply(Event::Account { id: "A".into(), account: known(0) }));
        assert!(!l.apply(Event::Account { id: "A".into(), account: Account::external() }));
        assert!(!l.account(AccountIx(0)).external);
        assert_eq!(l.account_ix("A"), Some(AccountIx(0)));
    }

    #[test]
    fn transfers_and_labels_are_idempotent() {
        let mut l = Ledger::new();
        assert!(l.apply(Event::Transfer { txn_id: "T1".into(), transfer: transfer(0, 1, 5) }));
        assert!(!l.apply(Event::Transfer { txn_id: "T1".into(), transfer: transfer(0, 1, 9) }));
        assert_eq!(l.transfer(TransferIx(0)).amount, Fen(5));
        let label = Label { target: LabelTarget::Transfer(TransferIx(0)), name: "fraud".into() };
        assert!(l.apply(Event::Label(label.clone())));
        assert!(!l.apply(Event::Label(label)));
        assert_eq!(l.labels().len(), 1);
        assert_eq!(l.time_span(), Some((Ts(100), Ts(100))));
    }
}
