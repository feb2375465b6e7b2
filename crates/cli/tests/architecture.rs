//! ARCHITECTURE.md names every crate of the workspace, and only crates that exist.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn the_code_map_names_exactly_the_workspace_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md at the root");
    let named: BTreeSet<String> = text
        .match_indices("### `crates/")
        .map(|(at, m)| text[at + m.len()..].split('`').next().unwrap_or_default().to_string())
        .collect();
    let crates: BTreeSet<String> = std::fs::read_dir(root.join("crates"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(named, crates, "a crate section per workspace crate");
}
