//! `/graphql` on a real socket: GraphQL over HTTP (POST and GET, variables, operationName, a mutation over GET
//! refused with 405, error locations, the two answer media types and their statuses, introspection with
//! descriptions and deprecations, the depth and complexity limits) and over WebSocket (`graphql-transport-ws`
//! with its connection_init payload, ping and countdown; the older `graphql-ws`; the idle timeout).

mod support;

use futures_util::SinkExt;
use reqlab_echo::Config;
use serde_json::{json, Value};
use std::net::SocketAddr;
use support::socket::{close_of, connect_offering, next, start, Socket};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// One HTTP/1.1 exchange on a fresh loopback connection, read until the server closes it.
async fn http(addr: SocketAddr, head: &str, body: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let request = format!(
        "{head}\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut raw),
    )
    .await
    .expect("an answer in time")
    .expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|line| line.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

async fn post(addr: SocketAddr, extra_headers: &str, envelope: &Value) -> Reply {
    let head = format!("POST /graphql HTTP/1.1\r\nContent-Type: application/json{extra_headers}");
    http(addr, &head, &envelope.to_string()).await
}

async fn get(addr: SocketAddr, extra_headers: &str, pairs: &[(&str, &str)]) -> Reply {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    http(
        addr,
        &format!("GET /graphql?{query} HTTP/1.1{extra_headers}"),
        "",
    )
    .await
}

#[tokio::test]
async fn post_with_variables_answers_data_as_json_with_cors() {
    let addr = start(Config::default()).await;
    let envelope = json!({
        "query": "query Sum($a: Int!, $b: Int!) { add(a: $a, b: $b) }",
        "variables": {"a": 2, "b": 40},
        "operationName": "Sum"
    });
    let reply = post(addr, "\r\nOrigin: https://app.example", &envelope).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.json(), json!({"data": {"add": 42}}));
    assert_eq!(
        reply.header("access-control-allow-origin"),
        "https://app.example"
    );
    assert_eq!(reply.header("x-content-type-options"), "nosniff");
    // An input object through a variable, and a mutation over POST.
    let envelope = json!({
        "query": "query($p: PersonInput!) { describe(person: $p) } ",
        "variables": {"p": {"name": "Ada", "age": 36}}
    });
    assert_eq!(
        post(addr, "", &envelope).await.json(),
        json!({"data": {"describe": "Ada is 36 years old."}})
    );
    let shout = json!({"query": "mutation { shout(message: \"quiet please\") }"});
    assert_eq!(
        post(addr, "", &shout).await.json(),
        json!({"data": {"shout": "QUIET PLEASE"}})
    );
}

