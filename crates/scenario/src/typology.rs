//! Fraud typologies (ids of docs/domain.md) and how their victims pay: how many times, how much, how
//! far apart, through which channel, with which memo, and who tends to fall for them.

use crate::calendar::{DAY, HOUR, MINUTE};
use fanzha_model::Channel;

/// How one typology of case unfolds on the victim's side.
pub(crate) struct Typology {
    /// Canonical id (docs/domain.md).
    pub id: &'static str,
    /// Relative frequency among cases.
    pub weight: u32,
    /// Number of victim payments, inclusive range.
    pub payments: (u32, u32),
    /// First payment, fen, inclusive range.
    pub first: (i64, i64),
    /// Each later payment as a percentage of the one before, inclusive range.
    pub growth: (i64, i64),
    /// Seconds between two payments, inclusive range.
    pub gap: (i64, i64),
    /// Ages the fraudsters reach most, inclusive range.
    pub ages: (u8, u8),
    /// Memos victims write (empty: none).
    pub memos: &'static [&'static str],
    /// Channels victims pay through.
    pub channels: &'static [Channel],
}

/// No victim payment is larger than this (fen).
pub(crate) const LARGEST_PAYMENT: i64 = 500_000_00;

const ONLINE: &[Channel] = &[Channel::Mobile, Channel::Online];

/// The typologies the scenario stages.
pub(crate) static TYPOLOGIES: [Typology; 9] = [
    Typology {
        id: "brushing",
        weight: 30,
        payments: (2, 5),
        first: (2_000_00, 8_000_00),
        growth: (150, 250),
        gap: (10 * MINUTE, 2 * HOUR),
        ages: (18, 45),
        memos: &["刷单", "任务单", "做单解冻", "", ""],
        channels: &[Channel::Mobile],
    },
    Typology {
        id: "investment",
        weight: 20,
        payments: (2, 5),
        first: (10_000_00, 100_000_00),
        growth: (100, 200),
        gap: (DAY, 7 * DAY),
        ages: (30, 65),
        memos: &["投资款", "入金", "", ""],
        channels: &[Channel::Online, Channel::Mobile, Channel::Counter],
    },
    Typology {
        id: "loan_card",
        weight: 12,
        payments: (1, 3),
        first: (2_000_00, 10_000_00),
        growth: (100, 180),
        gap: (HOUR, DAY),
        ages: (20, 50),
        memos: &["解冻费", "保证金", "刷流水", ""],
        channels: &[Channel::Mobile],
    },
    Typology {
        id: "ecommerce_cs",
        weight: 12,
        payments: (1, 3),
        first: (5_000_00, 50_000_00),
        growth: (80, 150),
        gap: (10 * MINUTE, HOUR),
        ages: (20, 55),
        memos: &["退款", "理赔", "备用金", ""],
        channels: ONLINE,
    },
    Typology {
        id: "police_gov",
        weight: 8,
        payments: (1, 3),
        first: (30_000_00, 300_000_00),
        growth: (80, 150),
        gap: (30 * MINUTE, DAY),
        ages: (60, 88),
        memos: &["安全账户", "资金清查", ""],
        channels: &[Channel::Counter, Channel::Online, Channel::Mobile],
    },
    Typology {
        id: "romance",
        weight: 7,
        payments: (2, 5),
        first: (20_000_00, 150_000_00),
        growth: (100, 200),
        gap: (DAY, 10 * DAY),
        ages: (25, 55),
        memos: &["", "", "充值"],
        channels: ONLINE,
    },
    Typology {
        id: "credit_record",
        weight: 5,
        payments: (1, 3),
        first: (10_000_00, 80_000_00),
        growth: (80, 150),
        gap: (30 * MINUTE, 6 * HOUR),
        ages: (20, 35),
        memos: &["注销校园贷", "消除不良记录", ""],
        channels: &[Channel::Mobile],
    },
    Typology {
        id: "leader_acquaintance",
        weight: 4,
        payments: (1, 2),
        first: (10_000_00, 100_000_00),
        growth: (100, 150),
        gap: (10 * MINUTE, HOUR),
        ages: (25, 60),
        memos: &["急用", "", ""],
        channels: ONLINE,
    },
    Typology {
        id: "game_trade",
        weight: 2,
        payments: (1, 3),
        first: (2_000_00, 20_000_00),
        growth: (100, 200),
        gap: (10 * MINUTE, 2 * HOUR),
        ages: (18, 30),
        memos: &["保证金", "解冻", ""],
        channels: &[Channel::Mobile],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typologies_are_well_formed() {
        for t in &TYPOLOGIES {
            assert!(t.payments.0 >= 1 && t.payments.0 <= t.payments.1 && t.payments.1 <= 5, "{}", t.id);
            assert!(t.first.0 >= 1_000_00 && t.first.1 <= LARGEST_PAYMENT, "{}", t.id);
            assert!(t.growth.0 > 0 && t.gap.0 > 0 && t.ages.0 <= t.ages.1, "{}", t.id);
            assert!(!t.memos.is_empty() && !t.channels.is_empty(), "{}", t.id);
        }
    }
}
