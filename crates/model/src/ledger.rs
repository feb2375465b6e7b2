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
    /// A transfer at `ts` touching accounts of `banks` is in the deployment's data but held by
    /// another partition (docs/scale.md): where history starts moves as a held transfer would move
    /// it, so that a partition censors exactly what one node holding everything censors.
    Elsewhere {
        /// When it was executed.
        ts: Ts,
        /// The codes of its parties' banks (as known when it came).
        banks: Vec<Box<str>>,
    },
    /// A source's history starts at `from`: what happened to its accounts before is not in the data
    /// (censored, not empty). `bank` names the source; `None` sets it for every bank without its own.
    /// The latest setting wins.
    HistoryFrom {
        /// The bank's code, or `None` for all.
        bank: Option<Box<str>>,
        /// Where its history starts.
        from: Ts,
    },
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
    /// Per bank (by index), the earliest transfer touching one of its accounts.
    earliest_by_bank: Vec<Option<Ts>>,
    /// Per bank (by index), the earliest transfer only it can have reported: one of its accounts
    /// with, on the other side, another of its accounts, an account no institution supplies rows
    /// for, or cash (as known when the transfer is applied). A transfer with another supplying
    /// institution's customer may come from that institution's extract, which can start weeks earlier.
    own_earliest_by_bank: Vec<Option<Ts>>,
    /// The earliest transfer of all.
    earliest: Option<Ts>,
    /// History starts set explicitly ([`Event::HistoryFrom`]), by bank code (`None`: all banks).
    history_set: Vec<(Option<Box<str>>, Ts)>,
}

/// An event the ledger cannot take: the index space of what it adds is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CapacityError {
    /// [`BankIx`] is 16 bits.
    #[error("the store already holds {0} institution codes, the most a bank index can name")]
    Banks(usize),
    /// [`AccountIx`] is 32 bits.
    #[error("the store already holds {0} accounts, the most an account index can name")]
    Accounts(usize),
    /// [`TransferIx`] is 32 bits.
    #[error("the store already holds {0} transfers, the most a transfer index can name")]
    Transfers(usize),
}

