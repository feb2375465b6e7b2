//! Builds a syntax tree from tokens, by precedence climbing.
//!
//! Precedence, loosest first: `||`, `&&`, prefix `!`, comparisons and `in` / `not in`
//! (not chainable), `+ -`, `* / %`, prefix `-`, then values, calls and parentheses.

use crate::error::ExprError;
use crate::lexer::{tokenize, Tok};

/// Deepest nesting of parentheses, calls, prefix operators and operator trees.
pub const MAX_DEPTH: usize = 64;

/// A syntax tree node and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Expr {
    pub kind: Kind,
    pub pos: usize,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl CmpOp {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl ArithOp {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
            ArithOp::Rem => "%",
        }
    }
}

/// Syntax tree node kinds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Num(f64),
    Bool(bool),
    Text(String),
    List(Vec<Expr>),
    Var(String),
    Call {
        name: String,
        args: Vec<Expr>,
    },
    Not(Box<Expr>),
    Neg(Box<Expr>),
    /// `a && b && c` (`and`) or `a || b || c`; `ops` holds each operator's offset.
    Logic {
        and: bool,
        terms: Vec<Expr>,
        ops: Vec<usize>,
    },
    Cmp {
        op: CmpOp,
        op_pos: usize,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    In {
        negate: bool,
        op_pos: usize,
        lhs: Box<Expr>,
        list: Box<Expr>,
    },
    Arith {
        op: ArithOp,
        op_pos: usize,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
}

/// Parses a whole expression.
pub(crate) fn parse(src: &str) -> Result<Expr, ExprError> {
    let mut p = Parser { toks: tokenize(src)?, i: 0, depth: 0 };
    let e = p.expr()?;
    match p.peek() {
        Tok::Eof => Ok(e),
        t => Err(ExprError::new(p.pos(), format!("expected an operator, found {}", t.describe()))),
    }
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    i: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.i].0
    }

    fn pos(&self) -> usize {
        self.toks[self.i].1
    }

    /// Moves past the current token (never past `Eof`) and returns its offset.
    fn bump(&mut self) -> usize {
        let pos = self.pos();
        if self.i + 1 < self.toks.len() {
            self.i += 1;
        }
        pos
    }

    fn expect(&mut self, tok: Tok) -> Result<usize, ExprError> {
        if *self.peek() == tok {
            Ok(self.bump())
        } else {
            Err(ExprError::new(self.pos(), format!("expected {}", tok.describe())))
        }
    }

    /// Runs `f` one nesting level deeper, failing past [`MAX_DEPTH`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, ExprError>) -> Result<T, ExprError> {
        if self.depth >= MAX_DEPTH {
            return Err(depth_error(self.pos()));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn expr(&mut self) -> Result<Expr, ExprError> {
        self.nested(|p| p.logic(false))
    }

    /// `||` chains when `and` is false, `&&` chains when true.
    fn logic(&mut self, and: bool) -> Result<Expr, ExprError> {
        let next: fn(&mut Self) -> Result<Expr, ExprError> = if and { Self::not } else { Self::and };
        let op_tok = if and { Tok::AndAnd } else { Tok::OrOr };
        let first = next(self)?;
        if *self.peek() != op_tok {
            return Ok(first);
        }
        let pos = first.pos;
        let mut terms = vec![first];
        let mut ops = Vec::new();
        while *self.peek() == op_tok {
            ops.push(self.bump());
            terms.push(next(self)?);
        }
        Ok(Expr { kind: Kind::Logic { and, terms, ops }, pos })
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        self.logic(true)
    }

    fn not(&mut self) -> Result<Expr, ExprError> {
        if *self.peek() == Tok::Bang {
            let pos = self.bump();
            let inner = self.nested(Self::not)?;
            return Ok(Expr { kind: Kind::Not(Box::new(inner)), pos });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ExprError> {
        let lhs = self.additive()?;
        let pos = lhs.pos;
        let kind = match self.cmp_op() {
            Some(op) => {
                let op_pos = self.bump();
                let rhs = self.additive()?;
                Kind::Cmp { op, op_pos, lhs: Box::new(lhs), rhs: Box::new(rhs) }
            }
            None if matches!(self.peek(), Tok::In | Tok::Not) => {
                let op_pos = self.pos();
                let negate = *self.peek() == Tok::Not;
                self.bump();
                if negate && *self.peek() != Tok::In {
                    return Err(ExprError::new(self.pos(), "expected 'in' after 'not' (use '!' to negate)"));
                }
                if negate {
                    self.bump();
                }
                let list = self.additive()?;
                Kind::In { negate, op_pos, lhs: Box::new(lhs), list: Box::new(list) }
            }
            None => return Ok(lhs),
        };
        if self.cmp_op().is_some() || matches!(self.peek(), Tok::In | Tok::Not) {
            return Err(ExprError::new(self.pos(), "comparisons cannot be chained; combine them with '&&'"));
        }
        Ok(Expr { kind, pos })
    }

    fn cmp_op(&self) -> Option<CmpOp> {
        Some(match self.peek() {
            Tok::Lt => CmpOp::Lt,
            Tok::Le => CmpOp::Le,
            Tok::Gt => CmpOp::Gt,
            Tok::Ge => CmpOp::Ge,
            Tok::EqEq => CmpOp::Eq,
            Tok::Ne => CmpOp::Ne,
            _ => return None,
        })
    }

    fn additive(&mut self) -> Result<Expr, ExprError> {
        self.binary(Self::multiplicative, |t| match t {
            Tok::Plus => Some(ArithOp::Add),
            Tok::Minus => Some(ArithOp::Sub),
            _ => None,
        })
    }

    fn multiplicative(&mut self) -> Result<Expr, ExprError> {
        self.binary(Self::unary, |t| match t {
            Tok::Star => Some(ArithOp::Mul),
            Tok::Slash => Some(ArithOp::Div),
            Tok::Percent => Some(ArithOp::Rem),
            _ => None,
        })
    }

    /// A left-associative chain of `operand`s joined by the operators `op` recognizes.
    fn binary(
        &mut self,
        operand: fn(&mut Self) -> Result<Expr, ExprError>,
        op: fn(&Tok) -> Option<ArithOp>,
    ) -> Result<Expr, ExprError> {
        let mut lhs = operand(self)?;
        while let Some(o) = op(self.peek()) {
            let op_pos = self.bump();
            let rhs = operand(self)?;
            let pos = lhs.pos;
            lhs = Expr { kind: Kind::Arith { op: o, op_pos, lhs: Box::new(lhs), rhs: Box::new(rhs) }, pos };
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        match self.peek() {
            Tok::Minus | Tok::Bang => {
                let neg = *self.peek() == Tok::Minus;
                let pos = self.bump();
                let inner = Box::new(self.nested(Self::unary)?);
                Ok(Expr { kind: if neg { Kind::Neg(inner) } else { Kind::Not(inner) }, pos })
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Num(n) => {
                self.bump();
                Kind::Num(n)
            }
            Tok::Str(s) => {
                self.bump();
                Kind::Text(s)
            }
            t @ (Tok::True | Tok::False) => {
                self.bump();
                Kind::Bool(t == Tok::True)
            }
            Tok::LParen => {
                self.bump();
                let inner = self.expr()?;
                self.expect(Tok::RParen)?;
                return Ok(inner);
            }
            Tok::LBracket => {
                self.bump();
                Kind::List(self.items(Tok::RBracket)?)
            }
            Tok::Ident(name) => {
                self.bump();
                if *self.peek() == Tok::LParen {
                    self.bump();
                    Kind::Call { name, args: self.items(Tok::RParen)? }
                } else {
                    Kind::Var(name)
                }
            }
            t => return Err(ExprError::new(pos, format!("expected a value, found {}", t.describe()))),
        };
        Ok(Expr { kind, pos })
    }

    /// Comma-separated expressions up to `close` (a trailing comma is allowed).
    fn items(&mut self, close: Tok) -> Result<Vec<Expr>, ExprError> {
        let mut items = Vec::new();
        while *self.peek() != close {
            items.push(self.expr()?);
            if *self.peek() == Tok::Comma {
                self.bump();
            } else if *self.peek() != close {
                return Err(ExprError::new(self.pos(), format!("expected ',' or {}", close.describe())));
            }
        }
        self.bump();
        Ok(items)
    }
}

pub(crate) fn depth_error(pos: usize) -> ExprError {
    ExprError::new(pos, format!("expression nested deeper than {MAX_DEPTH} levels; split it into simpler rules"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a tree fully parenthesized, to check precedence.
    fn show(e: &Expr) -> String {
        match &e.kind {
            Kind::Num(n) => n.to_string(),
            Kind::Bool(b) => b.to_string(),
            Kind::Text(s) => format!("{s:?}"),
            Kind::List(items) => format!("[{}]", items.iter().map(show).collect::<Vec<_>>().join(", ")),
            Kind::Var(v) => v.clone(),
            Kind::Call { name, args } => format!("{name}({})", args.iter().map(show).collect::<Vec<_>>().join(", ")),
            Kind::Not(x) => format!("!{}", show(x)),
            Kind::Neg(x) => format!("-{}", show(x)),
            Kind::Logic { and, terms, .. } => {
                let sep = if *and { " && " } else { " || " };
                format!("({})", terms.iter().map(show).collect::<Vec<_>>().join(sep))
            }
            Kind::Cmp { op, lhs, rhs, .. } => format!("({} {} {})", show(lhs), op.as_str(), show(rhs)),
            Kind::In { negate, lhs, list, .. } => {
                format!("({} {}in {})", show(lhs), if *negate { "not " } else { "" }, show(list))
            }
            Kind::Arith { op, lhs, rhs, .. } => format!("({} {} {})", show(lhs), op.as_str(), show(rhs)),
        }
    }

    fn p(src: &str) -> String {
        show(&parse(src).unwrap())
    }

    fn err(src: &str) -> String {
        parse(src).unwrap_err().to_string()
    }

    #[test]
    fn precedence() {
        assert_eq!(p("a || b && c"), "(a || (b && c))");
        assert_eq!(p("a && b || c && d || e"), "((a && b) || (c && d) || e)");
        assert_eq!(p("!a < 5 && b"), "(!(a < 5) && b)");
        assert_eq!(p("a + b * c - d / e % f"), "((a + (b * c)) - ((d / e) % f))");
        assert_eq!(p("-a * b < c + 1"), "((-a * b) < (c + 1))");
        assert_eq!(p("(a || b) && c"), "((a || b) && c)");
        assert_eq!(p("x + 1 in [1, 2,]"), "((x + 1) in [1, 2])");
        assert_eq!(p("x not in [\"a\"]"), "(x not in [\"a\"])");
        assert_eq!(p("f(a, g(b)) == !c"), "(f(a, g(b)) == !c)");
        assert_eq!(p("!!a"), "!!a");
        assert_eq!(p("--1"), "--1");
        assert_eq!(p("f()"), "f()");
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(err("min(amount_fen, 5_000_000"), "column 26: expected ',' or ')'");
        assert_eq!(err("(a && b"), "column 8: expected ')'");
        assert_eq!(err("a b"), "column 3: expected an operator, found 'b'");
        assert_eq!(err("a < b < c"), "column 7: comparisons cannot be chained; combine them with '&&'");
        assert_eq!(err("a not b"), "column 7: expected 'in' after 'not' (use '!' to negate)");
        assert_eq!(err("a &&"), "column 5: expected a value, found end of expression");
        assert_eq!(err("&& a"), "column 1: expected a value, found '&&'");
        assert_eq!(err(""), "column 1: expected a value, found end of expression");
        assert_eq!(err("[1, 2"), "column 6: expected ',' or ']'");
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}a{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(err(&deep), "column 65: expression nested deeper than 64 levels; split it into simpler rules");
        assert!(parse(&"!".repeat(10_000)).is_err());
        assert!(parse(&"-".repeat(10_000)).is_err());
    }
}
