//! `.http` multipart bodies: parts between `--boundary` lines read into form parts, and written back with a
//! boundary no part contains.

use super::body::named_file;
use super::lines::{file_include, Line};
use super::{Files, Note};
use crate::edit::model::{FileRef, FormPart, PartValue};

/// The `boundary` parameter of a Content-Type, unquoted.
pub(super) fn boundary(content_type: &str) -> Option<String> {
    parameters(content_type)
        .into_iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("boundary"))
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The parts of a multipart body; `Err` says why the text is no multipart body.
pub(super) fn read(
    lines: &[Line<'_>],
    boundary: &str,
    files: Files<'_>,
    notes: &mut Vec<Note>,
) -> Result<Vec<FormPart>, String> {
    let delimiter = format!("--{boundary}");
    let close = format!("{delimiter}--");
    let Some(first) = lines.iter().position(|line| {
        let trimmed = line.text.trim();
        trimmed == delimiter || trimmed == close
    }) else {
        return Err(format!("no line is the boundary `{delimiter}`"));
    };
    let mut parts = Vec::new();
    let mut current: Option<Vec<Line<'_>>> = None;
    for line in lines.iter().skip(first) {
        let trimmed = line.text.trim();
        if trimmed == delimiter || trimmed == close {
            if let Some(part_lines) = current.take() {
                parts.extend(read_part(&part_lines, files, notes));
            }
            if trimmed == close {
                break;
            }
            current = Some(Vec::new());
        } else if let Some(part_lines) = current.as_mut() {
            part_lines.push(*line);
        }
    }
    if let Some(part_lines) = current {
        parts.extend(read_part(&part_lines, files, notes));
    }
    Ok(parts)
}

/// One part: its headers, a blank line, its content (text, or `< path` for a file).
fn read_part(lines: &[Line<'_>], files: Files<'_>, notes: &mut Vec<Note>) -> Option<FormPart> {
    let split = lines
        .iter()
        .position(|line| line.text.trim().is_empty())
        .unwrap_or(lines.len());
    let (header_lines, content) = lines.split_at(split);
    let content = content.get(1..).unwrap_or_default();
    let mut name = String::new();
    let mut filename = None;
    let mut content_type = String::new();
    for line in header_lines {
        let Some((key, value)) = line.text.split_once(':') else {
            notes.push(Note::at(
                line.number,
                format!(
                    "`{}` is not a part header and was left out",
                    line.text.trim()
                ),
            ));
            continue;
        };
        let key = key.trim();
        if key.eq_ignore_ascii_case("content-disposition") {
            for (parameter, parameter_value) in parameters(value) {
                match parameter.to_ascii_lowercase().as_str() {
                    "name" => name = parameter_value,
                    "filename" => filename = Some(parameter_value),
                    _ => {}
                }
            }
        } else if key.eq_ignore_ascii_case("content-type") {
            content_type = value.trim().to_string();
        } else {
            notes.push(Note::at(
                line.number,
                format!("the part header `{key}` was left out: reqlab writes only a part's name, file name and Content-Type"),
            ));
        }
    }
    let include = match content {
        [only] => file_include(only.text).map(|include| (include, only.number)),
        _ => None,
    };
    let number = lines.first().map_or(0, |line| line.number);
    let value = match include {
        Some((include, number)) => {
            let path = include.path();
            let file_name = filename
                .filter(|f| !f.is_empty())
                .unwrap_or_else(|| path.to_string());
            let file = match files(path) {
                Some(bytes) => FileRef::new(file_name, "", bytes),
                None => {
                    notes.push(Note::at(
                        number,
                        format!("the part `{name}` is the file `{path}`, which was not read: attach it before sending"),
                    ));
                    named_file(&file_name)
                }
            };
            PartValue::File { file: Some(file) }
        }
        None => {
            if let Some(filename) = filename.filter(|f| !f.is_empty()) {
                notes.push(Note::at(
                    number,
                    format!("the part `{name}` is sent as a text field: its content is written inline, so its file name `{filename}` was left out"),
                ));
            }
            PartValue::Text {
                value: content
                    .iter()
                    .map(|line| line.text)
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        }
    };
    Some(FormPart {
        enabled: true,
        name,
        value,
        content_type,
    })
}

/// `key=value` and `key="value"` pairs after the first `;` of a header value. Unquoted values end at `;`,
/// whitespace or `"`; quoted ones at the next `"`.
fn parameters(header_value: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let Some((_, mut rest)) = header_value.split_once(';') else {
        return pairs;
    };
    loop {
        rest = rest.trim_start_matches(|c: char| c == ';' || c.is_whitespace());
        if rest.is_empty() {
            return pairs;
        }
        let key_end = rest.find(['=', ';']).unwrap_or(rest.len());
        let (key, after_key) = rest.split_at(key_end);
        let Some(after_equals) = after_key.strip_prefix('=') else {
            rest = after_key;
            continue;
        };
        let after_equals = after_equals.trim_start();
        let (value, after_value) = match after_equals.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((value, after)) => (value, after),
                None => (quoted, ""),
            },
            None => {
                let end = after_equals
                    .find(|c: char| c == ';' || c == '"' || c.is_whitespace())
                    .unwrap_or(after_equals.len());
                after_equals.split_at(end)
            }
        };
        pairs.push((key.trim().to_string(), value.to_string()));
        rest = after_value.trim_start_matches('"');
    }
}

/// A boundary no part contains: it holds a run of `=` longer than any in the parts' text, which takes one
/// pass over the text whatever the parts hold.
pub(super) fn choose_boundary(parts: &[FormPart]) -> String {
    let longest_run = parts
        .iter()
        .flat_map(|part| {
            let value = match &part.value {
                PartValue::Text { value } => value.as_str(),
                PartValue::File { file } => file.as_ref().map_or("", |f| f.name.as_str()),
            };
            [part.name.as_str(), part.content_type.as_str(), value]
        })
        .map(longest_equals_run)
        .max()
        .unwrap_or(0);
    format!("reqlab-boundary{}", "=".repeat(longest_run + 1))
}

fn longest_equals_run(text: &str) -> usize {
    text.split(|c| c != '=').map(str::len).max().unwrap_or(0)
}

/// The parts as `.http` text, closed by `--boundary--`. Parts switched off and file parts without a file
/// are left out: the format has no way to keep them.
pub(super) fn write(parts: &[FormPart], boundary: &str, out: &mut String) {
    for part in parts.iter().filter(|part| part.enabled) {
        let file = match &part.value {
            PartValue::File { file: None } => continue,
            PartValue::File { file: Some(file) } => Some(file),
            PartValue::Text { .. } => None,
        };
        out.push_str(&format!(
            "--{boundary}\nContent-Disposition: form-data; name=\"{}\"",
            quote_safe(&part.name)
        ));
        // A name that needs escaping goes without `filename`: the reader then takes the path as the name.
        if let Some(file) = file.filter(|file| quote_safe(&file.name) == file.name) {
            out.push_str(&format!("; filename=\"{}\"", file.name));
        }
        out.push('\n');
        if !part.content_type.is_empty() {
            out.push_str(&format!(
                "Content-Type: {}\n",
                single_line(&part.content_type)
            ));
        }
        out.push('\n');
        match (&part.value, file) {
            (_, Some(file)) => out.push_str(&format!("< {}\n", single_line(&file.name))),
            (PartValue::Text { value }, None) => {
                out.push_str(value);
                out.push('\n');
            }
            (PartValue::File { .. }, None) => {}
        }
    }
    out.push_str(&format!("--{boundary}--\n"));
}

/// A quoted parameter cannot hold `"` or a line break: browsers write them percent-encoded.
fn quote_safe(text: &str) -> String {
    text.replace('"', "%22").replace('\n', "%0A")
}

/// Text for one line of the file. A `\r` within a line is kept: the reader splits lines at `\n` only.
pub(super) fn single_line(text: &str) -> String {
    text.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_quoted_and_bare() {
        assert_eq!(
            parameters(r#"form-data; name="a;b"; filename=x.png"#),
            [
                ("name".to_string(), "a;b".to_string()),
                ("filename".to_string(), "x.png".to_string())
            ]
        );
        assert_eq!(
            boundary("multipart/form-data; boundary=----W7MA"),
            Some("----W7MA".to_string())
        );
        assert_eq!(boundary("multipart/form-data"), None);
        assert_eq!(
            parameters(r#"x; a="unclosed"#),
            [("a".to_string(), "unclosed".to_string())]
        );
    }
}
