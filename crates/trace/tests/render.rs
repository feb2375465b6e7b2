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

/// A rectangle `[left, right) × [top, bottom)` of the drawing.
type Rect = (i64, i64, i64, i64);

fn attr(tag: &str, name: &str) -> i64 {
    let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3
}

/// Five victims, fifteen first-hop mules (each victim pays three, and the next victim's first),
/// forty-five second-hop accounts, cash out of some: the drawing keeps every label clear of every
/// box and every other label, and labels most links.
#[test]
fn five_victims_and_sixty_accounts_draw_without_label_collisions() {
    let mut b = Book::new();
    let victims: Vec<_> = (0..5).map(|i| b.account(&format!("V{i}"), 0, 100_000_000)).collect();
    let first: Vec<_> = (0..15).map(|i| b.account(&format!("M{i:02}"), (i % 3) as u16, 0)).collect();
    let second: Vec<_> = (0..45).map(|i| b.account(&format!("N{i:02}"), (i % 3) as u16, 0)).collect();
    let mut seeds = Vec::new();
    for (i, &v) in victims.iter().enumerate() {
        for k in 0..4 {
            let m = first[(i * 3 + k) % 15];
            seeds.push(b.t(v, m, (i * 600 + k * 60) as i64, 1_000_000 + (i * 37 + k * 11) as i64 * 10_000));
        }
    }
    for (j, &m) in first.iter().enumerate() {
        for k in 0..3 {
            b.t(m, second[(j * 3 + k) % 45], 4_000 + (j * 90 + k * 7) as i64, 600_000 + (j * 13 + k) as i64 * 1_000);
        }
    }
    for (n, &x) in second.iter().enumerate().filter(|(n, _)| n % 3 == 0) {
        b.pay(Some(x), None, 9_000 + n as i64 * 30, 300_000);
    }
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g);
    let report = tracer.report(&tracer.forward(&Forward::new(seeds)).unwrap());
    let svg = to_svg_with(&report, Some("/console/accounts/"));

    let boxes: Vec<Rect> = svg
        .split("<rect ")
        .skip(1)
        .filter(|r| r.contains(" rx=\"5\""))
        .map(|r| {
            let r = &format!(" {}", &r[..r.find("/>").unwrap()]);
            let (x, y) = (attr(r, "x"), attr(r, "y"));
            (x, x + attr(r, "width"), y, y + attr(r, "height"))
        })
        .collect();
    assert!(boxes.len() >= 65, "every account is drawn ({})", boxes.len());
    for (i, a) in boxes.iter().enumerate() {
        assert!(!boxes[..i].iter().any(|b| overlap(*a, *b)), "boxes do not overlap");
    }
    let links = svg.matches("<path ").count();
    let labels: Vec<Rect> = svg
        .split("<text class=\"link-label\"")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</text>").unwrap()];
            let lines: Vec<usize> = t
                .split("<tspan")
                .skip(1)
                .map(|s| s.split('>').nth(1).unwrap().split('<').next().unwrap().chars().count())
                .collect();
            // 10 px text: about 6 px a character; two lines of 11 px around the anchor.
            let half = *lines.iter().max().unwrap() as i64 * 3;
            let (x, y) = (attr(t, "x"), attr(t, "y") + 4);
            (x - half, x + half, y - 14, y + 11)
        })
        .collect();
    assert!(labels.len() * 10 >= links * 8, "most links are labelled ({} of {links})", labels.len());
    for (i, l) in labels.iter().enumerate() {
        let covered = boxes.iter().find(|b| overlap(*l, **b));
        assert!(covered.is_none(), "a label {l:?} covers a box {covered:?}");
        assert!(!labels[..i].iter().any(|o| overlap(*l, *o)), "two labels collide: {l:?}");
    }
}
