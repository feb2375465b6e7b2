//! Every account feature of the streaming engine against a deliberately naive reference that
//! recomputes it from the whole list of an account's transfers, on many small random ledgers
//! (ties in time, self-transfers, cash in and out, shared holders, unknown opening dates).

use fanzha_detect::catalog::ix;
use fanzha_detect::catalog::{PAYEES_MEAN, PAYERS_MEAN, SHAPES, SHAPE_START};
use fanzha_detect::geo::province_km;
use fanzha_detect::{context, ContextConfig, FeatureConfig, FeatureEngine, FEATURES, OWN_COUNT};
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{
    Account, AccountClass, AccountIx, BankIx, Event, Fen, HolderSalt, Ledger, Region, Transfer, TransferKind, Ts,
};
use fanzha_patterns::Edge;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const T0: i64 = 1_709_251_200;
const REGIONS: [u32; 4] = [110105, 420100, 440300, 650100];

/// The history settings a random ledger got: (bank code or all, start), in order.
type Settings = Vec<(Option<String>, i64)>;

fn random_ledger(rng: &mut ChaCha8Rng) -> Ledger {
    random_ledger_with_history(rng).0
}

fn random_ledger_with_history(rng: &mut ChaCha8Rng) -> (Ledger, Settings) {
    let mut ledger = Ledger::new();
    // Mostly three banks; sometimes hundreds, as in data from many small banks.
    let banks = if rng.random_bool(0.2) { 600 } else { 3 };
    for bank in 0..banks {
        ledger.apply(Event::Bank { code: format!("B{bank}").into() });
    }
    let salt = HolderSalt::new([3; 32]);
    let n = rng.random_range(2..8);
    for i in 0..n {
        let holder = rng.random_range(0..3);
        let account = Account {
            bank: Some(BankIx(rng.random_range(0..banks))),
            holder: Some(salt.holder(&format!("42010519900101{holder:04}"))),
            // Opened before the data, or inside it (some after their own first transfer: bad data).
            opened_at: rng.random_bool(0.8).then(|| Ts(T0 + rng.random_range(-40..40) * 86_400)),
            open_region: Region::new(REGIONS[rng.random_range(0..4)]),
            class: [None, Some(AccountClass::I), Some(AccountClass::II), Some(AccountClass::Corp)]
                [rng.random_range(0..4)],
            opening_balance: Fen(rng.random_range(0..3) * 50_000),
            ..Account::internal()
        };
        ledger.apply(Event::Account { id: format!("A{i}").into(), account });
    }
    for t in 0..rng.random_range(0..60) {
        // Times cluster so that windows, ties and quiet spells all happen.
        let ts = T0
            + rng.random_range(0..4) * 9 * 86_400
            + rng.random_range(0..6) * 1_800
            + rng.random_range(0..3) * 8 * 3_600;
        let from = rng.random_bool(0.9).then(|| AccountIx(rng.random_range(0..n)));
        let to = if from.is_none() || rng.random_bool(0.85) { Some(AccountIx(rng.random_range(0..n))) } else { None };
        let amount = Fen(rng.random_range(1..40) * 50_000);
        let region = Region::new(REGIONS[rng.random_range(0..4)]);
        let transfer = Transfer { region, ..Transfer::plain(Ts(ts), from, to, amount) };
        ledger.apply(Event::Transfer { txn_id: format!("T{t}").into(), transfer });
    }
    // Sometimes the history's start is set, for all banks or for one.
    let mut settings = Settings::new();
    for _ in 0..rng.random_range(0..3) {
        let bank: Option<String> = rng.random_bool(0.5).then(|| format!("B{}", rng.random_range(0..banks)));
        let from = T0 + rng.random_range(-10..20) * 86_400;
        ledger.apply(Event::HistoryFrom { bank: bank.clone().map(Into::into), from: Ts(from) });
        settings.push((bank, from));
    }
    (ledger, settings)
}

/// Where account `a`'s history starts, by brute force: a setting of its bank's, else one for all
/// banks (the latest of each wins), else the earliest transfer whose parties with a bank all have its
/// bank, else the earliest touching an account of its bank (any account, when it has no bank).
fn history_reference(ledger: &Ledger, settings: &Settings, a: AccountIx) -> Option<i64> {
    let bank = ledger.account(a).bank;
    let code = bank.map(|b| ledger.bank_code(b).to_string());
    let set = |want: &Option<String>| settings.iter().rev().find(|(b, _)| b == want).map(|(_, f)| *f);
    if let Some(f) = code.clone().and_then(|c| set(&Some(c))).or_else(|| set(&None)) {
        return Some(f);
    }
    let banks = |t: &Transfer| -> Vec<_> {
        [t.from, t.to].into_iter().flatten().filter_map(|x| ledger.account(x).bank).collect()
    };
    let earliest =
        |keep: &dyn Fn(&Transfer) -> bool| ledger.transfers().iter().filter(|t| keep(t)).map(|t| t.ts.0).min();
    if bank.is_some() {
        let own = earliest(&|t| {
            let of = banks(t);
            !of.is_empty() && of.iter().all(|&b| Some(b) == bank)
        });
        if own.is_some() {
            return own;
        }
    }
    earliest(&|t| bank.is_none_or(|b| banks(t).contains(&b))).or_else(|| earliest(&|_| true))
}

