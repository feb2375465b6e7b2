//! The documented API is the served API: every request example in `/openapi.json` is sent to the
//! server, must get one of the statuses the document lists for it, and the answer must match the
//! schema documented for that status (types, required fields, enums, closed objects, RFC 3339
//! times). A bad request's answer must match the `Error` schema.

mod common;

use common::*;
use fanzha_model::Ts;
use serde_json::{json, Value};

/// Resolves a local `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let path = r.strip_prefix("#/").expect("a local reference");
            path.split('/').fold(doc, |v, key| &v[key])
        }
        None => schema,
    }
}

/// Whether `v` is of the JSON-schema type `ty`.
fn is_type(v: &Value, ty: &str) -> bool {
    match ty {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other} in the document"),
    }
}

/// Every way `v` breaks `schema` (the subset of JSON Schema the document uses), at `at`.
fn violations(doc: &Value, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !types.is_empty() && !types.iter().any(|t| is_type(v, t)) {
        out.push(format!("{at}: {v} is not {types:?}"));
        return;
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(v) {
            out.push(format!("{at}: {v} is not one of {allowed:?}"));
        }
    }
    if schema["format"] == "date-time" {
        if let Some(s) = v.as_str() {
            if Ts::parse_rfc3339(s).is_err() {
                out.push(format!("{at}: {s} is not an RFC 3339 time"));
            }
        }
    }
    if let Some(o) = v.as_object() {
        for key in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !o.contains_key(key) {
                out.push(format!("{at}: `{key}` is missing"));
            }
        }
        let props = schema["properties"].as_object();
        for (key, value) in o {
            match props.and_then(|p| p.get(key)) {
                Some(s) => violations(doc, s, value, &format!("{at}.{key}"), out),
                None if schema["additionalProperties"] == json!(false) => {
                    out.push(format!("{at}: `{key}` is not in the schema"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (schema.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            violations(doc, items, x, &format!("{at}[{i}]"), out);
        }
    }
}

/// The answer's schema for `status` of an operation, if the document gives one.
fn answer_schema(op: &Value, status: u16) -> Option<&Value> {
    op["responses"][status.to_string()]["content"]["application/json"].get("schema")
}

#[tokio::test]
async fn every_documented_example_is_answered_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let (_, doc) = call(&app, "GET", "/openapi.json", None).await;
    let mut tried = Vec::new();
    let mut problems = Vec::new();
    // Writes first, so that the reads find what the examples put there.
    let mut operations: Vec<(String, String)> = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            operations.push((path.clone(), method.clone()));
        }
    }
    operations.sort_by_key(|(path, method)| (method != "post", path != "/v1/transfers", path.clone()));
    for (path, method) in operations {
        let op = &doc["paths"][&path][&method];
        let body = op["requestBody"]["content"]["application/json"].get("example").cloned();
        if method == "post" && body.is_none() {
            problems.push(format!("POST {path} has no request example"));
            continue;
        }
        let query: Vec<String> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "query")
            .filter_map(|p| {
                p.get("example").and_then(Value::as_str).map(|x| format!("{}={}", p["name"].as_str().unwrap(), url(x)))
            })
            .collect();
        let mut uri = if query.is_empty() { path.clone() } else { format!("{path}?{}", query.join("&")) };
        for p in op["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] == "path") {
            let example = p["example"].as_str().unwrap_or_else(|| panic!("{path}: a path parameter needs an example"));
            uri = uri.replace(&format!("{{{}}}", p["name"].as_str().unwrap()), &url(example));
        }
        if let Some(b) = &body {
            let schema = &op["requestBody"]["content"]["application/json"]["schema"];
            let mut bad = Vec::new();
            violations(&doc, schema, b, &format!("{method} {path} example"), &mut bad);
            problems.extend(bad);
        }
        let (status, answer) = call(&app, &method.to_uppercase(), &uri, body).await;
        tried.push(format!("{} {uri} → {status}", method.to_uppercase()));
        if !op["responses"][status.as_u16().to_string()].is_object() {
            problems.push(format!("{method} {uri}: {status} is not a documented answer: {answer}"));
            continue;
        }
        if !status.is_success() {
            problems.push(format!("{method} {uri}: the documented example was refused: {status} {answer}"));
        }
        match answer_schema(op, status.as_u16()) {
            Some(schema) => violations(&doc, schema, &answer, &format!("{method} {uri} → {status}"), &mut problems),
            None if path != "/metrics" && path != "/openapi.json" => {
                problems.push(format!("{method} {path}: no schema for {status}"))
            }
            None => {}
        }
    }
    // A refusal has the documented error shape.
    let (status, answer) = call(&app, "POST", "/v1/transfers/check", Some(json!({"amount_fen": -5}))).await;
    let op = &doc["paths"]["/v1/transfers/check"]["post"];
    let schema = answer_schema(op, status.as_u16()).expect("the refusal is documented");
    violations(&doc, schema, &answer, "a refused check", &mut problems);
    assert!(tried.len() >= 12, "{tried:#?}");
    assert!(problems.is_empty(), "{problems:#?}\n(tried: {tried:#?})");
}

fn url(v: &str) -> String {
    v.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The checker above finds what it is there to find.
#[test]
fn the_schema_check_catches_wrong_answers() {
    let doc: Value = serde_json::from_str(fanzha_server::openapi::document()).unwrap();
    let lookup = json!({"$ref": "#/components/schemas/Lookup"});
    let answer = json!({"kind": "phone", "value": "1", "risk": "extreme", "listed": [{"list": "block"}],
        "suspected": "no", "reports": 1.5, "recent_reports": [{"kind": "phone", "value": "1", "text": "", "at": "soon"}]});
    let mut found = Vec::new();
    violations(&doc, &lookup, &answer, "lookup", &mut found);
    for expected in ["risk", "listed[0]: `kind` is missing", "suspected", "reports", "recent_reports[0].at"] {
        assert!(found.iter().any(|f| f.contains(expected)), "{expected} not caught: {found:#?}");
    }
    let mut none = Vec::new();
    let good = json!({"kind": "phone", "value": "1", "risk": "low", "listed": [], "suspected": false, "reports": 1,
        "recent_reports": [{"kind": "phone", "value": "1", "text": "", "at": "2024-03-01T02:00:00Z"}]});
    violations(&doc, &lookup, &good, "lookup", &mut none);
    assert!(none.is_empty(), "{none:#?}");
}

/// The `curl` examples in `docs/` send what the document allows, and the server takes them.
#[tokio::test]
async fn the_curl_examples_in_the_docs_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let doc: Value = serde_json::from_str(fanzha_server::openapi::document()).unwrap();
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let mut sent = 0;
    for file in std::fs::read_dir(&docs).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("curl -s localhost:8080/v1/") {
            let rest = &text[at + "curl -s localhost:8080".len()..];
            let route = rest.split_whitespace().next().unwrap();
            let Some(start) = rest.find("-d '") else { continue };
            let body = &rest[start + 4..];
            let body = &body[..body.find('\'').unwrap()];
            let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{}: {route}: {e}", path.display()));
            let schema = &doc["paths"][route]["post"]["requestBody"]["content"]["application/json"]["schema"];
            let mut bad = Vec::new();
            violations(&doc, schema, &body, route, &mut bad);
            assert!(bad.is_empty(), "{}: {bad:#?}", path.display());
            let (status, answer) = call(&app, "POST", route, Some(body)).await;
            assert!(status.is_success(), "{}: {route}: {status} {answer}", path.display());
            sent += 1;
        }
    }
    assert!(sent >= 1, "the docs show at least one call");
}
