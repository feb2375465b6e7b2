//! The fraud network at work. Victims pay into first-layer mule accounts; each mule moves what
//! arrived on within minutes (快进快出), split across mules of the next layer at other banks
//! (分散转入、集中转出: one mule also gathers from several victims and cases); the last layer takes
//! cash out of ATMs in Guangdong in chunks up to the daily limit, or pays it to crypto OTC sellers
//! at banks that do not feed data. Each step reacts to what the books say actually arrived.

use crate::books::{Amount, Books, Party, Txn};
use crate::calendar::{local_day, midnight, HOUR};
use crate::draw::{between_hours, chance, index, minutes, pick, split};
use crate::population::NONE;
use crate::typology::TYPOLOGIES;
use crate::writer::LabelRows;
use fanzha_model::Channel;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::io::{self, Write};

/// Most an ATM card may withdraw in one day (fen).
const ATM_DAILY_LIMIT: i64 = 20_000_00;
/// Below this a mule does not bother moving money on (fen).
const NOT_WORTH_MOVING: i64 = 500_00;
/// The deepest layer of mules; it cashes out.
const LAST_LAYER: u8 = 3;

/// How a mule account's money leaves the network's books.
#[derive(Clone, Copy)]
pub(crate) enum CashOut {
    /// ATM withdrawals of `chunk` fen each, up to the daily limit.
    Atm {
        /// Amount of one withdrawal.
        chunk: i64,
    },
    /// Transfers to crypto OTC sellers (accounts outside the data).
    Exit,
}

/// An account the network controls, and what it is doing.
pub(crate) struct Mule {
    /// The account.
    pub account: u32,
    /// Its bank (transfers between layers go to other banks).
    bank: u8,
    /// 1: receives victims' money; 2: spreads it; 3: cashes it out.
    pub layer: u8,
    /// Not used before this moment (opening, or the end of a card farmer's quiet spell).
    pub ready_at: i64,
    /// Where its operator sits and its cash comes out (a Guangdong place).
    city: u8,
    cash_out: CashOut,
    /// Money already promised to scheduled movements (fen).
    reserved: i64,
    /// A laundering or cash-out step is scheduled.
    pending: bool,
    /// Local day of `atm_today`.
    atm_day: i64,
    /// Withdrawn on `atm_day` (fen).
    atm_today: i64,
}

impl Mule {
    /// A mule at `bank`, idle until `ready_at`.
    pub fn new(account: u32, bank: u8, layer: u8, ready_at: i64, city: u8, cash_out: CashOut) -> Mule {
        Mule { account, bank, layer, ready_at, city, cash_out, reserved: 0, pending: false, atm_day: 0, atm_today: 0 }
    }
}

/// One fraud case: a victim paying one or more times.
pub(crate) struct Case {
    /// Index into [`TYPOLOGIES`].
    pub typology: usize,
    /// The victim's paying account.
    pub victim: u32,
    /// The victim's home place.
    pub place: u8,
    /// Planned payments (fen); each is cut to what the victim still holds.
    pub amounts: Vec<i64>,
    /// First payment.
    pub first_at: i64,
    /// Mule receiving the first payment.
    pub first_mule: u32,
}

/// Everything the fraud plan hands to the network.
pub(crate) struct FraudPlan {
    /// The network's accounts (card farmers' cards, then recruited mules).
    pub mules: Vec<Mule>,
    /// The cases.
    pub cases: Vec<Case>,
    /// Crypto OTC sellers' accounts (indices into the outside accounts).
    pub otc: Vec<u32>,
}

enum Step {
    Victim { case: u32, nth: usize, mule: u32 },
    Launder { mule: u32 },
    CashOut { mule: u32 },
    Move { txn: Txn, from_mule: u32, to_mule: u32 },
}

struct Scheduled {
    ts: i64,
    seq: u64,
    step: Step,
}

impl PartialEq for Scheduled {
    fn eq(&self, other: &Self) -> bool {
        (self.ts, self.seq) == (other.ts, other.seq)
    }
}
impl Eq for Scheduled {}
impl PartialOrd for Scheduled {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Scheduled {
    /// Earliest first (the heap is a max-heap); ties in scheduling order.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.ts, other.seq).cmp(&(self.ts, self.seq))
    }
}

