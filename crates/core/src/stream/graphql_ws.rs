//! Render stage for live streams: GraphQL subscriptions over WebSocket, in both protocols a server may pick
//! (`graphql-transport-ws`, and the older `graphql-ws` of subscriptions-transport-ws): the messages a client
//! sends, what a server's messages mean, the protocol's close codes in words, and [`Subscription`], the
//! one-subscription conversation the live view holds (init, ack, subscribe, results, complete).

use crate::edit::model::{Body, RawLanguage, Request};
use serde_json::{json, Map, Value};

/// The subprotocols offered, the current one first: the server picks one.
pub const SUBPROTOCOLS: [&str; 2] = ["graphql-transport-ws", "graphql-ws"];

/// How long to wait for `connection_ack` before giving up, as graphql-ws clients do by default.
pub const ACK_TIMEOUT_MS: u32 = 10_000;

/// The one subscription a connection carries.
pub const SUBSCRIPTION_ID: &str = "1";

/// The protocol the server picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// `graphql-transport-ws` (GraphQL over WebSocket, the graphql-ws library).
    TransportWs,
    /// `graphql-ws`: the protocol of the retired subscriptions-transport-ws library.
    LegacyWs,
}

impl Protocol {
    /// The protocol of the negotiated subprotocol; `None` when the server picked none of ours.
    pub fn negotiated(subprotocol: &str) -> Option<Protocol> {
        match subprotocol {
            "graphql-transport-ws" => Some(Protocol::TransportWs),
            "graphql-ws" => Some(Protocol::LegacyWs),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Protocol::TransportWs => SUBPROTOCOLS[0],
            Protocol::LegacyWs => SUBPROTOCOLS[1],
        }
    }
}

/// True when the request's body is a GraphQL request: sent to a `ws://` URL, it is a subscription.
pub fn is_graphql(request: &Request) -> bool {
    matches!(
        request.body,
        Body::Raw {
            language: RawLanguage::GraphQl,
            ..
        }
    )
}

/// `connection_init` with `payload` (both protocols spell it alike).
pub fn init(payload: &Map<String, Value>) -> String {
    json!({"type": "connection_init", "payload": payload}).to_string()
}

/// The headers as `connection_init`'s payload: a browser cannot put them on the handshake. Names as written;
/// a name given twice gets its values joined with ", ", as HTTP joins them. The subprotocol header is the
/// handshake's own and stays out.
pub fn headers_payload(headers: &[(String, String)]) -> Map<String, Value> {
    let mut payload = Map::new();
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("sec-websocket-protocol") {
            continue;
        }
        let joined = match payload.get(name) {
            Some(Value::String(before)) => format!("{before}, {value}"),
            _ => value.clone(),
        };
        payload.insert(name.clone(), Value::String(joined));
    }
    payload
}

/// Starts the operation `envelope` (`{"query", "variables", "operationName"}`) as `id`.
pub fn subscribe(protocol: Protocol, id: &str, envelope: &Value) -> String {
    let kind = match protocol {
        Protocol::TransportWs => "subscribe",
        Protocol::LegacyWs => "start",
    };
    json!({"id": id, "type": kind, "payload": envelope}).to_string()
}

/// Ends the operation `id` from the client's side (`complete`; legacy: `stop`).
pub fn complete(protocol: Protocol, id: &str) -> String {
    let kind = match protocol {
        Protocol::TransportWs => "complete",
        Protocol::LegacyWs => "stop",
    };
    json!({"id": id, "type": kind}).to_string()
}

/// The legacy protocol's goodbye before closing; the current one has none.
pub fn terminate(protocol: Protocol) -> Option<String> {
    (protocol == Protocol::LegacyWs).then(|| json!({"type": "connection_terminate"}).to_string())
}

/// The answer to a `ping`.
pub fn pong() -> String {
    json!({"type": "pong"}).to_string()
}

/// One GraphQL error: its message and where in the document it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphQlError {
    pub message: String,
    /// `(line, column)`, from 1.
    pub locations: Vec<(u64, u64)>,
}

