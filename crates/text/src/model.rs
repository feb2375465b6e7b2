//! The classifier's model: multinomial logistic regression over hashed features, trained with
//! AdaGrad, calibrated by temperature scaling, stored in a small versioned binary file.
//!
//! File format (little-endian): magic `FZTXTMD1`, format version (u32, now 3), buckets (u32),
//! classes (u32), temperature (f32), weight scale (f32), window (u32, characters) and length
//! power (f32) (version 3 only; a version 2 file is read as window 0, power 0: whole texts only,
//! every feature counting 1), each label as u16 length + UTF-8,
//! the biases (f32 per class), the vocabulary: count (u32) and each word as u16 length + UTF-8,
//! then the non-zero buckets: count (u32) and for each the bucket (u32) and one i16 per class
//! (weight = value × scale). Version 1 had no vocabulary (its words came from a jieba
//! segmentation at classification time); such a model must be retrained.

use thiserror::Error;

const MAGIC: &[u8; 8] = b"FZTXTMD1";
/// The model file format this build writes (it also reads version 2, which had no windows).
pub const MODEL_FORMAT_VERSION: u32 = 3;

/// A trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Class labels (typology ids), in weight order.
    pub labels: Vec<String>,
    /// Number of hash buckets.
    pub buckets: u32,
    /// Softmax temperature found by calibration.
    pub temperature: f32,
    /// Bias per class.
    pub bias: Vec<f32>,
    /// The vocabulary: the words (jieba segments of two or more characters of the training
    /// texts, digits as `0`) whose occurrences are features.
    pub words: Vec<String>,
    /// `buckets × classes` weights, bucket-major.
    pub weights: Vec<f32>,
    /// Long texts are also scored in windows of this many normalized characters, overlapping
    /// by half (0: whole texts only); see `windows.rs`.
    pub window: u32,
    /// Each present feature of a text with `n` distinct buckets counts `(n / 100)^-length_power`
    /// (0: every feature counts 1, as in version 2 files).
    pub length_power: f32,
}

/// A model file that cannot be read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// Not a fanzha text model.
    #[error("not a fanzha text model (bad magic)")]
    Magic,
    /// Written by another format version.
    #[error("model format version {0}; this fanzha reads versions 2 and {MODEL_FORMAT_VERSION} (retrain it with `fanzha text train`)")]
    Version(u32),
    /// Cut short or inconsistent.
    #[error("model file is damaged: {0}")]
    Damaged(&'static str),
}

