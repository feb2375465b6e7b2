//! `fanzha report` end to end on a generated scenario: reproducible large-value reports in every
//! format, suspicious reports from a case file, and clear errors.

mod common;

use common::{fanzha, ok};
use std::process::Output;

fn err(out: &Output) -> String {
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn reports_are_reproducible_in_every_format_and_cases_become_suspicious_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::scenario(dir.path(), "9");
    let range = ["--from", "2024-03-01", "--to", "2024-03-31"];
    let json = ok(&fanzha(&[&["report", "large", "--db", &db, "--json"][..], &range].concat()));
    assert_eq!(
        json,
        ok(&fanzha(&[&["report", "large", "--db", &db, "--json"][..], &range].concat())),
        "byte-identical"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "fanzha.large-value-report.v1");
    assert_eq!(v["rule_version"], "pboc-2016-3/fanzha-1");
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("2024-03-01"), Some("2024-03-31")));
    let rows = v["transactions"].as_array().unwrap();
    assert!(!rows.is_empty(), "a generated month has large-value transactions");
    for r in rows {
        assert!(r["day_total_fen"].as_i64() >= r["threshold_fen"].as_i64(), "{r}");
        assert!(r["customer"].as_str().unwrap().contains('*'));
    }
    let csv = ok(&fanzha(&[&["report", "large", "--db", &db, "--csv"][..], &range].concat()));
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let xml = ok(&fanzha(&[&["report", "large", "--db", &db, "--xml"][..], &range].concat()));
    assert!(xml.contains("<LargeValueReport xmlns=\"urn:fanzha:reports:large-value:1\""));
    let xsd = ok(&fanzha(&["report", "schema", "large"]));
    assert!(xsd.contains("NOT the regulator's official submission format"));

    // A case: the first fraud-labelled transfer, reported a day later.
    let data = dir.path().join("data");
    let labels = std::fs::read_to_string(data.join("labels.csv")).unwrap();
    let txn = labels.lines().find(|l| l.starts_with("transfer,")).unwrap().split(',').nth(1).unwrap().to_string();
    let transfers = std::fs::read_to_string(data.join("transfers.csv")).unwrap();
    let paid =
        transfers.lines().find(|l| l.starts_with(&format!("{txn},"))).unwrap().split(',').nth(1).unwrap().to_string();
    let case = dir.path().join("case.toml");
    std::fs::write(
        &case,
        format!("id = \"C-1\"\ntypology = \"investment\"\nreported_txns = [\"{txn}\"]\nreported_at = \"{paid}\"\n"),
    )
    .unwrap();
    let case = case.to_str().unwrap();
    let reports: serde_json::Value =
        serde_json::from_str(&ok(&fanzha(&["report", "suspicious", "--db", &db, "--case", case, "--json"]))).unwrap();
    let reports = reports.as_array().unwrap();
    assert!(!reports.is_empty());
    let first = &reports[0];
    assert_eq!(
        (first["schema"].as_str(), first["typology_zh"].as_str()),
        (Some("fanzha.suspicious-report.v1"), Some("虚假网络投资理财类"))
    );
    assert!(first["narrative_zh"].as_str().unwrap().contains("C-1号案件"));
    assert!(first["transactions"].as_array().unwrap().iter().any(|t| t["txn_id"] == txn.as_str()));
    let bank = first["institution"].as_str().unwrap();
    let edited = dir.path().join("narrative.txt");
    std::fs::write(&edited, "分析人员修改后的叙述。").unwrap();
    let one: serde_json::Value = serde_json::from_str(&ok(&fanzha(&[
        "report",
        "suspicious",
        "--db",
        &db,
        "--case",
        case,
        "--institution",
        bank,
        "--narrative",
        edited.to_str().unwrap(),
        "--json",
    ])))
    .unwrap();
    assert_eq!(
        (one[0]["narrative_zh"].as_str(), one[0]["narrative_edited"].as_bool()),
        (Some("分析人员修改后的叙述。"), Some(true))
    );
    assert!(ok(&fanzha(&["report", "suspicious", "--db", &db, "--case", case, "--xml"]))
        .contains("<SuspiciousTransactionReports"));

    assert!(err(&fanzha(&["report", "large", "--db", &db, "--from", "2024-3-1", "--to", "2024-03-31"]))
        .contains("--from '2024-3-1' is not a YYYY-MM-DD date"));
    assert!(err(&fanzha(&["report", "large", "--db", &db, "--from", "2024-04-01", "--to", "2024-03-31"]))
        .contains("is after"));
    std::fs::write(
        dir.path().join("bad.toml"),
        "id = \"C-2\"\ntypology = \"phishing\"\nreported_txns = []\nreported_at = \"2024-03-01T00:00:00Z\"\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.toml");
    assert!(err(&fanzha(&["report", "suspicious", "--db", &db, "--case", bad.to_str().unwrap()]))
        .contains("typology: 'phishing'"));
}
