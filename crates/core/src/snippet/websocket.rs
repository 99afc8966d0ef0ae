//! Snippet stage helper for WebSocket requests (a `ws://` or `wss://` URL), used by `Target::generate` and
//! the targets with a WebSocket client: the handshake's subprotocols and other headers, the first message
//! (the request's body), and the comment-only snippet a target without a WebSocket client writes instead of
//! HTTP code.

use crate::edit::model::FileRef;
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::{Snippet, Target, TARGETS};

/// Seconds a WebSocket snippet waits for the next message before it closes: an echo answers at once, and
/// a snippet that waited for the server to close first would never end on a server that keeps the socket
/// open.
pub(crate) const IDLE_SECONDS: u32 = 5;

/// The handshake as WebSocket clients take it: the subprotocols apart (every client has an argument for
/// them, and writes the `Sec-WebSocket-Protocol` header itself), and the other headers in order.
pub(crate) struct Handshake {
    pub subprotocols: Vec<String>,
    pub headers: Vec<(String, String)>,
}

impl Handshake {
    pub(crate) fn of(request: &PreparedRequest) -> Handshake {
        let mut subprotocols = Vec::new();
        let mut headers = Vec::new();
        for (name, value) in &request.headers {
            if name.eq_ignore_ascii_case("sec-websocket-protocol") {
                subprotocols.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string),
                );
            } else {
                headers.push((name.clone(), value.clone()));
            }
        }
        Handshake {
            subprotocols,
            headers,
        }
    }
}

/// The first message sent once connected: the body, as text when it is text, binary otherwise.
pub(crate) enum FirstMessage<'a> {
    Text(&'a str),
    /// A file's bytes, read where the snippet runs, as every other snippet reads an uploaded file.
    File(&'a FileRef),
    /// Binary, these characters' UTF-8 bytes: a form body as `prepare` encodes it (the snippet writes the
    /// encoded text rather than the fields).
    EncodedText(String),
}

impl<'a> FirstMessage<'a> {
    /// The message the request's body makes, if any. A multipart body with files has no single text form a
    /// snippet can write, so it is not sent, and the warning says so.
    pub(crate) fn of(
        body: &'a PreparedBody,
        warnings: &mut Vec<String>,
    ) -> Option<FirstMessage<'a>> {
        match body {
            PreparedBody::None => None,
            PreparedBody::Text(text) => Some(FirstMessage::Text(text)),
            PreparedBody::File(file) => Some(FirstMessage::File(file)),
            PreparedBody::UrlEncoded(fields) => {
                Some(FirstMessage::EncodedText(PreparedBody::url_encoded(fields)))
            }
            PreparedBody::Multipart(_) => {
                match body.wire().map(|(bytes, _)| String::from_utf8(bytes)) {
                    Ok(Ok(text)) => Some(FirstMessage::EncodedText(text)),
                    _ => {
                        warnings.push(
                        "A multipart body with files is not sent as a WebSocket message: this snippet sends \
                         no first message. Send the file itself as a binary body instead."
                            .to_string(),
                    );
                        None
                    }
                }
            }
        }
    }
}

/// The labels of the targets that write WebSocket code, for the sentence pointing to them.
fn websocket_target_labels() -> Vec<&'static str> {
    TARGETS
        .iter()
        .filter(|t| t.has_websocket_client())
        .map(|t| t.label)
        .collect()
}

/// How a source file of this extension starts (PHP's opening tag) and begins a comment line.
pub(crate) fn comment_syntax(extension: &str) -> Option<(&'static str, &'static str)> {
    Some(match extension {
        "sh" | "py" | "rb" | "ps1" | "http" => ("", "#"),
        "bat" => ("", "REM"),
        "php" => ("<?php\n\n", "//"),
        "js" | "mjs" | "go" | "c" | "java" | "kt" | "cs" | "swift" | "dart" | "rs" => ("", "//"),
        _ => return None,
    })
}

