//! `.http` reader, request blocks: the lines between two `###` separators become the file variables they
//! define and at most one request (its settings comments, request line, headers, body and the scripts that
//! follow it, which are quoted in notes since reqlab does not run them).

use super::body;
use super::lines::{comment, is_blank, is_token_char, separator_text, starts_trailer, Line};
use super::scripts::{quote_script, read_trailer};
use super::settings::{read_directive, Settings};
use super::{Files, Note};
use crate::edit::model::{KeyValue, Method, Request};
use crate::edit::query::query_from_url;

/// The lines from one separator to the next; the first block has no separator when the file starts with a
/// request or variables.
pub(super) struct Block<'a> {
    pub separator: Option<&'a str>,
    pub lines: &'a [Line<'a>],
}

pub(super) fn blocks<'a>(lines: &'a [Line<'a>]) -> Vec<Block<'a>> {
    let mut blocks = Vec::new();
    let mut separator = None;
    let mut start = 0;
    for (index, line) in lines.iter().enumerate() {
        if let Some(text) = separator_text(line.text) {
            blocks.push(Block {
                separator,
                lines: &lines[start..index],
            });
            separator = Some(text);
            start = index + 1;
        }
    }
    blocks.push(Block {
        separator,
        lines: &lines[start..],
    });
    blocks
}

/// What one block holds.
#[derive(Default)]
pub(super) struct ParsedBlock {
    /// `@name = value` lines (and `# @name = value`, switched off), in order.
    pub variables: Vec<KeyValue>,
    pub request: Option<ParsedRequest>,
}

pub(super) struct ParsedRequest {
    /// The `# @name` setting, if any.
    pub name: Option<String>,
    /// The text after `###`, empty when there is none.
    pub separator: String,
    pub request: Request,
    pub notes: Vec<Note>,
}

pub(super) fn parse(block: &Block<'_>, files: Files<'_>) -> ParsedBlock {
    let mut parsed = ParsedBlock::default();
    let mut settings = Settings::default();
    let mut notes = Vec::new();
    let lines = block.lines;
    let mut index = 0;
    let request_line = loop {
        let Some(line) = lines.get(index) else {
            return parsed;
        };
        index += 1;
        if is_blank(line.text) {
            continue;
        }
        if let Some(text) = comment(line.text) {
            if let Some(directive) = text.strip_prefix('@') {
                read_directive(
                    directive,
                    *line,
                    &mut settings,
                    &mut parsed.variables,
                    &mut notes,
                );
            }
            continue;
        }
        if let Some(variable) = file_variable(line.text) {
            parsed.variables.push(variable);
            continue;
        }
        let trimmed = line.text.trim_start();
        if trimmed.starts_with("< ") || trimmed.starts_with("<{%") {
            let (script, next) = quote_script(lines, index - 1);
            notes.push(Note::at(
                line.number,
                format!("the pre-request script is not run: {script}"),
            ));
            index = next;
            continue;
        }
        break *line;
    };

    let (method, url) = read_request_line(request_line.text);
    let head = read_head(lines, index, url, &mut notes);
    let (url, mut headers) = (head.url, head.headers);
    let rest = lines.get(head.body_start..).unwrap_or_default();
    let trailer_start = rest
        .iter()
        .position(|line| starts_trailer(line.text))
        .unwrap_or(rest.len());
    let (body_lines, trailer) = rest.split_at(trailer_start);
    let body_lines = if head.has_body { body_lines } else { &[] };
    let body = if super::graphql::take_marker(&mut headers) {
        let operation = settings.operation_name.as_deref();
        super::graphql::body(body_lines, operation, &mut notes)
    } else {
        body::build(body_lines, &mut headers, files, &mut notes)
    };
    let auth = super::auth::take_auth(&mut headers);
    read_trailer(trailer, &mut notes);

    let request = Request {
        method,
        query: query_from_url(&url, &[]),
        url,
        headers,
        body,
        options: settings.options,
        checks: settings.checks,
        auth,
        ..Request::default()
    };
    if uses_percent_variables(&request) {
        notes.push(Note::at(
            request_line.number,
            "`{{%name}}` (a percent-encoded variable) is sent as written: reqlab does not encode \
             variables; write the encoded value into the variable instead"
                .to_string(),
        ));
    }
    parsed.request = Some(ParsedRequest {
        name: settings.name,
        separator: block.separator.unwrap_or_default().to_string(),
        request,
        notes,
    });
    parsed
}

/// What follows the request line up to the blank line: URL continuation lines and headers.
struct Head {
    url: String,
    headers: Vec<KeyValue>,
    /// The index of the first line after the head.
    body_start: usize,
    /// False when the head ends without a blank line, so that no body follows.
    has_body: bool,
}

/// Reads the head from `lines[index]` on, `url` being the request line's.
fn read_head(lines: &[Line<'_>], mut index: usize, url: &str, notes: &mut Vec<Note>) -> Head {
    let mut url = url.to_string();
    let mut headers: Vec<KeyValue> = Vec::new();
    let mut body_start = lines.len();
    let mut has_body = false;
    while let Some(line) = lines.get(index) {
        if is_blank(line.text) {
            body_start = index + 1;
            has_body = true;
            break;
        }
        if starts_trailer(line.text) {
            body_start = index;
            break;
        }
        index += 1;
        let trimmed = line.text.trim();
        let indented = line.text.starts_with(char::is_whitespace);
        if trimmed.starts_with('?') || trimmed.starts_with('&') {
            url.push_str(trimmed);
        } else if indented && comment(line.text).is_none() {
            // The JetBrains client continues the URL, or the header above, on indented lines.
            match headers.last_mut() {
                Some(header) if header.enabled => {
                    if !header.value.is_empty() {
                        header.value.push(' ');
                    }
                    header.value.push_str(trimmed);
                }
                Some(_) => notes.push(Note::at(
                    line.number,
                    format!(
                        "`{trimmed}` continues a header that is commented out and was left out"
                    ),
                )),
                None => url.push_str(trimmed),
            }
        } else if let Some(text) = comment(line.text) {
            headers.extend(disabled_header(text));
        } else if let Some((key, value)) = trimmed.split_once(':') {
            headers.push(KeyValue::new(key.trim(), value.trim()));
        } else {
            notes.push(Note::at(
                line.number,
                format!("`{trimmed}` is not a header (`Name: value`) and was left out"),
            ));
        }
    }
    Head {
        url: without_version(&url).to_string(),
        headers,
        body_start,
        has_body,
    }
}

/// `@name = value`: a file variable (the name has no spaces, the value is trimmed).
fn file_variable(line: &str) -> Option<KeyValue> {
    let (key, value) = line.trim().strip_prefix('@')?.split_once('=')?;
    let key = key.trim();
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    Some(KeyValue::new(key, value.trim()))
}

/// `# Name: value` in the header section: a header switched off, the way users comment one out.
fn disabled_header(comment: &str) -> Option<KeyValue> {
    let (key, value) = comment.split_once(':')?;
    if key.is_empty() || !key.chars().all(is_token_char) {
        return None;
    }
    Some(KeyValue {
        enabled: false,
        key: key.to_string(),
        value: value.trim().to_string(),
    })
}

/// `METHOD URL [HTTP/1.1]`, or a URL alone (a GET). The HTTP version is taken off by [`without_version`]
/// once the URL's continuation lines are added.
fn read_request_line(line: &str) -> (Method, &str) {
    let line = line.trim();
    match line.split_once(char::is_whitespace) {
        Some((first, rest)) if is_method(first) => (Method::parse(first), rest.trim()),
        _ => (Method::Get, line),
    }
}

/// The URL without the HTTP versions that end it.
fn without_version(mut url: &str) -> &str {
    while let Some((before, last)) = url.rsplit_once(char::is_whitespace) {
        if !is_http_version(last) || before.trim().is_empty() {
            break;
        }
        url = before.trim_end();
    }
    url
}

/// A method word: letters, digits, `-` and `_` (a URL has `:`, `/`, `.` or `{{` instead).
fn is_method(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn is_http_version(word: &str) -> bool {
    word.strip_prefix("HTTP/").is_some_and(|version| {
        !version.is_empty() && version.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

fn uses_percent_variables(request: &Request) -> bool {
    let marker = "{{%";
    request.url.contains(marker)
        || request
            .headers
            .iter()
            .any(|h| h.key.contains(marker) || h.value.contains(marker))
        || matches!(&request.body, crate::edit::model::Body::Raw { text, .. } if text.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let cases = [
            ("GET https://h/x HTTP/1.1", Method::Get, "https://h/x"),
            ("https://h/x", Method::Get, "https://h/x"),
            ("post https://h/x", Method::Post, "https://h/x"),
            ("PURGE /x", Method::Custom("PURGE".into()), "/x"),
            ("GET HTTP/1.1", Method::Get, "HTTP/1.1"),
            ("GET", Method::Get, "GET"),
            ("http://h/a b HTTP/2", Method::Get, "http://h/a b"),
        ];
        for (line, method, url) in cases {
            let (read_method, read_url) = read_request_line(line);
            assert_eq!(
                (read_method, without_version(read_url)),
                (method, url),
                "{line:?}"
            );
        }
    }
}
