//! The OpenAPI 3.1 document served at `/openapi.json`: the paths and schemas of `openapi.json`,
//! with every request example built here from the types the handlers parse (so an example cannot
//! name a field the server does not read, and serializes the way the server's types do).

use crate::routes::{Removal, ReportBody, TextBody};
use fanzha_check::lists::{Entry, EntryKind, ListName};
use fanzha_check::request::{PayerContext, TransferRequest};
use fanzha_trace::TraceRequest;
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

/// Paths, operations and schemas; request examples are added by [`document`].
const SKELETON: &str = include_str!("openapi.json");

/// The document as served (built once).
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc: Value = serde_json::from_str(SKELETON).expect("openapi.json is JSON (tested)");
        for (path, example) in request_examples() {
            let body = &mut doc["paths"][path]["post"]["requestBody"]["content"]["application/json"];
            assert!(body.is_object(), "openapi.json documents a JSON body for POST {path}");
            body["example"] = example;
        }
        serde_json::to_string_pretty(&doc).expect("a JSON value serializes")
    })
}

/// The typed value as JSON without its absent (null) optional fields.
fn example(value: impl Serialize) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.retain(|_, x| !x.is_null());
                o.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).expect("request types serialize");
    strip(&mut v);
    v
}

/// 2024-03-01T10:00:00+08:00, the examples' time.
const MARCH_1_10AM_BEIJING: i64 = 1_709_258_400;

/// One example request body per POST route, as the handler's own type.
fn request_examples() -> Vec<(&'static str, Value)> {
    let transfer = TransferRequest {
        txn_id: Some("20240301000001".into()),
        ts: Some("2024-03-01T10:00:00+08:00".into()),
        from_account: Some("6222020200000000001".into()),
        to_account: Some("6228480000000000002".into()),
        amount_fen: 5_000_000,
        channel: Some("mobile".into()),
        ..TransferRequest::default()
    };
    let check = TransferRequest {
        memo: Some("转入安全账户".into()),
        payer: Some(PayerContext { age: Some(67), on_call: Some(true), ..PayerContext::default() }),
        ..transfer.clone()
    };
    let entry = Entry {
        list: ListName::Block,
        kind: EntryKind::Account,
        value: "6228480000000000002".into(),
        reason: "公安机关止付通知 (police stop-payment notice)".into(),
        source: "analyst:wang".into(),
        valid_from: MARCH_1_10AM_BEIJING + 1800,
        valid_to: None,
    };
    let removal = Removal {
        list: ListName::Block,
        kind: EntryKind::Account,
        value: "6228480000000000002".into(),
        source: "analyst:li".into(),
        at: Some(MARCH_1_10AM_BEIJING + 7 * 86_400 + 1800),
    };
    let text = TextBody {
        text: "您好,我是市公安局民警,您的银行卡涉嫌洗钱,请把资金转入安全账户配合调查".into()
    };
    let report =
        ReportBody {
            kind: EntryKind::Phone, value: "170-1234-5678".into(), text: "自称公安局让我转到安全账户".into()
        };
    let trace = TraceRequest { max_hops: Some(8), ..TraceRequest::forward(vec!["20240301000001".into()]) };
    vec![
        ("/v1/transfers/check", example(check)),
        ("/v1/transfers", example(transfer)),
        ("/v1/lists", example(entry)),
        ("/v1/lists/remove", example(removal)),
        ("/v1/texts/analyze", example(text)),
        ("/v1/reports", example(report)),
        ("/v1/traces", example(trace)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_json_request_body_has_an_example_that_its_type_reads_back() {
        let doc: Value = serde_json::from_str(document()).unwrap();
        let mut bodies = 0;
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                let Some(body) = op["requestBody"]["content"]["application/json"].as_object() else { continue };
                bodies += 1;
                let ex = body.get("example").unwrap_or_else(|| panic!("{method} {path} has no example")).clone();
                let read = match path.as_str() {
                    "/v1/transfers/check" | "/v1/transfers" => serde_json::from_value::<TransferRequest>(ex).err(),
                    "/v1/lists" => serde_json::from_value::<Entry>(ex).err(),
                    "/v1/lists/remove" => serde_json::from_value::<Removal>(ex).err(),
                    "/v1/texts/analyze" => serde_json::from_value::<TextBody>(ex).err(),
                    "/v1/reports" => serde_json::from_value::<ReportBody>(ex).err(),
                    "/v1/traces" => serde_json::from_value::<TraceRequest>(ex).err(),
                    other => panic!("{other}: no typed example for this body"),
                };
                assert!(read.is_none(), "{path}: {read:?}");
            }
        }
        assert_eq!(bodies, request_examples().len());
        let skeleton: Value = serde_json::from_str(SKELETON).unwrap();
        for (path, ops) in skeleton["paths"].as_object().unwrap() {
            for op in ops.as_object().unwrap().values() {
                let written = op["requestBody"]["content"]["application/json"].get("example");
                assert!(written.is_none(), "{path}: request examples live in openapi.rs, not in the file");
            }
        }
    }

    #[test]
    fn the_examples_keep_the_documented_times() {
        let doc: Value = serde_json::from_str(document()).unwrap();
        let ex = |p: &str| doc["paths"][p]["post"]["requestBody"]["content"]["application/json"]["example"].clone();
        assert_eq!(ex("/v1/lists")["valid_from"], "2024-03-01T02:30:00Z");
        assert_eq!(ex("/v1/lists/remove")["at"], "2024-03-08T02:30:00Z");
        assert_eq!(ex("/v1/transfers")["amount_fen"], 5_000_000);
        assert!(ex("/v1/transfers").get("memo").is_none(), "absent fields are left out");
    }
}