/// What the network achieved.
#[derive(Default)]
pub(crate) struct FraudTally {
    /// Victim payments made.
    pub victim_payments: u32,
    /// Their sum (fen).
    pub fraud_fen: i64,
    /// Cases with at least one payment, by typology.
    pub cases_by_typology: [u32; TYPOLOGIES.len()],
}

/// The network: its mules, the cases it runs and its queue of scheduled steps.
pub(crate) struct Network {
    mules: Vec<Mule>,
    layers: [Vec<u32>; LAST_LAYER as usize],
    cases: Vec<Case>,
    reached: Vec<bool>,
    otc: Vec<u32>,
    queue: BinaryHeap<Scheduled>,
    seq: u64,
    rng: ChaCha8Rng,
    tally: FraudTally,
}

impl Network {
    /// Takes over the plan; the first payment of every case is scheduled.
    pub fn new(plan: FraudPlan, rng: ChaCha8Rng) -> Network {
        let mut layers: [Vec<u32>; LAST_LAYER as usize] = Default::default();
        for (m, mule) in plan.mules.iter().enumerate() {
            layers[usize::from(mule.layer - 1)].push(m as u32);
        }
        let mut net = Network {
            mules: plan.mules,
            layers,
            reached: vec![false; plan.cases.len()],
            cases: plan.cases,
            otc: plan.otc,
            queue: BinaryHeap::new(),
            seq: 0,
            rng,
            tally: FraudTally::default(),
        };
        for c in 0..net.cases.len() {
            let (ts, mule) = (net.cases[c].first_at, net.cases[c].first_mule);
            net.schedule(ts, Step::Victim { case: c as u32, nth: 0, mule });
        }
        net
    }

    /// When the next step is due, if any.
    pub fn next_at(&self) -> Option<i64> {
        self.queue.peek().map(|s| s.ts)
    }

    /// What was achieved so far.
    pub fn tally(&self) -> &FraudTally {
        &self.tally
    }

    /// Carries out the next step.
    pub fn step<W: Write, L: Write>(&mut self, books: &mut Books<'_, W>, labels: &mut LabelRows<L>) -> io::Result<()> {
        let Some(Scheduled { ts, step, .. }) = self.queue.pop() else {
            return Ok(());
        };
        match step {
            Step::Victim { case, nth, mule } => self.victim_pays(ts, case as usize, nth, mule, books, labels)?,
            Step::Launder { mule } => self.launder(ts, mule, books),
            Step::CashOut { mule } => self.cash_out(ts, mule, books),
            Step::Move { txn, from_mule, to_mule } => {
                if let Amount::Fixed(amount) = txn.amount {
                    self.mules[from_mule as usize].reserved -= amount;
                }
                if books.make(&txn)?.is_some() && to_mule != NONE {
                    self.arrive(ts, to_mule);
                }
            }
        }
        Ok(())
    }

    fn schedule(&mut self, ts: i64, step: Step) {
        self.seq += 1;
        self.queue.push(Scheduled { ts, seq: self.seq, step });
    }

    fn victim_pays<W: Write, L: Write>(
        &mut self,
        ts: i64,
        c: usize,
        nth: usize,
        mule: u32,
        books: &mut Books<'_, W>,
        labels: &mut LabelRows<L>,
    ) -> io::Result<()> {
        let case = &self.cases[c];
        let typology = &TYPOLOGIES[case.typology];
        let amount = case.amounts[nth].min(books.balance(case.victim));
        if amount < NOT_WORTH_MOVING {
            return Ok(()); // nothing left to take: the case ends
        }
        let rng = &mut self.rng;
        let txn = Txn {
            ts,
            from: case.victim,
            to: Party::Account(self.mules[mule as usize].account),
            amount: Amount::Fixed(amount),
            channel: pick(rng, typology.channels),
            place: case.place,
            memo: pick(rng, typology.memos),
        };
        if let Some((no, paid)) = books.make(&txn)? {
            labels.fraud(no)?;
            self.tally.victim_payments += 1;
            self.tally.fraud_fen += paid;
            if !self.reached[c] {
                self.reached[c] = true;
                self.tally.cases_by_typology[case.typology] += 1;
            }
            self.arrive(ts, mule);
        }
        if nth + 1 < self.cases[c].amounts.len() {
            let gap = self.rng.random_range(typology.gap.0..=typology.gap.1);
            let next = self.waking_hours(ts + gap);
            // Fraudsters often give a fresh account for the next payment.
            let next_mule = if chance(&mut self.rng, 500) {
                mule
            } else {
                self.ready_mules(1, next, u8::MAX, 1).pop().unwrap_or(mule)
            };
            self.schedule(next, Step::Victim { case: c as u32, nth: nth + 1, mule: next_mule });
        }
        Ok(())
    }

