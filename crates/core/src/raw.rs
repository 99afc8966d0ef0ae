//! Render stage: the request as an HTTP/1.1 message (request line, headers, blank line, body), the way the
//! seeds draw HTTP messages, for the "raw request" view.

use crate::prepare::{PreparedBody, PreparedPartValue, PreparedRequest};

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
            let mut text = String::new();
            let mut length = 0;
            for part in parts {
                let (disposition, content_type, content, size) = match &part.value {
                    PreparedPartValue::Text(value) => (
                        format!("form-data; name=\"{}\"", part.name),
                        None,
                        value.clone(),
                        value.len(),
                    ),
                    PreparedPartValue::File(file) => {
                        let size = file.data.as_ref().map_or(0, |d| d.len());
                        (
                            format!(
                                "form-data; name=\"{}\"; filename=\"{}\"",
                                part.name, file.name
                            ),
                            Some(file.effective_content_type().to_string()),
                            format!("<{size} bytes from {}>", file.name),
                            size,
                        )
                    }
                };
                let mut head =
                    format!("--{DISPLAY_BOUNDARY}\r\nContent-Disposition: {disposition}\r\n");
                if let Some(content_type) = content_type {
                    head.push_str(&format!("Content-Type: {content_type}\r\n"));
                }
                head.push_str("\r\n");
                length += head.len() + size + 2;
                text.push_str(&head);
                text.push_str(&content);
                text.push_str("\r\n");
            }
            let tail = format!("--{DISPLAY_BOUNDARY}--\r\n");
            length += tail.len();
            text.push_str(&tail);
            Some((text, length))
        }
    }
}

/// The response as an HTTP message: status line, headers, blank line, then the body as text up to
/// `max_body` bytes (binary bodies are summarised).
pub fn response_message(response: &crate::response::Response, max_body: usize) -> String {
    let mut message = response.full_status_line();
    if !message.starts_with("HTTP/") {
        message.insert_str(0, "HTTP/1.1 ");
    }
    for (name, value) in &response.headers {
        message.push_str(&format!("\r\n{name}: {value}"));
    }
    message.push_str("\r\n\r\n");
    let body = &response.body;
    match std::str::from_utf8(&body[..body.len().min(max_body)]) {
        Ok(text) if !text.contains('\0') => {
            message.push_str(text);
            if body.len() > max_body {
                message.push_str(&format!("\n… ({} more bytes)", body.len() - max_body));
            }
        }
        _ => message.push_str(&format!("<{} bytes of binary data>", body.len())),
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Response;

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
    fn response_message_shows_status_headers_and_body() {
        assert_eq!(
            response_message(&response(b"gone"), 100),
            "HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\n\r\ngone"
        );
        assert!(response_message(&response(b"abcdef"), 3).ends_with("abc\n… (3 more bytes)"));
        assert!(response_message(&response(b"\x00\xff"), 100).ends_with("<2 bytes of binary data>"));
    }
}
