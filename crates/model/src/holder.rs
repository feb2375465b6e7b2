//! Account holders: identity numbers are stored only as salted digests plus a masked form.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The per-deployment secret mixed into every holder digest, so digests cannot be reversed by
/// hashing all possible ID-card numbers without it, nor linked across deployments.
#[derive(Clone, PartialEq, Eq)]
pub struct HolderSalt([u8; 32]);

impl HolderSalt {
    /// Wraps 32 secret bytes (the store creates them at random once per deployment).
    pub fn new(bytes: [u8; 32]) -> HolderSalt {
        HolderSalt(bytes)
    }

    /// The secret bytes, for persisting them.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Digests and masks an identity number. Surrounding space is ignored and letters are
    /// upper-cased first, so `14010519900101123x` and `14010519900101123X` are one holder.
    pub fn holder(&self, identity: &str) -> Holder {
        let normalized = identity.trim().to_uppercase();
        let mut h = Sha256::new();
        h.update(self.0);
        h.update([0u8]);
        h.update(normalized.as_bytes());
        let full = h.finalize();
        let mut digest = [0u8; 16];
        digest.copy_from_slice(&full[..16]);
        Holder { digest: HolderDigest(digest), masked: mask(&normalized).into_boxed_str() }
    }
}

impl fmt::Debug for HolderSalt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HolderSalt(<secret>)")
    }
}

/// The first 128 bits of SHA-256(salt, 0, identity): equal for equal identities in one deployment.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HolderDigest(pub [u8; 16]);

impl fmt::Display for HolderDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for HolderDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HolderDigest({self})")
    }
}

/// What fanzha keeps of an account holder: never the identity number itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Salted digest, for grouping accounts of one person.
    pub digest: HolderDigest,
    /// Display form with the middle hidden, e.g. `1401**********1234`.
    pub masked: Box<str>,
}

/// Keeps the first and last four characters of identities of ten or more characters (the first
/// and last one of shorter ones) and stars the rest, character by character.
fn mask(identity: &str) -> String {
    let chars: Vec<char> = identity.chars().collect();
    let keep = match chars.len() {
        0..=2 => 0,
        3..=9 => 1,
        _ => 4,
    };
    chars.iter().enumerate().map(|(i, &c)| if i < keep || i + keep >= chars.len() { c } else { '*' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_id_cards_and_short_codes() {
        assert_eq!(mask("140105199001011234"), "1401**********1234");
        assert_eq!(mask("ABC123"), "A****3");
        assert_eq!(mask("某某科技有限公司"), "某******司");
        assert_eq!(mask("12"), "**");
    }

    #[test]
    fn digest_depends_on_salt_and_normalized_identity() {
        let a = HolderSalt::new([1; 32]);
        let b = HolderSalt::new([2; 32]);
        let x = a.holder("14010519900101123x");
        assert_eq!(x, a.holder(" 14010519900101123X "));
        assert_ne!(x.digest, b.holder("14010519900101123X").digest);
        assert_ne!(x.digest, a.holder("140105199001011230").digest);
        assert_eq!(&*x.masked, "1401**********123X");
        assert!(!format!("{x:?}").contains("19900101"));
    }
}
