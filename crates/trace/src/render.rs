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
    /// (from, to) -> (traced fen, transfers)
    links: BTreeMap<(Node, Node), (i64, u32)>,
}

fn picture(r: &TraceReport) -> Picture {
    let mut nodes: BTreeMap<Node, NodeInfo> = BTreeMap::new();
    let mut links: BTreeMap<(Node, Node), (i64, u32)> = BTreeMap::new();
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
            link.0 += e.traced_fen;
            link.1 += 1;
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

fn label(n: &Node, info: &NodeInfo) -> (String, String) {
    match n {
        Node::Cash(_) => ("现金 cash".to_string(), format!("¥{}", TraceReport::yuan(info.cash_fen))),
        Node::Account(a) => {
            let tail: String = a.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
            let bank = info.bank.clone().unwrap_or_default();
            let second = if info.held_fen > 0 {
                format!("held ¥{}", TraceReport::yuan(info.held_fen))
            } else if info.exit {
                "exit 流出".to_string()
            } else if info.victim {
                "victim 受害人".to_string()
            } else {
                String::new()
            };
            (format!("…{tail} {bank}").trim_end().to_string(), second)
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
    for ((f, t), (fen, n)) in &p.links {
        let times = if *n > 1 { format!(" ({n}x)") } else { String::new() };
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

const COL_W: i64 = 270;
const ROW_H: i64 = 58;
const BOX_W: i64 = 180;
const BOX_H: i64 = 42;
const MARGIN: i64 = 20;

/// A self-contained SVG of the flow, one column per hop: victim on the left, then each layer
/// of accounts; boxes filled by bank colour, red border for held money (freeze targets),
/// orange for cash withdrawn, dashed for exits; links as wide as the log of the traced amount.
pub fn to_svg(r: &TraceReport) -> String {
    let p = picture(r);
    let mut rows: BTreeMap<u32, i64> = BTreeMap::new();
    let mut pos: BTreeMap<&Node, (i64, i64)> = BTreeMap::new();
    for (n, info) in &p.nodes {
        let row = rows.entry(info.column).or_default();
        pos.insert(n, (MARGIN + info.column as i64 * COL_W, MARGIN + 30 + *row * ROW_H));
        *row += 1;
    }
    let width = MARGIN * 2 + (rows.keys().max().copied().unwrap_or(0) as i64 + 1) * COL_W;
    let height = MARGIN * 2 + 30 + rows.values().max().copied().unwrap_or(1) * ROW_H;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"14\">{} · traced ¥{} · held ¥{} · cash ¥{} · exits ¥{} · as of {}</text>",
        MARGIN + 8,
        r.policy,
        TraceReport::yuan(r.traced_fen),
        TraceReport::yuan(r.held_fen),
        TraceReport::yuan(r.cash_out_fen),
        TraceReport::yuan(r.exits_fen),
        xml_escape(&r.as_of)
    );
    for ((f, t), (fen, _)) in &p.links {
        let (fx, fy) = pos[f];
        let (tx, ty) = pos[t];
        let (x1, y1, x2, y2) = (fx + BOX_W, fy + BOX_H / 2, tx, ty + BOX_H / 2);
        let width = 1.0 + ((*fen as f64 / 100.0).max(1.0)).log10();
        let mid = (x1 + x2) / 2;
        let _ = writeln!(
            s,
            "<path d=\"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}\" fill=\"none\" stroke=\"#c0392b\" stroke-opacity=\"0.6\" stroke-width=\"{width:.1}\"><title>¥{}</title></path>",
            TraceReport::yuan(*fen)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">¥{}</text>",
            x2 - 6,
            y2 - 4,
            TraceReport::yuan(*fen)
        );
    }
    for (n, info) in &p.nodes {
        let (x, y) = pos[n];
        let (top, bottom) = label(n, info);
        let (fill, stroke, extra) = match n {
            Node::Cash(_) => ("#f5b041".to_string(), "#b9770e", ""),
            Node::Account(_) if info.held_fen > 0 => {
                (bank_colour(info.bank.as_deref()), "#c0392b", " stroke-width=\"3\"")
            }
            Node::Account(_) if info.exit => ("#eeeeee".to_string(), "#777777", " stroke-dasharray=\"4 3\""),
            Node::Account(_) => (bank_colour(info.bank.as_deref()), "#555555", ""),
        };
        let _ = writeln!(
            s,
            "<g><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\"{extra}/>\
<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" fill=\"#333\">{}</text></g>",
            x + 6,
            y + 17,
            xml_escape(&top),
            x + 6,
            y + 34,
            xml_escape(&bottom)
        );
    }
    s.push_str("</svg>\n");
    s
}
