//! Probabilities and log-odds: the model adds its trees and contributions in log-odds, and the
//! thresholds and combined scores are placed on that scale.

/// The log-odds of a probability in (0, 1).
pub(crate) fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

/// The probability of log-odds `x`.
pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// `p` kept 1e-9 away from 0 and 1, so that its log-odds are finite.
pub(crate) fn inside(p: f64) -> f64 {
    p.clamp(1e-9, 1.0 - 1e-9)
}