/// Banks a ledger can index: 0 to 65,534 (the top value, `u16::MAX`, means "no bank" in packed
/// columns elsewhere).
pub const MAX_BANKS: usize = u16::MAX as usize;
/// Accounts, and transfers, a ledger can index: 0 to `u32::MAX - 1` (`u32::MAX` means "no
/// account", i.e. cash, in the graph's columns).
pub const MAX_ACCOUNTS: usize = u32::MAX as usize;

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Whether `event` fits: one that adds a bank, an account or a transfer needs a free index
    /// (the store asks before writing it, so every index in the ledger converts without loss).
    pub fn admits(&self, event: &Event) -> Result<(), CapacityError> {
        self.admits_within(event, MAX_BANKS, MAX_ACCOUNTS)
    }

    fn admits_within(&self, event: &Event, banks: usize, accounts: usize) -> Result<(), CapacityError> {
        match event {
            Event::Bank { code } if !self.banks.contains(code) && self.banks.len() >= banks => {
                Err(CapacityError::Banks(self.banks.len()))
            }
            Event::Account { id, .. } if !self.account_ids.contains(id) && self.account_ids.len() >= accounts => {
                Err(CapacityError::Accounts(self.account_ids.len()))
            }
            Event::Transfer { txn_id, .. } if !self.txn_ids.contains(txn_id) && self.txn_ids.len() >= accounts => {
                Err(CapacityError::Transfers(self.txn_ids.len()))
            }
            _ => Ok(()),
        }
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
                    self.note_earliest(&transfer);
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
            Event::Elsewhere { ts, banks } => {
                let banks: Vec<BankIx> = banks.iter().filter_map(|c| self.bank_ix(c)).collect();
                let moved = self.moves_history(ts, &banks);
                self.note_earliest_of(ts, &banks);
                moved
            }
            Event::HistoryFrom { bank, from } => {
                if self.history_set.iter().any(|(b, f)| *b == bank && *f == from) {
                    return false;
                }
                self.history_set.retain(|(b, _)| *b != bank);
                self.history_set.push((bank, from));
                true
            }
        }
    }

    fn note_earliest(&mut self, t: &Transfer) {
        // At most two parties: kept on the stack, as this runs for every transfer applied.
        let (mut banks, mut n) = ([BankIx(0); 2], 0);
        for b in [t.from, t.to].into_iter().flatten().filter_map(|a| self.accounts.get(a.0 as usize)?.bank) {
            banks[n] = b;
            n += 1;
        }
        self.note_earliest_of(t.ts, &banks[..n]);
    }

    fn note_earliest_of(&mut self, ts: Ts, banks: &[BankIx]) {
        lower(&mut self.earliest, ts);
        for &b in banks {
            lower_to(&mut self.earliest_by_bank, b, ts);
        }
        if let Some(b) = only_bank(banks) {
            lower_to(&mut self.own_earliest_by_bank, b, ts);
        }
    }

    /// Whether a transfer at `ts` touching accounts of `banks` would move where history starts (it
    /// is earlier than every transfer so far, than every one of one of those banks, or than every
    /// one that only its one bank can have reported).
    pub fn moves_history(&self, ts: Ts, banks: &[BankIx]) -> bool {
        let later = |seen: Option<Ts>| seen.is_none_or(|s| ts < s);
        later(self.earliest)
            || banks.iter().any(|&b| later(of_bank(&self.earliest_by_bank, b)))
            || only_bank(banks).is_some_and(|b| later(of_bank(&self.own_earliest_by_bank, b)))
    }

    /// Where the data's history of account `a` starts: its bank's setting, else the setting for all
    /// banks ([`Event::HistoryFrom`]), else the earliest transfer only its bank can have reported
    /// (see `own_earliest_by_bank`), else the earliest touching an account of its bank (of any
    /// account, for an account without a bank). Before it the account's history is *censored*:
    /// an account opened earlier may have been used before, so "first use" and "quiet since
    /// opening" are unknown for it. `None` when there is no transfer at all.
    pub fn history_from(&self, a: AccountIx) -> Option<Ts> {
        let bank = self.account(a).bank;
        let code = bank.map(|b| self.bank_code(b));
        let set = |want: Option<&str>| self.history_set.iter().find(|(b, _)| b.as_deref() == want).map(|(_, f)| *f);
        if let Some(from) = code.and_then(|c| set(Some(c))).or_else(|| set(None)) {
            return Some(from);
        }
        match bank {
            Some(b) => {
                of_bank(&self.own_earliest_by_bank, b).or_else(|| of_bank(&self.earliest_by_bank, b)).or(self.earliest)
            }
            None => self.earliest,
        }
    }

    /// Reserves room for `n` more transfers (bulk loads).
    pub fn reserve_transfers(&mut self, n: usize) {
        self.transfers.reserve(n);
        self.txn_ids.reserve(n);
    }

    /// Index of an institution code.
    pub fn bank_ix(&self, code: &str) -> Option<BankIx> {
        self.banks.get_index_of(code).map(BankIx::of)
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
        self.account_ids.get_index_of(id).map(AccountIx::of)
    }

    /// An account.
    pub fn account(&self, ix: AccountIx) -> &Account {
        &self.accounts[ix.0 as usize]
    }

    /// Whether two accounts belong to one known holder (false when either holder is unknown): money
    /// between them is a person moving their own money (the check's `same_holder`).
    pub fn same_holder(&self, a: AccountIx, b: AccountIx) -> bool {
        let holder = |ix: AccountIx| self.account(ix).holder.as_ref().map(|h| h.digest);
        holder(a).is_some() && holder(a) == holder(b)
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
        self.txn_ids.get_index_of(txn_id).map(TransferIx::of)
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

/// Bank `b`'s time in a per-bank table (`None` when not set).
fn of_bank(by: &[Option<Ts>], b: BankIx) -> Option<Ts> {
    by.get(usize::from(b.0)).copied().flatten()
}

/// Lowers a time to `ts` (sets it when not set).
fn lower(slot: &mut Option<Ts>, ts: Ts) {
    *slot = Some(slot.map_or(ts, |s| s.min(ts)));
}

/// Lowers bank `b`'s time in a per-bank table to `ts` (growing the table as needed).
fn lower_to(by: &mut Vec<Option<Ts>>, b: BankIx, ts: Ts) {
    let i = usize::from(b.0);
    if by.len() <= i {
        by.resize(i + 1, None);
    }
    lower(&mut by[i], ts);
}

/// The one institution among the `banks` of a transfer's parties (those with rows), if they are all
/// the same one: a transfer only that institution can have reported.
fn only_bank(banks: &[BankIx]) -> Option<BankIx> {
    let (&first, rest) = banks.split_first()?;
    rest.iter().all(|&b| b == first).then_some(first)
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_holder_needs_one_known_holder() {
        use crate::{Account, AccountIx, HolderSalt};
        let salt = HolderSalt::new([3; 32]);
        let mut l = Ledger::new();
        for (id, identity) in
            [("A", Some("110101199001011234")), ("B", Some("110101199001011234")), ("C", Some("x")), ("D", None)]
        {
            let mut account = Account::internal();
            account.holder = identity.map(|i| salt.holder(i));
            l.apply(Event::Account { id: id.into(), account });
        }
        assert!(l.same_holder(AccountIx(0), AccountIx(1)));
        assert!(!l.same_holder(AccountIx(0), AccountIx(2)));
        assert!(!l.same_holder(AccountIx(3), AccountIx(3)), "an unknown holder is no one's");
    }

    #[test]
    fn an_index_that_would_wrap_is_refused_before_it_is_written() {
        let mut l = Ledger::new();
        for b in 0..3 {
            l.apply(Event::Bank { code: format!("B{b}").into() });
        }
        let new_bank = Event::Bank { code: "NEW".into() };
        assert_eq!(l.admits_within(&new_bank, 3, 10), Err(CapacityError::Banks(3)));
        assert_eq!(l.admits_within(&Event::Bank { code: "B1".into() }, 3, 10), Ok(()), "a known bank adds nothing");
        assert!(CapacityError::Banks(65_535).to_string().contains("65535 institution codes"));
        assert_eq!(l.admits(&new_bank), Ok(()));
        // At the real bound: 65,535 banks are indexed 0..=65,534; u16::MAX stays free for "no bank".
        for b in 3..MAX_BANKS {
            l.apply(Event::Bank { code: format!("B{b}").into() });
        }
        assert_eq!(l.bank_ix("B65534"), Some(BankIx(65_534)));
        assert_eq!(l.admits(&new_bank), Err(CapacityError::Banks(MAX_BANKS)));
        let account = Event::Account { id: "A".into(), account: Account::external() };
        assert_eq!(l.admits_within(&account, MAX_BANKS, 0), Err(CapacityError::Accounts(0)));
    }

    use super::*;
    use crate::{Currency, Fen, LabelTarget, Region};

    /// Bank X's extract starts on day 1, bank Y's on day 20; X reports a payment from its customer
    /// to Y's on day 1. Y's history starts where a transfer only Y can have reported first shows.
    #[test]
    fn a_bank_history_starts_at_what_only_it_can_have_reported() {
        let day = 86_400;
        let two_banks = || {
            let mut l = Ledger::new();
            for code in ["X", "Y"] {
                l.apply(Event::Bank { code: code.into() });
            }
            for (id, bank) in [("X1", 0), ("Y1", 1)] {
                let account = Account { bank: Some(crate::BankIx(bank)), ..Account::internal() };
                l.apply(Event::Account { id: id.into(), account });
            }
            l
        };
        let mut l = two_banks();
        let (x, y) = (l.account_ix("X1").unwrap(), l.account_ix("Y1").unwrap());
        let cross = Transfer::plain(Ts(day), Some(x), Some(y), Fen(100));
        l.apply(Event::Transfer { txn_id: "1".into(), transfer: cross });
        assert_eq!(l.history_from(y), Some(Ts(day)), "nothing else known of Y yet");
        assert!(l.moves_history(Ts(20 * day), &[crate::BankIx(1)]), "a first transfer only Y can report");
        let cash = Transfer::plain(Ts(20 * day), Some(y), None, Fen(100));
        l.apply(Event::Transfer { txn_id: "2".into(), transfer: cash });
        assert_eq!(l.history_from(y), Some(Ts(20 * day)));
        assert_eq!(l.history_from(x), Some(Ts(day)), "X has only the cross-bank transfer");
        // A node that holds neither transfer learns the same from events about them.
        let mut node = two_banks();
        assert!(node.apply(Event::Elsewhere { ts: Ts(day), banks: vec!["X".into(), "Y".into()] }));
        assert!(node.apply(Event::Elsewhere { ts: Ts(20 * day), banks: vec!["Y".into()] }));
        assert_eq!((node.history_from(x), node.history_from(y)), (l.history_from(x), l.history_from(y)));
    }

    #[test]
    fn a_transfer_held_elsewhere_moves_history_as_a_held_one_does() {
        let mut l = Ledger::new();
        l.apply(Event::Bank { code: "ICBC".into() });
        l.apply(Event::Account {
            id: "I".into(),
            account: Account { bank: Some(crate::BankIx(0)), ..Account::internal() },
        });
        let i = l.account_ix("I").unwrap();
        let held = Transfer::plain(Ts(500), Some(i), None, Fen(1));
        l.apply(Event::Transfer { txn_id: "1".into(), transfer: held });
        assert!(!l.moves_history(Ts(600), &[crate::BankIx(0)]));
        assert!(l.moves_history(Ts(300), &[]), "earlier than every transfer");
        assert!(l.apply(Event::Elsewhere { ts: Ts(300), banks: vec!["ICBC".into()] }));
        assert_eq!(l.history_from(i), Some(Ts(300)));
        assert!(!l.apply(Event::Elsewhere { ts: Ts(400), banks: vec!["ICBC".into()] }), "later changes nothing");
        assert_eq!(l.transfers().len(), 1, "nothing is held");
    }

    #[test]
    fn history_starts_per_bank_by_default_and_as_set() {
        let mut l = Ledger::new();
        for code in ["ICBC", "CCB"] {
            l.apply(Event::Bank { code: code.into() });
        }
        let at = |bank: Option<u16>| Account { bank: bank.map(crate::BankIx), ..Account::internal() };
        for (id, bank) in [("I", Some(0)), ("C", Some(1)), ("X", None)] {
            l.apply(Event::Account { id: id.into(), account: at(bank) });
        }
        let (i, c, x) = (l.account_ix("I").unwrap(), l.account_ix("C").unwrap(), l.account_ix("X").unwrap());
        assert_eq!(l.history_from(i), None, "no transfers, no history");
        let t = |ts: i64, from: &str, to: &str, l: &Ledger| {
            Transfer::plain(Ts(ts), l.account_ix(from), l.account_ix(to), Fen(1))
        };
        let t1 = t(500, "I", "X", &l);
        l.apply(Event::Transfer { txn_id: "1".into(), transfer: t1 });
        let t2 = t(100, "X", "C", &l);
        l.apply(Event::Transfer { txn_id: "2".into(), transfer: t2 });
        assert_eq!(l.history_from(i), Some(Ts(500)));
        assert_eq!(l.history_from(c), Some(Ts(100)));
        assert_eq!(l.history_from(x), Some(Ts(100)), "no bank: the earliest of all");
        l.apply(Event::HistoryFrom { bank: None, from: Ts(50) });
        l.apply(Event::HistoryFrom { bank: Some("ICBC".into()), from: Ts(20) });
        assert_eq!(l.history_from(i), Some(Ts(20)), "the bank's own setting");
        assert_eq!(l.history_from(c), Some(Ts(50)), "the setting for all");
        assert!(!l.apply(Event::HistoryFrom { bank: None, from: Ts(50) }), "the same setting changes nothing");
        assert!(l.apply(Event::HistoryFrom { bank: None, from: Ts(60) }), "the latest wins");
        assert_eq!(l.history_from(c), Some(Ts(60)));
    }

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
