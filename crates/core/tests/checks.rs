//! Assertions and captures, table-tested on one realistic answer: each row's verdict (or capture) written by
//! hand from the answer below, including the failures and the messages a user reads.

use reqlab_core::check::{apply_captures, evaluate, Answer};
use reqlab_core::{Environment, KeyValue};

const BODY: &str = r#"{
  "token": "abc.def",
  "user": {"id": 7, "name": "Ada", "roles": ["admin", "dev"], "email": null},
  "items": [{"id": 1, "price": 9.5}, {"id": 2, "price": 20}],
  "total": 29.5,
  "next": "/items?page=2"
}"#;

fn headers() -> Vec<(String, String)> {
    vec![
        (
            "Content-Type".into(),
            "application/json; charset=utf-8".into(),
        ),
        ("Set-Cookie".into(), "a=1".into()),
        ("set-cookie".into(), "b=2".into()),
        ("Content-Length".into(), BODY.len().to_string()),
    ]
}

fn answer<'a>(headers: &'a [(String, String)], body: &'a [u8]) -> Answer<'a> {
    Answer {
        status: 201,
        headers,
        body,
        elapsed_ms: 42.5,
    }
}

fn env() -> Environment {
    Environment {
        name: "test".into(),
        variables: vec![
            KeyValue::new("expected_id", "7"),
            KeyValue::new("who", "Ada"),
        ],
    }
}

/// (subject, "operator expected", passes, actual shown, message contains)
const TABLE: &[(&str, &str, bool, &str, &str)] = &[
    ("status", "equals 201", true, "201", ""),
    ("status", "== 201", true, "201", ""),
    ("status", "equals 200", false, "201", ""),
    ("status", "not_equals 200", true, "201", ""),
    ("status", "less_than 300", true, "201", ""),
    ("status", ">= 202", false, "201", ""),
    ("status", "one_of 200, 201, 204", true, "201", ""),
    ("status", "one_of [200, 204]", false, "201", ""),
    (
        "header content-type",
        "contains json",
        true,
        "application/json; charset=utf-8",
        "",
    ),
    ("header Set-Cookie", "equals a=1, b=2", true, "a=1, b=2", ""),
    ("header Content-Length", "equals 208", true, "208", ""),
    ("header X-Missing", "not_exists", true, "", ""),
    ("header X-Missing", "exists", false, "", ""),
    ("header X-Missing", "equals x", false, "", "nothing there"),
    ("$.token", "equals abc.def", true, "abc.def", ""),
    ("$.token", "equals \"abc.def\"", true, "abc.def", ""),
    ("$.user.id", "equals {{expected_id}}", true, "7", ""),
    (
        "$.user.id",
        "equals {{missing}}",
        false,
        "",
        "no value for {{missing}}",
    ),
    ("$.user.name", "equals {{who}}", true, "Ada", ""),
    ("$.user.id", "is_type integer", true, "7", ""),
    ("$.total", "is_type integer", false, "29.5", ""),
    (
        "$.total",
        "is_type decimal",
        false,
        "29.5",
        "not a JSON type",
    ),
    ("$.user.email", "is_type null", true, "null", ""),
    ("$.user.email", "exists", true, "null", ""),
    ("$.user.phone", "not_exists", true, "", ""),
    (
        "$.user.roles",
        "contains admin",
        true,
        "[\"admin\",\"dev\"]",
        "",
    ),
    (
        "$.user.roles",
        "not_contains root",
        true,
        "[\"admin\",\"dev\"]",
        "",
    ),
    ("$.user", "contains roles", true, "", ""),
    ("$.items[?@.price > 10].id", "equals 2", true, "2", ""),
    ("$.items[*].id", "equals [1, 2]", true, "[1,2]", ""),
    (
        "$.items.length()",
        "equals 2",
        false,
        "",
        "at 14: expected '.', '..', '['",
    ),
    ("$.total", "greater_than 29", true, "29.5", ""),
    (
        "$.token",
        "less_than 3",
        false,
        "abc.def",
        "compares numbers",
    ),
    (
        "$.next",
        "matches ^/items\\?page=\\d+$",
        true,
        "/items?page=2",
        "",
    ),
    (
        "$.next",
        "matches (",
        false,
        "/items?page=2",
        "not a regular expression",
    ),
    ("body", "contains \"token\"", true, "", ""),
    ("time", "less_than 100", true, "42.5", ""),
    ("size", "equals 208", true, "208", ""),
    ("statuz", "equals 1", false, "", "not a subject"),
    ("status", "roughly 200", false, "", "not an operator"),
];

