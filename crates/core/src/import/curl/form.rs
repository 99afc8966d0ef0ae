//! Import stage, curl layer 2: the `-F name=content` mini-language, read as curl reads it. The content is
//! text, `@file[,file…]` or `<file`, then `;type=`, `;filename=`, `;headers=` and `;encoder=` attributes
//! (keys in any case, values quoted with `"` where they hold `;`). Files become a `FileRef` by name; nothing is
//! read. What a part cannot carry (its own file name on a text part, extra part headers, an encoder) is a
//! warning.
//! About 450 lines, a third of them tests: every attribute and quoting rule was checked against real curl.

use crate::edit::model::{FileRef, FormPart};

/// One `-F` argument as form parts (several for `@a,b`), plus anything about them the user should know.
pub(super) fn parts(spec: &str, warnings: &mut Vec<String>) -> Vec<FormPart> {
    let Some((name, content)) = spec.split_once('=') else {
        warnings.push(format!(
            "Ignored -F {spec:?}: it has no \"=\" between name and value."
        ));
        return Vec::new();
    };
    let mut notes = Notes { name, warnings };
    let (kind, content) = match content.as_bytes().first() {
        Some(b'@') => (Content::Files, &content[1..]),
        Some(b'<') => (Content::TextFile, &content[1..]),
        _ => (Content::Text, content),
    };
    let (words, rest) = match kind {
        Content::Files => word_list(content, &mut notes),
        _ => {
            let (word, rest) = word(content, &mut notes);
            (vec![word], rest)
        }
    };
    let attributes = attributes(rest, &mut notes);
    let content_type = attributes.content_type(&mut notes);
    let file_name = attributes.file_name.as_deref();
    attributes.warn_uncarried(kind, &mut notes);
    match kind {
        Content::Files => words
            .iter()
            .map(|file| {
                file_part(
                    name,
                    file,
                    file_name,
                    &content_type,
                    words.len(),
                    &mut notes,
                )
            })
            .collect(),
        Content::Text | Content::TextFile => {
            let value = match kind {
                Content::TextFile => {
                    notes.warn(format!(
                        "takes its text from the file \"{}\", which is not read here: type the text in.",
                        words[0]
                    ));
                    String::new()
                }
                _ => words[0].clone(),
            };
            // A text part sent under a file name gets the type curl guesses from that name.
            let guessed = file_name.and_then(guessed_type).unwrap_or_default();
            vec![FormPart {
                content_type: content_type.unwrap_or_else(|| guessed.to_string()),
                ..FormPart::text(name, value)
            }]
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Text,
    TextFile,
    Files,
}

/// Warnings about one part, each starting with the part's name.
struct Notes<'a> {
    name: &'a str,
    warnings: &'a mut Vec<String>,
}

impl Notes<'_> {
    fn warn(&mut self, what: String) {
        let warning = format!("Form part \"{}\" {what}", self.name);
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}

fn file_part(
    name: &str,
    file: &str,
    sent_name: Option<&str>,
    content_type: &Option<String>,
    files: usize,
    notes: &mut Notes,
) -> FormPart {
    notes.warn(format!(
        "uploads the file \"{file}\", which is not read here: choose it before sending."
    ));
    if files > 1 {
        notes.warn(format!(
            "names {files} files: curl sends them inside one multipart/mixed part, reqlab as {files} parts of \
             that name (as browsers do)."
        ));
    }
    // curl's default type comes from the name it sends; a chosen file brings the browser's type instead.
    let guessed = guessed_type(sent_name.unwrap_or(file)).unwrap_or_default();
    FormPart {
        content_type: content_type.clone().unwrap_or_default(),
        ..FormPart::file(
            name,
            Some(FileRef {
                name: file.to_string(),
                content_type: guessed.to_string(),
                data: None,
            }),
        )
    }
}

/// The attributes after a part's content, as curl reads them.
#[derive(Default)]
struct Attributes {
    content_type: Option<String>,
    file_name: Option<String>,
    headers: Vec<String>,
    encoder: Option<String>,
}

impl Attributes {
    /// `type=` wins over a `Content-Type` among the part's `headers=`, as in curl.
    fn content_type(&self, notes: &mut Notes) -> Option<String> {
        let from_headers = self
            .headers
            .iter()
            .find_map(|header| content_type_header(header))
            .map(str::to_string);
        if self.content_type.is_some() && from_headers.is_some() {
            notes.warn(
                "has both ;type= and a Content-Type among its headers: curl sends the ;type= one, and so does \
                 reqlab."
                    .into(),
            );
        }
        self.content_type.clone().or(from_headers)
    }

    fn warn_uncarried(&self, kind: Content, notes: &mut Notes) {
        if let Some(file_name) = &self.file_name {
            notes.warn(if kind == Content::Files {
                format!(
                    "sends the file under the name \"{file_name}\": reqlab sends the chosen file's own name."
                )
            } else {
                format!(
                    "is sent by curl as a file named \"{file_name}\": reqlab sends it as a text field; make it a \
                     File part to send a file."
                )
            });
        }
        for header in &self.headers {
            let is_type = content_type_header(header).is_some();
            if let Some(file) = header.strip_prefix('@') {
                notes.warn(format!(
                    "takes headers from the file \"{file}\", which is not read: they were left out."
                ));
            } else if !is_type {
                notes.warn(format!(
                    "has its own header \"{header}\", which reqlab cannot send in a form part: it was left out."
                ));
            }
        }
        if let Some(encoder) = &self.encoder {
            notes.warn(format!(
                "is sent by curl with Content-Transfer-Encoding: {encoder}: reqlab sends the part as it is."
            ));
        }
    }
}

/// The value of a `;headers=` entry that is a Content-Type (which the part carries as its own type).
fn content_type_header(header: &str) -> Option<&str> {
    let (key, value) = header.split_once(':')?;
    key.trim()
        .eq_ignore_ascii_case("content-type")
        .then(|| value.trim())
}

/// The attribute keys curl knows; a `;` before anything else is text of a `type=` value, or skipped.
const KEYS: [&str; 4] = ["type=", "filename=", "headers=", "encoder="];

/// The key `text` starts with, after ASCII spaces (curl skips no others). Where an attribute may start, curl
/// takes a key in any case; inside a `type=` value only a lower-case key ends it (`a/b;Type=c` is one type).
fn key_at(text: &str, any_case: bool) -> Option<&'static str> {
    let text = text.trim_start_matches([' ', '\t']);
    KEYS.into_iter().find(|key| {
        text.get(..key.len()).is_some_and(|start| {
            if any_case {
                start.eq_ignore_ascii_case(key)
            } else {
                start == *key
            }
        })
    })
}

