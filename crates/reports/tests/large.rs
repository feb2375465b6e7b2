//! Large-value report rules: every line at, below and above its threshold; natural days in
//! Asia/Shanghai; sides, customers, institutions; deadlines over holidays; reproducible output.

use fanzha_model::{Account, AccountClass, AccountIx, BankIx, Currency, Event, Fen, HolderSalt, Ledger, Transfer, Ts};
use fanzha_reports::{
    large_value_report, write_large_csv, write_large_xml, Basis, Category, LargeReport, ReportConfig, Side,
};
use time::macros::date;

/// A ledger of hand-made accounts and transfers.
struct Bank {
    l: Ledger,
    n: u32,
}

impl Bank {
    fn new() -> Bank {
        let mut l = Ledger::new();
        l.apply(Event::Bank { code: "ICBC".into() });
        l.apply(Event::Bank { code: "CMB".into() });
        Bank { l, n: 0 }
    }

    /// An account at bank 0 (ICBC) or 1 (CMB) of `holder`; `corp` makes it a company's.
    fn account(&mut self, id: &str, bank: u16, holder: &str, corp: bool) -> AccountIx {
        let account = Account {
            bank: Some(BankIx(bank)),
            holder: Some(HolderSalt::new([3; 32]).holder(holder)),
            opened_at: Some(Ts(0)),
            class: Some(if corp { AccountClass::Corp } else { AccountClass::I }),
            ..Account::internal()
        };
        self.l.apply(Event::Account { id: id.into(), account });
        self.l.account_ix(id).unwrap()
    }

    fn external(&mut self, id: &str) -> AccountIx {
        self.l.apply(Event::Account { id: id.into(), account: Account::external() });
        self.l.account_ix(id).unwrap()
    }

    /// A movement at an RFC 3339 time of `yuan` in `ccy`.
    fn pay(
        &mut self,
        from: Option<AccountIx>,
        to: Option<AccountIx>,
        at: &str,
        yuan: &str,
        ccy: &str,
        cross_border: bool,
    ) -> String {
        self.n += 1;
        let id = format!("T{:03}", self.n);
        let transfer = Transfer {
            currency: Currency::parse(ccy).unwrap(),
            cross_border,
            ..Transfer::plain(Ts::parse_rfc3339(at).unwrap(), from, to, Fen::parse_yuan(yuan).unwrap())
        };
        self.l.apply(Event::Transfer { txn_id: id.as_str().into(), transfer });
        id
    }

    fn t(&mut self, from: AccountIx, to: AccountIx, at: &str, yuan: &str) -> String {
        self.pay(Some(from), Some(to), at, yuan, "CNY", false)
    }

    fn report(&self) -> LargeReport<'_> {
        large_value_report(&self.l, &ReportConfig::regulation_default(), date!(2024 - 01 - 01), date!(2024 - 12 - 31))
            .unwrap()
    }
}

/// (txn, institution, side, category, basis) of every reported row.
fn rows(r: &LargeReport) -> Vec<(String, String, Side, Category, Basis)> {
    r.rows().map(|x| (x.txn_id.to_string(), x.institution.to_string(), x.side, x.category, x.basis)).collect()
}

fn reported(r: &LargeReport, txn: &str) -> Vec<(Side, Category)> {
    r.rows().filter(|x| x.txn_id == txn).map(|x| (x.side, x.category)).collect()
}

const AT: &str = "2024-03-05T10:00:00+08:00";

