//! Drawings of a trace: Graphviz DOT for tools, and a self-contained SVG for people (laid out
//! by hop, no Graphviz needed).

use crate::report::TraceReport;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One box in the drawing: an account, or the cash taken out of one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Node {
    Account(String),
    Cash(String),
}

/// What the drawing needs to know about an account.
#[derive(Default)]
struct NodeInfo {
    column: u32,
    bank: Option<String>,
    held_fen: i64,
    cash_fen: i64,
    exit: bool,
    victim: bool,
}

struct Picture {
    nodes: BTreeMap<Node, NodeInfo>,
    /// (from, to) -> the traced money that went that way
    links: BTreeMap<(Node, Node), Link>,
}

/// The traced money between two boxes: how much, in how many transfers, from when.
#[derive(Default)]
struct Link {
    fen: i64,
    transfers: u32,
    first_ts: Option<i64>,
}

fn picture(r: &TraceReport) -> Picture {
    let mut nodes: BTreeMap<Node, NodeInfo> = BTreeMap::new();
    let mut links: BTreeMap<(Node, Node), Link> = BTreeMap::new();
    let banks: BTreeMap<&str, Option<&String>> =
        r.nodes.iter().map(|n| (n.account.as_str(), n.bank.as_ref())).collect();
    let mut touch = |n: Node, column: u32| {
        let info = nodes.entry(n).or_insert_with(|| NodeInfo { column, ..NodeInfo::default() });
        info.column = info.column.min(column);
    };
    for e in &r.edges {
        let from = e.from.clone().map(Node::Account);
        let to = match &e.to {
            Some(a) => Node::Account(a.clone()),
            None => Node::Cash(e.from.clone().unwrap_or_default()),
        };
        if let Some(f) = &from {
            touch(f.clone(), e.hop - 1);
        }
        touch(to.clone(), e.hop);
        if let Some(f) = from {
            let link = links.entry((f, to)).or_default();
            link.fen += e.traced_fen;
            link.transfers += 1;
            link.first_ts = Some(link.first_ts.map_or(e.ts, |t| t.min(e.ts)));
        }
    }
    for e in r.edges.iter().filter(|e| e.seed) {
        if let Some(info) = e.from.clone().and_then(|f| nodes.get_mut(&Node::Account(f))) {
            info.victim = info.column == 0;
        }
    }
    for h in &r.held {
        if let Some(info) = nodes.get_mut(&Node::Account(h.account.clone())) {
            info.held_fen = h.amount_fen;
        }
    }
    for c in &r.cash_out {
        if let Some(info) = nodes.get_mut(&Node::Cash(c.account.clone())) {
            info.cash_fen += c.amount_fen;
        }
    }
    for x in &r.exits {
        if let Some(info) = nodes.get_mut(&Node::Account(x.account.clone())) {
            info.exit = true;
        }
    }
    for (n, info) in nodes.iter_mut() {
        let key = match n {
            Node::Account(a) | Node::Cash(a) => a.as_str(),
        };
        info.bank = banks.get(key).copied().flatten().cloned();
    }
    Picture { nodes, links }
}

/// Fen as yuan with thousands separators, as people read amounts.
fn grouped(fen: i64) -> String {
    fanzha_model::Fen(fen).grouped()
}

fn label(n: &Node, info: &NodeInfo) -> (String, String) {
    match n {
        Node::Cash(_) => ("现金 cash".to_string(), format!("¥{}", grouped(info.cash_fen))),
        Node::Account(a) => {
            let tail: String = a.chars().rev().take(10).collect::<Vec<_>>().into_iter().rev().collect();
            let bank = info.bank.clone().unwrap_or_default();
            let second = if info.held_fen > 0 {
                format!("留存 held {}", grouped(info.held_fen))
            } else if info.exit {
                "exit 流出".to_string()
            } else if info.victim {
                "victim 受害人".to_string()
            } else {
                String::new()
            };
            let shown = if tail.chars().count() < a.chars().count() { format!("…{tail}") } else { tail };
            (format!("{shown} {bank}").trim_end().to_string(), second)
        }
    }
}