/// The naive reference: every feature from the account's transfers in the graph's time order.
fn reference(
    ledger: &Ledger,
    graph: &TemporalGraph,
    cfg: &FeatureConfig,
    settings: &Settings,
    a: AccountIx,
) -> [f64; OWN_COUNT] {
    let acc = ledger.account(a);
    let history = history_reference(ledger, settings, a);
    let all: Vec<&Transfer> = (0..graph.edge_count()).map(|e| ledger.transfer(graph.edge(EdgeIx::of(e)).txn)).collect();
    let ins: Vec<&Transfer> = all.iter().copied().filter(|t| t.to == Some(a)).collect();
    let outs: Vec<&Transfer> = all.iter().copied().filter(|t| t.from == Some(a)).collect();
    // Each side of a transfer is one touch (a self-transfer touches twice).
    let touches: Vec<i64> = all
        .iter()
        .flat_map(|t| [t.from == Some(a), t.to == Some(a)].into_iter().filter(|&x| x).map(move |_| t.ts.0))
        .collect();
    let mut f = [f64::NAN; OWN_COUNT];
    let yuan = |fen: i64| fen as f64 / 100.0;
    let ratio = |x: f64, y: f64| if y > 0.0 { x / y } else { f64::NAN };
    let sum = |v: &[&Transfer]| v.iter().map(|t| t.amount.0).sum::<i64>();
    let (in_sum, out_sum) = (sum(&ins), sum(&outs));
    let opened = acc.opened_at.map(|t| t.0);
    // Since opening is known only for accounts opened inside the history, and not before their use.
    let known_open = opened.filter(|&o| history.is_none_or(|h| o >= h));
    f[ix::OPEN_DAYS_AT_LARGE_IN] = match (ins.iter().find(|t| t.amount >= cfg.large_inflow), known_open) {
        (Some(t), Some(o)) if t.ts.0 >= o => (t.ts.0 - o) as f64 / 86_400.0,
        _ => f64::NAN,
    };
    f[ix::QUIET_DAYS_AFTER_OPEN] = match (touches.first(), known_open) {
        (Some(&t), Some(o)) if t >= o => (t - o) as f64 / 86_400.0,
        _ => f64::NAN,
    };
    f[ix::IN_COUNT] = ins.len() as f64;
    f[ix::OUT_COUNT] = outs.len() as f64;
    f[ix::IN_YUAN] = yuan(in_sum);
    f[ix::OUT_YUAN] = yuan(out_sum);
    let cv = |v: &[&Transfer], total: i64| {
        let mean = ratio(total as f64, v.len() as f64);
        let var = ratio(v.iter().map(|t| (t.amount.0 as f64 - mean).powi(2)).sum(), v.len() as f64);
        ratio(var.sqrt(), mean)
    };
    f[ix::IN_MEAN_YUAN] = ratio(in_sum as f64, ins.len() as f64) / 100.0;
    f[ix::IN_CV] = cv(&ins, in_sum);
    f[ix::OUT_MEAN_YUAN] = ratio(out_sum as f64, outs.len() as f64) / 100.0;
    f[ix::OUT_CV] = cv(&outs, out_sum);
    f[ix::IN_MAX_YUAN] = yuan(ins.iter().map(|t| t.amount.0).max().unwrap_or(0));
    f[ix::OUT_MAX_YUAN] = yuan(outs.iter().map(|t| t.amount.0).max().unwrap_or(0));
    f[ix::IN_MIN_YUAN] = ins.iter().map(|t| yuan(t.amount.0)).reduce(f64::min).unwrap_or(f64::NAN);
    f[ix::OUT_MIN_YUAN] = outs.iter().map(|t| yuan(t.amount.0)).reduce(f64::min).unwrap_or(f64::NAN);
    let min_share = |v: &[&Transfer], total: i64| match v.iter().map(|t| t.amount.0).min() {
        Some(min) => min as f64 / (total as f64 / v.len() as f64),
        None => f64::NAN,
    };
    f[ix::IN_MIN_SHARE] = min_share(&ins, in_sum);
    f[ix::OUT_MIN_SHARE] = min_share(&outs, out_sum);
    f[ix::PAYERS] = distinct(ins.iter().filter_map(|t| t.from.map(|x| x.0)).collect());
    f[ix::PAYEES] = distinct(outs.iter().filter_map(|t| t.to.map(|x| x.0)).collect());
    let windows = |v: &[&Transfer], other: fn(&Transfer) -> Option<AccountIx>| {
        let (mut fan, mut deg, mut total, mut repeat) = (0.0f64, 0.0f64, 0i64, 0.0f64);
        for i in 0..v.len() {
            let w: Vec<&&Transfer> = v[..=i].iter().filter(|t| t.ts.0 > v[i].ts.0 - cfg.window_secs).collect();
            fan = fan.max(distinct(w.iter().filter_map(|t| other(t).map(|x| x.0)).collect()));
            deg = deg.max(w.len() as f64);
            total = total.max(w.iter().map(|t| t.amount.0).sum());
            let same = w.iter().filter(|t| other(t).is_some() && other(t) == other(v[i])).count();
            repeat = repeat.max(same as f64);
        }
        (fan, deg, total, repeat)
    };
    let (fan_in, deg_in, win_sum, repeat_in) = windows(&ins, |t| t.from);
    let (fan_out, deg_out, _, repeat_out) = windows(&outs, |t| t.to);
    f[ix::FAN_IN_WINDOW] = fan_in;
    f[ix::FAN_OUT_WINDOW] = fan_out;
    f[ix::DEG_IN_WINDOW] = deg_in;
    f[ix::DEG_OUT_WINDOW] = deg_out;
    f[ix::REPEAT_IN_WINDOW] = repeat_in;
    f[ix::REPEAT_OUT_WINDOW] = repeat_out;
    f[ix::IN_WINDOW_YUAN] = yuan(win_sum);
    // FIFO by cumulative sums: the k-th matched fen out is the k-th fen in; money out while no
    // inflow is waiting came from the opening balance and matches nothing.
    let (mut matched, mut fast, mut day) = (0i64, 0i64, 0i64);
    let mut dwell: Vec<(i64, i64)> = Vec::new();
    let mut bal = acc.opening_balance.0;
    let (mut near, mut arrived) = (0, 0i64);
    // What each outflow passed on fast, in order (for the behaviour-change reference).
    let mut fast_parts: Vec<i64> = Vec::new();
    for t in all.iter() {
        if t.from == Some(a) {
            let take = t.amount.0.min(arrived - matched);
            let mut start = 0;
            let mut fast_here = 0;
            for i in ins.iter() {
                let (lo, hi) = (start.max(matched), (start + i.amount.0).min(matched + take));
                if hi > lo {
                    let stayed = t.ts.0 - i.ts.0;
                    if stayed <= cfg.pass_through_secs {
                        fast += hi - lo;
                        fast_here += hi - lo;
                    }
                    if stayed <= cfg.pass_through_day_secs {
                        day += hi - lo;
                    }
                    dwell.push((stayed, hi - lo));
                }
                start += i.amount.0;
            }
            fast_parts.push(fast_here);
            matched += take.max(0);
            bal -= t.amount.0;
            if bal <= cfg.near_zero.0 {
                near += 1;
            }
        }
        if t.to == Some(a) {
            bal += t.amount.0;
            arrived += t.amount.0;
        }
    }
    f[ix::PASS_THROUGH] = ratio(fast as f64, in_sum as f64);
    f[ix::PASS_THROUGH_DAY] = ratio(day as f64, in_sum as f64);
    f[ix::MEDIAN_DWELL_MIN] = median(&mut dwell);
    f[ix::NEAR_ZERO] = ratio(near as f64, outs.len() as f64);
    let night = touches.iter().filter(|&&t| (t + 8 * 3_600).rem_euclid(86_400) < 6 * 3_600).count();
    f[ix::NIGHT_SHARE] = ratio(night as f64, touches.len() as f64);
    let mut burst = 0usize;
    for (i, &t) in touches.iter().enumerate() {
        // Before its first transfer the account counts as quiet since it opened, but not before
        // the history starts.
        let prev = if i == 0 { opened.unwrap_or(t).max(history.unwrap_or(i64::MIN)) } else { touches[i - 1] };
        if t - prev >= cfg.dormancy_secs {
            burst = burst.max(touches[i..].iter().filter(|&&u| u - t < 86_400).count());
        }
    }
    f[ix::BURST_AFTER_DORMANCY] = burst as f64;
    let cps: Vec<AccountIx> = ins.iter().filter_map(|t| t.from).chain(outs.iter().filter_map(|t| t.to)).collect();
    f[ix::COUNTERPARTY_BANKS] =
        distinct(cps.iter().filter_map(|&c| ledger.account(c).bank.map(|b| u32::from(b.0))).collect());
    f[ix::COUNTERPARTY_PROVINCES] =
        distinct(cps.iter().filter_map(|&c| ledger.account(c).open_region.map(|r| r.province().code())).collect());
    let cash: Vec<&&Transfer> = outs.iter().filter(|t| t.kind == TransferKind::Withdrawal).collect();
    let cash_sum: i64 = cash.iter().map(|t| t.amount.0).sum();
    f[ix::CASH_OUT_SHARE] = ratio(cash_sum as f64, out_sum as f64);
    // Cash withdrawals within one window ending at each of them: the most, and the most money.
    let (mut cash_n, mut cash_yuan) = (0usize, 0i64);
    for (i, t) in cash.iter().enumerate() {
        let w: Vec<&&&Transfer> = cash[..=i].iter().filter(|u| u.ts.0 > t.ts.0 - cfg.window_secs).collect();
        cash_n = cash_n.max(w.len());
        cash_yuan = cash_yuan.max(w.iter().map(|u| u.amount.0).sum());
    }
    f[ix::CASH_WINDOW] = cash_n as f64;
    f[ix::CASH_WINDOW_YUAN] = yuan(cash_yuan);
    let home = acc.open_region.unwrap();
    let remote: i64 = cash.iter().filter(|t| t.region.unwrap().province() != home.province()).map(|t| t.amount.0).sum();
    f[ix::REMOTE_CASH_SHARE] = ratio(remote as f64, cash_sum as f64);
    f[ix::CASH_OUT_KM] = if cash_sum > 0 {
        cash.iter().map(|t| province_km(home, t.region.unwrap()).unwrap()).fold(0.0, f64::max)
    } else {
        f64::NAN
    };
    let other_bank: i64 =
        outs.iter().filter(|t| t.to.is_some_and(|d| ledger.account(d).bank != acc.bank)).map(|t| t.amount.0).sum();
    f[ix::OTHER_BANK_OUT_SHARE] = ratio(other_bank as f64, out_sum as f64);
    f[ix::OUT_IN_RATIO] = ratio(out_sum as f64, in_sum as f64);
    holder_reference(ledger, acc, cfg, None, &mut f);
    f[ix::ACCOUNT_CLASS] = match acc.class {
        Some(AccountClass::I) => 1.0,
        Some(AccountClass::II) => 2.0,
        Some(AccountClass::III) => 3.0,
        Some(AccountClass::Corp) => 4.0,
        None => f64::NAN,
    };
    f[ix::ACTIVE_DAYS] = match (touches.first(), touches.last()) {
        (Some(x), Some(y)) => (y - x) as f64 / 86_400.0,
        _ => f64::NAN,
    };
    if let (Some(&first), Some(&last)) = (touches.first(), touches.last()) {
        change_reference(ledger, &all, a, cfg, (first, last), known_open, history, &fast_parts, &mut f);
    }
    f
}