#[test]
fn each_line_is_inclusive_at_just_below_and_just_above() {
    // (line in yuan, corp payer?, cross-border?, expected category)
    let cases = [
        ("500000.00", false, false, Category::NaturalDomesticTransfer),
        ("200000.00", false, true, Category::NaturalCrossBorderTransfer),
        ("2000000.00", true, false, Category::NonNaturalTransfer),
    ];
    for (line, corp, cross, category) in cases {
        let line = Fen::parse_yuan(line).unwrap();
        for (delta, expect) in [(-1, false), (0, true), (1, true)] {
            let mut b = Bank::new();
            let payer = b.account("P", 0, if corp { "91110000ABCDEFGH12" } else { "110105199001011234" }, corp);
            let outside = b.external("ABROAD");
            let amount = Fen(line.0 + delta).to_string();
            let id = b.pay(Some(payer), Some(outside), AT, &amount, "CNY", cross);
            let got = reported(&b.report(), &id);
            assert_eq!(got == vec![(Side::Out, category)], expect, "{category:?} {amount}: {got:?}");
        }
    }
    for (kind, delta, expect) in [
        ("withdrawal", -1, false),
        ("withdrawal", 0, true),
        ("deposit", 0, true),
        ("deposit", 1, true),
        ("deposit", -1, false),
    ] {
        let mut b = Bank::new();
        let a = b.account("A", 0, "110105199001011234", false);
        let amount = Fen(5_000_000 + delta).to_string();
        let id = if kind == "withdrawal" {
            b.pay(None, Some(a), "2024-03-04T10:00:00+08:00", "100000", "CNY", false);
            b.pay(Some(a), None, AT, &amount, "CNY", false)
        } else {
            b.pay(None, Some(a), AT, &amount, "CNY", false)
        };
        let side = if kind == "withdrawal" { Side::Out } else { Side::In };
        assert_eq!(reported(&b.report(), &id) == vec![(side, Category::Cash)], expect, "cash {kind} {amount}");
    }
}

#[test]
fn usd_lines_apply_to_foreign_currency_and_other_currencies_are_converted() {
    let mut b = Bank::new();
    let p = b.account("P", 0, "110105199001011234", false);
    let out = b.external("ABROAD");
    let at_line = b.pay(Some(p), Some(out), AT, "10000.00", "USD", true);
    let below = b.pay(Some(p), Some(out), "2024-03-06T10:00:00+08:00", "9999.99", "USD", true);
    // 9,260 EUR × 1.08 = 10,000.80 USD: over the cross-border USD line.
    let eur = b.pay(Some(p), Some(out), "2024-03-07T10:00:00+08:00", "9260.00", "EUR", true);
    let r = b.report();
    assert_eq!(reported(&r, &at_line), vec![(Side::Out, Category::NaturalCrossBorderTransfer)]);
    assert!(reported(&r, &below).is_empty());
    let row = r.rows().find(|x| x.txn_id == eur).unwrap();
    assert_eq!((row.day_total_fen, row.day_total_currency, row.threshold_fen), (1_000_080, "USD", 1_000_000));
    b.pay(Some(p), Some(out), "2024-03-08T10:00:00+08:00", "5.00", "CHF", true);
    let err =
        large_value_report(&b.l, &ReportConfig::regulation_default(), date!(2024 - 03 - 01), date!(2024 - 03 - 31));
    assert!(err.unwrap_err().to_string().contains("CHF, which has no rate"));
}

#[test]
fn a_natural_day_is_a_shanghai_day_not_a_utc_day() {
    let mut b = Bank::new();
    let p = b.account("P", 0, "110105199001011234", false);
    let q = b.external("Q");
    // Same UTC day (1 March), different Shanghai days (23:30 on 1 March, 00:30 on 2 March): no report.
    let a1 = b.t(p, q, "2024-03-01T15:30:00Z", "300000");
    let a2 = b.t(p, q, "2024-03-01T16:30:00Z", "300000");
    // Different UTC days, same Shanghai day (01:00 and 23:00 on 10 March): reported, cumulative.
    let c1 = b.t(p, q, "2024-03-09T17:00:00Z", "300000");
    let c2 = b.t(p, q, "2024-03-10T15:00:00Z", "300000");
    let r = b.report();
    assert!(reported(&r, &a1).is_empty() && reported(&r, &a2).is_empty());
    let got: Vec<_> = r.rows().map(|x| (x.txn_id.to_string(), x.day.to_string(), x.basis, x.day_total_fen)).collect();
    assert_eq!(
        got,
        vec![
            (c1, "2024-03-10".to_string(), Basis::Cumulative, 60_000_000),
            (c2, "2024-03-10".to_string(), Basis::Cumulative, 60_000_000)
        ]
    );
}

