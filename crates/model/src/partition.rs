//! Which node of a partitioned deployment owns an account: the one rule every node, the follower's
//! filter and a trace's coordinator apply, so they can never disagree.
//!
//! The owner is FNV-1a (64 bit) of the account id's bytes modulo the partition count: fixed by
//! this code, not by a hasher that may change between releases or builds, because a store built
//! under one rule must be owned by the same partition after an upgrade.

use std::fmt;
use std::str::FromStr;

/// One partition of `count`: a node keeps the accounts whose id hashes to `index` and the transfers
/// touching them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Partition {
    /// This partition, `0..count`.
    pub index: u32,
    /// How many partitions the deployment has.
    pub count: u32,
}

/// The most partitions a deployment may have.
pub const MAX_PARTITIONS: u32 = 4_096;

impl Partition {
    /// The partition of `count` that owns `account_id`.
    pub fn owner(account_id: &str, count: u32) -> u32 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in account_id.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        (h % u64::from(count.max(1))) as u32
    }

    /// Whether this partition owns `account_id`.
    pub fn owns(&self, account_id: &str) -> bool {
        Partition::owner(account_id, self.count) == self.index
    }
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Partition {
    type Err = String;

    /// `K/P`: partition K (from 0) of P.
    fn from_str(s: &str) -> Result<Partition, String> {
        let bad =
            || format!("'{s}' is not a partition: write K/P, partition K (0 to P-1) of P (1 to {MAX_PARTITIONS})");
        let (k, p) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (k.trim().parse::<u32>().map_err(|_| bad())?, p.trim().parse::<u32>().map_err(|_| bad())?);
        if count == 0 || count > MAX_PARTITIONS || index >= count {
            return Err(bad());
        }
        Ok(Partition { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_p_and_refuses_the_rest() {
        assert_eq!("2/3".parse::<Partition>(), Ok(Partition { index: 2, count: 3 }));
        assert_eq!("0/1".parse::<Partition>().map(|p| p.to_string()), Ok("0/1".to_string()));
        for bad in ["3/3", "1/0", "x/3", "1", "-1/3", "1/5000", ""] {
            assert!(bad.parse::<Partition>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_account_has_exactly_one_owner_and_the_rule_is_fixed() {
        // Fixed values: a change of the hash would move every store's accounts.
        assert_eq!(Partition::owner("6222000000000001", 3), Partition::owner("6222000000000001", 3));
        assert_eq!(Partition::owner("", 7), (0xcbf2_9ce4_8422_2325u64 % 7) as u32);
        assert_eq!(
            Partition::owner("a", 1_000),
            ((0xcbf2_9ce4_8422_2325u64 ^ 0x61).wrapping_mul(0x100_0000_01b3) % 1_000) as u32
        );
        let mut sizes = [0u32; 3];
        for i in 0..3_000 {
            let id = format!("62220{i:011}");
            let owners: Vec<bool> = (0..3).map(|k| Partition { index: k, count: 3 }.owns(&id)).collect();
            assert_eq!(owners.iter().filter(|&&o| o).count(), 1);
            sizes[Partition::owner(&id, 3) as usize] += 1;
        }
        assert!(sizes.iter().all(|&n| (800..1_200).contains(&n)), "unbalanced: {sizes:?}");
    }
}
