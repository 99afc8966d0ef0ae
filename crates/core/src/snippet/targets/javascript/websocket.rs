//! Snippet stage helper for the JavaScript WebSocket code (not a target itself): the browser's `WebSocket`,
//! which `js-fetch` writes for a `ws://` or `wss://` URL, and the `ws` package's, which `node-fetch` writes.
//! Both use the same event listeners (`ws` implements the browser's), so they differ only in how they
//! connect, where files come from and which headers they can send.

use super::body::FileInputs;
use super::{grouped, header_expressions, utf8_headers_comment, Runtime};
use crate::prepare::PreparedRequest;
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::websocket::{FirstMessage, Handshake, IDLE_SECONDS};
use crate::snippet::{Options, Snippet};

/// WebSocket code for either runtime: connect with the subprotocols (and, in Node, every other header),
/// send the body as the first message, print each message, and close with 1000 once none has come for a
/// while.
pub(crate) fn websocket_snippet(
    request: &PreparedRequest,
    options: &Options,
    runtime: Runtime,
) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let handshake = Handshake::of(request);
    let message = FirstMessage::of(&request.body, &mut warnings);
    let files = FileInputs::of(&request.body);
    match runtime {
        Runtime::Node => {
            code.line(0, "import WebSocket from \"ws\";");
            if !files.names.is_empty() {
                code.line(0, "import { readFile } from \"node:fs/promises\";");
            }
            code.blank();
        }
        Runtime::Browser => {
            warnings.extend(browser_warnings(request, &handshake));
            files.declare(&mut code);
        }
    }
    code.line(
        0,
        format!("const url = {};", js_str(&request.url.to_string())),
    );
    if let Some(message) = &message {
        let expression = match (message, runtime) {
            (FirstMessage::Text(text), _) => js_str(text),
            (FirstMessage::File(file), _) => files.bytes(file, runtime),
            (FirstMessage::EncodedText(text), Runtime::Node) => {
                format!("Buffer.from({})", js_str(text))
            }
            (FirstMessage::EncodedText(text), Runtime::Browser) => {
                format!("new TextEncoder().encode({})", js_str(text))
            }
        };
        code.line(0, format!("const message = {expression};"));
    }

    let protocols = match handshake.subprotocols.as_slice() {
        [] => None,
        list => Some(format!(
            "[{}]",
            list.iter()
                .map(|p| js_str(p))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    let mut connect_args = vec!["url".to_string()];
    connect_args.extend(protocols);
    code.blank();
    match runtime {
        Runtime::Browser => {
            code.line(
                0,
                format!("const socket = new WebSocket({});", connect_args.join(", ")),
            );
        }
        Runtime::Node => {
            let headers: Vec<(String, String)> = header_expressions(request, runtime)
                .into_iter()
                .filter(|(name, _)| !name.eq_ignore_ascii_case("sec-websocket-protocol"))
                .collect();
            let mut entries: Vec<(usize, String)> = Vec::new();
            if !headers.is_empty() {
                if let Some(comment) = utf8_headers_comment(&handshake.headers, runtime) {
                    entries.push((0, comment.to_string()));
                }
                entries.push((0, "headers: {".to_string()));
                for (name, values) in grouped(&headers) {
                    // Node's http sends each element of an array as a header line of its own.
                    let value = match values.as_slice() {
                        [one] => one.clone(),
                        several => format!("[{}]", several.join(", ")),
                    };
                    entries.push((1, format!("{}: {value},", js_str(&name))));
                }
                entries.push((0, "},".to_string()));
            }
            if let Some(ms) = request.options.timeout_ms {
                entries.push((0, format!("handshakeTimeout: {ms},")));
            }
            if entries.is_empty() {
                code.line(
                    0,
                    format!("const socket = new WebSocket({});", connect_args.join(", ")),
                );
            } else {
                connect_args.push("{".to_string());
                code.line(
                    0,
                    format!("const socket = new WebSocket({}", connect_args.join(", ")),
                );
                for (depth, line) in &entries {
                    code.line(depth + 1, line);
                }
                code.line(0, "});");
            }
        }
    }
    // Binary messages as bytes rather than a Blob (the browser's default), which would print as "[object Blob]".
    code.line(0, "socket.binaryType = \"arraybuffer\";");
    code.blank();
    code.line(
        0,
        format!(
            "// Closes (1000, a normal closure) once no message has come for {IDLE_SECONDS} seconds."
        ),
    );
    code.line(0, "let idle;");
    code.line(0, "const closeWhenIdle = () => {");
    code.line(1, "clearTimeout(idle);");
    code.line(
        1,
        format!(
            "idle = setTimeout(() => socket.close(1000), {});",
            IDLE_SECONDS * 1000
        ),
    );
    code.line(0, "};");
    code.blank();
    code.line(0, "socket.addEventListener(\"open\", () => {");
    code.line(
        1,
        "console.log(\"connected, subprotocol:\", socket.protocol);",
    );
    if message.is_some() {
        code.line(1, "socket.send(message);");
    }
    code.line(1, "closeWhenIdle();");
    code.line(0, "});");
    code.line(0, "socket.addEventListener(\"message\", (event) => {");
    code.line(
        1,
        "console.log(typeof event.data === \"string\" ? event.data : new Uint8Array(event.data));",
    );
    code.line(1, "closeWhenIdle();");
    code.line(0, "});");
    code.line(0, "socket.addEventListener(\"close\", (event) => {");
    code.line(1, "clearTimeout(idle);");
    code.line(1, "console.log(\"closed\", event.code, event.reason);");
    code.line(0, "});");
    match runtime {
        Runtime::Browser => {
            // The browser says why in its console; the event itself carries nothing more.
            code.line(
                0,
                "socket.addEventListener(\"error\", () => console.error(\"WebSocket error\"));",
            );
        }
        Runtime::Node => {
            code.line(0, "socket.addEventListener(\"error\", (event) => {");
            code.line(1, "console.error(event.message);");
            code.line(1, "process.exitCode = 1;");
            code.line(0, "});");
        }
    }
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// What a page's WebSocket cannot send: any header but the subprotocols (the browser writes the handshake
/// itself, with its own Origin, User-Agent and cookies), nor a connect timeout.
fn browser_warnings(request: &PreparedRequest, handshake: &Handshake) -> Vec<String> {
    let mut warnings = Vec::new();
    let names: Vec<String> = grouped(&handshake.headers)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    if !names.is_empty() {
        warnings.push(format!(
            "A browser's WebSocket sends no header of the page's choosing but the subprotocols: {} {} left \
             out. To send {}, connect through reqlab-echo's WebSocket relay (`/forward/websocket`, in forward \
             mode), which puts them on the handshake, or use the Node or Python snippet.",
            names.join(", "),
            if names.len() == 1 { "is" } else { "are" },
            if names.len() == 1 { "it" } else { "them" },
        ));
    }
    if request.options.timeout_ms.is_some() {
        warnings.push(
            "A browser's WebSocket has no connect timeout: this snippet waits as long as the browser does."
                .to_string(),
        );
    }
    warnings
}