fn node_id(n: &Node) -> String {
    dot_escape(&match n {
        Node::Account(a) => format!("a_{a}"),
        Node::Cash(a) => format!("cash_{a}"),
    })
}

/// Graphviz DOT of the flow: accounts as boxes (held money in red, exits grey, cash orange),
/// links labelled with the traced amount in yuan.
pub fn to_dot(r: &TraceReport) -> String {
    let p = picture(r);
    let mut s = String::new();
    let _ = writeln!(s, "digraph trace {{\n  rankdir=LR; node [shape=box, fontname=\"sans-serif\"];");
    let _ = writeln!(s, "  label=\"{} traced ¥{} as of {}\";", r.policy, TraceReport::yuan(r.traced_fen), r.as_of);
    for (n, info) in &p.nodes {
        let (top, bottom) = label(n, info);
        let style = match n {
            Node::Cash(_) => "style=filled, fillcolor=orange",
            Node::Account(_) if info.held_fen > 0 => "style=filled, fillcolor=\"#f4b6b6\", color=red, penwidth=2",
            Node::Account(_) if info.exit => "style=\"filled,dashed\", fillcolor=lightgrey",
            Node::Account(_) => "style=filled, fillcolor=white",
        };
        let _ =
            writeln!(s, "  \"{}\" [label=\"{}\\n{}\", {}];", node_id(n), dot_escape(&top), dot_escape(&bottom), style);
    }
    for ((f, t), link) in &p.links {
        let (fen, n) = (&link.fen, link.transfers);
        let times = if n > 1 { format!(" ({n}x)") } else { String::new() };
        let _ = writeln!(
            s,
            "  \"{}\" -> \"{}\" [label=\"¥{}{}\"];",
            node_id(f),
            node_id(t),
            TraceReport::yuan(*fen),
            times
        );
    }
    s.push_str("}\n");
    s
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Escapes XML text, dropping control characters XML cannot carry.
fn xml_escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A stable colour per institution, so one bank looks the same across drawings.
fn bank_colour(bank: Option<&str>) -> String {
    let Some(bank) = bank else { return "#ffffff".to_string() };
    let h = bank.bytes().fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    format!("hsl({}, 55%, 88%)", h % 360)
}

const COL_W: i64 = 250;
const ROW_H: i64 = 58;
const BOX_W: i64 = 152;
const BOX_H: i64 = 42;
const MARGIN: i64 = 20;
const LEGEND_H: i64 = 30;

/// Rows of each column: column 0 as listed, every later column ordered by where the money came
/// from (the money-weighted mean row of each box's payers), so links cross as little as a single
/// sweep can make them.
fn layout(p: &Picture) -> BTreeMap<&Node, (u32, i64)> {
    let mut columns: BTreeMap<u32, Vec<&Node>> = BTreeMap::new();
    for (n, info) in &p.nodes {
        columns.entry(info.column).or_default().push(n);
    }
    // Each box's payers, with the money that came that way.
    let mut payers: BTreeMap<&Node, Vec<(&Node, i64)>> = BTreeMap::new();
    for ((f, t), link) in &p.links {
        payers.entry(t).or_default().push((f, link.fen));
    }
    let mut at: BTreeMap<&Node, (u32, i64)> = BTreeMap::new();
    for (&column, members) in &mut columns {
        let mut keyed: Vec<(f64, &Node)> = members
            .iter()
            .map(|&n| {
                let (mut sum, mut weight) = (0.0, 0.0);
                for &(f, fen) in payers.get(n).into_iter().flatten() {
                    if let Some(&(_, row)) = at.get(f).filter(|(c, _)| *c < column) {
                        let w = fen.max(1) as f64;
                        sum += row as f64 * w;
                        weight += w;
                    }
                }
                (if weight > 0.0 { sum / weight } else { f64::INFINITY }, n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        for (row, (_, n)) in keyed.into_iter().enumerate() {
            at.insert(n, (column, row as i64));
        }
    }
    at
}

/// Month, day and time in Beijing time, e.g. `03-01 10:05`.
fn beijing_short(ts: i64) -> String {
    let t = fanzha_model::Ts(ts).to_rfc3339_shanghai();
    format!("{} {}", &t[5..10], &t[11..16])
}

/// A self-contained SVG of the flow (see [`to_svg_with`]), with no links.
pub fn to_svg(r: &TraceReport) -> String {
    to_svg_with(r, None)
}

/// A self-contained SVG of the flow, one column per hop: victim on the left, then each layer of
/// accounts, ordered to keep links from crossing; boxes filled by bank colour, red border for held
/// money (freeze targets), orange for cash withdrawn, dashed for exits; links as wide as the log of
/// the traced amount, labelled with it and the time of the first transfer (Beijing time); each box
/// names its whole account in a tooltip and, with `account_href`, links to `account_href` + the
/// account id (percent-encoded). Labels are in Chinese and English; a legend closes the drawing.
pub fn to_svg_with(r: &TraceReport, account_href: Option<&str>) -> String {
    let p = picture(r);
    let at = layout(&p);
    let pos = |n: &Node| {
        let (column, row) = at[n];
        (MARGIN + column as i64 * COL_W, MARGIN + 30 + row * ROW_H)
    };
    let columns = at.values().map(|&(c, _)| c).max().map_or(1, |c| c as i64 + 1);
    let rows = at.values().map(|&(_, r)| r + 1).max().unwrap_or(1);
    // At least as wide as the legend.
    let width = (MARGIN * 2 + columns * COL_W - (COL_W - BOX_W)).max(1000);
    let height = MARGIN * 2 + 30 + rows * ROW_H + LEGEND_H;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"13\">{} · 追踪 traced ¥{} · 留存 held ¥{} · 取现 cash ¥{} · 流出 exits ¥{} · 截至 as of {}</text>",
        MARGIN + 8,
        r.policy,
        grouped(r.traced_fen),
        grouped(r.held_fen),
        grouped(r.cash_out_fen),
        grouped(r.exits_fen),
        xml_escape(&r.as_of)
    );
    // Every box, so that no label covers one.
    let boxes: Vec<Rect> = p
        .nodes
        .keys()
        .map(|n| {
            let (x, y) = pos(n);
            Rect { left: x, top: y, right: x + BOX_W, bottom: y + BOX_H }
        })
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = String::new();
    // Labels go on the biggest money first; see `place_label`.
    let mut order: Vec<(&(Node, Node), &Link)> = p.links.iter().collect();
    order.sort_by(|a, b| b.1.fen.cmp(&a.1.fen).then_with(|| a.0.cmp(b.0)));
    for ((f, t), link) in order {
        let (fx, fy) = pos(f);
        let (tx, ty) = pos(t);
        let (x1, y1, x2, y2) = (fx + BOX_W, fy + BOX_H / 2, tx, ty + BOX_H / 2);
        let stroke = 1.0 + ((link.fen as f64 / 100.0).max(1.0)).log10();
        let mid = (x1 + x2) / 2;
        let when = link.first_ts.map(beijing_short).unwrap_or_default();
        let times = if link.transfers > 1 { format!(" ×{}", link.transfers) } else { String::new() };
        let amount = format!("¥{}", grouped(link.fen));
        let _ = writeln!(
            s,
            "<path d=\"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}\" fill=\"none\" stroke=\"#c0392b\" stroke-opacity=\"0.55\" stroke-width=\"{stroke:.1}\"><title>{amount} · {when}{times}</title></path>"
        );
        // Labels sit on the curve in two short lines (amount; time and count), over a white halo,
        // drawn after every link so no link crosses one.
        let second = format!("{when}{times}");
        let chars = amount.chars().count().max(second.chars().count()) as i64;
        let curve = [(x1, y1), (mid, y1), (mid, y2), (x2, y2)];
        if let Some((x, y)) = place_label(&curve, chars * LABEL_CHAR_W, &boxes, &mut placed) {
            let _ = writeln!(
                labels,
                "<text class=\"link-label\" x=\"{x}\" y=\"{}\" font-size=\"10\" fill=\"#333\" text-anchor=\"middle\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"><tspan x=\"{x}\">{amount}</tspan><tspan x=\"{x}\" dy=\"11\">{second}</tspan></text>",
                y - 4
            );
        }
    }
    s.push_str(&labels);
    for (n, info) in &p.nodes {
        let (x, y) = pos(n);
        let (top, bottom) = label(n, info);
        let (fill, stroke, extra) = match n {
            Node::Cash(_) => ("#f5b041".to_string(), "#b9770e", ""),
            Node::Account(_) if info.held_fen > 0 => {
                (bank_colour(info.bank.as_deref()), "#c0392b", " stroke-width=\"3\"")
            }
            Node::Account(_) if info.exit => ("#eeeeee".to_string(), "#777777", " stroke-dasharray=\"4 3\""),
            Node::Account(_) => (bank_colour(info.bank.as_deref()), "#555555", ""),
        };
        let (Node::Account(id) | Node::Cash(id)) = n;
        let tip = format!("{id} {} {bottom}", info.bank.as_deref().unwrap_or(""));
        let (open, close) = match (n, account_href) {
            (Node::Account(id), Some(prefix)) => {
                (format!("<a href=\"{}{}\">", xml_escape(prefix), percent_encode(id)), "</a>")
            }
            _ => (String::new(), ""),
        };
        let _ = writeln!(
            s,
            "{open}<g><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\"{extra}/>\
<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" fill=\"#333\">{}</text></g>{close}",
            xml_escape(tip.trim()),
            x + 6,
            y + 17,
            xml_escape(&top),
            x + 6,
            y + 34,
            xml_escape(&bottom)
        );
    }
    legend(&mut s, height - LEGEND_H + 4);
    s.push_str("</svg>\n");
    s
}

/// Width of one character of a link label (10 px digits), generously.
const LABEL_CHAR_W: i64 = 6;
/// A label's two lines reach this far above and below its anchor.
const LABEL_UP: i64 = 15;
const LABEL_DOWN: i64 = 13;

/// A rectangle of the drawing.
#[derive(Debug, Clone, Copy)]
struct Rect {
    left: i64,
    top: i64,
    right: i64,
    bottom: i64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }
}

/// Where a link's label goes: the first point along its curve (the middle, then further out on
/// either side) where a label `width` wide covers no box and no label placed before, which it then
/// joins. `None` when there is no such point: the label is left out, and the link's tooltip still
/// gives its amount and time. Labels are placed biggest money first, so those kept matter most.
fn place_label(curve: &[(i64, i64); 4], width: i64, boxes: &[Rect], placed: &mut Vec<Rect>) -> Option<(i64, i64)> {
    let at = |t: f64| {
        let u = 1.0 - t;
        let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
        let x: f64 = curve.iter().zip(w).map(|(p, w)| p.0 as f64 * w).sum();
        let y: f64 = curve.iter().zip(w).map(|(p, w)| p.1 as f64 * w).sum();
        (x.round() as i64, y.round() as i64)
    };
    for t in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
        let (x, y) = at(t);
        let r = Rect { left: x - width / 2, top: y - LABEL_UP, right: x + width / 2, bottom: y + LABEL_DOWN };
        if !boxes.iter().chain(placed.iter()).any(|o| o.overlaps(&r)) {
            placed.push(r);
            return Some((x, y));
        }
    }
    None
}

/// The key to the boxes, on one line at `y`.
fn legend(s: &mut String, y: i64) {
    let items = [
        ("#ffffff", "#c0392b", " stroke-width=\"3\"", "留存,应冻结 held: freeze"),
        ("#f5b041", "#b9770e", "", "取现 cash withdrawn"),
        ("#eeeeee", "#777777", " stroke-dasharray=\"4 3\"", "流出(支付机构等) exit"),
        ("#ffffff", "#555555", "", "经过 passed through (底色 = 银行 fill = bank)"),
    ];
    let mut x = MARGIN;
    for (fill, stroke, extra, text) in items {
        let _ = writeln!(
            s,
            "<rect x=\"{x}\" y=\"{y}\" width=\"18\" height=\"12\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\"{extra}/><text x=\"{}\" y=\"{}\" font-size=\"11\">{text}</text>",
            x + 24,
            y + 10
        );
        x += 24 + 8 * text.chars().count() as i64 + 24;
    }
}

/// Percent-encodes all but ASCII letters, digits, `-`, `_` and `.` (for an account id in a link).
fn percent_encode(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
