//! Render stage for WebSocket: the connection's state (with a close code's meaning from
//! `reqlab_core::stream::socket`), the composer (text, JSON checked before sending, binary from hex, base64
//! or a file), and the messages both ways in a log that can be filtered, cleared and saved as JSON. A
//! GraphQL body on a `ws://` request makes the connection a subscription, whose conversation
//! `reqlab_core::stream::graphql_ws` holds: this view only sends what it says and shows what it tells.

use super::bridge;
use super::log_view::{Log, LogView};
use super::markup::ws_id as id;
use super::now;
use super::socket::{plan, subscription_plan, Plan, Report, Socket};
use super::store::Row;
use crate::dom::document::{
    after, by_id, listen, on, set_hidden, set_text, take_chosen_file, value,
};
use crate::protocol::library::Draft;
use reqlab_core::stream::graphql_ws::{self, Subscription, ACK_TIMEOUT_MS};
use reqlab_core::stream::socket::{close_meaning, compose, Payload, PayloadMode};
use reqlab_core::{base64, prepare_for, Sender};
use serde_json::json;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// A binary message's row shows this many bytes as hex; the detail shows the rest.
const PREVIEW_BYTES: usize = 32;

pub struct SocketView {
    log: Log,
    socket: RefCell<Option<Socket>>,
    /// The request last connected (the editor's, when the page asked), to connect again.
    draft: RefCell<Option<Draft>>,
    plan: RefCell<Option<Plan>>,
    /// The GraphQL subscription this connection carries, if its request has a GraphQL body.
    subscription: RefCell<Option<Subscription>>,
    /// When the connection was asked for (ms, the page's clock); rows are timed from it.
    started: Cell<f64>,
    opened: Cell<bool>,
    sent: Cell<u64>,
    received: Cell<u64>,
    /// Counts a connection, so a late event of an earlier socket is ignored.
    generation: Cell<u32>,
    /// True while this view tells the history of a handshake (its `sending` event is no new send).
    recording: Cell<bool>,
}

pub type SocketPanel = Rc<SocketView>;

impl SocketView {
    pub fn new() -> SocketPanel {
        let view = Rc::new(SocketView {
            log: LogView::new("ws"),
            socket: RefCell::default(),
            draft: RefCell::default(),
            plan: RefCell::default(),
            subscription: RefCell::default(),
            started: Cell::new(0.0),
            opened: Cell::new(false),
            sent: Cell::new(0),
            received: Cell::new(0),
            generation: Cell::new(0),
            recording: Cell::new(false),
        });
        view.wire();
        view
    }

