//! Small hand-made ledgers for the unit tests.

use crate::association::Links;
use crate::catalog::{FEATURE_COUNT, OWN_COUNT};
use crate::context::Features;
use crate::engine::OwnFeatures;
use crate::model::{MuleModel, TrainParams};
use crate::snapshots::LiveRows;
use fanzha_model::{Account, AccountIx, Event, Fen, Ledger, Transfer, Ts};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Time of hour 0 of the test ledgers.
pub(crate) const T0: i64 = 1_700_000_000;

/// Accounts `A0`… with nothing known about them; transfers `(from, to, hour after T0, yuan)`.
pub(crate) fn ledger(n: usize, transfers: &[(u32, u32, i64, i64)]) -> Ledger {
    ledger_in(n, transfers, 3_600)
}

/// [`ledger`] with transfer times in units of `unit` seconds after T0 instead of hours.
pub(crate) fn ledger_in(n: usize, transfers: &[(u32, u32, i64, i64)], unit: i64) -> Ledger {
    let mut l = Ledger::new();
    for i in 0..n {
        l.apply(Event::Account { id: format!("A{i}").into(), account: Account::internal() });
    }
    for (k, &(f, t, h, y)) in transfers.iter().enumerate() {
        let transfer = Transfer::plain(Ts(T0 + h * unit), Some(AccountIx(f)), Some(AccountIx(t)), Fen(y * 100));
        l.apply(Event::Transfer { txn_id: format!("T{k}").into(), transfer });
    }
    l
}

/// A population where 5 % of accounts ("seeds") stand out on their own (column 0 high) and
/// another 5 % ("quiet" mules) look like everyone else but take money from seeds; the rest pay
/// one another. Returns rows, links and kinds (0 normal, 1 seed, 2 quiet).
pub(crate) fn population(seed: u64) -> (Vec<Features>, Links, Vec<u8>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n = 2_000usize;
    let kinds: Vec<u8> = (0..n).map(|i| [1, 2].get(i % 20).copied().unwrap_or(0)).collect();
    let of_kind = |k: u8| (0..n as u32).filter(|&i| kinds[i as usize] == k).collect::<Vec<_>>();
    let (normals, seeds) = (of_kind(0), of_kind(1));
    let mut rows = vec![[f64::NAN; FEATURE_COUNT]; n];
    let mut transfers = Vec::new();
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = if kinds[i] == 1 { 1.0 } else { 0.0 } + rng.random_range(0.0..0.6);
        row[1] = rng.random_range(0.0..1.0);
        let payers = if kinds[i] == 2 { &seeds } else { &normals };
        for _ in 0..3 {
            transfers.push((payers[rng.random_range(0..payers.len())], i as u32));
        }
    }
    (rows, Links::from_transfers(n, transfers), kinds)
}

/// Quick training settings for the tests.
pub(crate) fn params() -> TrainParams {
    TrainParams { iterations: 40, max_depth: 3, ..TrainParams::default() }
}

/// A model trained on [`population`]`(seed)` with every account labelled (seeds and quiet mules
/// positive).
pub(crate) fn trained_on_population(seed: u64) -> MuleModel {
    let (mut rows, links, kinds) = population(seed);
    let labels: Vec<Option<bool>> = kinds.iter().map(|&k| Some(k != 0)).collect();
    let live = live_of(&rows, &labels);
    MuleModel::train(&mut rows, &labels, &links, &live, &params(), "test".into()).unwrap()
}

/// The own columns of the labelled `rows`, as the live stage's rows.
pub(crate) fn live_of(rows: &[Features], labels: &[Option<bool>]) -> LiveRows {
    let mut live = LiveRows::default();
    for (i, (r, l)) in rows.iter().zip(labels).enumerate() {
        let Some(l) = *l else { continue };
        let own: OwnFeatures = r[..OWN_COUNT].try_into().expect("rows start with the own columns");
        live.rows.push(own);
        live.labels.push(l);
        live.groups.push(i);
    }
    live
}