/// The behaviour-change columns of account `a` by brute force: every transaction of it in the
/// graph's order as an item (an outflow before the inflow of a self-transfer), a payer "new" when
/// no earlier transfer linked the two in either direction, the recent span the items after
/// `last` minus the span.
#[allow(clippy::too_many_arguments)]
fn change_reference(
    ledger: &Ledger,
    all: &[&Transfer],
    a: AccountIx,
    cfg: &FeatureConfig,
    (first, last): (i64, i64),
    known_open: Option<i64>,
    history: Option<i64>,
    fast_parts: &[i64],
    f: &mut [f64; OWN_COUNT],
) {
    let c = cfg.change;
    let known_since = match known_open {
        Some(o) if o <= first => o,
        _ => history.unwrap_or(first) + c.burn_in_secs,
    };
    // (ts, inflow, fast, counted, new payer, province)
    type Item = (i64, i64, i64, bool, bool, u32);
    let mut items: Vec<Item> = Vec::new();
    let mut outs_seen = 0;
    for (k, t) in all.iter().enumerate() {
        if t.from == Some(a) {
            items.push((t.ts.0, 0, fast_parts[outs_seen], false, false, 0));
            outs_seen += 1;
        }
        if t.to == Some(a) {
            let counted = t.ts.0 >= known_since;
            let new = t.from.is_some_and(|p| {
                p != a
                    && !all[..k]
                        .iter()
                        .any(|u| (u.from, u.to) == (Some(p), Some(a)) || (u.from, u.to) == (Some(a), Some(p)))
            });
            let province = t.from.and_then(|p| ledger.account(p).open_region).map_or(0, |r| r.code() / 10_000);
            items.push((t.ts.0, t.amount.0, 0, counted, counted && new, province));
        }
    }
    let recent_start = last - c.recent_secs;
    let (recent, before): (Vec<_>, Vec<_>) = items.iter().partition(|i| i.0 > recent_start);
    let sum = |v: &[&Item], what: fn(&Item) -> i64| v.iter().map(|i| what(i)).sum::<i64>();
    let share = |x: i64, y: i64| if y > 0 { x as f64 / y as f64 } else { f64::NAN };
    let counted = |i: &Item| if i.3 { i.1 } else { 0 };
    let new = |i: &Item| if i.4 { i.1 } else { 0 };
    let r_counted = sum(&recent, counted);
    f[ix::NEW_PAYER_SHARE_RECENT] = share(sum(&recent, new), r_counted);
    f[ix::NEW_PAYER_SHARE_BEFORE] = share(sum(&before, new), sum(&before, counted));
    let new_items: Vec<&&Item> = recent.iter().filter(|i| i.4).collect();
    f[ix::NEW_PAYERS_RECENT] = if r_counted > 0 { new_items.len() as f64 } else { f64::NAN };
    f[ix::NEW_PAYER_PROVINCES_RECENT] =
        if r_counted > 0 { distinct(new_items.iter().map(|i| i.5).filter(|&p| p != 0).collect()) } else { f64::NAN };
    f[ix::PASS_THROUGH_RECENT] = share(sum(&recent, |i| i.2), sum(&recent, |i| i.1));
    f[ix::PASS_THROUGH_BEFORE] = share(sum(&before, |i| i.2), sum(&before, |i| i.1));
    f[ix::KNOWN_DAYS_BEFORE] =
        if recent_start > known_since { (recent_start - known_since) as f64 / 86_400.0 } else { f64::NAN };
}

