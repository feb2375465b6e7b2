//! Institutions that feed data, institutions that do not, and the account numbers they issue.

use rand::Rng;

/// A bank or payment firm whose accounts are in accounts.csv.
pub(crate) struct Institution {
    /// Code written in the `bank` column.
    pub code: &'static str,
    /// First digits of every account number it issues.
    prefix: &'static str,
    /// Length of its account numbers.
    len: usize,
    /// Whether the last digit is a Luhn check digit (bank cards) or not (payment accounts).
    luhn: bool,
    /// Relative market share among personal accounts.
    pub weight: u32,
}

const fn institution(code: &'static str, prefix: &'static str, len: usize, luhn: bool, weight: u32) -> Institution {
    Institution { code, prefix, len, luhn, weight }
}

/// Banks first (ids `0..BANKS`), then the two payment firms. The prefixes are in the style of
/// the banks' debit-card issuer numbers; they are not meant as a reference list.
pub(crate) const INSTITUTIONS: [Institution; 12] = [
    institution("ICBC", "622202", 19, true, 20),
    institution("CCB", "621700", 19, true, 18),
    institution("ABC", "622848", 19, true, 16),
    institution("BOC", "621661", 19, true, 12),
    institution("BOCOM", "622262", 19, true, 7),
    institution("CMB", "622588", 16, true, 9),
    institution("PSBC", "621799", 19, true, 10),
    institution("CIB", "622909", 18, true, 4),
    institution("SPDB", "622521", 16, true, 3),
    institution("CITIC", "622690", 16, true, 3),
    // Alipay user ids are 16 digits beginning 2088; the Tenpay prefix is made up.
    institution("ALIPAY", "2088", 16, false, 55),
    institution("TENPAY", "1900", 16, false, 45),
];

/// Number of banks (card issuers) at the head of [`INSTITUTIONS`].
pub(crate) const BANKS: u8 = 10;
/// Institution id of Alipay.
pub(crate) const ALIPAY: u8 = 10;
/// Institution id of Tenpay.
pub(crate) const TENPAY: u8 = 11;

/// Card prefixes and lengths of banks that do not feed data: their accounts appear only as
/// counterparties (external accounts). Distinct from every prefix in [`INSTITUTIONS`].
const OUTSIDE: [(&str, usize); 4] = [("622155", 16), ("623058", 19), ("622630", 16), ("625809", 19)];

/// An account number: 16 to 19 ASCII digits.
#[derive(Clone, Copy)]
pub(crate) struct AccountNo {
    len: u8,
    digits: [u8; 19],
}

impl AccountNo {
    /// The digits as written in the files.
    pub fn as_bytes(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }
}

/// Multiplier of the serial scramble; it ends in 3, so it is coprime with every power of ten and
/// the scramble is a bijection: distinct serials give distinct numbers.
const SCRAMBLE: u128 = 6_364_136_223_846_793;

/// Hands out unique account numbers, bank by bank, that do not look sequential.
pub(crate) struct Issuer {
    next: [u64; INSTITUTIONS.len() + OUTSIDE.len()],
    offset: [u64; INSTITUTIONS.len() + OUTSIDE.len()],
}

impl Issuer {
    /// An issuer whose scrambles are drawn from `rng`.
    pub fn new(rng: &mut impl Rng) -> Issuer {
        let mut offset = [0; INSTITUTIONS.len() + OUTSIDE.len()];
        for o in &mut offset {
            *o = rng.random();
        }
        Issuer { next: [0; INSTITUTIONS.len() + OUTSIDE.len()], offset }
    }

    /// A new account number at institution `bank` (an index into [`INSTITUTIONS`]).
    pub fn issue(&mut self, bank: u8) -> AccountNo {
        let inst = &INSTITUTIONS[usize::from(bank)];
        self.number(usize::from(bank), inst.prefix, inst.len, inst.luhn)
    }

    /// A new account number at a bank that does not feed data.
    pub fn issue_outside(&mut self, rng: &mut impl Rng) -> AccountNo {
        let which = rng.random_range(0..OUTSIDE.len() as u32) as usize;
        let (prefix, len) = OUTSIDE[which];
        self.number(INSTITUTIONS.len() + which, prefix, len, true)
    }

    fn number(&mut self, slot: usize, prefix: &str, len: usize, luhn: bool) -> AccountNo {
        let body_len = len - prefix.len() - usize::from(luhn);
        let modulus = 10u128.pow(body_len as u32);
        let serial = self.next[slot];
        self.next[slot] += 1;
        let body = (u128::from(serial) * SCRAMBLE + u128::from(self.offset[slot])) % modulus;
        let mut digits = [b'0'; 19];
        digits[..prefix.len()].copy_from_slice(prefix.as_bytes());
        let mut rest = body;
        for d in digits[prefix.len()..prefix.len() + body_len].iter_mut().rev() {
            *d = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        if luhn {
            digits[len - 1] = luhn_check_digit(&digits[..len - 1]);
        }
        AccountNo { len: len as u8, digits }
    }
}

/// The Luhn (mod 10) check digit for a string of ASCII digits.
fn luhn_check_digit(digits: &[u8]) -> u8 {
    let mut sum = 0;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    b'0' + ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use std::collections::HashSet;

    fn luhn_valid(digits: &[u8]) -> bool {
        let (body, check) = digits.split_at(digits.len() - 1);
        luhn_check_digit(body) == check[0]
    }

    #[test]
    fn luhn_matches_a_known_number() {
        assert!(luhn_valid(b"79927398713"));
        assert!(!luhn_valid(b"79927398710"));
    }

    #[test]
    fn numbers_are_unique_well_formed_and_keep_their_prefix() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut issuer = Issuer::new(&mut rng);
        let mut seen = HashSet::new();
        for round in 0..2_000 {
            for bank in 0..INSTITUTIONS.len() as u8 {
                let no = issuer.issue(bank);
                let inst = &INSTITUTIONS[usize::from(bank)];
                let s = no.as_bytes();
                assert_eq!(s.len(), inst.len);
                assert!((16..=19).contains(&s.len()));
                assert!(s.iter().all(u8::is_ascii_digit));
                assert!(s.starts_with(inst.prefix.as_bytes()));
                if inst.luhn {
                    assert!(luhn_valid(s));
                }
                assert!(seen.insert(s.to_vec()), "duplicate in round {round}");
            }
            let out = issuer.issue_outside(&mut rng);
            assert!(luhn_valid(out.as_bytes()));
            assert!(seen.insert(out.as_bytes().to_vec()));
        }
    }
}
