//! What a check reads from the answer, and reading it: the status, a header, a JSONPath into the body, the
//! body text, the time or the size.

use super::answer::Answer;
use crate::query::JsonPath;
use serde_json::Value;
use std::cell::OnceCell;

/// The part of the answer an assertion tests or a capture takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Status,
    /// A header by name (any case); several values read as one, joined by `, `.
    Header(String),
    /// An RFC 9535 query into the JSON body.
    Json(String),
    /// The whole body as text.
    Body,
    /// The first group of a regular expression's first match in the body text (the whole match when it
    /// has no group): for bodies that are not JSON.
    Regex(String),
    /// Milliseconds from the send to the last byte.
    Time,
    /// The body's size in bytes (as received, after decompression).
    Size,
}

/// The words a subject can be written as, for messages and the tests tab's suggestions.
pub const SUBJECT_FORMS: &str =
    "status, header NAME, a JSONPath ($.…), regex PATTERN, body, time or size";

impl Subject {
    /// Reads a subject as written in a row's key: `status`, `header Content-Type`, `$.items[0]`, ...
    pub fn parse(text: &str) -> Result<Subject, String> {
        let text = text.trim();
        let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let subject = match (word.to_ascii_lowercase().as_str(), rest.trim()) {
            ("status", "") => Subject::Status,
            ("body", "") => Subject::Body,
            ("time", "") => Subject::Time,
            ("size", "") => Subject::Size,
            ("header", name) if !name.is_empty() => Subject::Header(name.to_string()),
            ("regex", pattern) if !pattern.is_empty() => {
                regex_lite::Regex::new(pattern)
                    .map_err(|e| format!("{pattern:?} is not a regular expression: {e}"))?;
                Subject::Regex(pattern.to_string())
            }
            _ if text.starts_with('$') => {
                JsonPath::parse(text).map_err(|e| format!("{text}: {e}"))?;
                Subject::Json(text.to_string())
            }
            _ if text.is_empty() => return Err(format!("no subject: write {SUBJECT_FORMS}")),
            _ => return Err(format!("{text:?} is not a subject: write {SUBJECT_FORMS}")),
        };
        Ok(subject)
    }
}

/// An answer with its body parsed at most once, however many checks read it.
pub(super) struct Reading<'a> {
    answer: Answer<'a>,
    json: OnceCell<Result<Value, String>>,
}

impl<'a> Reading<'a> {
    pub(super) fn new(answer: Answer<'a>) -> Self {
        Reading {
            answer,
            json: OnceCell::new(),
        }
    }

    /// The subject's value in the answer: `Ok(None)` when the answer has none there (no such header, a
    /// query that selects nothing), `Err` when it cannot be read (the body is not JSON). A query that
    /// selects several nodes reads as the array of their values.
    pub(super) fn read(&self, subject: &Subject) -> Result<Option<Value>, String> {
        let answer = &self.answer;
        Ok(Some(match subject {
            Subject::Status => Value::from(answer.status),
            Subject::Header(name) => match answer.header(name) {
                Some(value) => Value::String(value),
                None => return Ok(None),
            },
            Subject::Body => Value::String(answer.text()),
            Subject::Regex(pattern) => {
                let regex = regex_lite::Regex::new(pattern).map_err(|e| e.to_string())?;
                let text = answer.text();
                let Some(found) = regex.captures(&text) else {
                    return Ok(None);
                };
                let group = found.get(1).or_else(|| found.get(0));
                Value::String(group.map_or(String::new(), |m| m.as_str().to_string()))
            }
            Subject::Time => {
                serde_json::Number::from_f64(answer.elapsed_ms).map_or(Value::Null, Value::Number)
            }
            Subject::Size => Value::from(answer.body.len()),
            Subject::Json(query) => {
                let path = JsonPath::parse(query).map_err(|e| format!("{query}: {e}"))?;
                let body = self.json()?;
                let mut nodes = path.select(body);
                match nodes.len() {
                    0 => return Ok(None),
                    1 => nodes.remove(0).value.clone(),
                    _ => Value::Array(nodes.into_iter().map(|n| n.value.clone()).collect()),
                }
            }
        }))
    }

    fn json(&self) -> Result<&Value, String> {
        self.json
            .get_or_init(|| {
                serde_json::from_slice(self.answer.body)
                    .map_err(|e| format!("the body is not JSON ({e})"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A value as a person reads it: strings bare, everything else as JSON.
pub(super) fn display(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_read_as_written_and_bad_ones_are_named() {
        assert_eq!(Subject::parse(" status "), Ok(Subject::Status));
        assert_eq!(Subject::parse("BODY"), Ok(Subject::Body));
        assert_eq!(
            Subject::parse("header  Content-Type"),
            Ok(Subject::Header("Content-Type".into()))
        );
        assert_eq!(
            Subject::parse("$.json.token"),
            Ok(Subject::Json("$.json.token".into()))
        );
        assert!(Subject::parse("header")
            .unwrap_err()
            .contains("not a subject"));
        assert!(Subject::parse("statuses")
            .unwrap_err()
            .contains("not a subject"));
        assert!(Subject::parse("$[").unwrap_err().starts_with("$[:"));
        assert!(Subject::parse("").unwrap_err().starts_with("no subject"));
        assert_eq!(
            Subject::parse("regex id=(\\d+)"),
            Ok(Subject::Regex("id=(\\d+)".into()))
        );
        assert!(Subject::parse("regex (")
            .unwrap_err()
            .contains("not a regular expression"));
    }
}
