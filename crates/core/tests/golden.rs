//! Snippet stage, golden files: every fixture request x every target has a reviewed, real source file under
//! `golden/<target>/<case>.<ext>`, with the default options; a few targets x fixtures also have one per
//! non-default option variant under `golden_options/<variant>/<target>/<case>.<ext>`. A missing or different
//! file fails; `UPDATE_GOLDEN=1` rewrites them all, `UPDATE_GOLDEN=shell-curl,python-requests` only those
//! targets'.

mod support;

use reqlab_core::snippet::{find_target, Options, Target, TARGETS};
use reqlab_core::{prepare, Environment, PreparedRequest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::fixtures::{fixture_requests, tests_dir};

/// Compares generated code with golden files, or rewrites them when asked, collecting every failure.
struct Goldens {
    update_list: String,
    expected_files: BTreeSet<PathBuf>,
    failures: Vec<String>,
}

impl Goldens {
    fn new() -> Self {
        Goldens {
            update_list: std::env::var("UPDATE_GOLDEN").unwrap_or_default(),
            expected_files: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    fn update(&self, id: &str) -> bool {
        matches!(self.update_list.as_str(), "1" | "all")
            || self.update_list.split(',').any(|t| t.trim() == id)
    }

    fn check(&mut self, dir: &Path, target: &Target, case: &str, code: &str) {
        let path = dir
            .join(target.id)
            .join(format!("{case}.{}", target.extension));
        self.expected_files.insert(path.clone());
        if self.update(target.id) {
            std::fs::create_dir_all(path.parent().expect("has a parent"))
                .expect("golden dir is writable");
            std::fs::write(&path, code).expect("golden file is writable");
            return;
        }
        match std::fs::read_to_string(&path) {
            Ok(golden) if golden == code => {}
            Ok(golden) => self.failures.push(format!(
                "{}: differs\n--- golden\n{golden}\n--- generated\n{code}",
                path.display(),
            )),
            Err(_) => self.failures.push(format!("{}: missing", path.display())),
        }
    }

    /// A golden file whose fixture, target or variant is gone would rot unnoticed.
    fn no_strays_under(&mut self, dir: &Path) {
        let Ok(targets) = std::fs::read_dir(dir) else {
            return;
        };
        for target_dir in targets.flatten() {
            let Ok(entries) = std::fs::read_dir(target_dir.path()) else {
                continue;
            };
            for entry in entries.flatten() {
                if !self.expected_files.contains(&entry.path()) {
                    self.failures.push(format!(
                        "{}: no fixture, target or variant produces it",
                        entry.path().display()
                    ));
                }
            }
        }
    }

    fn assert_clean(self) {
        assert!(
            self.failures.is_empty(),
            "{} golden mismatch(es); review the change, then rerun with UPDATE_GOLDEN=1:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// The instant AWS-signed fixtures are signed at: 2015-08-30T12:36:00Z, the date of AWS's own SigV4 test
/// suite, so the golden files never change with the clock.
const SIGNED_AT: i64 = 1_440_938_160;

/// The default options, with the fixed signing time.
fn golden_options() -> Options {
    Options {
        sign_at: Some(SIGNED_AT),
        ..Options::default()
    }
}

fn prepared_fixtures() -> Vec<(String, PreparedRequest)> {
    fixture_requests()
        .into_iter()
        .map(|(case, request)| {
            let prepared = prepare(&request, &Environment::default())
                .unwrap_or_else(|e| panic!("fixture {case} must prepare: {e}"));
            (case, prepared)
        })
        .collect()
}

#[test]
fn every_target_matches_its_golden_file_for_every_fixture() {
    let root = tests_dir().join("golden");
    let mut goldens = Goldens::new();
    for (case, prepared) in prepared_fixtures() {
        for target in TARGETS {
            let snippet = target.generate(&prepared, &golden_options());
            goldens.check(&root, target, &case, &snippet.code);
        }
    }
    goldens.no_strays_under(&root);
    goldens.assert_clean();
}

/// The non-default options, each on the targets whose code it changes and the fixtures that show it.
fn variants() -> Vec<(
    &'static str,
    Options,
    &'static [&'static str],
    &'static [&'static str],
)> {
    let command_lines: &[&str] = &[
        "shell-curl",
        "shell-wget",
        "shell-httpie",
        "cmd-curl",
        "powershell-curl",
    ];
    vec![
        (
            "short_flags_single_line",
            Options {
                long_flags: false,
                multiline: false,
                ..Options::default()
            },
            command_lines,
            &["basic_auth", "multipart_text_and_files", "post_json"],
        ),
        (
            "short_flags_multiline",
            Options {
                long_flags: false,
                ..Options::default()
            },
            &["shell-curl"],
            &["basic_auth", "post_json"],
        ),
        (
            "indent_2",
            Options {
                indent: 2,
                ..Options::default()
            },
            &[
                "shell-curl",
                "python-requests",
                "js-fetch",
                "java-httpclient",
            ],
            &["multipart_text_and_files", "post_json"],
        ),
        (
            "python_session",
            Options {
                python_session: true,
                ..Options::default()
            },
            &["python-requests"],
            &[
                "binary_file_body",
                "custom_method_with_body",
                "get_query_params",
                "multipart_text_and_files",
                "timeout_and_manual_redirect",
            ],
        ),
        (
            "no_timeout",
            Options {
                include_timeout: false,
                ..Options::default()
            },
            &[
                "shell-curl",
                "python-requests",
                "js-fetch",
                "java-okhttp",
                "powershell-restmethod",
            ],
            &["timeout_and_manual_redirect"],
        ),
    ]
}

#[test]
fn option_variants_match_their_golden_files() {
    let root = tests_dir().join("golden_options");
    let fixtures = prepared_fixtures();
    let mut goldens = Goldens::new();
    for (variant, options, targets, cases) in variants() {
        assert_ne!(
            options,
            Options::default(),
            "{variant} must change something"
        );
        for id in targets {
            let target = find_target(id).unwrap_or_else(|e| panic!("{e}"));
            for case in cases {
                let (_, prepared) = fixtures
                    .iter()
                    .find(|(name, _)| name == case)
                    .unwrap_or_else(|| panic!("no fixture {case}"));
                let options_code = target.generate(prepared, &options).code;
                // A variant golden identical to the default one would prove nothing about the option.
                if options_code == target.generate(prepared, &Options::default()).code {
                    goldens.failures.push(format!(
                        "{variant} / {id} / {case}: same code as with the default options"
                    ));
                }
                goldens.check(&root.join(variant), target, case, &options_code);
            }
        }
        goldens.no_strays_under(&root.join(variant));
    }
    goldens.assert_clean();
}
