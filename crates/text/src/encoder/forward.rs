//! The BERT forward pass of multilingual-e5-small (post-LayerNorm, exact GELU, no pooler) over one window of
//! tokens, in f32 with `matrixmultiply`'s sgemm; weights dequantised once at load (`docs/encoder-plan.md` §3).

use super::file::{block_scale, dequantize_block, Dims, WeightFile, Q4_BLOCK_BYTES};
use super::EncoderError;
use crate::model::softmax;

/// A dense layer `y = x·Wᵀ + b`, `W` row-major `[out, in]`.
struct Linear {
    w: Vec<f32>,
    b: Vec<f32>,
    inputs: usize,
    outputs: usize,
}

/// LayerNorm weight and bias.
struct Norm {
    w: Vec<f32>,
    b: Vec<f32>,
}

struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    ff_in: Linear,
    ff_out: Linear,
    out_norm: Norm,
}

/// All weights, ready to run.
pub struct Network {
    dims: Dims,
    eps: f32,
    /// The word table stays in Q4_0; one row is unpacked per token.
    words: Vec<u8>,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
}

impl Network {
    /// Takes the tensors out of the file.
    pub fn new(f: &WeightFile<'_>) -> Result<Network, EncoderError> {
        let Dims { hidden: h, layers, ff, vocab, max_positions, .. } = f.dims;
        let linear = |name: &str, outputs: usize, inputs: usize| -> Result<Linear, EncoderError> {
            Ok(Linear {
                w: f.f32s(&format!("{name}.w"), outputs * inputs)?,
                b: f.f32s(&format!("{name}.b"), outputs)?,
                inputs,
                outputs,
            })
        };
        let norm = |name: &str| -> Result<Norm, EncoderError> {
            Ok(Norm { w: f.f32s(&format!("{name}.w"), h)?, b: f.f32s(&format!("{name}.b"), h)? })
        };
        let words = match f.tensor("emb.word", vocab * h)? {
            super::file::Tensor::Q4(bytes) => bytes.to_vec(),
            super::file::Tensor::F32(_) => return Err(EncoderError::Format("emb.word is not 4-bit".into())),
        };
        // Rows are unpacked per token later; check every scale now (without unpacking), so that cannot fail.
        for block in words.chunks_exact(Q4_BLOCK_BYTES) {
            block_scale(block)?;
        }
        let layers = (0..layers)
            .map(|l| {
                Ok(Layer {
                    q: linear(&format!("l{l}.q"), h, h)?,
                    k: linear(&format!("l{l}.k"), h, h)?,
                    v: linear(&format!("l{l}.v"), h, h)?,
                    attention_out: linear(&format!("l{l}.ao"), h, h)?,
                    attention_norm: norm(&format!("l{l}.aln"))?,
                    ff_in: linear(&format!("l{l}.fi"), ff, h)?,
                    ff_out: linear(&format!("l{l}.fo"), h, ff)?,
                    out_norm: norm(&format!("l{l}.oln"))?,
                })
            })
            .collect::<Result<_, EncoderError>>()?;
        Ok(Network {
            dims: f.dims,
            eps: f.eps,
            words,
            positions: f.f32s("emb.pos", max_positions * h)?,
            token_type: f.f32s("emb.type", 2 * h)?,
            embedding_norm: norm("emb.ln")?,
            layers,
        })
    }

    /// Longest window, begin and end marks included.
    pub fn max_tokens(&self) -> usize {
        self.dims.max_positions
    }

    /// Mean over the window's tokens of the last layer's states (not normalised). `ids` include the marks.
    pub fn mean_state(&self, ids: &[u32]) -> Vec<f32> {
        let h = self.dims.hidden;
        let n = ids.len();
        assert!(n > 0 && n <= self.max_tokens(), "window of {n} tokens");
        let mut x = vec![0.0f32; n * h];
        let row_blocks = h / 32;
        for (t, (&id, row)) in ids.iter().zip(x.chunks_exact_mut(h)).enumerate() {
            let id = (id as usize).min(self.dims.vocab - 1);
            let packed = &self.words[id * row_blocks * Q4_BLOCK_BYTES..(id + 1) * row_blocks * Q4_BLOCK_BYTES];
            for (block, dst) in packed.chunks_exact(Q4_BLOCK_BYTES).zip(row.chunks_exact_mut(32)) {
                dequantize_block(block, dst).expect("every scale is checked in Network::new");
            }
            for ((v, p), ty) in row.iter_mut().zip(&self.positions[t * h..(t + 1) * h]).zip(&self.token_type[..h]) {
                *v += p + ty;
            }
        }
        self.layer_norm(&mut x, &self.embedding_norm);
        let mut scratch = Scratch::new(n, h, self.dims.ff);
        for layer in &self.layers {
            self.layer(layer, &mut x, &mut scratch);
        }
        let mut mean = vec![0.0f32; h];
        for row in x.chunks_exact(h) {
            for (m, v) in mean.iter_mut().zip(row) {
                *m += v;
            }
        }
        mean.iter_mut().for_each(|m| *m /= n as f32);
        mean
    }