/// The number of distinct values in `v`.
fn distinct(mut v: Vec<u32>) -> f64 {
    v.sort_unstable();
    v.dedup();
    v.len() as f64
}

/// The holder columns of `acc` by brute force: over the accounts of its holder known at `until`
/// (opened by then, or at an unknown time; all when `None`), all `NaN` when there are none.
fn holder_reference(ledger: &Ledger, acc: &Account, cfg: &FeatureConfig, until: Option<Ts>, f: &mut [f64; OWN_COUNT]) {
    let known = |x: &Account| until.is_none_or(|cut| x.opened_at.is_none_or(|t| t <= cut));
    let mine: Vec<&Account> = ledger.accounts().iter().filter(|x| x.holder == acc.holder && known(x)).collect();
    if mine.is_empty() {
        for c in
            [ix::HOLDER_ACCOUNTS, ix::HOLDER_BANKS, ix::HOLDER_CITIES, ix::HOLDER_OPENED_30D, ix::HOLDER_OPENED_NEAR]
        {
            f[c] = f64::NAN;
        }
        return;
    }
    f[ix::HOLDER_ACCOUNTS] = mine.len() as f64;
    f[ix::HOLDER_BANKS] = distinct(mine.iter().filter_map(|x| x.bank.map(|b| u32::from(b.0))).collect());
    f[ix::HOLDER_CITIES] = distinct(mine.iter().filter_map(|x| x.open_region.map(|r| r.prefecture().code())).collect());
    let opens: Vec<i64> = mine.iter().filter_map(|x| x.opened_at.map(|t| t.0)).collect();
    f[ix::HOLDER_OPENED_30D] = opens
        .iter()
        .map(|&s| opens.iter().filter(|&&u| u >= s && u - s <= cfg.opening_window_secs).count())
        .max()
        .unwrap_or(0) as f64;
    f[ix::HOLDER_OPENED_NEAR] = acc
        .opened_at
        .map_or(f64::NAN, |t| opens.iter().filter(|&&u| (u - t.0).abs() <= cfg.opening_window_secs).count() as f64);
}

/// Money-weighted median dwell, shown as the geometric middle of its power-of-two-minutes bucket.
fn median(dwell: &mut [(i64, i64)]) -> f64 {
    let total: i64 = dwell.iter().map(|d| d.1).sum();
    if total == 0 {
        return f64::NAN;
    }
    dwell.sort_unstable();
    let mut seen = 0;
    for &(secs, amount) in dwell.iter() {
        seen += amount;
        if 2 * seen >= total {
            let minutes = secs / 60 + 1;
            let b = 63 - (minutes as u64).leading_zeros();
            let (lo, hi) = ((1u64 << b) as f64, (1u64 << (b + 1)) as f64);
            return ((lo * hi).sqrt() - 1.0).max(0.0);
        }
    }
    unreachable!()
}

/// The default settings half of the time; otherwise each setting drawn from a few values around it.
fn random_config(rng: &mut ChaCha8Rng) -> FeatureConfig {
    let d = FeatureConfig::default();
    if rng.random_bool(0.5) {
        return d;
    }
    let mut pick = |options: &[i64]| options[rng.random_range(0..options.len())];
    FeatureConfig {
        window_secs: pick(&[3_600, 86_400, 3 * 86_400]),
        pass_through_secs: pick(&[600, 3_600, 86_400]),
        pass_through_day_secs: pick(&[3_600, 86_400, 2 * 86_400]),
        large_inflow: Fen(pick(&[500_000, 1_000_000, 5_000_000])),
        near_zero: Fen(pick(&[0, 10_000, 100_000])),
        dormancy_secs: pick(&[86_400, 7 * 86_400, 20 * 86_400]),
        opening_window_secs: pick(&[86_400, 30 * 86_400]),
        change: fanzha_detect::ChangeConfig {
            recent_secs: pick(&[86_400, 7 * 86_400, 20 * 86_400]),
            burn_in_secs: pick(&[0, 86_400, 14 * 86_400]),
        },
    }
}

