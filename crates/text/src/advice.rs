//! What to tell the person: the advice shown with every warning (the seed essays, 第6篇) and
//! what fits each typology, in Chinese and English (`(zh, en)` pairs).

/// Shown with every warning.
pub const GENERAL: &[(&str, &str)] = &[
    (
        "保持冷静，立即挂断电话或停止聊天，不要按对方要求操作。",
        "Stay calm: hang up or stop chatting now, and do nothing the other side asks.",
    ),
    (
        "公检法机关和任何正规机构都没有“安全账户”，绝不向陌生账户转账汇款。",
        "No police, court or real institution has a \"safe account\": never pay an account you do not know.",
    ),
    (
        "不要向任何人透露身份证号、银行卡号、密码和短信验证码，也不要提供家人信息。",
        "Never tell anyone your ID number, card number, password or SMS code, nor details of your family.",
    ),
    (
        "不要按陌生人指示操作ATM、手机银行或下载“会议”“屏幕共享”类App。",
        "Do not use an ATM or mobile banking as a stranger directs, nor install meeting or screen-sharing apps.",
    ),
    (
        "如已转账或有疑问，立即拨打110或96110（全国反诈专线）并联系银行止付。",
        "If you have paid or are unsure, call 110 or 96110 (the national anti-fraud line) now and ask your bank to stop the payment.",
    ),
];

/// Advice for one typology, shown before the general advice.
pub fn for_typology(id: &str) -> &'static [(&'static str, &'static str)] {
    match id {
        "brushing" => &[("刷单本身就是违法行为，所有“先垫付后返利”的兼职都是诈骗。", "Order brushing is itself illegal; every \"pay first, get a rebate\" side job is a scam.")],
        "ecommerce_cs" => &[("退款理赔请只在购物平台官方App内办理，客服不会要求您开通借款或共享屏幕。", "Claim refunds only in the shopping platform's own app; its service staff never ask you to take a loan or share your screen.")],
        "investment" => &[("“导师带单”“稳赚不赔”都是诈骗话术，只通过持牌金融机构的官方渠道投资。", "\"A mentor's picks\" and \"sure profits\" are scam talk; invest only through licensed institutions' own channels.")],
        "loan_card" => &[("正规贷款在放款前不收取任何“解冻费”“保证金”“刷流水”费用。", "A real lender charges no \"unfreezing fee\", deposit or \"turnover\" fee before paying out.")],
        "credit_record" => &[("征信只能由中国人民银行征信中心更正，没有人能“注销校园贷”或“消除不良记录”。", "Only the PBOC Credit Reference Center corrects credit records; nobody can \"cancel a campus loan\" or \"erase a bad record\".")],
        "shopping_service" => &[("不要脱离正规平台私下交易，远低于市价的商品要警惕。", "Do not trade privately off the platform; be wary of goods far below the market price.")],
        "police_gov" => &[("公安机关不会通过电话、网络办案，不会发送“通缉令”，更不会要求转账到“安全账户”。", "The police do not handle cases by phone or online, send no \"wanted notices\", and never ask for money in a \"safe account\".")],
        "leader_acquaintance" => &[("“领导”“熟人”借钱或让您转账，务必先打电话或当面核实。", "When a \"boss\" or an acquaintance asks you to lend or pay, check by phone or in person first.")],
        "game_trade" => &[("游戏账号、装备请在官方交易平台交易，“解冻”“保证金”都是诈骗。", "Trade game accounts and items only on the official platform; \"unfreezing\" and deposits are scams.")],
        "romance" => &[("网恋对象推荐投资平台或以各种理由要钱，就是“杀猪盘”。", "An online sweetheart who recommends an investment platform or asks for money is running a \"pig-butchering\" scam.")],
        "military_purchase" => &[("“部队采购”要求先垫付给指定供货商的，都是诈骗。", "\"Army procurement\" that asks you to pay a named supplier first is a scam.")],
        "prize" => &[("中奖需要先交手续费或个人所得税的，都是诈骗。", "A prize that needs a fee or income tax paid first is a scam.")],
        "parcel" => &[("快递公司和海关不会电话通知“包裹藏毒”并转接公安。", "Couriers and customs do not call about \"drugs in your parcel\" and put you through to the police.")],
        "subsidy_refund" => &[("退税和补贴不需要到ATM操作，也不需要先交手续费。", "Tax refunds and subsidies need no ATM steps and no fee first.")],
        "accident_kidnap" => &[("接到亲人出事、急需用钱的电话，先联系亲人本人或其身边的人核实。", "If a call says a relative is in trouble and needs money, reach the relative or someone with them first.")],
        "phone_bill" => &[("运营商不会因欠费把电话转接公安，请拨打运营商官方客服核实。", "Carriers do not put unpaid-bill calls through to the police; call the carrier's own service line.")],
        "fake_job" => &[("正规招聘不收取介绍费、培训费、服装费和押金。", "Real employers charge no referral, training, uniform or deposit fees.")],
        _ => &[],
    }
}
