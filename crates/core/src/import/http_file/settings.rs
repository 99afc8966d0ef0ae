//! `.http` reader, settings comments: `# @name`, `# @no-redirect` and their kin before a request line, and
//! file variables commented out.

use super::lines::Line;
use super::Note;
use crate::check::Operator;
use crate::edit::model::{CredentialsMode, KeyValue, RedirectMode, RequestOptions};

/// Settings comments seen before the request line.
#[derive(Default)]
pub(super) struct Settings {
    pub name: Option<String>,
    pub options: RequestOptions,
    /// reqlab's checks (`# @check SUBJECT OPERATOR [VALUE]`, `# @check-off` for one switched off).
    pub checks: Vec<KeyValue>,
    /// A GraphQL request's operation name (`# @operation-name NAME`, reqlab's own: REST Client sends none).
    pub operation_name: Option<String>,
}

/// `# @keyword [value]` before the request line: the request's name, a setting, or a file variable switched
/// off (`# @name = value`, as the writer comments one out).
pub(super) fn read_directive(
    directive: &str,
    line: Line<'_>,
    settings: &mut Settings,
    variables: &mut Vec<KeyValue>,
    notes: &mut Vec<Note>,
) {
    let end = directive
        .find(|c: char| c.is_whitespace() || c == '=')
        .unwrap_or(directive.len());
    let (keyword, rest) = directive.split_at(end);
    let value = rest.trim();
    if keyword == "name" {
        if !value.is_empty() {
            settings.name = Some(value.to_string());
        }
        return;
    }
    if let Some(variable_value) = value.strip_prefix('=') {
        if !keyword.is_empty() {
            variables.push(KeyValue {
                enabled: false,
                key: keyword.to_string(),
                value: variable_value.trim().to_string(),
            });
        }
        return;
    }
    let note = |message: String| Note::at(line.number, message);
    match keyword {
        "check" | "check-off" => match split_check(value) {
            Some((subject, operation)) => settings.checks.push(KeyValue {
                enabled: keyword == "check",
                key: subject.to_string(),
                value: operation.to_string(),
            }),
            None => notes.push(note(format!(
                "`@{keyword} {value}` is not a check: write `# @check SUBJECT OPERATOR [VALUE]`, such as \
                 `# @check status equals 200`; it was left out"
            ))),
        },
        "operation-name" if !value.is_empty() => settings.operation_name = Some(value.to_string()),
        "no-redirect" => settings.options.redirect = RedirectMode::Manual,
        // fetch with `credentials: omit` neither sends cookies nor stores the ones the answer sets.
        "no-cookie-jar" => settings.options.credentials = CredentialsMode::Omit,
        "timeout" => match timeout_ms(value) {
            Some(ms) => settings.options.timeout_ms = Some(ms),
            None => notes.push(note(format!(
                "`@timeout {value}` is not a timeout reqlab reads (a number of seconds, or `N ms`); \
                 the request has no timeout"
            ))),
        },
        "prompt" => {
            let variable = value.split_whitespace().next().unwrap_or_default();
            notes.push(note(format!(
                "`@prompt {value}`: reqlab does not ask for values while sending; give \
                 `{{{{{variable}}}}}` a value in an environment"
            )));
        }
        "note" => notes.push(note(
            "`@note` (confirm before sending) is not kept: reqlab sends without asking".to_string(),
        )),
        "no-log" => notes.push(note(
            "`@no-log` is not kept: reqlab's history records the request like any other"
                .to_string(),
        )),
        _ => notes.push(note(format!(
            "the setting `@{keyword}` is not one reqlab knows; it was left out"
        ))),
    }
}

/// `SUBJECT OPERATOR [VALUE]` cut before the first word (after the subject's first) that is an operator's
/// name: subjects hold spaces (`header Content-Type`), and a JSONPath's own `==` is not a name.
pub(super) fn split_check(text: &str) -> Option<(&str, &str)> {
    let mut words = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .skip(1);
    words.find_map(|start| {
        let word = text[start..].split_whitespace().next()?;
        Operator::parse(word).map(|_| (text[..start].trim_end(), &text[start..]))
    })
}

/// `@timeout N` (seconds, JetBrains' default unit), `N s`, `N ms` or `N m`.
fn timeout_ms(value: &str) -> Option<u32> {
    let mut words = value.split_whitespace();
    let number: u32 = words.next()?.parse().ok()?;
    let factor = match words.next() {
        None | Some("s") => 1000,
        Some("ms") => 1,
        Some("m") => 60_000,
        Some(_) => return None,
    };
    if words.next().is_some() {
        return None;
    }
    number.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts() {
        assert_eq!(timeout_ms("2"), Some(2000));
        assert_eq!(timeout_ms("150 ms"), Some(150));
        assert_eq!(timeout_ms("1 m"), Some(60_000));
        assert_eq!(timeout_ms("5000000"), None);
        assert_eq!(timeout_ms("soon"), None);
    }
}
