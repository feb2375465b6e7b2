//! Rule-set files: loading, validation errors, versions, evaluation, reasons and evidence.

mod common;

use std::fs;

use common::schema;
use fanzha_rules::{Env, Lang, RuleSet, Schema, Template, Value, Verdict};

const GOOD: &str = r#"
version = "2026.11.1"

[[rule]]
id = "new_payee_large"
when = "payee.age_days < 7 && amount_fen >= 5_000_000"
verdict = "hold"
weight = 0.6
typology = "impersonate_police"
reason_zh = "收款账户开户仅{payee.age_days}天,却收到{amount_fen:yuan}元"
reason_en = "The payee's account is only {payee.age_days} days old and receives {amount_fen:yuan} yuan"

[[rule]]
id = "mule"
when = "payee.flagged_mule"
verdict = "block"
weight = 1
reason_zh = "收款账户是涉诈账户:{payee.flagged_mule}"
reason_en = "Payee flagged as a mule: {payee.flagged_mule}; pass-through {payee.pass_through:pct}"

[[rule]]
id = "scam_words"
when = 'contains_any(memo, ["安全账户", "保证金", "解冻", "刷单"])'
verdict = "warn"
weight = 0.3
reason_zh = "附言“{memo}”含诈骗话术"
reason_en = "Memo mentions {{scam}} words: {memo}"
enabled = false
"#;

