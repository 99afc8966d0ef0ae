//! Prepare stage, URL part: checks a typed URL and normalises it to the exact ASCII form that goes on the wire.
//!
//! Hand-written rather than the `url` crate: the app ships as wasm under a 200 KB budget, and we need
//! positions for error messages that no general parser gives.

use std::fmt;
use thiserror::Error;

/// A URL as it goes on the wire: scheme, authority, then path and query percent-encoded. The fragment is
/// dropped, because neither browsers nor HTTP clients send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    /// Host as typed (IPv6 keeps its brackets).
    pub host: String,
    pub port: Option<u16>,
    /// Starts with `/`; `/` when the user gave no path.
    pub path: String,
    /// Without the leading `?`; `None` when there is none. A bare `?` is dropped, as Python's clients drop it.
    pub query: Option<String>,
}

/// What is wrong with a URL, with the byte offset into the text the user typed where it applies.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UrlError {
    #[error("The URL is empty: type an address such as https://example.com/path.")]
    Empty,
    #[error("The URL has no scheme: start it with http:// or https://.")]
    MissingScheme,
    #[error(
        "The scheme \"{0}\" cannot be sent from a browser: use http://, https://, ws:// or wss://."
    )]
    UnsupportedScheme(String),
    #[error("The URL has no host after \"://\".")]
    MissingHost,
    #[error(
        "The host contains \"{ch}\" at position {position}, which is not allowed in a host name."
    )]
    InvalidHostChar { ch: char, position: usize },
    #[error("The port \"{0}\" is not a number from 1 to 65535.")]
    InvalidPort(String),
    #[error("The URL contains a user name or password: browsers refuse them in URLs; use Basic auth instead.")]
    Credentials,
}

impl UrlError {
    /// Where in the typed text the problem is, when one place is to blame.
    pub fn position(&self) -> Option<usize> {
        match self {
            UrlError::InvalidHostChar { position, .. } => Some(*position),
            _ => None,
        }
    }
}

impl Url {
    /// Parses what the user typed. Surrounding whitespace is ignored; characters that may not appear raw in a
    /// path or query (space, quotes, non-ASCII, ...) are percent-encoded as UTF-8, as browsers do.
    pub fn parse(typed: &str) -> Result<Url, UrlError> {
        let leading = typed.len() - typed.trim_start().len();
        let text = typed.trim();
        if text.is_empty() {
            return Err(UrlError::Empty);
        }
        let (scheme, rest) = match text.find("://") {
            Some(i) if is_scheme(&text[..i]) => (text[..i].to_ascii_lowercase(), &text[i + 3..]),
            _ => return Err(UrlError::MissingScheme),
        };
        if !matches!(scheme.as_str(), "http" | "https" | "ws" | "wss") {
            return Err(UrlError::UnsupportedScheme(scheme));
        }
        let rest_offset = leading + scheme.len() + 3;
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(UrlError::Credentials);
        }
        let (host, port) = split_host_port(authority, rest_offset)?;
        let tail = tail.split('#').next().unwrap_or_default();
        let (raw_path, raw_query) = match tail.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (tail, None),
        };
        let path = if raw_path.is_empty() {
            "/".to_string()
        } else {
            encode_component(raw_path, Component::Path)
        };
        Ok(Url {
            scheme,
            host: host.to_string(),
            port,
            path,
            query: raw_query
                .filter(|q| !q.is_empty())
                .map(|q| encode_component(q, Component::Query)),
        })
    }

    /// The path and query as they appear in the request line (`/a/b?x=1`).
    pub fn path_and_query(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{}", self.path, q),
            None => self.path.clone(),
        }
    }

    /// True for `ws://` and `wss://`: the request opens a WebSocket instead of sending one HTTP exchange.
    pub fn is_websocket(&self) -> bool {
        self.scheme.starts_with("ws")
    }

    /// True when the connection is encrypted (`https`, `wss`).
    pub fn is_secure(&self) -> bool {
        self.scheme.ends_with('s')
    }

    /// `host` or `host:port`, as the Host header carries it.
    pub fn authority(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{}", self.host, port),
            None => self.host.clone(),
        }
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}://{}{}",
            self.scheme,
            self.authority(),
            self.path_and_query()
        )
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn split_host_port(authority: &str, offset: usize) -> Result<(&str, Option<u16>), UrlError> {
    // An IPv6 literal holds colons of its own, so the port separator is the colon after `]`.
    let port_colon = if authority.starts_with('[') {
        authority
            .find(']')
            .and_then(|end| authority[end..].find(':').map(|i| end + i))
    } else {
        authority.rfind(':')
    };
    let (host, port_text) = match port_colon {
        Some(i) => (&authority[..i], Some(&authority[i + 1..])),
        None => (authority, None),
    };
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    check_host(host, offset)?;
    let port = match port_text {
        // `http://host:/` is valid and means the default port.
        Some("") | None => None,
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port > 0 && text.bytes().all(|b| b.is_ascii_digit()) => Some(port),
            _ => return Err(UrlError::InvalidPort(text.to_string())),
        },
    };
    Ok((host, port))
}

