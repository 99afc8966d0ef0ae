//! The runner's state machine: what it hands out to send, in which order, with which variables, and what it
//! does with each answer. Answers are given by the test (the runner has no network of its own; the CLI's
//! `run` test sends the same plans to a real reqlab-echo).

use reqlab_core::import::{Collection, CollectionItem};
use reqlab_core::run::{plan, Exchange, RunOptions, Runner};
use reqlab_core::{Body, Environment, KeyValue, Method, RawLanguage, Request};

fn request(method: Method, url: &str) -> Request {
    Request {
        method,
        url: url.into(),
        ..Request::default()
    }
}

fn item(name: &str, request: Request) -> CollectionItem {
    CollectionItem::Request {
        name: name.into(),
        request,
    }
}

fn json_answer(body: &str, headers: &[(&str, &str)]) -> Exchange {
    Exchange {
        status: 200,
        status_text: "OK".into(),
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
        elapsed_ms: 1.0,
    }
}

fn no_dynamic(_: &str) -> Option<String> {
    None
}

#[test]
fn references_read_the_named_request_s_last_exchange() {
    let mut login = request(Method::Post, "http://h/login");
    login.body = Body::Raw {
        language: RawLanguage::Json,
        text: r#"{"user": "ada"}"#.into(),
    };
    let mut me = request(
        Method::Get,
        "http://h/me?user={{login.request.body.$.user}}",
    );
    me.headers = vec![
        KeyValue::new("Authorization", "Bearer {{login.response.body.$.token}}"),
        KeyValue::new("X-Session", "{{login.response.headers.x-session}}"),
    ];
    let collection = Collection {
        name: "c".into(),
        items: vec![item("login", login), item("me", me)],
        ..Collection::default()
    };
    let mut runner = Runner::new(
        "c",
        plan(&collection, None).expect("plan"),
        Vec::new(),
        Environment::default(),
        Vec::new(),
        RunOptions::default(),
    );
    let first = runner.next(&mut no_dynamic).expect("login");
    assert_eq!(first.path, "login");
    assert!(
        runner.next(&mut no_dynamic).is_some(),
        "the same step until it is recorded"
    );
    runner.record(Ok(json_answer(
        r#"{"token": "t-1"}"#,
        &[("X-Session", "s-9")],
    )));
    let second = runner.next(&mut no_dynamic).expect("me");
    assert_eq!(second.prepared.url.to_string(), "http://h/me?user=ada");
    let header = |name: &str| {
        second
            .prepared
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("Authorization").as_deref(), Some("Bearer t-1"));
    assert_eq!(header("X-Session").as_deref(), Some("s-9"));
    runner.record(Err("no answer: refused".into()));
    assert!(runner.next(&mut no_dynamic).is_none());
    let report = runner.into_report();
    assert_eq!(report.steps.len(), 2);
    assert_eq!(report.steps[1].error, "no answer: refused");
    assert!(!report.passed());
}

#[test]
fn a_reference_to_a_request_not_yet_sent_is_reported_and_the_run_goes_on() {
    let early = request(Method::Get, "http://h/{{later.response.body.$.id}}");
    let collection = Collection {
        name: "c".into(),
        items: vec![
            item("early", early),
            item("later", request(Method::Get, "http://h/x")),
        ],
        ..Collection::default()
    };
    let mut runner = Runner::new(
        "c",
        plan(&collection, None).expect("plan"),
        Vec::new(),
        Environment::default(),
        Vec::new(),
        RunOptions::default(),
    );
    let step = runner.next(&mut no_dynamic).expect("the second request");
    assert_eq!(step.path, "later");
    let report = runner.report();
    assert!(
        report.steps[0]
            .error
            .contains("no request named \"later\" has been sent before this one"),
        "{:?}",
        report.steps[0]
    );
}

