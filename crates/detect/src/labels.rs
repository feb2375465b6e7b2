//! Ground truth for evaluation and training, read from the labels a source carried: which accounts
//! are mules and which holders farm cards. Detection reads them only to learn from the store's
//! confirmed cases ([`crate::cases`]; on by default in `fanzha detect mules` and `fanzha eval`).

use fanzha_model::{AccountIx, HolderDigest, LabelTarget, Ledger, TransferIx, Ts};
use rustc_hash::FxHashSet;

/// Account labels that mean "this account carried illicit money": the generator's `mule`,
/// AMLSim's `isFraud`.
pub const MULE_ACCOUNT_LABELS: &[&str] = &["mule", "isFraud"];
/// Transfer labels whose two ends count as mule accounts: AMLworld's `Is Laundering`.
pub const MULE_TRANSFER_LABELS: &[&str] = &["Is Laundering"];
/// The holder label of a card farmer (the generator's `card_farmer`).
pub const FARMER_LABEL: &str = "card_farmer";
/// The transfer label of a payment obtained by fraud (the generator's `fraud`: a victim's payment
/// or a later hop of its money).
pub const FRAUD_LABEL: &str = "fraud";

/// Accounts labelled as mules (directly, or as an end of a laundering transfer).
pub fn mule_accounts(ledger: &Ledger) -> FxHashSet<AccountIx> {
    let mut out = FxHashSet::default();
    for label in ledger.labels() {
        match label.target {
            LabelTarget::Account(a) if MULE_ACCOUNT_LABELS.contains(&&*label.name) => {
                out.insert(a);
            }
            LabelTarget::Transfer(t) if MULE_TRANSFER_LABELS.contains(&&*label.name) => {
                let transfer = ledger.transfer(t);
                out.extend(transfer.from.into_iter().chain(transfer.to).filter(|&a| !ledger.account(a).external));
            }
            _ => {}
        }
    }
    out
}

/// The accounts labelled as mules ([`mule_accounts`]) that an anti-fraud centre could have confirmed
/// by `by`, tracing the money the way it does: from a payment labelled [`FRAUD_LABEL`] (a victim's
/// report) into the account, or from a payment into it out of an account already traced, at or
/// before `by`. A labelled account no such payment reaches by then is not yet confirmed. For
/// replays of past days (a backtest), whose store holds labels confirmed later.
///
/// A later hop labelled [`FRAUD_LABEL`] seeds the trace like a victim's payment: the label says the
/// centre followed the money through it, and the hop is never earlier than the payment it came
/// from, so it confirms nothing sooner than tracing would. The caller's confirmation delay is
/// already taken off `by`: a chain is followed to its end at once, not one delay per hop.
pub fn mule_accounts_traced_by(ledger: &Ledger, by: Ts) -> FxHashSet<AccountIx> {
    let labelled = mule_accounts(ledger);
    let reported = fraud_transfers(ledger);
    let mut in_time: Vec<TransferIx> = (0..ledger.transfers().len())
        .map(TransferIx::of)
        .filter(|&t| ledger.transfer(t).ts <= by && ledger.transfer(t).to.is_some_and(|a| labelled.contains(&a)))
        .collect();
    in_time.sort_by_key(|&t| (ledger.transfer(t).ts, t.0));
    let mut traced = FxHashSet::default();
    for t in in_time {
        let transfer = ledger.transfer(t);
        let from_traced = transfer.from.is_some_and(|a| traced.contains(&a));
        if let (Some(to), true) = (transfer.to, reported.contains(&t) || from_traced) {
            traced.insert(to);
        }
    }
    traced
}

/// The mule accounts a centre has confirmed: those traced by `by` ([`mule_accounts_traced_by`]),
/// or every labelled one ([`mule_accounts`]) when `by` is `None` (a live store, whose labels are
/// the cases confirmed so far).
pub fn confirmed_mules(ledger: &Ledger, by: Option<Ts>) -> FxHashSet<AccountIx> {
    match by {
        Some(by) => mule_accounts_traced_by(ledger, by),
        None => mule_accounts(ledger),
    }
}

