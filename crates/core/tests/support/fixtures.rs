//! Test support shared by the golden and the executed-snippet tests: the fixture requests, by case name.

use reqlab_core::{Body, FileRef, PartValue, Request};
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
            let mut request: Request =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            load_file_contents(&mut request);
            (name, request)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 20, "expected at least 20 fixture requests");
    cases
}

/// `crates/core/tests/fixtures/files`: the files fixture requests upload, by name.
pub fn files_dir() -> PathBuf {
    tests_dir().join("fixtures/files")
}

/// Request JSON names files without their bytes (as share links do); tests read them from `files_dir()`.
pub fn load_file_contents(request: &mut Request) {
    let load = |file: &mut FileRef| {
        let path = files_dir().join(&file.name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        file.data = Some(bytes.into());
    };
    match &mut request.body {
        Body::Binary { file: Some(file) } => load(file),
        Body::Multipart { parts } => {
            for part in parts {
                if let PartValue::File { file: Some(file) } = &mut part.value {
                    load(file);
                }
            }
        }
        _ => {}
    }
}