impl std::fmt::Display for GraphQlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        for (line, column) in &self.locations {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

/// What a server's message is.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Ack,
    /// A result (`next`; legacy: `data`): its payload holds `data` and any `errors`.
    Next {
        id: String,
        payload: Value,
    },
    /// The operation failed (`error`), and is over.
    Error {
        id: String,
        errors: Vec<GraphQlError>,
    },
    Complete {
        id: String,
    },
    Ping,
    Pong,
    /// Legacy `ka`.
    KeepAlive,
    /// Legacy `connection_error`: the server refused `connection_init`.
    ConnectionError {
        errors: Vec<GraphQlError>,
    },
    /// A message of a type the protocol does not have.
    Unknown {
        kind: String,
    },
    /// Not a message of the protocol at all.
    Malformed(String),
}

/// Reads a server's text message.
pub fn read(protocol: Protocol, text: &str) -> Incoming {
    let Ok(Value::Object(mut message)) = serde_json::from_str::<Value>(text) else {
        return Incoming::Malformed("The server sent a message that is not a JSON object.".into());
    };
    let Some(Value::String(kind)) = message.remove("type") else {
        return Incoming::Malformed("The server sent a message without a \"type\".".into());
    };
    let id = match message.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    let payload = message.remove("payload").unwrap_or(Value::Null);
    let needs_id = matches!(
        (protocol, kind.as_str()),
        (_, "error" | "complete") | (Protocol::TransportWs, "next") | (Protocol::LegacyWs, "data")
    );
    let id = match (id, needs_id) {
        (Some(id), _) => id,
        (None, true) => {
            return Incoming::Malformed(format!("The server sent \"{kind}\" without an \"id\"."))
        }
        (None, false) => String::new(),
    };
    match (protocol, kind.as_str()) {
        (_, "connection_ack") => Incoming::Ack,
        (Protocol::TransportWs, "ping") => Incoming::Ping,
        (Protocol::TransportWs, "pong") => Incoming::Pong,
        (Protocol::LegacyWs, "ka") => Incoming::KeepAlive,
        (Protocol::LegacyWs, "connection_error") => Incoming::ConnectionError {
            errors: errors_of(&payload),
        },
        (Protocol::TransportWs, "next") | (Protocol::LegacyWs, "data") => match payload {
            Value::Object(_) => Incoming::Next { id, payload },
            _ => Incoming::Malformed(format!(
                "The server sent \"{kind}\" whose payload is not an execution result (an object)."
            )),
        },
        (_, "error") => Incoming::Error {
            id,
            errors: errors_of(&payload),
        },
        (_, "complete") => Incoming::Complete { id },
        _ => Incoming::Unknown { kind },
    }
}

/// The errors in an `error` payload: a list of GraphQL errors, or (legacy) one error object or a bare
/// message. Whatever carries no message still counts as an error, told as its JSON.
fn errors_of(payload: &Value) -> Vec<GraphQlError> {
    let one = |error: &Value| {
        let message = match error.get("message") {
            Some(Value::String(message)) => message.clone(),
            _ => match error {
                Value::String(message) => message.clone(),
                other => other.to_string(),
            },
        };
        let locations = error
            .get("locations")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|at| Some((at.get("line")?.as_u64()?, at.get("column")?.as_u64()?)))
                    .collect()
            })
            .unwrap_or_default();
        GraphQlError { message, locations }
    };
    match payload {
        Value::Array(list) => list.iter().map(one).collect(),
        Value::Object(object) => match object.get("errors") {
            Some(Value::Array(list)) => list.iter().map(one).collect(),
            _ => vec![one(payload)],
        },
        Value::Null => Vec::new(),
        other => vec![one(other)],
    }
}

