//! What to generate: size, length, start, seed, and how much fraud.

use fanzha_model::Ts;

/// What to generate. The same config gives byte-identical files on every machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioConfig {
    /// Seed of the one random stream everything is drawn from.
    pub seed: u64,
    /// Persons living ordinary lives (card farmers and recruited mule holders come on top).
    pub persons: u32,
    /// Length of the data in days, from `start`.
    pub days: u32,
    /// First moment of the data.
    pub start: Ts,
    /// Fraud cases to stage, one victim each (fewer if too few persons fit a typology).
    pub fraud_cases: u32,
    /// Card farmers whose cards the fraud network uses as mule accounts.
    pub card_farmers: u32,
}

/// Ordinary movements per person and day, in thousandths (measured over several seeds).
const MOVEMENTS_PER_PERSON_DAY_MILLI: u64 = 640;
/// Length of scaled scenarios.
const SCALED_DAYS: u32 = 60;
/// One fraud case per this many persons.
const PERSONS_PER_CASE: u32 = 50;
/// One card farmer per this many persons.
const PERSONS_PER_FARMER: u32 = 333;

impl ScenarioConfig {
    /// A 60-day scenario sized so that about `target` transfers come out (within ±20% from a
    /// few thousand transfers up); fraud cases and card farmers grow with the population.
    pub fn for_transfers(target: u64, seed: u64) -> ScenarioConfig {
        let person_days = target * 1000 / MOVEMENTS_PER_PERSON_DAY_MILLI;
        let persons = (person_days / u64::from(SCALED_DAYS)).clamp(10, u64::from(u32::MAX)) as u32;
        ScenarioConfig {
            seed,
            persons,
            days: SCALED_DAYS,
            fraud_cases: persons.div_ceil(PERSONS_PER_CASE),
            card_farmers: persons.div_ceil(PERSONS_PER_FARMER),
            ..ScenarioConfig::default()
        }
    }
}

impl Default for ScenarioConfig {
    /// The demo: 2,000 persons over 60 days from 2024-03-01T00:00:00+08:00, 40 fraud cases and
    /// 6 card farmers, about 77,000 transfers; seed 1.
    fn default() -> ScenarioConfig {
        ScenarioConfig {
            seed: 1,
            persons: 2_000,
            days: SCALED_DAYS,
            start: Ts(1_709_222_400),
            fraud_cases: 40,
            card_farmers: 6,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_starts_on_the_first_of_march_2024_in_shanghai() {
        assert_eq!(ScenarioConfig::default().start.to_rfc3339_shanghai(), "2024-03-01T00:00:00+08:00");
    }

    #[test]
    fn scaling_keeps_fraud_in_proportion() {
        let small = ScenarioConfig::for_transfers(100_000, 1);
        let big = ScenarioConfig::for_transfers(10_000_000, 1);
        assert!(big.persons > 90 * small.persons);
        assert!(big.fraud_cases > 90 * small.fraud_cases);
        assert!(big.card_farmers > 50 * small.card_farmers);
        assert!(small.card_farmers >= 1 && small.fraud_cases >= 1);
    }
}
