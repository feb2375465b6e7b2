//! Fuzzing the rule language with proptest: any text, from raw bytes to token soup near the
//! grammar and deep nesting, compiles or is refused with an error; nothing panics, and what
//! compiles evaluates under any values.

mod common;

use common::schema;
use fanzha_rules::{Condition, Env, RuleSet};
use proptest::prelude::*;

/// Pieces of the language, so that generated text gets past the lexer often.
const TOKENS: [&str; 34] = [
    "amount_fen",
    "payee.age_days",
    "memo",
    "channel",
    "payee.flagged_mule",
    "x",
    "y",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "<",
    "<=",
    "==",
    "!=",
    ">",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "contains(",
    "starts_with(",
    ",",
    "\"安全账户\"",
    "'atm'",
    "1_000",
    "0.5",
    "-3",
    "true",
    "false",
    "missing(",
    " ",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&TOKENS[..]), 0..60).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_compiles_or_is_refused(src in any::<String>()) {
        let (schema, _) = schema();
        let _ = Condition::compile(&src, &schema);
    }

    #[test]
    fn token_soup_compiles_or_is_refused_and_evaluates(src in soup(), x in any::<f64>(), mule in any::<bool>(), memo in ".{0,20}") {
        let (schema, v) = schema();
        if let Ok(c) = Condition::compile(&src, &schema) {
            let mut env = Env::new(&schema);
            env.set_number(v.x, x);
            env.set_number(v.amount, x * 100.0);
            env.set_bool(v.mule, mule);
            env.set_text(v.memo, &memo);
            let _ = c.eval(&env);
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow(depth in 1usize..20_000, op in prop::sample::select(&["(", "!", "-", "contains("][..])) {
        let (schema, _) = schema();
        let src = format!("{}x > 1", op.repeat(depth));
        let _ = Condition::compile(&src, &schema);
    }

    #[test]
    fn rule_files_load_or_are_refused(body in soup(), verdict in "(warn|hold|block|allow|)", weight in any::<f64>(), extra in "[a-z_ =\"\\[\\]\n]{0,40}") {
        let (schema, _) = schema();
        let text = format!(
            "version = \"1\"\n[[rule]]\nid = \"r\"\nwhen = '{}'\nverdict = \"{verdict}\"\nweight = {weight:?}\nreason_zh = \"z\"\nreason_en = \"e\"\n{extra}",
            body.replace('\'', "")
        );
        let _ = RuleSet::from_str("fuzz.toml", &text, &schema);
    }
}