#[test]
fn iterations_layer_data_over_environment_over_collection_and_reuse_the_last_row() {
    let collection = Collection {
        name: "c".into(),
        variables: vec![
            KeyValue::new("a", "collection"),
            KeyValue::new("b", "collection"),
        ],
        items: vec![item(
            "one",
            request(Method::Get, "http://h/{{a}}/{{b}}/{{c}}"),
        )],
        ..Collection::default()
    };
    let env = Environment {
        name: "e".into(),
        variables: vec![KeyValue::new("b", "env"), KeyValue::new("c", "env")],
    };
    let data = vec![
        vec![KeyValue::new("c", "row1")],
        vec![KeyValue::new("c", "row2")],
    ];
    let mut runner = Runner::new(
        "c",
        plan(&collection, None).expect("plan"),
        collection.variables.clone(),
        env,
        data,
        RunOptions {
            iterations: Some(3),
            ..RunOptions::default()
        },
    );
    let mut urls = Vec::new();
    while let Some(step) = runner.next(&mut no_dynamic) {
        urls.push(step.prepared.url.to_string());
        runner.record(Ok(json_answer("{}", &[])));
    }
    assert_eq!(
        urls,
        [
            "http://h/collection/env/row1",
            "http://h/collection/env/row2",
            "http://h/collection/env/row2"
        ]
    );
    assert_eq!(
        runner
            .report()
            .steps
            .iter()
            .map(|s| s.iteration)
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn unknown_names_are_errors_unless_sent_as_written_and_dynamic_values_come_from_the_caller() {
    let collection = Collection {
        name: "c".into(),
        items: vec![item(
            "one",
            request(Method::Get, "http://h/{{$guid}}?q={{nobody}}"),
        )],
        ..Collection::default()
    };
    let run = |unknown_as_written| {
        let mut runner = Runner::new(
            "c",
            plan(&collection, None).expect("plan"),
            Vec::new(),
            Environment::default(),
            Vec::new(),
            RunOptions {
                unknown_as_written,
                ..RunOptions::default()
            },
        );
        let mut dynamic = |name: &str| (name == "$guid").then(|| "g-1".to_string());
        let url = runner
            .next(&mut dynamic)
            .map(|s| s.prepared.url.to_string());
        (url, runner.into_report())
    };
    let (url, report) = run(false);
    assert_eq!(url, None);
    assert!(
        report.steps[0].error.contains("nobody"),
        "{:?}",
        report.steps[0]
    );
    let (url, _) = run(true);
    assert_eq!(url.as_deref(), Some("http://h/g-1?q=%7B%7Bnobody%7D%7D"));
}

#[test]
fn bail_stops_at_the_first_failure_and_cancel_stops_at_once() {
    let mut checked = request(Method::Get, "http://h/1");
    checked.checks = vec![KeyValue::new("status", "equals 201")];
    let collection = Collection {
        name: "c".into(),
        items: vec![
            item("one", checked),
            item("two", request(Method::Get, "http://h/2")),
        ],
        ..Collection::default()
    };
    let runner = |bail| {
        Runner::new(
            "c",
            plan(&collection, None).expect("plan"),
            Vec::new(),
            Environment::default(),
            Vec::new(),
            RunOptions {
                bail,
                ..RunOptions::default()
            },
        )
    };
    let mut bailing = runner(true);
    bailing.next(&mut no_dynamic).expect("one");
    bailing.record(Ok(json_answer("{}", &[])));
    assert!(bailing.next(&mut no_dynamic).is_none());
    assert_eq!(bailing.report().stopped, "bail");
    assert!(!bailing.report().steps[0].assertions[0].passed);

    let mut going_on = runner(false);
    going_on.next(&mut no_dynamic).expect("one");
    going_on.record(Ok(json_answer("{}", &[])));
    assert!(going_on.next(&mut no_dynamic).is_some());
    going_on.cancel();
    assert!(going_on.next(&mut no_dynamic).is_none());
    assert_eq!(going_on.report().stopped, "cancelled");
    assert_eq!(going_on.report().steps.len(), 1);
}
