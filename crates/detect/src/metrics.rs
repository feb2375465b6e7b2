//! Scoring a detector against labels: precision, recall and F1 of the positive class at a
//! decision, and the area under the precision-recall curve (average precision) of the scores.

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

/// The score threshold (flag when `score >= threshold`) with the highest F1 on these labels; the
/// midpoint to the next lower score, so that it generalises a little.
pub fn best_f1_threshold(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    let order = ranked(scores);
    let (mut tp, mut best, mut best_f1) = (0usize, 0.5, -1.0);
    let mut i = 0;
    while i < order.len() {
        let s = scores[order[i]];
        while i < order.len() && scores[order[i]] == s {
            tp += usize::from(labels[order[i]]);
            i += 1;
        }
        let f1 = 2.0 * tp as f64 / (i + positives) as f64;
        if f1 > best_f1 {
            best_f1 = f1;
            let next = order.get(i).map_or(0.0, |&j| scores[j]);
            best = (s + next) / 2.0;
        }
    }
    best
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
    fn threshold_separates_classes() {
        let t = best_f1_threshold(&[0.9, 0.8, 0.3, 0.2], &[true, true, false, false]);
        assert!(t > 0.3 && t < 0.8, "{t}");
    }
}
