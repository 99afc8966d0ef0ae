//! Render stage, logic half: what kind of body a response carries, and the pieces the viewer needs to show
//! any size of it quickly: a line index for virtual scrolling and hex dump rows.

/// How a body is best shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentKind {
    Json,
    Xml,
    Html,
    Text,
    Image,
    Audio,
    Video,
    Pdf,
    Binary,
}

impl ContentKind {
    /// From the Content-Type header, falling back to the bytes themselves when it is missing or generic.
    pub fn detect(content_type: Option<&str>, body: &[u8]) -> ContentKind {
        let essence = content_type
            .and_then(|t| t.split(';').next())
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let by_type = match essence.as_str() {
            "application/json" | "text/json" => Some(ContentKind::Json),
            t if t.ends_with("+json") => Some(ContentKind::Json),
            "text/html" | "application/xhtml+xml" => Some(ContentKind::Html),
            "application/xml" | "text/xml" => Some(ContentKind::Xml),
            t if t.ends_with("+xml") && t != "image/svg+xml" => Some(ContentKind::Xml),
            "application/pdf" => Some(ContentKind::Pdf),
            t if t.starts_with("image/") => Some(ContentKind::Image),
            t if t.starts_with("audio/") => Some(ContentKind::Audio),
            t if t.starts_with("video/") => Some(ContentKind::Video),
            t if t.starts_with("text/") => Some(ContentKind::Text),
            "application/javascript" | "application/x-www-form-urlencoded" => {
                Some(ContentKind::Text)
            }
            _ => None,
        };
        by_type.unwrap_or_else(|| sniff(body))
    }

    /// Whether the body is text to show as lines (rather than a preview or a hex dump).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            ContentKind::Json | ContentKind::Xml | ContentKind::Html | ContentKind::Text
        )
    }
}

/// Guesses from the first bytes: JSON-looking text, markup, text, or binary (NUL or invalid UTF-8).
fn sniff(body: &[u8]) -> ContentKind {
    let head = &body[..body.len().min(1024)];
    if head.contains(&0) {
        return ContentKind::Binary;
    }
    // A multi-byte character cut at the sample's end is still text.
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&head[..err.valid_up_to()]).unwrap_or("")
        }
        Err(_) => return ContentKind::Binary,
    };
    match text.trim_start().chars().next() {
        Some('{' | '[') => ContentKind::Json,
        Some('<') => ContentKind::Html,
        _ => ContentKind::Text,
    }
}

/// The charset named by a Content-Type header (`text/html; charset=ISO-8859-1` -> `iso-8859-1`).
pub fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
    })
}

/// Byte offsets where each line of a text starts, so a viewer can show any window of a huge text without
/// splitting all of it into strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut index = LineIndex::empty();
        index.extend(text.as_bytes());
        index
    }

    /// The index of an empty text (one empty line), to be grown with [`LineIndex::extend`].
    pub fn empty() -> LineIndex {
        LineIndex {
            starts: vec![0],
            len: 0,
        }
    }

    /// Indexes `added`, the bytes just appended to the text: a text formatted in slices is indexed as it
    /// grows, each slice costing only its own bytes.
    pub fn extend(&mut self, added: &[u8]) {
        let base = self.len + 1;
        self.starts.extend(
            added
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| base + i),
        );
        self.len += added.len();
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line that holds byte `offset` (the last line for offsets past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// Line `n` (from 0) of `text`, without its line break.
    pub fn line<'t>(&self, text: &'t str, n: usize) -> &'t str {
        let (start, end) = self.span(n);
        text.get(start..end).unwrap_or("").trim_end_matches('\r')
    }

    /// Line `n` of a text held as bytes (a slice of a UTF-8 text may be read before it is all checked).
    pub fn line_bytes<'t>(&self, bytes: &'t [u8], n: usize) -> &'t [u8] {
        let (start, end) = self.span(n);
        let line = bytes.get(start..end).unwrap_or(&[]);
        line.strip_suffix(b"\r").unwrap_or(line)
    }

    /// Byte range of line `n`, without its line break; empty past the end.
    fn span(&self, n: usize) -> (usize, usize) {
        let Some(&start) = self.starts.get(n) else {
            return (0, 0);
        };
        let end = self.starts.get(n + 1).map_or(self.len, |next| next - 1);
        (start, end)
    }
}

