//! curl import golden tests: every command in `fixtures/curl/<name>.{sh,cmd,ps1}` (copied from Chrome and
//! Firefox, or written as public API docs write them) imports to the request and warnings in `<name>.json`.
//! The shell is detected, and must be the one the extension names. A missing expected file fails;
//! `UPDATE_GOLDEN=1` writes them (read every change before committing it).

use reqlab_core::import::curl::{self, Dialect};
use serde_json::json;
use std::path::{Path, PathBuf};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

#[test]
fn every_curl_fixture_imports_to_its_expected_request() {
    let dir = tests_dir().join("fixtures/curl");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/curl is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 60, "only {} curl fixtures", paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 name")
            .to_string();
        let dialect = match path.extension().and_then(|e| e.to_str()) {
            Some("sh") => Dialect::Bash,
            Some("cmd") => Dialect::Cmd,
            Some("ps1") => Dialect::PowerShell,
            other => panic!("{name}: unexpected extension {other:?}"),
        };
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let detected = curl::tokenize::detect(&text);
        if detected != dialect {
            failures.push(format!("{name}: detected {detected:?}"));
        }
        let actual = match curl::import(&text, Some(dialect)) {
            Ok(imported) => json!({"request": imported.request, "warnings": imported.warnings}),
            Err(e) => json!({"error": e.to_string()}),
        };
        let actual = format!(
            "{}\n",
            serde_json::to_string_pretty(&actual).expect("serializes")
        );
        let expected_path = path.with_extension("json");
        if update {
            std::fs::write(&expected_path, &actual).expect("writes the expected file");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: differs\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Err(_) => failures.push(format!(
                "{name}: no expected file {}",
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

#[test]
fn oversized_input_is_refused() {
    let text = format!("curl https://h/ -d '{}'", "a".repeat(1024 * 1024));
    let err = curl::import(&text, None).expect_err("too large");
    assert!(err.to_string().contains("at most 1 MiB"), "{err}");
}
