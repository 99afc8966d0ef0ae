//! Snippet stage helper for the Python WebSocket code (not a target itself), which `python-requests` writes
//! for a `ws://` or `wss://` URL: the `websockets` package's synchronous client, so the snippet reads top to
//! bottom like the HTTP ones, without asyncio.

use crate::prepare::PreparedRequest;
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::websocket::{FirstMessage, Handshake, IDLE_SECONDS};
use crate::snippet::{seconds, Options, Snippet};

pub(crate) fn websocket_snippet(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let handshake = Handshake::of(request);
    let message = FirstMessage::of(&request.body, &mut warnings);
    code.line(0, "from websockets.exceptions import ConnectionClosedOK");
    code.line(0, "from websockets.sync.client import connect");
    code.blank();
    code.line(0, format!("url = {}", python_str(&request.url.to_string())));

    let mut connect_args = vec!["url".to_string()];
    // websockets writes its own User-Agent unless given one; as an additional header it would be a second.
    let (user_agent, headers): (Vec<_>, Vec<_>) = handshake
        .headers
        .iter()
        .partition(|(name, _)| name.eq_ignore_ascii_case("user-agent"));
    if !headers.is_empty() {
        let repeated = headers.iter().enumerate().any(|(i, (name, _))| {
            headers[..i]
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
        });
        // A dict keeps one value per name; pairs keep every one, each sent as a header line of its own.
        let (open, close) = if repeated { ("[", "]") } else { ("{", "}") };
        code.line(0, format!("headers = {open}"));
        for (name, value) in &headers {
            // websockets writes header values as UTF-8, as curl does.
            let (name, value) = (python_str(name), python_str(value));
            if repeated {
                code.line(1, format!("({name}, {value}),"));
            } else {
                code.line(1, format!("{name}: {value},"));
            }
        }
        code.line(0, close);
        connect_args.push("additional_headers=headers".to_string());
    }
    if let Some((_, value)) = user_agent.last() {
        connect_args.push(format!("user_agent_header={}", python_str(value)));
    }
    if !handshake.subprotocols.is_empty() {
        let list: Vec<String> = handshake
            .subprotocols
            .iter()
            .map(|p| python_str(p))
            .collect();
        connect_args.push(format!("subprotocols=[{}]", list.join(", ")));
    }
    if let Some(ms) = request.options.timeout_ms {
        connect_args.push(format!("open_timeout={}", seconds(ms)));
    }
    match &message {
        None => {}
        Some(FirstMessage::Text(text)) => {
            code.line(0, format!("message = {}", python_str(text)));
        }
        Some(FirstMessage::File(file)) => {
            code.line(
                0,
                format!("with open({}, \"rb\") as file:", python_str(&file.name)),
            );
            code.line(1, "message = file.read()");
        }
        Some(FirstMessage::EncodedText(text)) => {
            // Bytes, so it goes as a binary message.
            code.line(
                0,
                format!("message = {}.encode(\"utf-8\")", python_str(text)),
            );
        }
    }

    code.blank();
    code.line(
        0,
        format!("with connect({}) as websocket:", connect_args.join(", ")),
    );
    code.line(
        1,
        "print(\"connected, subprotocol:\", websocket.subprotocol)",
    );
    if message.is_some() {
        code.line(1, "websocket.send(message)");
    }
    code.line(
        1,
        format!("# Prints each message until none comes for {IDLE_SECONDS} seconds or the server closes."),
    );
    code.line(1, "try:");
    code.line(2, "while True:");
    code.line(3, format!("print(websocket.recv(timeout={IDLE_SECONDS}))"));
    code.line(1, "except (TimeoutError, ConnectionClosedOK):");
    code.line(2, "pass");
    code.line(1, "websocket.close(1000)");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
