//! The variables rules may use: names, types, descriptions and slot handles.

use std::collections::HashMap;
use std::fmt;

/// The type of a value in the rule language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Type {
    /// A 64-bit float; a missing number is NaN.
    Number,
    /// `true` or `false`.
    Bool,
    /// UTF-8 text.
    Text,
}

impl Type {
    /// The name used in error messages and documentation.
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Number => "number",
            Type::Bool => "bool",
            Type::Text => "text",
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Handle of a number variable: its slot in an [`Env`](crate::Env).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberVar(pub(crate) usize);

/// Handle of a bool variable: its slot in an [`Env`](crate::Env).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BoolVar(pub(crate) usize);

/// Handle of a text variable: its slot in an [`Env`](crate::Env).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextVar(pub(crate) usize);

/// A variable handle of any type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Var {
    /// A number variable.
    Number(NumberVar),
    /// A bool variable.
    Bool(BoolVar),
    /// A text variable.
    Text(TextVar),
}

impl From<NumberVar> for Var {
    fn from(v: NumberVar) -> Var {
        Var::Number(v)
    }
}

impl From<BoolVar> for Var {
    fn from(v: BoolVar) -> Var {
        Var::Bool(v)
    }
}

impl From<TextVar> for Var {
    fn from(v: TextVar) -> Var {
        Var::Text(v)
    }
}

impl Var {
    /// The variable's type.
    pub fn ty(self) -> Type {
        match self {
            Var::Number(_) => Type::Number,
            Var::Bool(_) => Type::Bool,
            Var::Text(_) => Type::Text,
        }
    }
}

/// One declared variable, as listed by [`Schema::vars`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct VarInfo {
    /// Dotted name, e.g. `payee.age_days`.
    pub name: String,
    /// Value type.
    #[serde(rename = "type")]
    pub ty: Type,
    /// What the variable means, for people writing rules.
    pub description: String,
    /// The handle to set it with.
    #[serde(skip)]
    pub var: Var,
}

/// Slot counts per type: what an [`Env`](crate::Env) must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    pub numbers: usize,
    pub bools: usize,
    pub texts: usize,
}

/// The variables a caller offers to rules.
///
/// Declare each once, keep the returned handle, and fill an [`Env`](crate::Env) per request.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    vars: Vec<VarInfo>,
    by_name: HashMap<String, usize>,
    layout: Layout,
}

impl Schema {
    /// An empty schema.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares a number variable.
    ///
    /// # Panics
    /// If `name` is already declared or is not a valid name (see [`Schema::bool`]).
    pub fn number(&mut self, name: &str, description: &str) -> NumberVar {
        let v = NumberVar(self.layout.numbers);
        self.declare(name, description, Var::Number(v));
        self.layout.numbers += 1;
        v
    }

    /// Declares a bool variable.
    ///
    /// # Panics
    /// If `name` is already declared or is not a valid name: one or more segments of
    /// `[A-Za-z_][A-Za-z0-9_]*` joined by `.`, none of them a keyword (`true`, `false`, `in`,
    /// `not`, `and`, `or`).
    pub fn bool(&mut self, name: &str, description: &str) -> BoolVar {
        let v = BoolVar(self.layout.bools);
        self.declare(name, description, Var::Bool(v));
        self.layout.bools += 1;
        v
    }

    /// Declares a text variable.
    ///
    /// # Panics
    /// If `name` is already declared or is not a valid name (see [`Schema::bool`]).
    pub fn text(&mut self, name: &str, description: &str) -> TextVar {
        let v = TextVar(self.layout.texts);
        self.declare(name, description, Var::Text(v));
        self.layout.texts += 1;
        v
    }

    fn declare(&mut self, name: &str, description: &str, var: Var) {
        assert!(valid_name(name), "fanzha-rules: invalid variable name {name:?}");
        assert!(!self.by_name.contains_key(name), "fanzha-rules: variable {name:?} declared twice");
        self.by_name.insert(name.to_owned(), self.vars.len());
        self.vars.push(VarInfo { name: name.to_owned(), ty: var.ty(), description: description.to_owned(), var });
    }

    /// The variable named `name`, if declared.
    pub fn get(&self, name: &str) -> Option<&VarInfo> {
        self.by_name.get(name).map(|&i| &self.vars[i])
    }

    /// All variables in declaration order.
    pub fn vars(&self) -> &[VarInfo] {
        &self.vars
    }

    pub(crate) fn layout(&self) -> Layout {
        self.layout
    }

    /// The declared name closest to `name` by edit distance, if close enough to be a typo.
    pub(crate) fn suggest(&self, name: &str) -> Option<&str> {
        closest(name, self.vars.iter().map(|v| v.name.as_str()))
    }
}

const KEYWORDS: [&str; 6] = ["true", "false", "in", "not", "and", "or"];

pub(crate) fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|seg| {
            let mut chars = seg.chars();
            matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !is_keyword(seg)
        })
}

/// The candidate closest to `name` by edit distance, if at most a third of its length away
/// (and at least 1, at most 3 edits).
pub(crate) fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).clamp(1, 3);
    candidates.map(|c| (edit_distance(name, c), c)).filter(|&(d, _)| d <= limit).min_by_key(|&(d, _)| d).map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_and_suggestions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        let mut s = Schema::new();
        s.number("payee.age_days", "");
        s.number("amount_fen", "");
        assert_eq!(s.suggest("payee.age_day"), Some("payee.age_days"));
        assert_eq!(s.suggest("amount"), None);
    }

    #[test]
    fn names_are_validated() {
        assert!(valid_name("payee.fan_in_24h"));
        assert!(valid_name("_x"));
        assert!(!valid_name("payee..x"));
        assert!(!valid_name("payee.24h"));
        assert!(!valid_name("in"));
        assert!(!valid_name(""));
    }

    #[test]
    #[should_panic(expected = "declared twice")]
    fn duplicate_names_panic() {
        let mut s = Schema::new();
        s.number("x", "");
        s.bool("x", "");
    }
}
