//! The curated cue lexicon: phrases that mark each typology (from docs/domain.md and the field
//! essays), in normalized (simplified, lower-case, no spaces) form. They are found in a text
//! together with the model's vocabulary words (`features.rs`).

/// (typology id, cue phrases).
pub const CUES: &[(&str, &[&str])] = &[
    ("brushing", &["刷单", "返佣", "返利", "点赞", "垫付", "任务单", "做单", "兼职", "佣金", "连单", "卡单"]),
    (
        "ecommerce_cs",
        &["理赔", "退款", "快递丢失", "质量问题", "百万保障", "关闭会员", "备用金", "共享屏幕", "客服", "双倍赔偿"],
    ),
    ("investment", &["导师", "带单", "内幕消息", "高回报", "稳赚不赔", "投资平台", "usdt", "收益率", "荐股", "翻倍"]),
    (
        "loan_card",
        &["无抵押", "低息", "秒批", "解冻费", "保证金", "流水不足", "刷流水", "大额信用卡", "放款", "激活额度"],
    ),
    (
        "credit_record",
        &["注销校园贷", "校园贷", "京东金条", "征信受损", "影响征信", "不良记录", "注销账户", "网贷账户"],
    ),
    ("shopping_service", &["低价", "代购", "游戏点卡", "办证", "先付款", "定金", "内部价"]),
    (
        "police_gov",
        &[
            "涉嫌洗钱",
            "通缉令",
            "资金清查",
            "安全账户",
            "保密",
            "不要告诉家人",
            "视频笔录",
            "会议app",
            "公检法",
            "逮捕令",
            "冻结你的账户",
        ],
    ),
    (
        "leader_acquaintance",
        &["我是你领导", "老同学", "急用钱", "帮忙转账", "换号了", "新号码", "加我微信", "不方便接电话"],
    ),
    ("game_trade", &["游戏账号", "装备", "解冻", "保证金", "交易平台", "皮肤", "低价出售"]),
    ("romance", &["交友", "杀猪盘", "宝贝", "见面", "投资平台", "一起赚钱", "网恋"]),
    ("military_purchase", &["部队采购", "部队", "垫付", "供货商", "军需", "后勤"]),
    ("prize", &["中奖", "节目组", "手续费", "个人所得税", "领奖", "幸运观众", "奖品"]),
    ("parcel", &["包裹", "藏毒", "违禁品", "被扣押", "转公安", "海关"]),
    ("subsidy_refund", &["退税", "补贴", "atm", "手续费", "购车退税", "购房退税", "社保补贴"]),
    ("accident_kidnap", &["出车祸", "住院", "医疗费", "绑架", "急救", "手术费", "赎金"]),
    ("phone_bill", &["欠费", "转公安", "账户被冒用", "停机", "话费"]),
    ("fake_job", &["介绍费", "培训费", "服装费", "高薪招聘", "入职押金", "体检费"]),
    ("net_black", &["网贷", "解封", "刷信誉", "黑户"]),
];

/// One cue phrase found in a text.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Typology id.
    pub typology: &'static str,
    /// The phrase.
    pub phrase: &'static str,
    /// First normalized character.
    pub start: usize,
    /// One past the last.
    pub end: usize,
}

/// Every phrase of every typology (overlaps included), by Aho-Corasick: the reference the
/// featurizer's trie is tested against.
#[cfg(test)]
pub fn find_all(chars: &[char]) -> Vec<Hit> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static AUTOMATON: OnceLock<(AhoCorasick, Vec<(&'static str, &'static str)>)> = OnceLock::new();
    let (ac, patterns) = AUTOMATON.get_or_init(|| {
        let patterns: Vec<(&str, &str)> = CUES.iter().flat_map(|(t, ps)| ps.iter().map(move |p| (*t, *p))).collect();
        let ac = AhoCorasick::new(patterns.iter().map(|(_, p)| p)).expect("the lexicon builds");
        (ac, patterns)
    });
    let text: String = chars.iter().collect();
    // Byte offset -> character index.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut k = 0;
    for (b, c) in text.char_indices() {
        char_at[b..b + c.len_utf8()].fill(k);
        k += 1;
    }
    char_at[text.len()] = k;
    ac.find_overlapping_iter(&text)
        .map(|m| {
            let (typology, phrase) = patterns[m.pattern().as_usize()];
            Hit { typology, phrase, start: char_at[m.start()], end: char_at[m.end()] }
        })
        .collect()
}