/// Holders labelled as card farmers.
pub fn farmer_holders(ledger: &Ledger) -> FxHashSet<HolderDigest> {
    ledger
        .labels()
        .iter()
        .filter_map(|l| match l.target {
            LabelTarget::Holder(h) if &*l.name == FARMER_LABEL => Some(h),
            _ => None,
        })
        .collect()
}

/// Transfers labelled [`FRAUD_LABEL`].
pub fn fraud_transfers(ledger: &Ledger) -> FxHashSet<TransferIx> {
    transfers_labelled(ledger, |name| name == FRAUD_LABEL)
}

/// The largest fraud-labelled payment made by an account the store does not label a mule: a
/// victim's (ties go to the earlier transfer). `None` when the store has no victim payment.
pub fn largest_victim_payment(ledger: &Ledger) -> Option<TransferIx> {
    let mules = mule_accounts(ledger);
    fraud_transfers(ledger)
        .into_iter()
        .filter(|&t| ledger.transfer(t).from.is_some_and(|f| !mules.contains(&f)))
        .max_by_key(|&t| (ledger.transfer(t).amount, std::cmp::Reverse(t.0)))
}

/// Transfers the store labels as fraud (any transfer label).
pub fn labelled_transfers(ledger: &Ledger) -> FxHashSet<TransferIx> {
    transfers_labelled(ledger, |_| true)
}

/// Transfers with a label whose name `keep` accepts.
fn transfers_labelled(ledger: &Ledger, keep: impl Fn(&str) -> bool) -> FxHashSet<TransferIx> {
    ledger
        .labels()
        .iter()
        .filter_map(|l| match l.target {
            LabelTarget::Transfer(t) if keep(&l.name) => Some(t),
            _ => None,
        })
        .collect()
}

/// A bad row of a label file: its 1-based line and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Labels read from a file, resolved against a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLabels<T> {
    /// Each id the store knows, with its label, in file order.
    pub labels: Vec<(T, bool)>,
    /// Rows whose id the store does not know.
    pub unknown: usize,
}

/// Reads `id,label` rows: label `1`, `true` or `fraud`, or `0` or `false`; blank lines and `#`
/// comments skipped; a first row whose label column says `label` is a header. Every bad row is
/// returned (with its line), so nothing is trained or scored on half a file.
pub fn parse_rows(text: &str) -> Result<Vec<(usize, &str, bool)>, Vec<BadRow>> {
    let (mut out, mut bad) = (Vec::new(), Vec::new());
    let first = first_row(text);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, label)) = line.split_once(',') else {
            bad.push(BadRow { line: n + 1, reason: "expected `id,label`".into() });
            continue;
        };
        let label = match label.trim() {
            "1" | "true" | "fraud" => true,
            "0" | "false" => false,
            header if n == first && header.eq_ignore_ascii_case("label") => continue,
            other => {
                bad.push(BadRow { line: n + 1, reason: format!("label '{other}' is not 1, 0, true, false or fraud") });
                continue;
            }
        };
        out.push((n + 1, id.trim(), label));
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad)
    }
}

/// The index of the first line that is neither blank nor a comment.
fn first_row(text: &str) -> usize {
    text.lines().position(|l| !l.trim().is_empty() && !l.trim().starts_with('#')).unwrap_or(0)
}

/// `account_id,label` rows resolved to the store's accounts.
pub fn account_labels(text: &str, ledger: &Ledger) -> Result<FileLabels<AccountIx>, Vec<BadRow>> {
    resolved(text, |id| ledger.account_ix(id))
}

/// `txn_id,label` rows resolved to the store's transfers.
pub fn transfer_labels(text: &str, ledger: &Ledger) -> Result<FileLabels<TransferIx>, Vec<BadRow>> {
    resolved(text, |id| ledger.txn_ix(id))
}

