//! The static world: persons in households with their accounts, employers, merchants and the
//! large hubs, utilities, pension funds, and accounts at institutions that do not feed data.

use crate::banks::{AccountNo, Issuer, ALIPAY, BANKS, INSTITUTIONS, TENPAY};
use crate::calendar::{local_day, midnight, year_of};
use crate::draw::{between_hours, chance, index, pick, weighted, Amounts};
use crate::identity::{credit_code, resident_id, ENTERPRISE, PUBLIC_INSTITUTION};
use crate::regions::{in_guangdong, BEIJING, GUANGZHOU, HANGZHOU, PLACES, SHANGHAI, SHENZHEN};
use fanzha_model::AccountClass;
use rand::Rng;
use std::collections::HashSet;

/// "No one": the value of an unused person or account link.
pub(crate) const NONE: u32 = u32::MAX;

/// An account of accounts.csv.
pub(crate) struct Account {
    /// Its number.
    pub number: AccountNo,
    /// Index into [`INSTITUTIONS`].
    pub bank: u8,
    /// Index into [`World::holders`].
    pub holder: u32,
    /// When it was opened (epoch seconds).
    pub opened_at: i64,
    /// Where it was opened (index into [`PLACES`]).
    pub place: u8,
    /// Personal class or corporate.
    pub class: AccountClass,
    /// Balance at the start of the data, or at opening for accounts opened later (fen).
    pub opening: i64,
}

/// A payment that comes back every month on the same day.
#[derive(Clone, Copy)]
pub(crate) struct Monthly {
    /// Receiving account, or [`NONE`].
    pub to: u32,
    /// Amount in fen.
    pub amount: i64,
    /// Day of the month.
    pub day: u8,
}

impl Monthly {
    const NOTHING: Monthly = Monthly { to: NONE, amount: 0, day: 0 };
}

/// A person living an ordinary life.
pub(crate) struct Person {
    /// Home place.
    pub home: u8,
    /// Age in years at the start of the data.
    pub age: u8,
    /// Main bank account (class I): salary comes in, most payments go out.
    pub primary: u32,
    /// A second bank account, or [`NONE`].
    pub second: u32,
    /// A payment-firm wallet (Alipay or Tenpay), or [`NONE`].
    pub wallet: u32,
    /// Spouse (a person index), or [`NONE`].
    pub spouse: u32,
    /// Rent to a landlord.
    pub rent: Monthly,
    /// Living money sent to an elderly parent or a student child.
    pub support: Monthly,
    /// Chance per quarter-day slot of a purchase, per mille.
    pub shop_rate: u32,
    /// Day of the month utility bills are paid.
    pub bill_day: u8,
}

/// A company that pays salaries.
pub(crate) struct Employer {
    /// Its account.
    pub account: u32,
    /// Day of the month salaries go out.
    pub pay_day: u8,
    /// Employees and their monthly salaries in fen.
    pub staff: Vec<(u32, i64)>,
}

/// A company that receives payments from shoppers and sweeps them to its account elsewhere.
pub(crate) struct Merchant {
    /// Its account.
    pub account: u32,
    /// Its settlement account at a bank that does not feed data (index into [`World::outside`]).
    pub settlement: u32,
    /// Day of the week the takings are swept out (0 = Monday).
    pub sweep_weekday: u8,
}

/// A social security centre paying monthly pensions.
pub(crate) struct PensionFund {
    /// Its account.
    pub account: u32,
    /// Pensioners and their monthly pensions in fen.
    pub pensioners: Vec<(u32, i64)>,
}

/// Receivers of everyone's monthly bills.
pub(crate) struct Utilities {
    /// State Grid (electricity outside Guangdong).
    pub state_grid: u32,
    /// China Southern Grid (electricity in Guangdong).
    pub southern_grid: u32,
    /// The three mobile carriers (phone top-ups).
    pub carriers: [u32; 3],
}