fn same(x: f64, y: f64) -> bool {
    (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-9 * x.abs().max(1.0)
}

#[test]
fn every_feature_matches_the_naive_reference() {
    let mut exercised = [0usize; OWN_COUNT];
    for seed in 0..400 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (ledger, settings) = random_ledger_with_history(&mut rng);
        let cfg = random_config(&mut rng);
        let graph = TemporalGraph::build(&ledger);
        let engine = FeatureEngine::replay(&ledger, &graph, cfg, None);
        for a in 0..ledger.accounts().len() as u32 {
            let got = engine.features(&ledger, AccountIx(a));
            let want = reference(&ledger, &graph, &cfg, &settings, AccountIx(a));
            for c in 0..OWN_COUNT {
                assert!(
                    same(got[c], want[c]),
                    "seed {seed} account A{a} {}: engine {} reference {}",
                    FEATURES[c].name,
                    got[c],
                    want[c]
                );
                exercised[c] += usize::from(got[c].is_finite() && got[c] > 0.0);
            }
        }
    }
    // The random ledgers must reach every feature with interesting values, or the test proves little.
    for c in 0..OWN_COUNT {
        assert!(exercised[c] >= 20, "{} was positive only {} times", FEATURES[c].name, exercised[c]);
    }
}

#[test]
fn replay_until_sees_only_the_past() {
    let cfg = FeatureConfig::default();
    let mut cut_off_accounts = 0;
    for seed in 0..40 {
        let mut rng = ChaCha8Rng::seed_from_u64(99 + seed);
        let ledger = random_ledger(&mut rng);
        let graph = TemporalGraph::build(&ledger);
        // Accounts open up to 40 days before T0, transfers from T0 on: the first cut leaves some
        // accounts unopened, the second some transfers unmade.
        for cut in [Ts(T0 - 20 * 86_400), Ts(T0 + 9 * 86_400)] {
            let engine = FeatureEngine::replay(&ledger, &graph, cfg, Some(cut));
            for a in 0..ledger.accounts().len() as u32 {
                let f = engine.features(&ledger, AccountIx(a));
                let seen = ledger.transfers().iter().filter(|t| t.ts <= cut && t.to == Some(AccountIx(a))).count();
                assert_eq!(f[ix::IN_COUNT], seen as f64);
                // The holder columns as they could be known at the cut.
                let acc = ledger.account(AccountIx(a));
                let mut want = [f64::NAN; OWN_COUNT];
                holder_reference(&ledger, acc, &cfg, Some(cut), &mut want);
                for c in [
                    ix::HOLDER_ACCOUNTS,
                    ix::HOLDER_BANKS,
                    ix::HOLDER_CITIES,
                    ix::HOLDER_OPENED_30D,
                    ix::HOLDER_OPENED_NEAR,
                ] {
                    assert!(
                        same(f[c], want[c]),
                        "seed {seed}, account {a}, {}: {} vs {}",
                        FEATURES[c].name,
                        f[c],
                        want[c]
                    );
                }
                let known = if want[ix::HOLDER_ACCOUNTS].is_nan() { 0 } else { want[ix::HOLDER_ACCOUNTS] as usize };
                cut_off_accounts += ledger.accounts().iter().filter(|x| x.holder == acc.holder).count() - known;
            }
        }
    }
    assert!(cut_off_accounts > 20, "the cuts must leave accounts out: {cut_off_accounts}");
}

/// Accounts that reach the ledger after the engine was made (a live service's new customers) count
/// in their holders' columns, on their own rows and on the holder's older accounts alike.
#[test]
fn accounts_added_later_count_in_their_holders_columns() {
    let cfg = FeatureConfig::default();
    let holder_columns =
        [ix::HOLDER_ACCOUNTS, ix::HOLDER_BANKS, ix::HOLDER_CITIES, ix::HOLDER_OPENED_30D, ix::HOLDER_OPENED_NEAR];
    let mut late_accounts = 0;
    for seed in 0..60 {
        let mut rng = ChaCha8Rng::seed_from_u64(7_000 + seed);
        let full = random_ledger(&mut rng);
        // The same events, with the engine made when only the first accounts were known.
        let first = rng.random_range(1..=full.accounts().len());
        let mut ledger = Ledger::new();
        for b in 0..full.bank_count() {
            ledger.apply(Event::Bank { code: full.bank_code(BankIx::of(b)).into() });
        }
        let account = |i: usize| Event::Account {
            id: full.account_id(AccountIx::of(i)).into(),
            account: full.account(AccountIx::of(i)).clone(),
        };
        for i in 0..first {
            ledger.apply(account(i));
        }
        let mut engine = FeatureEngine::new(&ledger, cfg);
        for i in first..full.accounts().len() {
            ledger.apply(account(i));
            late_accounts += 1;
        }
        for t in full.transfers() {
            engine.observe(&ledger, t);
        }
        engine.grow(&ledger);
        for a in 0..ledger.accounts().len() {
            let f = engine.features(&ledger, AccountIx::of(a));
            let mut want = [f64::NAN; OWN_COUNT];
            holder_reference(&ledger, ledger.account(AccountIx::of(a)), &cfg, None, &mut want);
            for c in holder_columns {
                assert!(same(f[c], want[c]), "seed {seed}, account {a}, {}: {} vs {}", FEATURES[c].name, f[c], want[c]);
            }
        }
    }
    assert!(late_accounts > 50, "accounts must arrive late: {late_accounts}");
}

