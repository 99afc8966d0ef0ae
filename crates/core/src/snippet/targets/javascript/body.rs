//! Snippet stage helper for the JavaScript targets (not a target itself): the request body as JavaScript,
//! `URLSearchParams` for a form, `FormData` for multipart, a multipart body written out by hand when FormData
//! cannot send it, and the files a body uploads (the page's file input, or paths Node reads).

use super::Runtime;
use crate::edit::model::FileRef;
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{has_header, PreparedBody, PreparedPart, PreparedPartValue};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::{is_typed_text, multipart_line_breaks};

/// `const params = new URLSearchParams(...)`: it encodes fields exactly as browsers encode forms.
pub(crate) fn url_search_params(fields: &[(String, String)], code: &mut CodeBuilder) {
    let unique = fields
        .iter()
        .enumerate()
        .all(|(i, (key, _))| fields[..i].iter().all(|(k, _)| k != key));
    if unique {
        code.line(0, "const params = new URLSearchParams({");
        for (key, value) in fields {
            code.line(1, format!("{}: {},", js_str(key), js_str(value)));
        }
        code.line(0, "});");
    } else {
        // Repeated field names need pairs: an object keeps one value per name.
        code.line(0, "const params = new URLSearchParams([");
        for (key, value) in fields {
            code.line(1, format!("[{}, {}],", js_str(key), js_str(value)));
        }
        code.line(0, "]);");
    }
}

/// `const form = new FormData()` with the parts in order. Files are wrapped in a Blob so the server sees the
/// request's file name and type, whatever the file on disk or in the page is called.
pub(crate) fn form_data(
    body: &PreparedBody,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) {
    let PreparedBody::Multipart(parts) = body else {
        return;
    };
    code.line(0, "const form = new FormData();");
    for part in parts {
        // axios escapes a bare line break in a name as it is; browsers and fetch send CRLF.
        let name = multipart_line_breaks(&part.name);
        match &part.value {
            PreparedPartValue::Text(value) => code.line(
                0,
                format!("form.append({}, {});", js_str(&name), js_str(value)),
            ),
            PreparedPartValue::File(file) => code.line(
                0,
                format!(
                    "form.append({}, new Blob([{}], {{ type: {} }}), {});",
                    js_str(&name),
                    files.bytes(file, runtime),
                    js_str(file.effective_content_type()),
                    js_str(&file.name)
                ),
            ),
        };
    }
}

/// `const {name} = new Blob([...])` in the browser, `Buffer.concat([...])` in Node: the multipart body
/// written out as `crate::prepare::multipart` writes it, one element per part (file contents on their own). Returns
/// the Content-Type header (name, expression) that announces the boundary, unless the request sets its own.
pub(crate) fn written_multipart(
    headers: &[(String, String)],
    parts: &[PreparedPart],
    name: &str,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) -> Option<(String, String)> {
    let boundary = multipart_boundary(parts);
    let typed: Vec<String> = parts
        .iter()
        .filter(|p| is_typed_text(p))
        .map(|p| js_str(&p.name))
        .collect();
    code.line(
        0,
        format!(
            "// FormData can give {} a Content-Type only as a file (named \"blob\"): the body is written out by hand.",
            typed.join(", ")
        ),
    );
    let (open, close) = match runtime {
        Runtime::Browser => ("new Blob([", "]);"),
        Runtime::Node => ("Buffer.concat([", "]);"),
    };
    code.line(0, format!("const {name} = {open}"));
    // The boundary occurs in no part's content, so each `--boundary` line after the first starts the next part.
    let opener = format!("--{boundary}\r\n");
    for piece in multipart_pieces(parts, &boundary) {
        match piece {
            Piece::Text(text) => {
                let ends = text
                    .match_indices(&opener)
                    .map(|(i, _)| i)
                    .filter(|&i| i > 0)
                    .chain([text.len()]);
                let mut start = 0;
                for end in ends {
                    let literal = js_str(&text[start..end]);
                    start = end;
                    code.line(
                        1,
                        match runtime {
                            Runtime::Browser => format!("{literal},"),
                            Runtime::Node => format!("Buffer.from({literal}),"),
                        },
                    );
                }
            }
            Piece::File(file) => {
                code.line(1, format!("{},", files.bytes(file, runtime)));
            }
        }
    }
    code.line(0, close);
    (!has_header(headers, "Content-Type")).then(|| {
        (
            "Content-Type".to_string(),
            js_str(&format!("multipart/form-data; boundary={boundary}")),
        )
    })
}

