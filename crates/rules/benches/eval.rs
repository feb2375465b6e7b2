//! One evaluation of 8 realistic transfer-check rules: fanzha-rules against rhai.
//!
//! Both compile the rules once; each iteration evaluates all 8 against the same values
//! (rhai reads them from a `Scope`, with dots in names replaced by underscores).
//!
//! Run: `cargo bench -p fanzha-rules --bench eval -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use fanzha_rules::{Condition, Env, RuleSet, Schema};

/// `(id, fanzha-rules expression, rhai expression)`.
const RULES: [(&str, &str, &str); 8] = [
    (
        "new_payee_large",
        "payee.age_days < 7 && amount_fen >= 5_000_000",
        "payee_age_days < 7.0 && amount_fen >= 5000000.0",
    ),
    (
        "scam_words",
        r#"contains_any(memo, ["安全账户", "保证金", "解冻", "刷单"])"#,
        r#"memo.contains("安全账户") || memo.contains("保证金") || memo.contains("解冻") || memo.contains("刷单")"#,
    ),
    (
        "elderly_night",
        "payer.age >= 60 && payee.age_days < 30 && hour >= 0 && hour < 6",
        "payer_age >= 60.0 && payee_age_days < 30.0 && hour >= 0.0 && hour < 6.0",
    ),
    (
        "mule_flow",
        "payee.fan_in_24h >= 10 && payee.pass_through >= 0.8",
        "payee_fan_in_24h >= 10.0 && payee_pass_through >= 0.8",
    ),
    ("flagged_mule", "payee.flagged_mule", "payee_flagged_mule"),
    ("listed", "payee.listed_block || payer_phone.listed_block", "payee_listed_block || payer_phone_listed_block"),
    (
        "cash_channel",
        r#"channel in ["atm", "counter"] && amount_fen > 2_000_000"#,
        r#"channel in ["atm", "counter"] && amount_fen > 2000000.0"#,
    ),
    (
        "unusual_first_transfer",
        "payer.prior_transfers_to_payee == 0 && amount_fen >= max(payer.avg_amount_30d * 5, 1_000_000)",
        "payer_prior_transfers_to_payee == 0.0 && amount_fen >= max(payer_avg_amount_30d * 5.0, 1000000.0)",
    ),
];

/// A typical request: a new payee, a large amount, a harmless memo; 2 of the 8 rules hit.
const NUMBERS: [(&str, f64); 8] = [
    ("amount_fen", 5_000_000.0),
    ("payee.age_days", 3.0),
    ("payer.age", 45.0),
    ("hour", 14.0),
    ("payee.fan_in_24h", 2.0),
    ("payee.pass_through", 0.1),
    ("payer.prior_transfers_to_payee", 0.0),
    ("payer.avg_amount_30d", 300_000.0),
];
const BOOLS: [(&str, bool); 3] =
    [("payee.flagged_mule", false), ("payee.listed_block", false), ("payer_phone.listed_block", false)];
const TEXTS: [(&str, &str); 2] = [("memo", "十一月房租 水电费已含"), ("channel", "app")];

fn rule_file() -> String {
    let mut toml = String::from("version = \"bench\"\n");
    for (id, when, _) in RULES {
        toml.push_str(&format!(
            "[[rule]]\nid = \"{id}\"\nwhen = '{when}'\nverdict = \"warn\"\nweight = 0.5\nreason_zh = \"-\"\nreason_en = \"-\"\n"
        ));
    }
    toml
}

fn bench(c: &mut Criterion) {
    let mut schema = Schema::new();
    let mut env_setup = Vec::new();
    for (name, value) in NUMBERS {
        let v = schema.number(name, "");
        env_setup.push(Box::new(move |env: &mut Env| env.set_number(v, value)) as Box<dyn Fn(&mut Env)>);
    }
    for (name, value) in BOOLS {
        let v = schema.bool(name, "");
        env_setup.push(Box::new(move |env: &mut Env| env.set_bool(v, value)));
    }
    for (name, value) in TEXTS {
        let v = schema.text(name, "");
        env_setup.push(Box::new(move |env: &mut Env| env.set_text(v, value)));
    }
    let mut env = Env::new(&schema);
    env_setup.iter().for_each(|set| set(&mut env));
    let set = RuleSet::from_str("bench.toml", &rule_file(), &schema).expect("bench rules compile");
    let one = Condition::compile(RULES[0].1, &schema).expect("rule compiles");

    let engine = rhai::Engine::new();
    let asts: Vec<rhai::AST> =
        RULES.iter().map(|(_, _, src)| engine.compile_expression(src).expect("rhai compiles")).collect();
    let mut scope = rhai::Scope::new();
    let rhai_name = |name: &str| name.replace('.', "_");
    for (name, value) in NUMBERS {
        scope.push(rhai_name(name), value);
    }
    for (name, value) in BOOLS {
        scope.push(rhai_name(name), value);
    }
    for (name, value) in TEXTS {
        scope.push(rhai_name(name), value.to_owned());
    }

    // Both must agree before their speed is compared.
    let mut hits = Vec::new();
    set.evaluate(&env, &mut hits);
    let rhai_hits: Vec<usize> = asts
        .iter()
        .enumerate()
        .filter(|(_, ast)| engine.eval_ast_with_scope::<bool>(&mut scope, ast).expect("rhai evaluates"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(hits, rhai_hits);
    assert_eq!(hits, [0, 7]);

    let mut g = c.benchmark_group("8_rules");
    g.bench_function("fanzha-rules", |b| {
        b.iter(|| {
            set.evaluate(black_box(&env), &mut hits);
            hits.len()
        })
    });
    g.bench_function("rhai", |b| {
        b.iter(|| {
            let mut n = 0;
            for ast in &asts {
                n += usize::from(engine.eval_ast_with_scope::<bool>(&mut scope, ast).unwrap_or(false));
            }
            black_box(n)
        })
    });
    g.finish();
    c.bench_function("1_rule/fanzha-rules/new_payee_large", |b| b.iter(|| one.eval(black_box(&env))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