/// The errors as one sentence each, joined.
pub fn describe_errors(errors: &[GraphQlError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a close code of the GraphQL over WebSocket protocol means; `None` for the codes it does not define
/// (the WebSocket codes explain those).
pub fn close_reason(code: u16) -> Option<&'static str> {
    Some(match code {
        4400 => {
            "4400 Bad Request: the server could not read a message it received (not valid for the protocol)."
        }
        4401 => "4401 Unauthorized: the client subscribed before the server acknowledged the connection.",
        4403 => {
            "4403 Forbidden: the server refused connection_init, usually for missing or wrong credentials \
             in its payload (such as the Authorization header)."
        }
        4406 => "4406 Subprotocol Not Acceptable: the server does not speak the subprotocol offered.",
        4408 => {
            "4408 Connection Initialisation Timeout: the server waited too long for connection_init."
        }
        4409 => {
            "4409 Subscriber Already Exists: an operation with the same id is already running on this \
             connection."
        }
        4429 => "4429 Too Many Initialisation Requests: connection_init was sent more than once.",
        4500 => "4500 Internal Server Error: the server failed while handling the connection.",
        4504 => {
            "4504 Connection Acknowledgement Timeout: the server did not acknowledge connection_init in time."
        }
        _ => return None,
    })
}

/// Where a subscription is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The socket is opening.
    Connecting,
    /// `connection_init` is sent; waiting for `connection_ack`.
    Initialising,
    /// Subscribed: results arrive.
    Subscribed,
    /// Completed, failed or stopped: nothing more is expected.
    Over,
}

/// What the view does about one server message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reaction {
    /// Messages to send, in order.
    pub send: Vec<String>,
    /// A result to list as a received message (compact JSON of its payload: `data` and any `errors`).
    pub result: Option<String>,
    /// A sentence for the view's log.
    pub note: Option<String>,
    /// The note tells of something that went wrong.
    pub problem: bool,
    /// The conversation is over: close the socket cleanly (1000).
    pub close: bool,
}

impl Reaction {
    fn note(text: String, problem: bool) -> Reaction {
        Reaction {
            note: Some(text),
            problem,
            ..Reaction::default()
        }
    }
}

/// One subscription on one connection, from the open socket to its end.
#[derive(Clone, Debug)]
pub struct Subscription {
    envelope: Value,
    payload: Map<String, Value>,
    protocol: Option<Protocol>,
    phase: Phase,
    results: u64,
    keep_alives: u64,
}

impl Subscription {
    /// For the prepared body `envelope` (the request's GraphQL text) and the prepared headers; an envelope
    /// that is not a JSON object with a `query` string is told as a sentence.
    pub fn new(envelope: &str, headers: &[(String, String)]) -> Result<Subscription, String> {
        let envelope: Value = serde_json::from_str(envelope).map_err(|e| {
            format!("The GraphQL body is not JSON ({e}), so there is nothing to subscribe with.")
        })?;
        if !envelope.get("query").is_some_and(Value::is_string) {
            return Err(
                "The GraphQL body has no \"query\" string, so there is nothing to subscribe with."
                    .into(),
            );
        }
        Ok(Subscription {
            envelope,
            payload: headers_payload(headers),
            protocol: None,
            phase: Phase::Connecting,
            results: 0,
            keep_alives: 0,
        })
    }

    /// The header names that travel in `connection_init`'s payload.
    pub fn payload_names(&self) -> Vec<&str> {
        self.payload.keys().map(String::as_str).collect()
    }

