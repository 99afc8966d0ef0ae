//! A request's checks evaluated on its answer: each assertion's verdict, each capture's value.

use super::answer::Answer;
use super::compare_values::{self as values, TYPES};
use super::operator::Operator;
use super::result::{AssertionResult, Captured};
use super::row::Check;
use super::subject::{display, Reading};
use crate::edit::model::{Environment, KeyValue};
use crate::prepare::substitute;
use crate::render::shorten::shortened;
use serde_json::Value;

/// What checking one answer found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub assertions: Vec<AssertionResult>,
    pub captured: Vec<Captured>,
}

/// Longer values are cut for display (the answer itself is in the viewer).
const ACTUAL_DISPLAY_CHARS: usize = 200;

/// Every enabled row of `rows` on `answer`, in order; assertions' operands have their `{{variables}}`
/// resolved against `env`. A row that cannot be read fails with the reason (as an assertion, or as a
/// capture when it says `set`), so a typo never passes.
pub fn evaluate(rows: &[KeyValue], answer: Answer, env: &Environment) -> Checked {
    let reading = Reading::new(answer);
    let mut checked = Checked::default();
    for row in rows.iter().filter(|row| row.enabled) {
        match Check::parse(&row.key, &row.value) {
            Ok(check) if check.operator == Operator::Set => {
                checked.captured.push(capture(&check, &reading))
            }
            Ok(check) => checked.assertions.push(assert(&check, &reading, env)),
            Err(message) if row.value.trim_start().starts_with("set") => {
                checked.captured.push(Captured {
                    name: row.value.trim_start()[3..].trim().to_string(),
                    error: message,
                    ..Captured::default()
                })
            }
            Err(message) => checked.assertions.push(AssertionResult {
                subject: row.key.trim().to_string(),
                operator: row.value.trim().to_string(),
                message,
                ..AssertionResult::default()
            }),
        }
    }
    checked
}

fn capture(check: &Check, reading: &Reading) -> Captured {
    let mut captured = Captured {
        name: check.operand.clone(),
        ..Captured::default()
    };
    match reading.read(&check.subject) {
        Ok(Some(value)) => captured.value = display(&value),
        Ok(None) => captured.error = format!("the answer has nothing at {}", check.subject_text),
        Err(message) => captured.error = message,
    }
    captured
}

fn assert(check: &Check, reading: &Reading, env: &Environment) -> AssertionResult {
    let mut result = AssertionResult {
        subject: check.subject_text.clone(),
        operator: check.operator.as_str().to_string(),
        expected: check.operand.clone(),
        ..AssertionResult::default()
    };
    match substitute(&check.operand, env) {
        Ok(expected) => result.expected = expected,
        Err(unknown) => {
            result.message = format!("no value for {{{{{}}}}}", unknown.join("}}, {{"));
            return result;
        }
    }
    let actual = match reading.read(&check.subject) {
        Ok(actual) => actual,
        Err(message) => {
            result.message = message;
            return result;
        }
    };
    if let Some(value) = &actual {
        result.actual = shortened(&display(value), ACTUAL_DISPLAY_CHARS);
    }
    match verdict(check.operator, actual.as_ref(), &result.expected) {
        Ok(passed) => result.passed = passed,
        Err(message) => result.message = message,
    }
    result
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
        Operator::Set => return Err("set captures a value; it is not an assertion".to_string()),
    })
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