#[tokio::test]
async fn get_takes_query_variables_and_operation_name_from_the_url() {
    let addr = start(Config::default()).await;
    let reply = get(
        addr,
        "",
        &[
            ("query", "query A { hello } query B($m: String!) { echo(message: $m, times: 3) greeting(language: FR) }"),
            ("variables", r#"{"m": "ab"}"#),
            ("operationName", "B"),
        ],
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.json(),
        json!({"data": {"echo": "ababab", "greeting": "Bonjour, le monde!"}})
    );
    // Without a query, a sentence saying how to send one.
    let bare = http(addr, "GET /graphql HTTP/1.1", "").await;
    assert_eq!(bare.status, 400);
    assert!(bare.json()["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("POST /graphql"));
}

#[tokio::test]
async fn a_mutation_over_get_is_refused_with_405_and_not_run() {
    let addr = start(Config::default()).await;
    let reply = get(addr, "", &[("query", "mutation { shout(message: \"x\") }")]).await;
    assert_eq!(reply.status, 405, "{}", reply.body);
    assert_eq!(reply.header("allow"), "POST");
    let body = reply.json();
    assert!(body.get("data").is_none(), "{body}");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("POST"));
    // The same document naming its query operation is fine over GET.
    let document = "query Q { hello } mutation M { shout(message: \"x\") }";
    let query = get(addr, "", &[("query", document), ("operationName", "Q")]).await;
    assert_eq!(query.status, 200);
    assert_eq!(query.json()["data"]["hello"], "Hello, world!");
    let mutation = get(addr, "", &[("query", document), ("operationName", "M")]).await;
    assert_eq!(mutation.status, 405);
}

#[tokio::test]
async fn an_unknown_field_is_located_and_its_status_follows_the_media_type() {
    let addr = start(Config::default()).await;
    let envelope = json!({"query": "{\n  hello\n    nope\n}"});
    let legacy = post(addr, "", &envelope).await;
    assert_eq!(legacy.status, 200);
    assert_eq!(legacy.header("content-type"), "application/json");
    let modern = post(
        addr,
        &format!("\r\nAccept: {GRAPHQL_RESPONSE}, application/json;q=0.9"),
        &envelope,
    )
    .await;
    assert_eq!(modern.status, 400);
    assert_eq!(modern.header("content-type"), GRAPHQL_RESPONSE);
    for reply in [&legacy, &modern] {
        let body = reply.json();
        assert!(
            body.get("data").is_none(),
            "a request error has no data: {body}"
        );
        let error = &body["errors"][0];
        assert!(
            error["message"]
                .as_str()
                .unwrap_or_default()
                .contains("nope"),
            "{body}"
        );
        assert_eq!(error["locations"], json!([{"line": 3, "column": 5}]));
    }
    // A document that does not parse is a request error too; a field error is not (200, data present).
    let broken = post(
        addr,
        &format!("\r\nAccept: {GRAPHQL_RESPONSE}"),
        &json!({"query": "{ hello"}),
    )
    .await;
    assert_eq!(broken.status, 400);
    let field_error = post(
        addr,
        &format!("\r\nAccept: {GRAPHQL_RESPONSE}"),
        &json!({"query": "{ echo(message: \"a\", times: 0) }"}),
    )
    .await;
    assert_eq!(field_error.status, 200);
    let body = field_error.json();
    assert_eq!(body["data"], Value::Null);
    assert_eq!(body["errors"][0]["path"], json!(["echo"]));
    assert_eq!(
        body["errors"][0]["message"],
        "times must be from 1 to 100; it was 0."
    );
    // A body that is not JSON, or not JSON at all by its type.
    let not_json = http(
        addr,
        "POST /graphql HTTP/1.1\r\nContent-Type: application/json",
        "{",
    )
    .await;
    assert_eq!(not_json.status, 400);
    let form = http(
        addr,
        "POST /graphql HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
        "query=%7Bhello%7D",
    )
    .await;
    assert_eq!(form.status, 415);
}

/// The introspection query GraphiQL and most clients send, with its nine-level type reference.
const INTROSPECTION: &str = r#"
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}
"#;

#[tokio::test]
async fn introspection_shows_the_types_their_descriptions_and_deprecations() {
    let addr = start(Config::default()).await;
    let reply = post(addr, "", &json!({"query": INTROSPECTION})).await;
    assert_eq!(reply.status, 200);
    let body = reply.json();
    assert!(body.get("errors").is_none(), "{body}");
    let schema = &body["data"]["__schema"];
    assert_eq!(schema["subscriptionType"]["name"], "Subscription");
    let types = schema["types"].as_array().expect("types");
    let named = |name: &str| {
        types
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("no type {name}"))
    };
    for name in [
        "Query",
        "Mutation",
        "Subscription",
        "RequestInfo",
        "Header",
        "Language",
        "PersonInput",
    ] {
        let description = named(name)["description"].as_str().unwrap_or_default();
        assert!(!description.is_empty(), "{name} has no description");
    }
    let field = |type_name: &str, field: &str| -> Value {
        named(type_name)["fields"]
            .as_array()
            .and_then(|fields| fields.iter().find(|f| f["name"] == field))
            .cloned()
            .unwrap_or_else(|| panic!("no {type_name}.{field}"))
    };
    let hello = field("Query", "hello");
    assert_eq!(hello["isDeprecated"], true);
    assert_eq!(hello["deprecationReason"], "Use echo.");
    let echo = field("Query", "echo");
    assert!(echo["description"]
        .as_str()
        .unwrap_or_default()
        .contains("repeated"));
    let times = &echo["args"][1];
    assert_eq!(times["name"], "times");
    assert_eq!(times["defaultValue"], "1");
    assert!(!times["description"].as_str().unwrap_or_default().is_empty());
    let countdown = field("Subscription", "countdown");
    let arguments: Vec<&str> = countdown["args"]
        .as_array()
        .expect("args")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(arguments, ["from", "intervalMs"]);
    let languages = named("Language")["enumValues"]
        .as_array()
        .expect("enum values");
    let codes: Vec<&str> = languages
        .iter()
        .filter_map(|v| v["name"].as_str())
        .collect();
    assert_eq!(codes, ["EN", "FR", "DE", "ES"]);
    assert!(languages.iter().all(|v| v["description"].is_string()));
    assert_eq!(
        languages
            .iter()
            .filter(|v| v["isDeprecated"] == true)
            .count(),
        1
    );
    // Every field and argument of the schema's own types is described.
    for t in types
        .iter()
        .filter(|t| !t["name"].as_str().unwrap_or("__").starts_with("__"))
    {
        for f in t["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(t["inputFields"].as_array().into_iter().flatten())
        {
            assert!(
                f["description"].is_string(),
                "{}.{} has no description",
                t["name"],
                f["name"]
            );
            for a in f["args"].as_array().into_iter().flatten() {
                assert!(
                    a["description"].is_string(),
                    "{}.{}({}) has no description",
                    t["name"],
                    f["name"],
                    a["name"]
                );
            }
        }
    }
}

#[tokio::test]
async fn hostile_documents_are_refused_before_they_run() {
    let addr = start(Config::default()).await;
    let deep = format!(
        "{{ __schema {{ types {}{}{} }} }}",
        "{ ofType ".repeat(20),
        "{ name }",
        " }".repeat(20)
    );
    let body = post(addr, "", &json!({ "query": deep })).await.json();
    assert!(body.get("data").is_none(), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nested too deep"),
        "{body}"
    );
    // 100 aliases of a 60 KiB echo would be 6 MB of answer: the complexity limit refuses it.
    let aliases: String = (0..100)
        .map(|i| format!("a{i}: echo(message: $m) "))
        .collect();
    let envelope = json!({
        "query": format!("query($m: String!) {{ {aliases} }}"),
        "variables": {"m": "x".repeat(60 * 1024)}
    });
    let body = post(addr, "", &envelope).await.json();
    assert!(
        body.get("data").is_none(),
        "{}",
        &body.to_string()[..200.min(body.to_string().len())]
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("complex"),
        "{body}"
    );
}

#[tokio::test]
async fn request_reports_the_http_request_headers_in_order() {
    let addr = start(Config::default()).await;
    let envelope = json!({"query": "{ request { method path headers { name value } header(name: \"x-second\") missing: header(name: \"X-None\") } }"});
    let reply = post(addr, "\r\nX-First: 1\r\nX-Second: 2", &envelope).await;
    let request = &reply.json()["data"]["request"];
    assert_eq!(request["method"], "POST");
    assert_eq!(request["path"], "/graphql");
    assert_eq!(request["header"], "2");
    assert_eq!(request["missing"], Value::Null);
    let names: Vec<&str> = request["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .filter_map(|h| h["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Content-Type",
            "X-First",
            "X-Second",
            "Host",
            "Connection",
            "Content-Length"
        ]
    );
}

