//! The second stage's classifier: a multinomial logistic regression over the encoder's 384-dimensional
//! vector, trained in Rust on the same training split as the first stage, and the weight it gets when mixed
//! with the first stage's probabilities (`p = alpha · first + (1 − alpha) · head`). Stored as JSON beside the
//! linear model, tied to the weight file by its sha256.

use serde::{Deserialize, Serialize};

use super::{EncoderError, DIM, WEIGHTS_SHA256};
use crate::model::softmax;

/// The head fanzha ships, trained by `fanzha text train-head` (command in `docs/text.md`).
pub const DEFAULT_HEAD: &str = include_str!("../../model/encoder-head.json");

/// A trained head.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Head {
    /// The encoder weights it was trained on (their sha256).
    pub weights_sha256: String,
    /// What it was trained on, for the record.
    pub trained_on: String,
    /// Class labels (typology ids), in `coef` order.
    pub labels: Vec<String>,
    /// The first stage's weight in the mix; the head gets `1 − alpha`.
    pub alpha: f32,
    /// Only the first this-many characters of a text are embedded.
    pub max_chars: usize,
    /// One row of [`DIM`] weights per label.
    pub coef: Vec<Vec<f32>>,
    /// One intercept per label.
    pub intercept: Vec<f32>,
}

/// How a head is fitted.
#[derive(Debug, Clone)]
pub struct HeadOptions {
    /// Inverse L2 strength, as scikit-learn's `C` (the penalty is `|W|² / 2C` against the weighted sum of losses).
    pub c: f32,
    /// Full-batch Adam steps.
    pub steps: usize,
    /// Adam's step size.
    pub learning_rate: f32,
    /// First-stage weight stored in the head.
    pub alpha: f32,
    /// Characters embedded per text.
    pub max_chars: usize,
}

impl Default for HeadOptions {
    fn default() -> HeadOptions {
        HeadOptions { c: 100.0, steps: 3000, learning_rate: 0.01, alpha: 0.7, max_chars: 1500 }
    }
}

impl Head {
    /// Parses a head file and checks it fits the encoder fanzha reads.
    pub fn from_json(json: &str) -> Result<Head, EncoderError> {
        let h: Head = serde_json::from_str(json).map_err(|e| EncoderError::Format(format!("head file: {e}")))?;
        let ok = h.weights_sha256 == WEIGHTS_SHA256
            && h.labels.len() >= 2
            && h.coef.len() == h.labels.len()
            && h.intercept.len() == h.labels.len()
            && h.coef.iter().all(|r| r.len() == DIM)
            && (0.0..=1.0).contains(&h.alpha)
            && h.max_chars > 0;
        if !ok {
            return Err(EncoderError::Format(
                "head file does not fit the encoder (labels, shapes, alpha or weights)".into(),
            ));
        }
        Ok(h)
    }

