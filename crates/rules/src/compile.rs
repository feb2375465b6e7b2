//! Type-checks a syntax tree against a [`Schema`] and lowers it to evaluation nodes.

use aho_corasick::AhoCorasick;

use crate::env::Env;
use crate::error::ExprError;
use crate::eval::{BoolNode, NumNode, TextNode};
use crate::parser::{depth_error, parse, CmpOp, Expr, Kind, MAX_DEPTH};
use crate::schema::{closest, Layout, Schema, Var};

/// Longest accepted expression, in bytes.
pub const MAX_EXPR_BYTES: usize = 4096;

/// The functions the language offers, for error suggestions.
const FUNCTIONS: [&str; 8] = ["contains", "contains_any", "starts_with", "missing", "known", "min", "max", "abs"];

/// A compiled, type-checked bool expression: a rule's `when`.
#[derive(Debug, Clone)]
pub struct Condition {
    source: String,
    root: BoolNode,
    vars: Vec<(Box<str>, Var)>,
    layout: Layout,
}

impl Condition {
    /// Parses and type-checks `source` against `schema`.
    pub fn compile(source: &str, schema: &Schema) -> Result<Self, ExprError> {
        if source.len() > MAX_EXPR_BYTES {
            return Err(ExprError::new(
                MAX_EXPR_BYTES,
                format!("expression is {} bytes long; the limit is {MAX_EXPR_BYTES}", source.len()),
            ));
        }
        let tree = parse(source)?;
        let mut c = Compiler { schema, vars: Vec::new() };
        let root = match c.compile(&tree, 1)? {
            Typed::Bool(b) => b,
            other => {
                return Err(ExprError::new(tree.pos, format!("condition must be bool, found {}", other.type_name())))
            }
        };
        Ok(Condition { source: source.to_owned(), root, vars: c.vars, layout: schema.layout() })
    }

    /// Evaluates the condition.
    ///
    /// # Panics
    /// If `env` was made from a smaller schema than the one this was compiled against.
    pub fn eval(&self, env: &Env) -> bool {
        assert!(env.fits(self.layout), "fanzha-rules: Env was made from a different Schema than the condition");
        self.root.eval(env)
    }

    /// Evaluates without the schema check, which the caller has done.
    pub(crate) fn eval_unchecked(&self, env: &Env) -> bool {
        self.root.eval(env)
    }

    /// The expression text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The variables the expression reads, in order of first use.
    pub fn vars(&self) -> impl Iterator<Item = (&str, Var)> + '_ {
        self.vars.iter().map(|(n, v)| (&**n, *v))
    }
}

/// A compiled sub-expression with its type.
enum Typed {
    Num(NumNode),
    Bool(BoolNode),
    Text(TextNode),
}

impl Typed {
    fn type_name(&self) -> &'static str {
        match self {
            Typed::Num(_) => "number",
            Typed::Bool(_) => "bool",
            Typed::Text(_) => "text",
        }
    }
}

/// A list literal's elements.
enum List {
    Nums(Vec<f64>),
    Texts(Vec<String>),
}

struct Compiler<'s> {
    schema: &'s Schema,
    vars: Vec<(Box<str>, Var)>,
}

