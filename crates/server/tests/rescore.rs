//! Detection for the check reads its own copy of the store: it flags exactly what scoring the
//! live store flags, hands over the mule accounts the store's labels confirm, and a transfer
//! recorded meanwhile is not lost or blocked by it.

mod common;

use common::*;
use fanzha_detect::mules::{score_all, MuleConfig};
use fanzha_detect::MuleModel;
use fanzha_ingest::{Format, IngestOptions, Inputs, Quiet};
use fanzha_scenario::{generate_to_dir, ScenarioConfig};
use fanzha_storage::{LogStore, OpenMode, Store};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescoring_a_copy_flags_what_the_live_store_would_and_records_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (data, db) = (dir.path().join("data"), dir.path().join("db"));
    generate_to_dir(&ScenarioConfig::for_transfers(30_000, 7), &data).unwrap();
    {
        let mut store = LogStore::open(&db, OpenMode::Create).unwrap();
        let inputs = Inputs {
            accounts: Some(data.join("accounts.csv")),
            transfers: Some(data.join("transfers.csv")),
            labels: Some(data.join("labels.csv")),
        };
        fanzha_ingest::ingest(&mut store, Format::Fanzha, &inputs, &IngestOptions::default(), &mut Quiet).unwrap();
        store.commit().unwrap();
    }
    let app = app(&db);
    let model = std::sync::Arc::new(MuleModel::shipped());
    // Serve's default: the runs learn from the store's cases (here the scenario's labels).
    assert!(app.config.learn_cases.is_some(), "learning is on by default");
    let cfg = MuleConfig { cases: app.config.learn_cases, ..MuleConfig::default() };
    let expected: Vec<_> = {
        let live = app.read_live().unwrap();
        let scores = score_all(live.store.ledger(), &live.graph(), None, &model, &cfg, false);
        scores.into_iter().filter(|s| s.flagged).map(|s| s.account).collect()
    };
    assert!(expected.len() >= 5, "the scenario's mules are found ({})", expected.len());

    // A record made while detection runs lands, and the run flags what the store held.
    let running = {
        let app = app.clone();
        let model = model.clone();
        tokio::task::spawn_blocking(move || app.rescore_mules(&model).unwrap())
    };
    let t = json!({"txn_id": "DURING", "ts": iso(T0 + 400 * 86_400), "from_account": "P1", "to_account": "P2",
        "amount_fen": 1_000});
    assert_eq!(call(&app, "POST", "/v1/transfers", Some(t)).await.0, axum::http::StatusCode::CREATED);
    let (flagged, outcome) = running.await.unwrap();
    assert!(outcome.is_some(), "the run says what became of learning from the cases");
    // Whether the run's copy was taken before the record or after it is a race (the record moves
    // the data's end, which may flip a verdict): the run flags what one of the two stores held.
    let live = app.read_live().unwrap();
    let after: Vec<_> = score_all(live.store.ledger(), &live.graph(), None, &model, &cfg, false)
        .into_iter()
        .filter(|s| s.flagged)
        .map(|s| s.account)
        .collect();
    let held = if flagged == expected.len() { &expected } else { &after };
    assert_eq!(flagged, held.len(), "before the record {}, after it {}", expected.len(), after.len());
    for a in held {
        assert!(
            live.checker.suspects.get(*a).is_some(),
            "{} is flagged for the check",
            live.store.ledger().account_id(*a)
        );
    }
    assert!(live.store.ledger().txn_ix("DURING").is_some(), "the record landed");
    // Every labelled mule account is confirmed for the check (`payee.confirmed_mule`), and no other.
    let confirmed = fanzha_detect::labels::mule_accounts(live.store.ledger());
    assert!(!confirmed.is_empty(), "the scenario labels mule accounts");
    let ledger = live.store.ledger();
    let all = (0..ledger.accounts().len()).map(fanzha_model::AccountIx::of);
    for a in all {
        assert_eq!(live.checker.suspects.confirmed(a), confirmed.contains(&a), "{}", ledger.account_id(a));
    }
}
