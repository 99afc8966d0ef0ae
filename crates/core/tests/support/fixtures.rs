//! Test support shared by the golden and the executed-snippet tests: the fixture requests, by case name.

use reqlab_core::Request;
use std::path::{Path, PathBuf};

/// `crates/core/tests`, wherever the test runs from.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests")
        .canonicalize()
        .expect("crates/core/tests exists")
}

/// Every fixture request as `(case name, request)`, sorted by name.
pub fn fixture_requests() -> Vec<(String, Request)> {
    let dir = tests_dir().join("fixtures/requests");
    let mut cases: Vec<(String, Request)> = std::fs::read_dir(&dir)
        .expect("fixtures/requests is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 file name")
                .to_string();
            let text = std::fs::read_to_string(&path).expect("fixture is readable");
            let request =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, request)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 20, "expected at least 20 fixture requests");
    cases
}
