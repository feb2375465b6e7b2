//! Rule sets: TOML files of rules, validated and compiled together, with a content version.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::compile::Condition;
use crate::env::{Env, Value};
use crate::error::{LoadError, LoadErrors};
use crate::schema::{closest, Layout, Schema, Var};
use crate::template::{Lang, Template};

/// What a rule asks for when it hits. A check with no hits passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Let the transfer through but warn the payer.
    Warn,
    /// Hold the transfer for review or a cooling-off period.
    Hold,
    /// Refuse the transfer.
    Block,
}

impl Verdict {
    /// `warn`, `hold` or `block`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Warn => "warn",
            Verdict::Hold => "hold",
            Verdict::Block => "block",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Verdict::Warn, Verdict::Hold, Verdict::Block].into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    id: String,
    file: String,
    when: Condition,
    verdict: Verdict,
    weight: f64,
    typology: Option<String>,
    reason_zh: Template,
    reason_en: Template,
    enabled: bool,
}

impl Rule {
    /// Unique id, `[a-z0-9_]+`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The file the rule came from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The compiled `when` condition.
    pub fn when(&self) -> &Condition {
        &self.when
    }

    /// The verdict on a hit.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// Weight in `0..=1`.
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// The fraud typology id, if given.
    pub fn typology(&self) -> Option<&str> {
        self.typology.as_deref()
    }

    /// Whether [`RuleSet::evaluate`] considers the rule.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The reasons rendered with `env`'s values: `(Chinese, English)`.
    pub fn reason(&self, env: &Env) -> (String, String) {
        (self.reason_zh.render(env, Lang::Zh), self.reason_en.render(env, Lang::En))
    }

    /// The variables `when` reads, in order of first use, with their values in `env`.
    pub fn evidence<'a>(&'a self, env: &'a Env) -> Vec<(&'a str, Value<'a>)> {
        self.when.vars().map(|(name, var)| (name, env.get(var))).collect()
    }
}

/// A validated, compiled set of rules.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    version: String,
    layout: Layout,
    /// Every variable an enabled rule reads, in its condition or its reasons.
    read: HashSet<Var>,
}

/// One rule file's name and text.
struct Source {
    name: String,
    text: String,
}

impl RuleSet {
    /// Loads a rule file, or every `*.toml` file of a directory in name order (names
    /// starting with `.` are skipped), and validates and compiles all rules.
    ///
    /// Every problem of every file is reported, not just the first.
    pub fn load(path: impl AsRef<Path>, schema: &Schema) -> Result<Self, LoadErrors> {
        let path = path.as_ref();
        let files = rule_files(path).map_err(|e| {
            LoadErrors(vec![LoadError { file: path.display().to_string(), rule: None, field: None, message: e }])
        })?;
        let mut sources = Vec::with_capacity(files.len());
        let mut errors = Vec::new();
        for file in files {
            let name = file.display().to_string();
            match std::fs::read_to_string(&file) {
                Ok(text) => sources.push(Source { name, text }),
                Err(e) => {
                    errors.push(LoadError { file: name, rule: None, field: None, message: format!("cannot read: {e}") })
                }
            }
        }
        build(&sources, schema, errors)
    }

    /// Compiles one file's text; `name` stands for the file in errors and the version hash.
    pub fn from_str(name: &str, text: &str, schema: &Schema) -> Result<Self, LoadErrors> {
        build(&[Source { name: name.to_owned(), text: text.to_owned() }], schema, Vec::new())
    }

    /// Identifies exactly this set: the declared version(s) and a hash of the files' names
    /// and contents, e.g. `2026.11.1+3fa2c1d0`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// All rules, enabled or not, in file and then file order; hit indices point here.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Whether an enabled rule reads `var`, in its condition or its reasons: a caller may leave a
    /// costly variable unset when none does.
    pub fn reads(&self, var: impl Into<Var>) -> bool {
        self.read.contains(&var.into())
    }

    /// Number of rules, enabled or not.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the set has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Clears `hits` and fills it with the indices (into [`RuleSet::rules`]) of the enabled
    /// rules whose `when` holds for `env`.
    ///
    /// # Panics
    /// If `env` was made from a smaller schema than the one the set was loaded with.
    pub fn evaluate(&self, env: &Env, hits: &mut Vec<usize>) {
        assert!(env.fits(self.layout), "fanzha-rules: Env was made from a different Schema than the rule set");
        hits.clear();
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.enabled && rule.when.eval_unchecked(env) {
                hits.push(i);
            }
        }
    }
}

