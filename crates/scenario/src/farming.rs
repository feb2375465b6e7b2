//! Card farming (一人多卡): a holder from Hubei opens a dozen cards at several banks in two or
//! three far-away cities within about two weeks, then the cards go quiet until the fraud network
//! that bought them starts using them.

use crate::banks::BANKS;
use crate::calendar::{local_day, midnight, DAY};
use crate::draw::{between_hours, chance, index, pick, weighted};
use crate::population::World;
use crate::regions::{province, CARD_OPENING_CITIES, FARMER_HOMES};
use fanzha_model::AccountClass;
use rand::seq::SliceRandom;
use rand::Rng;

/// A card farmer and the cards he opened.
pub(crate) struct Farmer {
    /// Holder index.
    pub holder: u32,
    /// Accounts opened, in opening order.
    pub cards: Vec<u32>,
    /// When the cards are handed over and may first be used (after the quiet spell).
    pub ready_at: i64,
}

/// Plans `count` card farmers. Three in five finished their spree before the data starts (so the
/// network has cards from day one); the others open their cards during the first third of the
/// data. `days` is the length of the data.
pub(crate) fn plan(rng: &mut impl Rng, w: &mut World, count: u32, days: u32) -> Vec<Farmer> {
    (0..count).map(|i| farmer(rng, w, i % 5 < 3, days)).collect()
}

fn farmer(rng: &mut impl Rng, w: &mut World, before_start: bool, days: u32) -> Farmer {
    let home = pick(rng, &FARMER_HOMES);
    let age = rng.random_range(19..=45);
    let holder = w.new_person_holder(rng, home, age);
    let first_day = if before_start {
        local_day(w.start) - rng.random_range(30..=90)
    } else {
        local_day(w.start) + rng.random_range(0..=i64::from(days / 3))
    };
    let mut cities: Vec<u8> = CARD_OPENING_CITIES.iter().copied().filter(|c| province(*c) != province(home)).collect();
    cities.shuffle(rng);
    cities.truncate(rng.random_range(2..=3));
    let cards = rng.random_range(8..=15u32);
    let mut opened = Vec::with_capacity(cards as usize);
    let mut last = 0;
    for (k, city) in cities.iter().enumerate() {
        // The spree moves city to city: about five days in each, within fourteen days in all.
        let per_city = cards as usize / cities.len() + usize::from(k < cards as usize % cities.len());
        let mut banks: Vec<u8> = (0..BANKS).collect();
        banks.shuffle(rng);
        for n in 0..per_city {
            let day = first_day + 5 * k as i64 + rng.random_range(0..5);
            let at = midnight(day) + between_hours(rng, 9, 17);
            // Several banks per city; one bank may be visited twice.
            let bank = if n < banks.len() && chance(rng, 850) { banks[n] } else { pick(rng, &banks) };
            let class = match weighted(rng, [70, 20, 10].into_iter()) {
                0 => AccountClass::II,
                1 => AccountClass::III,
                _ => AccountClass::I,
            };
            let opening = pick(rng, &[0, 0, 1_00, 10_00]);
            opened.push((at, w.open(holder, bank, at, *city, class, opening)));
            last = last.max(at);
        }
    }
    opened.sort_unstable();
    let quiet = rng.random_range(7..=21) * DAY + index(rng, 12 * 3600) as i64;
    Farmer { holder, cards: opened.into_iter().map(|(_, a)| a).collect(), ready_at: last + quiet }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::build;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn farmers_open_many_cards_fast_far_from_home() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut w = build(&mut rng, 1_709_222_400, 50, 2);
        for f in plan(&mut rng, &mut w, 20, 60) {
            assert!((8..=15).contains(&f.cards.len()));
            let accounts: Vec<_> = f.cards.iter().map(|c| &w.accounts[*c as usize]).collect();
            assert!(accounts.iter().all(|a| a.bank < BANKS), "bank cards, not payment accounts");
            let first = accounts.iter().map(|a| a.opened_at).min().unwrap();
            let last = accounts.iter().map(|a| a.opened_at).max().unwrap();
            assert!(last - first <= 15 * DAY);
            assert!(f.ready_at >= last + 7 * DAY);
            let mut banks: Vec<u8> = accounts.iter().map(|a| a.bank).collect();
            banks.sort_unstable();
            banks.dedup();
            assert!(banks.len() >= 3);
            let home: u32 = std::str::from_utf8(&w.holders[f.holder as usize][..2]).unwrap().parse().unwrap();
            assert!(accounts.iter().all(|a| province(a.place) != home), "opened far from home");
        }
    }
}