impl Model {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.labels.len()
    }

    /// Calibrated class probabilities for a set of (deduplicated) buckets.
    pub fn probabilities(&self, buckets: &[u32]) -> Vec<f32> {
        let c = self.classes();
        let mut logits = self.bias.clone();
        let x = feature_value(buckets.len(), self.length_power);
        for &b in buckets {
            let w = &self.weights[b as usize * c..(b as usize + 1) * c];
            for (l, w) in logits.iter_mut().zip(w) {
                *l += x * w;
            }
        }
        softmax(&mut logits, self.temperature);
        logits
    }

    /// The weight of bucket `b` for class `k`.
    pub fn weight(&self, b: u32, k: usize) -> f32 {
        self.weights[b as usize * self.classes() + k]
    }

    /// The model file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = self.classes();
        let scale = quantization_scale(&self.weights);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&MODEL_FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.buckets.to_le_bytes());
        out.extend_from_slice(&(c as u32).to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.window.to_le_bytes());
        out.extend_from_slice(&self.length_power.to_le_bytes());
        for l in &self.labels {
            out.extend_from_slice(&(l.len() as u16).to_le_bytes());
            out.extend_from_slice(l.as_bytes());
        }
        for b in &self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.extend_from_slice(&(self.words.len() as u32).to_le_bytes());
        for w in &self.words {
            out.extend_from_slice(&(w.len() as u16).to_le_bytes());
            out.extend_from_slice(w.as_bytes());
        }
        let quantized: Vec<(u32, Vec<i16>)> = self
            .weights
            .chunks(c)
            .enumerate()
            .filter_map(|(b, w)| {
                let q: Vec<i16> = w.iter().map(|&x| quantize(x, scale)).collect();
                q.iter().any(|&v| v != 0).then_some((b as u32, q))
            })
            .collect();
        out.extend_from_slice(&(quantized.len() as u32).to_le_bytes());
        for (b, q) in quantized {
            out.extend_from_slice(&b.to_le_bytes());
            for v in q {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = r.u32()?;
        if version != MODEL_FORMAT_VERSION && version != 2 {
            return Err(ModelError::Version(version));
        }
        let buckets = r.u32()?;
        let c = r.u32()? as usize;
        let temperature = r.f32()?;
        let scale = r.f32()?;
        let (window, length_power) = if version >= 3 { (r.u32()?, r.f32()?) } else { (0, 0.0) };
        if !(0.0..=1.0).contains(&length_power) {
            return Err(ModelError::Damaged("length power"));
        }
        if c == 0 || buckets == 0 || buckets > 1 << 24 || !temperature.is_finite() || temperature <= 0.0 {
            return Err(ModelError::Damaged("header"));
        }
        let mut labels = Vec::with_capacity(c);
        for _ in 0..c {
            let len = r.u16()? as usize;
            labels.push(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| ModelError::Damaged("label"))?);
        }
        let bias = (0..c).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let n_words = r.u32()? as usize;
        let mut words = Vec::with_capacity(n_words.min(r.0.len() / 2));
        for _ in 0..n_words {
            let len = r.u16()? as usize;
            words.push(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| ModelError::Damaged("word"))?);
        }
        let mut weights = vec![0f32; buckets as usize * c];
        for _ in 0..r.u32()? {
            let b = r.u32()? as usize;
            if b >= buckets as usize {
                return Err(ModelError::Damaged("bucket"));
            }
            for k in 0..c {
                weights[b * c + k] = r.u16()? as i16 as f32 * scale;
            }
        }
        if !r.0.is_empty() {
            return Err(ModelError::Damaged("trailing bytes"));
        }
        Ok(Model { labels, buckets, temperature, bias, words, weights, window, length_power })
    }
}

/// The model's weights laid out for scoring: only the buckets with a non-zero weight, packed,
/// as the 16-bit integers of the model file (a shipped model uses about a third of its buckets:
/// with the bucket index this is a fifth of the memory of the dense `f32` matrix, and the cache
/// misses that scoring is made of shrink with it). Sums are exact integer sums, scaled once.
#[derive(Debug, Clone)]
pub(crate) struct Scorer {
    classes: usize,
    length_power: f32,
    temperature: f32,
    scale: f32,
    bias: Vec<f32>,
    /// Bucket -> row of `rows`, or `u32::MAX` for a bucket whose weights are all zero.
    row_of: Vec<u32>,
    rows: Vec<i16>,
}

impl Scorer {
    pub(crate) fn new(m: &Model) -> Scorer {
        let c = m.classes();
        let scale = quantization_scale(&m.weights);
        let mut row_of = vec![u32::MAX; m.buckets as usize];
        let mut rows = Vec::new();
        for (b, w) in m.weights.chunks_exact(c).enumerate() {
            let q = w.iter().map(|&x| quantize(x, scale));
            if q.clone().any(|v| v != 0) {
                row_of[b] = (rows.len() / c) as u32;
                rows.extend(q);
            }
        }
        Scorer {
            classes: c,
            length_power: m.length_power,
            temperature: m.temperature,
            scale,
            bias: m.bias.clone(),
            row_of,
            rows,
        }
    }

    /// The weight of bucket `b` for class `k`, as scored.
    pub(crate) fn weight(&self, b: u32, k: usize) -> f32 {
        match self.row_of[b as usize] {
            u32::MAX => 0.0,
            r => self.rows[r as usize * self.classes + k] as f32 * self.scale,
        }
    }