#[test]
fn money_in_and_money_out_are_summed_each_on_its_own_side() {
    let mut b = Bank::new();
    let p = b.account("P", 0, "110105199001011234", false);
    let q = b.external("Q");
    b.t(q, p, AT, "300000");
    b.t(p, q, AT, "300000");
    b.t(q, p, "2024-03-05T11:00:00+08:00", "250000");
    let r = b.report();
    assert_eq!(r.len(), 2, "in: 550,000 reported; out: 300,000 not");
    assert!(r.rows().all(|x| x.side == Side::In && x.day_total_fen == 55_000_000));
}

#[test]
fn a_customer_is_summed_across_their_accounts_at_one_institution_only() {
    let mut b = Bank::new();
    let holder = "110105199001011234";
    let (icbc1, icbc2, cmb) =
        (b.account("I1", 0, holder, false), b.account("I2", 0, holder, false), b.account("C1", 1, holder, false));
    let other = b.account("OTHER", 1, "110105198001011111", false);
    let t1 = b.t(icbc1, other, AT, "260000");
    let t2 = b.t(icbc2, other, AT, "260000");
    b.t(cmb, other, AT, "260000");
    let r = b.report();
    let got = rows(&r);
    assert_eq!(
        got.iter().filter(|x| x.1 == "ICBC").map(|x| x.0.clone()).collect::<Vec<_>>(),
        vec![t1, t2],
        "ICBC: 520,000 over two accounts"
    );
    // CMB sees its customer send 260,000 (not reported) and OTHER, also CMB's, receive 780,000 (reported).
    let cmb_rows: Vec<_> = got.iter().filter(|x| x.1 == "CMB").collect();
    assert_eq!(cmb_rows.len(), 3);
    assert!(cmb_rows.iter().all(|x| x.2 == Side::In));
    assert_eq!(
        r.header.institutions.iter().map(|s| (s.institution.as_str(), s.transactions, s.customers)).collect::<Vec<_>>(),
        vec![("CMB", 3, 1), ("ICBC", 2, 1)]
    );
    assert!(r.rows().all(|x| x.customer.contains('*')), "customers are masked");
}

#[test]
fn deadlines_count_working_days_and_skip_holidays() {
    let mut b = Bank::new();
    let p = b.account("P", 0, "110105199001011234", false);
    let q = b.external("Q");
    let tuesday = b.t(p, q, "2024-03-05T10:00:00+08:00", "600000");
    let before_golden_week = b.t(p, q, "2024-09-30T10:00:00+08:00", "600000");
    let r = b.report();
    let deadline = |id: &str| r.rows().find(|x| x.txn_id == id).unwrap().deadline.to_string();
    assert_eq!(deadline(&tuesday), "2024-03-12");
    // 1–7 October are holidays; Saturday 12 October is worked: the fifth working day.
    assert_eq!(deadline(&before_golden_week), "2024-10-12");
    let mut custom = ReportConfig::regulation_default();
    custom.calendar.holidays.insert(date!(2024 - 03 - 08));
    let r = large_value_report(&b.l, &custom, date!(2024 - 03 - 01), date!(2024 - 03 - 31)).unwrap();
    assert_eq!(r.rows().next().unwrap().deadline.to_string(), "2024-03-13", "an extra holiday moves it a day");
    let mut b2 = Bank::new();
    let p = b2.account("P", 0, "110105199001011234", false);
    let q = b2.external("Q");
    b2.t(p, q, "2027-03-05T10:00:00+08:00", "600000");
    let r =
        large_value_report(&b2.l, &ReportConfig::regulation_default(), date!(2027 - 01 - 01), date!(2027 - 12 - 31))
            .unwrap();
    assert_eq!(
        r.header.warnings,
        vec!["public holidays of 2027 are not configured: deadlines in 2027 count weekends only"]
    );
}