/// The rows of `text` whose id `find` knows, and how many it does not.
fn resolved<T>(text: &str, find: impl Fn(&str) -> Option<T>) -> Result<FileLabels<T>, Vec<BadRow>> {
    let rows = parse_rows(text)?;
    let labels: Vec<(T, bool)> = rows.iter().filter_map(|&(_, id, l)| find(id).map(|x| (x, l))).collect();
    Ok(FileLabels { unknown: rows.len() - labels.len(), labels })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, Event, Fen, Label, Transfer, Ts};

    #[test]
    fn the_largest_victim_payment_skips_payments_by_mules() {
        let mut l = Ledger::new();
        for id in ["victim", "mule", "next"] {
            l.apply(Event::Account { id: id.into(), account: Account::internal() });
        }
        let pay =
            |from: u32, to: u32, fen: i64| Transfer::plain(Ts(0), Some(AccountIx(from)), Some(AccountIx(to)), Fen(fen));
        for (txn, t) in
            [("small", pay(0, 1, 5)), ("layer", pay(1, 2, 50)), ("big", pay(0, 1, 9)), ("plain", pay(0, 2, 99))]
        {
            l.apply(Event::Transfer { txn_id: txn.into(), transfer: t });
        }
        assert_eq!(largest_victim_payment(&l), None, "no labels, no victim payment");
        for t in 0..3 {
            l.apply(Event::Label(Label { target: LabelTarget::Transfer(TransferIx(t)), name: FRAUD_LABEL.into() }));
        }
        l.apply(Event::Label(Label { target: LabelTarget::Account(AccountIx(1)), name: "mule".into() }));
        assert_eq!(largest_victim_payment(&l).map(|t| l.txn_id(t).to_string()).as_deref(), Some("big"));
    }

    #[test]
    fn a_labelled_account_is_confirmed_once_the_reported_money_reaches_it() {
        // victim → m1 (reported, t 10) → m2 (t 20) → m4 (t 40); a shop pays m3 (t 5); m1 also
        // pays the shop (t 30). m1 to m4 are labelled mules, the shop is not.
        let mut l = Ledger::new();
        for id in ["victim", "m1", "m2", "m3", "m4", "shop"] {
            l.apply(Event::Account { id: id.into(), account: Account::internal() });
        }
        let pay =
            |from: u32, to: u32, t: i64| Transfer::plain(Ts(t), Some(AccountIx(from)), Some(AccountIx(to)), Fen(100));
        for (txn, t) in [
            ("a", pay(0, 1, 10)),
            ("b", pay(1, 2, 20)),
            ("c", pay(5, 3, 5)),
            ("d", pay(1, 5, 30)),
            ("e", pay(2, 4, 40)),
        ] {
            l.apply(Event::Transfer { txn_id: txn.into(), transfer: t });
        }
        l.apply(Event::Label(Label { target: LabelTarget::Transfer(TransferIx(0)), name: FRAUD_LABEL.into() }));
        for a in 1..=4 {
            l.apply(Event::Label(Label { target: LabelTarget::Account(AccountIx(a)), name: "mule".into() }));
        }
        let traced = |by: i64| {
            let mut v: Vec<u32> = mule_accounts_traced_by(&l, Ts(by)).into_iter().map(|a| a.0).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(traced(9), Vec::<u32>::new(), "before the report");
        assert_eq!(traced(10), [1], "the reported payment's payee, at its time");
        assert_eq!(traced(39), [1, 2], "the next hop");
        assert_eq!(traced(100), [1, 2, 4], "and the one after; m3 no reported money reaches, the shop is not labelled");
        assert_eq!(mule_accounts(&l).len(), 4, "every label counts when no time is asked");
    }

    #[test]
    fn label_rows_with_a_header_comments_and_every_bad_row_named() {
        let rows = parse_rows("# mules\naccount_id,label\nA,1\n\nB, false\nC,fraud\n").unwrap();
        assert_eq!(rows, vec![(3, "A", true), (5, "B", false), (6, "C", true)]);
        assert_eq!(parse_rows("A,1\nB,0").unwrap().len(), 2, "no header");
        let bad = parse_rows("txn_id,label\nA,1\nB\nC,maybe\n").unwrap_err();
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), vec![3, 4]);
        assert_eq!(bad[1].reason, "label 'maybe' is not 1, 0, true, false or fraud");
        let bad = parse_rows("A,yes\nB,1\n").unwrap_err();
        assert_eq!(bad[0].line, 1, "a first row is a header only if it says so");
    }
}