    /// `ts`, or the next morning when it falls in the night (victims pay while awake).
    fn waking_hours(&mut self, ts: i64) -> i64 {
        let day = local_day(ts);
        let hour = (ts - midnight(day)) / HOUR;
        match hour {
            0..8 => midnight(day) + between_hours(&mut self.rng, 8, 11),
            22.. => midnight(day + 1) + between_hours(&mut self.rng, 8, 11),
            _ => ts,
        }
    }

    /// Money arrived at `mule`: it moves on soon, unless a move is already scheduled (that move
    /// takes everything, the mixture of all cases).
    fn arrive(&mut self, ts: i64, m: u32) {
        let rng = &mut self.rng;
        let mule = &mut self.mules[m as usize];
        if mule.pending {
            return;
        }
        mule.pending = true;
        let delay = if chance(rng, 80) {
            minutes(rng, 24 * 60, 72 * 60) // now and then a card sits for a day or more
        } else {
            match mule.layer {
                1 => minutes(rng, 2, 40),
                2 => minutes(rng, 5, 120),
                _ => minutes(rng, 10, 90),
            }
        };
        let step = if mule.layer < LAST_LAYER { Step::Launder { mule: m } } else { Step::CashOut { mule: m } };
        self.schedule(ts + delay, step);
    }

    /// Up to `wanted` distinct mules of `layer` usable at `ts` and not at bank `except`.
    fn ready_mules(&mut self, layer: u8, ts: i64, except: u8, wanted: usize) -> Vec<u32> {
        let pool = &self.layers[usize::from(layer - 1)];
        let mut found = Vec::with_capacity(wanted);
        if pool.is_empty() {
            return found;
        }
        for _ in 0..wanted * 8 {
            let m = pool[index(&mut self.rng, pool.len())];
            let mule = &self.mules[m as usize];
            if mule.ready_at <= ts && mule.bank != except && !found.contains(&m) {
                found.push(m);
                if found.len() == wanted {
                    break;
                }
            }
        }
        found
    }

    /// What the mule may still move (fen).
    fn available<W: Write>(&self, m: u32, books: &Books<'_, W>) -> i64 {
        let mule = &self.mules[m as usize];
        books.balance(mule.account) - mule.reserved
    }

    /// Spreads the mule's money over mules of the next layer at other banks, minutes apart.
    fn launder<W: Write>(&mut self, ts: i64, m: u32, books: &Books<'_, W>) {
        self.mules[m as usize].pending = false;
        let available = self.available(m, books);
        let rng = &mut self.rng;
        // Usually a few yuan stay behind; sometimes a few percent.
        let keep =
            if chance(rng, 120) { available * rng.random_range(2..=8) / 100 } else { rng.random_range(0..=30_00) };
        let send = available - keep;
        if send < NOT_WORTH_MOVING {
            return;
        }
        let wanted = 1 + (send / 40_000_00).min(2) as usize + index(rng, 2);
        let (layer, bank, account, city) = {
            let mule = &self.mules[m as usize];
            (mule.layer, mule.bank, mule.account, mule.city)
        };
        let targets = self.ready_mules(layer + 1, ts, bank, wanted);
        if targets.is_empty() {
            return self.cash_out(ts, m, books);
        }
        let rng = &mut self.rng;
        let shares = split(rng, send, targets.len());
        let mut at = ts;
        let mut moves = Vec::with_capacity(targets.len());
        for (target, share) in targets.into_iter().zip(shares) {
            at += rng.random_range(20..=240);
            let txn = Txn {
                ts: at,
                from: account,
                to: Party::Account(self.mules[target as usize].account),
                amount: Amount::Fixed(share),
                channel: pick(rng, &[Channel::Mobile, Channel::Online]),
                place: city,
                memo: pick(rng, &["", "", "往来款", "货款"]),
            };
            moves.push((txn, target));
        }
        for (txn, target) in moves {
            self.reserve_and_schedule(m, txn, target);
        }
    }

