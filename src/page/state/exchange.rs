//! The exchange with the server: send the prepared request, cancel it, time it out.

use super::AppState;
use crate::page::net::{self, authorize::authorize, SendError};
use crate::protocol::library::{KeptAnswer, Shown};
use leptos::prelude::*;
use reqlab_core::render::response::Response;
use std::sync::Arc;
use std::time::Duration;
use web_sys::AbortController;

/// Where the last send stands.
#[derive(Clone, Debug)]
pub enum Exchange {
    Idle,
    Sending,
    /// Shared, so reading the exchange never copies a body of many megabytes.
    Done(Arc<Response>),
    Failed(String),
    Cancelled,
    TimedOut(u32),
}

impl AppState {
    /// Another tab's request is in the editor now (the library does not switch while a send is under
    /// way): the answer on show is kept for the tab left, unless it was closed, and the tab's own comes
    /// back; else the answer the library kept for it, or none.
    pub fn show_tab(&self, shown: Shown) {
        let current = self.exchange.get_untracked();
        let mut own = None;
        self.answers.update_value(|answers| {
            if let (Some(leaving), false) = (shown.leaving, matches!(current, Exchange::Idle)) {
                answers.retain(|(id, _)| *id != leaving);
                answers.push((leaving, current));
            }
            own = answers
                .iter()
                .position(|(id, _)| *id == shown.tab)
                .map(|at| answers.swap_remove(at).1);
        });
        self.exchange
            .set(own.unwrap_or_else(|| shown.answer.map_or(Exchange::Idle, kept)));
    }

    /// Sends the prepared request, unless it is invalid (the editor already shows why) or one is in flight.
    pub fn send(&self) {
        let Ok(prepared) = self.prepared.get_untracked() else {
            return;
        };
        if prepared.url.is_websocket() {
            return crate::page::bridge::socket(self.via_echo.get_untracked());
        }
        // `with`, not `get`: a finished exchange holds the whole response body, which must not be copied.
        if self
            .exchange
            .with_untracked(|e| matches!(e, Exchange::Sending))
        {
            return;
        }
        let Ok(controller) = AbortController::new() else {
            self.exchange.set(Exchange::Failed(
                "This browser cannot cancel requests (no AbortController).".into(),
            ));
            return;
        };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller.clone()));
        self.exchange.set(Exchange::Sending);
        let timed_out = StoredValue::new(false);
        let timer = prepared.options.timeout_ms.and_then(|ms| {
            let controller = controller.clone();
            set_timeout_with_handle(
                move || {
                    timed_out.set_value(true);
                    controller.abort();
                },
                Duration::from_millis(u64::from(ms)),
            )
            .ok()
        });
        let state = *self;
        state.progress.set(None);
        let cap = state
            .body_cap_mb
            .get_untracked()
            .saturating_mul(1024 * 1024);
        let via_echo = state.via_echo.get_untracked();
        // What the history records: the request as it was when sent, not as edited meanwhile.
        crate::page::bridge::sending();
        leptos::task::spawn_local(async move {
            let on_progress = move |p| state.progress.set(Some(p));
            let mut prepared = prepared;
            let outcome = match authorize(&mut prepared, via_echo).await {
                Err(why) => Err(SendError::Auth(why)),
                Ok(()) if via_echo => {
                    let origin = web_sys::window()
                        .and_then(|w| w.location().origin().ok())
                        .unwrap_or_default();
                    net::send_via_echo(&prepared, &origin, &signal).await
                }
                Ok(()) => net::send(&prepared, &signal, cap, &on_progress).await,
            };
            if let Some(timer) = timer {
                timer.clear();
            }
            // A newer send or a cancel may have replaced this one; only the current one reports.
            let current = state
                .in_flight
                .with_value(|c| c.as_ref().is_some_and(|c| c.signal() == signal));
            if !current {
                return;
            }
            state.in_flight.set_value(None);
            let exchange = match outcome {
                Ok(response) => Exchange::Done(Arc::new(response)),
                Err(SendError::Aborted) if timed_out.get_value() => {
                    Exchange::TimedOut(prepared.options.timeout_ms.unwrap_or_default())
                }
                Err(SendError::Aborted) => Exchange::Cancelled,
                Err(err) => Exchange::Failed(err.to_string()),
            };
            // Every end is told (the library waits for it before another tab may come to the front).
            match &exchange {
                Exchange::Done(r) => {
                    let headers: String = r
                        .headers
                        .iter()
                        .map(|(n, v)| format!("{n}: {v}\n"))
                        .collect();
                    crate::page::bridge::done(
                        r.status,
                        &r.status_text,
                        r.elapsed_ms,
                        &r.body,
                        &headers,
                    )
                }
                Exchange::Failed(why) => crate::page::bridge::done(0, why, 0.0, &[], ""),
                _ => crate::page::bridge::done(0, TIMED_OUT, 0.0, &[], ""),
            }
            state.exchange.set(exchange);
        });
    }

    /// Cancels the request in flight, if any.
    pub fn cancel(&self) {
        if let Some(controller) = self.in_flight.try_update_value(|c| c.take()).flatten() {
            controller.abort();
            crate::page::bridge::done(0, CANCELLED, 0.0, &[], "");
            self.exchange.set(Exchange::Cancelled);
        }
    }
}

/// What the history records for a send that ended without an answer by a cancel, or by the timeout.
const CANCELLED: &str = "cancelled";
const TIMED_OUT: &str = "timed out";

/// An answer the library kept, for the response panel: no headers, the body's first part.
fn kept(answer: KeptAnswer) -> Exchange {
    if answer.status == 0 {
        return Exchange::Failed(answer.status_text);
    }
    Exchange::Done(Arc::new(Response {
        status: answer.status,
        status_text: answer.status_text,
        headers: Vec::new(),
        body: answer.body.into_bytes(),
        elapsed_ms: answer.elapsed_ms as f64,
        url: answer.url,
        redirected: false,
        protocol: None,
        timing: None,
        truncated: answer.truncated,
    }))
}