/// The files a request uploads, each once, in order of first use. In the browser they are the files the user
/// picked in the page's file input, in that order.
pub(crate) struct FileInputs {
    pub(crate) names: Vec<String>,
}

impl FileInputs {
    pub(crate) fn of(body: &PreparedBody) -> FileInputs {
        let mut names: Vec<String> = Vec::new();
        let mut add = |file: &FileRef| {
            if !names.contains(&file.name) {
                names.push(file.name.clone());
            }
        };
        match body {
            PreparedBody::File(file) => add(file),
            PreparedBody::Multipart(parts) => {
                for part in parts {
                    if let PreparedPartValue::File(file) = &part.value {
                        add(file);
                    }
                }
            }
            _ => {}
        }
        FileInputs { names }
    }

    /// Declares the page's files (`file`, or `files` when there are several). The comment names them in
    /// order, as quoted literals, so no file name can end the comment.
    pub(crate) fn declare(&self, code: &mut CodeBuilder) {
        let quoted: Vec<String> = self.names.iter().map(|n| js_str(n)).collect();
        match quoted.as_slice() {
            [] => return,
            [one] => {
                code.line(
                    0,
                    format!("// Choose {one} in the page's <input type=\"file\">."),
                );
                code.line(
                    0,
                    "const file = document.querySelector(\"input[type=file]\").files[0];",
                );
            }
            several => {
                code.line(
                    0,
                    format!(
                        "// Choose {} in the page's <input type=\"file\" multiple>, in this order.",
                        several.join(", ")
                    ),
                );
                code.line(
                    0,
                    "const files = document.querySelector(\"input[type=file]\").files;",
                );
            }
        }
        code.blank();
    }

    /// The expression for a file's contents: a Blob from the page, or bytes read from disk in Node.
    pub(crate) fn bytes(&self, file: &FileRef, runtime: Runtime) -> String {
        match runtime {
            Runtime::Node => format!("await readFile({})", js_str(&file.name)),
            Runtime::Browser if self.names.len() == 1 => "file".to_string(),
            Runtime::Browser => {
                let index = self
                    .names
                    .iter()
                    .position(|n| *n == file.name)
                    .unwrap_or_default();
                format!("files[{index}]")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::written_multipart::has_typed_text_part;

    /// A typed text part makes the body one written out by hand, each part its own element, that joins back
    /// into exactly what `crate::prepare::multipart` encodes.
    #[test]
    fn a_typed_text_part_is_written_out_part_by_part() {
        let parts = vec![
            PreparedPart {
                content_type: Some("application/json".into()),
                ..PreparedPart::text("meta", "{\"a\": \"--x\"}")
            },
            PreparedPart::text("title", "t"),
        ];
        assert!(has_typed_text_part(&parts));
        assert!(!has_typed_text_part(&parts[1..]));
        let mut code = CodeBuilder::new(4);
        let files = FileInputs { names: Vec::new() };
        let header = written_multipart(&[], &parts, "multipart", &mut code, Runtime::Node, &files);
        let code = code.finish();
        let elements: Vec<&str> = code
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Buffer.from("))
            .collect();
        assert_eq!(elements.len(), 2, "{code}");
        let (content_type, body) = crate::prepare::multipart::encode(&parts);
        assert_eq!(header, Some(("Content-Type".into(), js_str(&content_type))));
        let unquoted: String = elements
            .iter()
            .map(|e| {
                let literal = e.trim_end_matches("),");
                serde_json::from_str::<String>(literal).expect("a JSON-compatible literal")
            })
            .collect();
        assert_eq!(unquoted.as_bytes(), body.as_slice());
        // A Content-Type the user set is kept: the snippet then adds none.
        let own = [(
            "content-type".to_string(),
            "multipart/form-data".to_string(),
        )];
        let mut again = CodeBuilder::new(4);
        assert_eq!(
            written_multipart(&own, &parts, "m", &mut again, Runtime::Browser, &files),
            None
        );
    }
}