async fn connect(addr: SocketAddr, protocol: &str) -> Socket {
    let (socket, chosen) = connect_offering(&format!("ws://{addr}/graphql"), protocol).await;
    assert_eq!(chosen.as_deref(), Some(protocol));
    socket
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .expect("send");
}

async fn receive(socket: &mut Socket) -> Value {
    match next(socket).await {
        Message::Text(text) => serde_json::from_str(&text).expect("JSON message"),
        other => panic!("not a text message: {other:?}"),
    }
}

/// Starts operation `id` with the protocol's message (`subscribe`, or `start` in the older protocol).
async fn start_operation(socket: &mut Socket, kind: &str, id: &str, payload: Value) {
    send(socket, json!({"id": id, "type": kind, "payload": payload})).await;
}

/// Expects one result message (`next`, or `data` in the older protocol) per `data`, then `complete`.
async fn expect_results(socket: &mut Socket, kind: &str, id: &str, data: &[Value]) {
    for data in data {
        assert_eq!(
            receive(socket).await,
            json!({"id": id, "type": kind, "payload": {"data": data}})
        );
    }
    assert_eq!(receive(socket).await, json!({"id": id, "type": "complete"}));
}

/// `{"countdown": n}` for each n.
fn countdown(numbers: &[i32]) -> Vec<Value> {
    numbers.iter().map(|n| json!({ "countdown": n })).collect()
}

