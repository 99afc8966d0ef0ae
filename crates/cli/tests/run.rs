//! `reqlab run` against a real reqlab-echo (its httpbin routes and its OAuth 2.0 test server): a collection of
//! 13 requests over a CSV of 3 rows, whose login's token is captured and used by later requests; the JUnit
//! report validated against Jenkins' JUnit schema; exit status 1 when one assertion is changed to fail.

#[path = "support/echo.rs"]
mod echo;
mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::reqlab;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/run")
        .join(name)
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reqlab-run-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// An environment file pointing `base` at a new reqlab-echo with its OAuth test server.
fn environment(dir: &Path) -> PathBuf {
    let address = echo::start_echo(reqlab_echo::Config {
        oauth_test: true,
        ..reqlab_echo::Config::default()
    });
    let path = dir.join("local.env.json");
    let env = serde_json::json!({
        "name": "local",
        "variables": [{"key": "base", "value": format!("http://{address}")}]
    });
    std::fs::write(&path, env.to_string()).expect("environment file");
    path
}

fn run(collection: &Path, dir: &Path, extra: &[&str]) -> Output {
    let env = environment(dir);
    let mut args = vec![
        "run".to_string(),
        collection.display().to_string(),
        "--env".into(),
        env.display().to_string(),
        "--data".into(),
        fixture("data.csv").display().to_string(),
        "--reporter".into(),
        "cli,junit,json".into(),
        "--out".into(),
        dir.display().to_string(),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    reqlab(&args, "")
}

fn report(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("reqlab-run.json")).expect("json report");
    serde_json::from_str(&text).expect("the json report is JSON")
}