    fn layer(&self, l: &Layer, x: &mut [f32], s: &mut Scratch) {
        let h = self.dims.hidden;
        let n = x.len() / h;
        let heads = self.dims.heads;
        let dh = h / heads;
        l.q.apply(x, &mut s.q);
        l.k.apply(x, &mut s.k);
        l.v.apply(x, &mut s.v);
        let scale = 1.0 / (dh as f32).sqrt();
        for head in 0..heads {
            let o = head * dh;
            // scores = Q_h · K_hᵀ / √dh: Q_h is n×dh at row stride h; K_hᵀ is dh×n, read from K by strides.
            // SAFETY: q and k hold n×h values and o + dh ≤ h, so every read is in bounds; scores holds n×n.
            unsafe {
                matrixmultiply::sgemm(
                    n,
                    dh,
                    n,
                    scale,
                    s.q[o..].as_ptr(),
                    h as isize,
                    1,
                    s.k[o..].as_ptr(),
                    1,
                    h as isize,
                    0.0,
                    s.scores.as_mut_ptr(),
                    n as isize,
                    1,
                );
            }
            for row in s.scores.chunks_exact_mut(n) {
                softmax(row, 1.0);
            }
            // context_h = P · V_h, written into the head's columns of `context`.
            // SAFETY: scores is n×n; v and context hold n×h values and o + dh ≤ h.
            unsafe {
                matrixmultiply::sgemm(
                    n,
                    n,
                    dh,
                    1.0,
                    s.scores.as_ptr(),
                    n as isize,
                    1,
                    s.v[o..].as_ptr(),
                    h as isize,
                    1,
                    0.0,
                    s.context[o..].as_mut_ptr(),
                    h as isize,
                    1,
                );
            }
        }
        l.attention_out.apply(&s.context, &mut s.q);
        x.iter_mut().zip(&s.q).for_each(|(a, b)| *a += b);
        self.layer_norm(x, &l.attention_norm);
        l.ff_in.apply(x, &mut s.ff);
        s.ff.iter_mut().for_each(|z| *z = gelu(*z));
        l.ff_out.apply(&s.ff, &mut s.q);
        x.iter_mut().zip(&s.q).for_each(|(a, b)| *a += b);
        self.layer_norm(x, &l.out_norm);
    }

    fn layer_norm(&self, x: &mut [f32], norm: &Norm) {
        let h = self.dims.hidden;
        for row in x.chunks_exact_mut(h) {
            let mean = row.iter().sum::<f32>() / h as f32;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, w), b) in row.iter_mut().zip(&norm.w).zip(&norm.b) {
                *v = (*v - mean) * inv * w + b;
            }
        }
    }
}

impl Linear {
    /// `out[..n·outputs] = x·Wᵀ + b` for the `n = x.len() / inputs` rows of `x`.
    fn apply(&self, x: &[f32], out: &mut [f32]) {
        let n = x.len() / self.inputs;
        let out = &mut out[..n * self.outputs];
        for row in out.chunks_exact_mut(self.outputs) {
            row.copy_from_slice(&self.b);
        }
        // SAFETY: the pointers cover n×inputs, inputs×outputs (Wᵀ read through strides) and n×outputs values.
        unsafe {
            matrixmultiply::sgemm(
                n,
                self.inputs,
                self.outputs,
                1.0,
                x.as_ptr(),
                self.inputs as isize,
                1,
                self.w.as_ptr(),
                1,
                self.inputs as isize,
                1.0,
                out.as_mut_ptr(),
                self.outputs as isize,
                1,
            );
        }
    }
}

/// Per-window buffers.
struct Scratch {
    q: Vec<f32>,
    k: Vec<f32>,
    v: Vec<f32>,
    context: Vec<f32>,
    scores: Vec<f32>,
    ff: Vec<f32>,
}

impl Scratch {
    fn new(n: usize, h: usize, ff: usize) -> Scratch {
        Scratch {
            q: vec![0.0; n * h],
            k: vec![0.0; n * h],
            v: vec![0.0; n * h],
            context: vec![0.0; n * h],
            scores: vec![0.0; n * n],
            ff: vec![0.0; n * ff],
        }
    }
}

/// Exact GELU, `z/2 · (1 + erf(z/√2))` (not the tanh approximation).
fn gelu(z: f32) -> f32 {
    0.5 * z * (1.0 + erf(z * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf by Abramowitz and Stegun's 7.1.26: absolute error below 1.5e-7 in exact arithmetic (5e-7 in
/// f32), and one `exp`, where a library `erff` took three times as long (13 % of the encoder's time).
fn erf(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    (1.0 - poly * (-a * a).exp()).copysign(x)
}

#[cfg(test)]
mod tests {
    #[test]
    fn erf_is_within_five_ten_millionths() {
        // Reference values of erf (to 9 places).
        for (x, want) in [
            (0.0f32, 0.0f64),
            (0.1, 0.112_462_916),
            (0.5, 0.520_499_878),
            (1.0, 0.842_700_793),
            (2.0, 0.995_322_265),
            (-1.5, -0.966_105_146),
            (4.0, 0.999_999_985),
        ] {
            let got = f64::from(super::erf(x));
            assert!((got - want).abs() < 5e-7, "erf({x}) = {got}, not {want}");
        }
    }
}
