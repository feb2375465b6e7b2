//! Per-request variable values, and the value type shown in evidence.

use crate::schema::{BoolVar, Layout, NumberVar, Schema, TextVar, Var};

/// The values of a [`Schema`]'s variables for one request.
///
/// Reuse one `Env` across requests: [`Env::clear`] resets it without freeing the text
/// buffers, so setting text does not allocate once the buffers have grown.
/// Unset numbers are missing (NaN), unset bools are `false`, unset texts are empty.
#[derive(Debug, Clone)]
pub struct Env {
    pub(crate) numbers: Vec<f64>,
    pub(crate) bools: Vec<bool>,
    pub(crate) texts: Vec<String>,
}

impl Env {
    /// An environment with every variable of `schema` unset.
    pub fn new(schema: &Schema) -> Self {
        let Layout { numbers, bools, texts } = schema.layout();
        Env { numbers: vec![f64::NAN; numbers], bools: vec![false; bools], texts: vec![String::new(); texts] }
    }

    /// Resets every variable to unset, keeping the text buffers' capacity.
    pub fn clear(&mut self) {
        self.numbers.fill(f64::NAN);
        self.bools.fill(false);
        self.texts.iter_mut().for_each(String::clear);
    }

    /// Sets a number; `f64::NAN` means missing.
    pub fn set_number(&mut self, var: NumberVar, value: f64) {
        self.numbers[var.0] = value;
    }

    /// Sets a number, or marks it missing when `None`.
    pub fn set_opt_number(&mut self, var: NumberVar, value: Option<f64>) {
        self.numbers[var.0] = value.unwrap_or(f64::NAN);
    }

    /// Sets a bool.
    pub fn set_bool(&mut self, var: BoolVar, value: bool) {
        self.bools[var.0] = value;
    }

    /// Sets a text, reusing the slot's buffer.
    pub fn set_text(&mut self, var: TextVar, value: &str) {
        let slot = &mut self.texts[var.0];
        slot.clear();
        slot.push_str(value);
    }

    /// A number's current value (NaN when missing).
    pub fn number(&self, var: NumberVar) -> f64 {
        self.numbers[var.0]
    }

    /// A bool's current value.
    pub fn bool(&self, var: BoolVar) -> bool {
        self.bools[var.0]
    }

    /// A text's current value.
    pub fn text(&self, var: TextVar) -> &str {
        &self.texts[var.0]
    }

    /// Any variable's current value.
    pub fn get(&self, var: Var) -> Value<'_> {
        match var {
            Var::Number(v) => Value::Number(self.number(v)),
            Var::Bool(v) => Value::Bool(self.bool(v)),
            Var::Text(v) => Value::Text(self.text(v)),
        }
    }

    /// Whether this environment has a slot for every variable in `layout`.
    pub(crate) fn fits(&self, layout: Layout) -> bool {
        self.numbers.len() >= layout.numbers && self.bools.len() >= layout.bools && self.texts.len() >= layout.texts
    }
}

/// A variable's value, as shown in evidence. Serializes to a JSON number (`null` when
/// missing), bool or string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// A number; NaN when missing.
    Number(f64),
    /// A bool.
    Bool(bool),
    /// A text.
    Text(&'a str),
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Number(n) if n.is_finite() => s.serialize_f64(n),
            Value::Number(_) => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(b),
            Value::Text(t) => s.serialize_str(t),
        }
    }
}