    fn wire(self: &Rc<Self>) {
        let view = self.clone();
        on(id::CONNECT, "click", move |_| {
            let relayed = view.plan.borrow().as_ref().is_some_and(|p| p.relayed);
            view.reconnect(relayed);
        });
        let view = self.clone();
        on(id::RELAY, "click", move |_| view.reconnect(true));
        let view = self.clone();
        on(id::DISCONNECT, "click", move |_| view.disconnect());
        let view = self.clone();
        on(id::SEND, "click", move |_| view.send_composed());
        if let Some(message) = by_id(id::MESSAGE) {
            let view = self.clone();
            // Ctrl+Enter sends, as in chat composers; Enter alone starts a new line.
            listen(&message, "keydown", move |ev| {
                let Some(key) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(&ev) else {
                    return;
                };
                if key.key() == "Enter" && (key.ctrl_key() || key.meta_key()) {
                    ev.prevent_default();
                    view.send_composed();
                }
            });
        }
        let view = self.clone();
        on(id::FILE, "change", move |ev| {
            let Some(file) = take_chosen_file(&ev) else {
                return;
            };
            let view = view.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                        view.send(Payload::Binary(bytes));
                    }
                    Err(_) => view.compose_problem(Some(&format!(
                        "The file \"{}\" could not be read.",
                        file.name()
                    ))),
                }
            });
        });
        let view = self.clone();
        on(id::CLEAR, "click", move |_| view.log.clear());
        let view = self.clone();
        on(id::SAVE, "click", move |_| view.save());
        let view = self.clone();
        self.log.after_each_frame(move || view.draw_state());
    }

    /// Connects the request the page asked for (`via_echo`: through reqlab-echo's relay).
    pub fn connect(self: &Rc<Self>, draft: Option<Draft>, via_echo: bool) {
        *self.draft.borrow_mut() = draft;
        self.reconnect(via_echo);
    }

    fn reconnect(self: &Rc<Self>, via_echo: bool) {
        self.disconnect();
        self.socket.borrow_mut().take();
        self.subscription.borrow_mut().take();
        set_hidden(id::PANEL, false);
        set_response_attribute(Some(""));
        set_hidden(id::RELAY, true);
        self.problem(None);
        let Some(draft) = self.draft.borrow().clone() else {
            return self.problem(Some(
                "The editor's request is not known yet: try again in a moment.",
            ));
        };
        let sender = if via_echo {
            Sender::Server
        } else {
            Sender::Browser
        };
        let graphql = graphql_ws::is_graphql(&draft.request);
        let prepared = match prepare_for(&draft.request, &draft.variables.active(), sender) {
            Ok(prepared) if prepared.url.is_websocket() => prepared,
            Ok(_) => {
                return self.problem(Some(
                    "The request's URL is no longer a ws:// or wss:// URL.",
                ))
            }
            Err(why) => return self.problem(Some(&why.to_string())),
        };
        let origin = web_sys::window().and_then(|w| w.location().origin().ok());
        let mut plan = plan(&prepared, origin.as_deref().filter(|_| via_echo));
        let subscription = match graphql.then(|| subscription_plan(&mut plan, &prepared)) {
            Some(Err(why)) => return self.problem(Some(&why)),
            Some(Ok(subscription)) => Some(subscription),
            None => None,
        };
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        self.started.set(now());
        self.opened.set(false);
        self.sent.set(0);
        self.received.set(0);
        self.log.clear();
        self.note(&plan, subscription.as_ref());
        *self.subscription.borrow_mut() = subscription;
        let view = self.clone();
        match Socket::open(&plan, move |report| {
            if view.generation.get() == generation {
                view.report(report);
            }
        }) {
            Ok(socket) => *self.socket.borrow_mut() = Some(socket),
            Err(why) => self.problem(Some(&format!(
                "The browser refused to open {}: {why}",
                plan.target
            ))),
        }
        *self.plan.borrow_mut() = Some(plan);
        self.log.redraw();
    }

    /// Says which headers a browser leaves off the handshake (or where a subscription puts them), and what
    /// the body becomes.
    fn note(&self, plan: &Plan, subscription: Option<&Subscription>) {
        let mut notes = Vec::new();
        if let Some(subscription) = subscription {
            let names = subscription.payload_names();
            notes.push(if names.is_empty() {
                "GraphQL subscription: the body is sent in the subscribe message once the server \
                 acknowledges connection_init."
                    .to_string()
            } else {
                format!(
                    "GraphQL subscription: {} {} sent in connection_init's payload, not on the handshake \
                     (a browser cannot set headers there); the body goes in the subscribe message.",
                    names.join(", "),
                    if names.len() == 1 { "is" } else { "are" },
                )
            });
        }
        if !plan.unsent.is_empty() {
            notes.push(format!(
                "A browser cannot set custom headers on a WebSocket handshake, so {} {} not sent. If the server \
                 needs {}, connect via reqlab-echo: its relay opens the connection with every header.",
                plan.unsent.join(", "),
                if plan.unsent.len() == 1 { "is" } else { "are" },
                if plan.unsent.len() == 1 { "it" } else { "them" },
            ));
        }
        if plan.relayed {
            notes.push(
                "Connected through reqlab-echo's relay, with the request's headers.".to_string(),
            );
        }
        if plan.first.is_some() {
            notes.push(
                "The request's body is sent as the first message once the socket opens."
                    .to_string(),
            );
        }
        set_hidden(id::NOTE, notes.is_empty());
        set_text(id::NOTE, &notes.join(" "));
        set_hidden(id::RELAY, plan.unsent.is_empty());
    }

    fn report(self: &Rc<Self>, report: Report) {
        let t = now() - self.started.get();
        match report {
            Report::Open { protocol } => {
                self.opened.set(true);
                self.record(101, "Switching Protocols", t);
                let chosen = if protocol.is_empty() {
                    String::new()
                } else {
                    format!(" (subprotocol {protocol})")
                };
                self.push_note(t, &format!("connected{chosen}"));
                self.start_subscription(&protocol, t);
                let first = self.plan.borrow().as_ref().and_then(|p| p.first.clone());
                if let Some(first) = first {
                    self.send(first);
                }
            }
            Report::Message(Payload::Text(text)) if self.subscription.borrow().is_some() => {
                self.subscription_message(&text, t)
            }
            Report::Message(payload) => {
                self.received.set(self.received.get() + 1);
                self.log.push(message_row(t, "received", payload));
            }
            Report::Error => {}
            Report::Closed {
                code,
                reason,
                clean,
            } => {
                let meaning = close_meaning(code);
                let reason = if reason.is_empty() {
                    String::new()
                } else {
                    format!(", reason \"{reason}\"")
                };
                let mut text = format!(
                    "Closed: {code} {}{reason}. {}",
                    meaning.name, meaning.meaning
                );
                let relayed = self.plan.borrow().as_ref().is_some_and(|p| p.relayed);
                if !self.opened.get() && relayed {
                    // The relay accepts every handshake it can judge and closes with a reason: refused
                    // outright, it is not there.
                    self.record(0, "WebSocket relay unreachable", t);
                    text = format!(
                        "reqlab-echo's relay did not answer (the browser reports {code}): it relays only when \
                         reqlab-echo runs with --forward, and only from the page it serves."
                    );
                    self.problem(Some(&text));
                } else if !self.opened.get() {
                    self.record(0, "WebSocket handshake failed", t);
                    text = format!(
                        "The connection could not be opened (the browser reports {code} and never shows why: a \
                         refused handshake, a wrong address, or TLS). {}",
                        self.plan
                            .borrow()
                            .as_ref()
                            .filter(|p| !p.unsent.is_empty())
                            .map(|_| "This request has headers the browser did not send: if the server needs them, \
                                      connect via reqlab-echo.")
                            .unwrap_or_default()
                    );
                    self.problem(Some(&text));
                } else if let Some(why) = self
                    .subscription
                    .borrow_mut()
                    .as_mut()
                    .and_then(|s| s.closed(code))
                {
                    text = format!("Closed: {code}{reason}. {why}");
                    self.problem(Some(&text));
                } else if !clean && code != 1000 {
                    self.problem(Some(&text));
                }
                self.push_note(t, &text);
                self.socket.borrow_mut().take();
            }
        }
        self.log.redraw();
    }

    /// For a subscription: sends `connection_init` on the subprotocol the server picked, and gives the ack
    /// its time; closes when the server picked no GraphQL subprotocol.
    fn start_subscription(self: &Rc<Self>, protocol: &str, t: f64) {
        let opened = self
            .subscription
            .borrow_mut()
            .as_mut()
            .map(|s| s.opened(protocol));
        match opened {
            Some(Ok(init)) => self.send(Payload::Text(init)),
            Some(Err(why)) => return self.give_up(&why, t),
            None => return,
        }
        let (view, generation) = (self.clone(), self.generation.get());
        after(ACK_TIMEOUT_MS as i32, move || {
            if view.generation.get() != generation {
                return;
            }
            let late = view
                .subscription
                .borrow_mut()
                .as_mut()
                .and_then(Subscription::ack_timed_out);
            if let Some(why) = late {
                view.give_up(&why, now() - view.started.get());
                view.log.redraw();
            }
        });
    }

    /// What the subscription makes of a server message: replies sent, a result listed, a note.
    fn subscription_message(self: &Rc<Self>, text: &str, t: f64) {
        let Some(reaction) = self
            .subscription
            .borrow_mut()
            .as_mut()
            .map(|s| s.receive(text))
        else {
            return;
        };
        for message in reaction.send {
            self.send(Payload::Text(message));
        }
        if let Some(result) = reaction.result {
            self.received.set(self.received.get() + 1);
            self.log
                .push(message_row(t, "received", Payload::Text(result)));
        }
        if let Some(note) = &reaction.note {
            if reaction.problem {
                self.problem(Some(note));
            }
            self.push_note(t, note);
        }
        if reaction.close {
            self.close_socket();
        }
    }

    fn give_up(&self, why: &str, t: f64) {
        self.problem(Some(why));
        self.push_note(t, why);
        self.close_socket();
    }

    /// Ends a subscription as its protocol has it (`complete`, or `stop` and `connection_terminate`),
    /// then closes.
    fn disconnect(self: &Rc<Self>) {
        let goodbye = self
            .subscription
            .borrow_mut()
            .as_mut()
            .map(Subscription::stop);
        for message in goodbye.unwrap_or_default() {
            self.send(Payload::Text(message));
        }
        self.close_socket();
    }

    fn close_socket(&self) {
        if let Some(socket) = self.socket.borrow().as_ref() {
            socket.close();
        }
    }

    /// Whether the history is being told of a handshake now.
    pub fn recording(&self) -> bool {
        self.recording.get()
    }

    /// An HTTP send or another request takes the response region: the page's answer shows again, the socket
    /// panel (and the socket, if open) stays above it.
    pub fn step_aside(&self) {
        set_response_attribute(None);
    }

    fn record(&self, status: u16, text: &str, t: f64) {
        self.recording.set(true);
        bridge::record(status, text, t);
        self.recording.set(false);
    }

    fn push_note(&self, t: f64, text: &str) {
        self.log.push(Row {
            t,
            name: "·".into(),
            text: text.into(),
            ..Row::default()
        });
    }

    fn send_composed(self: &Rc<Self>) {
        let mode = match value(id::MODE).as_str() {
            "json" => PayloadMode::Json,
            "hex" => PayloadMode::Hex,
            "base64" => PayloadMode::Base64,
            _ => PayloadMode::Text,
        };
        match compose(mode, &value(id::MESSAGE)) {
            Ok(payload) => {
                self.compose_problem(None);
                self.send(payload);
            }
            Err(why) => self.compose_problem(Some(&why.to_string())),
        }
    }

    fn send(self: &Rc<Self>, payload: Payload) {
        let outcome = match self.socket.borrow().as_ref() {
            Some(socket) if socket.is_open() => socket.send(&payload),
            _ => Err("the socket is not open: connect first".to_string()),
        };
        match outcome {
            Ok(()) => {
                self.sent.set(self.sent.get() + 1);
                self.log
                    .push(message_row(now() - self.started.get(), "sent", payload));
            }
            Err(why) => self.compose_problem(Some(&format!("Not sent: {why}."))),
        }
    }

    fn draw_state(&self) {
        let open = self.socket.borrow().as_ref().is_some_and(Socket::is_open);
        let target = self
            .plan
            .borrow()
            .as_ref()
            .map(|p| p.target.clone())
            .unwrap_or_default();
        let state = match (open, self.socket.borrow().is_some()) {
            (true, _) => "open",
            (false, true) => "connecting",
            (false, false) => "closed",
        };
        let keep_alives = self
            .subscription
            .borrow()
            .as_ref()
            .map_or(0, Subscription::keep_alives);
        let keep_alives = if keep_alives > 0 {
            format!(" · {keep_alives} keep-alives")
        } else {
            String::new()
        };
        set_text(
            id::STATE,
            &format!(
                "{target} · {state} · {} sent · {} received{keep_alives}",
                self.sent.get(),
                self.received.get()
            ),
        );
        if let Some(button) = by_id(id::DISCONNECT) {
            let _ = if open {
                button.remove_attribute("disabled")
            } else {
                button.set_attribute("disabled", "")
            };
        }
    }

    fn problem(&self, text: Option<&str>) {
        set_hidden(id::PROBLEM, text.is_none());
        set_text(id::PROBLEM, text.unwrap_or_default());
    }

    fn compose_problem(&self, text: Option<&str>) {
        set_hidden(id::COMPOSE_PROBLEM, text.is_none());
        set_text(id::COMPOSE_PROBLEM, text.unwrap_or_default());
    }

    /// Downloads the messages kept: time, direction, and the text or the bytes in base64.
    fn save(&self) {
        let kept = self.log.kept.borrow();
        let messages: Vec<_> = kept
            .rows()
            .filter(|row| row.name == "sent" || row.name == "received")
            .map(|row| match &row.bytes {
                Some(bytes) => json!({"ms": row.t.round(), "direction": row.name, "base64": base64::encode(bytes)}),
                None => json!({"ms": row.t.round(), "direction": row.name, "text": row.text}),
            })
            .collect();
        let text = serde_json::to_string_pretty(&messages).unwrap_or_default();
        crate::dom::download(
            text.as_bytes(),
            "application/json",
            "websocket-messages.json",
        );
    }
}

