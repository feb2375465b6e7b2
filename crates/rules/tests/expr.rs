//! The expression language: operators, functions, missing values, precedence and errors.

mod common;

use common::{schema, Vars};
use fanzha_rules::{Condition, Env, Schema, Var, MAX_EXPR_BYTES};

struct Fixture {
    schema: Schema,
    env: Env,
    v: Vars,
}

impl Fixture {
    /// x = 3, y = -2, amount 5 000 000 fen, others missing/false/empty except as set below.
    fn new() -> Self {
        let (schema, v) = schema();
        let mut env = Env::new(&schema);
        env.set_number(v.x, 3.0);
        env.set_number(v.y, -2.0);
        env.set_number(v.amount, 5_000_000.0);
        env.set_bool(v.mule, true);
        env.set_text(v.memo, "对方说把钱转到安全账户才能解冻");
        env.set_text(v.channel, "atm");
        Fixture { schema, env, v }
    }

    fn eval(&self, src: &str) -> bool {
        Condition::compile(src, &self.schema).unwrap_or_else(|e| panic!("{src}: {e}")).eval(&self.env)
    }

    fn err(&self, src: &str) -> String {
        match Condition::compile(src, &self.schema) {
            Ok(_) => panic!("{src} compiled"),
            Err(e) => e.to_string(),
        }
    }
}

#[test]
fn comparisons() {
    let f = Fixture::new();
    for (src, want) in [
        ("x < 4", true),
        ("x < 3", false),
        ("x <= 3", true),
        ("x > 3", false),
        ("x >= 3", true),
        ("x == 3", true),
        ("x != 3", false),
        ("x != 4", true),
        ("amount_fen >= 5_000_000", true),
        ("amount_fen > 5_000_000", false),
        ("0.5 < 1", true),
        ("channel == \"atm\"", true),
        ("channel != \"atm\"", false),
        ("channel == memo", false),
        ("payee.flagged_mule == true", true),
        ("payee.flagged_mule != payee.listed_block", true),
        ("x < y", false),
        ("y < x", true),
    ] {
        assert_eq!(f.eval(src), want, "{src}");
    }
}

#[test]
fn logic_and_precedence() {
    let f = Fixture::new();
    for (src, want) in [
        ("true && false", false),
        ("true || false", true),
        ("!false", true),
        ("!!true", true),
        ("payee.flagged_mule", true),
        ("payee.listed_block || payer_phone.listed_block", false),
        ("true || false && false", true),
        ("(true || false) && false", false),
        ("!x < 5", false),
        ("!(x < 5) || x == 3", true),
        ("x + 1 * 2 == 5", true),
        ("(x + 1) * 2 == 8", true),
        ("x - 1 - 1 == 1", true),
        ("12 / 2 / 3 == 2", true),
        ("-x * 2 == -6", true),
        ("- -x == 3", true),
        ("7 % 4 == 3", true),
        ("x * 2 > 5 && y < 0 || false", true),
        ("payee.flagged_mule == !payee.listed_block", true),
    ] {
        assert_eq!(f.eval(src), want, "{src}");
    }
}

#[test]
fn in_and_not_in() {
    let f = Fixture::new();
    for (src, want) in [
        ("channel in [\"atm\", \"counter\"]", true),
        ("channel in [\"app\"]", false),
        ("channel not in [\"atm\", \"counter\"]", false),
        ("channel not in [\"app\",]", true),
        ("x in [1, 2, 3]", true),
        ("x in [-3, 4]", false),
        ("y in [-2]", true),
        ("x not in [1, 2]", true),
        ("x + 1 in [4]", true),
        ("!(x in [3])", false),
    ] {
        assert_eq!(f.eval(src), want, "{src}");
    }
}

