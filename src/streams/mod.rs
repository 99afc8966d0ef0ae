//! The live view: a streamed response shown as it arrives (events, records, chunks) and WebSocket
//! connections. A wasm module of its own (`src/bin/streams.rs`), imported by index.html the first time a
//! response streams or a `ws://` request is sent, so none of it weighs on the page. It meets the page at
//! `window.reqlab` (`bridge`, `protocol::streams`): `LIVE_EVENT` says a stream or a socket waits, `reqlab:sending` that a new
//! send replaces the stream on show.

mod bridge;
mod live_view;
mod log_view;
pub mod markup;
mod reconnect;
mod rows;
mod socket;
mod socket_view;
mod store;

use crate::dom::document::{by_id, document, on_window};
use live_view::LiveView;
use socket_view::SocketView;

/// The live view's styles, put in the page with the panels (the page's own CSS does not carry them).
const STYLE: &str = include_str!("../../style/streams.css");

pub fn start() {
    console_error_panic_hook::set_once();
    if !mount() {
        return;
    }
    let live = LiveView::new();
    let sockets = SocketView::new();
    let take = {
        let (live, sockets) = (live.clone(), sockets.clone());
        std::rc::Rc::new(move || {
            live.take();
            if let Some((draft, via_echo)) = bridge::take_socket() {
                sockets.connect(draft, via_echo);
            }
        })
    };
    take();
    on_window(crate::protocol::streams::LIVE_EVENT, move |_| take());
    // A new send, or another request opened in the editor: the stream on show is no longer its answer, nor
    // the socket the region's only content (a socket's own record of its handshake is no new send).
    for replaced in ["reqlab:sending", crate::protocol::library::OPEN_EVENT] {
        let (live, sockets) = (live.clone(), sockets.clone());
        on_window(replaced, move |_| {
            live.hide();
            if !sockets.recording() {
                sockets.step_aside();
            }
        });
    }
}

/// The page's clock (`performance.now()`, ms), which index.html times a stream's pieces by too.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Puts the panels in the response region, below the line that names the request answered; false where
/// there is no such region.
fn mount() -> bool {
    let (Some(document), Some(anchor)) = (document(), by_id("answer-of")) else {
        return false;
    };
    let Ok(holder) = document.create_element("div") else {
        return false;
    };
    holder.set_class_name("live-holder");
    holder.set_inner_html(&format!(
        "<style>{STYLE}</style>{}{}",
        markup::SOCKET,
        markup::LIVE
    ));
    let _ = anchor.after_with_node_1(&holder);
    true
}