impl Compiler<'_> {
    fn compile(&mut self, e: &Expr, level: usize) -> Result<Typed, ExprError> {
        if level > MAX_DEPTH {
            return Err(depth_error(e.pos));
        }
        let down = level + 1;
        Ok(match &e.kind {
            Kind::Num(n) => Typed::Num(NumNode::Const(*n)),
            Kind::Bool(b) => Typed::Bool(BoolNode::Const(*b)),
            Kind::Text(s) => Typed::Text(TextNode::Const(s.as_str().into())),
            Kind::List(_) => {
                return Err(ExprError::new(
                    e.pos,
                    "a list is only allowed after 'in' or as an argument of contains_any",
                ))
            }
            Kind::Var(name) => self.var(name, e.pos)?,
            Kind::Call { name, args } => self.call(name, args, e.pos, down)?,
            Kind::Not(x) => match self.compile(x, down)? {
                Typed::Bool(BoolNode::Not(inner)) => Typed::Bool(*inner),
                Typed::Bool(b) => Typed::Bool(BoolNode::Not(Box::new(b))),
                other => return Err(operand_error("!", e.pos, "a bool operand", &other)),
            },
            Kind::Neg(x) => match self.compile(x, down)? {
                Typed::Num(NumNode::Const(k)) => Typed::Num(NumNode::Const(-k)),
                Typed::Num(n) => Typed::Num(NumNode::Neg(Box::new(n))),
                other => return Err(operand_error("-", e.pos, "a number operand", &other)),
            },
            Kind::Logic { and, terms, ops } => {
                let op = if *and { "&&" } else { "||" };
                let mut nodes = Vec::with_capacity(terms.len());
                for (i, term) in terms.iter().enumerate() {
                    match self.compile(term, down)? {
                        // Flatten `(a && b) && c` into one list.
                        Typed::Bool(BoolNode::All(inner)) if *and => nodes.extend(inner.into_vec()),
                        Typed::Bool(BoolNode::Any(inner)) if !*and => nodes.extend(inner.into_vec()),
                        Typed::Bool(b) => nodes.push(b),
                        other => return Err(operand_error(op, ops[i.saturating_sub(1)], "bool operands", &other)),
                    }
                }
                let nodes = nodes.into_boxed_slice();
                Typed::Bool(if *and { BoolNode::All(nodes) } else { BoolNode::Any(nodes) })
            }
            Kind::Cmp { op, op_pos, lhs, rhs } => {
                let (a, b) = (self.compile(lhs, down)?, self.compile(rhs, down)?);
                Typed::Bool(comparison(*op, *op_pos, a, b)?)
            }
            Kind::In { negate, op_pos, lhs, list } => {
                let x = self.compile(lhs, down)?;
                let op = if *negate { "not in" } else { "in" };
                let Kind::List(items) = &list.kind else {
                    return Err(ExprError::new(
                        list.pos,
                        format!("'{op}' needs a list literal, e.g. [\"atm\", \"counter\"]"),
                    ));
                };
                Typed::Bool(match (x, list_literal(items, list.pos)?) {
                    (Typed::Num(n), List::Nums(set)) => BoolNode::NumIn(*negate, n, set.into()),
                    (Typed::Text(t), List::Texts(set)) => {
                        BoolNode::TextIn(*negate, t, set.into_iter().map(String::into_boxed_str).collect())
                    }
                    (x, set) => {
                        let kind = if matches!(set, List::Nums(_)) { "numbers" } else { "text" };
                        return Err(ExprError::new(
                            *op_pos,
                            format!("'{op}' compares a {} with a list of {kind}", x.type_name()),
                        ));
                    }
                })
            }
            Kind::Arith { op, op_pos, lhs, rhs } => match (self.compile(lhs, down)?, self.compile(rhs, down)?) {
                (Typed::Num(a), Typed::Num(b)) => Typed::Num(NumNode::Arith(*op, Box::new(a), Box::new(b))),
                (a, b) => {
                    let other = if matches!(a, Typed::Num(_)) { b } else { a };
                    return Err(operand_error(op.as_str(), *op_pos, "number operands", &other));
                }
            },
        })
    }

    fn var(&mut self, name: &str, pos: usize) -> Result<Typed, ExprError> {
        let Some(info) = self.schema.get(name) else {
            if FUNCTIONS.contains(&name) {
                return Err(ExprError::new(pos, format!("'{name}' is a function; call it as {name}(...)")));
            }
            let hint = self.schema.suggest(name).map(|s| format!(" (did you mean '{s}'?)")).unwrap_or_default();
            return Err(ExprError::new(pos, format!("unknown variable '{name}'{hint}")));
        };
        if !self.vars.iter().any(|(n, _)| **n == *name) {
            self.vars.push((name.into(), info.var));
        }
        Ok(match info.var {
            Var::Number(v) => Typed::Num(NumNode::Var(v.0)),
            Var::Bool(v) => Typed::Bool(BoolNode::Var(v.0)),
            Var::Text(v) => Typed::Text(TextNode::Var(v.0)),
        })
    }

    fn call(&mut self, name: &str, args: &[Expr], pos: usize, down: usize) -> Result<Typed, ExprError> {
        let arity = match name {
            "contains" | "contains_any" | "starts_with" | "min" | "max" => 2,
            "missing" | "known" | "abs" => 1,
            _ => {
                let hint = closest(name, FUNCTIONS.into_iter())
                    .map(|s| format!(" (did you mean '{s}'?)"))
                    .unwrap_or_else(|| format!("; the functions are {}", FUNCTIONS.join(", ")));
                return Err(ExprError::new(pos, format!("unknown function '{name}'{hint}")));
            }
        };
        if args.len() != arity {
            let s = if arity == 1 { "" } else { "s" };
            return Err(ExprError::new(pos, format!("{name}() takes {arity} argument{s}, found {}", args.len())));
        }
        let node = match name {
            "contains" | "starts_with" => {
                let text = self.text_arg(name, args, 0, down)?;
                let part = self.text_arg(name, args, 1, down)?;
                if matches!(&part, TextNode::Const(s) if s.is_empty()) {
                    return Err(ExprError::new(args[1].pos, format!("{name}() with empty text is always true")));
                }
                if name == "contains" {
                    BoolNode::Contains(text, part)
                } else {
                    BoolNode::StartsWith(text, part)
                }
            }
            "contains_any" => {
                let text = self.text_arg(name, args, 0, down)?;
                let list_err = || {
                    ExprError::new(args[1].pos, "contains_any() argument 2 must be a list of text, e.g. [\"a\", \"b\"]")
                };
                let Kind::List(items) = &args[1].kind else { return Err(list_err()) };
                let List::Texts(words) = list_literal(items, args[1].pos)? else { return Err(list_err()) };
                if words.iter().any(String::is_empty) {
                    return Err(ExprError::new(args[1].pos, "contains_any() with empty text is always true"));
                }
                let matcher = AhoCorasick::new(&words)
                    .map_err(|e| ExprError::new(args[1].pos, format!("contains_any(): {e}")))?;
                BoolNode::ContainsAny(text, Box::new(matcher))
            }
            "missing" | "known" => {
                let x = self.num_arg(name, args, 0, down)?;
                if name == "missing" {
                    BoolNode::Missing(x)
                } else {
                    BoolNode::Known(x)
                }
            }
            _ => {
                let a = Box::new(self.num_arg(name, args, 0, down)?);
                return Ok(Typed::Num(match name {
                    "abs" => NumNode::Abs(a),
                    "min" => NumNode::Min(a, Box::new(self.num_arg(name, args, 1, down)?)),
                    _ => NumNode::Max(a, Box::new(self.num_arg(name, args, 1, down)?)),
                }));
            }
        };
        Ok(Typed::Bool(node))
    }

    fn text_arg(&mut self, func: &str, args: &[Expr], i: usize, down: usize) -> Result<TextNode, ExprError> {
        match self.compile(&args[i], down)? {
            Typed::Text(t) => Ok(t),
            other => Err(arg_error(func, i, &args[i], "text", &other)),
        }
    }

    fn num_arg(&mut self, func: &str, args: &[Expr], i: usize, down: usize) -> Result<NumNode, ExprError> {
        match self.compile(&args[i], down)? {
            Typed::Num(n) => Ok(n),
            other => Err(arg_error(func, i, &args[i], "a number", &other)),
        }
    }
}

