//! Application state: the signals every panel reads, the derived request and prepared request, and the one
//! action that sends.

use crate::net;
use leptos::prelude::*;
use reqlab_core::response::Response;
use reqlab_core::{prepare, Environment, KeyValue, Method, PrepareError, PreparedRequest, Request};

/// One editable header row. Each field is its own signal so typing re-renders only that input.
#[derive(Clone, Copy)]
pub struct HeaderRow {
    pub id: u32,
    pub enabled: RwSignal<bool>,
    pub key: RwSignal<String>,
    pub value: RwSignal<String>,
}

/// Where the last send stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Exchange {
    Idle,
    Sending,
    Done(Response),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub method: RwSignal<String>,
    pub url: RwSignal<String>,
    pub headers: RwSignal<Vec<HeaderRow>>,
    pub body: RwSignal<String>,
    pub exchange: RwSignal<Exchange>,
    pub snippet_target: RwSignal<String>,
    /// The edited request run through `prepare`: what the send and the snippets use.
    pub prepared: Memo<Result<PreparedRequest, PrepareError>>,
    next_row_id: StoredValue<u32>,
}

impl AppState {
    pub fn new(url: String) -> Self {
        let method = RwSignal::new(Method::Get.to_string());
        let url = RwSignal::new(url);
        let headers = RwSignal::new(Vec::new());
        let body = RwSignal::new(String::new());
        let prepared = Memo::new(move |_| {
            let request = Request {
                method: Method::parse(&method.get()),
                url: url.get(),
                headers: headers.with(|rows: &Vec<HeaderRow>| {
                    rows.iter()
                        .map(|row| KeyValue {
                            enabled: row.enabled.get(),
                            key: row.key.get(),
                            value: row.value.get(),
                        })
                        .collect()
                }),
                body: body.get(),
            };
            prepare(&request, &Environment::default())
        });
        let state = AppState {
            method,
            url,
            headers,
            body,
            exchange: RwSignal::new(Exchange::Idle),
            snippet_target: RwSignal::new("shell-curl".to_string()),
            prepared,
            next_row_id: StoredValue::new(0),
        };
        state.add_header("", "");
        state
    }

    pub fn add_header(&self, key: &str, value: &str) {
        let id = self.next_row_id.get_value();
        self.next_row_id.set_value(id + 1);
        let row = HeaderRow {
            id,
            enabled: RwSignal::new(true),
            key: RwSignal::new(key.to_string()),
            value: RwSignal::new(value.to_string()),
        };
        self.headers.update(|rows| rows.push(row));
    }

    pub fn remove_header(&self, id: u32) {
        self.headers.update(|rows| rows.retain(|row| row.id != id));
    }

    /// Sends the prepared request, unless it is invalid (the editor already shows why) or one is in flight.
    pub fn send(&self) {
        let Ok(prepared) = self.prepared.get_untracked() else {
            return;
        };
        if self.exchange.get_untracked() == Exchange::Sending {
            return;
        }
        self.exchange.set(Exchange::Sending);
        let exchange = self.exchange;
        leptos::task::spawn_local(async move {
            let outcome = match net::send(&prepared).await {
                Ok(response) => Exchange::Done(response),
                Err(err) => Exchange::Failed(err.to_string()),
            };
            exchange.set(outcome);
        });
    }
}

/// The state provided by `<App/>`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