#[test]
fn the_same_data_and_configuration_give_byte_identical_reports() {
    let build = || {
        let mut b = Bank::new();
        let people: Vec<AccountIx> = (0..6)
            .map(|i| b.account(&format!("A{i}"), (i % 2) as u16, &format!("11010519900101{i:04}"), i == 5))
            .collect();
        let q = b.external("Q");
        for (k, &p) in people.iter().enumerate() {
            for h in 0..4 {
                b.t(p, q, &format!("2024-03-05T{:02}:00:00+08:00", 8 + h), &format!("{}", 150_000 + 10_000 * k));
                b.t(q, p, &format!("2024-03-05T{:02}:30:00+08:00", 8 + h), "2100000");
            }
        }
        b
    };
    let (book_a, book_b) = (build(), build());
    let (a, b) = (book_a.report(), book_b.report());
    assert!(!a.is_empty());
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    assert_eq!(csv(&a), csv(&b));
    assert_eq!(xml(&a), xml(&b));
    assert_eq!(a.header.rule_version, "pboc-2016-3/fanzha-1");
    assert_eq!(a.header.config_sha256.len(), 64);
    assert!(
        csv(&a).starts_with("institution,customer,customer_digest,customer_type,account,side,category,basis,txn_id,")
    );
    let json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(json["transactions"].as_array().unwrap().len(), a.len());
    for (row, j) in a.rows().zip(json["transactions"].as_array().unwrap()) {
        assert_eq!(
            j["time"].as_str().unwrap(),
            Ts(row.ts).to_rfc3339_shanghai(),
            "the fast formatter agrees with the model's"
        );
        assert_eq!(j["day"].as_str().unwrap(), &Ts(row.ts).to_rfc3339_shanghai()[..10]);
    }
}

fn csv(r: &LargeReport<'_>) -> String {
    let mut out = Vec::new();
    write_large_csv(r, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn xml(r: &LargeReport<'_>) -> String {
    let mut out = Vec::new();
    write_large_xml(r, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_xml_validates_against_the_shipped_schema() {
    let mut b = Bank::new();
    let p = b.account("P&<1>", 0, "110105199001011234", false);
    let c = b.account("CO", 1, "91110000ABCDEFGH12", true);
    let q = b.external("Q");
    b.t(p, q, AT, "600000");
    b.pay(Some(p), Some(q), AT, "20000", "USD", true);
    b.t(c, q, AT, "2000000");
    b.pay(None, Some(p), AT, "50000", "CNY", false);
    let xml = xml(&b.report());
    assert!(xml.contains("<Account>P&amp;&lt;1&gt;</Account>"));
    xsd_valid(&xml, fanzha_reports::LARGE_XSD);
}

/// Validates with `xmllint` (Debian `libxml2-utils`). CI sets FANZHA_REQUIRE_XMLLINT so the check
/// can never be skipped there; elsewhere a missing xmllint is reported and the check skipped.
pub fn xsd_valid(xml: &str, xsd: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (x, s) = (dir.path().join("r.xml"), dir.path().join("r.xsd"));
    std::fs::write(&x, xml).unwrap();
    std::fs::write(&s, xsd).unwrap();
    match std::process::Command::new("xmllint").arg("--noout").arg("--schema").arg(&s).arg(&x).output() {
        Ok(out) => {
            assert!(out.status.success(), "XSD validation failed:\n{}\n{xml}", String::from_utf8_lossy(&out.stderr))
        }
        Err(_) if std::env::var_os("FANZHA_REQUIRE_XMLLINT").is_none() => {
            eprintln!("xmllint not found (apt-get install libxml2-utils): XSD validation skipped");
        }
        Err(e) => panic!("FANZHA_REQUIRE_XMLLINT is set but xmllint cannot run: {e}"),
    }
}