/// The rule files at `path`: the file itself, or a directory's `*.toml` files by name.
pub(crate) fn rule_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| format!("cannot list directory: {e}"))? {
        let entry = entry.map_err(|e| format!("cannot list directory: {e}"))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".toml") && !name.starts_with('.') {
            files.push(entry.path());
        }
    }
    if files.is_empty() {
        return Err("no *.toml files in directory".to_owned());
    }
    files.sort();
    Ok(files)
}

const RULE_KEYS: [&str; 8] = ["id", "when", "verdict", "weight", "typology", "reason_zh", "reason_en", "enabled"];

/// Validates and compiles all sources, adding to `errors`; fails if any error was found.
fn build(sources: &[Source], schema: &Schema, mut errors: Vec<LoadError>) -> Result<RuleSet, LoadErrors> {
    let mut rules = Vec::new();
    let mut versions: Vec<String> = Vec::new();
    let mut first_seen: HashMap<String, (String, usize)> = HashMap::new();
    let mut hasher = Sha256::new();
    for src in sources {
        let base = Path::new(&src.name).file_name().map_or(src.name.clone(), |n| n.to_string_lossy().into_owned());
        hasher.update((base.len() as u64).to_le_bytes());
        hasher.update(base.as_bytes());
        hasher.update((src.text.len() as u64).to_le_bytes());
        hasher.update(src.text.as_bytes());

        let mut file = FileErrors { file: &src.name, errors: &mut errors };
        let table: toml::Table = match src.text.parse() {
            Ok(t) => t,
            Err(e) => {
                file.push(None, None, toml_error(&src.text, &e));
                continue;
            }
        };
        for key in table.keys().filter(|k| !matches!(k.as_str(), "version" | "rule")) {
            let hint = closest(key, ["version", "rule"].into_iter()).map(|s| format!(" (did you mean '{s}'?)"));
            file.push(None, Some(key), format!("unknown key{}", hint.unwrap_or_default()));
        }
        match table.get("version") {
            Some(toml::Value::String(v)) if !v.trim().is_empty() => {
                if !versions.contains(v) {
                    versions.push(v.clone());
                }
            }
            Some(toml::Value::String(_)) => file.push(None, Some("version"), "must not be empty".into()),
            Some(other) => file.push(None, Some("version"), format!("must be a string, found {}", other.type_str())),
            None => file.push(None, Some("version"), "required key is missing".into()),
        }
        let entries = match table.get("rule") {
            None => &[][..],
            Some(toml::Value::Array(a)) => a.as_slice(),
            Some(_) => {
                file.push(None, Some("rule"), "must be an array of tables: write each rule under [[rule]]".into());
                &[][..]
            }
        };
        for (n, entry) in entries.iter().enumerate() {
            let label = match entry.get("id") {
                Some(toml::Value::String(id)) => format!("'{id}'"),
                _ => format!("#{}", n + 1),
            };
            let Some(t) = entry.as_table() else {
                file.push(Some(&label), None, format!("must be a table, found {}", entry.type_str()));
                continue;
            };
            let compiled = rule(t, &label, schema, &mut file);
            if let Some(toml::Value::String(id)) = t.get("id") {
                match first_seen.get(id) {
                    Some((f, k)) => {
                        file.push(Some(&label), Some("id"), format!("duplicate id; first defined in {f} (rule #{k})"))
                    }
                    None => {
                        first_seen.insert(id.clone(), (src.name.clone(), n + 1));
                    }
                }
            }
            if let Some(rule) = compiled {
                rules.push(Rule { file: src.name.clone(), ..rule });
            }
        }
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    let hash = hasher.finalize();
    let short: String = hash[..4].iter().map(|b| format!("{b:02x}")).collect();
    let read = rules
        .iter()
        .filter(|r| r.enabled)
        .flat_map(|r| r.when.vars().map(|(_, v)| v).chain(r.reason_zh.vars()).chain(r.reason_en.vars()))
        .collect();
    Ok(RuleSet { rules, version: format!("{}+{short}", versions.join(",")), layout: schema.layout(), read })
}

/// Collects errors for one file.
struct FileErrors<'a> {
    file: &'a str,
    errors: &'a mut Vec<LoadError>,
}