/// `;key=value` attributes. An unknown one is skipped, as curl does (with its "skip unknown form field").
fn attributes(mut rest: &str, notes: &mut Notes) -> Attributes {
    let mut found = Attributes::default();
    while let Some(after) = rest.strip_prefix(';') {
        let after = after.trim_start_matches([' ', '\t']);
        let Some(key) = key_at(after, true) else {
            let end = after.find(';').unwrap_or(after.len());
            if !after[..end].trim().is_empty() {
                notes.warn(format!(
                    "has \";{}\", which curl skips (it is no attribute it knows): quote the value if the \
                     semicolon belongs to it.",
                    &after[..end]
                ));
            }
            rest = &after[end..];
            continue;
        };
        let value = &after[key.len()..];
        if key == "type=" {
            // A media type keeps its own parameters (`text/plain;charset=utf-8`) up to the next known key.
            let mut end = value.len();
            let mut search = 0;
            while let Some(at) = value[search..].find(';').map(|i| search + i) {
                if key_at(&value[at + 1..], false).is_some() {
                    end = at;
                    break;
                }
                search = at + 1;
            }
            found.content_type = Some(value[..end].trim_end().to_string());
            rest = &value[end..];
            continue;
        }
        let (word, tail) = word(value, notes);
        match key {
            "filename=" => found.file_name = Some(word),
            "headers=" => found.headers.push(word),
            _ => found.encoder = Some(word),
        }
        rest = tail;
    }
    found
}

/// A value that may be double-quoted (`"a;b\"c"`: only `\"` and `\\` are escapes), and what follows it from
/// the next `;`. Text after a closing quote is dropped, as curl does.
fn word<'a>(text: &'a str, notes: &mut Notes) -> (String, &'a str) {
    word_until(text, &[';'], notes)
}

/// `@a,b`: file names separated by commas, up to the first attribute.
fn word_list<'a>(mut text: &'a str, notes: &mut Notes) -> (Vec<String>, &'a str) {
    let mut words = Vec::new();
    loop {
        let (word, rest) = word_until(text, &[';', ','], notes);
        words.push(word);
        match rest.strip_prefix(',') {
            Some(next) => text = next,
            None => return (words, rest),
        }
    }
}

fn word_until<'a>(text: &'a str, ends: &[char], notes: &mut Notes) -> (String, &'a str) {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = text.find(ends).unwrap_or(text.len());
        return (text[..end].to_string(), &text[end..]);
    };
    let mut out = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let after = &quoted[i + 1..];
                let end = after.find(ends).unwrap_or(after.len());
                if !after[..end].trim().is_empty() {
                    notes.warn(format!(
                        "has \"{}\" after a closing quote, which curl drops.",
                        &after[..end]
                    ));
                }
                return (out, &after[end..]);
            }
            '\\' if matches!(chars.peek(), Some((_, '"' | '\\'))) => {
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
            c => out.push(c),
        }
    }
    (out, "")
}