#[test]
fn functions() {
    let f = Fixture::new();
    for (src, want) in [
        ("contains(memo, \"安全账户\")", true),
        ("contains(memo, \"保证金\")", false),
        ("contains(channel, channel)", true),
        ("contains_any(memo, [\"安全账户\", \"保证金\", \"解冻\", \"刷单\"])", true),
        ("contains_any(memo, [\"保证金\", \"刷单\"])", false),
        ("starts_with(memo, \"对方\")", true),
        ("starts_with(memo, \"安全\")", false),
        ("missing(payee.age_days)", true),
        ("known(payee.age_days)", false),
        ("missing(x)", false),
        ("known(x)", true),
        ("missing(x + payee.age_days)", true),
        ("min(x, y) == -2", true),
        ("max(x, y) == 3", true),
        ("abs(y) == 2", true),
        ("abs(min(x, y) * 2) == 4", true),
        ("known(min(x, payee.age_days))", false),
        ("missing(x / 0)", true),
        ("missing(x % 0)", true),
    ] {
        assert_eq!(f.eval(src), want, "{src}");
    }
}

#[test]
fn missing_values_never_compare() {
    let mut f = Fixture::new();
    // payee.age_days is missing.
    for (src, want) in [
        ("payee.age_days < 5", false),
        ("payee.age_days >= 5", false),
        ("payee.age_days == 5", false),
        ("payee.age_days != 5", false),
        ("payee.age_days + 1 > 0", false),
        ("!(payee.age_days < 5)", true),
        ("payee.age_days in [1, 2]", false),
        ("payee.age_days not in [1, 2]", false),
        ("abs(payee.age_days) >= 0", false),
        ("max(payee.age_days, 1) >= 1", false),
    ] {
        assert_eq!(f.eval(src), want, "{src}");
    }
    f.env.set_opt_number(f.v.age_days, Some(3.0));
    assert!(f.eval("payee.age_days < 5"));
    f.env.set_opt_number(f.v.age_days, None);
    assert!(f.eval("missing(payee.age_days)"));
}

#[test]
fn env_clear_resets_and_reuses() {
    let mut f = Fixture::new();
    f.env.clear();
    assert!(f.eval("missing(x) && !payee.flagged_mule && memo == \"\""));
    f.env.set_text(f.v.memo, "刷单");
    assert_eq!(f.env.text(f.v.memo), "刷单");
    assert!(f.eval("contains_any(memo, [\"刷单\"])"));
    let name = f.schema.get("payee.name").map(|i| i.var);
    assert_eq!(name, Some(Var::Text(f.v.name)));
}

#[test]
fn type_errors() {
    let f = Fixture::new();
    for (src, want) in [
        ("amount_fen > 1 && payee.age_day < 7", "column 19: unknown variable 'payee.age_day' (did you mean 'payee.age_days'?)"),
        ("nobody > 1", "column 1: unknown variable 'nobody'"),
        ("x + 1 && true", "column 7: '&&' needs bool operands, found number"),
        ("true && memo", "column 6: '&&' needs bool operands, found text"),
        ("true || x", "column 6: '||' needs bool operands, found number"),
        ("!x", "column 1: '!' needs a bool operand, found number"),
        ("-memo == 1", "column 1: '-' needs a number operand, found text"),
        ("memo < 5", "column 6: '<' needs number operands, found text"),
        ("x == memo", "column 3: '==' needs operands of the same type, found number and text"),
        ("x + true > 1", "column 3: '+' needs number operands, found bool"),
        ("x + 1", "column 1: condition must be bool, found number"),
        ("memo", "column 1: condition must be bool, found text"),
        ("memo in [1, 2]", "column 6: 'in' compares a text with a list of numbers"),
        ("x not in [\"a\"]", "column 3: 'not in' compares a number with a list of text"),
        ("x in [1, \"a\"]", "column 10: a list must hold only numbers or only text"),
        ("x in [y]", "column 7: list elements must be number or text literals"),
        ("x in []", "column 6: empty list"),
        ("x in 5", "column 6: 'in' needs a list literal, e.g. [\"atm\", \"counter\"]"),
        ("[1] == x", "column 1: a list is only allowed after 'in' or as an argument of contains_any"),
        ("contain(memo, \"a\")", "column 1: unknown function 'contain' (did you mean 'contains'?)"),
        ("frobnicate(x)", "column 1: unknown function 'frobnicate'; the functions are contains, contains_any, starts_with, missing, known, min, max, abs"),
        ("contains(memo)", "column 1: contains() takes 2 arguments, found 1"),
        ("abs(x, y) > 1", "column 1: abs() takes 1 argument, found 2"),
        ("contains(x, \"a\")", "column 10: contains() argument 1 must be text, found number"),
        ("contains(memo, \"\")", "column 16: contains() with empty text is always true"),
        ("min(x, memo) > 1", "column 8: min() argument 2 must be a number, found text"),
        ("missing(memo)", "column 9: missing() argument 1 must be a number, found text"),
        ("contains_any(memo, \"a\")", "column 20: contains_any() argument 2 must be a list of text, e.g. [\"a\", \"b\"]"),
        ("contains_any(memo, [1])", "column 20: contains_any() argument 2 must be a list of text, e.g. [\"a\", \"b\"]"),
        ("contains_any(memo, [\"a\", \"\"])", "column 20: contains_any() with empty text is always true"),
        ("contains > 1", "column 1: 'contains' is a function; call it as contains(...)"),
    ] {
        assert_eq!(f.err(src), want, "{src}");
    }
}

