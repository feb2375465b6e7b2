//! Compiled, type-checked expression trees and their evaluation.
//!
//! Variables are slot indices into an [`Env`]; evaluation does no name lookups and no
//! allocation. Missing numbers are NaN: arithmetic carries them through and every comparison
//! with them is false.

use aho_corasick::AhoCorasick;

use crate::env::Env;
use crate::parser::{ArithOp, CmpOp};

/// A bool-valued node.
#[derive(Debug, Clone)]
pub(crate) enum BoolNode {
    Const(bool),
    Var(usize),
    Not(Box<BoolNode>),
    All(Box<[BoolNode]>),
    Any(Box<[BoolNode]>),
    /// The common `variable op constant` comparison.
    VarCmp(CmpOp, usize, f64),
    Cmp(CmpOp, NumNode, NumNode),
    /// `a == b` on bools, or `a != b` when the flag is set.
    BoolEq(bool, Box<BoolNode>, Box<BoolNode>),
    /// `a == b` on texts, or `a != b` when the flag is set.
    TextEq(bool, TextNode, TextNode),
    /// `x in [..]`, or `x not in [..]` when the flag is set.
    NumIn(bool, NumNode, Box<[f64]>),
    /// `x in [..]`, or `x not in [..]` when the flag is set.
    TextIn(bool, TextNode, Box<[Box<str>]>),
    Contains(TextNode, TextNode),
    StartsWith(TextNode, TextNode),
    ContainsAny(TextNode, Box<AhoCorasick>),
    Missing(NumNode),
    Known(NumNode),
}

/// A number-valued node.
#[derive(Debug, Clone)]
pub(crate) enum NumNode {
    Const(f64),
    Var(usize),
    Neg(Box<NumNode>),
    Arith(ArithOp, Box<NumNode>, Box<NumNode>),
    Min(Box<NumNode>, Box<NumNode>),
    Max(Box<NumNode>, Box<NumNode>),
    Abs(Box<NumNode>),
}

/// A text-valued node.
#[derive(Debug, Clone)]
pub(crate) enum TextNode {
    Const(Box<str>),
    Var(usize),
}

impl BoolNode {
    pub(crate) fn eval(&self, env: &Env) -> bool {
        match self {
            BoolNode::Const(b) => *b,
            BoolNode::Var(slot) => env.bools[*slot],
            BoolNode::Not(x) => !x.eval(env),
            BoolNode::All(xs) => xs.iter().all(|x| x.eval(env)),
            BoolNode::Any(xs) => xs.iter().any(|x| x.eval(env)),
            BoolNode::VarCmp(op, slot, k) => compare(*op, env.numbers[*slot], *k),
            BoolNode::Cmp(op, a, b) => compare(*op, a.eval(env), b.eval(env)),
            BoolNode::BoolEq(ne, a, b) => (a.eval(env) == b.eval(env)) != *ne,
            BoolNode::TextEq(ne, a, b) => (a.eval(env) == b.eval(env)) != *ne,
            BoolNode::NumIn(not, x, set) => {
                let x = x.eval(env);
                !x.is_nan() && set.contains(&x) != *not
            }
            BoolNode::TextIn(not, x, set) => {
                let x = x.eval(env);
                set.iter().any(|s| **s == *x) != *not
            }
            BoolNode::Contains(text, part) => text.eval(env).contains(part.eval(env)),
            BoolNode::StartsWith(text, prefix) => text.eval(env).starts_with(prefix.eval(env)),
            BoolNode::ContainsAny(text, matcher) => matcher.is_match(text.eval(env)),
            BoolNode::Missing(x) => x.eval(env).is_nan(),
            BoolNode::Known(x) => !x.eval(env).is_nan(),
        }
    }
}

impl NumNode {
    pub(crate) fn eval(&self, env: &Env) -> f64 {
        match self {
            NumNode::Const(k) => *k,
            NumNode::Var(slot) => env.numbers[*slot],
            NumNode::Neg(x) => -x.eval(env),
            NumNode::Arith(op, a, b) => arith(*op, a.eval(env), b.eval(env)),
            NumNode::Min(a, b) => pick(a.eval(env), b.eval(env), f64::min),
            NumNode::Max(a, b) => pick(a.eval(env), b.eval(env), f64::max),
            NumNode::Abs(x) => x.eval(env).abs(),
        }
    }
}

impl TextNode {
    pub(crate) fn eval<'e>(&'e self, env: &'e Env) -> &'e str {
        match self {
            TextNode::Const(s) => s,
            TextNode::Var(slot) => &env.texts[*slot],
        }
    }
}

/// Compares two numbers; false whenever either is missing (NaN).
#[inline]
pub(crate) fn compare(op: CmpOp, a: f64, b: f64) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        CmpOp::Eq => a == b,
        // IEEE `!=` is true when either side is NaN; here it is false like every comparison.
        CmpOp::Ne => a != b && !a.is_nan() && !b.is_nan(),
    }
}

/// Arithmetic; dividing by zero gives missing (NaN) rather than infinity.
#[inline]
pub(crate) fn arith(op: ArithOp, a: f64, b: f64) -> f64 {
    match op {
        ArithOp::Add => a + b,
        ArithOp::Sub => a - b,
        ArithOp::Mul => a * b,
        ArithOp::Div if b == 0.0 => f64::NAN,
        ArithOp::Div => a / b,
        ArithOp::Rem if b == 0.0 => f64::NAN,
        ArithOp::Rem => a % b,
    }
}

/// `min` / `max` that stay missing when either side is missing.
fn pick(a: f64, b: f64, f: fn(f64, f64) -> f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        f(a, b)
    }
}