fn check_host(host: &str, offset: usize) -> Result<(), UrlError> {
    let ipv6 = host.starts_with('[') && host.ends_with(']');
    for (i, ch) in host.char_indices() {
        let allowed = if ipv6 {
            ch.is_ascii_hexdigit() || matches!(ch, ':' | '.' | '[' | ']')
        } else {
            // Non-ASCII letters are fine: browsers turn internationalised names into punycode.
            ch.is_alphanumeric() || matches!(ch, '.' | '-' | '_' | '~' | '%')
        };
        if !allowed {
            return Err(UrlError::InvalidHostChar {
                ch,
                position: offset + i,
            });
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Component {
    Path,
    Query,
}

/// Percent-encodes every byte outside RFC 3986's unreserved and sub-delimiter characters (plus `: @ / ? [ ]`),
/// and a `%` that does not start a valid escape. Browsers leave some of these raw and Python requests re-quotes
/// others, so encoding them here is what makes the app and every snippet send the same bytes. `'` is encoded in
/// the query because browsers do so there; `[` and `]` in the path because requests does so there.
fn encode_component(raw: &str, component: Component) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    for (i, &b) in bytes.iter().enumerate() {
        let keep = match b {
            b'%' => {
                bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
            }
            b'\'' => matches!(component, Component::Path),
            b'[' | b']' => matches!(component, Component::Query),
            b if b.is_ascii_alphanumeric() => true,
            b'-' | b'.' | b'_' | b'~' => true,
            b'!' | b'$' | b'&' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => true,
            b':' | b'@' | b'/' | b'?' => true,
            _ => false,
        };
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises_valid_urls() {
        let cases = [
            ("http://h", "http://h/"),
            (
                "  HTTPS://Example.com:8443/a/b?x=1#frag ",
                "https://Example.com:8443/a/b?x=1",
            ),
            ("http://h/a b?q=a b", "http://h/a%20b?q=a%20b"),
            (
                "http://h/ü?name=Pétér",
                "http://h/%C3%BC?name=P%C3%A9t%C3%A9r",
            ),
            ("http://h/100%?p=50%25", "http://h/100%25?p=50%25"),
            (
                "http://h/{id}?q={x}|^\\",
                "http://h/%7Bid%7D?q=%7Bx%7D%7C%5E%5C",
            ),
            ("http://h/[a]?b[]=1", "http://h/%5Ba%5D?b[]=1"),
            ("http://h/it's?q=it's", "http://h/it's?q=it%27s"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
            ("http://h:/x", "http://h/x"),
            ("http://h?", "http://h/"),
            ("http://h/p?#f", "http://h/p"),
            ("WSS://h/socket?x=1", "wss://h/socket?x=1"),
            ("ws://[::1]:9000", "ws://[::1]:9000/"),
        ];
        for (typed, expected) in cases {
            let url = Url::parse(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
            assert_eq!(url.to_string(), expected, "typed {typed:?}");
        }
    }

    #[test]
    fn rejects_invalid_urls_with_a_reason() {
        let cases = [
            ("", UrlError::Empty),
            ("example.com/x", UrlError::MissingScheme),
            ("://h", UrlError::MissingScheme),
            ("ftp://h/x", UrlError::UnsupportedScheme("ftp".into())),
            ("wsx://h/x", UrlError::UnsupportedScheme("wsx".into())),
            ("http:///x", UrlError::MissingHost),
            ("http://:80/x", UrlError::MissingHost),
            ("http://h:99999/", UrlError::InvalidPort("99999".into())),
            ("http://h:0/", UrlError::InvalidPort("0".into())),
            ("http://h:+80/", UrlError::InvalidPort("+80".into())),
            ("http://u:p@h/", UrlError::Credentials),
            (
                "http://ex ample.com/",
                UrlError::InvalidHostChar {
                    ch: ' ',
                    position: 9,
                },
            ),
        ];
        for (typed, expected) in cases {
            assert_eq!(Url::parse(typed), Err(expected), "typed {typed:?}");
        }
    }

    #[test]
    fn splits_request_line_and_host_header_parts() {
        let url = Url::parse("http://h:81/p?q=1").expect("valid");
        assert_eq!(url.path_and_query(), "/p?q=1");
        assert_eq!(url.authority(), "h:81");
    }
}
