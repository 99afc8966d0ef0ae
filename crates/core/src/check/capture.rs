//! Captured values: a row `NAME` → source read from the answer into the active environment, so the next
//! request can use `{{NAME}}` (a login's token, a created item's id).

use super::answer::Answer;
use super::result::Captured;
use super::subject::{display, Reading, Subject};
use crate::edit::model::{Environment, KeyValue};

/// Where a captured value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A subject's value: a JSONPath's (strings bare, anything else as JSON), a header's, the status...
    Subject(Subject),
    /// The first group of a regular expression's first match in the body (the whole match when it has no
    /// group): for bodies that are not JSON.
    Regex(String),
}

/// One capture, read from its row.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    pub name: String,
    pub source: Source,
}

impl Capture {
    /// Reads a row: the key names the variable, the value is the source (`$.json.token`,
    /// `header Location`, `regex token=(\w+)`). Switched-off rows capture nothing (`None`).
    pub fn read(row: &KeyValue) -> Option<Result<Capture, String>> {
        row.enabled.then(|| Capture::parse(&row.key, &row.value))
    }

    pub fn parse(name: &str, source: &str) -> Result<Capture, String> {
        let name = name.trim();
        if name.is_empty() || name.contains("{{") || name.contains("}}") {
            return Err(format!("{name:?} cannot name a variable"));
        }
        let source = source.trim();
        let source = match source.strip_prefix("regex") {
            Some(pattern) if pattern.starts_with(char::is_whitespace) => {
                let pattern = pattern.trim();
                regex_lite::Regex::new(pattern)
                    .map_err(|e| format!("{name}: {pattern:?} is not a regular expression: {e}"))?;
                Source::Regex(pattern.to_string())
            }
            _ => Source::Subject(Subject::parse(source).map_err(|e| format!("{name}: {e}"))?),
        };
        Ok(Capture {
            name: name.to_string(),
            source,
        })
    }
}

/// Every enabled capture row's value from `answer`, in order.
pub fn capture_all(rows: &[KeyValue], answer: Answer) -> Vec<Captured> {
    let reading = Reading::new(answer);
    rows.iter()
        .filter(|row| row.enabled)
        .map(|row| {
            let name = row.key.trim().to_string();
            match Capture::parse(&row.key, &row.value)
                .and_then(|capture| take(&capture, &reading, &answer))
            {
                Ok(value) => Captured {
                    name,
                    value,
                    error: String::new(),
                },
                Err(error) => Captured {
                    name,
                    value: String::new(),
                    error,
                },
            }
        })
        .collect()
}

fn take(capture: &Capture, reading: &Reading, answer: &Answer) -> Result<String, String> {
    match &capture.source {
        Source::Subject(subject) => match reading.read(subject)? {
            Some(value) => Ok(display(&value)),
            None => Err(format!("the answer has nothing at {}", describe(subject))),
        },
        Source::Regex(pattern) => {
            let regex = regex_lite::Regex::new(pattern).map_err(|e| e.to_string())?;
            let text = answer.text();
            let found = regex
                .captures(&text)
                .ok_or_else(|| format!("regex {pattern} does not match the body"))?;
            let group = found.get(1).or_else(|| found.get(0));
            Ok(group.map_or(String::new(), |m| m.as_str().to_string()))
        }
    }
}

fn describe(subject: &Subject) -> String {
    match subject {
        Subject::Header(name) => format!("header {name}"),
        Subject::Json(query) => query.clone(),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// Sets each captured value in `env` (replacing the variable's value where it has one, else adding it);
/// captures that failed change nothing. Returns how many were set.
pub fn apply_captures(captured: &[Captured], env: &mut Environment) -> usize {
    let mut set = 0;
    for Captured { name, value, .. } in captured.iter().filter(|c| c.succeeded()) {
        match env
            .variables
            .iter_mut()
            .rev()
            .find(|v| v.enabled && v.key == *name)
        {
            Some(variable) => variable.value = value.clone(),
            None => env
                .variables
                .push(KeyValue::new(name.clone(), value.clone())),
        }
        set += 1;
    }
    set
}
