//! Variables' JSON checked against an operation's definitions and GitHub's types, and the skeleton to
//! fill in.
#![cfg(feature = "graphql")]

use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::schema::Schema;
use reqlab_core::graphql::variables::{check, skeleton};

const QUERY: &str = "query Q($owner: String!, $name: String!, $n: Int = 5, $states: [IssueState!], $order: IssueOrder, $id: ID) {
  repository(owner: $owner, name: $name) { issues(first: $n, states: $states, orderBy: $order) { totalCount } }
  node(id: $id) { id }
}";

fn messages(json: &str, with_schema: bool) -> Vec<(Option<String>, String)> {
    let schema = Schema::from_sdl(
        &std::fs::read_to_string("tests/fixtures/graphql/github.graphql").unwrap(),
    )
    .unwrap();
    let document = parse(QUERY).unwrap();
    let operation = document.select(None).unwrap();
    check(operation, json, with_schema.then_some(&schema))
        .into_iter()
        .map(|p| (p.name, p.message))
        .collect()
}

fn one(name: &str, message: &str) -> Vec<(Option<String>, String)> {
    vec![(Some(name.to_string()), message.to_string())]
}

#[test]
fn valid_variables_pass() {
    let json = r#"{"owner":"o","name":"n","n":10,"states":"OPEN","order":{"field":"CREATED_AT","direction":"DESC"},"id":7}"#;
    assert_eq!(messages(json, true), vec![]);
    assert_eq!(
        messages(
            r#"{"owner":"o","name":"n","states":["OPEN","CLOSED"],"n":null}"#,
            true
        ),
        vec![]
    );
}

#[test]
fn mistakes_are_named() {
    assert_eq!(
        messages("", false),
        vec![
            (
                Some("owner".into()),
                "Variable \"$owner\" of required type \"String!\" was not provided.".into()
            ),
            (
                Some("name".into()),
                "Variable \"$name\" of required type \"String!\" was not provided.".into()
            ),
        ]
    );
    assert_eq!(
        messages("[1]", false),
        vec![(None, "The variables must be a JSON object.".to_string())]
    );
    assert!(messages("{\"owner\":", false)[0]
        .1
        .starts_with("The variables are not JSON"));
    assert_eq!(messages(r#"{"owner":"o","name":null}"#, false), one("name", "Variable \"$name\" got invalid value null; Expected non-nullable type \"String!\" not to be null at $name."));
    assert_eq!(messages(r#"{"owner":"o","name":"n","n":"ten"}"#, false), one("n", "Variable \"$n\" got invalid value \"ten\"; Int cannot represent non-integer value: \"ten\" (at $n)."));
    assert_eq!(messages(r#"{"owner":"o","name":"n","n":3000000000}"#, false), one("n", "Variable \"$n\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000 (at $n)."));
    assert_eq!(messages(r#"{"owner":"o","name":"n","states":["OPEN","MERGED"]}"#, true), one("states", "Variable \"$states\" got invalid value [\"OPEN\",\"MERGED\"]; Value \"MERGED\" does not exist in \"IssueState\" enum (at $states[1])."));
    assert_eq!(messages(r#"{"owner":"o","name":"n","order":{"field":"CREATED_AT"}}"#, true), one("order", "Variable \"$order\" got invalid value {\"field\":\"CREATED_AT\"}; Field \"direction\" of required type \"OrderDirection!\" was not provided (at $order)."));
    assert_eq!(messages(r#"{"owner":"o","name":"n","order":{"field":"CREATED_AT","direction":"ASC","x":1}}"#, true)[0].1, "Variable \"$order\" got invalid value {\"direction\":\"ASC\",\"field\":\"CREATED_AT\",\"x\":1}; Field \"x\" is not defined by type \"IssueOrder\" (at $order).");
    assert_eq!(
        messages(r#"{"owner":"o","name":"n","extra":1}"#, false),
        one(
            "extra",
            "Variable \"$extra\" is not defined by the operation."
        )
    );
}

#[test]
fn skeleton_has_a_placeholder_of_each_type() {
    let schema = Schema::from_sdl(
        &std::fs::read_to_string("tests/fixtures/graphql/github.graphql").unwrap(),
    )
    .unwrap();
    let document = parse(QUERY).unwrap();
    let text = skeleton(document.select(None).unwrap(), Some(&schema));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "owner": "", "name": "", "n": 5, "states": [], "order": {"field": "COMMENTS", "direction": "ASC"}, "id": ""
        })
    );
    assert!(messages(&text, true).is_empty());
}