/// Everything that exists before the first transfer.
pub(crate) struct World {
    /// Identity numbers of all holders (persons, companies, card farmers, mule holders).
    pub holders: Vec<[u8; 18]>,
    /// All accounts of accounts.csv.
    pub accounts: Vec<Account>,
    /// Accounts at institutions that do not feed data.
    pub outside: Vec<AccountNo>,
    /// How many of the first `outside` accounts are ordinary people's (friends, schools, lenders).
    pub outside_people: u32,
    /// Persons.
    pub persons: Vec<Person>,
    /// Employers.
    pub employers: Vec<Employer>,
    /// Local merchants, by place.
    pub merchants_by_place: Vec<Vec<Merchant>>,
    /// The payment firm's merchant settlement hub (Tenpay), the e-commerce platform (Alipay) and
    /// the supermarket chain: few accounts receiving a large share of all purchases.
    pub hubs: [Merchant; 3],
    /// Electricity and phone.
    pub utilities: Utilities,
    /// Pension funds, one per place.
    pub pension_funds: Vec<PensionFund>,
    /// When the data starts.
    pub start: i64,
    issuer: Issuer,
    issued_ids: HashSet<u64>,
    companies: u32,
}

/// Index of the payment-firm hub in [`World::hubs`].
pub(crate) const PAYMENT_HUB: usize = 0;
/// Index of the e-commerce hub in [`World::hubs`].
pub(crate) const ECOMMERCE_HUB: usize = 1;
/// Index of the supermarket chain in [`World::hubs`].
pub(crate) const SUPERMARKET: usize = 2;

const SAVINGS: Amounts = Amounts(&[
    (0, 2_000_00, 15),
    (2_000_00, 10_000_00, 25),
    (10_000_00, 50_000_00, 30),
    (50_000_00, 200_000_00, 20),
    (200_000_00, 1_000_000_00, 8),
    (1_000_000_00, 5_000_000_00, 2),
]);
const ELDERLY_SAVINGS: Amounts = Amounts(&[
    (5_000_00, 30_000_00, 20),
    (30_000_00, 100_000_00, 35),
    (100_000_00, 300_000_00, 30),
    (300_000_00, 1_000_000_00, 15),
]);
const SMALL_BALANCE: Amounts = Amounts(&[(0, 200_00, 40), (200_00, 2_000_00, 50), (2_000_00, 20_000_00, 10)]);
const SALARY: Amounts = Amounts(&[
    (3_000_00, 5_000_00, 30),
    (5_000_00, 8_000_00, 30),
    (8_000_00, 15_000_00, 25),
    (15_000_00, 30_000_00, 12),
    (30_000_00, 80_000_00, 3),
]);
const PENSION: Amounts = Amounts(&[(1_500_00, 3_000_00, 40), (3_000_00, 5_000_00, 40), (5_000_00, 9_000_00, 20)]);
const EMPLOYER_SIZE: Amounts = Amounts(&[(3, 20, 60), (20, 200, 35), (200, 2_000, 5)]);
const PAY_DAYS: [u8; 6] = [5, 8, 10, 15, 20, 25];
/// Shopping intensity per person: chance per quarter-day slot, per mille.
const SHOP_RATES: [u32; 5] = [60, 110, 160, 220, 320];

impl World {
    fn new(start: i64, rng: &mut impl Rng) -> World {
        World {
            holders: Vec::new(),
            accounts: Vec::new(),
            outside: Vec::new(),
            outside_people: 0,
            persons: Vec::new(),
            employers: Vec::new(),
            merchants_by_place: (0..PLACES.len()).map(|_| Vec::new()).collect(),
            hubs: [0, 1, 2].map(|_| Merchant { account: NONE, settlement: NONE, sweep_weekday: 0 }),
            utilities: Utilities { state_grid: NONE, southern_grid: NONE, carriers: [NONE; 3] },
            pension_funds: Vec::new(),
            start,
            issuer: Issuer::new(rng),
            issued_ids: HashSet::new(),
            companies: 0,
        }
    }

    /// Registers a person holder born `age` years before the start, at home in `home`; returns
    /// the holder index. Identity numbers never repeat.
    pub fn new_person_holder(&mut self, rng: &mut impl Rng, home: u8, age: u8) -> u32 {
        let region = PLACES[usize::from(home)].code;
        let year = year_of(self.start) - u32::from(age);
        loop {
            let birth = (year, rng.random_range(1..=12), rng.random_range(1..=28));
            let seq = rng.random_range(0..1000);
            let key = (u64::from(region) * 100_000_000 + u64::from(birth.0 * 10_000 + birth.1 * 100 + birth.2)) * 1000
                + u64::from(seq);
            if self.issued_ids.insert(key) {
                self.holders.push(resident_id(region, birth, seq));
                return (self.holders.len() - 1) as u32;
            }
        }
    }

