//! The shipped model on clear cases, disguises, long transcripts, bad input and explanations;
//! training is deterministic; the held-out and independent scores do not regress.

use fanzha_text::{
    disguise, evaluate, is_test, parse_examples, train, vocabulary, Classifier, Example, TextError, TrainOptions,
    EVASIONS,
};
use std::sync::OnceLock;

fn shipped() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::shipped().expect("the shipped model loads"))
}

fn read(file: &str) -> Vec<Example> {
    let path = format!("{}/../../data/text/{file}", env!("CARGO_MANIFEST_DIR"));
    parse_examples(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The team-written data the shipped model is trained on (its training split).
fn corpus() -> Vec<Example> {
    let mut all = read("corpus.jsonl");
    all.extend(read("dialogues.jsonl"));
    all.extend(read("messages.jsonl"));
    all
}

#[test]
fn clear_scams_get_their_typology_and_ordinary_messages_none() {
    let cases = [
        ("我是市公安局民警，你的账户涉嫌洗钱，请把资金转到安全账户配合资金清查，不要告诉家人", "police_gov"),
        ("兼职刷单，日结200元，先垫付后返佣，加微信领任务单", "brushing"),
        ("您好，我是京东金融客服，您大学期间开通的校园贷需要注销，否则影响征信", "credit_record"),
        ("【工商银行】您尾号1234的卡于11月20日支出人民币500.00元，余额3,200.00元。", "none"),
        ("您的验证码为382910，5分钟内有效，请勿泄露给他人。", "none"),
        ("妈，我到家了，晚上回来吃饺子", "none"),
    ];
    for (text, want) in cases {
        let a = shipped().analyze(text).unwrap();
        assert_eq!(a.typology, want, "{text}: {a:?}");
        assert!(a.probability > 0.5 && a.top.len() == 3 && a.top[0].typology == want);
        assert_eq!(a.cues.is_empty(), want == "none");
        assert_eq!(a.advice_zh.is_empty(), want == "none");
    }
}

#[test]
fn disguised_scams_are_still_caught_and_cues_point_at_what_the_user_wrote() {
    let text = "我是市公安局民警，你的账户涉嫌洗钱，请把资金转到安全账户配合资金清查";
    for kind in EVASIONS {
        let d = disguise(text, kind);
        let a = shipped().analyze(&d).unwrap();
        assert_eq!(a.typology, "police_gov", "{kind}: {d}");
        let chars: Vec<char> = d.chars().collect();
        for cue in &a.cues {
            assert_eq!(cue.text, chars[cue.start..cue.end].iter().collect::<String>());
        }
        assert!(a.cues.iter().any(|c| c.why.contains("安全账户")), "{kind}: {:?}", a.cues);
    }
    let a = shipped().analyze("请把钱转到 安*全*账*戶 里，加V信聯繫").unwrap();
    assert!(a.cues.iter().any(|c| c.text == "安*全*账*戶"), "{:?}", a.cues);
}

#[test]
fn empty_and_enormous_texts_are_refused_clearly() {
    assert!(matches!(shipped().analyze("   "), Err(TextError::Empty)));
    let long = "转账".repeat(fanzha_text::MAX_CHARS);
    let err = shipped().analyze(&long).unwrap_err();
    assert!(err.to_string().contains("at most 20000 are analyzed"), "{err}");
}

#[test]
fn training_is_deterministic_and_bad_data_names_its_line() {
    let small: Vec<Example> = corpus().into_iter().step_by(7).collect();
    let opts = TrainOptions { epochs: 3, ..TrainOptions::default() };
    assert_eq!(train(&small, &opts).unwrap().to_bytes(), train(&small, &opts).unwrap().to_bytes());
    let err =
        parse_examples("{\"text\":\"a\",\"label\":\"none\"}\n{\"text\":\"b\",\"label\":\"phishing\"}\n").unwrap_err();
    assert_eq!(err.to_string(), "line 2: label 'phishing' is not a typology id");
}

#[test]
fn the_shipped_model_scores_on_the_held_out_split_as_documented() {
    // Measured 2026-12-03 (docs/BENCHMARKS.md): 0.866 / 3.5 %, 0.811 / 14.3 %, 0.931 / 0 %.
    let floors = [("corpus.jsonl", 0.84, 0.045), ("dialogues.jsonl", 0.78, 0.16), ("messages.jsonl", 0.9, 0.02)];
    for (file, macro_f1, false_alarms) in floors {
        let test: Vec<Example> = read(file).into_iter().filter(|e| is_test(&e.text)).collect();
        let e = evaluate(shipped(), &test);
        assert!(e.macro_f1 >= macro_f1, "{file}: macro-F1 {}", e.macro_f1);
        assert!(e.false_alarm_rate <= false_alarms, "{file}: false alarms {}", e.false_alarm_rate);
    }
}

/// The shipped model on every text of `file` (none of which it trained on): macro-F1 at least
/// `macro_f1`, missed scams and false alarms at most `missed` and `false_alarms`.
fn holds_on_every_text_of(file: &str, macro_f1: f64, missed: f64, false_alarms: f64) {
    let e = evaluate(shipped(), &read(file));
    assert!(e.macro_f1 >= macro_f1, "{file}: macro-F1 {}", e.macro_f1);
    assert!(e.missed_scam_rate <= missed, "{file}: missed {}", e.missed_scam_rate);
    assert!(e.false_alarm_rate <= false_alarms, "{file}: false alarms {}", e.false_alarm_rate);
}

/// TeleAntiFraud's dialogues were written by others (generated with another model, for another
/// project) and the shipped model never trained on any of them.
#[test]
fn the_shipped_model_holds_on_independently_written_calls() {
    // Measured 2026-12-03 (docs/BENCHMARKS.md): macro-F1 0.860, missed 8.4 %, false alarms 1.6 %.
    holds_on_every_text_of("teleantifraud.jsonl", 0.8, 0.15, 0.025);
}

/// `scripts.jsonl` was written after the shipped model was trained (and is not in its training):
/// the four groups users meet most and their look-alikes, in every shape.
#[test]
fn the_shipped_model_holds_on_team_texts_written_after_it() {
    // Measured 2026-12-03 (docs/BENCHMARKS.md): macro-F1 0.885, missed 4.4 %, false alarms 6.4 %.
    holds_on_every_text_of("scripts.jsonl", 0.86, 0.06, 0.08);
}

/// `voices.jsonl` (2026-12-04) was written after the shipped model, in eight voices other than the
/// team's files (script-book calls, colloquial chat, two-sided speech recognition, notices and OCR,
/// plain speech to older people, the workplace, young people online, robocalls and hotlines).
#[test]
fn the_shipped_model_holds_on_texts_in_other_voices() {
    // Measured 2026-12-04 (docs/BENCHMARKS.md): macro-F1 0.916, missed 4.8 %, false alarms 2.3 %.
    holds_on_every_text_of("voices.jsonl", 0.89, 0.07, 0.04);
}

#[test]
fn a_scam_turn_buried_in_a_long_call_is_found_and_shown() {
    let small_talk =
        "喂您好请问是王女士吗\n我：是我，你哪位\n您好我这边是社区的，想跟您核对一下家里的情况，您家几口人住这儿呀\n\
        我：三口人，我和我爱人还有孩子\n好的好的，孩子上几年级了，平时放学谁接呀\n我：上三年级了，一般我婆婆接\n";
    let scam = "您的银行卡涉嫌洗钱，现在需要配合资金清查，请下载会议app打开屏幕共享，把资金转到安全账户，这件事要保密不要告诉家人";
    let text = format!("{}{scam}\n我：啊？这么严重\n{}", small_talk.repeat(4), small_talk.repeat(4));
    let a = shipped().analyze(&text).unwrap();
    assert_eq!(a.typology, "police_gov", "{a:?}");
    let passage = a.passage.expect("one window carried the verdict");
    let at = text[..text.find(scam).unwrap()].chars().count();
    assert!(passage.end - passage.start < 200, "{passage:?}");
    assert!(
        passage.start <= at + 20 && at < passage.end,
        "the passage covers the scam turn: {passage:?}, turn at {at}"
    );
    let chars: Vec<char> = text.chars().collect();
    assert!(!a.cues.is_empty());
    for cue in &a.cues {
        assert!(passage.start <= cue.start && cue.end <= passage.end, "{cue:?} in {passage:?}");
        assert_eq!(cue.text, chars[cue.start..cue.end].iter().collect::<String>());
    }
    // The same small talk alone is ordinary, however long.
    let a = shipped().analyze(&small_talk.repeat(20)).unwrap();
    assert_eq!(a.typology, "none", "{a:?}");
    assert!(a.cues.is_empty() && a.passage.is_none());
}

#[test]
fn odd_input_gets_a_sane_answer_or_a_clear_error() {
    let emoji_flood = "😀🔥💰".repeat(6_000);
    let control = "\0\u{1}\u{7f}转账\u{200b}\u{feff}";
    let mixed = "Привет! مرحبا 你好 こんにちは 안녕하세요 🙂 ¥500 →→→ ＡＢＣ";
    for text in [emoji_flood.as_str(), control, mixed, "a", "0000000000", "\n\n\n。\n"] {
        match shipped().analyze(text) {
            Ok(a) => assert!(a.probability.is_finite() && a.probability > 0.0, "{text:?}: {a:?}"),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }
    assert_eq!(shipped().analyze(&emoji_flood).unwrap().typology, "none");
    let at_limit = "好".repeat(fanzha_text::MAX_CHARS);
    assert!(shipped().analyze(&at_limit).is_ok());
    let megabyte = "x".repeat(1 << 20);
    assert!(matches!(shipped().analyze(&megabyte), Err(TextError::TooLong { chars }) if chars == 1 << 20));
}

#[test]
fn the_shipped_vocabulary_is_the_training_splits_jieba_words() {
    let train_split: Vec<Example> = corpus().into_iter().filter(|e| !is_test(&e.text)).collect();
    let words = vocabulary(&train_split);
    assert!(words.iter().all(|w| w.chars().count() >= 2) && words.windows(2).all(|w| w[0] < w[1]));
    assert!(words.iter().any(|w| w == "账户"));
    assert!(words.iter().all(|w| !w.contains(|c: char| c.is_ascii_digit() && c != '0')), "digits count as 0");
    assert_eq!(shipped().model().words, words, "retrain the shipped model (docs/text.md)");
}

#[test]
fn the_shipped_models_probabilities_are_calibrated_on_the_held_out_split() {
    let test: Vec<Example> = corpus().into_iter().filter(|e| is_test(&e.text)).collect();
    let labels = &shipped().model().labels;
    let (mut log_loss, mut bins) = (0f64, [(0f64, 0f64, 0usize); 10]);
    for e in &test {
        let p = shipped().probabilities(&e.text);
        let y = labels.iter().position(|l| *l == e.label).unwrap();
        log_loss -= (p[y].max(1e-9) as f64).ln() / test.len() as f64;
        let (best, &top) = p.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap();
        let bin = &mut bins[((top * 10.0) as usize).min(9)];
        bin.0 += top as f64;
        bin.1 += f64::from(u8::from(best == y));
        bin.2 += 1;
    }
    // Expected calibration error: confidence against accuracy, weighted by bin.
    let ece: f64 = bins.iter().map(|(conf, right, _)| (conf - right).abs() / test.len() as f64).sum();
    // Before the vocabulary replaced segmentation at classification time: 0.425 and 0.046; the
    // first windowed model: see docs/BENCHMARKS.md.
    assert!(log_loss < 0.45, "log-loss {log_loss}");
    assert!(ece < 0.06, "ECE {ece}");
}
