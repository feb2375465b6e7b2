//! Identity numbers of account holders: resident ID numbers (GB 11643, check digit ISO 7064
//! MOD 11-2) for persons and unified social credit codes (GB 32100) for companies.

use crate::writer::put_digits;

/// Weights of the first 17 digits of a resident ID number.
const RESIDENT_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by weighted sum modulo 11.
const RESIDENT_CHECK: &[u8; 11] = b"10X98765432";

/// A person's 18-character resident ID number: home division code, birth date, sequence number
/// (odd for men, even for women) and the MOD 11-2 check character.
pub(crate) fn resident_id(region: u32, birth: (u32, u32, u32), seq: u32) -> [u8; 18] {
    let (year, month, day) = birth;
    let mut id = [b'0'; 18];
    put_digits(&mut id[0..6], u64::from(region));
    put_digits(&mut id[6..10], u64::from(year));
    put_digits(&mut id[10..12], u64::from(month));
    put_digits(&mut id[12..14], u64::from(day));
    put_digits(&mut id[14..17], u64::from(seq));
    let sum: u32 = id[..17].iter().zip(RESIDENT_WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    id[17] = RESIDENT_CHECK[(sum % 11) as usize];
    id
}

/// Characters of a unified social credit code, by value (no I, O, S, V, Z).
const CREDIT_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first 17 characters of a unified social credit code.
const CREDIT_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/// Weights of the 8 body digits of an organisation code (GB 11714).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Registration authority and organisation type: an enterprise registered with market regulation.
pub(crate) const ENTERPRISE: [u8; 2] = *b"91";
/// Registration authority and organisation type: a public institution (e.g. a social security centre).
pub(crate) const PUBLIC_INSTITUTION: [u8; 2] = *b"12";

/// A company's 18-character unified social credit code: authority and type, registration
/// division code, the 9-character organisation code (8 digits and its own check character) and
/// the MOD 31 check character.
pub(crate) fn credit_code(kind: [u8; 2], region: u32, org: u32) -> [u8; 18] {
    let mut code = [b'0'; 18];
    code[..2].copy_from_slice(&kind);
    put_digits(&mut code[2..8], u64::from(region));
    put_digits(&mut code[8..16], u64::from(org % 100_000_000));
    let org_sum: u32 = code[8..16].iter().zip(ORG_WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    code[16] = match 11 - org_sum % 11 {
        10 => b'X',
        11 => b'0',
        c => b'0' + c as u8,
    };
    let sum: u32 = code[..17].iter().zip(CREDIT_WEIGHTS).map(|(c, w)| credit_value(*c) * w).sum();
    code[17] = CREDIT_CHARS[((31 - sum % 31) % 31) as usize];
    code
}

fn credit_value(c: u8) -> u32 {
    CREDIT_CHARS.iter().position(|x| *x == c).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_id_has_the_standard_check_character() {
        // The worked example of GB 11643: 11010519491231002X.
        assert_eq!(&resident_id(110_105, (1949, 12, 31), 2), b"11010519491231002X");
        let id = resident_id(420_100, (1987, 6, 5), 123);
        assert_eq!(&id[..17], b"42010019870605123");
    }

    #[test]
    fn credit_code_has_valid_check_characters() {
        // A published code: 91350100M000100Y43 (organisation code M000100Y4, check 3).
        let sum: u32 = b"91350100M000100Y4".iter().zip(CREDIT_WEIGHTS).map(|(c, w)| credit_value(*c) * w).sum();
        assert_eq!(CREDIT_CHARS[((31 - sum % 31) % 31) as usize], b'3');
        let code = credit_code(ENTERPRISE, 440_300, 12_345_678);
        assert_eq!(&code[..16], b"9144030012345678");
        assert!(code.iter().all(|c| CREDIT_CHARS.contains(c)));
    }
}
