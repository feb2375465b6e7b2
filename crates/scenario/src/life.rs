//! Ordinary life, one day at a time: salaries and pensions, shopping (many small, some large
//! payments, a large share to a few hubs), rent, family money, bills, wallet top-ups, ATM
//! withdrawals near home, cash deposits, payments to people at other banks, merchants' sweeps.

use crate::banks::TENPAY;
use crate::books::{Amount, Party, Txn};
use crate::calendar::Day;
use crate::draw::{between_hours, chance, pick, time_of_day, Amounts};
use crate::population::{grid_for, outside_person, Person, World, ECOMMERCE_HUB, NONE, PAYMENT_HUB, SUPERMARKET};
use fanzha_model::Channel;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Purchase amounts: mostly small, a heavy tail up to twenty thousand yuan.
const PURCHASE: Amounts = Amounts(&[
    (1_00, 10_00, 180),
    (10_00, 30_00, 270),
    (30_00, 100_00, 290),
    (100_00, 300_00, 160),
    (300_00, 1_000_00, 80),
    (1_000_00, 5_000_00, 17),
    (5_000_00, 20_000_00, 3),
]);
/// Money between spouses.
const FAMILY: Amounts = Amounts(&[(50_00, 500_00, 60), (500_00, 3_000_00, 35), (3_000_00, 20_000_00, 5)]);
/// Red-packet amounts with lucky numbers.
const RED_PACKETS: [i64; 6] = [52_00, 66_00, 88_00, 200_00, 520_00, 1_314_00];
/// Payments to people and institutions at other banks.
const OUTSIDE_PAYMENT: Amounts =
    Amounts(&[(200_00, 2_000_00, 60), (2_000_00, 20_000_00, 35), (20_000_00, 80_000_00, 5)]);
const PHONE_TOP_UPS: [i64; 4] = [30_00, 50_00, 100_00, 200_00];
const OUTSIDE_MEMOS: [&str; 4] = ["还款", "学费", "转账", ""];
/// A merchant keeps this much after its weekly sweep.
const MERCHANT_FLOAT: i64 = 2_000_00;
/// A hub keeps this much after its nightly sweep.
const HUB_FLOAT: i64 = 1_000_000_00;

/// The planner of ordinary activity, with its own random stream.
pub(crate) struct Life {
    rng: ChaCha8Rng,
}

impl Life {
    /// A planner drawing from `rng`.
    pub fn new(rng: ChaCha8Rng) -> Life {
        Life { rng }
    }

    /// Appends the ordinary movements of `day` to `out` (unsorted). `balance` is every account's
    /// balance at the start of the day, used to choose which account pays.
    pub fn plan_day(&mut self, w: &World, day: &Day, balance: &[i64], out: &mut Vec<Txn>) {
        self.payroll(w, day, out);
        self.pensions(w, day, out);
        for person in &w.persons {
            self.person_day(w, day, balance, person, out);
        }
        self.merchants(w, day, out);
    }

    fn payroll(&mut self, w: &World, day: &Day, out: &mut Vec<Txn>) {
        for e in w.employers.iter().filter(|e| e.pay_day == day.of_month) {
            let first = day.start + between_hours(&mut self.rng, 9, 11);
            bulk_payout(w, e.account, first, &e.staff, "代发工资", out);
        }
    }

    fn pensions(&mut self, w: &World, day: &Day, out: &mut Vec<Txn>) {
        if day.of_month != 15 {
            return;
        }
        for f in &w.pension_funds {
            let first = day.start + between_hours(&mut self.rng, 8, 10);
            bulk_payout(w, f.account, first, &f.pensioners, "养老金", out);
        }
    }

