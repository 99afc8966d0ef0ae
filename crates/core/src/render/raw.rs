//! Render stage: the request as an HTTP/1.1 message (request line, headers, blank line, body), the way the
//! seeds draw HTTP messages, for the "raw request" view.

use crate::prepare::multipart::{multipart_pieces, Piece};
use crate::prepare::{PreparedBody, PreparedRequest};

/// The boundary shown in the raw view; each real client picks its own.
pub const DISPLAY_BOUNDARY: &str = "----reqlab-boundary";

/// The message as it goes on the wire. Binary content is summarised (`<1234 bytes from photo.png>`); headers the
/// browser adds itself (User-Agent, Accept-Encoding, Origin, ...) are not shown.
pub fn request_message(request: &PreparedRequest) -> String {
    let body = body_text(&request.body);
    let mut lines = vec![
        format!(
            "{} {} HTTP/1.1",
            request.method,
            request.url.path_and_query()
        ),
        format!("Host: {}", request.url.authority()),
    ];
    lines.extend(request.headers.iter().map(|(n, v)| format!("{n}: {v}")));
    if let PreparedBody::Multipart(_) = request.body {
        lines.push(format!(
            "Content-Type: multipart/form-data; boundary={DISPLAY_BOUNDARY}"
        ));
    }
    if let Some((_, length)) = &body {
        lines.push(format!("Content-Length: {length}"));
    }
    let mut message = lines.join("\r\n");
    message.push_str("\r\n\r\n");
    if let Some((text, _)) = body {
        message.push_str(&text);
    }
    message
}

/// The body as displayed, and its length in bytes on the wire (summaries count the real bytes).
fn body_text(body: &PreparedBody) -> Option<(String, usize)> {
    match body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => Some((text.clone(), text.len())),
        PreparedBody::UrlEncoded(fields) => {
            let text = PreparedBody::url_encoded(fields);
            let length = text.len();
            Some((text, length))
        }
        PreparedBody::File(file) => {
            let size = file.data.as_ref().map_or(0, |d| d.len());
            Some((format!("<{size} bytes from {}>", file.name), size))
        }
        PreparedBody::Multipart(parts) => {
            // The same encoder the snippets use, with files summarised but counted at their real size.
            let mut text = String::new();
            let mut length = 0;
            for piece in multipart_pieces(parts, DISPLAY_BOUNDARY) {
                match piece {
                    Piece::Text(chunk) => {
                        length += chunk.len();
                        text.push_str(&chunk);
                    }
                    Piece::File(file) => {
                        let size = file.data.as_ref().map_or(0, |d| d.len());
                        length += size;
                        text.push_str(&format!("<{size} bytes from {}>", file.name));
                    }
                }
            }
            Some((text, length))
        }
    }
}

/// The response as an HTTP message: status line, headers, blank line, then the body as text up to
/// `max_body` bytes (binary bodies are summarised).
pub fn response_message(response: &crate::render::response::Response, max_body: usize) -> String {
    let mut message = response.full_status_line();
    if !message.starts_with("HTTP/") {
        message.insert_str(0, "HTTP/1.1 ");
    }
    for (name, value) in &response.headers {
        message.push_str(&format!("\r\n{name}: {value}"));
    }
    message.push_str("\r\n\r\n");
    let body = &response.body;
    let shown = &body[..body.len().min(max_body)];
    let text = match std::str::from_utf8(shown) {
        Ok(text) => Some(text),
        // The cut fell inside a character: text up to that character's start, the rest counted below.
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&shown[..err.valid_up_to()]).ok()
        }
        Err(_) => None,
    };
    match text {
        Some(text) if !text.contains('\0') => {
            message.push_str(text);
            if body.len() > text.len() {
                message.push_str(&format!("\n… ({} more bytes)", body.len() - text.len()));
            }
        }
        _ => message.push_str(&format!("<{} bytes of binary data>", body.len())),
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::response::Response;

    fn response(body: &[u8]) -> Response {
        Response {
            status: 404,
            status_text: String::new(),
            headers: vec![("content-type".into(), "text/plain".into())],
            body: body.to_vec(),
            elapsed_ms: 1.0,
            url: "http://h/".into(),
            redirected: false,
            protocol: Some("http/1.1".into()),
            timing: None,
            truncated: false,
        }
    }

    #[test]
    fn request_message_summarises_files_and_counts_their_real_size() {
        use crate::edit::model::{FileRef, Method, RequestOptions};
        use crate::prepare::{PreparedAuth, PreparedPart, PreparedPartValue};
        let request = PreparedRequest {
            method: Method::Post,
            url: crate::prepare::url::Url::parse("http://h/up").expect("valid"),
            headers: vec![],
            body: PreparedBody::Multipart(vec![
                PreparedPart::text("a\"b", "x"),
                PreparedPart {
                    name: "f".into(),
                    value: PreparedPartValue::File(FileRef::new("n.bin", "", vec![0; 5])),
                    content_type: None,
                },
            ]),
            auth: PreparedAuth::None,
            options: RequestOptions::default(),
        };
        let b = DISPLAY_BOUNDARY;
        let body = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"a%22b\"\r\n\r\nx\r\n--{b}\r\n\
             Content-Disposition: form-data; name=\"f\"; filename=\"n.bin\"\r\nContent-Type: \
             application/octet-stream\r\n\r\n<5 bytes from n.bin>\r\n--{b}--\r\n"
        );
        let length = body.len() - "<5 bytes from n.bin>".len() + 5;
        assert_eq!(
            request_message(&request),
            format!(
                "POST /up HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; boundary={b}\r\n\
                 Content-Length: {length}\r\n\r\n{body}"
            )
        );
    }

    #[test]
    fn response_message_shows_status_headers_and_body() {
        assert_eq!(
            response_message(&response(b"gone"), 100),
            "HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\n\r\ngone"
        );
        assert!(response_message(&response(b"abcdef"), 3).ends_with("abc\n… (3 more bytes)"));
        assert!(response_message(&response(b"\x00\xff"), 100).ends_with("<2 bytes of binary data>"));
    }

    #[test]
    fn a_cut_inside_a_character_keeps_the_text_before_it() {
        // "é" is two bytes: a cut after "ab" and the first byte of "é" shows "ab" and counts the rest.
        let message = response_message(&response("abé!".as_bytes()), 3);
        assert!(
            message.ends_with("\r\n\r\nab\n… (3 more bytes)"),
            "{message}"
        );
        // Invalid UTF-8 before the cut is still binary.
        let message = response_message(&response(b"a\xffbc"), 3);
        assert!(message.ends_with("<4 bytes of binary data>"), "{message}");
    }
}
