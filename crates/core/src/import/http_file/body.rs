//! `.http` reader, bodies: the lines after the blank line become text in the language the Content-Type
//! names, a file (`< path`, `<@ path`), form fields joined from their lines, or multipart parts.

use super::lines::{file_include, is_blank, FileInclude, Line};
use super::multipart;
use super::{Files, Note};
use crate::edit::model::{Body, FileRef, KeyValue, RawLanguage};
use crate::import::normalize::language_for_media_type;

/// The body the lines describe. A multipart body takes the Content-Type header out of `headers`: its
/// boundary was the file's, and reqlab writes the header with its own boundary when it sends.
pub(super) fn build(
    lines: &[Line<'_>],
    headers: &mut Vec<KeyValue>,
    files: Files<'_>,
    notes: &mut Vec<Note>,
) -> Body {
    let lines = trim_blank_lines(lines);
    let Some(first) = lines.first() else {
        return Body::None;
    };
    let content_type = content_type_row(headers);
    let content_type_value = content_type
        .and_then(|index| headers.get(index))
        .map(|row| row.value.clone())
        .unwrap_or_default();
    let language = language_for_media_type(&content_type_value);
    if let ([only], Some(include)) = (lines, file_include(first.text)) {
        return from_file(include, only.number, language, files, notes);
    }
    let media_type = media_type(&content_type_value);
    if media_type == "multipart/form-data" {
        match multipart::boundary(&content_type_value) {
            Some(boundary) => match multipart::read(lines, &boundary, files, notes) {
                Ok(parts) => {
                    if let Some(index) = content_type {
                        headers.remove(index);
                    }
                    return Body::Multipart { parts };
                }
                Err(reason) => notes.push(Note::at(
                    first.number,
                    format!("the multipart body is kept as text: {reason}"),
                )),
            },
            None => notes.push(Note::at(
                first.number,
                "the multipart body is kept as text: its Content-Type names no boundary"
                    .to_string(),
            )),
        }
    }
    let text = if media_type == "application/x-www-form-urlencoded" {
        join_form_lines(lines)
    } else {
        lines
            .iter()
            .map(|line| line.text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    Body::Raw { language, text }
}

/// REST Client sends a body without its leading and trailing blank lines.
pub(super) fn trim_blank_lines<'l, 'a>(lines: &'l [Line<'a>]) -> &'l [Line<'a>] {
    let start = lines
        .iter()
        .position(|line| !is_blank(line.text))
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|line| !is_blank(line.text))
        .map_or(start, |index| index + 1);
    lines.get(start..end).unwrap_or_default()
}

/// The index of the Content-Type that applies: the last one switched on.
fn content_type_row(headers: &[KeyValue]) -> Option<usize> {
    headers
        .iter()
        .rposition(|row| row.enabled && row.key.eq_ignore_ascii_case("content-type"))
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Form fields may stand one to a line, each line after the first starting with `&`: REST Client joins them.
/// Line breaks and blank lines before an `&` go, so that joining joined text changes nothing.
fn join_form_lines(lines: &[Line<'_>]) -> String {
    let text = lines
        .iter()
        .map(|line| line.text)
        .collect::<Vec<_>>()
        .join("\n");
    let mut joined = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(newline) = rest.find('\n') {
        joined.push_str(&rest[..newline]);
        let after = &rest[newline + 1..];
        let next_line = after.trim_start();
        if next_line.starts_with('&') {
            rest = next_line;
        } else {
            joined.push('\n');
            rest = after;
        }
    }
    joined.push_str(rest);
    joined
}

fn from_file(
    include: FileInclude<'_>,
    line: usize,
    language: RawLanguage,
    files: Files<'_>,
    notes: &mut Vec<Note>,
) -> Body {
    let path = include.path();
    let data = files(path);
    match (include, data) {
        (FileInclude::Text { encoding, .. }, Some(bytes)) => Body::Raw {
            language,
            text: decode(encoding, bytes, line, notes),
        },
        (FileInclude::Text { .. }, None) => {
            notes.push(Note::at(
                line,
                format!(
                    "the body is the file `{path}`, which was not read: attach it before sending \
                     (reqlab sends its bytes as they are, without substituting its {{{{variables}}}})"
                ),
            ));
            Body::Binary {
                file: Some(named_file(path)),
            }
        }
        (FileInclude::Bytes { .. }, Some(bytes)) => Body::Binary {
            file: Some(FileRef::new(path, "", bytes)),
        },
        (FileInclude::Bytes { .. }, None) => {
            notes.push(Note::at(
                line,
                format!(
                    "the body is the file `{path}`, which was not read: attach it before sending"
                ),
            ));
            Body::Binary {
                file: Some(named_file(path)),
            }
        }
    }
}

/// A file known by its name only, until the user attaches it.
pub(super) fn named_file(name: &str) -> FileRef {
    FileRef {
        name: name.to_string(),
        content_type: String::new(),
        data: None,
    }
}

/// The text of a `<@encoding path` file. reqlab sends text as UTF-8, so a Latin-1 file is converted.
fn decode(encoding: &str, bytes: Vec<u8>, line: usize, notes: &mut Vec<Note>) -> String {
    let encoding = encoding.to_ascii_lowercase();
    match encoding.as_str() {
        "" | "utf8" | "utf-8" => String::from_utf8(bytes).unwrap_or_else(|error| {
            notes.push(Note::at(
                line,
                "the file is not valid UTF-8; what is not was replaced with U+FFFD".to_string(),
            ));
            String::from_utf8_lossy(error.as_bytes()).into_owned()
        }),
        "latin1" | "iso-8859-1" | "binary" => {
            notes.push(Note::at(
                line,
                format!("the file was read as `{encoding}` (Latin-1) and is sent as UTF-8"),
            ));
            bytes.into_iter().map(char::from).collect()
        }
        other => {
            notes.push(Note::at(
                line,
                format!(
                    "the encoding `{other}` is not one reqlab reads; the file was read as UTF-8"
                ),
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}