/// The Content-Type curl gives a part from its file name's extension (curl's own short table).
fn guessed_type(file_name: &str) -> Option<&'static str> {
    let (_, extension) = file_name.rsplit_once('.')?;
    const TYPES: [(&str, &str); 10] = [
        ("gif", "image/gif"),
        ("jpg", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
        ("txt", "text/plain"),
        ("htm", "text/html"),
        ("html", "text/html"),
        ("pdf", "application/pdf"),
        ("xml", "application/xml"),
    ];
    TYPES
        .into_iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(extension))
        .map(|(_, content_type)| content_type)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::PartValue;

    /// (name, value or file name, part type, file type) of a part.
    type Summary<T> = (T, T, T, T);

    fn read(spec: &str) -> (Vec<Summary<String>>, Vec<String>) {
        let mut warnings = Vec::new();
        let parts = parts(spec, &mut warnings)
            .into_iter()
            .map(|part| {
                let (value, file_type) = match part.value {
                    PartValue::Text { value } => (value, String::new()),
                    PartValue::File { file } => {
                        let file = file.expect("a named file");
                        (file.name, file.content_type)
                    }
                };
                (part.name, value, part.content_type, file_type)
            })
            .collect();
        (parts, warnings)
    }

    // What curl 7.88 sent for each spec (its multipart body read back), as (name, value, type, file type).
    #[test]
    fn parts_carry_what_curl_sends() {
        let cases: &[(&str, Summary<&str>)] = &[
            ("a=1", ("a", "1", "", "")),
            ("eq=a=b", ("eq", "a=b", "", "")),
            ("a=x;y", ("a", "x", "", "")),
            ("a=hello;type=text/plain", ("a", "hello", "text/plain", "")),
            (
                r#"meta={"k":"v"};type=application/json"#,
                ("meta", r#"{"k":"v"}"#, "application/json", ""),
            ),
            ("a=x; TYPE=text/foo", ("a", "x", "text/foo", "")),
            (
                "a=x;type=text/plain;charset=utf-8",
                ("a", "x", "text/plain;charset=utf-8", ""),
            ),
            (
                "a=x;type=text/plain;foo=bar;filename=z.bin",
                ("a", "x", "text/plain;foo=bar", ""),
            ),
            ("a=x;type=a/b;Type=c", ("a", "x", "a/b;Type=c", "")),
            (
                r#"a="x;y";type=application/json"#,
                ("a", "x;y", "application/json", ""),
            ),
            (r#"a="q\"u\\o\x";type=t/t"#, ("a", r#"q"u\o\x"#, "t/t", "")),
            (r#"a="x" tail;type=text/x"#, ("a", "x", "text/x", "")),
            ("a=hello;filename=x.txt", ("a", "hello", "text/plain", "")),
            ("a=hello;filename=x", ("a", "hello", "", "")),
            (
                r#"a=hi;headers="X-A: 1";headers="Content-Type: text/csv""#,
                ("a", "hi", "text/csv", ""),
            ),
            (
                r#"a=x;type=text/x;headers="Content-Type: text/csv""#,
                ("a", "x", "text/x", ""),
            ),
            ("a=hi;encoder=base64", ("a", "hi", "", "")),
            ("n=<notes.txt;type=text/x", ("n", "", "text/x", "")),
            ("photo=@cat.png", ("photo", "cat.png", "", "image/png")),
            ("f=@data.json", ("f", "data.json", "", "")),
            (
                "photo=@cat.png;type=image/webp",
                ("photo", "cat.png", "image/webp", "image/png"),
            ),
            ("f=@a.bin;filename=up.png", ("f", "a.bin", "", "image/png")),
            (
                r#"f=@"a \"b\";c.txt";type=text/plain"#,
                ("f", "a \"b\";c.txt", "text/plain", "text/plain"),
            ),
        ];
        for (spec, (name, value, part_type, file_type)) in cases {
            let (parts, _) = read(spec);
            let expected = vec![(
                name.to_string(),
                value.to_string(),
                part_type.to_string(),
                file_type.to_string(),
            )];
            assert_eq!(parts, expected, "{spec}");
        }
    }

    #[test]
    fn several_files_become_several_parts() {
        let (parts, warnings) = read("f=@a.txt,\"b,c.png\";type=x/y");
        let files: Vec<_> = parts.iter().map(|p| (p.1.as_str(), p.2.as_str())).collect();
        assert_eq!(files, [("a.txt", "x/y"), ("b,c.png", "x/y")]);
        assert!(
            warnings.iter().any(|w| w.contains("multipart/mixed")),
            "{warnings:?}"
        );
    }

    #[test]
    fn what_cannot_be_carried_is_named() {
        let cases = [
            ("a=x;y", "\";y\", which curl skips"),
            ("a=hello;filename=x.txt", "as a file named \"x.txt\""),
            ("f=@a.bin;filename=up.png", "under the name \"up.png\""),
            (r#"a=hi;headers="X-A: 1""#, "header \"X-A: 1\""),
            ("a=hi;headers=@h.txt", "headers from the file \"h.txt\""),
            ("a=hi;encoder=base64", "Content-Transfer-Encoding: base64"),
            (r#"a="x" tail"#, "\" tail\" after a closing quote"),
            ("n=<notes.txt", "from the file \"notes.txt\""),
        ];
        for (spec, expected) in cases {
            let (_, warnings) = read(spec);
            assert!(
                warnings.iter().any(|w| w.contains(expected)),
                "{spec}: {warnings:?}"
            );
        }
        let (_, warnings) = read(r#"a=1;type=text/plain"#);
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut warnings = Vec::new();
        assert!(parts("novalue", &mut warnings).is_empty());
        assert_eq!(warnings.len(), 1);
    }
}
