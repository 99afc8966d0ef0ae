//! Render stage for live streams: WebSocket helpers: what a close code means, what the composer sends, and
//! binary messages as a hex dump.

use crate::base64;
use crate::render::json::{check, JsonError};

/// A close code's registered name and what it tells the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CloseMeaning {
    pub name: &'static str,
    pub meaning: &'static str,
}

/// RFC 6455 section 7.4.1 plus the IANA WebSocket close code registry (1000–1015: Normal Closure, Going Away,
/// Protocol Error, Unsupported Data, (1004 reserved), No Status Received, Abnormal Closure (1006: the browser's
/// code when the connection dropped or the handshake failed, never sent on the wire), Invalid frame payload data,
/// Policy Violation, Message Too Big, Mandatory Extension, Internal Error, Service Restart, Try Again Later, Bad
/// Gateway, TLS handshake), 3000–3999 registered for libraries/frameworks, 4000–4999 private use, the rest invalid.
/// Meanings are one plain sentence a user understands.
pub fn close_meaning(code: u16) -> CloseMeaning {
    let (name, meaning) = match code {
        1000 => ("Normal Closure", "The connection was closed on purpose after doing its job."),
        1001 => (
            "Going Away",
            "The other side is going away, for example a server shutting down or a page being left.",
        ),
        1002 => ("Protocol Error", "The connection was closed because a side broke the WebSocket protocol."),
        1003 => (
            "Unsupported Data",
            "The other side received a kind of message it cannot take, such as binary where it expects text.",
        ),
        1004 => ("Reserved", "This code is reserved and has no meaning yet; no endpoint should send it."),
        1005 => (
            "No Status Received",
            "The connection was closed without a close code; the browser reports 1005 in its place.",
        ),
        1006 => (
            "Abnormal Closure",
            "The connection dropped or the handshake failed without a close message; the browser reports 1006, \
             which is never sent on the wire.",
        ),
        1007 => (
            "Invalid frame payload data",
            "A message's content did not match its type, such as a text message that is not valid UTF-8.",
        ),
        1008 => ("Policy Violation", "The other side refused a message that goes against its rules."),
        1009 => ("Message Too Big", "A message was too large for the other side to process."),
        1010 => (
            "Mandatory Extension",
            "The client closed because the server did not agree to an extension the client requires.",
        ),
        1011 => ("Internal Error", "The server hit an unexpected error and closed the connection."),
        1012 => ("Service Restart", "The server is restarting; connecting again shortly should work."),
        1013 => (
            "Try Again Later",
            "The server is overloaded or busy for now; connecting again later should work.",
        ),
        1014 => (
            "Bad Gateway",
            "A gateway or proxy got an invalid answer from the server behind it.",
        ),
        1015 => (
            "TLS handshake",
            "The secure (TLS) connection could not be set up, for example because the certificate was not \
             trusted; the browser reports 1015, which is never sent on the wire.",
        ),
        1016..=2999 => (
            "Reserved",
            "This code is reserved for future versions of the WebSocket protocol; no endpoint should send it yet.",
        ),
        3000..=3999 => (
            "Registered",
            "A code registered for a library or framework; its documentation says what it means.",
        ),
        4000..=4999 => (
            "Private use",
            "A code the application chose for itself; the server's documentation says what it means.",
        ),
        _ => ("Invalid", "This is not a valid close code: they range from 1000 to 4999."),
    };
    CloseMeaning { name, meaning }
}

/// How the composer's text is turned into a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadMode {
    Text,
    Json,
    Hex,
    Base64,
}

/// A message to send: a text frame or a binary one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    Text(String),
    Binary(Vec<u8>),
}

