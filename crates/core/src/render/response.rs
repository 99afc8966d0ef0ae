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
    /// The URL that answered: the request's, or where redirects led.
    pub url: String,
    /// Whether fetch followed at least one redirect to get here.
    pub redirected: bool,
    /// The protocol as Resource Timing names it (`http/1.1`, `h2`, `h3`), when the server allows timing.
    pub protocol: Option<String>,
    /// The Resource Timing breakdown, when the server allows it (`Timing-Allow-Origin`).
    pub timing: Option<Timing>,
    /// The body was cut at the size cap; `body` holds its first part.
    pub truncated: bool,
}

/// Where the time went and how big the response was, from the browser's Resource Timing entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timing {
    pub dns_ms: f64,
    pub connect_ms: f64,
    pub tls_ms: f64,
    /// From the request's last byte to the response's first (server time plus one round trip).
    pub waiting_ms: f64,
    pub download_ms: f64,
    /// Bytes on the wire, headers included; 0 when served from cache.
    pub transfer_size: u64,
    /// Body bytes as sent (compressed).
    pub encoded_size: u64,
    /// Body bytes after decompression.
    pub decoded_size: u64,
}

impl Response {
    /// `HTTP/1.1 200 OK`: the protocol when known, then the status line.
    pub fn full_status_line(&self) -> String {
        let version = match self.protocol.as_deref() {
            Some("http/1.0") => "HTTP/1.0 ",
            Some("http/1.1") => "HTTP/1.1 ",
            Some("h2") | Some("h2c") => "HTTP/2 ",
            Some("h3") => "HTTP/3 ",
            _ => "",
        };
        format!("{version}{}", self.status_line())
    }

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

    /// The `Content-Type` header's value, empty when the response has none.
    pub fn content_type(&self) -> String {
        self.headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }

    /// The body as text; bytes that are not UTF-8 show as U+FFFD rather than failing.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Formats a duration for people: `850 ms`, `1.24 s`. Integer arithmetic: float formatting would add
/// kilobytes to the wasm app for two digits.
pub fn format_elapsed(ms: f64) -> String {
    let ms = ms.max(0.0).round() as u64;
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        let hundredths = (ms + 5) / 10;
        format!("{}.{:02} s", hundredths / 100, hundredths % 100)
    }
}

/// Milliseconds with one decimal (`12.3 ms`), without float formatting.
pub fn format_ms_tenths(ms: f64) -> String {
    let tenths = (ms.max(0.0) * 10.0).round() as u64;
    format!("{}.{} ms", tenths / 10, tenths % 10)
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
            url: "http://h/".into(),
            redirected: false,
            protocol: None,
            timing: None,
            truncated: false,
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
    fn full_status_line_names_the_protocol_when_known() {
        let cases = [
            (Some("http/1.1"), "HTTP/1.1 200 OK"),
            (Some("h2"), "HTTP/2 200 OK"),
            (None, "200 OK"),
        ];
        for (protocol, expected) in cases {
            let mut r = response(200, "");
            r.protocol = protocol.map(str::to_string);
            assert_eq!(r.full_status_line(), expected);
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
        assert_eq!(format_elapsed(1999.6), "2.00 s");
        assert_eq!(format_ms_tenths(12.34), "12.3 ms");
        assert_eq!(format_ms_tenths(0.0), "0.0 ms");
    }
}