fn message_row(t: f64, direction: &str, payload: Payload) -> Row {
    match payload {
        Payload::Text(text) => Row {
            t,
            name: direction.into(),
            id: reqlab_core::render::size::describe(text.len() as u64),
            text,
            ..Row::default()
        },
        Payload::Binary(bytes) => {
            let preview: Vec<String> = bytes
                .iter()
                .take(PREVIEW_BYTES)
                .map(|b| format!("{b:02x}"))
                .collect();
            let more = if bytes.len() > PREVIEW_BYTES {
                " …"
            } else {
                ""
            };
            Row {
                t,
                name: direction.into(),
                id: format!(
                    "{} binary",
                    reqlab_core::render::size::describe(bytes.len() as u64)
                ),
                text: format!("{}{more}", preview.join(" ")),
                bytes: Some(bytes),
                ..Row::default()
            }
        }
    }
}

/// Marks the response region as holding a socket (its CSS then shows only the socket), or not.
fn set_response_attribute(value: Option<&str>) {
    let Some(region) = crate::dom::document::document()
        .and_then(|d| d.query_selector(".response-viewer").ok().flatten())
    else {
        return;
    };
    let _ = match value {
        Some(value) => region.set_attribute("data-socket", value),
        None => region.remove_attribute("data-socket"),
    };
}