    pub fn protocol(&self) -> Option<Protocol> {
        self.protocol
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Results received so far.
    pub fn results(&self) -> u64 {
        self.results
    }

    /// Legacy keep-alives received so far (counted, not listed).
    pub fn keep_alives(&self) -> u64 {
        self.keep_alives
    }

    /// The socket opened with `subprotocol`: `connection_init` to send, or why the conversation cannot
    /// start (the view then closes).
    pub fn opened(&mut self, subprotocol: &str) -> Result<String, String> {
        let Some(protocol) = Protocol::negotiated(subprotocol) else {
            self.phase = Phase::Over;
            let picked = if subprotocol.is_empty() {
                "none of them".to_string()
            } else {
                format!("\"{subprotocol}\"")
            };
            return Err(format!(
                "The server picked {picked} of the subprotocols offered ({}), so it does not speak GraphQL \
                 over WebSocket here: closing.",
                SUBPROTOCOLS.join(", ")
            ));
        };
        self.protocol = Some(protocol);
        self.phase = Phase::Initialising;
        Ok(init(&self.payload))
    }

    /// What to do about the server's message `text`.
    pub fn receive(&mut self, text: &str) -> Reaction {
        let Some(protocol) = self.protocol else {
            return Reaction::note(
                "A message came before the connection opened; ignored.".into(),
                true,
            );
        };
        match read(protocol, text) {
            Incoming::Ack if self.phase == Phase::Initialising => {
                self.phase = Phase::Subscribed;
                Reaction {
                    send: vec![subscribe(protocol, SUBSCRIPTION_ID, &self.envelope)],
                    note: Some("The server acknowledged the connection; subscribing.".into()),
                    ..Reaction::default()
                }
            }
            Incoming::Ack => Reaction::default(),
            Incoming::Next { payload, .. } => {
                self.results += 1;
                Reaction {
                    result: Some(payload.to_string()),
                    ..Reaction::default()
                }
            }
            Incoming::Error { errors, .. } => {
                self.phase = Phase::Over;
                Reaction {
                    close: true,
                    ..Reaction::note(
                        format!(
                            "The server rejected the subscription: {}.",
                            describe_errors(&errors)
                        ),
                        true,
                    )
                }
            }
            Incoming::ConnectionError { errors } => {
                self.phase = Phase::Over;
                Reaction {
                    close: true,
                    ..Reaction::note(
                        format!(
                            "The server refused the connection: {}.",
                            describe_errors(&errors)
                        ),
                        true,
                    )
                }
            }
            Incoming::Complete { .. } => {
                self.phase = Phase::Over;
                let count = self.results;
                Reaction {
                    send: terminate(protocol).into_iter().collect(),
                    close: true,
                    ..Reaction::note(
                        format!(
                            "The server completed the subscription after {count} message{}.",
                            if count == 1 { "" } else { "s" }
                        ),
                        false,
                    )
                }
            }
            Incoming::Ping => Reaction {
                send: vec![pong()],
                ..Reaction::default()
            },
            Incoming::Pong => Reaction::default(),
            Incoming::KeepAlive => {
                self.keep_alives += 1;
                Reaction::default()
            }
            Incoming::Unknown { kind } => Reaction::note(
                format!(
                    "The server sent a message of type \"{kind}\", which {} does not have; ignored.",
                    protocol.name()
                ),
                true,
            ),
            Incoming::Malformed(why) => Reaction::note(why, true),
        }
    }

    /// The ack did not come in time: why, if still waiting for it (the view then closes).
    pub fn ack_timed_out(&mut self) -> Option<String> {
        (self.phase == Phase::Initialising).then(|| {
            self.phase = Phase::Over;
            format!(
                "The server did not acknowledge connection_init within {} s: closing.",
                ACK_TIMEOUT_MS / 1000
            )
        })
    }

    /// The user stops: the messages that end the subscription before the socket closes.
    pub fn stop(&mut self) -> Vec<String> {
        let (Some(protocol), Phase::Initialising | Phase::Subscribed) = (self.protocol, self.phase)
        else {
            return Vec::new();
        };
        let subscribed = self.phase == Phase::Subscribed;
        self.phase = Phase::Over;
        subscribed
            .then(|| complete(protocol, SUBSCRIPTION_ID))
            .into_iter()
            .chain(terminate(protocol))
            .collect()
    }

    /// The socket closed with `code`: what that means for the subscription, when the protocol says.
    pub fn closed(&mut self, code: u16) -> Option<String> {
        let waiting = self.phase == Phase::Initialising;
        self.phase = Phase::Over;
        let reason = close_reason(code)?;
        Some(if waiting {
            format!("The server closed the connection instead of acknowledging it: {reason}")
        } else {
            format!("The server closed the connection: {reason}")
        })
    }
}
