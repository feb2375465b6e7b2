//! Errors in expressions, templates and rule files.

use std::fmt;

/// An error in an expression or template, at a byte column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {}: {message}", self.column())]
pub struct ExprError {
    offset: usize,
    message: String,
}

impl ExprError {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> Self {
        ExprError { offset, message: message.into() }
    }

    /// 1-based byte column of the error in the expression or template text.
    pub fn column(&self) -> usize {
        self.offset + 1
    }

    /// The message without the column.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// One problem found while loading a rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or the name given to [`RuleSet::from_str`](crate::RuleSet::from_str)).
    pub file: String,
    /// The rule: `'id'` when it has a readable id, else `#n` (1-based position in its file).
    pub rule: Option<String>,
    /// The key, e.g. `when` or `reason_zh`.
    pub field: Option<String>,
    /// What is wrong, e.g. `column 12: unknown variable 'x'`.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(rule) = &self.rule {
            write!(f, ": rule {rule}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found while loading a rule set, in file and rule order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "{n} error{} in rule set", if n == 1 { "" } else { "s" })?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}
