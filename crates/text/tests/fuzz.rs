//! Fuzzing the text classifier with proptest: any text (control characters, mixed scripts, long
//! runs, emoji) is analyzed or refused with an error; nothing panics, and an answer's probabilities
//! and cue positions stay within bounds.

use fanzha_text::Classifier;
use proptest::prelude::*;
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::shipped().expect("the shipped model loads"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_analyzed_or_refused(text in any::<String>()) {
        if let Ok(a) = classifier().analyze(&text) {
            prop_assert!((0.0..=1.0).contains(&a.probability), "{}", a.probability);
            for c in &a.cues {
                prop_assert!(c.start <= c.end && c.end <= text.chars().count(), "{c:?}");
            }
        }
    }

    #[test]
    fn scam_words_in_noise(noise in "[\\PC]{0,200}", word in prop::sample::select(&["安全账户", "公安局", "刷单", "验证码", "退款", "贷款"][..]), times in 1usize..50) {
        let text = format!("{noise}{}{noise}", word.repeat(times));
        let _ = classifier().analyze(&text);
    }

    #[test]
    fn long_texts_at_the_limit(ch in any::<char>(), extra in 0usize..3) {
        let text: String = std::iter::repeat_n(ch, fanzha_text::MAX_CHARS - 1 + extra).collect();
        let _ = classifier().analyze(&text);
    }
}
