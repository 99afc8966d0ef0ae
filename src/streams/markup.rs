//! The live view's static markup: the panel of a streamed response (events, records or chunks) and the
//! panel of a WebSocket, each put in the response region on first use. Constant text, as the page's static
//! forms are: rows and messages are set as text, never parsed as HTML. Every control has a label or a name.

/// Both logs share one layout: rows (a listbox drawn as only the rows in view) beside the selected row's
/// detail.
macro_rules! log_markup {
    ($prefix:literal, $name:literal) => {
        concat!(
            r#"<div class="live-body"><div class="live-rows" id=""#,
            $prefix,
            r#"-rows" role="listbox" aria-label=""#,
            $name,
            r#"" tabindex="0"><div class="live-spacer" id=""#,
            $prefix,
            r#"-spacer"><div class="live-window" id=""#,
            $prefix,
            r#"-window"></div></div></div><pre class="live-detail" id=""#,
            $prefix,
            r#"-detail" tabindex="0" aria-label="Selected"#,
            " ",
            $name,
            r#"" aria-live="off"></pre></div>"#
        )
    };
}

/// A streamed response: its title names the view (Events, Records, Chunks).
pub const LIVE: &str = concat!(
    r#"<section class="panel live" id="live" aria-labelledby="live-title" hidden>"#,
    r#"<div class="live-head"><h3 id="live-title">Events</h3><p class="live-stats" id="live-stats"></p>"#,
    r#"<button type="button" id="live-follow" aria-pressed="false">Pause</button></div>"#,
    r#"<div class="live-tools"><label for="live-filter">Filter</label>"#,
    r#"<input id="live-filter" type="search" placeholder="Event name or text" autocomplete="off">"#,
    r#"<label for="live-cap">Keep at most</label><input id="live-cap" type="number" min="100" step="1000" value="10000">"#,
    r#"<label class="live-check" id="live-reconnect-row"><input type="checkbox" id="live-reconnect"> Reconnect with Last-Event-ID</label></div>"#,
    r#"<p class="hint" id="live-note" hidden></p>"#,
    log_markup!("live", "Events"),
    r#"</section>"#
);

/// A WebSocket: state and connection buttons, the composer, the messages.
pub const SOCKET: &str = concat!(
    r#"<section class="panel live" id="ws" aria-labelledby="ws-title" hidden>"#,
    r#"<div class="live-head"><h3 id="ws-title">WebSocket</h3><p class="live-stats" id="ws-state" role="status"></p>"#,
    r#"<button type="button" id="ws-connect">Connect</button><button type="button" id="ws-disconnect">Disconnect</button>"#,
    r#"<button type="button" id="ws-follow" aria-pressed="false">Pause</button></div>"#,
    r#"<p class="problem" id="ws-problem" role="alert" hidden></p>"#,
    r#"<p class="hint" id="ws-note" hidden></p><button type="button" id="ws-relay" hidden>Connect via reqlab-echo</button>"#,
    r#"<div class="ws-composer"><label for="ws-mode">Send as</label><select id="ws-mode">"#,
    r#"<option value="text">Text</option><option value="json">JSON</option>"#,
    r#"<option value="hex">Binary from hex</option><option value="base64">Binary from base64</option></select>"#,
    r#"<label for="ws-message">Message</label><textarea id="ws-message" rows="3" spellcheck="false"></textarea>"#,
    r#"<button type="button" id="ws-send">Send message</button>"#,
    r#"<label for="ws-file">Send a file</label><input type="file" id="ws-file">"#,
    r#"<p class="problem" id="ws-compose-problem" role="alert" hidden></p></div>"#,
    r#"<div class="live-tools"><label for="ws-filter">Filter</label>"#,
    r#"<input id="ws-filter" type="search" placeholder="Text in a message" autocomplete="off">"#,
    r#"<button type="button" id="ws-clear">Clear</button><button type="button" id="ws-save">Save as JSON</button></div>"#,
    log_markup!("ws", "Messages"),
    r#"</section>"#
);

crate::controls! {
    /// The streamed response panel's ids.
    pub mod live_id {
        PANEL = "live",
        TITLE = "live-title",
        STATS = "live-stats",
        FOLLOW = "live-follow",
        FILTER = "live-filter",
        CAP = "live-cap",
        RECONNECT_ROW = "live-reconnect-row",
        RECONNECT = "live-reconnect",
        NOTE = "live-note",
        ROWS = "live-rows",
        SPACER = "live-spacer",
        WINDOW = "live-window",
        DETAIL = "live-detail",
    } in LIVE
}

crate::controls! {
    /// The WebSocket panel's ids.
    pub mod ws_id {
        PANEL = "ws",
        TITLE = "ws-title",
        STATE = "ws-state",
        CONNECT = "ws-connect",
        DISCONNECT = "ws-disconnect",
        FOLLOW = "ws-follow",
        PROBLEM = "ws-problem",
        NOTE = "ws-note",
        RELAY = "ws-relay",
        MODE = "ws-mode",
        MESSAGE = "ws-message",
        SEND = "ws-send",
        FILE = "ws-file",
        COMPOSE_PROBLEM = "ws-compose-problem",
        FILTER = "ws-filter",
        CLEAR = "ws-clear",
        SAVE = "ws-save",
        ROWS = "ws-rows",
        SPACER = "ws-spacer",
        WINDOW = "ws-window",
        DETAIL = "ws-detail",
    } in SOCKET
}