/// What a target without a WebSocket client writes for a WebSocket request: comments saying so, no code
/// (HTTP code would send a request the user did not ask for), and the warning naming the targets that can.
pub(crate) fn without_client(target: &Target) -> Snippet {
    let others = websocket_target_labels().join(", ");
    let (start, comment) = comment_syntax(target.extension).unwrap_or(("", "//"));
    let code = format!(
        "{start}{comment} This request opens a WebSocket (a ws:// or wss:// URL), and {label} has no WebSocket client.\n\
         {comment} These targets write WebSocket code for it: {others}.\n",
        label = target.label,
    );
    Snippet {
        code,
        warnings: vec![format!(
            "{} has no WebSocket support: this snippet is only a comment. These targets connect to a \
             WebSocket: {others}.",
            target.label
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::tests::generate_from_json;

    const WEBSOCKET: &str = r#"{"method": "GET", "url": "ws://h:8080/websocket/echo",
        "headers": [{"key": "Sec-WebSocket-Protocol", "value": "chat.v2, chat.v1"},
                    {"key": "X-Client", "value": "reqlab"}],
        "body": {"mode": "raw", "language": "json", "text": "{\"type\": \"hello\"}"}}"#;

    #[test]
    fn every_extension_has_a_comment_syntax() {
        for target in TARGETS {
            assert!(
                comment_syntax(target.extension).is_some(),
                "{} ({})",
                target.id,
                target.extension
            );
        }
    }

    #[test]
    fn targets_without_a_client_write_only_comments_and_name_the_ones_with_one() {
        let with_client = websocket_target_labels();
        assert!(with_client.len() >= 4, "{with_client:?}");
        for target in TARGETS.iter().filter(|t| !t.has_websocket_client()) {
            let snippet = generate_from_json(target.id, WEBSOCKET);
            let (start, comment) = comment_syntax(target.extension).expect("known");
            let body = snippet
                .code
                .strip_prefix(start)
                .expect("starts as its language does");
            assert!(
                body.lines().all(|l| l.starts_with(comment)),
                "{}: {}",
                target.id,
                snippet.code
            );
            assert!(!snippet.code.contains("websocket/echo"), "{}", target.id);
            assert_eq!(snippet.warnings.len(), 1, "{}", target.id);
            let warning = &snippet.warnings[0];
            assert!(warning.contains("no WebSocket support"), "{warning}");
            for label in &with_client {
                assert!(warning.contains(label), "{warning} names {label}");
            }
        }
    }

    #[test]
    fn targets_with_a_client_write_websocket_code_not_http_code() {
        for target in TARGETS.iter().filter(|t| t.has_websocket_client()) {
            let code = generate_from_json(target.id, WEBSOCKET).code;
            assert!(
                code.contains("ws://h:8080/websocket/echo"),
                "{}: {code}",
                target.id
            );
            assert!(
                code.contains("chat.v2") && code.contains("chat.v1"),
                "{}: {code}",
                target.id
            );
            for http_call in ["fetch(", "requests.", "--data-raw", "--request"] {
                assert!(!code.contains(http_call), "{}: {code}", target.id);
            }
        }
    }

    #[test]
    fn a_page_says_which_headers_it_cannot_send_and_names_the_relay() {
        let warnings = generate_from_json("js-fetch", WEBSOCKET).warnings;
        assert!(
            warnings.iter().any(|w| w.contains("X-Client")
                && w.contains("/forward/websocket")
                && !w.contains("Sec-WebSocket-Protocol")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_file_body_goes_as_a_binary_message_and_a_user_agent_as_the_clients_own() {
        let json = r#"{"url": "wss://h/socket", "headers": [{"key": "User-Agent", "value": "probe/1"}],
            "body": {"mode": "binary", "file": {"name": "pixel.png", "contentType": "image/png"}}}"#;
        let python = generate_from_json("python-requests", json).code;
        assert!(python.contains("user_agent_header=\"probe/1\""), "{python}");
        assert!(!python.contains("\"User-Agent\":"), "{python}");
        assert!(
            python.contains("with open(\"pixel.png\", \"rb\") as file:"),
            "{python}"
        );
        let node = generate_from_json("node-fetch", json).code;
        assert!(
            node.contains("const message = await readFile(\"pixel.png\");"),
            "{node}"
        );
        assert!(node.contains("\"User-Agent\": \"probe/1\""), "{node}");
    }

    #[test]
    fn the_subprotocol_header_becomes_the_list_and_other_headers_stay() {
        let request: crate::edit::model::Request = serde_json::from_str(WEBSOCKET).expect("valid");
        let prepared = crate::prepare::prepare(&request, &Default::default()).expect("prepares");
        let handshake = Handshake::of(&prepared);
        assert_eq!(handshake.subprotocols, ["chat.v2", "chat.v1"]);
        assert!(handshake
            .headers
            .iter()
            .any(|(n, v)| n == "X-Client" && v == "reqlab"));
        assert!(!handshake
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("sec-websocket-protocol")));
    }
}