fn errors(text: &str, schema: &Schema) -> Vec<String> {
    match RuleSet::from_str("rules.toml", text, schema) {
        Ok(_) => panic!("loaded"),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn loads_and_evaluates() {
    let (schema, v) = schema();
    let set = RuleSet::from_str("rules.toml", GOOD, &schema).unwrap();
    assert_eq!(set.len(), 3);
    assert!(!set.is_empty());
    assert!(set.version().starts_with("2026.11.1+"), "{}", set.version());
    assert_eq!(set.version().len(), "2026.11.1+".len() + 8);

    let r = &set.rules()[0];
    assert_eq!(
        (r.id(), r.verdict(), r.weight(), r.typology(), r.enabled()),
        ("new_payee_large", Verdict::Hold, 0.6, Some("impersonate_police"), true)
    );
    assert_eq!(r.file(), "rules.toml");
    assert_eq!(r.when().source(), "payee.age_days < 7 && amount_fen >= 5_000_000");
    assert_eq!(set.rules()[1].weight(), 1.0);
    assert_eq!(set.rules()[1].typology(), None);
    assert!(!set.rules()[2].enabled());

    let mut env = Env::new(&schema);
    let mut hits = vec![99];
    set.evaluate(&env, &mut hits);
    assert!(hits.is_empty());

    env.set_number(v.age_days, 3.0);
    env.set_number(v.amount, 5_000_000.0);
    env.set_bool(v.mule, true);
    env.set_number(v.pass_through, 0.834);
    env.set_text(v.memo, "请转到安全账户");
    set.evaluate(&env, &mut hits);
    assert_eq!(hits, [0, 1], "disabled rule 2 never hits");

    assert_eq!(
        set.rules()[0].reason(&env),
        (
            "收款账户开户仅3天,却收到50,000.00元".to_owned(),
            "The payee's account is only 3 days old and receives 50,000.00 yuan".to_owned()
        )
    );
    assert_eq!(
        set.rules()[1].reason(&env),
        ("收款账户是涉诈账户:是".to_owned(), "Payee flagged as a mule: yes; pass-through 83.4%".to_owned())
    );
    assert_eq!(set.rules()[2].reason(&env).1, "Memo mentions {scam} words: 请转到安全账户");

    let evidence = set.rules()[0].evidence(&env);
    assert_eq!(evidence, [("payee.age_days", Value::Number(3.0)), ("amount_fen", Value::Number(5_000_000.0))]);
    env.clear();
    let json = serde_json::to_string(&set.rules()[0].evidence(&env)).unwrap();
    assert_eq!(json, r#"[["payee.age_days",null],["amount_fen",null]]"#);
    let json = serde_json::to_string(&[Value::Bool(true), Value::Text("a"), Value::Number(1.5)]).unwrap();
    assert_eq!(json, r#"[true,"a",1.5]"#);
    assert_eq!(serde_json::to_string(&Verdict::Block).unwrap(), "\"block\"");
    assert_eq!(Verdict::Warn.to_string(), "warn");
    assert!(Verdict::Warn < Verdict::Hold && Verdict::Hold < Verdict::Block);
}

#[test]
fn templates() {
    let (schema, v) = schema();
    let mut env = Env::new(&schema);
    env.set_number(v.x, 2.5);
    env.set_number(v.amount, 123_456_789.0);
    env.set_number(v.pass_through, 0.83);
    env.set_text(v.memo, "hi");
    let render = |src: &str, lang| Template::parse(src, &schema).unwrap().render(&env, lang);
    assert_eq!(
        render("{x} {amount_fen} {amount_fen:yuan} {payee.pass_through:pct}", Lang::En),
        "2.5 123456789 1,234,567.89 83%"
    );
    assert_eq!(render("{payee.flagged_mule}/{payee.age_days}/{memo}", Lang::Zh), "否/未知/hi");
    assert_eq!(render("{payee.flagged_mule}/{payee.age_days}/{memo}", Lang::En), "no/unknown/hi");
    assert_eq!(render("{{literal}} 你好", Lang::En), "{literal} 你好");
    assert_eq!(render("", Lang::En), "");
    assert_eq!(Template::parse("a {x}", &schema).unwrap().source(), "a {x}");

    let err = |src: &str| Template::parse(src, &schema).unwrap_err().to_string();
    assert_eq!(err("金额{amount:yuan}"), "column 8: unknown variable 'amount'");
    assert_eq!(err("{payee.age_day}"), "column 2: unknown variable 'payee.age_day' (did you mean 'payee.age_days'?)");
    assert_eq!(err("{x:yaun}"), "column 4: unknown format 'yaun'; expected yuan or pct");
    assert_eq!(err("{memo:pct}"), "column 7: format 'pct' needs a number, but 'memo' is text");
    assert_eq!(err("a {x"), "column 3: unclosed '{'");
    assert_eq!(err("a } b"), "column 3: unmatched '}'; write '}}' for a literal brace");
    assert_eq!(err("{}"), "column 2: empty placeholder; expected {variable} or {variable:format}");
}

#[test]
fn all_errors_of_a_file_are_reported() {
    let (schema, _) = schema();
    let text = r#"
version = "1"
colour = "red"

[[rule]]
id = "a"
when = "payee.age_day < 7"
verdict = "deny"
weight = 1.5
reason_zh = "{amount}"
reason_en = "ok"
severity = "high"

[[rule]]
id = "a"
when = "x > 1"
verdict = "pass"
weight = 0.5
reason_zh = "好"
reason_en = "{x:yuan"

[[rule]]
when = "x >"
verdict = "warn"
weight = "heavy"
reason_zh = ""
enabled = "yes"

[[rule]]
id = "Bad-Id"
when = "x > 1"
verdict = "warn"
weight = 0.1
reason_zh = "好"
reason_en = "ok"

[[rule]]
id = "b"
when = "x > 1"
verdict = "warn"
weight = 0
reason_zh = "好"
reason_en = "ok"

[[rule]]
id = "b"
when = "x > 1"
verdict = "warn"
weight = 0
reason_zh = "好"
reason_en = "ok"
"#;
    assert_eq!(
        errors(text, &schema),
        [
            "rules.toml: colour: unknown key",
            "rules.toml: rule 'a': severity: unknown key",
            "rules.toml: rule 'a': when: column 1: unknown variable 'payee.age_day' (did you mean 'payee.age_days'?)",
            "rules.toml: rule 'a': verdict: unknown verdict 'deny'; expected warn, hold or block",
            "rules.toml: rule 'a': weight: 1.5 is out of range; must be between 0 and 1",
            "rules.toml: rule 'a': reason_zh: column 2: unknown variable 'amount'",
            "rules.toml: rule 'a': verdict: unknown verdict 'pass'; expected warn, hold or block; pass is not a verdict: a check passes when no rule hits",
            "rules.toml: rule 'a': reason_en: column 1: unclosed '{'",
            "rules.toml: rule 'a': id: duplicate id; first defined in rules.toml (rule #1)",
            "rules.toml: rule #3: id: required key is missing",
            "rules.toml: rule #3: reason_zh: must not be empty",
            "rules.toml: rule #3: reason_en: required key is missing",
            "rules.toml: rule #3: when: column 4: expected a value, found end of expression",
            "rules.toml: rule #3: weight: must be a number, found string",
            "rules.toml: rule #3: enabled: must be true or false, found string",
            "rules.toml: rule 'Bad-Id': id: must match [a-z0-9_]+",
            "rules.toml: rule 'b': id: duplicate id; first defined in rules.toml (rule #5)",
        ]
    );
}

#[test]
fn file_level_errors() {
    let (schema, _) = schema();
    assert_eq!(errors("[[rule]\n", &schema).len(), 1);
    assert!(errors("version = \n", &schema)[0].starts_with("rules.toml: invalid TOML at line 1, column"));
    assert_eq!(errors("[[rule]]\nid = \"a\"\n", &schema)[0], "rules.toml: version: required key is missing");
    assert_eq!(errors("version = 3\n", &schema), ["rules.toml: version: must be a string, found integer"]);
    assert_eq!(
        errors("versoin = \"1\"\nversion = \"1\"\n", &schema),
        ["rules.toml: versoin: unknown key (did you mean 'version'?)"]
    );
    assert_eq!(
        errors("version = \"1\"\n[rule]\nid = \"a\"\n", &schema),
        ["rules.toml: rule: must be an array of tables: write each rule under [[rule]]"]
    );
    let e = RuleSet::from_str("r.toml", "version = 3\nx = 1\n", &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        "2 errors in rule set\n  r.toml: x: unknown key\n  r.toml: version: must be a string, found integer"
    );
    // A file without rules is a valid, empty set.
    assert!(RuleSet::from_str("r.toml", "version = \"1\"\n", &schema).unwrap().is_empty());
}

#[test]
fn typo_in_rule_key_gets_a_suggestion() {
    let (schema, _) = schema();
    let text = "version = \"1\"\n[[rule]]\nid = \"a\"\nwhen = \"x > 1\"\nverdcit = \"warn\"\nweight = 0.5\nreason_zh = \"a\"\nreason_en = \"b\"\n";
    assert_eq!(
        errors(text, &schema),
        [
            "rules.toml: rule 'a': verdcit: unknown key (did you mean 'verdict'?)",
            "rules.toml: rule 'a': verdict: required key is missing"
        ]
    );
}

fn rule(id: &str, when: &str) -> String {
    format!("[[rule]]\nid = \"{id}\"\nwhen = \"{when}\"\nverdict = \"warn\"\nweight = 0.5\nreason_zh = \"好\"\nreason_en = \"ok\"\n")
}

#[test]
fn directory_loads_in_name_order_and_collects_errors_across_files() {
    let (schema, v) = schema();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b.toml"), format!("version = \"2\"\n{}", rule("second", "x > 1"))).unwrap();
    fs::write(dir.path().join("a.toml"), format!("version = \"1\"\n{}", rule("first", "x > 2"))).unwrap();
    fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    fs::write(dir.path().join(".hidden.toml"), "ignored = [").unwrap();
    let set = RuleSet::load(dir.path(), &schema).unwrap();
    let ids: Vec<&str> = set.rules().iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["first", "second"]);
    assert!(set.version().starts_with("1,2+"), "{}", set.version());
    assert!(set.rules()[0].file().ends_with("a.toml"));
    let mut env = Env::new(&schema);
    env.set_number(v.x, 1.5);
    let mut hits = Vec::new();
    set.evaluate(&env, &mut hits);
    assert_eq!(hits, [1]);

    // Errors from both files, and a duplicate id across files.
    fs::write(dir.path().join("a.toml"), format!("version = \"1\"\n{}", rule("first", "x >> 2"))).unwrap();
    fs::write(
        dir.path().join("b.toml"),
        format!("version = \"2\"\nbogus = 1\n{}{}", rule("second", "x > 1"), rule("first", "x > 1")),
    )
    .unwrap();
    let errs: Vec<String> = RuleSet::load(dir.path(), &schema).unwrap_err().0.iter().map(ToString::to_string).collect();
    let a = dir.path().join("a.toml").display().to_string();
    let b = dir.path().join("b.toml").display().to_string();
    assert_eq!(
        errs,
        [
            format!("{a}: rule 'first': when: column 4: expected a value, found '>'"),
            format!("{b}: bogus: unknown key"),
            format!("{b}: rule 'first': id: duplicate id; first defined in {a} (rule #1)"),
        ]
    );

    fs::write(dir.path().join("a.toml"), format!("version = \"1\"\n{}", rule("first", "x > 2"))).unwrap();
    let errs = RuleSet::load(dir.path(), &schema).unwrap_err();
    assert_eq!(errs.0.len(), 2);
    assert_eq!(errs.0[1].to_string(), format!("{b}: rule 'first': id: duplicate id; first defined in {a} (rule #1)"));
    assert_eq!(errs.0[1].rule.as_deref(), Some("'first'"));
    assert_eq!(errs.0[1].field.as_deref(), Some("id"));
}

#[test]
fn missing_paths_and_empty_directories() {
    let (schema, _) = schema();
    let dir = tempfile::tempdir().unwrap();
    let e = RuleSet::load(dir.path(), &schema).unwrap_err();
    assert_eq!(e.0[0].message, "no *.toml files in directory");
    let e = RuleSet::load(dir.path().join("nope.toml"), &schema).unwrap_err();
    assert!(e.0[0].message.starts_with("cannot read:"), "{}", e.0[0].message);
}

#[test]
fn version_changes_with_any_edit() {
    let (schema, _) = schema();
    let v = |text: &str| RuleSet::from_str("r.toml", text, &schema).unwrap().version().to_owned();
    let base = format!("version = \"7\"\n{}", rule("a", "x > 1"));
    assert_eq!(v(&base), v(&base));
    assert_ne!(v(&base), v(&base.replace("x > 1", "x > 2")));
    assert_ne!(v(&base), v(&format!("{base}\n# comment\n")));
    assert!(v(&base).starts_with("7+"));
    // Same text under another name is another set.
    let other = RuleSet::from_str("s.toml", &base, &schema).unwrap();
    assert_ne!(other.version(), v(&base));
}

#[test]
fn knows_which_variables_its_enabled_rules_read() {
    let (schema, v) = schema();
    let set = RuleSet::from_str("rules.toml", GOOD, &schema).unwrap();
    // Conditions and reasons of enabled rules.
    assert!(set.reads(v.age_days) && set.reads(v.amount) && set.reads(v.mule));
    assert!(set.reads(v.pass_through), "read only by a reason");
    // Only the disabled rule reads the memo; nothing reads the fan-in.
    assert!(!set.reads(v.memo));
    assert!(!set.reads(v.fan_in));
}
