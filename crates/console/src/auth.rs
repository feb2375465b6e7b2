//! Who is asking: argon2 password hashes, session cookies (random token, only its SHA-256 stored),
//! a CSRF token per session checked on every form post, and a limit on failed logins.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// The session cookie's name.
pub const COOKIE: &str = "fanzha_session";
/// How long a session lasts (seconds).
pub const SESSION_SECS: i64 = 12 * 3_600;
/// Failed logins allowed per name and per address within [`LOCKOUT_SECS`].
pub const MAX_FAILURES: u32 = 5;
/// The window of the failed-login limit (seconds).
pub const LOCKOUT_SECS: i64 = 15 * 60;

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).expect("the OS random source works");
    fanzha_model::hex(&buf)
}

/// SHA-256 of a token, hex (what the database keeps instead of the token).
pub fn token_hash(token: &str) -> String {
    fanzha_model::hex(&Sha256::digest(token.as_bytes()))
}

/// An argon2id hash (PHC string) of `password` with a random salt.
pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the OS random source works");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes encode");
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 hashes").to_string()
}

/// Whether `password` matches the stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A password of 16 characters from an alphabet without look-alikes, for `fanzha user add` to print.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut buf = [0u8; 16];
    getrandom::fill(&mut buf).expect("the OS random source works");
    buf.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect()
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|kv| kv.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Compares two strings in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Failed logins per key (a name or an address) in the current window.
#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, (u32, i64)>>,
}

impl LoginLimiter {
    /// Whether `key` is locked out at `now`.
    pub fn locked(&self, key: &str, now: i64) -> bool {
        let f = self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f.get(key).is_some_and(|&(n, since)| n >= MAX_FAILURES && now - since < LOCKOUT_SECS)
    }

    /// Counts a failure of `key`.
    pub fn fail(&self, key: &str, now: i64) {
        let mut f = self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if f.len() > 100_000 {
            f.retain(|_, (_, since)| now - *since < LOCKOUT_SECS);
        }
        let e = f.entry(key.to_string()).or_insert((0, now));
        if now - e.1 >= LOCKOUT_SECS {
            *e = (0, now);
        }
        e.0 += 1;
    }

    /// Forgets `key`'s failures (after a good login).
    pub fn clear(&self, key: &str) {
        self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
        assert_ne!(hash_password("correct horse"), h, "salted");
    }

    #[test]
    fn cookies_and_lockout() {
        assert_eq!(cookie("a=1; fanzha_session=abc; lang=en", COOKIE), Some("abc"));
        assert_eq!(cookie("lang=en", COOKIE), None);
        let l = LoginLimiter::default();
        for _ in 0..MAX_FAILURES {
            assert!(!l.locked("wang", 0));
            l.fail("wang", 0);
        }
        assert!(l.locked("wang", 10));
        assert!(!l.locked("wang", LOCKOUT_SECS), "the window passes");
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