/// Lowers `a op b` after checking the operand types.
fn comparison(op: CmpOp, op_pos: usize, a: Typed, b: Typed) -> Result<BoolNode, ExprError> {
    let ne = op == CmpOp::Ne;
    let equality = matches!(op, CmpOp::Eq | CmpOp::Ne);
    Ok(match (a, b) {
        (Typed::Num(NumNode::Var(slot)), Typed::Num(NumNode::Const(k))) => BoolNode::VarCmp(op, slot, k),
        (Typed::Num(a), Typed::Num(b)) => BoolNode::Cmp(op, a, b),
        (Typed::Text(a), Typed::Text(b)) if equality => BoolNode::TextEq(ne, a, b),
        (Typed::Bool(a), Typed::Bool(b)) if equality => BoolNode::BoolEq(ne, Box::new(a), Box::new(b)),
        (a, b) if equality => {
            let msg = format!(
                "'{}' needs operands of the same type, found {} and {}",
                op.as_str(),
                a.type_name(),
                b.type_name()
            );
            return Err(ExprError::new(op_pos, msg));
        }
        (a, b) => {
            let other = if matches!(a, Typed::Num(_)) { b } else { a };
            return Err(operand_error(op.as_str(), op_pos, "number operands", &other));
        }
    })
}

/// The elements of a list literal: all numbers or all texts, at least one.
fn list_literal(items: &[Expr], pos: usize) -> Result<List, ExprError> {
    let literal = |e: &Expr| -> Option<Result<f64, String>> {
        match &e.kind {
            Kind::Num(n) => Some(Ok(*n)),
            Kind::Neg(x) => match x.kind {
                Kind::Num(n) => Some(Ok(-n)),
                _ => None,
            },
            Kind::Text(s) => Some(Err(s.clone())),
            _ => None,
        }
    };
    let first = items.first().ok_or_else(|| ExprError::new(pos, "empty list"))?;
    let first_is_num = matches!(literal(first), Some(Ok(_)));
    let (mut nums, mut texts) = (Vec::new(), Vec::new());
    for item in items {
        match literal(item) {
            Some(Ok(n)) if first_is_num => nums.push(n),
            Some(Err(s)) if !first_is_num => texts.push(s),
            Some(_) => return Err(ExprError::new(item.pos, "a list must hold only numbers or only text")),
            None => return Err(ExprError::new(item.pos, "list elements must be number or text literals")),
        }
    }
    Ok(if first_is_num { List::Nums(nums) } else { List::Texts(texts) })
}

fn operand_error(op: &str, pos: usize, needs: &str, found: &Typed) -> ExprError {
    ExprError::new(pos, format!("'{op}' needs {needs}, found {}", found.type_name()))
}

fn arg_error(func: &str, i: usize, arg: &Expr, needs: &str, found: &Typed) -> ExprError {
    ExprError::new(arg.pos, format!("{func}() argument {} must be {needs}, found {}", i + 1, found.type_name()))
}
