//! Comparisons in filters (RFC 9535 §2.3.5.2): Nothing equals only Nothing, numbers compare as
//! numbers whatever their JSON spelling, arrays and objects by deep equality, and only numbers and
//! strings are ordered.

use std::cmp::Ordering;

use serde_json::{Number, Value};

use super::ast::CompareOp;

/// `None` is Nothing.
pub(crate) fn compare(left: Option<&Value>, op: CompareOp, right: Option<&Value>) -> bool {
    match op {
        CompareOp::Eq => equal(left, right),
        CompareOp::Ne => !equal(left, right),
        CompareOp::Lt => less(left, right),
        CompareOp::Gt => less(right, left),
        CompareOp::Le => less(left, right) || equal(left, right),
        CompareOp::Ge => less(right, left) || equal(left, right),
    }
}

fn equal(left: Option<&Value>, right: Option<&Value>) -> bool {
    match (left, right) {
        (None, None) => true,
        (Some(left), Some(right)) => values_equal(left, right),
        _ => false,
    }
}

fn less(left: Option<&Value>, right: Option<&Value>) -> bool {
    match (left, right) {
        (Some(Value::Number(a)), Some(Value::Number(b))) => {
            compare_numbers(a, b) == Some(Ordering::Less)
        }
        // Byte order of UTF-8 is the order of Unicode scalar values that the RFC asks for.
        (Some(Value::String(a)), Some(Value::String(b))) => a < b,
        _ => false,
    }
}

/// Deep equality, with an explicit stack so that a deeply nested document cannot exhaust the
/// call stack.
pub(crate) fn values_equal(left: &Value, right: &Value) -> bool {
    let mut pending = vec![(left, right)];
    while let Some(pair) = pending.pop() {
        match pair {
            (Value::Null, Value::Null) => {}
            (Value::Bool(a), Value::Bool(b)) if a == b => {}
            (Value::Number(a), Value::Number(b))
                if compare_numbers(a, b) == Some(Ordering::Equal) => {}
            (Value::String(a), Value::String(b)) if a == b => {}
            (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
                pending.extend(a.iter().zip(b))
            }
            (Value::Object(a), Value::Object(b)) if a.len() == b.len() => {
                for (key, value) in a {
                    match b.get(key) {
                        Some(other) => pending.push((value, other)),
                        None => return false,
                    }
                }
            }
            _ => return false,
        }
    }
    true
}

/// Integers exactly (serde_json keeps them apart from floats: 1 and 1.0 must still be equal),
/// anything else as a double.
fn compare_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    match (as_integer(a), as_integer(b)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

fn as_integer(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}