#[test]
fn syntax_errors_have_columns() {
    let f = Fixture::new();
    for (src, want) in [
        ("min(amount_fen, 1 > 0", "column 22: expected ',' or ')'"),
        ("(x > 1 && y < 0 && x", "column 21: expected ')'"),
        ("x = 1", "column 3: '=' is not an operator; use '==' to compare"),
        ("x < 1 < 2", "column 7: comparisons cannot be chained; combine them with '&&'"),
        ("x > 1 and y < 2", "column 7: 'and' is not an operator; use '&&'"),
        ("memo == \"abc", "column 9: unterminated text: missing closing '\"'"),
    ] {
        assert_eq!(f.err(src), want, "{src}");
    }
}

#[test]
fn limits() {
    let f = Fixture::new();
    let long = format!("x > 1{}", " ".repeat(MAX_EXPR_BYTES));
    assert_eq!(f.err(&long), "column 4097: expression is 4101 bytes long; the limit is 4096");
    let deep = format!("{}true{}", "(".repeat(70), ")".repeat(70));
    assert!(f.err(&deep).ends_with("expression nested deeper than 64 levels; split it into simpler rules"));
    // Long &&-chains are flat, so they are fine; long arithmetic chains nest.
    let chain = vec!["x > 1"; 200].join(" && ");
    assert!(f.eval(&chain));
    let sum = format!("{} > 0", vec!["x"; 100].join(" + "));
    assert!(f.err(&sum).contains("nested deeper than 64 levels"));
}

#[test]
fn condition_lists_its_variables_once_in_order() {
    let f = Fixture::new();
    let c = Condition::compile(
        "payee.age_days < 7 && amount_fen > 1 || payee.age_days > 100 && payee.flagged_mule",
        &f.schema,
    )
    .unwrap();
    let names: Vec<&str> = c.vars().map(|(n, _)| n).collect();
    assert_eq!(names, ["payee.age_days", "amount_fen", "payee.flagged_mule"]);
    assert_eq!(c.source(), "payee.age_days < 7 && amount_fen > 1 || payee.age_days > 100 && payee.flagged_mule");
}

#[test]
#[should_panic(expected = "different Schema")]
fn env_of_another_schema_is_rejected() {
    let f = Fixture::new();
    let c = Condition::compile("x > 1", &f.schema).unwrap();
    c.eval(&Env::new(&Schema::new()));
}

#[test]
fn schema_lists_variables_for_serving() {
    let f = Fixture::new();
    let json = serde_json::to_value(&f.schema.vars()[..2]).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"name": "amount_fen", "type": "number", "description": "transfer amount in fen"},
            {"name": "payee.age_days", "type": "number", "description": "days since the payee's account was opened"},
        ])
    );
    assert_eq!(f.schema.vars().len(), 14);
    assert_eq!(f.schema.get("memo").map(|i| i.ty.as_str()), Some("text"));
    assert!(f.schema.get("nope").is_none());
}
