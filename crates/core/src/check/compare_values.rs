//! How an answer's value compares with an expected value typed as text: the rules every operator shares.
//!
//! The expected text is read as JSON when it is JSON (`200`, `"a b"`, `true`, `[1, 2]`) and as a plain
//! string otherwise, so `equals ok` and `equals "ok"` mean the same. Numbers compare as numbers (`1` equals
//! `1.0`); a string in the answer (a header, the body) compares with the expected value's text, so a header
//! `Content-Length: 5` equals `5`.

use serde_json::Value;

/// The expected text as a value: JSON when it parses, else the text itself.
pub(super) fn literal(expected: &str) -> Value {
    serde_json::from_str(expected.trim()).unwrap_or_else(|_| Value::String(expected.to_string()))
}

/// The expected text as the string it stands for: a JSON string literal unquoted, anything else as typed.
pub(super) fn literal_text(expected: &str) -> String {
    match literal(expected) {
        Value::String(text) => text,
        _ => expected.trim().to_string(),
    }
}

/// `actual` equals the expected text, by the rules above.
pub(super) fn equals(actual: &Value, expected: &str) -> bool {
    match actual {
        Value::String(text) => *text == literal_text(expected),
        other => same(other, &literal(expected)),
    }
}

/// Deep equality with numbers compared by value.
pub(super) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// A value as a number: a JSON number, or a string holding one (a header, the body).
pub(super) fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// A string holds the expected text; an array an element equal to the expected value; an object a member
/// named by it.
pub(super) fn contains(actual: &Value, expected: &str) -> bool {
    match actual {
        Value::String(text) => text.contains(&literal_text(expected)),
        Value::Array(items) => {
            let wanted = literal(expected);
            items.iter().any(|item| match item {
                Value::String(text) => *text == literal_text(expected),
                other => same(other, &wanted),
            })
        }
        Value::Object(members) => members.contains_key(&literal_text(expected)),
        other => other.to_string().contains(expected.trim()),
    }
}

/// The choices of `one_of`: a JSON array, or values separated by commas.
pub(super) fn choices(expected: &str) -> Vec<String> {
    match literal(expected) {
        Value::Array(items) => items.iter().map(Value::to_string).collect(),
        _ => expected.split(',').map(|c| c.trim().to_string()).collect(),
    }
}

/// The JSON types `is_type` knows, as JSON Schema names them.
pub(super) const TYPES: [&str; 7] = [
    "string", "number", "integer", "boolean", "array", "object", "null",
];

/// Whether `value` is of JSON type `name` (an integer is a number too).
pub(super) fn is_type(value: &Value, name: &str) -> Option<bool> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equality_reads_the_expected_text_as_json_or_as_text() {
        let table: &[(Value, &str, bool)] = &[
            (json!(200), "200", true),
            (json!(200), "200.0", true),
            (json!(200), "201", false),
            (json!(200), "\"200\"", false),
            (json!("ok"), "ok", true),
            (json!("ok"), "\"ok\"", true),
            (json!("5"), "5", true),
            (json!("a b"), "a b", true),
            (json!(true), "true", true),
            (json!(null), "null", true),
            (json!(null), "", false),
            (json!([1, 2]), "[1, 2.0]", true),
            (json!({"a": [1]}), "{\"a\": [1]}", true),
            (json!({"a": [1]}), "{\"a\": [2]}", false),
            (json!(9007199254740993_i64), "9007199254740992", false),
        ];
        for (actual, expected, want) in table {
            assert_eq!(
                equals(actual, expected),
                *want,
                "{actual} equals {expected}"
            );
        }
    }

    #[test]
    fn containment_follows_the_value_s_kind() {
        assert!(contains(&json!("application/json; charset=utf-8"), "json"));
        assert!(contains(&json!([1, "a", {"b": 2}]), "a"));
        assert!(contains(&json!([1, "a", {"b": 2}]), "{\"b\": 2.0}"));
        assert!(!contains(&json!([1, "a"]), "2"));
        assert!(contains(&json!({"token": 1}), "token"));
        assert!(!contains(&json!({"token": 1}), "1"));
    }

    #[test]
    fn types_numbers_and_choices() {
        assert_eq!(is_type(&json!(3), "integer"), Some(true));
        assert_eq!(is_type(&json!(3.5), "integer"), Some(false));
        assert_eq!(is_type(&json!(3.5), "Number"), Some(true));
        assert_eq!(is_type(&json!("3"), "number"), Some(false));
        assert_eq!(is_type(&json!(3), "float"), None);
        assert_eq!(number(&json!(" 12.5 ")), Some(12.5));
        assert_eq!(number(&json!([1])), None);
        assert_eq!(choices("200, 201"), ["200", "201"]);
        assert_eq!(choices("[200, \"x\"]"), ["200", "\"x\""]);
    }
}
