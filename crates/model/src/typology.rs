//! The canonical fraud typologies (国家反诈中心 / CCL2023 classification plus the older types of
//! the field essays): short ASCII ids with their Chinese and English names.

/// A fraud typology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typology {
    /// Short ASCII id, e.g. `police_gov`.
    pub id: &'static str,
    /// Chinese name, e.g. `冒充公检法及政府机关类`.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
}

/// Every typology, `none` (no risk) last.
pub const TYPOLOGIES: &[Typology] = &[
    Typology { id: "brushing", name_zh: "刷单返利类", name_en: "order brushing and rebates" },
    Typology {
        id: "ecommerce_cs",
        name_zh: "冒充电商物流客服类",
        name_en: "fake e-commerce or courier customer service",
    },
    Typology { id: "investment", name_zh: "虚假网络投资理财类", name_en: "fake online investment" },
    Typology { id: "loan_card", name_zh: "贷款、代办信用卡类", name_en: "fake loans and credit cards" },
    Typology { id: "credit_record", name_zh: "虚假征信类", name_en: "fake credit-record repair" },
    Typology { id: "shopping_service", name_zh: "虚假购物、服务类", name_en: "fake shopping and services" },
    Typology {
        id: "police_gov",
        name_zh: "冒充公检法及政府机关类",
        name_en: "impersonating police, courts or government",
    },
    Typology {
        id: "leader_acquaintance",
        name_zh: "冒充领导、熟人类",
        name_en: "impersonating a superior or acquaintance",
    },
    Typology { id: "game_trade", name_zh: "网络游戏产品虚假交易类", name_en: "fake online game trades" },
    Typology { id: "romance", name_zh: "网络婚恋、交友类", name_en: "online romance and dating" },
    Typology {
        id: "military_purchase",
        name_zh: "冒充军警购物类诈骗",
        name_en: "impersonating military or police buyers",
    },
    Typology { id: "net_black", name_zh: "网黑案件", name_en: "other online fraud" },
    Typology { id: "prize", name_zh: "中奖类", name_en: "fake prizes" },
    Typology { id: "parcel", name_zh: "快递类", name_en: "parcel with contraband" },
    Typology {
        id: "subsidy_refund", name_zh: "社保补贴/购车购房退税类", name_en: "fake subsidies and tax refunds"
    },
    Typology {
        id: "accident_kidnap", name_zh: "车祸/住院/绑架类", name_en: "fake accident, hospital or kidnapping"
    },
    Typology { id: "phone_bill", name_zh: "电话欠费类", name_en: "fake unpaid phone bill" },
    Typology { id: "fake_job", name_zh: "虚假招聘类", name_en: "fake job offers" },
    Typology { id: "none", name_zh: "无风险", name_en: "no risk" },
];

impl Typology {
    /// The typology with this id.
    pub fn by_id(id: &str) -> Option<&'static Typology> {
        TYPOLOGIES.iter().find(|t| t.id == id)
    }
}