/// The context columns (neighbour averages and shape aggregates) against a naive recomputation:
/// neighbours from a scan of every transfer, their features from [`reference`], shape counts from
/// `fanzha-patterns` on the transfers in time order, aggregated per account by brute force.
#[test]
fn context_columns_match_a_naive_aggregation() {
    let cfg = ContextConfig::default();
    let mut seen_shapes = 0;
    for seed in 0..150 {
        let mut rng = ChaCha8Rng::seed_from_u64(1_000 + seed);
        let (ledger, settings) = random_ledger_with_history(&mut rng);
        let graph = TemporalGraph::build(&ledger);
        let engine = FeatureEngine::replay(&ledger, &graph, FeatureConfig::default(), None);
        let accounts: Vec<AccountIx> = (0..ledger.accounts().len()).map(AccountIx::of).collect();
        let rows = context::rows(&engine, &ledger, &graph, None, &accounts, &cfg);
        let mut order: Vec<usize> = (0..ledger.transfers().len()).collect();
        order.sort_by_key(|&i| ledger.transfers()[i].ts);
        let pairs: Vec<(u32, u32, i64)> =
            order.iter().map(|&i| &ledger.transfers()[i]).filter_map(|t| Some((t.from?.0, t.to?.0, t.ts.0))).collect();
        let edges: Vec<Edge> =
            pairs.iter().map(|&(s, d, t)| Edge { src: i64::from(s), dst: i64::from(d), time: t }).collect();
        let counted = fanzha_patterns::compute(&edges, &cfg.shapes);
        for &a in &accounts {
            let row = &rows[a.0 as usize];
            for (start, payers) in [(PAYERS_MEAN, true), (PAYEES_MEAN, false)] {
                let mut who: Vec<u32> = pairs
                    .iter()
                    .filter(|&&(s, d, _)| s != d && if payers { d == a.0 } else { s == a.0 })
                    .map(|&(s, d, _)| if payers { s } else { d })
                    .collect();
                who.sort_unstable();
                who.dedup();
                let refs: Vec<[f64; OWN_COUNT]> = who
                    .iter()
                    .map(|&n| reference(&ledger, &graph, &FeatureConfig::default(), &settings, AccountIx(n)))
                    .collect();
                for c in 0..OWN_COUNT {
                    let vals: Vec<f64> = refs.iter().map(|r| r[c]).filter(|v| !v.is_nan()).collect();
                    let want = if vals.is_empty() { f64::NAN } else { vals.iter().sum::<f64>() / vals.len() as f64 };
                    let got = row[start + c];
                    assert!(same(got, want), "seed {seed} A{} {}: {got} vs {want}", a.0, FEATURES[start + c].name);
                }
            }
            for (g, &(group, _, _)) in SHAPES.iter().enumerate() {
                let bounds = group.pattern(&cfg.shapes).bins.bounds();
                for (side, incoming) in [(0, true), (1, false)] {
                    let mine: Vec<usize> = (0..pairs.len())
                        .filter(|&e| if incoming { pairs[e].1 == a.0 } else { pairs[e].0 == a.0 })
                        .collect();
                    let hist = |e: usize| counted.histogram(group, e).unwrap().to_vec();
                    let counts: Vec<f64> = mine.iter().map(|&e| hist(e).iter().sum::<u32>() as f64).collect();
                    let sizes: Vec<i64> = mine
                        .iter()
                        .flat_map(|&e| hist(e).into_iter().enumerate().filter(|&(_, c)| c > 0).map(|(i, _)| bounds[i]))
                        .collect();
                    let (want_mean, want_max) = if mine.is_empty() {
                        (f64::NAN, f64::NAN)
                    } else {
                        (counts.iter().sum::<f64>() / counts.len() as f64, sizes.into_iter().max().unwrap_or(0) as f64)
                    };
                    let col = SHAPE_START + g * 4 + side * 2;
                    assert!(same(row[col], want_mean), "seed {seed} A{} {}", a.0, FEATURES[col].name);
                    assert!(same(row[col + 1], want_max), "seed {seed} A{} {}", a.0, FEATURES[col + 1].name);
                    seen_shapes += usize::from(want_max >= 2.0);
                }
            }
        }
    }
    assert!(seen_shapes >= 100, "random ledgers must form patterns ({seen_shapes})");
}

/// A ledger where strangers' money is often passed on within the hour: up to 30 accounts, transfers
/// minutes apart within a few hours on a few days, half of them to three accounts (collectors).
fn forwarding_ledger(rng: &mut ChaCha8Rng) -> Ledger {
    let mut ledger = Ledger::new();
    let n = rng.random_range(4..30);
    for i in 0..n {
        ledger.apply(Event::Account { id: format!("A{i}").into(), account: Account::internal() });
    }
    for t in 0..rng.random_range(0..120) {
        let ts = T0 + rng.random_range(0..3) * 86_400 + rng.random_range(0..240) * 60;
        let from = rng.random_bool(0.95).then(|| AccountIx(rng.random_range(0..n)));
        let to = if rng.random_bool(0.5) { rng.random_range(0..3.min(n)) } else { rng.random_range(0..n) };
        let amount = Fen(rng.random_range(1..40) * 50_000);
        let transfer = Transfer::plain(Ts(ts), from, Some(AccountIx(to)), amount);
        ledger.apply(Event::Transfer { txn_id: format!("T{t}").into(), transfer });
    }
    ledger
}