/// Why the composer's text cannot be sent as asked. Positions count characters from 1. Written with
/// `Display` of `char` only: `{:?}` would bring core's Unicode tables into the page.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    #[error("{0}")]
    Json(JsonError),
    #[error("\"{found}\" at character {at} is not a hex digit.")]
    NotHex { found: char, at: usize },
    #[error("The hex has an odd number of digits ({0}): every byte takes two.")]
    OddHex(usize),
    #[error("\"{found}\" at character {at} is not base64.")]
    NotBase64 { found: char, at: usize },
    #[error("The base64 mixes the standard alphabet (+ /) with the URL-safe one (- _).")]
    MixedBase64,
    #[error(
        "The \"=\" at character {0} is out of place: padding only ends base64, and only as much as completes \
         its last group of four."
    )]
    Padding(usize),
    #[error(
        "The base64 is cut short: its {0} characters (padding and whitespace aside) leave one over after \
         groups of four."
    )]
    Base64Length(usize),
}

/// What the composer sends: Text as is; Json validated (error names line and column) and sent as text as typed;
/// Hex (whitespace, `0x` prefixes, `:`/`-` separators allowed; odd digit count is an error naming it); Base64
/// (standard or URL-safe, padding optional, whitespace allowed). Errors are sentences (thiserror enum).
pub fn compose(mode: PayloadMode, input: &str) -> Result<Payload, ComposeError> {
    match mode {
        PayloadMode::Text => Ok(Payload::Text(input.to_owned())),
        PayloadMode::Json => {
            check(input).map_err(ComposeError::Json)?;
            Ok(Payload::Text(input.to_owned()))
        }
        PayloadMode::Hex => from_hex(input).map(Payload::Binary),
        PayloadMode::Base64 => from_base64(input).map(Payload::Binary),
    }
}

/// Hex digits in pairs; whitespace, `:` and `-` separate groups, and each group may start with `0x`. Digits
/// are paired across groups (`0x1 0x2` is one byte, 0x12), so an odd count is an error rather than a guess.
fn from_hex(input: &str) -> Result<Vec<u8>, ComposeError> {
    let mut digits = Vec::with_capacity(input.len());
    let mut chars = input.chars().enumerate().peekable();
    let mut group_start = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || c == ':' || c == '-' {
            group_start = true;
            continue;
        }
        if group_start && c == '0' && matches!(chars.peek(), Some((_, 'x' | 'X'))) {
            chars.next();
            group_start = false;
            continue;
        }
        group_start = false;
        match c.to_digit(16) {
            Some(d) => digits.push(d as u8),
            None => {
                return Err(ComposeError::NotHex {
                    found: c,
                    at: i + 1,
                })
            }
        }
    }
    if digits.len() % 2 == 1 {
        return Err(ComposeError::OddHex(digits.len()));
    }
    Ok(digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair[1])
        .collect())
}

/// Standard or URL-safe base64 with optional padding and any whitespace, decoded by the crate's own
/// base64url decoder once the text is compacted to that alphabet. Padding, when there is some, must be what
/// completes the last group: a stray `=` more likely means a damaged text than one to guess about.
fn from_base64(input: &str) -> Result<Vec<u8>, ComposeError> {
    let mut compact = String::with_capacity(input.len());
    let (mut standard, mut url_safe) = (false, false);
    // Where the first `=` is, and how many there are.
    let mut padding: Option<(usize, usize)> = None;
    for (i, c) in input.chars().enumerate() {
        let at = i + 1;
        if c.is_whitespace() {
            continue;
        }
        if c == '=' {
            let (first, count) = padding.unwrap_or((at, 0));
            padding = Some((first, count + 1));
            continue;
        }
        if let Some((first, _)) = padding {
            return Err(ComposeError::Padding(first));
        }
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' => compact.push(c),
            '+' => {
                standard = true;
                compact.push('-');
            }
            '/' => {
                standard = true;
                compact.push('_');
            }
            '-' | '_' => {
                url_safe = true;
                compact.push(c);
            }
            _ => return Err(ComposeError::NotBase64 { found: c, at }),
        }
        if standard && url_safe {
            return Err(ComposeError::MixedBase64);
        }
    }
    if compact.len() % 4 == 1 {
        return Err(ComposeError::Base64Length(compact.len()));
    }
    if let Some((first, count)) = padding {
        if count > (4 - compact.len() % 4) % 4 {
            return Err(ComposeError::Padding(first));
        }
    }
    base64::decode_url(&compact).map_err(|_| ComposeError::Base64Length(compact.len()))
}