impl FileErrors<'_> {
    fn push(&mut self, rule: Option<&str>, field: Option<&str>, message: String) {
        self.errors.push(LoadError {
            file: self.file.to_owned(),
            rule: rule.map(str::to_owned),
            field: field.map(str::to_owned),
            message,
        });
    }
}

/// Validates and compiles one `[[rule]]` table; `None` if it had errors (all reported).
fn rule(t: &toml::Table, label: &str, schema: &Schema, file: &mut FileErrors<'_>) -> Option<Rule> {
    let mut errs = Problems::default();
    for key in t.keys().filter(|k| !RULE_KEYS.contains(&k.as_str())) {
        let hint = closest(key, RULE_KEYS.into_iter()).map(|s| format!(" (did you mean '{s}'?)"));
        errs.add(key, format!("unknown key{}", hint.unwrap_or_default()));
    }
    let id = errs.string(t, "id", true);
    let when = errs.string(t, "when", true);
    let verdict = errs.string(t, "verdict", true);
    let typology = errs.string(t, "typology", false);
    let reason_zh = errs.string(t, "reason_zh", true);
    let reason_en = errs.string(t, "reason_en", true);

    if id.is_some_and(|id| !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')) {
        errs.add("id", "must match [a-z0-9_]+".into());
    }
    let when = when.and_then(|w| errs.ok("when", Condition::compile(w, schema)));
    let verdict = verdict.and_then(|v| {
        let parsed = Verdict::parse(v);
        if parsed.is_none() {
            let why = if v == "pass" { "; pass is not a verdict: a check passes when no rule hits" } else { "" };
            errs.add("verdict", format!("unknown verdict '{v}'; expected warn, hold or block{why}"));
        }
        parsed
    });
    let weight = match t.get("weight") {
        Some(toml::Value::Float(w)) => Some(*w),
        Some(toml::Value::Integer(w)) => Some(*w as f64),
        Some(other) => {
            errs.add("weight", format!("must be a number, found {}", other.type_str()));
            None
        }
        None => {
            errs.add("weight", "required key is missing".into());
            None
        }
    };
    if let Some(w) = weight.filter(|w| !(0.0..=1.0).contains(w)) {
        errs.add("weight", format!("{w} is out of range; must be between 0 and 1"));
    }
    let enabled = match t.get("enabled") {
        None => true,
        Some(toml::Value::Boolean(b)) => *b,
        Some(other) => {
            errs.add("enabled", format!("must be true or false, found {}", other.type_str()));
            true
        }
    };
    let reason_zh = reason_zh.and_then(|s| errs.ok("reason_zh", Template::parse(s, schema)));
    let reason_en = reason_en.and_then(|s| errs.ok("reason_en", Template::parse(s, schema)));
    if !errs.0.is_empty() {
        for (field, message) in errs.0 {
            file.push(Some(label), Some(&field), message);
        }
        return None;
    }
    Some(Rule {
        id: id?.to_owned(),
        file: String::new(),
        when: when?,
        verdict: verdict?,
        weight: weight?,
        typology: typology.map(str::to_owned),
        reason_zh: reason_zh?,
        reason_en: reason_en?,
        enabled,
    })
}

/// One rule's problems as `(field, message)`.
#[derive(Default)]
struct Problems(Vec<(String, String)>);

impl Problems {
    fn add(&mut self, field: &str, message: String) {
        self.0.push((field.to_owned(), message));
    }

    /// The value of `Ok`, or records the error.
    fn ok<T, E: fmt::Display>(&mut self, field: &str, r: Result<T, E>) -> Option<T> {
        r.map_err(|e| self.add(field, e.to_string())).ok()
    }

    /// A non-empty string field; records a problem if it has another type, is empty, or is
    /// missing while `required`.
    fn string<'t>(&mut self, t: &'t toml::Table, field: &str, required: bool) -> Option<&'t str> {
        match t.get(field) {
            Some(toml::Value::String(s)) if s.trim().is_empty() => self.add(field, "must not be empty".into()),
            Some(toml::Value::String(s)) => return Some(s),
            Some(other) => self.add(field, format!("must be a string, found {}", other.type_str())),
            None if required => self.add(field, "required key is missing".into()),
            None => {}
        }
        None
    }
}

/// A TOML syntax error as `line L, column C: message`.
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let Some(before) = e.span().and_then(|span| text.get(..span.start)) else {
        return format!("invalid TOML: {}", e.message().trim_end());
    };
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("invalid TOML at line {line}, column {column}: {}", e.message().trim_end())
}
