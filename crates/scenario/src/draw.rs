//! Random draws built from integer operations only, so every platform writes the same bytes
//! (no logarithms or exponentials, whose last bits differ between maths libraries).

use crate::calendar::{HOUR, MINUTE};
use rand::Rng;

/// True with probability `per_mille` / 1000.
pub(crate) fn chance(rng: &mut impl Rng, per_mille: u32) -> bool {
    rng.random_range(0..1000u32) < per_mille
}

/// A uniform index below `n`, which must be positive.
pub(crate) fn index(rng: &mut impl Rng, n: usize) -> usize {
    rng.random_range(0..n as u32) as usize
}

/// One element of a non-empty slice.
pub(crate) fn pick<T: Copy>(rng: &mut impl Rng, items: &[T]) -> T {
    items[index(rng, items.len())]
}

/// An index drawn with probability proportional to `weights` (not all zero).
pub(crate) fn weighted(rng: &mut impl Rng, weights: impl Iterator<Item = u32> + Clone) -> usize {
    let total: u32 = weights.clone().sum();
    let mut x = rng.random_range(0..total);
    let mut last = 0;
    for (i, w) in weights.enumerate() {
        if x < w {
            return i;
        }
        x -= w;
        last = i;
    }
    last
}

/// A heavy-tailed amount distribution: ranges of fen, roughly log-spaced, each with a weight;
/// a draw picks a range by weight, then a uniform amount inside it.
pub(crate) struct Amounts(pub &'static [(i64, i64, u32)]);

impl Amounts {
    /// An amount in fen.
    pub fn draw(&self, rng: &mut impl Rng) -> i64 {
        let (lo, hi, _) = self.0[weighted(rng, self.0.iter().map(|r| r.2))];
        rng.random_range(lo..=hi)
    }
}

/// Relative activity by hour of the day: busy from morning to late evening, little at night.
const HOUR_WEIGHTS: [u32; 24] = [3, 2, 1, 1, 1, 2, 4, 8, 13, 15, 16, 17, 18, 16, 15, 15, 16, 17, 18, 19, 19, 16, 10, 6];

/// Seconds after midnight of an everyday payment.
pub(crate) fn time_of_day(rng: &mut impl Rng) -> i64 {
    let hour = weighted(rng, HOUR_WEIGHTS.iter().copied()) as i64;
    hour * HOUR + rng.random_range(0..HOUR)
}

/// Seconds after midnight uniformly between two hours (`from` inclusive, `to` exclusive).
pub(crate) fn between_hours(rng: &mut impl Rng, from: i64, to: i64) -> i64 {
    rng.random_range(from * HOUR..to * HOUR)
}

/// A delay drawn uniformly between two numbers of minutes.
pub(crate) fn minutes(rng: &mut impl Rng, from: i64, to: i64) -> i64 {
    rng.random_range(from * MINUTE..=to * MINUTE)
}

/// Splits `total` fen into up to `parts` positive shares of uneven size, all but the last in whole
/// yuan; fewer parts when the total is too small to give each at least 100 yuan.
pub(crate) fn split(rng: &mut impl Rng, total: i64, parts: usize) -> Vec<i64> {
    let parts = parts.clamp(1, (total / 100_00).max(1) as usize);
    let weights: Vec<i64> = (0..parts).map(|_| rng.random_range(6..=14)).collect();
    let sum: i64 = weights.iter().sum();
    let mut shares: Vec<i64> = weights.iter().map(|w| total * w / sum / 100 * 100).collect();
    let given: i64 = shares[..parts - 1].iter().sum();
    shares[parts - 1] = total - given;
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn split_conserves_and_stays_positive() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for total in [1, 99, 100_00, 123_456_78, 9_999_999_99] {
            for parts in 1..6 {
                let shares = split(&mut rng, total, parts);
                assert_eq!(shares.iter().sum::<i64>(), total);
                assert!(shares.iter().all(|s| *s > 0), "{total} {parts} {shares:?}");
            }
        }
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let amounts = Amounts(&[(1, 10, 1), (100, 200, 3)]);
        for _ in 0..1000 {
            let a = amounts.draw(&mut rng);
            assert!((1..=10).contains(&a) || (100..=200).contains(&a));
            assert!((0..24 * HOUR).contains(&time_of_day(&mut rng)));
        }
    }
}