    fn reserve_and_schedule(&mut self, from_mule: u32, txn: Txn, to_mule: u32) {
        if let Amount::Fixed(amount) = txn.amount {
            self.mules[from_mule as usize].reserved += amount;
        }
        self.schedule(txn.ts, Step::Move { txn, from_mule, to_mule });
    }

    /// Takes the mule's money out: ATM withdrawals up to the daily limit (continued the next day),
    /// or transfers to OTC sellers. Now and then the card is blocked or abandoned and the money
    /// stays where it is.
    fn cash_out<W: Write>(&mut self, ts: i64, m: u32, books: &Books<'_, W>) {
        self.mules[m as usize].pending = false;
        let available = self.available(m, books);
        if available < 100_00 || chance(&mut self.rng, 50) {
            return;
        }
        let (account, city, cash_out) = {
            let mule = &self.mules[m as usize];
            (mule.account, mule.city, mule.cash_out)
        };
        let mut moves = Vec::new();
        let mut at = ts;
        match cash_out {
            CashOut::Exit if !self.otc.is_empty() => {
                let rng = &mut self.rng;
                let send = available - rng.random_range(0..=50_00).min(available);
                let parts = 1 + (send / 100_000_00).min(2) as usize;
                for share in split(rng, send, parts) {
                    at += minutes(rng, 1, 10);
                    let to = Party::Outside(pick(rng, &self.otc));
                    let memo = pick(rng, &["", "USDT", "货款"]);
                    let txn = Txn {
                        ts: at,
                        from: account,
                        to,
                        amount: Amount::Fixed(share),
                        channel: Channel::Online,
                        place: city,
                        memo,
                    };
                    moves.push(txn);
                }
            }
            CashOut::Exit => {}
            CashOut::Atm { chunk } => {
                let day = local_day(ts);
                let mule = &mut self.mules[m as usize];
                if mule.atm_day != day {
                    mule.atm_day = day;
                    mule.atm_today = 0;
                }
                let room = ATM_DAILY_LIMIT - mule.atm_today;
                let count = (available / chunk).min(room / chunk);
                let left = available - count * chunk;
                let mut amounts = vec![chunk; count as usize];
                let room_left = room - count * chunk;
                let last = left / 100_00 * 100_00;
                if left < chunk && last > 0 && last <= room_left && chance(&mut self.rng, 500) {
                    amounts.push(last);
                }
                let rng = &mut self.rng;
                for amount in amounts {
                    let txn = Txn {
                        ts: at,
                        from: account,
                        to: Party::Cash,
                        amount: Amount::Fixed(amount),
                        channel: Channel::Atm,
                        place: city,
                        memo: "",
                    };
                    moves.push(txn);
                    at += rng.random_range(40..=240);
                }
                let mule = &mut self.mules[m as usize];
                mule.atm_today +=
                    moves.iter().map(|t| if let Amount::Fixed(a) = t.amount { a } else { 0 }).sum::<i64>();
                if left >= chunk {
                    // The daily limit is reached: back at an ATM tomorrow.
                    mule.pending = true;
                    let tomorrow = midnight(day + 1) + between_hours(&mut self.rng, 0, 10);
                    self.schedule(tomorrow, Step::CashOut { mule: m });
                }
            }
        }
        for txn in moves {
            self.reserve_and_schedule(m, txn, NONE);
        }
    }
}
