//! Snippet stage helper for the targets that write a multipart body, or its names and values, out themselves
//! (JavaScript, Python, PHP, Ruby): which bodies a client's form API cannot send (a text part with its own
//! Content-Type and no filename), the body as items joined with CRLF (PHP's curl extension, Ruby's
//! Net::HTTP), and line breaks as browsers send them.

use crate::edit::model::FileRef;
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{PreparedPart, PreparedPartValue};

/// Whether a text part carries its own Content-Type (sent without a filename). Form APIs that can give a part
/// a type only as a file (FormData, PHP's CURLFile, Ruby's set_form) cannot send such a body as it is.
pub(crate) fn has_typed_text_part(parts: &[PreparedPart]) -> bool {
    parts.iter().any(is_typed_text)
}

/// Whether this part is a text part with its own Content-Type.
pub(crate) fn is_typed_text(part: &PreparedPart) -> bool {
    matches!(part.value, PreparedPartValue::Text(_)) && part.content_type.is_some()
}

/// The request's Content-Type, and the body as code expressions that, joined with CRLF, give exactly the bytes
/// of `multipart::encode`: `text` quotes what lies between two CRLFs (a value holding CRLF spans several
/// items), `file` reads a file's bytes, which always stand alone since core writes a CRLF on each side.
pub(crate) fn crlf_joined_items(
    parts: &[PreparedPart],
    text: impl Fn(&str) -> String,
    file: impl Fn(&FileRef) -> String,
) -> (String, Vec<String>) {
    enum Item<'a> {
        Text(String),
        File(&'a FileRef),
    }
    let boundary = multipart_boundary(parts);
    let mut items = Vec::new();
    let mut current = Item::Text(String::new());
    for piece in multipart_pieces(parts, &boundary) {
        match piece {
            Piece::Text(piece) => {
                for (i, segment) in piece.split("\r\n").enumerate() {
                    if i > 0 {
                        items.push(std::mem::replace(&mut current, Item::Text(String::new())));
                    }
                    match &mut current {
                        Item::Text(line) => line.push_str(segment),
                        Item::File(_) => debug_assert!(segment.is_empty(), "CRLF after a file"),
                    }
                }
            }
            Piece::File(f) => {
                debug_assert!(
                    matches!(&current, Item::Text(t) if t.is_empty()),
                    "CRLF before a file"
                );
                current = Item::File(f);
            }
        }
    }
    items.push(current);
    let items = items
        .into_iter()
        .map(|item| match item {
            Item::Text(line) => text(&line),
            Item::File(f) => file(f),
        })
        .collect();
    (format!("multipart/form-data; boundary={boundary}"), items)
}

/// Line breaks as browsers send them in multipart part names and text values: every CR, LF or CRLF becomes
/// CRLF (file names keep theirs). Clients that send what they are given then match the browser.
pub(crate) fn multipart_line_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare::multipart::encode;

    #[test]
    fn items_joined_with_crlf_are_the_encoded_body() {
        let parts = vec![
            PreparedPart {
                content_type: Some("application/json".into()),
                ..PreparedPart::text("meta", "{\"a\":\r\n1}")
            },
            PreparedPart {
                name: "f".into(),
                value: PreparedPartValue::File(FileRef::new("n.txt", "text/plain", b"hi".to_vec())),
                content_type: None,
            },
            PreparedPart::text("t", "x"),
        ];
        assert!(has_typed_text_part(&parts));
        assert!(!has_typed_text_part(&parts[1..]));
        let (content_type, items) = crlf_joined_items(&parts, str::to_string, |f| {
            String::from_utf8_lossy(f.data.as_deref().unwrap_or_default()).into_owned()
        });
        let (expected_type, expected_body) = encode(&parts);
        assert_eq!(content_type, expected_type);
        assert_eq!(items.join("\r\n").into_bytes(), expected_body);
        assert!(
            items.contains(&"hi".to_string()),
            "the file stands alone: {items:?}"
        );
    }

    #[test]
    fn multipart_line_breaks_become_crlf() {
        let cases = [
            ("a\nb", "a\r\nb"),
            ("a\r\nb", "a\r\nb"),
            ("a\rb\n", "a\r\nb\r\n"),
            ("ab", "ab"),
        ];
        for (input, expected) in cases {
            assert_eq!(multipart_line_breaks(input), expected, "{input:?}");
        }
    }
}
