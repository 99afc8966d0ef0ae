//! Send stage for WebSocket: what a prepared `ws://`/`wss://` request becomes in a browser (a URL, its
//! subprotocols, and the headers a browser cannot put on a handshake), or, through reqlab-echo's relay,
//! a connection to the relay that carries those headers; a GraphQL subscription's plan; and the one place
//! the live view opens a socket.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use reqlab_core::stream::graphql_ws::{Subscription, SUBPROTOCOLS};
use reqlab_core::stream::socket::Payload;
use reqlab_core::{base64, PreparedBody, PreparedRequest};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, Event, MessageEvent, WebSocket};

const PROTOCOL_HEADER: &str = "sec-websocket-protocol";

/// How a prepared request connects.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// What the browser opens: the request's URL, or the relay's.
    pub url: String,
    /// The request's URL, for messages.
    pub target: String,
    pub protocols: Vec<String>,
    /// Header names the browser will not send (direct connection only).
    pub unsent: Vec<String>,
    pub first: Option<Payload>,
    pub relayed: bool,
}

/// The plan for `prepared`, direct or through the reqlab-echo at `relay_origin` (`http://host:port`).
pub fn plan(prepared: &PreparedRequest, relay_origin: Option<&str>) -> Plan {
    let target = prepared.url.to_string();
    let mut protocols = Vec::new();
    let mut headers = Vec::new();
    for (name, value) in &prepared.headers {
        let lower = name.to_ascii_lowercase();
        if lower == PROTOCOL_HEADER {
            protocols.extend(
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from),
            );
        } else {
            headers.push((name.clone(), value.clone()));
        }
    }
    let first = match prepared.body.wire() {
        Ok((bytes, _)) if !bytes.is_empty() => Some(match String::from_utf8(bytes) {
            Ok(text) => Payload::Text(text),
            Err(binary) => Payload::Binary(binary.into_bytes()),
        }),
        _ => None,
    };
    let first = if prepared.body == PreparedBody::None {
        None
    } else {
        first
    };
    match relay_origin {
        Some(origin) => {
            let pairs = serde_json::to_string(&headers).unwrap_or_else(|_| "[]".into());
            let socket_origin = origin.replacen("http", "ws", 1);
            Plan {
                url: format!(
                    "{socket_origin}/forward/websocket?url={}&headers={}",
                    js_sys::encode_uri_component(&target),
                    base64::encode_url(pairs)
                ),
                target,
                protocols,
                unsent: Vec::new(),
                first,
                relayed: true,
            }
        }
        None => Plan {
            url: target.clone(),
            target,
            protocols,
            unsent: headers.into_iter().map(|(name, _)| name).collect(),
            first,
            relayed: false,
        },
    }
}

/// Turns `plan` into a GraphQL subscription's: the GraphQL subprotocols offered, the body kept for the
/// `subscribe` message rather than sent first, and the headers carried by `connection_init` (so none is
/// left unsent).
pub fn subscription_plan(
    plan: &mut Plan,
    prepared: &PreparedRequest,
) -> Result<Subscription, String> {
    let PreparedBody::Text(envelope) = &prepared.body else {
        return Err("The GraphQL body is empty, so there is nothing to subscribe with.".into());
    };
    let subscription = Subscription::new(envelope, &prepared.headers)?;
    plan.protocols = SUBPROTOCOLS.map(String::from).to_vec();
    plan.first = None;
    plan.unsent.clear();
    Ok(subscription)
}

/// What a socket reports to its view.
pub enum Report {
    Open {
        protocol: String,
    },
    Message(Payload),
    /// The browser's `error` event: it never says more (the close that follows has the code).
    Error,
    Closed {
        code: u16,
        reason: String,
        clean: bool,
    },
}

/// An open (or opening) socket and the handlers it calls; dropping it closes nothing, `close` does.
pub struct Socket {
    socket: WebSocket,
    _handlers: Vec<Closure<dyn FnMut(Event)>>,
}

impl Socket {
    /// Opens `plan.url` with its subprotocols; every event goes to `report`.
    pub fn open(plan: &Plan, report: impl Fn(Report) + 'static) -> Result<Socket, String> {
        let protocols: Array = plan
            .protocols
            .iter()
            .map(|p| JsValue::from_str(p))
            .collect();
        let socket = WebSocket::new_with_str_sequence(&plan.url, &protocols).map_err(|e| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the browser refused the URL".into())
        })?;
        socket.set_binary_type(BinaryType::Arraybuffer);
        let report = std::rc::Rc::new(report);
        let mut handlers = Vec::new();
        let mut on = |event: &str, handler: Box<dyn FnMut(Event)>| {
            let closure = Closure::<dyn FnMut(Event)>::new(handler);
            let _ =
                socket.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            handlers.push(closure);
        };
        let (r, s) = (report.clone(), socket.clone());
        on(
            "open",
            Box::new(move |_| {
                r(Report::Open {
                    protocol: s.protocol(),
                })
            }),
        );
        let r = report.clone();
        on(
            "message",
            Box::new(move |ev| {
                let Some(ev) = ev.dyn_ref::<MessageEvent>() else {
                    return;
                };
                let data = ev.data();
                let payload = match data.as_string() {
                    Some(text) => Payload::Text(text),
                    None => match data.dyn_ref::<ArrayBuffer>() {
                        Some(buffer) => Payload::Binary(Uint8Array::new(buffer).to_vec()),
                        None => return,
                    },
                };
                r(Report::Message(payload));
            }),
        );
        let r = report.clone();
        on("error", Box::new(move |_| r(Report::Error)));
        let r = report;
        on(
            "close",
            Box::new(move |ev| {
                if let Some(ev) = ev.dyn_ref::<CloseEvent>() {
                    r(Report::Closed {
                        code: ev.code(),
                        reason: ev.reason(),
                        clean: ev.was_clean(),
                    });
                }
            }),
        );
        Ok(Socket {
            socket,
            _handlers: handlers,
        })
    }

    pub fn send(&self, payload: &Payload) -> Result<(), String> {
        let sent = match payload {
            Payload::Text(text) => self.socket.send_with_str(text),
            Payload::Binary(bytes) => self.socket.send_with_u8_array(bytes),
        };
        sent.map_err(|_| "the socket is not open".to_string())
    }

    pub fn is_open(&self) -> bool {
        self.socket.ready_state() == WebSocket::OPEN
    }

    /// Closes with 1000 (normal closure).
    pub fn close(&self) {
        let _ = self
            .socket
            .close_with_code_and_reason(1000, "closed in reqlab");
    }
}