    /// Calibrated class probabilities for a set of (deduplicated) buckets, into `out`.
    pub(crate) fn probabilities_into(&self, buckets: &[u32], out: &mut Vec<f32>) {
        let c = self.classes;
        out.clear();
        out.extend_from_slice(&self.bias);
        let mut sum = [0i32; 32];
        let sum = if c <= 32 { &mut sum[..c] } else { &mut vec![0i32; c][..] };
        // At most 2^16 rows of 16-bit values fit in an i32 sum.
        for chunk in buckets.chunks(1 << 16) {
            sum.fill(0);
            for &b in chunk {
                let r = self.row_of[b as usize];
                if r != u32::MAX {
                    let w = &self.rows[r as usize * c..(r as usize + 1) * c];
                    for (s, &w) in sum.iter_mut().zip(w) {
                        *s += w as i32;
                    }
                }
            }
            let x = feature_value(buckets.len(), self.length_power);
            for (l, &s) in out.iter_mut().zip(sum.iter()) {
                *l += s as f32 * self.scale * x;
            }
        }
        softmax(out, self.temperature);
    }
}

/// The value of each present feature of a text with `n` distinct buckets.
/// `(n / 100)^-power`: 1 for a text of 100 distinct buckets (an SMS of about 40 characters), less
/// for longer ones, so that a long text's many weak features do not outvote a few strong ones.
pub(crate) fn feature_value(n: usize, power: f32) -> f32 {
    if power == 0.0 {
        return 1.0;
    }
    (n.max(1) as f32 / 100.0).powf(-power)
}

/// The scale of the 16-bit weights: the largest weight becomes `i16::MAX`.
fn quantization_scale(weights: &[f32]) -> f32 {
    weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9) / i16::MAX as f32
}

fn quantize(w: f32, scale: f32) -> i16 {
    (w / scale).round() as i16
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Damaged("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
}

/// In-place softmax of `logits / t`.
pub(crate) fn softmax(logits: &mut [f32], t: f32) {
    let max = logits.iter().fold(f32::MIN, |m, &l| m.max(l));
    let mut sum = 0.0;
    for l in logits.iter_mut() {
        *l = ((*l - max) / t).exp();
        sum += *l;
    }
    for l in logits.iter_mut() {
        *l /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_its_file_and_damage_is_refused() {
        let m = Model {
            labels: vec!["none".into(), "prize".into()],
            buckets: 4,
            temperature: 1.5,
            bias: vec![0.5, -0.5],
            words: vec!["刷单".into(), "安全账户".into()],
            weights: vec![0.0, 0.0, 1.0, -1.0, 0.25, 0.0, 0.0, 0.0],
            window: 96,
            length_power: 0.25,
        };
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.labels, m.labels);
        assert_eq!(back.words, m.words);
        assert_eq!((back.window, back.length_power), (96, 0.25));
        for (a, b) in back.weights.iter().zip(&m.weights) {
            assert!((a - b).abs() < 1e-4);
        }
        assert!(matches!(Model::from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Damaged(_))));
        let mut other = bytes.clone();
        other[8] = 1;
        let err = Model::from_bytes(&other).unwrap_err();
        assert!(matches!(err, ModelError::Version(1)));
        assert!(err.to_string().contains("retrain"), "{err}");
        assert!(matches!(Model::from_bytes(b"hello world, not a model"), Err(ModelError::Magic)));
        // A version 2 file (before windows: no window field) reads as whole texts only.
        let mut v2 = bytes[..28].to_vec();
        v2[8..12].copy_from_slice(&2u32.to_le_bytes());
        v2.extend_from_slice(&bytes[36..]);
        let old = Model::from_bytes(&v2).unwrap();
        assert_eq!((old.window, old.length_power), (0, 0.0));
        assert_eq!((old.labels, old.words), (m.labels.clone(), m.words.clone()));
    }
}
