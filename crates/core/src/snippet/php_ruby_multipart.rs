//! Snippet stage helper for PHP's curl extension and Ruby's Net::HTTP: neither can send a text part with its
//! own Content-Type and no filename, so their snippets write such a multipart body out, line by line, as
//! browsers write it.

use crate::edit::model::FileRef;
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{PreparedPart, PreparedPartValue};

/// Whether a text part carries its own Content-Type (sent without a filename).
pub fn has_typed_text_part(parts: &[PreparedPart]) -> bool {
    parts
        .iter()
        .any(|part| matches!(part.value, PreparedPartValue::Text(_)) && part.content_type.is_some())
}

/// The request's Content-Type, and the body as code expressions that, joined with CRLF, give exactly the bytes
/// of `multipart::encode`: `text` quotes what lies between two CRLFs (a value holding CRLF spans several
/// items), `file` reads a file's bytes, which always stand alone since core writes a CRLF on each side.
pub fn crlf_joined_items(
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
}
