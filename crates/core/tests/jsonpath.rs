//! The JSONPath Compliance Test Suite (RFC 9535) against `query::JsonPath`.
//!
//! Every case runs; the ones known to fail are listed below with the reason, so that a regression
//! fails this test and so does a fix (which must then leave the list).

use reqlab_core::query::JsonPath;
use serde_json::Value;

const SUITE: &str = include_str!("fixtures/jsonpath/cts.json");

/// Cases (by name) that are known to fail, and why.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn run_case(case: &Value) -> Result<(), String> {
    let selector = case["selector"].as_str().ok_or("case without a selector")?;
    let parsed = JsonPath::parse(selector);
    if case["invalid_selector"] == Value::Bool(true) {
        return match parsed {
            Ok(_) => Err("parsed, but the selector is invalid".to_string()),
            Err(_) => Ok(()),
        };
    }
    let query = parsed.map_err(|error| format!("rejected: {error}"))?;
    let nodes = query.select(&case["document"]);
    let values: Vec<Value> = nodes.iter().map(|node| node.value.clone()).collect();
    let paths: Vec<Value> = nodes
        .iter()
        .map(|node| Value::String(node.path.clone()))
        .collect();

    if let Some(expected) = case.get("result") {
        if expected.as_array() != Some(&values) {
            return Err(format!("selected {}", Value::Array(values)));
        }
        if let Some(expected_paths) = case.get("result_paths") {
            if expected_paths.as_array() != Some(&paths) {
                return Err(format!("paths {}", Value::Array(paths)));
            }
        }
        return Ok(());
    }
    let alternatives = case["results"].as_array().ok_or("case without result(s)")?;
    let alternative_paths = case.get("results_paths").and_then(Value::as_array);
    let matches_alternative = alternatives.iter().enumerate().any(|(i, expected)| {
        let paths_match = alternative_paths
            .is_none_or(|all| all.get(i).and_then(Value::as_array) == Some(&paths));
        expected.as_array() == Some(&values) && paths_match
    });
    if matches_alternative {
        Ok(())
    } else {
        Err(format!(
            "selected {} at {}",
            Value::Array(values),
            Value::Array(paths)
        ))
    }
}

#[test]
fn compliance_suite() {
    let suite: Value = serde_json::from_str(SUITE).expect("cts.json is JSON");
    let cases = suite["tests"]
        .as_array()
        .expect("cts.json has a tests array");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("(unnamed)");
        if let Err(why) = run_case(case) {
            failures.push((name.to_string(), why, case["selector"].clone()));
        }
    }
    println!(
        "JSONPath compliance: {} of {} cases pass",
        cases.len() - failures.len(),
        cases.len()
    );

    let unexpected: Vec<_> = failures
        .iter()
        .filter(|(name, _, _)| !KNOWN_FAILURES.iter().any(|(known, _)| known == name))
        .collect();
    for (name, why, selector) in &unexpected {
        println!("FAIL {name}: {selector}: {why}");
    }
    let fixed: Vec<_> = KNOWN_FAILURES
        .iter()
        .filter(|(known, _)| !failures.iter().any(|(name, _, _)| name == known))
        .collect();
    for (name, _) in &fixed {
        println!("now passing, remove from KNOWN_FAILURES: {name}");
    }
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} unexpected failures, {} fixed",
        unexpected.len(),
        fixed.len()
    );
}

/// Pieces of JSONPath syntax, so that random queries get far into the grammar instead of
/// failing at the first character.
const SYNTAX: &[&str] = &[
    "$",
    "@",
    ".",
    "..",
    "[",
    "]",
    "(",
    ")",
    "?",
    "*",
    ",",
    ":",
    "-",
    "0",
    "1",
    "-1",
    "2",
    "a",
    "b",
    "'a'",
    "\"b\"",
    "'\\u00e9'",
    "'\\ud83d\\ude00'",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "&&",
    "||",
    "!",
    " ",
    "true",
    "false",
    "null",
    "1.5e3",
    "length(",
    "count(",
    "match(",
    "search(",
    "value(",
    "'a.*'",
    "'[a-'",
    "'\\\\p{Lu}'",
];

fn sample_document() -> Value {
    serde_json::json!({"a": [1, 2.0, "x", {"a": null, "b": [true, {"c": "ab"}]}], "b": {"a": "A", "": []}})
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn any_query_parses_or_fails_without_panicking(pieces in proptest::collection::vec(proptest::sample::select(SYNTAX), 1..24)) {
        let query = pieces.concat();
        if let Ok(path) = JsonPath::parse(&query) {
            let document = sample_document();
            let nodes = path.select(&document);
            if path.is_singular() {
                proptest::prop_assert!(nodes.len() <= 1, "{query} is singular but selected {}", nodes.len());
            }
        }
    }

    #[test]
    fn any_text_parses_or_fails_without_panicking(query in "\\PC{0,40}") {
        if let Ok(path) = JsonPath::parse(&query) {
            path.select(&sample_document());
        }
    }
}