    /// Registers a company holder registered in `place`; returns the holder index.
    fn new_company_holder(&mut self, kind: [u8; 2], place: u8) -> u32 {
        // A bijective scramble of the company counter keeps organisation codes unique.
        let org = (u64::from(self.companies) * 48_271 + 10_234_567) % 100_000_000;
        self.companies += 1;
        self.holders.push(credit_code(kind, PLACES[usize::from(place)].code, org as u32));
        (self.holders.len() - 1) as u32
    }

    /// Opens an account; returns its index.
    pub fn open(&mut self, holder: u32, bank: u8, opened_at: i64, place: u8, class: AccountClass, opening: i64) -> u32 {
        let number = self.issuer.issue(bank);
        self.accounts.push(Account { number, bank, holder, opened_at, place, class, opening });
        (self.accounts.len() - 1) as u32
    }

    /// Adds an account at a bank that does not feed data; returns its index in `outside`.
    pub fn new_outside(&mut self, rng: &mut impl Rng) -> u32 {
        let number = self.issuer.issue_outside(rng);
        self.outside.push(number);
        (self.outside.len() - 1) as u32
    }

    /// A moment during business hours between `min_days` and `max_days` days before the start.
    pub fn business_hours_before_start(&self, rng: &mut impl Rng, min_days: i64, max_days: i64) -> i64 {
        let day = local_day(self.start) - rng.random_range(min_days..=max_days);
        midnight(day) + between_hours(rng, 9, 17)
    }

    fn open_company(&mut self, rng: &mut impl Rng, kind: [u8; 2], place: u8, bank: u8, opening: i64) -> u32 {
        let holder = self.new_company_holder(kind, place);
        let opened_at = self.business_hours_before_start(rng, 400, 6_000);
        self.open(holder, bank, opened_at, place, AccountClass::Corp, opening)
    }

    fn new_merchant(&mut self, rng: &mut impl Rng, place: u8, bank: u8, opening: i64) -> Merchant {
        let account = self.open_company(rng, ENTERPRISE, place, bank, opening);
        let settlement = self.new_outside(rng);
        Merchant { account, settlement, sweep_weekday: rng.random_range(0..7) }
    }
}

/// A bank (not a payment firm) drawn by market share, different from `except`.
pub(crate) fn random_bank(rng: &mut impl Rng, except: u8) -> u8 {
    loop {
        let bank = weighted(rng, INSTITUTIONS[..usize::from(BANKS)].iter().map(|i| i.weight)) as u8;
        if bank != except {
            return bank;
        }
    }
}

/// Builds the world of ordinary life for `persons` persons and `months` months of activity.
pub(crate) fn build(rng: &mut impl Rng, start: i64, persons: u32, months: i64) -> World {
    let mut w = World::new(start, rng);
    add_hubs_and_utilities(rng, &mut w);
    add_households(rng, &mut w, persons);
    let mut by_place: Vec<Vec<u32>> = vec![Vec::new(); PLACES.len()];
    for (p, person) in w.persons.iter().enumerate() {
        by_place[usize::from(person.home)].push(p as u32);
    }
    let mut salaries = vec![0; w.persons.len()];
    for place in 0..PLACES.len() as u8 {
        let people = &by_place[usize::from(place)];
        add_employers(rng, &mut w, place, people, months, &mut salaries);
        add_rents(rng, &mut w, people, &salaries);
        add_pension_fund(rng, &mut w, place, people, months);
        for _ in 0..people.len().div_ceil(25) {
            let opening = rng.random_range(5_000_00..=200_000_00);
            let bank = random_bank(rng, BANKS);
            let merchant = w.new_merchant(rng, place, bank, opening);
            w.merchants_by_place[usize::from(place)].push(merchant);
        }
    }
    for _ in 0..(persons / 20).max(8) {
        w.new_outside(rng);
    }
    w.outside_people = w.outside.len() as u32;
    w
}

