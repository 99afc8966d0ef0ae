//! GraphQL subscriptions over WebSocket: the messages both protocols send, each server message read, the
//! protocol's close codes, and whole conversations (init, ack, subscribe, results, complete, stop) held by
//! `Subscription`, as the two protocols' specifications write them.

use reqlab_core::stream::graphql_ws::{
    close_reason, complete, headers_payload, init, is_graphql, pong, read, subscribe, terminate,
    GraphQlError, Incoming, Phase, Protocol, Subscription, ACK_TIMEOUT_MS, SUBPROTOCOLS,
};
use reqlab_core::{
    prepare, Auth, Body, Environment, KeyValue, Method, PreparedBody, RawLanguage, Request,
};
use serde_json::{json, Value};

use Protocol::{LegacyWs, TransportWs};

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

const ENVELOPE: &str = r#"{"query":"subscription { countdown(from: 3) }","variables":{"n":1}}"#;

fn subscribed(protocol: &str, pairs: &[(&str, &str)]) -> (Subscription, Value) {
    let mut subscription = Subscription::new(ENVELOPE, &headers(pairs)).expect("a valid envelope");
    let first = subscription
        .opened(protocol)
        .expect("a GraphQL subprotocol");
    (subscription, parsed(&first))
}

#[test]
fn the_server_picks_one_of_the_two_subprotocols_offered() {
    assert_eq!(SUBPROTOCOLS, ["graphql-transport-ws", "graphql-ws"]);
    assert_eq!(
        Protocol::negotiated("graphql-transport-ws"),
        Some(TransportWs)
    );
    assert_eq!(Protocol::negotiated("graphql-ws"), Some(LegacyWs));
    assert_eq!(Protocol::negotiated(""), None);
    assert_eq!(Protocol::negotiated("GraphQL-WS"), None);
    assert_eq!(TransportWs.name(), "graphql-transport-ws");
    assert_eq!(LegacyWs.name(), "graphql-ws");
}

#[test]
fn client_messages_are_spelled_as_each_protocol_has_them() {
    let envelope = json!({"query": "subscription { a }"});
    assert_eq!(
        parsed(&subscribe(TransportWs, "1", &envelope)),
        json!({"id": "1", "type": "subscribe", "payload": {"query": "subscription { a }"}})
    );
    assert_eq!(
        parsed(&subscribe(LegacyWs, "7", &envelope)),
        json!({"id": "7", "type": "start", "payload": {"query": "subscription { a }"}})
    );
    assert_eq!(
        parsed(&complete(TransportWs, "1")),
        json!({"id": "1", "type": "complete"})
    );
    assert_eq!(
        parsed(&complete(LegacyWs, "1")),
        json!({"id": "1", "type": "stop"})
    );
    assert_eq!(terminate(TransportWs), None);
    assert_eq!(
        terminate(LegacyWs).map(|t| parsed(&t)),
        Some(json!({"type": "connection_terminate"}))
    );
    assert_eq!(parsed(&pong()), json!({"type": "pong"}));
    let payload = headers_payload(&headers(&[("Authorization", "Bearer t")]));
    assert_eq!(
        parsed(&init(&payload)),
        json!({"type": "connection_init", "payload": {"Authorization": "Bearer t"}})
    );
}

#[test]
fn the_headers_become_the_init_payload_with_their_names_as_written() {
    let payload = headers_payload(&headers(&[
        ("Authorization", "Bearer t"),
        ("x-tenant", "a"),
        ("Sec-WebSocket-Protocol", "chat"),
        ("x-tenant", "b"),
    ]));
    assert_eq!(
        Value::Object(payload),
        json!({"Authorization": "Bearer t", "x-tenant": "a, b"})
    );
    assert!(headers_payload(&[]).is_empty());
}

