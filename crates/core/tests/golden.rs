//! Snippet stage, golden files: every fixture request x every target has a reviewed, real source file under
//! `golden/<target>/<case>.<ext>`. A missing or different file fails; `UPDATE_GOLDEN=1` rewrites them all,
//! `UPDATE_GOLDEN=shell-curl,python-requests` only those targets'.

mod support;

use reqlab_core::snippet::{Options, TARGETS};
use reqlab_core::{prepare, Environment};
use std::collections::BTreeSet;
use support::fixtures::{fixture_requests, tests_dir};

#[test]
fn every_target_matches_its_golden_file_for_every_fixture() {
    let update_list = std::env::var("UPDATE_GOLDEN").unwrap_or_default();
    let update = |id: &str| {
        matches!(update_list.as_str(), "1" | "all")
            || update_list.split(',').any(|t| t.trim() == id)
    };
    let golden_root = tests_dir().join("golden");
    let mut failures = Vec::new();
    let mut expected_files = BTreeSet::new();
    for (case, request) in fixture_requests() {
        let prepared = prepare(&request, &Environment::default())
            .unwrap_or_else(|e| panic!("fixture {case} must prepare: {e}"));
        for target in TARGETS {
            let snippet = target.generate(&prepared, &Options::default());
            let path = golden_root
                .join(target.id)
                .join(format!("{case}.{}", target.extension));
            expected_files.insert(path.clone());
            if update(target.id) {
                std::fs::create_dir_all(path.parent().expect("has a parent"))
                    .expect("golden dir is writable");
                std::fs::write(&path, &snippet.code).expect("golden file is writable");
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(golden) if golden == snippet.code => {}
                Ok(golden) => failures.push(format!(
                    "{}: differs\n--- golden\n{golden}\n--- generated\n{}",
                    path.display(),
                    snippet.code
                )),
                Err(_) => failures.push(format!("{}: missing", path.display())),
            }
        }
    }
    // A golden file whose fixture or target is gone would rot unnoticed.
    for target in TARGETS {
        if let Ok(entries) = std::fs::read_dir(golden_root.join(target.id)) {
            for entry in entries.flatten() {
                if !expected_files.contains(&entry.path()) {
                    failures.push(format!(
                        "{}: no fixture produces it",
                        entry.path().display()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatch(es); review the change, then rerun with UPDATE_GOLDEN=1:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