fn add_hubs_and_utilities(rng: &mut impl Rng, w: &mut World) {
    let payments = w.new_merchant(rng, SHENZHEN, TENPAY, 50_000_000_00);
    let ecommerce = w.new_merchant(rng, HANGZHOU, ALIPAY, 50_000_000_00);
    let bank = random_bank(rng, BANKS);
    let supermarket = w.new_merchant(rng, SHANGHAI, bank, 5_000_000_00);
    w.hubs = [payments, ecommerce, supermarket];
    w.utilities.state_grid = w.open_company(rng, ENTERPRISE, BEIJING, 0, 100_000_000_00);
    w.utilities.southern_grid = w.open_company(rng, ENTERPRISE, GUANGZHOU, 1, 50_000_000_00);
    for carrier in 0..3 {
        let bank = random_bank(rng, BANKS);
        w.utilities.carriers[carrier] = w.open_company(rng, ENTERPRISE, BEIJING, bank, 80_000_000_00);
    }
}

/// Households of couples (some with a student child or an elderly parent), single adults and
/// elderly people living alone, until `persons` persons exist.
fn add_households(rng: &mut impl Rng, w: &mut World, persons: u32) {
    let persons = persons as usize;
    while w.persons.len() < persons {
        let home = weighted(rng, PLACES.iter().map(|p| p.weight)) as u8;
        let kind = rng.random_range(0..100);
        if kind < 55 {
            let age = rng.random_range(25..=60);
            let a = add_person(rng, w, home, age);
            if w.persons.len() < persons {
                let age = rng.random_range(25..=60);
                let b = add_person(rng, w, home, age);
                w.persons[a as usize].spouse = b;
                w.persons[b as usize].spouse = a;
            }
            if w.persons.len() < persons && chance(rng, 300) {
                let college =
                    if chance(rng, 500) { home } else { weighted(rng, PLACES.iter().map(|p| p.weight)) as u8 };
                let age = rng.random_range(18..=22);
                let child = add_person(rng, w, college, age);
                support(rng, w, a, child, 800_00, 3_000_00);
            }
            if w.persons.len() < persons && chance(rng, 350) {
                let place = if chance(rng, 600) { home } else { weighted(rng, PLACES.iter().map(|p| p.weight)) as u8 };
                let age = rng.random_range(62..=88);
                let parent = add_person(rng, w, place, age);
                support(rng, w, a, parent, 500_00, 3_000_00);
            }
        } else {
            let age = if kind < 85 { rng.random_range(20..=45) } else { rng.random_range(60..=85) };
            add_person(rng, w, home, age);
        }
    }
}

fn support(rng: &mut impl Rng, w: &mut World, from: u32, to: u32, min: i64, max: i64) {
    let to_account = w.persons[to as usize].primary;
    w.persons[from as usize].support = Monthly {
        to: to_account,
        amount: rng.random_range(min / 100..=max / 100) * 100,
        day: rng.random_range(1..=28),
    };
}

fn add_person(rng: &mut impl Rng, w: &mut World, home: u8, age: u8) -> u32 {
    let holder = w.new_person_holder(rng, home, age);
    let elderly = age >= 60;
    let years_of_banking = i64::from(age.saturating_sub(17).clamp(2, 20));
    let opened = |rng: &mut _, w: &World| w.business_hours_before_start(rng, 200, years_of_banking * 365);
    let savings = if elderly { ELDERLY_SAVINGS.draw(rng) } else { SAVINGS.draw(rng) };
    let bank = random_bank(rng, BANKS);
    let at = opened(rng, w);
    let primary = w.open(holder, bank, at, home, AccountClass::I, savings);
    let second = if chance(rng, if elderly { 250 } else { 450 }) {
        let class = if chance(rng, 600) { AccountClass::II } else { AccountClass::I };
        let at = opened(rng, w);
        let balance = SMALL_BALANCE.draw(rng);
        let other = random_bank(rng, bank);
        w.open(holder, other, at, home, class, balance)
    } else {
        NONE
    };
    let wallet = if chance(rng, if elderly { 250 } else { 750 }) {
        let firm = if chance(rng, 550) { ALIPAY } else { TENPAY };
        let at = opened(rng, w);
        let balance = SMALL_BALANCE.draw(rng);
        w.open(holder, firm, at, home, AccountClass::II, balance)
    } else {
        NONE
    };
    let shop_rate = pick(rng, &SHOP_RATES) / if elderly || age < 23 { 2 } else { 1 };
    w.persons.push(Person {
        home,
        age,
        primary,
        second,
        wallet,
        spouse: NONE,
        rent: Monthly::NOTHING,
        support: Monthly::NOTHING,
        shop_rate,
        bill_day: rng.random_range(1..=28),
    });
    (w.persons.len() - 1) as u32
}

