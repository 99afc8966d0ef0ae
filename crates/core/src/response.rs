//! Render stage, logic half: the response as received, and how its status line reads.

use crate::http::status::{reason_phrase, StatusClass};

/// A response as the browser handed it over.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    /// The reason phrase the server sent; empty over HTTP/2 and HTTP/3, which have none.
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wall time from send to the last byte, in milliseconds.
    pub elapsed_ms: f64,
}

impl Response {
    /// `200 OK`: the server's own reason phrase, or the registered one when the protocol carries none.
    pub fn status_line(&self) -> String {
        let reason = if self.status_text.is_empty() {
            reason_phrase(self.status).unwrap_or("")
        } else {
            self.status_text.as_str()
        };
        format!("{} {}", self.status, reason).trim_end().to_string()
    }

    pub fn class(&self) -> Option<StatusClass> {
        StatusClass::of(self.status)
    }

    /// The body as text; bytes that are not UTF-8 show as U+FFFD rather than failing.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Formats a duration for people: `850 ms`, `1.24 s`.
pub fn format_elapsed(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{} ms", ms.round() as u64)
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, status_text: &str) -> Response {
        Response {
            status,
            status_text: status_text.into(),
            headers: vec![],
            body: b"ok \xff".to_vec(),
            elapsed_ms: 1.0,
        }
    }

    #[test]
    fn status_line_prefers_the_server_phrase_and_falls_back_to_the_registry() {
        let cases = [
            (200, "", "200 OK"),
            (200, "Fine", "200 Fine"),
            (404, "", "404 Not Found"),
            (299, "", "299"),
        ];
        for (status, text, expected) in cases {
            assert_eq!(response(status, text).status_line(), expected);
        }
    }

    #[test]
    fn body_text_survives_invalid_utf8() {
        assert_eq!(response(200, "").body_text(), "ok \u{fffd}");
    }

    #[test]
    fn elapsed_reads_naturally() {
        assert_eq!(format_elapsed(12.4), "12 ms");
        assert_eq!(format_elapsed(1234.0), "1.23 s");
    }
}