    fn person_day(&mut self, w: &World, day: &Day, balance: &[i64], p: &Person, out: &mut Vec<Txn>) {
        let rng = &mut self.rng;
        let place = p.home;
        let mut push = |ts: i64, from: u32, to: Party, amount: i64, channel: Channel, memo: &'static str| {
            out.push(Txn { ts: day.start + ts, from, to, amount: Amount::Fixed(amount), channel, place, memo });
        };
        // Purchases: four quarter-day slots, one 16-bit roll each.
        let rolls: u64 = rng.random();
        let threshold = u64::from(p.shop_rate) * 65_536 / 1000;
        for slot in 0..4 {
            if (rolls >> (16 * slot)) & 0xffff >= threshold {
                continue;
            }
            let amount = PURCHASE.draw(rng);
            let ts = time_of_day(rng);
            if p.wallet != NONE && balance[p.wallet as usize] >= amount && chance(rng, 700) {
                let firm = w.accounts[p.wallet as usize].bank;
                let hub = if firm == TENPAY { PAYMENT_HUB } else { ECOMMERCE_HUB };
                push(ts, p.wallet, Party::Account(w.hubs[hub].account), amount, Channel::Mobile, "");
                continue;
            }
            let payer = if p.second != NONE && chance(rng, 250) { p.second } else { p.primary };
            let local = &w.merchants_by_place[usize::from(place)];
            let (to, channel) = match rng.random_range(0..100) {
                0..25 => (w.hubs[PAYMENT_HUB].account, Channel::Mobile),
                25..40 => (w.hubs[SUPERMARKET].account, Channel::Pos),
                40..50 => (w.hubs[ECOMMERCE_HUB].account, Channel::Online),
                _ if local.is_empty() => (w.hubs[SUPERMARKET].account, Channel::Pos),
                r => {
                    let m = &local[r as usize % local.len()];
                    (m.account, if chance(rng, 650) { Channel::Pos } else { Channel::Mobile })
                }
            };
            push(ts, payer, Party::Account(to), amount, channel, "");
        }
        let elderly = p.age >= 60;
        if p.spouse != NONE && chance(rng, 25) {
            let to = Party::Account(w.persons[p.spouse as usize].primary);
            let ts = time_of_day(rng);
            if chance(rng, 300) {
                push(ts, p.primary, to, pick(rng, &RED_PACKETS), Channel::Mobile, "红包");
            } else {
                let amount = FAMILY.draw(rng);
                let memo = if chance(rng, 400) { "生活费" } else { "" };
                push(ts, p.primary, to, amount, Channel::Mobile, memo);
            }
        }
        if chance(rng, if elderly { 45 } else { 30 }) {
            let ts = between_hours(rng, 7, 23);
            if elderly && chance(rng, 200) {
                let amount = rng.random_range(10..=200) * 100_00;
                push(ts.clamp(9 * 3600, 17 * 3600), p.primary, Party::Cash, amount, Channel::Counter, "");
            } else {
                let from = if p.second != NONE && chance(rng, 200) { p.second } else { p.primary };
                push(ts, from, Party::Cash, rng.random_range(1..=30) * 100_00, Channel::Atm, "");
            }
        }
        if chance(rng, 6) {
            let channel = if chance(rng, 500) { Channel::Counter } else { Channel::Atm };
            let amount = rng.random_range(5..=100) * 100_00;
            push(between_hours(rng, 9, 17), NONE, Party::Account(p.primary), amount, channel, "");
        }
        if chance(rng, 10) {
            let to = Party::Outside(outside_person(rng, w));
            let channel = if chance(rng, 700) { Channel::Mobile } else { Channel::Online };
            let amount = OUTSIDE_PAYMENT.draw(rng);
            let memo = pick(rng, &OUTSIDE_MEMOS);
            push(time_of_day(rng), p.primary, to, amount, channel, memo);
        }
        if p.wallet != NONE && balance[p.wallet as usize] < 300_00 && chance(rng, 150) {
            let amount = rng.random_range(5..=30) * 100_00;
            push(time_of_day(rng), p.primary, Party::Account(p.wallet), amount, Channel::Mobile, "充值");
        }
        if p.rent.to != NONE && p.rent.day == day.of_month {
            push(
                between_hours(rng, 9, 22),
                p.primary,
                Party::Account(p.rent.to),
                p.rent.amount,
                Channel::Mobile,
                "房租",
            );
        }
        if p.support.to != NONE && p.support.day == day.of_month {
            let to = Party::Account(p.support.to);
            push(between_hours(rng, 8, 22), p.primary, to, p.support.amount, Channel::Mobile, "生活费");
        }
        if p.bill_day == day.of_month {
            let payer = if p.wallet != NONE && chance(rng, 600) { p.wallet } else { p.primary };
            let to = Party::Account(grid_for(w, place));
            push(between_hours(rng, 8, 23), payer, to, rng.random_range(50_00..=400_00), Channel::Mobile, "电费");
        }
        if p.bill_day % 28 + 1 == day.of_month {
            let payer = if p.wallet != NONE && chance(rng, 600) { p.wallet } else { p.primary };
            let carrier = w.utilities.carriers[usize::from(p.bill_day) % 3];
            let amount = pick(rng, &PHONE_TOP_UPS);
            push(between_hours(rng, 8, 23), payer, Party::Account(carrier), amount, Channel::Mobile, "话费充值");
        }
    }

    fn merchants(&mut self, w: &World, day: &Day, out: &mut Vec<Txn>) {
        let rng = &mut self.rng;
        for (place, merchants) in w.merchants_by_place.iter().enumerate() {
            let place = place as u8;
            for m in merchants {
                if m.sweep_weekday == day.weekday {
                    let ts = day.start + between_hours(rng, 22, 24);
                    let to = Party::Outside(m.settlement);
                    let amount = Amount::Above(MERCHANT_FLOAT);
                    out.push(Txn {
                        ts,
                        from: m.account,
                        to,
                        amount,
                        channel: Channel::Online,
                        place,
                        memo: "货款结算",
                    });
                }
                if (m.sweep_weekday + 3) % 7 == day.weekday && chance(rng, 500) {
                    let ts = day.start + between_hours(rng, 10, 17);
                    let amount = Amount::Fixed(rng.random_range(10..=300) * 100_00);
                    let to = Party::Account(m.account);
                    out.push(Txn { ts, from: NONE, to, amount, channel: Channel::Counter, place, memo: "营业款" });
                }
            }
        }
        for hub in &w.hubs {
            let ts = day.start + between_hours(rng, 2, 3);
            let place = w.accounts[hub.account as usize].place;
            let to = Party::Outside(hub.settlement);
            let amount = Amount::Above(HUB_FLOAT);
            out.push(Txn { ts, from: hub.account, to, amount, channel: Channel::Online, place, memo: "清算" });
        }
    }
}

/// A payer's batch of fixed payments to persons' primary accounts (payroll, pensions), four a
/// second from `first`.
fn bulk_payout(w: &World, from: u32, first: i64, payees: &[(u32, i64)], memo: &'static str, out: &mut Vec<Txn>) {
    let place = w.accounts[from as usize].place;
    for (k, (p, amount)) in payees.iter().enumerate() {
        out.push(Txn {
            ts: first + k as i64 / 4,
            from,
            to: Party::Account(w.persons[*p as usize].primary),
            amount: Amount::Fixed(*amount),
            channel: Channel::Online,
            place,
            memo,
        });
    }
}
