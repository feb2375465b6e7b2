//! Long texts in windows. A call transcript or a chat log of a thousand characters may give
//! itself away in one turn ("请下载腾讯会议，把屏幕共享给我") after minutes of small talk; scored
//! as a whole, that turn is washed out by everything around it. So a text longer than the
//! model's window is also scored in windows of that many normalized characters, overlapping by
//! half, and the verdict is the whole text's or one window's, whichever carries the most
//! evidence of a scam (the probability that it is not `none`). Training does the same (see
//! `train.rs`): ordinary texts' windows are ordinary, and a scam text teaches its typology
//! through the windows that carry it.

/// The windows `[start, end)` of a normalized text of `len` characters, `window` characters
/// long and starting every `window / 2` characters, the last one ending at the text's end;
/// none when the text fits in one window (or `window` is 0: whole texts only).
pub(crate) fn windows(len: usize, window: usize) -> impl Iterator<Item = (usize, usize)> {
    let long = window > 0 && len > window;
    let stride = (window / 2).max(1);
    let starts = if long { (len - window).div_ceil(stride) + 1 } else { 0 };
    (0..starts).map(move |k| {
        let start = (k * stride).min(len - window);
        (start, start + window)
    })
}

/// The evidence of a scam in a probability vector: 1 − P(`none`) (`none` at index `none`; with
/// no `none` class, the top probability).
pub(crate) fn scam_evidence(p: &[f32], none: Option<usize>) -> f32 {
    match none {
        Some(z) => 1.0 - p[z],
        None => p.iter().copied().fold(0.0, f32::max),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_a_long_text_and_leave_a_short_one_whole() {
        assert_eq!(windows(96, 96).count(), 0);
        assert_eq!(windows(500, 0).count(), 0);
        assert_eq!(windows(97, 96).collect::<Vec<_>>(), vec![(0, 96), (1, 97)]);
        for window in [2, 3, 7, 96, 97] {
            let half = window / 2;
            for len in window + 1..window * 8 {
                let w: Vec<_> = windows(len, window).collect();
                assert_eq!(w[0].0, 0);
                assert_eq!(w.last().unwrap().1, len, "{window} {len}");
                assert!(w.iter().all(|&(a, b)| b - a == window && b <= len));
                // Every stretch of half a window lies inside some window.
                for s in 0..len - half {
                    assert!(w.iter().any(|&(a, b)| a <= s && s + half <= b), "{window} {len} {s}");
                }
                assert!(w.windows(2).all(|p| p[0].0 < p[1].0), "{window} {len}: no window twice");
            }
        }
    }
}