#[test]
fn server_messages_of_graphql_transport_ws_are_read() {
    let cases = [
        (r#"{"type":"connection_ack"}"#, Incoming::Ack),
        (
            r#"{"type":"connection_ack","payload":{"server":"x"}}"#,
            Incoming::Ack,
        ),
        (r#"{"type":"ping"}"#, Incoming::Ping),
        (r#"{"type":"pong","payload":{}}"#, Incoming::Pong),
        (
            r#"{"id":"1","type":"next","payload":{"data":{"countdown":3}}}"#,
            Incoming::Next {
                id: "1".into(),
                payload: json!({"data": {"countdown": 3}}),
            },
        ),
        (
            r#"{"id":"1","type":"complete"}"#,
            Incoming::Complete { id: "1".into() },
        ),
        (
            r#"{"id":"1","type":"error","payload":[{"message":"Cannot query field \"x\".","locations":[{"line":1,"column":16}]}]}"#,
            Incoming::Error {
                id: "1".into(),
                errors: vec![GraphQlError {
                    message: "Cannot query field \"x\".".into(),
                    locations: vec![(1, 16)],
                }],
            },
        ),
        // The legacy protocol's words mean nothing here.
        (
            r#"{"id":"1","type":"data","payload":{"data":{}}}"#,
            Incoming::Unknown {
                kind: "data".into(),
            },
        ),
        (r#"{"type":"ka"}"#, Incoming::Unknown { kind: "ka".into() }),
    ];
    for (text, expected) in cases {
        assert_eq!(read(TransportWs, text), expected, "{text}");
    }
}

#[test]
fn server_messages_of_the_legacy_graphql_ws_are_read() {
    let cases = [
        (r#"{"type":"connection_ack"}"#, Incoming::Ack),
        (r#"{"type":"ka"}"#, Incoming::KeepAlive),
        (
            r#"{"id":"1","type":"data","payload":{"data":null,"errors":[{"message":"boom"}]}}"#,
            Incoming::Next {
                id: "1".into(),
                payload: json!({"data": null, "errors": [{"message": "boom"}]}),
            },
        ),
        (
            r#"{"id":1,"type":"complete"}"#,
            Incoming::Complete { id: "1".into() },
        ),
        (
            r#"{"id":"1","type":"error","payload":{"message":"Subscription field must return Async Iterable."}}"#,
            Incoming::Error {
                id: "1".into(),
                errors: vec![GraphQlError {
                    message: "Subscription field must return Async Iterable.".into(),
                    locations: vec![],
                }],
            },
        ),
        (
            r#"{"type":"connection_error","payload":{"message":"Missing token"}}"#,
            Incoming::ConnectionError {
                errors: vec![GraphQlError {
                    message: "Missing token".into(),
                    locations: vec![],
                }],
            },
        ),
        (
            r#"{"type":"connection_error","payload":"no"}"#,
            Incoming::ConnectionError {
                errors: vec![GraphQlError {
                    message: "no".into(),
                    locations: vec![],
                }],
            },
        ),
        (
            r#"{"id":"1","type":"next","payload":{"data":{}}}"#,
            Incoming::Unknown {
                kind: "next".into(),
            },
        ),
        (
            r#"{"type":"ping"}"#,
            Incoming::Unknown {
                kind: "ping".into(),
            },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(read(LegacyWs, text), expected, "{text}");
    }
}

#[test]
fn what_is_not_a_protocol_message_is_told_as_such() {
    let cases = [
        ("", "not a JSON object"),
        ("hello", "not a JSON object"),
        (r#"[{"type":"next"}]"#, "not a JSON object"),
        (r#"{"payload":{}}"#, "without a \"type\""),
        (r#"{"type":3}"#, "without a \"type\""),
        (
            r#"{"type":"next","payload":{"data":{}}}"#,
            "\"next\" without an \"id\"",
        ),
        (r#"{"type":"complete"}"#, "\"complete\" without an \"id\""),
        (
            r#"{"type":"error","payload":[]}"#,
            "\"error\" without an \"id\"",
        ),
        (
            r#"{"id":"1","type":"next","payload":[1]}"#,
            "not an execution result",
        ),
        (r#"{"id":"1","type":"next"}"#, "not an execution result"),
    ];
    for (text, expected) in cases {
        match read(TransportWs, text) {
            Incoming::Malformed(why) => assert!(why.contains(expected), "{text}: {why}"),
            other => panic!("{text}: read as {other:?}"),
        }
    }
    assert!(matches!(
        read(LegacyWs, r#"{"type":"data","payload":{}}"#),
        Incoming::Malformed(_)
    ));
}

#[test]
fn errors_read_with_their_locations() {
    let errors = match read(
        TransportWs,
        r#"{"id":"1","type":"error","payload":[{"message":"a","locations":[{"line":2,"column":3},{"line":4,"column":1}]},{"message":"b"},{"extensions":{}}]}"#,
    ) {
        Incoming::Error { errors, .. } => errors,
        other => panic!("read as {other:?}"),
    };
    let told: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        told,
        [
            "a (line 2, column 3) (line 4, column 1)",
            "b",
            r#"{"extensions":{}}"#
        ]
    );
}

#[test]
fn the_protocols_close_codes_are_explained_and_others_left_to_websocket() {
    for (code, words) in [
        (4400, "Bad Request"),
        (4401, "Unauthorized"),
        (4403, "Forbidden"),
        (4406, "Subprotocol Not Acceptable"),
        (4408, "Connection Initialisation Timeout"),
        (4409, "Subscriber Already Exists"),
        (4429, "Too Many Initialisation Requests"),
        (4500, "Internal Server Error"),
        (4504, "Connection Acknowledgement Timeout"),
    ] {
        let reason = close_reason(code).unwrap_or_else(|| panic!("{code} unexplained"));
        assert!(
            reason.starts_with(&format!("{code} {words}: ")),
            "{code}: {reason}"
        );
    }
    for code in [1000, 1001, 1006, 4000, 4404, 4999] {
        assert_eq!(close_reason(code), None, "{code}");
    }
}

#[test]
fn a_graphql_transport_ws_subscription_runs_from_init_to_complete() {
    let (mut subscription, init) = subscribed(
        "graphql-transport-ws",
        &[("Authorization", "Bearer t"), ("X-Trace", "9")],
    );
    assert_eq!(
        init,
        json!({"type": "connection_init", "payload": {"Authorization": "Bearer t", "X-Trace": "9"}})
    );
    assert_eq!(subscription.payload_names(), ["Authorization", "X-Trace"]);
    assert_eq!(subscription.protocol(), Some(TransportWs));
    assert_eq!(subscription.phase(), Phase::Initialising);

    let ack = subscription.receive(r#"{"type":"connection_ack"}"#);
    assert_eq!(ack.send.len(), 1);
    assert_eq!(
        parsed(&ack.send[0]),
        json!({"id": "1", "type": "subscribe", "payload": parsed(ENVELOPE)})
    );
    assert!(!ack.close && !ack.problem && ack.result.is_none());
    assert_eq!(subscription.phase(), Phase::Subscribed);

    let ping = subscription.receive(r#"{"type":"ping"}"#);
    assert_eq!(ping.send, [r#"{"type":"pong"}"#]);
    assert!(ping.result.is_none() && ping.note.is_none());

    for n in [3, 2, 1, 0] {
        let next = subscription.receive(&format!(
            r#"{{"id":"1","type":"next","payload":{{"data":{{"countdown":{n}}}}}}}"#
        ));
        assert_eq!(
            next.result.map(|r| parsed(&r)),
            Some(json!({"data": {"countdown": n}}))
        );
        assert!(next.send.is_empty() && !next.close);
    }
    assert_eq!(subscription.results(), 4);

    let done = subscription.receive(r#"{"id":"1","type":"complete"}"#);
    assert_eq!(
        done.note.as_deref(),
        Some("The server completed the subscription after 4 messages.")
    );
    assert!(done.close && !done.problem && done.send.is_empty());
    assert_eq!(subscription.phase(), Phase::Over);
    // Stopping a finished subscription sends nothing more.
    assert!(subscription.stop().is_empty());
    assert_eq!(subscription.closed(1000), None);
}

#[test]
fn a_legacy_graphql_ws_subscription_counts_keep_alives_and_says_goodbye() {
    let (mut subscription, init) = subscribed("graphql-ws", &[]);
    assert_eq!(init, json!({"type": "connection_init", "payload": {}}));
    let ack = subscription.receive(r#"{"type":"connection_ack"}"#);
    assert_eq!(
        parsed(&ack.send[0]),
        json!({"id": "1", "type": "start", "payload": parsed(ENVELOPE)})
    );
    for _ in 0..3 {
        let ka = subscription.receive(r#"{"type":"ka"}"#);
        assert_eq!(ka, Default::default());
    }
    assert_eq!(subscription.keep_alives(), 3);
    let data =
        subscription.receive(r#"{"id":"1","type":"data","payload":{"data":{"countdown":1}}}"#);
    assert_eq!(
        data.result.map(|r| parsed(&r)),
        Some(json!({"data": {"countdown": 1}}))
    );
    let done = subscription.receive(r#"{"id":"1","type":"complete"}"#);
    assert_eq!(
        done.note.as_deref(),
        Some("The server completed the subscription after 1 message.")
    );
    assert_eq!(
        done.send.iter().map(|m| parsed(m)).collect::<Vec<_>>(),
        [json!({"type": "connection_terminate"})]
    );
    assert!(done.close);
}

#[test]
fn stopping_ends_the_subscription_as_each_protocol_has_it() {
    let (mut current, _) = subscribed("graphql-transport-ws", &[]);
    current.receive(r#"{"type":"connection_ack"}"#);
    let sent: Vec<Value> = current.stop().iter().map(|m| parsed(m)).collect();
    assert_eq!(sent, [json!({"id": "1", "type": "complete"})]);
    assert!(current.stop().is_empty(), "stopped once");

    let (mut legacy, _) = subscribed("graphql-ws", &[]);
    legacy.receive(r#"{"type":"connection_ack"}"#);
    let sent: Vec<Value> = legacy.stop().iter().map(|m| parsed(m)).collect();
    assert_eq!(
        sent,
        [
            json!({"id": "1", "type": "stop"}),
            json!({"type": "connection_terminate"})
        ]
    );

    // Before the ack there is nothing to complete; the legacy protocol still says goodbye.
    let (mut waiting, _) = subscribed("graphql-transport-ws", &[]);
    assert!(waiting.stop().is_empty());
    let (mut waiting, _) = subscribed("graphql-ws", &[]);
    assert_eq!(waiting.stop(), [r#"{"type":"connection_terminate"}"#]);
}

#[test]
fn a_server_that_picks_no_graphql_subprotocol_is_explained() {
    for picked in ["", "chat"] {
        let mut subscription = Subscription::new(ENVELOPE, &[]).expect("a valid envelope");
        let why = subscription
            .opened(picked)
            .expect_err("no GraphQL protocol");
        assert!(
            why.contains("graphql-transport-ws, graphql-ws") && why.contains("closing"),
            "{why}"
        );
        assert_eq!(subscription.phase(), Phase::Over);
        assert!(subscription.stop().is_empty());
    }
    let mut subscription = Subscription::new(ENVELOPE, &[]).expect("a valid envelope");
    let why = subscription
        .opened("chat")
        .expect_err("no GraphQL protocol");
    assert!(why.starts_with("The server picked \"chat\""), "{why}");
}

#[test]
fn a_missing_ack_times_out_and_a_close_instead_of_it_is_explained() {
    let (mut waiting, _) = subscribed("graphql-transport-ws", &[]);
    let why = waiting.ack_timed_out().expect("still waiting");
    assert_eq!(
        why,
        format!(
            "The server did not acknowledge connection_init within {} s: closing.",
            ACK_TIMEOUT_MS / 1000
        )
    );
    assert_eq!(ACK_TIMEOUT_MS, 10_000);
    assert_eq!(waiting.ack_timed_out(), None, "told once");

    let (mut acknowledged, _) = subscribed("graphql-transport-ws", &[]);
    acknowledged.receive(r#"{"type":"connection_ack"}"#);
    assert_eq!(acknowledged.ack_timed_out(), None);

    let (mut refused, _) = subscribed("graphql-transport-ws", &[]);
    let why = refused.closed(4403).expect("a protocol code");
    assert!(
        why.starts_with(
            "The server closed the connection instead of acknowledging it: 4403 Forbidden"
        ),
        "{why}"
    );
    let (mut dropped, _) = subscribed("graphql-transport-ws", &[]);
    dropped.receive(r#"{"type":"connection_ack"}"#);
    let why = dropped.closed(4500).expect("a protocol code");
    assert!(
        why.starts_with("The server closed the connection: 4500 Internal Server Error"),
        "{why}"
    );
    let (mut plain, _) = subscribed("graphql-transport-ws", &[]);
    assert_eq!(plain.closed(1006), None);
}

#[test]
fn errors_end_the_subscription_with_their_messages() {
    let (mut subscription, _) = subscribed("graphql-transport-ws", &[]);
    subscription.receive(r#"{"type":"connection_ack"}"#);
    let failed = subscription.receive(
        r#"{"id":"1","type":"error","payload":[{"message":"Unknown field","locations":[{"line":1,"column":16}]}]}"#,
    );
    assert_eq!(
        failed.note.as_deref(),
        Some("The server rejected the subscription: Unknown field (line 1, column 16).")
    );
    assert!(failed.problem && failed.close && failed.send.is_empty());
    assert!(subscription.stop().is_empty());

    let (mut legacy, _) = subscribed("graphql-ws", &[("Authorization", "Bearer x")]);
    let refused =
        legacy.receive(r#"{"type":"connection_error","payload":{"message":"Bad token"}}"#);
    assert_eq!(
        refused.note.as_deref(),
        Some("The server refused the connection: Bad token.")
    );
    assert!(refused.problem && refused.close);
}

#[test]
fn unexpected_and_malformed_messages_are_noted_without_ending_the_subscription() {
    let (mut subscription, _) = subscribed("graphql-transport-ws", &[]);
    subscription.receive(r#"{"type":"connection_ack"}"#);
    let odd = subscription.receive(r#"{"type":"hello"}"#);
    assert!(odd.problem && !odd.close);
    assert!(odd.note.is_some_and(|n| n.contains("\"hello\"")));
    let broken = subscription.receive("{");
    assert!(broken.problem && !broken.close);
    assert_eq!(subscription.phase(), Phase::Subscribed);
    // A second ack changes nothing.
    assert_eq!(
        subscription.receive(r#"{"type":"connection_ack"}"#),
        Default::default()
    );
}

#[test]
fn an_envelope_without_a_query_cannot_subscribe() {
    for (envelope, words) in [
        ("subscription { a }", "not JSON"),
        (r#"{"variables":{}}"#, "no \"query\""),
        (r#"{"query":3}"#, "no \"query\""),
    ] {
        let why = Subscription::new(envelope, &[]).expect_err(envelope);
        assert!(why.contains(words), "{envelope}: {why}");
    }
}

#[test]
fn a_subscription_is_prepared_with_its_envelope_resolved_and_auth_in_the_headers() {
    let request = Request {
        method: Method::Get,
        url: "ws://{{host}}/graphql".into(),
        headers: vec![KeyValue::new("X-Tenant", "{{tenant}}")],
        body: Body::Raw {
            language: RawLanguage::GraphQl,
            text: r#"{"query":"subscription { countdown(from: {{n}}) }"}"#.into(),
        },
        auth: Auth::Bearer {
            token: "{{token}}".into(),
        },
        ..Request::default()
    };
    assert!(is_graphql(&request));
    assert!(!is_graphql(&Request::default()));
    let env = Environment {
        name: "test".into(),
        variables: [
            ("host", "echo:8080"),
            ("tenant", "acme"),
            ("n", "3"),
            ("token", "t"),
        ]
        .into_iter()
        .map(|(k, v)| KeyValue::new(k, v))
        .collect(),
    };
    let prepared = prepare(&request, &env).expect("prepares");
    assert_eq!(prepared.url.to_string(), "ws://echo:8080/graphql");
    let PreparedBody::Text(envelope) = &prepared.body else {
        panic!("the envelope stays the body: {:?}", prepared.body);
    };
    let mut subscription = Subscription::new(envelope, &prepared.headers).expect("an envelope");
    assert_eq!(
        parsed(&subscription.opened("graphql-transport-ws").expect("init")),
        json!({"type": "connection_init", "payload": {"X-Tenant": "acme", "Authorization": "Bearer t"}})
    );
    let subscribe = subscription.receive(r#"{"type":"connection_ack"}"#).send;
    assert_eq!(
        parsed(&subscribe[0])["payload"],
        json!({"query": "subscription { countdown(from: 3) }"})
    );
}
