//! Turning a row's text fields into model values, with reasons that name the field.

use crate::input::Row;
use fanzha_model::{Region, Ts};
use std::fmt::Display;

/// The text of a required field.
pub(crate) fn required<'r>(row: &'r dyn Row, col: usize, name: &str) -> Result<&'r str, String> {
    row.get(col).ok_or_else(|| format!("{name}: missing (required)"))
}

/// Prefixes an error with the field's name.
pub(crate) fn named<E: Display>(name: &'static str) -> impl Fn(E) -> String {
    move |e| format!("{name}: {e}")
}

/// Parses an optional field with `parse`.
pub(crate) fn optional<T, E: Display>(
    row: &dyn Row,
    col: usize,
    name: &'static str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, String> {
    row.get(col).map(parse).transpose().map_err(named(name))
}

/// A required RFC 3339 timestamp.
pub(crate) fn timestamp(row: &dyn Row, col: usize, name: &'static str) -> Result<Ts, String> {
    Ts::parse_rfc3339(required(row, col, name)?).map_err(named(name))
}

/// An optional region code.
pub(crate) fn region(row: &dyn Row, col: usize, name: &'static str) -> Result<Option<Region>, String> {
    optional(row, col, name, Region::parse)
}

/// A yes/no flag: `true`/`false`, `1`/`0`, `yes`/`no` (case-insensitive).
pub(crate) fn yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(format!("'{text}' is not one of: true, false, 1, 0, yes, no")),
    }
}

/// A text field no longer than `max` characters.
pub(crate) fn bounded<'t>(text: &'t str, max: usize, name: &str) -> Result<&'t str, String> {
    if text.chars().nth(max).is_some() {
        return Err(format!("{name}: longer than {max} characters"));
    }
    Ok(text)
}
