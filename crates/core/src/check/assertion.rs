//! Assertions: a row `subject` → `operator expected` read as a typed check, and its verdict on an answer.

use super::answer::Answer;
use super::compare_values::{self as values, TYPES};
use super::result::AssertionResult;
use super::subject::{display, Reading, Subject};
use crate::edit::model::{Environment, KeyValue};
use crate::prepare::substitute;
use crate::vocabulary;
use serde_json::Value;

vocabulary!(
    /// How the subject's value is tested against the expected value.
    Operator {
        Equals => "equals", "equals";
        NotEquals => "not_equals", "does not equal";
        LessThan => "less_than", "less than";
        LessOrEqual => "less_or_equal", "at most";
        GreaterThan => "greater_than", "greater than";
        GreaterOrEqual => "greater_or_equal", "at least";
        Contains => "contains", "contains";
        NotContains => "not_contains", "does not contain";
        Matches => "matches", "matches (regex)";
        Exists => "exists", "exists";
        NotExists => "not_exists", "does not exist";
        IsType => "is_type", "is of JSON type";
        OneOf => "one_of", "is one of";
    }
);

impl Operator {
    /// Whether the operator compares with an expected value (`exists` does not).
    pub fn takes_value(self) -> bool {
        !matches!(self, Operator::Exists | Operator::NotExists)
    }

    /// The operator written as a word or as the symbol people type (`==`, `<=`, ...).
    fn read(word: &str) -> Option<Operator> {
        Some(match word {
            "==" | "=" | "eq" => Operator::Equals,
            "!=" | "neq" => Operator::NotEquals,
            "<" | "lt" => Operator::LessThan,
            "<=" | "lte" => Operator::LessOrEqual,
            ">" | "gt" => Operator::GreaterThan,
            ">=" | "gte" => Operator::GreaterOrEqual,
            other => return Operator::parse(other),
        })
    }
}

/// One assertion, read from its row.
#[derive(Clone, Debug, PartialEq)]
pub struct Assertion {
    pub subject: Subject,
    /// The subject as written, for results.
    pub subject_text: String,
    pub operator: Operator,
    /// As written: `{{variables}}` are resolved when it is evaluated.
    pub expected: String,
}

impl Assertion {
    /// Reads a row: the key is the subject, the value `operator expected` (`equals 200`, `< 500`,
    /// `exists`). Switched-off rows are not assertions (`None`).
    pub fn read(row: &KeyValue) -> Option<Result<Assertion, String>> {
        row.enabled.then(|| Assertion::parse(&row.key, &row.value))
    }

    pub fn parse(subject: &str, value: &str) -> Result<Assertion, String> {
        let value = value.trim_start();
        let (word, expected) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
        let operator = Operator::read(word).ok_or_else(|| {
            format!(
                "{subject} {value}: {word:?} is not an operator (one of {})",
                Operator::IDS.join(", ")
            )
        })?;
        Ok(Assertion {
            subject: Subject::parse(subject)?,
            subject_text: subject.trim().to_string(),
            operator,
            expected: expected.trim().to_string(),
        })
    }

    /// The row this assertion is written as.
    pub fn to_row(&self) -> KeyValue {
        let value = match self.expected.is_empty() {
            true => self.operator.as_str().to_string(),
            false => format!("{} {}", self.operator.as_str(), self.expected),
        };
        KeyValue::new(self.subject_text.clone(), value)
    }
}

/// Every enabled assertion row's verdict on `answer`, in order; the expected values' `{{variables}}` are
/// resolved against `env`. A row that cannot be read fails with the reason, so a typo never passes.
pub fn evaluate_assertions(
    rows: &[KeyValue],
    answer: Answer,
    env: &Environment,
) -> Vec<AssertionResult> {
    let reading = Reading::new(answer);
    rows.iter()
        .filter_map(Assertion::read)
        .zip(rows.iter().filter(|r| r.enabled))
        .map(|(assertion, row)| match assertion {
            Ok(assertion) => evaluate(&assertion, &reading, env),
            Err(message) => AssertionResult {
                subject: row.key.trim().to_string(),
                operator: row.value.trim().to_string(),
                message,
                ..AssertionResult::default()
            },
        })
        .collect()
}

/// Longer values are cut for display (the answer itself is in the viewer).
const ACTUAL_DISPLAY_CHARS: usize = 200;

fn evaluate(assertion: &Assertion, reading: &Reading, env: &Environment) -> AssertionResult {
    let mut result = AssertionResult {
        subject: assertion.subject_text.clone(),
        operator: assertion.operator.as_str().to_string(),
        ..AssertionResult::default()
    };
    result.expected = match substitute(&assertion.expected, env) {
        Ok(expected) => expected,
        Err(unknown) => {
            result.expected = assertion.expected.clone();
            result.message = format!("no value for {{{{{}}}}}", unknown.join("}}, {{"));
            return result;
        }
    };
    let actual = match reading.read(&assertion.subject) {
        Ok(actual) => actual,
        Err(message) => {
            result.message = message;
            return result;
        }
    };
    if let Some(value) = &actual {
        result.actual = shortened(&display(value));
    }
    match verdict(assertion.operator, actual.as_ref(), &result.expected) {
        Ok(passed) => result.passed = passed,
        Err(message) => result.message = message,
    }
    result
}

fn shortened(text: &str) -> String {
    match text.char_indices().nth(ACTUAL_DISPLAY_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Whether `actual` passes `operator` against `expected`; `Err` when the test cannot be made (a pattern
/// that is not one, a value that is not a number where one is needed).
fn verdict(operator: Operator, actual: Option<&Value>, expected: &str) -> Result<bool, String> {
    let Some(actual) = actual else {
        return match operator {
            Operator::NotExists => Ok(true),
            Operator::Exists => Ok(false),
            // "does not equal/contain" something absent holds; every other test needs a value.
            Operator::NotEquals | Operator::NotContains => Ok(true),
            _ => Err("the answer has nothing there".to_string()),
        };
    };
    Ok(match operator {
        Operator::Exists => true,
        Operator::NotExists => false,
        Operator::Equals => values::equals(actual, expected),
        Operator::NotEquals => !values::equals(actual, expected),
        Operator::Contains => values::contains(actual, expected),
        Operator::NotContains => !values::contains(actual, expected),
        Operator::LessThan
        | Operator::LessOrEqual
        | Operator::GreaterThan
        | Operator::GreaterOrEqual => {
            let (Some(a), Some(e)) = (
                values::number(actual),
                values::number(&Value::String(expected.to_string())),
            ) else {
                return Err(format!("{} compares numbers", operator.label()));
            };
            match operator {
                Operator::LessThan => a < e,
                Operator::LessOrEqual => a <= e,
                Operator::GreaterThan => a > e,
                _ => a >= e,
            }
        }
        Operator::Matches => {
            let pattern = regex_lite::Regex::new(expected)
                .map_err(|e| format!("{expected:?} is not a regular expression: {e}"))?;
            pattern.is_match(&display(actual))
        }
        Operator::IsType => values::is_type(actual, expected).ok_or_else(|| {
            format!(
                "{expected:?} is not a JSON type (one of {})",
                TYPES.join(", ")
            )
        })?,
        Operator::OneOf => values::choices(expected)
            .iter()
            .any(|choice| values::equals(actual, choice)),
    })
}
