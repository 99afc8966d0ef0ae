//! Import stage, HAR multipart text: Chrome and Firefox record a multipart body as its raw text (with the
//! boundary in `mimeType`) rather than as `params`; this splits it back into parts.

use crate::edit::model::{FileRef, FormPart, PartValue};

/// The parts of a recorded multipart body, or why it cannot be split.
pub(super) fn parse(mime: &str, text: &str) -> Result<Vec<FormPart>, String> {
    let boundary = mime
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"'))
        .filter(|b| !b.is_empty())
        .ok_or("the mime type names no boundary")?;
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pieces = text.split(delimiter.as_str());
    pieces.next(); // the preamble before the first boundary
    for piece in pieces {
        if piece.starts_with("--") {
            return Ok(parts); // the closing delimiter
        }
        let piece = piece
            .strip_prefix("\r\n")
            .or_else(|| piece.strip_prefix('\n'))
            .unwrap_or(piece);
        let (head, body) = piece
            .split_once("\r\n\r\n")
            .or_else(|| piece.split_once("\n\n"))
            .ok_or("a part has no blank line after its headers")?;
        let body = body
            .strip_suffix("\r\n")
            .or_else(|| body.strip_suffix('\n'))
            .unwrap_or(body);
        parts.push(part(head, body)?);
    }
    Err("the closing boundary is missing".to_string())
}

fn part(head: &str, body: &str) -> Result<FormPart, String> {
    let mut name = None;
    let mut file_name = None;
    let mut content_type = String::new();
    for line in head.lines() {
        let Some((header, value)) = line.split_once(':') else {
            continue;
        };
        if header.trim().eq_ignore_ascii_case("content-type") {
            content_type = value.trim().to_string();
        } else if header.trim().eq_ignore_ascii_case("content-disposition") {
            name = parameter(value, "name");
            file_name = parameter(value, "filename");
        }
    }
    let name = name.ok_or("a part has no name in its Content-Disposition")?;
    let value = match file_name {
        Some(file_name) => PartValue::File {
            file: Some(FileRef {
                name: file_name,
                content_type,
                // Devtools often record file contents as placeholders or mangled bytes: the name is what counts.
                data: None,
            }),
        },
        None => PartValue::Text {
            value: body.to_string(),
        },
    };
    Ok(FormPart {
        enabled: true,
        name,
        value,
        content_type: String::new(),
    })
}

/// A `key="value"` parameter of Content-Disposition, with the `%22`/`\"` escapes browsers use undone.
fn parameter(header: &str, key: &str) -> Option<String> {
    let mut rest = header;
    while let Some(i) = rest.find(';') {
        rest = rest[i + 1..].trim_start();
        let Some((k, v)) = rest.split_once('=') else {
            continue;
        };
        if !k.trim().eq_ignore_ascii_case(key) {
            continue;
        }
        let v = v.trim_start();
        if let Some(quoted) = v.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = quoted.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => out.extend(chars.next()),
                    c => out.push(c),
                }
            }
            return Some(
                out.replace("%22", "\"")
                    .replace("%0D", "\r")
                    .replace("%0A", "\n"),
            );
        }
        return Some(v.split(';').next().unwrap_or_default().trim().to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_chrome_recorded_body() {
        let text = "------WebKitFormBoundaryx\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHi; there\r\n------WebKitFormBoundaryx\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a b.png\"\r\nContent-Type: image/png\r\n\r\n\r\n------WebKitFormBoundaryx--\r\n";
        let parts = parse(
            "multipart/form-data; boundary=----WebKitFormBoundaryx",
            text,
        )
        .expect("parses");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "title");
        assert_eq!(
            parts[0].value,
            PartValue::Text {
                value: "Hi; there".into()
            }
        );
        let PartValue::File { file: Some(file) } = &parts[1].value else {
            panic!("file part expected: {:?}", parts[1]);
        };
        assert_eq!(
            (file.name.as_str(), file.content_type.as_str()),
            ("a b.png", "image/png")
        );
    }

    #[test]
    fn says_what_is_wrong() {
        assert!(parse("multipart/form-data", "x")
            .unwrap_err()
            .contains("boundary"));
        assert!(
            parse("multipart/form-data; boundary=b", "--b\r\nno blank line")
                .unwrap_err()
                .contains("blank line")
        );
        assert!(parse(
            "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n"
        )
        .unwrap_err()
        .contains("closing"));
    }
}