/// Bytes per hex dump row.
pub const HEX_ROW: usize = 16;

/// Row `n` of a hex dump: offset, 16 bytes in hex, and their printable ASCII.
pub fn hex_row(bytes: &[u8], n: usize) -> String {
    let start = n * HEX_ROW;
    let chunk = bytes
        .get(start..(start + HEX_ROW).min(bytes.len()))
        .unwrap_or(&[]);
    let mut hex = String::with_capacity(HEX_ROW * 3 + 1);
    for i in 0..HEX_ROW {
        match chunk.get(i) {
            Some(b) => hex.push_str(&format!("{b:02x} ")),
            None => hex.push_str("   "),
        }
        if i == 7 {
            hex.push(' ');
        }
    }
    let ascii: String = chunk
        .iter()
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect();
    format!("{start:08x}  {hex} |{ascii}|")
}

/// How many hex rows a body needs.
pub fn hex_row_count(len: usize) -> usize {
    len.div_ceil(HEX_ROW).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_kind_from_type_then_bytes() {
        let cases: [(Option<&str>, &[u8], ContentKind); 12] = [
            (
                Some("application/json; charset=utf-8"),
                b"{}",
                ContentKind::Json,
            ),
            (Some("application/problem+json"), b"{}", ContentKind::Json),
            (Some("text/html"), b"<p>", ContentKind::Html),
            (Some("application/atom+xml"), b"<feed/>", ContentKind::Xml),
            (Some("image/svg+xml"), b"<svg/>", ContentKind::Image),
            (Some("image/png"), b"\x89PNG", ContentKind::Image),
            (Some("application/pdf"), b"%PDF", ContentKind::Pdf),
            (Some("text/plain"), b"hi", ContentKind::Text),
            (
                Some("application/octet-stream"),
                b"\x00\x01",
                ContentKind::Binary,
            ),
            (None, b"  [1, 2]", ContentKind::Json),
            (None, b"plain words \xc3", ContentKind::Text),
            (
                Some("application/octet-stream"),
                b"\xff\xfe\xfd\xfc",
                ContentKind::Binary,
            ),
        ];
        for (content_type, body, expected) in cases {
            assert_eq!(
                ContentKind::detect(content_type, body),
                expected,
                "{content_type:?} {body:?}"
            );
        }
    }

    #[test]
    fn charset_is_read_from_the_parameters() {
        assert_eq!(
            charset("text/html; charset=\"ISO-8859-1\""),
            Some("iso-8859-1".into())
        );
        assert_eq!(
            charset("text/plain;Charset=utf-8;x=y"),
            Some("utf-8".into())
        );
        assert_eq!(charset("application/json"), None);
    }

    #[test]
    fn line_index_finds_every_line() {
        let text = "a\r\nbb\n\nlast";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = (0..index.line_count())
            .map(|n| index.line(text, n))
            .collect();
        assert_eq!(lines, ["a", "bb", "", "last"]);
        assert_eq!(index.line(text, 99), "");
        assert_eq!(LineIndex::new("").line_count(), 1);
    }

    #[test]
    fn line_index_grows_with_its_text() {
        let text = "{\n  \"a\": 1,\r\n  \"é\": [\n\n  ]\n}";
        for cut in 0..=text.len() {
            let mut index = LineIndex::empty();
            index.extend(&text.as_bytes()[..cut]);
            index.extend(&text.as_bytes()[cut..]);
            assert_eq!(index, LineIndex::new(text), "cut at {cut}");
            let lines: Vec<&[u8]> = (0..index.line_count())
                .map(|n| index.line_bytes(text.as_bytes(), n))
                .collect();
            let expected: Vec<&[u8]> = text.lines().map(str::as_bytes).collect();
            assert_eq!(lines, expected);
        }
    }

    #[test]
    fn hex_rows_show_offset_bytes_and_ascii() {
        let bytes: Vec<u8> = (0x41..0x41 + 18).collect();
        assert_eq!(hex_row_count(bytes.len()), 2);
        assert_eq!(
            hex_row(&bytes, 0),
            "00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|"
        );
        assert_eq!(
            hex_row(&bytes, 1),
            "00000010  51 52                                             |QR|"
        );
        assert_eq!(hex_row(&[0, 0x7f, b'a'], 0).split('|').nth(1), Some("..a"));
    }
}
