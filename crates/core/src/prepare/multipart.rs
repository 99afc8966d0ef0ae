//! Multipart/form-data bodies written out byte for byte, as browsers write them: for the raw message, for
//! clients that take a prepared body, and for sending through reqlab-echo's forward mode.

use crate::edit::model::FileRef;
use crate::prepare::{PreparedPart, PreparedPartValue};

/// The boundary used unless a part contains it.
pub const BOUNDARY: &str = "reqlab-boundary-7MA4YWxkTrZu0gW";

/// One stretch of a multipart body: text the generator writes, or the whole content of a file.
pub enum Piece<'a> {
    Text(String),
    File(&'a FileRef),
}

/// A boundary that occurs in none of the parts' text or file bytes.
pub fn multipart_boundary(parts: &[PreparedPart]) -> String {
    let occurs = |boundary: &str| {
        parts.iter().any(|part| {
            let bytes: &[u8] = match &part.value {
                PreparedPartValue::Text(text) => text.as_bytes(),
                PreparedPartValue::File(file) => file.data.as_deref().unwrap_or_default(),
            };
            part.name.contains(boundary)
                || bytes
                    .windows(boundary.len())
                    .any(|w| w == boundary.as_bytes())
        })
    };
    let mut boundary = BOUNDARY.to_string();
    let mut counter = 0;
    while occurs(&boundary) {
        counter += 1;
        boundary = format!("{BOUNDARY}{counter}");
    }
    boundary
}

/// A multipart/form-data body as browsers write it (WHATWG `multipart/form-data` encoding: names and file names
/// in quotes, with `"`, CR and LF percent-encoded), in order.
pub fn multipart_pieces<'a>(parts: &'a [PreparedPart], boundary: &str) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    for part in parts {
        text.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
            disposition_escape(&part.name)
        ));
        match &part.value {
            PreparedPartValue::Text(value) => {
                if let Some(content_type) = &part.content_type {
                    text.push_str("\r\nContent-Type: ");
                    text.push_str(content_type);
                }
                text.push_str("\r\n\r\n");
                text.push_str(value);
            }
            PreparedPartValue::File(file) => {
                text.push_str(&format!(
                    "; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                    disposition_escape(&file.name),
                    file.effective_content_type()
                ));
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                pieces.push(Piece::File(file));
            }
        }
        text.push_str("\r\n");
    }
    text.push_str(&format!("--{boundary}--\r\n"));
    pieces.push(Piece::Text(text));
    pieces
}

fn disposition_escape(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The whole body and its Content-Type (with the boundary). Files without loaded bytes count as empty.
pub fn encode(parts: &[PreparedPart]) -> (String, Vec<u8>) {
    let boundary = multipart_boundary(parts);
    let mut body = Vec::new();
    for piece in multipart_pieces(parts, &boundary) {
        match piece {
            Piece::Text(text) => body.extend_from_slice(text.as_bytes()),
            Piece::File(file) => body.extend_from_slice(file.data.as_deref().unwrap_or_default()),
        }
    }
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_parts_in_order_with_escaped_names() {
        let parts = vec![
            PreparedPart::text("a\"b", "x"),
            PreparedPart {
                content_type: Some("application/json".into()),
                ..PreparedPart::text("meta", "{}")
            },
            PreparedPart {
                name: "f".into(),
                value: PreparedPartValue::File(FileRef::new("n.txt", "text/plain", b"hi".to_vec())),
                content_type: None,
            },
        ];
        let (content_type, body) = encode(&parts);
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .expect("boundary");
        let expected = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"a%22b\"\r\n\r\nx\r\n--{boundary}\r\n\
             Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{}}\r\n\
             --{boundary}\r\n\
             Content-Disposition: form-data; name=\"f\"; filename=\"n.txt\"\r\nContent-Type: text/plain\r\n\r\n\
             hi\r\n--{boundary}--\r\n"
        );
        assert_eq!(String::from_utf8(body).expect("text"), expected);
    }
}
