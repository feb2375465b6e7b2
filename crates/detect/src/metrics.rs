//! Scoring a detector against labels: precision, recall and F1 of the positive class at a
//! decision, and the area under the precision-recall curve (average precision) of the scores.

use crate::odds::{inside, logit, sigmoid};
use serde::Serialize;

/// Quality of a detector on labelled items.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quality {
    /// Items scored.
    pub items: usize,
    /// Labelled positive.
    pub positives: usize,
    /// Flagged.
    pub flagged: usize,
    /// Flagged and positive.
    pub true_positives: usize,
    /// Of the flagged, the share positive (1 when nothing is flagged).
    pub precision: f64,
    /// Of the positives, the share flagged.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Area under the precision-recall curve of the scores (average precision).
    pub pr_auc: f64,
}

/// Measures `flags` and `scores` against `labels` (all three aligned).
pub fn quality(scores: &[f64], flags: &[bool], labels: &[bool]) -> Quality {
    let positives = labels.iter().filter(|&&l| l).count();
    let flagged = flags.iter().filter(|&&f| f).count();
    let tp = flags.iter().zip(labels).filter(|(&f, &l)| f && l).count();
    let precision = if flagged == 0 { 1.0 } else { tp as f64 / flagged as f64 };
    let recall = if positives == 0 { 0.0 } else { tp as f64 / positives as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Quality {
        items: labels.len(),
        positives,
        flagged,
        true_positives: tp,
        precision,
        recall,
        f1,
        pr_auc: average_precision(scores, labels),
    }
}

/// Indices of `scores`, highest first (ties in input order).
fn ranked(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    order
}

/// Average precision: the mean over positives of the precision at each positive's rank, with
/// tied scores taken as one step (as scikit-learn's `average_precision_score`).
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let order = ranked(scores);
    let (mut tp, mut seen, mut ap, mut last_recall) = (0usize, 0usize, 0.0, 0.0);
    let mut i = 0;
    while i < order.len() {
        let s = scores[order[i]];
        while i < order.len() && scores[order[i]] == s {
            tp += usize::from(labels[order[i]]);
            seen += 1;
            i += 1;
        }
        let recall = tp as f64 / positives as f64;
        ap += (recall - last_recall) * (tp as f64 / seen as f64);
        last_recall = recall;
    }
    ap
}

/// How far below the best F1 a threshold may score and still count as near-best in
/// [`near_best_f1_threshold`].
pub const F1_SLACK: f64 = 0.01;

/// The score threshold (flag when `score >= threshold`) in the middle of the near-best ones. Every
/// threshold between two neighbouring distinct scores flags the same items; of those whose F1 is
/// within `slack` of the best, take the lowest and highest thresholds and return their midpoint in
/// log-odds, or, if F1 there is not near-best, the near-best threshold closest to it. F1 is often
/// flat near its best; its argmax then sits at an arbitrary end of the flat part, while the middle
/// keeps the widest margin on both sides for scores of new data that drift a little.
pub fn near_best_f1_threshold(scores: &[f64], labels: &[bool], slack: f64) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    let order = ranked(scores);
    // (lowest score flagged, highest score not flagged, F1) per distinct score level.
    let mut cuts: Vec<(f64, f64, f64)> = Vec::new();
    let (mut tp, mut i) = (0usize, 0);
    while i < order.len() {
        let s = scores[order[i]];
        while i < order.len() && scores[order[i]] == s {
            tp += usize::from(labels[order[i]]);
            i += 1;
        }
        let below = order.get(i).map_or(0.0, |&j| scores[j]);
        cuts.push((s, below, 2.0 * tp as f64 / (i + positives) as f64));
    }
    let Some(best) = cuts.iter().map(|c| c.2).max_by(f64::total_cmp) else { return 0.5 };
    let near: Vec<&(f64, f64, f64)> = cuts.iter().filter(|c| c.2 >= best - slack).collect();
    let logit = |p: f64| logit(inside(p));
    let high = near.iter().map(|c| c.0).fold(f64::MIN, f64::max);
    let low = near.iter().map(|c| c.1).fold(f64::MAX, f64::min);
    let middle = sigmoid((logit(low) + logit(high)) / 2.0);
    // The cut that flags exactly the scores at or above `middle`.
    let at_middle = cuts.iter().find(|c| c.1 < middle);
    if at_middle.is_some_and(|c| c.2 >= best - slack) {
        return middle;
    }
    let midpoint = |c: &&(f64, f64, f64)| (c.0 + c.1) / 2.0;
    near.iter()
        .min_by(|a, b| {
            (logit(midpoint(a)) - logit(middle)).abs().total_cmp(&(logit(midpoint(b)) - logit(middle)).abs())
        })
        .map_or(0.5, midpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_useless_rankings() {
        let labels = [true, true, false, false];
        assert_eq!(average_precision(&[0.9, 0.8, 0.2, 0.1], &labels), 1.0);
        assert!((average_precision(&[0.1, 0.2, 0.8, 0.9], &labels) - (0.5 * (1.0 / 3.0) + 0.5 * 0.5)).abs() < 1e-12);
        assert_eq!(average_precision(&[0.5; 4], &labels), 0.5);
    }

    #[test]
    fn quality_counts() {
        let q = quality(&[0.9, 0.6, 0.7, 0.1], &[true, false, true, false], &[true, true, false, false]);
        assert_eq!((q.flagged, q.true_positives, q.positives), (2, 1, 2));
        assert_eq!((q.precision, q.recall, q.f1), (0.5, 0.5, 0.5));
    }

    #[test]
    fn the_threshold_sits_in_the_middle_of_the_near_best_ones() {
        // Perfect separation anywhere in (0.2, 0.97]: the middle in log-odds, not the midpoint 0.585.
        let labels = [true, true, true, false, false, false];
        let t = near_best_f1_threshold(&[0.99, 0.98, 0.97, 0.2, 0.1, 0.05], &labels, F1_SLACK);
        assert!((logit(t) - (logit(0.2) + logit(0.97)) / 2.0).abs() < 1e-9, "{t}");
        // With no slack and one overlap, only the best cuts count.
        let t = near_best_f1_threshold(&[0.9, 0.8, 0.6, 0.7, 0.3, 0.2], &labels, 0.0);
        assert!(t > 0.3 && t <= 0.6, "{t}");
        // Whatever the curve, the answer flags a best set when no slack is allowed.
        let scores = [0.95, 0.9, 0.5, 0.45, 0.1, 0.05];
        let labels = [true, false, true, false, true, false];
        let t = near_best_f1_threshold(&scores, &labels, 0.0);
        let flags: Vec<bool> = scores.iter().map(|&s| s >= t).collect();
        let best = (1..=scores.len())
            .map(|n| quality(&scores, &(0..6).map(|i| i < n).collect::<Vec<_>>(), &labels).f1)
            .fold(0.0, f64::max);
        assert_eq!(quality(&scores, &flags, &labels).f1, best, "{t}");
    }
}
