//! The drawing of a trace: boxes ordered so links do not cross, whole account ids in tooltips and
//! links, times on links, a legend; and small held amounts ranked as low-urgency targets.

mod common;

use common::Book;
use fanzha_trace::{to_svg_with, Forward, Tracer, Urgency, SMALL_HELD_FEN};

/// The `y` of the box whose tooltip starts with `id `.
fn box_y(svg: &str, id: &str) -> i64 {
    let at = svg.find(&format!("<title>{id} ")).unwrap_or_else(|| panic!("{id} is drawn"));
    let rest = &svg[at..];
    let y = rest.find(" y=\"").unwrap() + 4;
    rest[y..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn boxes_follow_the_money_and_name_their_whole_account() {
    let mut b = Book::new();
    let v = b.account("V", 0, 10_000_000);
    // By name the second column would read X above Y, crossing the links P→Y and Q→X.
    let p = b.account("P", 0, 0);
    let q = b.account("Q", 1, 0);
    let x = b.account("X", 1, 0);
    let y = b.account("Y 6222 0212 3456 7890", 2, 0);
    let seeds = vec![b.t(v, p, 0, 3_000_000), b.t(v, q, 60, 3_000_000)];
    b.t(p, y, 600, 2_000_000);
    b.t(q, x, 660, 2_000_000);
    b.pay(Some(x), None, 900, 50_000);
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g);
    let report = tracer.report(&tracer.forward(&Forward::new(seeds)).unwrap());
    let svg = to_svg_with(&report, Some("/console/accounts/"));

    assert!(box_y(&svg, "P") < box_y(&svg, "Q"));
    assert!(box_y(&svg, "Y 6222 0212 3456 7890") < box_y(&svg, "X"), "Y follows P, above X");
    assert!(svg.contains("<a href=\"/console/accounts/Y%206222%200212%203456%207890\">"), "linked, encoded");
    assert!(
        svg.contains(">¥20,000.00</tspan>") && svg.contains(">03-01 08:10</tspan>"),
        "amount and Beijing time on the link"
    );
    assert!(svg.contains("取现 cash withdrawn") && svg.contains("留存,应冻结 held: freeze"), "a legend");
    assert!(!to_svg_with(&report, None).contains("<a "), "no links unless asked");
}

#[test]
fn a_few_yuan_left_behind_is_a_low_urgency_target() {
    let mut b = Book::new();
    let v = b.account("V", 0, 10_000_000);
    let m = b.account("M", 0, 0);
    let n = b.account("N", 1, 0);
    let seed = b.t(v, m, 0, 1_000_000);
    // M passes all but ¥1.75 on within minutes: fast, yet not worth a freeze at M.
    b.t(m, n, 300, 1_000_000 - 175);
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g);
    let report = tracer.report(&tracer.forward(&Forward::new(vec![seed])).unwrap());
    let small = report.held.iter().find(|h| h.account == "M").expect("M keeps ¥1.75");
    assert!(small.amount_fen < SMALL_HELD_FEN);
    assert_eq!(small.urgency, Urgency::Low);
    assert_eq!(report.held[0].account, "N", "the money worth freezing comes first");
}