#[tokio::test]
async fn graphql_transport_ws_counts_down_and_sees_the_connection_init_payload() {
    let addr = start(Config::default()).await;
    let mut socket = connect(addr, "graphql-transport-ws").await;
    let init = json!({"type": "connection_init", "payload": {"Authorization": "Bearer t"}});
    send(&mut socket, init).await;
    assert_eq!(receive(&mut socket).await["type"], "connection_ack");
    send(&mut socket, json!({"type": "ping"})).await;
    assert_eq!(receive(&mut socket).await["type"], "pong");
    let query = json!({"query": "subscription { countdown(from: 3, intervalMs: 10) }"});
    start_operation(&mut socket, "subscribe", "1", query).await;
    expect_results(&mut socket, "next", "1", &countdown(&[3, 2, 1, 0])).await;
    let query = json!({"query": "subscription { connectionHeaders { name value } }"});
    start_operation(&mut socket, "subscribe", "2", query).await;
    let headers = json!({"connectionHeaders": [{"name": "Authorization", "value": "Bearer t"}]});
    expect_results(&mut socket, "next", "2", &[headers]).await;
    // Out of range: an error for that id, with the bounds.
    let query = json!({"query": "subscription { countdown(from: 101) }"});
    start_operation(&mut socket, "subscribe", "3", query).await;
    let refused = receive(&mut socket).await;
    assert_eq!(refused["id"], "3");
    let refusal = refused.to_string();
    assert!(
        refusal.contains("from must be from 0 to 100; it was 101."),
        "{refusal}"
    );
}

#[tokio::test]
async fn the_older_graphql_ws_protocol_starts_and_completes_a_countdown() {
    let addr = start(Config::default()).await;
    let mut socket = connect(addr, "graphql-ws").await;
    send(
        &mut socket,
        json!({"type": "connection_init", "payload": {}}),
    )
    .await;
    assert_eq!(receive(&mut socket).await["type"], "connection_ack");
    let query = json!({
        "query": "subscription($n: Int!) { countdown(from: $n, intervalMs: 10) }",
        "variables": {"n": 3}
    });
    start_operation(&mut socket, "start", "a", query).await;
    expect_results(&mut socket, "data", "a", &countdown(&[3, 2, 1, 0])).await;
}

#[tokio::test]
async fn the_first_graphql_subprotocol_offered_is_chosen_and_one_is_required() {
    let addr = start(Config::default()).await;
    let url = format!("ws://{addr}/graphql");
    let (_, chosen) = connect_offering(&url, "chat, graphql-ws, graphql-transport-ws").await;
    assert_eq!(chosen.as_deref(), Some("graphql-ws"));
    match tokio_tungstenite::connect_async(&url).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 400)
        }
        other => panic!("expected a 400, got {other:?}"),
    }
}

/// The SDL without its descriptions, on one line: what the signatures below are compared with.
fn signatures(sdl: &str) -> String {
    let mut in_description = false;
    let mut kept = Vec::new();
    for line in sdl.lines().map(str::trim) {
        if line == "\"\"\"" {
            in_description = !in_description;
        } else if !in_description && !line.is_empty() {
            kept.push(line);
        }
    }
    kept.join(" ").replace("( ", "(").replace(" )", ")")
}

#[test]
fn the_schema_reads_as_sdl() {
    let sdl = reqlab_echo::graphql_sdl();
    println!("{sdl}");
    let signatures = signatures(&sdl);
    for expected in [
        "echo(message: String!, times: Int = 1): String!",
        "request: RequestInfo!",
        "greeting(language: Language = EN, name: String): String!",
        "hello: String! @deprecated(reason: \"Use echo.\")",
        "add(a: Int!, b: Int!): Int!",
        "describe(person: PersonInput!): String!",
        "input PersonInput { name: String! age: Int }",
        "type Header { name: String! value: String! }",
        "type RequestInfo { method: String! path: String! headers: [Header!]! header(name: String!): String }",
        "enum Language { EN FR DE ES @deprecated(",
        "type Mutation { shout(message: String!): String! }",
        "countdown(from: Int! = 3, intervalMs: Int! = 100): Int! connectionHeaders: [Header!]!",
    ] {
        assert!(signatures.contains(expected), "{expected}\n not in\n{signatures}");
    }
}

#[tokio::test]
async fn a_silent_socket_is_closed_but_a_running_countdown_keeps_it_open() {
    let config = Config {
        websocket_idle_timeout: std::time::Duration::from_millis(300),
        ..Config::default()
    };
    let addr = start(config).await;
    let mut socket = connect(addr, "graphql-transport-ws").await;
    send(&mut socket, json!({"type": "connection_init"})).await;
    assert_eq!(receive(&mut socket).await["type"], "connection_ack");
    // 8 numbers 100 ms apart: longer than the idle timeout, but never quiet for that long.
    let query = json!({"query": "subscription { countdown(from: 7, intervalMs: 100) }"});
    start_operation(&mut socket, "subscribe", "1", query).await;
    let numbers: Vec<i32> = (0..=7).rev().collect();
    expect_results(&mut socket, "next", "1", &countdown(&numbers)).await;
    assert_eq!(close_of(&mut socket).await.0, 1001);
}