/// Up to `limit` bytes as a hex dump: offset, 16 bytes in hex, and their printable ASCII, one line each; a note
/// line when cut.
///
/// The layout is `hexdump -C`'s, which people know: `00000000  48 69 0a ... |Hi.|`, a gap after the eighth
/// byte, a dot for every byte that is not printable ASCII.
pub fn hex_dump(bytes: &[u8], limit: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let shown = &bytes[..bytes.len().min(limit)];
    let mut out = String::with_capacity(shown.len().div_ceil(16) * 79 + 64);
    for (row, line) in shown.chunks(16).enumerate() {
        let offset = row * 16;
        for shift in (0..8).rev() {
            out.push(char::from(HEX[offset >> (shift * 4) & 15]));
        }
        out.push(' ');
        for i in 0..16 {
            if i == 8 {
                out.push(' ');
            }
            out.push(' ');
            match line.get(i) {
                Some(&b) => {
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 15)]));
                }
                None => out.push_str("  "),
            }
        }
        out.push_str("  |");
        out.extend(line.iter().map(|&b| {
            if b == b' ' || b.is_ascii_graphic() {
                char::from(b)
            } else {
                '.'
            }
        }));
        out.push_str("|\n");
    }
    let rest = bytes.len() - shown.len();
    if rest > 0 {
        let unit = if rest == 1 { "byte" } else { "bytes" };
        out.push_str(&format!(
            "… {rest} more {unit} not shown ({} in all)\n",
            bytes.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_codes_by_registry() {
        let cases = [
            (0, "Invalid"),
            (999, "Invalid"),
            (1000, "Normal Closure"),
            (1001, "Going Away"),
            (1002, "Protocol Error"),
            (1003, "Unsupported Data"),
            (1004, "Reserved"),
            (1005, "No Status Received"),
            (1006, "Abnormal Closure"),
            (1007, "Invalid frame payload data"),
            (1008, "Policy Violation"),
            (1009, "Message Too Big"),
            (1010, "Mandatory Extension"),
            (1011, "Internal Error"),
            (1012, "Service Restart"),
            (1013, "Try Again Later"),
            (1014, "Bad Gateway"),
            (1015, "TLS handshake"),
            (1016, "Reserved"),
            (2999, "Reserved"),
            (3000, "Registered"),
            (3999, "Registered"),
            (4000, "Private use"),
            (4999, "Private use"),
            (5000, "Invalid"),
            (u16::MAX, "Invalid"),
        ];
        for (code, name) in cases {
            let meaning = close_meaning(code);
            assert_eq!(meaning.name, name, "{code}");
            // One plain sentence: a capital first, one full stop at the end, no second sentence.
            let sentence = meaning.meaning;
            assert!(
                sentence.starts_with(|c: char| c.is_ascii_uppercase()),
                "{code}: {sentence}"
            );
            assert!(sentence.ends_with('.'), "{code}: {sentence}");
            assert!(
                !sentence[..sentence.len() - 1].contains(". "),
                "{code}: {sentence}"
            );
        }
        assert!(close_meaning(1006).meaning.contains("never sent"));
    }

    #[test]
    fn compose_text_and_json() {
        let cases = [
            (PayloadMode::Text, "hi {", Ok(Payload::Text("hi {".into()))),
            (PayloadMode::Text, "", Ok(Payload::Text(String::new()))),
            (
                PayloadMode::Json,
                " {\"a\": [1, 2]} ",
                Ok(Payload::Text(" {\"a\": [1, 2]} ".into())),
            ),
            (
                PayloadMode::Json,
                "{\n  \"a\": 1,\n}",
                Err("Invalid JSON at line 3, column 1: trailing comma.".to_owned()),
            ),
            (
                PayloadMode::Json,
                "",
                Err("Invalid JSON at line 1, column 0: EOF while parsing a value.".to_owned()),
            ),
        ];
        for (mode, input, expected) in cases {
            let got = compose(mode, input).map_err(|e| e.to_string());
            assert_eq!(got, expected, "{mode:?} {input:?}");
        }
    }

    #[test]
    fn compose_hex() {
        let cases: [(&str, Result<&[u8], ComposeError>); 12] = [
            ("", Ok(&[])),
            ("48656c6c6f", Ok(b"Hello")),
            ("48 65 6C 6c 6F", Ok(b"Hello")),
            ("0x48 0X65\n0x6c", Ok(b"Hel")),
            ("0x4865", Ok(b"He")),
            ("de:ad:BE:ef", Ok(&[0xde, 0xad, 0xbe, 0xef])),
            ("de-ad\tbe-ef", Ok(&[0xde, 0xad, 0xbe, 0xef])),
            ("00 0a ff", Ok(&[0x00, 0x0a, 0xff])),
            ("123", Err(ComposeError::OddHex(3))),
            ("0x1 0x2 0x3", Err(ComposeError::OddHex(3))),
            ("12 zz", Err(ComposeError::NotHex { found: 'z', at: 4 })),
            ("é0x12", Err(ComposeError::NotHex { found: 'é', at: 1 })),
        ];
        for (input, expected) in cases {
            assert_eq!(
                compose(PayloadMode::Hex, input),
                expected.map(|b| Payload::Binary(b.to_vec())),
                "{input:?}"
            );
        }
        assert_eq!(
            compose(PayloadMode::Hex, "10x2"),
            Err(ComposeError::NotHex { found: 'x', at: 3 }),
            "0x only starts a group"
        );
        assert_eq!(
            ComposeError::OddHex(3).to_string(),
            "The hex has an odd number of digits (3): every byte takes two."
        );
    }

    #[test]
    fn compose_base64() {
        let cases: [(&str, Result<&[u8], ComposeError>); 16] = [
            ("", Ok(&[])),
            ("aGVsbG8=", Ok(b"hello")),
            ("aGVsbG8", Ok(b"hello")),
            ("aGVs\n bG8=\n", Ok(b"hello")),
            ("Zg==", Ok(b"f")),
            ("Zg", Ok(b"f")),
            ("+/8=", Ok(&[0xfb, 0xff])),
            ("-_8", Ok(&[0xfb, 0xff])),
            ("-_8=", Ok(&[0xfb, 0xff])),
            ("+_8=", Err(ComposeError::MixedBase64)),
            ("Zm9vY", Err(ComposeError::Base64Length(5))),
            ("Zg=a", Err(ComposeError::Padding(3))),
            ("Zg===", Err(ComposeError::Padding(3))),
            ("Zm9=v", Err(ComposeError::Padding(4))),
            ("Zm9v=", Err(ComposeError::Padding(5))),
            ("Zm 9*", Err(ComposeError::NotBase64 { found: '*', at: 5 })),
        ];
        for (input, expected) in cases {
            assert_eq!(
                compose(PayloadMode::Base64, input),
                expected.map(|b| Payload::Binary(b.to_vec())),
                "{input:?}"
            );
        }
    }

    #[test]
    fn hex_dumps() {
        let cases: [(&[u8], usize, &str); 6] = [
            (b"", 16, ""),
            (
                b"Hello, world!\n",
                100,
                "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a        |Hello, world!.|\n",
            ),
            (
                b"0123456789abcdef\x00\x7f\x80\xff ~",
                100,
                "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n\
                 00000010  00 7f 80 ff 20 7e                                 |.... ~|\n",
            ),
            (
                b"0123456789abcdefXYZ",
                16,
                "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n\
                 … 3 more bytes not shown (19 in all)\n",
            ),
            (b"ab", 1, "00000000  61                                                |a|\n… 1 more byte not shown (2 in all)\n"),
            (b"ab", 0, "… 2 more bytes not shown (2 in all)\n"),
        ];
        for (bytes, limit, expected) in cases {
            assert_eq!(hex_dump(bytes, limit), expected, "{bytes:?} limit {limit}");
        }
        let long = vec![0u8; 0x120];
        let dump = hex_dump(&long, usize::MAX);
        assert_eq!(dump.lines().count(), 18);
        assert!(
            dump.lines()
                .last()
                .is_some_and(|l| l.starts_with("00000110  ")),
            "{dump}"
        );
    }
}