/// Validates the JUnit report with an XML Schema validator (Python's xmlschema).
fn assert_valid_junit(dir: &Path) {
    let check = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])")
        .arg(fixture("junit-10.xsd"))
        .arg(dir.join("reqlab-run.junit.xml"))
        .output()
        .expect("python3 runs");
    assert!(
        check.status.success(),
        "the JUnit report does not validate:\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

fn steps<'a>(report: &'a Value, path: &'a str) -> impl Iterator<Item = &'a Value> {
    report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter(move |s| s["path"] == path)
}

#[test]
fn a_collection_runs_over_a_data_file_with_a_captured_token() {
    let dir = scratch("pass");
    let out = run(&fixture("workflow.json"), &dir, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = report(&dir);
    let all = report["steps"].as_array().expect("steps");
    assert_eq!(all.len(), 13 * 3, "13 requests, 3 data rows");
    assert!(all
        .iter()
        .all(|s| s["status"].as_u64().is_some_and(|s| s >= 200)));
    // Each iteration's login captured a new token, and the later requests of that iteration sent it.
    let tokens: Vec<&Value> = steps(&report, "Auth/login")
        .map(|s| &s["captured"][0]["value"])
        .collect();
    assert_eq!(tokens.len(), 3);
    assert!(
        tokens[0] != tokens[1] && tokens[1] != tokens[2],
        "a fresh token per iteration: {tokens:?}"
    );
    for (bearer, token) in steps(&report, "bearer").zip(&tokens) {
        let sent = bearer["assertions"]
            .as_array()
            .expect("assertions")
            .iter()
            .find(|a| a["subject"] == "$.token")
            .expect("the bearer step checks the token");
        assert_eq!(&sent["expected"], *token);
        assert_eq!(sent["passed"], true);
    }
    // Each iteration read its own data row.
    let names: Vec<&Value> = steps(&report, "Items/create")
        .map(|s| &s["captured"][0]["value"])
        .collect();
    assert_eq!(names, ["ada", "bob", "carol"]);
    assert!(
        stdout.contains("39 requests (0 failed, 0 not answered)"),
        "{stdout}"
    );
    assert_valid_junit(&dir);
    let junit = std::fs::read_to_string(dir.join("reqlab-run.junit.xml")).expect("junit");
    assert!(junit.contains("failures=\"0\""), "{junit}");
    assert!(
        junit.contains("<testcase name=\"capture token\""),
        "{junit}"
    );
}

#[test]
fn one_assertion_changed_to_fail_exits_1_and_is_reported() {
    let dir = scratch("fail");
    let mut collection: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("workflow.json")).expect("fixture"))
            .expect("JSON");
    let qty = &mut collection["items"][1]["items"][0]["request"]["checks"][2];
    assert_eq!(qty["key"], "$.json.qty");
    qty["value"] = "equals 99".into();
    let path = dir.join("failing.json");
    std::fs::write(&path, collection.to_string()).expect("collection");

    let out = run(&path, &dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = report(&dir);
    let failed: Vec<&Value> = report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .flat_map(|s| s["assertions"].as_array().expect("assertions"))
        .filter(|a| a["passed"] == false)
        .collect();
    assert_eq!(failed.len(), 3, "the one assertion, once per iteration");
    assert_eq!(
        failed
            .iter()
            .map(|a| a["actual"].as_str().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    assert_valid_junit(&dir);
    let junit = std::fs::read_to_string(dir.join("reqlab-run.junit.xml")).expect("junit");
    assert!(
        junit.contains("<testsuites name=\"workflow\" tests=\"108\" failures=\"3\""),
        "{junit}"
    );
    assert!(
        junit.contains("message=\"expected equals 99, got 1\""),
        "{junit}"
    );

    // --bail stops at the first failing request.
    let out = run(&path, &dir, &["--bail"]);
    assert_eq!(out.status.code(), Some(1));
    let report = self::report(&dir);
    assert_eq!(report["stopped"], "bail");
    assert_eq!(
        report["steps"].as_array().expect("steps").len(),
        3,
        "login, whoami, create"
    );
}

#[test]
fn bad_input_is_named_before_anything_is_sent() {
    let dir = scratch("usage");
    let out = reqlab(&["run"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run needs a collection file"));
    let out = reqlab(
        &[
            "run",
            &fixture("workflow.json").display().to_string(),
            "--reporter",
            "xml",
        ],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("the reporters are cli, junit and json"));
    let out = reqlab(
        &[
            "run",
            &fixture("workflow.json").display().to_string(),
            "--folder",
            "Nope",
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no folder \"Nope\"; its folders: Auth, Items"),
        "{stderr}"
    );
    let csv = dir.join("bad.csv");
    std::fs::write(&csv, "name,qty\nada\n").expect("csv");
    let out = reqlab(
        &[
            "run",
            &fixture("workflow.json").display().to_string(),
            "--data",
            &csv.display().to_string(),
        ],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2 of the CSV file has 1 fields"));
}

#[test]
fn the_same_run_from_a_http_file() {
    let dir = scratch("http");
    let out = run(&fixture("workflow.http"), &dir, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = report(&dir);
    let all = report["steps"].as_array().expect("steps");
    assert_eq!(all.len(), 13 * 3);
    // The request reference read the login's token: the protected resource accepted it.
    for whoami in steps(&report, "Auth/whoami") {
        assert_eq!(whoami["status"], 200, "{whoami}");
    }
    // `{{$guid}}` was a fresh UUID each time (checked by the request's own matches check).
    let guid_checks: Vec<&Value> = steps(&report, "Items/headers")
        .flat_map(|s| s["assertions"].as_array().expect("assertions"))
        .filter(|a| a["subject"] == "$.headers['X-Request-Id']")
        .collect();
    assert_eq!(guid_checks.len(), 3);
    assert!(
        guid_checks.iter().all(|a| a["passed"] == true),
        "{guid_checks:?}"
    );
    let ids: std::collections::HashSet<&str> = guid_checks
        .iter()
        .filter_map(|a| a["actual"].as_str())
        .collect();
    assert_eq!(ids.len(), 3, "a new UUID per request: {ids:?}");
    // Basic and Digest written in REST Client's credential form were answered.
    for path in ["basic", "digest"] {
        assert!(steps(&report, path).all(|s| s["status"] == 200), "{path}");
    }
    assert_valid_junit(&dir);
}

/// `reqlab export --to http` then `reqlab from-http`: the collection's requests come back with their
/// methods, URLs, checks and folders.
#[test]
fn a_collection_exported_as_http_reads_back() {
    let dir = scratch("export");
    let out = reqlab(
        &[
            "export",
            "--to",
            "http",
            "--secrets",
            "include",
            &fixture("workflow.json").display().to_string(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join("workflow.http");
    std::fs::write(&path, &out.stdout).expect("written");
    let back = reqlab(&["from-http", &path.display().to_string()], "");
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let read: Value = serde_json::from_slice(&back.stdout).expect("collection JSON");
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("workflow.json")).expect("fixture"))
            .expect("JSON");
    type Check = (String, String, bool);
    fn checks(rows: &Value) -> Vec<Check> {
        rows.as_array()
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        let text = |f: &str| r[f].as_str().unwrap_or_default().to_string();
                        (
                            text("key"),
                            text("value"),
                            r["enabled"].as_bool().unwrap_or(true),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    fn requests(items: &Value, prefix: &str, out: &mut Vec<(String, Value, Value, Vec<Check>)>) {
        for item in items.as_array().expect("items") {
            let name = format!("{prefix}{}", item["name"].as_str().unwrap_or_default());
            if item["kind"] == "folder" {
                requests(&item["items"], &format!("{name}/"), out);
            } else {
                let r = &item["request"];
                out.push((
                    name,
                    r["method"].clone(),
                    r["url"].clone(),
                    checks(&r["checks"]),
                ));
            }
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    requests(&original["items"], "", &mut a);
    requests(&read["items"], "", &mut b);
    assert_eq!(a.len(), 13);
    assert_eq!(a, b);
    assert_eq!(read["variables"][0]["value"], "reqlab-secret");
}

/// The collection exported to Postman (`reqlab export --to postman`), run by Newman, Postman's own runner,
/// over the same data file against the same reqlab-echo: every check that became a `pm.test` passes there
/// too, and the captured token (`pm.environment.set`) is what later requests send.
#[test]
fn the_postman_export_s_tests_pass_in_newman() {
    let dir = scratch("newman");
    let newman = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/runtimes/node_modules/newman/bin/newman.js");
    assert!(
        newman.exists(),
        "Newman is installed by scripts/bootstrap.sh --test (tests/runtimes)"
    );
    let out = reqlab(
        &[
            "export",
            "--to",
            "postman",
            "--secrets",
            "include",
            &fixture("workflow.json").display().to_string(),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let collection = dir.join("workflow.postman_collection.json");
    std::fs::write(&collection, &out.stdout).expect("written");
    let address = echo::start_echo(reqlab_echo::Config {
        oauth_test: true,
        ..reqlab_echo::Config::default()
    });
    let env = dir.join("local.postman_environment.json");
    let values = serde_json::json!({"name": "local", "values": [{"key": "base", "value": format!("http://{address}"), "enabled": true}]});
    std::fs::write(&env, values.to_string()).expect("environment");
    let report = dir.join("newman.json");
    let run = std::process::Command::new("node")
        .arg(&newman)
        .args([
            "run",
            &collection.display().to_string(),
            "-e",
            &env.display().to_string(),
        ])
        .args(["-d", &fixture("data.csv").display().to_string()])
        .args([
            "--reporters",
            "json",
            "--reporter-json-export",
            &report.display().to_string(),
        ])
        .output()
        .expect("node runs Newman");
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("Newman's report"))
            .expect("JSON");
    let stats = &summary["run"]["stats"];
    let failures: Vec<String> = summary["run"]["failures"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|f| format!("{} {}", f["source"]["name"], f["error"]["message"]))
                .collect()
        })
        .unwrap_or_default();
    assert!(run.status.success(), "Newman failed: {failures:?}");
    // 13 requests over 3 data rows, and Newman's unanswered first Digest request each time.
    assert_eq!(stats["requests"]["total"], 42, "{stats}");
    // Every one of the collection's 33 assertions became a test (captures are `pm.environment.set`).
    assert_eq!(stats["assertions"]["total"], 3 * 33, "{stats}");
    assert_eq!(stats["assertions"]["failed"], 0, "{failures:?}");
}