/// The collector columns against a brute-force reading of their definition: every pair of an
/// inflow from a first-time payer and a later outflow within the hour of at least half of it.
#[test]
fn collector_columns_match_a_brute_force_scan() {
    let cfg = ContextConfig::default();
    let (mut forwarders_seen, mut shared_seen) = (0, 0);
    for seed in 0..300 {
        let mut rng = ChaCha8Rng::seed_from_u64(5_000 + seed);
        let ledger = if seed % 2 == 0 { random_ledger(&mut rng) } else { forwarding_ledger(&mut rng) };
        let graph = TemporalGraph::build(&ledger);
        let engine = FeatureEngine::replay(&ledger, &graph, FeatureConfig::default(), None);
        let accounts: Vec<AccountIx> = (0..ledger.accounts().len()).map(AccountIx::of).collect();
        let rows = context::rows(&engine, &ledger, &graph, None, &accounts, &cfg);
        let edges: Vec<_> = (0..graph.edge_count()).map(|e| graph.edge(EdgeIx::of(e))).collect();
        let between = |x: u32, y: u32, before: usize| {
            edges[..before].iter().any(|e| {
                let (s, d) = (e.src.map(|a| a.0), e.dst.map(|a| a.0));
                (s, d) == (Some(x), Some(y)) || (s, d) == (Some(y), Some(x))
            })
        };
        let is_forward = |o: usize| {
            let out = &edges[o];
            let (Some(x), Some(p)) = (out.src, out.dst) else { return false };
            x != p
                && (0..o).any(|i| {
                    let inflow = &edges[i];
                    inflow.dst == Some(x)
                        && inflow.src.is_some_and(|y| y != x && !between(x.0, y.0, i))
                        && inflow.ts.0 >= out.ts.0 - 3_600
                        && 2 * out.amount.0 >= inflow.amount.0
                })
        };
        let forwards: Vec<(u32, u32, i64)> = (0..edges.len())
            .filter(|&o| is_forward(o))
            .map(|o| (edges[o].src.unwrap().0, edges[o].dst.unwrap().0, edges[o].amount.0))
            .collect();
        let forwarders_into = |p: u32| distinct(forwards.iter().filter(|f| f.1 == p).map(|f| f.0).collect());
        for &a in &accounts {
            let row = &rows[a.0 as usize];
            let mine: Vec<&(u32, u32, i64)> = forwards.iter().filter(|f| f.0 == a.0).collect();
            let want_max = mine.iter().map(|f| forwarders_into(f.1) - 1.0).fold(f64::NAN, f64::max);
            let money_out: i64 = edges.iter().filter(|e| e.src == Some(a)).map(|e| e.amount.0).sum();
            let shared: i64 = mine.iter().filter(|f| forwarders_into(f.1) >= 3.0).map(|f| f.2).sum();
            let want_share = if money_out > 0 { shared as f64 / money_out as f64 } else { f64::NAN };
            let col = |name: &str| fanzha_detect::catalog::position(name).expect(name);
            let got = |name: &str| row[col(name)];
            assert!(same(got("forwarded_to_shared_max"), want_max), "seed {seed} A{}", a.0);
            assert!(same(got("forwarded_to_shared_share"), want_share), "seed {seed} A{}", a.0);
            assert!(same(got("forwarders_in"), forwarders_into(a.0)), "seed {seed} A{}", a.0);
            forwarders_seen += usize::from(forwarders_into(a.0) >= 2.0);
            shared_seen += usize::from(shared > 0);
        }
    }
    assert!(
        forwarders_seen >= 30 && shared_seen >= 20,
        "random ledgers must forward ({forwarders_seen}, {shared_seen})"
    );
}

/// Feeds 200 random ledgers (seeds from `first_seed`) to new engines one transfer at a time, in
/// the graph's order, and after each calls `at(rng, ledger, engine, transfers so far, the next
/// transfer's time or i64::MAX, seed)`.
fn fed_one_at_a_time(
    first_seed: u64,
    mut at: impl FnMut(&mut ChaCha8Rng, &Ledger, &FeatureEngine, &[&Transfer], i64, u64),
) {
    for seed in 0..200 {
        let mut rng = ChaCha8Rng::seed_from_u64(first_seed + seed);
        let ledger = random_ledger(&mut rng);
        let graph = TemporalGraph::build(&ledger);
        let mut engine = FeatureEngine::new(&ledger, FeatureConfig::default());
        let timeline: Vec<&Transfer> =
            (0..graph.edge_count()).map(|e| ledger.transfer(graph.edge(EdgeIx::of(e)).txn)).collect();
        for (i, t) in timeline.iter().enumerate() {
            engine.observe(&ledger, t);
            let next = timeline.get(i + 1).map_or(i64::MAX, |n| n.ts.0);
            at(&mut rng, &ledger, &engine, &timeline[..=i], next, seed);
        }
    }
}

/// The live view (`recent`) against a scan of the account's transfers in the span, at every
/// transfer's time and a little after, on random ledgers fed one transfer at a time.
#[test]
fn recent_activity_matches_a_scan() {
    let mut busy = 0;
    fed_one_at_a_time(5_000, |rng, ledger, engine, seen, next, seed| {
        let t = seen[seen.len() - 1];
        for now in [t.ts.0, (t.ts.0 + 3_600).min(next)] {
            let secs = [3_600, 86_400][rng.random_range(0..2)];
            for a in 0..ledger.accounts().len() as u32 {
                let a = AccountIx(a);
                let span: Vec<&&Transfer> = seen.iter().filter(|x| x.ts.0 > now - secs && x.ts.0 <= now).collect();
                let ins: Vec<&&&Transfer> = span.iter().filter(|x| x.to == Some(a)).collect();
                let outs: Vec<&&&Transfer> = span.iter().filter(|x| x.from == Some(a)).collect();
                let r = engine.recent(a, Ts(now), secs);
                assert_eq!(f64::from(r.payers), distinct(ins.iter().filter_map(|x| x.from.map(|f| f.0)).collect()));
                assert_eq!(f64::from(r.payees), distinct(outs.iter().filter_map(|x| x.to.map(|f| f.0)).collect()));
                assert_eq!(r.inflows as usize, ins.len(), "seed {seed}");
                assert_eq!(r.outflows as usize, outs.len());
                assert_eq!(r.in_fen.0, ins.iter().map(|x| x.amount.0).sum::<i64>());
                assert_eq!(r.out_fen.0, outs.iter().map(|x| x.amount.0).sum::<i64>());
                busy += usize::from(r.payers >= 2);
            }
        }
    });
    assert!(busy >= 100, "the random ledgers must reach several payers within a span ({busy})");
}