/// Half of the younger adults with a job rent from a landlord living in the same place, paying
/// at most a third of their salary.
fn add_rents(rng: &mut impl Rng, w: &mut World, people: &[u32], salaries: &[i64]) {
    let landlords: Vec<u32> = people.iter().copied().filter(|p| w.persons[*p as usize].age >= 40).collect();
    if landlords.is_empty() {
        return;
    }
    for &p in people {
        let person = &w.persons[p as usize];
        let salary = salaries[p as usize];
        if salary == 0 || person.age > 45 || !chance(rng, 500) {
            continue;
        }
        let landlord = pick(rng, &landlords);
        if landlord == p {
            continue;
        }
        let (lo, hi) = match PLACES[usize::from(person.home)].tier {
            1 => (3_000, 9_000),
            2 => (1_500, 4_500),
            _ => (800, 2_500),
        };
        let amount = (rng.random_range(lo / 100..=hi / 100) * 100_00).min(salary / 3 / 100_00 * 100_00).max(500_00);
        let to = w.persons[landlord as usize].primary;
        w.persons[p as usize].rent = Monthly { to, amount, day: rng.random_range(1..=5) };
    }
}

/// Employers of the place take on eight in ten working-age adults (students excepted); each
/// employer holds enough to pay every salary of the simulated months. Adults without a job shop
/// half as much; those with one shop within their means.
fn add_employers(rng: &mut impl Rng, w: &mut World, place: u8, people: &[u32], months: i64, salaries: &mut [i64]) {
    let tier = PLACES[usize::from(place)].tier;
    let mut current: Option<(Employer, usize)> = None;
    for &p in people {
        let person = &mut w.persons[p as usize];
        if !(23..60).contains(&person.age) {
            continue;
        }
        if !chance(rng, 800) {
            person.shop_rate /= 2;
            continue;
        }
        let base = SALARY.draw(rng) / 100 * 100;
        let salary = match tier {
            1 => base * 3 / 2,
            2 => base,
            _ => base * 4 / 5,
        };
        salaries[p as usize] = salary;
        // About 24 yuan a month per point of shopping rate (mean purchase near 200 yuan).
        person.shop_rate = person.shop_rate.min((salary / 100 / 40) as u32);
        let (employer, capacity) = current.get_or_insert_with(|| {
            let bank = random_bank(rng, BANKS);
            let account = w.open_company(rng, ENTERPRISE, place, bank, 0);
            let employer = Employer { account, pay_day: pick(rng, &PAY_DAYS), staff: Vec::new() };
            (employer, EMPLOYER_SIZE.draw(rng) as usize)
        });
        employer.staff.push((p, salary));
        if employer.staff.len() >= *capacity {
            if let Some((e, _)) = current.take() {
                finish_employer(rng, w, e, months);
            }
        }
    }
    if let Some((e, _)) = current.take() {
        finish_employer(rng, w, e, months);
    }
}

fn finish_employer(rng: &mut impl Rng, w: &mut World, e: Employer, months: i64) {
    let payroll: i64 = e.staff.iter().map(|s| s.1).sum();
    w.accounts[e.account as usize].opening = payroll * (months + 1) + rng.random_range(0..=payroll);
    w.employers.push(e);
}

/// Persons of 60 and over get a monthly pension from the place's social security centre.
fn add_pension_fund(rng: &mut impl Rng, w: &mut World, place: u8, people: &[u32], months: i64) {
    let pensioners: Vec<(u32, i64)> = people
        .iter()
        .filter(|p| w.persons[**p as usize].age >= 60)
        .map(|p| (*p, PENSION.draw(rng) / 100 * 100))
        .collect();
    if pensioners.is_empty() {
        return;
    }
    let total: i64 = pensioners.iter().map(|p| p.1).sum();
    let bank = random_bank(rng, BANKS);
    let account = w.open_company(rng, PUBLIC_INSTITUTION, place, bank, total * (months + 1));
    w.pension_funds.push(PensionFund { account, pensioners });
}

/// The electricity company serving a place.
pub(crate) fn grid_for(w: &World, place: u8) -> u32 {
    if in_guangdong(place) {
        w.utilities.southern_grid
    } else {
        w.utilities.state_grid
    }
}

/// A random ordinary account at a bank that does not feed data (friends, schools, lenders).
pub(crate) fn outside_person(rng: &mut impl Rng, w: &World) -> u32 {
    index(rng, w.outside_people as usize) as u32
}
