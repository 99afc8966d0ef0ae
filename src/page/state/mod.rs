//! Application state: the editor's signals, the environments, the derived prepared request, and the exchange
//! with the server (send, cancel, timeout). Components read these and call the actions; they hold no logic.

mod choice;
mod editor;
mod environments;
mod exchange;
mod load;
mod rows;

pub use choice::Choice;
pub use editor::{BodyMode, Editor, PartKind, PartRow};
pub use environments::{EnvironmentEntry, Environments};
pub use exchange::Exchange;
pub use load::{auth, environment, read_environment, read_request, request, rows, variables};
pub use rows::{Row, Rows};

use crate::page::net::{Progress, DEFAULT_BODY_CAP};
use crate::page::workers::Workers;
use leptos::prelude::*;
use reqlab_core::{prepare_for, PrepareError, PreparedRequest, Sender};
use web_sys::AbortController;

#[derive(Clone, Copy)]
pub struct AppState {
    pub editor: Editor,
    pub environments: Environments,
    /// The edited request run through `prepare_for` (for the browser, or for reqlab-echo when sending via
    /// it): what the send uses.
    pub prepared: Memo<Result<PreparedRequest, PrepareError>>,
    pub exchange: RwSignal<Exchange>,
    /// How much of the response body has arrived while receiving.
    pub progress: RwSignal<Option<Progress>>,
    /// The saved request the editor's content came from, which Save updates in place (see
    /// `protocol::library::Draft::saved`); set and cleared by what loads the editor. Held as a `u32`, a
    /// signal type the page has already (a `u64` one cost it 437 bytes): ids count up from 1 in a store
    /// of a few MB, so any real one fits; one that did not would make Save save a new request.
    pub saved: RwSignal<Option<u32>>,
    /// Send through the reqlab-echo that serves the page (its forward mode) instead of the browser's fetch.
    pub via_echo: RwSignal<bool>,
    /// Bodies above this many MiB are cut; the user can raise it.
    pub body_cap_mb: RwSignal<usize>,
    /// The web worker that generates snippets and reads imports (code the page's own bundle leaves out).
    pub worker: Workers,
    /// The answers of the open tabs not in front, by tab id (see `show_tab`).
    answers: StoredValue<Vec<(u32, Exchange)>>,
    /// The in-flight request's abort handle; browser objects cannot live in thread-safe signals.
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl AppState {
    pub fn new(url: String) -> Self {
        let editor = Editor::new(url);
        let environments = Environments::new();
        let via_echo = RwSignal::new(false);
        // Recomputed only when an edited field changes, so comparing with the previous result would save
        // little work, and the comparison (PartialEq over the whole prepared request) costs ~1 KB of page.
        // Sent via reqlab-echo, the request is a server's to send, free of the browser's limits.
        let prepared = Memo::new_with_compare(
            move |_| {
                let sender = if via_echo.get() {
                    Sender::Server
                } else {
                    Sender::Browser
                };
                prepare_for(&editor.request(), &environments.active(), sender)
            },
            |_, _| true,
        );
        AppState {
            editor,
            environments,
            prepared,
            exchange: RwSignal::new(Exchange::Idle),
            progress: RwSignal::new(None),
            saved: RwSignal::new(None),
            via_echo,
            body_cap_mb: RwSignal::new(DEFAULT_BODY_CAP / (1024 * 1024)),
            worker: Workers::start(),
            answers: StoredValue::new(Vec::new()),
            in_flight: StoredValue::new_local(None),
        }
    }
}

/// The state provided by `<App/>`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