    /// The part of `text` the encoder reads: its first `max_chars` characters.
    pub fn cut<'t>(&self, text: &'t str) -> &'t str {
        first_chars(text, self.max_chars)
    }

    /// Class probabilities of one embedding, in `labels` order.
    pub fn probabilities(&self, v: &[f32]) -> Vec<f32> {
        let mut z: Vec<f32> = self
            .coef
            .iter()
            .zip(&self.intercept)
            .map(|(w, b)| b + w.iter().zip(v).map(|(a, x)| a * x).sum::<f32>())
            .collect();
        softmax(&mut z, 1.0);
        z
    }

    /// Fits a class-balanced logistic regression to embeddings `x` with labels `y` (indices into `labels`).
    pub fn train(x: &[Vec<f32>], y: &[usize], labels: Vec<String>, trained_on: String, o: &HeadOptions) -> Head {
        let (n, k) = (x.len(), labels.len());
        let mut count = vec![0usize; k];
        y.iter().for_each(|&c| count[c] += 1);
        // Balanced: each class weighs n / k in total; normalised so the weights sum to n.
        let weight: Vec<f32> = y.iter().map(|&c| n as f32 / (k as f32 * count[c] as f32)).collect();
        let flat: Vec<f32> = x.iter().flatten().copied().collect();
        let lambda = 1.0 / (o.c * n as f32);
        let mut w = vec![0.0f32; k * DIM];
        let mut b = vec![0.0f32; k];
        let (mut mw, mut vw, mut mb, mut vb) = (vec![0.0; k * DIM], vec![0.0; k * DIM], vec![0.0; k], vec![0.0; k]);
        let mut z = vec![0.0f32; n * k];
        let mut gw = vec![0.0f32; k * DIM];
        let (beta1, beta2) = (0.9f32, 0.999f32);
        for step in 1..=o.steps {
            for row in z.chunks_exact_mut(k) {
                row.copy_from_slice(&b);
            }
            // SAFETY: flat is n×DIM, w is k×DIM read transposed, z is n×k.
            unsafe {
                matrixmultiply::sgemm(
                    n,
                    DIM,
                    k,
                    1.0,
                    flat.as_ptr(),
                    DIM as isize,
                    1,
                    w.as_ptr(),
                    1,
                    DIM as isize,
                    1.0,
                    z.as_mut_ptr(),
                    k as isize,
                    1,
                );
            }
            let mut gb = vec![0.0f32; k];
            for (i, row) in z.chunks_exact_mut(k).enumerate() {
                softmax(row, 1.0);
                row[y[i]] -= 1.0;
                for (g, r) in gb.iter_mut().zip(row.iter_mut()) {
                    *r *= weight[i] / n as f32;
                    *g += *r;
                }
            }
            // gw = zᵀ·flat + λ·w
            gw.copy_from_slice(&w);
            // SAFETY: z is n×k (read transposed as k×n), flat is n×DIM, gw is k×DIM.
            unsafe {
                matrixmultiply::sgemm(
                    k,
                    n,
                    DIM,
                    1.0,
                    z.as_ptr(),
                    1,
                    k as isize,
                    flat.as_ptr(),
                    DIM as isize,
                    1,
                    lambda,
                    gw.as_mut_ptr(),
                    DIM as isize,
                    1,
                );
            }
            let t = step as i32;
            let (c1, c2) = (1.0 - beta1.powi(t), 1.0 - beta2.powi(t));
            let adam = |p: &mut [f32], g: &[f32], m: &mut [f32], v: &mut [f32]| {
                for i in 0..p.len() {
                    m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
                    v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
                    p[i] -= o.learning_rate * (m[i] / c1) / ((v[i] / c2).sqrt() + 1e-8);
                }
            };
            adam(&mut w, &gw, &mut mw, &mut vw);
            adam(&mut b, &gb, &mut mb, &mut vb);
        }
        Head {
            weights_sha256: WEIGHTS_SHA256.to_string(),
            trained_on,
            labels,
            alpha: o.alpha,
            max_chars: o.max_chars,
            coef: w.chunks_exact(DIM).map(<[f32]>::to_vec).collect(),
            intercept: b,
        }
    }
}

/// The first `n` characters of `text` (all of it if shorter).
pub fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_keeps_whole_characters() {
        assert_eq!(first_chars("公安局ab", 3), "公安局");
        assert_eq!(first_chars("短", 1500), "短");
        assert_eq!(first_chars("", 3), "");
    }

    #[test]
    fn the_head_learns_separable_classes_and_round_trips_as_json() {
        let point = |axis: usize, jitter: f32| {
            let mut v = vec![jitter; DIM];
            v[axis] = 1.0;
            v
        };
        let x: Vec<Vec<f32>> = (0..30).map(|i| point(i % 3, (i as f32) * 1e-3)).collect();
        let y: Vec<usize> = (0..30).map(|i| i % 3).collect();
        let labels = vec!["none".to_string(), "police_gov".into(), "loan_credit".into()];
        let h = Head::train(&x, &y, labels, "toy".into(), &HeadOptions { steps: 300, ..HeadOptions::default() });
        for c in 0..3 {
            let p = h.probabilities(&point(c, 0.0));
            assert!(p[c] > 0.9, "class {c}: {p:?}");
        }
        let back = Head::from_json(&serde_json::to_string(&h).unwrap()).unwrap();
        assert_eq!(back.coef, h.coef);
        let mut wrong = h.clone();
        wrong.weights_sha256 = "0".repeat(64);
        assert!(Head::from_json(&serde_json::to_string(&wrong).unwrap()).is_err());
    }
}