/// Quiet time before the current run (`quiet_days_before_run`) and when a pair first paid
/// (`first_paid`), against a scan of everything before, on random ledgers fed one transfer at a time.
#[test]
fn quiet_spells_and_first_payments_match_a_scan() {
    let cfg = FeatureConfig::default();
    let days = |secs: i64| secs.max(0) as f64 / 86_400.0;
    let (mut woken, mut repeats) = (0, 0);
    fed_one_at_a_time(7_000, |_, ledger, engine, timeline, next, seed| {
        let t = timeline[timeline.len() - 1];
        for now in [t.ts.0, (t.ts.0 + 9 * 86_400).min(next)] {
            for a in 0..ledger.accounts().len() as u32 {
                let a = AccountIx(a);
                // Quiet since the opening, or the history's start if later (unknown opening: none).
                let quiet_from =
                    ledger.account(a).opened_at.map(|o| ledger.history_from(a).map_or(o.0, |h| o.0.max(h.0)));
                let seen: Vec<i64> =
                    timeline.iter().filter(|x| x.from == Some(a) || x.to == Some(a)).map(|x| x.ts.0).collect();
                let want = match seen.last() {
                    None => quiet_from.map(|f| days(now - f)),
                    Some(&last) if now - last >= cfg.dormancy_secs => Some(days(now - last)),
                    Some(_) => {
                        // The latest activity that came after a quiet spell starts the run.
                        let mut run = None;
                        for (k, &at) in seen.iter().enumerate() {
                            let before = if k == 0 { quiet_from.unwrap_or(at) } else { seen[k - 1] };
                            if at - before >= cfg.dormancy_secs {
                                run = Some((at, at - before));
                            }
                        }
                        Some(match run {
                            Some((start, gap)) if start > now - cfg.change.recent_secs => days(gap),
                            _ => 0.0,
                        })
                    }
                };
                let got = engine.quiet_days_before_run(ledger, a, Ts(now));
                assert_eq!(got, want, "seed {seed}, account {}, now {now}", a.0);
                woken += usize::from(got.is_some_and(|d| d >= 7.0) && !seen.is_empty());
                for b in 0..ledger.accounts().len() as u32 {
                    let b = AccountIx(b);
                    let first = timeline.iter().find(|x| x.from == Some(a) && x.to == Some(b));
                    assert_eq!(engine.first_paid(a, b), first.map(|x| x.ts), "seed {seed}");
                    repeats += usize::from(first.is_some_and(|f| f.ts.0 < t.ts.0));
                }
            }
        }
    });
    assert!(woken >= 100, "the random ledgers must have quiet spells ({woken})");
    assert!(repeats >= 100, "the random ledgers must have repeated pairs ({repeats})");
}

/// The association columns against a brute-force reading of their definition: over every transfer
/// at or before the cut between two accounts of the set (a random subset, in random order), leaving
/// out self-transfers, the highest and mean score of the distinct payers and payees, and the
/// transfers weighted by the counterparty's score.
#[test]
fn association_columns_match_a_brute_force_scan() {
    use fanzha_detect::association::{fill, Links};
    use fanzha_detect::catalog::ASSOCIATION_START;
    use rand::seq::SliceRandom;
    let mut linked = 0;
    for seed in 0..150 {
        let mut rng = ChaCha8Rng::seed_from_u64(9_000 + seed);
        let (ledger, _) = random_ledger_with_history(&mut rng);
        let graph = TemporalGraph::build(&ledger);
        let mut accounts: Vec<AccountIx> = (0..ledger.accounts().len()).map(AccountIx::of).collect();
        accounts.shuffle(&mut rng);
        accounts.truncate(rng.random_range(1..=accounts.len()));
        let times: Vec<i64> = ledger.transfers().iter().map(|t| t.ts.0).collect();
        let cut = (!times.is_empty() && rng.random_bool(0.7)).then(|| Ts(times[rng.random_range(0..times.len())]));
        // Position of each account in the set, the score of each position.
        let position: Vec<Option<usize>> =
            (0..ledger.accounts().len()).map(|a| accounts.iter().position(|x| x.0 as usize == a)).collect();
        let scores: Vec<f64> = accounts.iter().map(|_| rng.random_range(0.0..1.0)).collect();
        let mut rows = vec![[f64::NAN; fanzha_detect::FEATURE_COUNT]; accounts.len()];
        fill(&mut rows, &Links::new(&graph, cut, &accounts), &scores);
        let pairs: Vec<(usize, usize)> = ledger
            .transfers()
            .iter()
            .filter(|t| cut.is_none_or(|c| t.ts <= c))
            .filter_map(|t| Some((position[t.from?.0 as usize]?, position[t.to?.0 as usize]?)))
            .filter(|&(s, d)| s != d)
            .collect();
        linked += pairs.len();
        for (i, row) in rows.iter().enumerate() {
            let row = &row[ASSOCIATION_START..];
            for (k, payers) in [(0, true), (1, false)] {
                let theirs: Vec<usize> = pairs
                    .iter()
                    .filter(|&&(s, d)| if payers { d == i } else { s == i })
                    .map(|&(s, d)| if payers { s } else { d })
                    .collect();
                let mut distinct = theirs.clone();
                distinct.sort_unstable();
                distinct.dedup();
                let score = |n: &usize| scores[*n];
                let weighted: f64 = theirs.iter().map(score).sum();
                let (max, mean, share) = if distinct.is_empty() {
                    (f64::NAN, f64::NAN, f64::NAN)
                } else {
                    let max = distinct.iter().map(score).fold(f64::MIN, f64::max);
                    let mean = distinct.iter().map(score).sum::<f64>() / distinct.len() as f64;
                    (max, mean, weighted / theirs.len() as f64)
                };
                for (got, want, what) in [
                    (row[2 * k], max, "max"),
                    (row[2 * k + 1], mean, "mean"),
                    (row[4 + k], weighted, "weighted"),
                    (row[6 + k], share, "share"),
                ] {
                    assert!(same(got, want), "seed {seed} position {i} side {k} {what}: {got} vs {want}");
                }
            }
        }
    }
    assert!(linked >= 500, "the random ledgers must link accounts of the set ({linked})");
}
