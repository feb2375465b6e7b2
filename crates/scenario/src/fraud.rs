//! Planning the fraud: which cards the network holds (card farmers' cards and accounts of
//! recruited students and sellers, opened days before use), in which layer each works, and the
//! cases: typology, victim, the payments asked for, when, and into which first-layer mule.

use crate::banks::BANKS;
use crate::calendar::{local_day, midnight, HOUR};
use crate::draw::{between_hours, chance, index, pick, weighted};
use crate::farming::Farmer;
use crate::network::{Case, CashOut, FraudPlan, Mule};
use crate::population::{random_bank, World};
use crate::regions::{in_guangdong, CASH_OUT_CITIES, COLLEGE_CITIES, PLACES};
use crate::typology::{Typology, LARGEST_PAYMENT, TYPOLOGIES};
use fanzha_model::AccountClass;
use rand::Rng;

/// Single-withdrawal amounts of the network's ATM cards (fen).
const ATM_CHUNKS: [i64; 3] = [2_500_00, 3_000_00, 5_000_00];
/// Cases started together form a campaign and share first-layer mules.
const CASES_PER_CAMPAIGN: u32 = 5;

/// Plans `count` cases over `days` days of data, with the cards of `farmers` and recruited mules.
/// Victims get the savings they will lose (and a little more) on top of their own.
pub(crate) fn plan(rng: &mut impl Rng, w: &mut World, farmers: &[Farmer], count: u32, days: u32) -> FraudPlan {
    let mut mules = Vec::new();
    for f in farmers {
        for &card in &f.cards {
            let layer = 1 + weighted(rng, [25, 45, 30].into_iter()) as u8;
            mules.push(new_mule(rng, w, card, layer, f.ready_at));
        }
    }
    let otc = (0..(count / 4).max(2)).map(|_| w.new_outside(rng)).collect();
    let mut cases = Vec::new();
    if days > 0 && !w.persons.is_empty() {
        let campaigns: Vec<i64> =
            (0..count.div_ceil(CASES_PER_CAMPAIGN)).map(|_| rng.random_range(0..i64::from(days))).collect();
        let mut campaign_mules: Vec<Vec<u32>> = vec![Vec::new(); campaigns.len()];
        let mut victimised = vec![false; w.persons.len()];
        for _ in 0..count {
            let c = index(rng, campaigns.len());
            let day = (campaigns[c] + rng.random_range(0..=1)).min(i64::from(days) - 1);
            let first_at = (midnight(local_day(w.start) + day) + between_hours(rng, 9, 21)).max(w.start + HOUR);
            let typology = weighted(rng, TYPOLOGIES.iter().map(|t| t.weight));
            let Some(victim) = choose_victim(rng, w, &TYPOLOGIES[typology], &mut victimised) else {
                continue;
            };
            let amounts = payments(rng, &TYPOLOGIES[typology]);
            let total: i64 = amounts.iter().sum();
            let person = &w.persons[victim as usize];
            let (account, place) = (person.primary, person.home);
            w.accounts[account as usize].opening += total * rng.random_range(100..=130) / 100;
            let first_mule = first_layer_mule(rng, w, &mut mules, &mut campaign_mules[c], first_at);
            cases.push(Case { typology, victim: account, place, amounts, first_at, first_mule });
        }
    }
    FraudPlan { mules, cases, otc }
}

fn new_mule(rng: &mut impl Rng, w: &World, account: u32, layer: u8, ready_at: i64) -> Mule {
    let cash_out = if chance(rng, 650) { CashOut::Atm { chunk: pick(rng, &ATM_CHUNKS) } } else { CashOut::Exit };
    let bank = w.accounts[account as usize].bank;
    Mule::new(account, bank, layer, ready_at, pick(rng, &CASH_OUT_CITIES), cash_out)
}

/// A person not yet a victim, preferably of the ages the typology reaches (elderly people for
/// impersonated police); returns the person index.
fn choose_victim(rng: &mut impl Rng, w: &World, t: &Typology, victimised: &mut [bool]) -> Option<u32> {
    for attempt in 0..200 {
        let p = index(rng, w.persons.len());
        let age = w.persons[p].age;
        if !victimised[p] && (attempt >= 150 || (t.ages.0..=t.ages.1).contains(&age)) {
            victimised[p] = true;
            return Some(p as u32);
        }
    }
    None
}

/// The payments a victim is talked into: growing, each at most [`LARGEST_PAYMENT`], in whole
/// yuan, often in round hundreds.
fn payments(rng: &mut impl Rng, t: &Typology) -> Vec<i64> {
    let n = rng.random_range(t.payments.0..=t.payments.1);
    let mut amount = rng.random_range(t.first.0..=t.first.1);
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let unit = if chance(rng, 600) { 100_00 } else { 1_00 };
        out.push((amount / unit * unit).clamp(1_000_00, LARGEST_PAYMENT));
        amount = amount * rng.random_range(t.growth.0..=t.growth.1) / 100;
    }
    out
}

/// The mule a case's first payment goes to: one already used in the same campaign (victims of
/// several cases meet in one account), a ready card of the first layer, or a freshly recruited one.
fn first_layer_mule(rng: &mut impl Rng, w: &mut World, mules: &mut Vec<Mule>, campaign: &mut Vec<u32>, at: i64) -> u32 {
    if !campaign.is_empty() && chance(rng, 350) {
        let m = pick(rng, campaign);
        if mules[m as usize].ready_at <= at {
            return m;
        }
    }
    if chance(rng, 600) {
        let ready: Vec<u32> = (0..mules.len() as u32)
            .filter(|m| mules[*m as usize].ready_at <= at && mules[*m as usize].layer == 1)
            .collect();
        if !ready.is_empty() {
            let m = pick(rng, &ready);
            campaign.push(m);
            return m;
        }
    }
    let m = recruit(rng, w, mules, at);
    campaign.push(m);
    m
}

/// A student renting out a card, or someone selling an account, opened two to seven days before
/// `use_at`, far from the Guangdong cities where the cash comes out; sometimes with a second
/// account at another bank opened the same day. Returns the first new mule.
fn recruit(rng: &mut impl Rng, w: &mut World, mules: &mut Vec<Mule>, use_at: i64) -> u32 {
    let student = chance(rng, 600);
    let (home, city, age) = if student {
        let home = weighted(rng, PLACES.iter().map(|p| p.weight)) as u8;
        (home, pick(rng, &COLLEGE_CITIES), rng.random_range(18..=23))
    } else {
        let home = loop {
            let place = weighted(rng, PLACES.iter().map(|p| p.weight)) as u8;
            if !in_guangdong(place) {
                break place;
            }
        };
        (home, home, rng.random_range(24..=55))
    };
    let holder = w.new_person_holder(rng, home, age);
    let opened_at = midnight(local_day(use_at) - rng.random_range(2..=7)) + between_hours(rng, 9, 17);
    let first = mules.len() as u32;
    let mut bank = BANKS;
    for _ in 0..if chance(rng, 400) { 2 } else { 1 } {
        bank = random_bank(rng, bank);
        let class = if chance(rng, 500) { AccountClass::I } else { AccountClass::II };
        let opening = pick(rng, &[0, 1_00, 20_00, 50_00]);
        let account = w.open(holder, bank, opened_at, city, class, opening);
        let ready_at = opened_at + 6 * HOUR + rng.random_range(0..12 * HOUR);
        mules.push(new_mule(rng, w, account, 1, ready_at));
    }
    first
}