#[test]
fn each_assertion_s_verdict_on_one_answer() {
    let headers = headers();
    assert_eq!(BODY.len(), 208, "the table's size rows count this body");
    let rows: Vec<KeyValue> = TABLE
        .iter()
        .map(|(s, v, ..)| KeyValue::new(*s, *v))
        .collect();
    let checked = evaluate(&rows, answer(&headers, BODY.as_bytes()), &env());
    assert!(checked.captured.is_empty());
    let results = checked.assertions;
    assert_eq!(results.len(), TABLE.len());
    for (result, (subject, value, passes, actual, message)) in results.iter().zip(TABLE) {
        let row = format!("{subject} {value}: {result:?}");
        assert_eq!(result.passed, *passes, "{row}");
        if !actual.is_empty() {
            assert_eq!(result.actual, *actual, "{row}");
        }
        assert!(result.message.contains(message), "{row}");
        if result.passed {
            assert!(result.message.is_empty(), "{row}");
        }
    }
}

#[test]
fn switched_off_rows_are_not_checked_and_a_body_that_is_not_json_says_so() {
    let headers = headers();
    let mut off = KeyValue::new("status", "equals 500");
    off.enabled = false;
    let rows = [off, KeyValue::new("$.a", "exists")];
    let results = evaluate(&rows, answer(&headers, b"<html>"), &env()).assertions;
    assert_eq!(results.len(), 1);
    assert!(!results[0].passed);
    assert!(
        results[0].message.starts_with("the body is not JSON"),
        "{results:?}"
    );
}

#[test]
fn captures_take_values_into_the_environment() {
    let headers = headers();
    let rows = [
        KeyValue::new("$.token", "set token"),
        KeyValue::new("$.user.id", "set user_id"),
        KeyValue::new("status", "equals 201"),
        KeyValue::new("$.user.roles", "set roles"),
        KeyValue::new("header Content-Type", "set type"),
        KeyValue::new("regex page=(\\d+)", "set page"),
        KeyValue::new("regex \"total\": [0-9.]+", "set whole"),
        KeyValue::new("status", "set code"),
        KeyValue::new("$.nope", "set missing"),
        KeyValue::new("regex (", "set bad"),
        KeyValue::new("$.token", "set"),
    ];
    let checked = evaluate(&rows, answer(&headers, BODY.as_bytes()), &env());
    assert_eq!(
        checked.assertions.len(),
        1,
        "rows of other operators are assertions"
    );
    let captured = checked.captured;
    let got: Vec<(&str, &str, bool)> = captured
        .iter()
        .map(|c| (c.name.as_str(), c.value.as_str(), c.succeeded()))
        .collect();
    assert_eq!(
        got,
        [
            ("token", "abc.def", true),
            ("user_id", "7", true),
            ("roles", "[\"admin\",\"dev\"]", true),
            ("type", "application/json; charset=utf-8", true),
            ("page", "2", true),
            ("whole", "\"total\": 29.5", true),
            ("code", "201", true),
            ("missing", "", false),
            ("bad", "", false),
            ("", "", false),
        ]
    );
    assert!(
        captured[7].error.contains("nothing at $.nope"),
        "{:?}",
        captured[7]
    );
    assert!(captured[8].error.contains("not a regular expression"));
    assert!(captured[9]
        .error
        .contains("set takes the name of a variable"));

    let mut env = env();
    env.variables.push(KeyValue::new("token", "old"));
    assert_eq!(apply_captures(&captured, &mut env), 7);
    assert_eq!(
        env.lookup("token"),
        Some("abc.def"),
        "replaced where it was"
    );
    assert_eq!(env.lookup("page"), Some("2"), "added where it was not");
    assert_eq!(env.lookup("missing"), None, "a failed capture sets nothing");
    assert_eq!(env.variables.iter().filter(|v| v.key == "token").count(), 1);
}
