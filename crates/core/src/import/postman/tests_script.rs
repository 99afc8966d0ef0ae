//! A request's checks as a Postman test script (`pm.test`), for the export: each check that has a Postman
//! equivalent becomes one test (or, for `set`, a `pm.environment.set`); the others are named in a comment,
//! so nothing is dropped silently. Written from the rows' text alone (no JSONPath reader): a JSONPath that is
//! a plain chain of names and indexes becomes a property path into `pm.response.json()`, any other does not
//! translate.

use crate::edit::model::KeyValue;
use serde_json::Value;

/// The script's lines; empty when the request has no enabled checks.
pub fn test_script(checks: &[KeyValue]) -> Vec<String> {
    let mut lines: Vec<String> = checks
        .iter()
        .filter(|c| c.enabled && !c.key.trim().is_empty())
        .map(|c| {
            let written = format!("{} {}", c.key.trim(), c.value.trim());
            translate(c.key.trim(), c.value.trim()).unwrap_or_else(|| {
                format!("// reqlab check without a Postman equivalent: {written}")
            })
        })
        .collect();
    // The helpers that hold a JSON value to reqlab's comparison rules, put first when a test uses them.
    for (name, helper) in HELPERS.iter().rev() {
        if lines.iter().any(|l| l.contains(name)) {
            lines.insert(0, helper.to_string());
        }
    }
    lines
}

/// reqlab's rules for a JSON value against an expected one (`check::compare_values`), in JavaScript: an
/// expected text is JSON when it parses, else itself; a string compares with the expected value's text (a
/// query argument `"1"` equals `1`), anything else by value (`_` is lodash, which Postman's sandbox
/// provides); an array contains an element equal to it, an object a member named by it.
const HELPERS: [(&str, &str); 3] = [
    (
        "reqlabLiteral(",
        r#"function reqlabLiteral(t) { try { return JSON.parse(t); } catch (e) { return t; } }"#,
    ),
    (
        "reqlabSame(",
        r#"function reqlabSame(a, e) { return typeof a === "string" ? a === (typeof e === "string" ? e : JSON.stringify(e)) : _.isEqual(a, e); }"#,
    ),
    (
        "reqlabContains(",
        r#"function reqlabContains(a, e) { return typeof a === "string" ? a.includes(typeof e === "string" ? e : JSON.stringify(e)) : Array.isArray(a) ? a.some((i) => reqlabSame(i, e)) : a !== null && typeof a === "object" && String(e) in a; }"#,
    ),
];

/// What the subject reads, as a JavaScript expression, and whether it is text (a header, the body).
fn subject(subject: &str) -> Option<(String, bool)> {
    let (word, rest) = subject
        .split_once(char::is_whitespace)
        .unwrap_or((subject, ""));
    Some(match (word, rest.trim()) {
        ("status", "") => ("pm.response.code".into(), false),
        ("body", "") => ("pm.response.text()".into(), true),
        ("time", "") => ("pm.response.responseTime".into(), false),
        ("size", "") => ("pm.response.responseSize".into(), false),
        ("header", name) if !name.is_empty() => {
            (format!("pm.response.headers.get({})", js(name)), true)
        }
        _ if subject.starts_with('$') => (json_path(subject)?, false),
        _ => return None,
    })
}

/// `$.a.b[0]['c d']` as `pm.response.json().a.b[0]["c d"]`; `None` for filters, wildcards, slices,
/// descendants and functions.
fn json_path(path: &str) -> Option<String> {
    let mut out = String::from("pm.response.json()");
    let mut rest = path.strip_prefix('$')?;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let name = &after[..end];
            let plain = name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !plain {
                return None;
            }
            out.push('.');
            out.push_str(name);
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let inside = after[..end].trim();
            if let Ok(index) = inside.parse::<u32>() {
                out.push_str(&format!("[{index}]"));
            } else if let Some(name) = inside.strip_prefix('\'').and_then(|n| n.strip_suffix('\''))
            {
                if name.contains(['\\', '\'']) {
                    return None;
                }
                out.push_str(&format!("[{}]", js(name)));
            } else {
                return None;
            }
            rest = &after[end + 1..];
        } else {
            return None;
        }
    }
    Some(out)
}

/// A JavaScript string literal (JSON's is one).
fn js(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A JSON value as JavaScript, through serde's writer (`Value`'s `Display` would bring a second one).
fn json_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The expected value as JavaScript: text subjects compare with text; others with the operand read as
/// JSON when it is JSON. Variables are resolved by Postman (`pm.variables.replaceIn`).
fn expected(operand: &str, text: bool) -> String {
    if operand.contains("{{") {
        let replaced = format!("pm.variables.replaceIn({})", js(operand));
        return match text {
            true => replaced,
            false => format!("reqlabLiteral({replaced})"),
        };
    }
    match (text, serde_json::from_str::<Value>(operand)) {
        (true, Ok(Value::String(s))) => js(&s),
        (true, _) => js(operand),
        (false, Ok(value)) => json_text(&value),
        (false, Err(_)) => js(operand),
    }
}

fn translate(subject_text: &str, value: &str) -> Option<String> {
    let (actual, text) = subject(subject_text)?;
    let (operator, operand) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    let operand = operand.trim();
    let name = js(&format!("{subject_text} {value}"));
    // Read by serde_json, whose number reader the import worker carries already (Rust's float parsing and
    // printing would add several KB to it).
    let number = || match serde_json::from_str::<Value>(operand) {
        Ok(n @ Value::Number(_)) => Some(json_text(&n)),
        _ => None,
    };
    // A JSON value is held to reqlab's rules by the helpers; a status, time or size is a number, a header or
    // the body text, which Chai compares as reqlab does.
    let json = subject_text.starts_with('$');
    let same = |e: &str| match json {
        true => format!(
            "pm.expect(reqlabSame({actual}, {e}), \"got \" + JSON.stringify({actual})).to.be.true"
        ),
        false => format!("pm.expect({actual}).to.eql({e})"),
    };
    let assertion = match operator {
        "set" => return Some(format!("pm.environment.set({}, {actual});", js(operand))),
        "equals" | "==" => same(&expected(operand, text)),
        "not_equals" | "!=" if json => format!(
            "pm.expect(reqlabSame({actual}, {})).to.be.false",
            expected(operand, text)
        ),
        "not_equals" | "!=" => format!(
            "pm.expect({actual}).to.not.eql({})",
            expected(operand, text)
        ),
        "less_than" | "<" => format!("pm.expect(Number({actual})).to.be.below({})", number()?),
        "less_or_equal" | "<=" => {
            format!("pm.expect(Number({actual})).to.be.at.most({})", number()?)
        }
        "greater_than" | ">" => format!("pm.expect(Number({actual})).to.be.above({})", number()?),
        "greater_or_equal" | ">=" => {
            format!("pm.expect(Number({actual})).to.be.at.least({})", number()?)
        }
        "contains" | "not_contains" if json => format!(
            "pm.expect(reqlabContains({actual}, {})).to.be.{}",
            expected(operand, text),
            if operator == "contains" {
                "true"
            } else {
                "false"
            }
        ),
        "contains" => format!(
            "pm.expect({actual}).to.include({})",
            expected(operand, text)
        ),
        "not_contains" => format!(
            "pm.expect({actual}).to.not.include({})",
            expected(operand, text)
        ),
        "matches" => format!(
            "pm.expect(String({actual})).to.match(new RegExp({}))",
            js(operand)
        ),
        "exists" => format!("pm.expect({actual}).to.not.be.undefined"),
        "not_exists" => format!("pm.expect({actual}).to.be.undefined"),
        "is_type" => match operand {
            "string" | "number" | "boolean" | "array" | "object" => {
                format!("pm.expect({actual}).to.be.a({})", js(operand))
            }
            "integer" => format!("pm.expect(Number.isInteger({actual})).to.be.true"),
            "null" => format!("pm.expect({actual}).to.be.null"),
            _ => return None,
        },
        "one_of" => {
            let choices: Vec<String> = match serde_json::from_str::<Value>(operand) {
                Ok(Value::Array(items)) => items.iter().map(json_text).collect(),
                _ => operand
                    .split(',')
                    .map(|c| expected(c.trim(), text))
                    .collect(),
            };
            match json {
                true => format!(
                    "pm.expect([{}].some((e) => reqlabSame({actual}, e)), \"got \" + JSON.stringify({actual})).to.be.true",
                    choices.join(", ")
                ),
                false => format!("pm.expect({actual}).to.be.oneOf([{}])", choices.join(", ")),
            }
        }
        _ => return None,
    };
    // Header subjects read `undefined` when absent; the others throw on a body that is not JSON.
    Some(format!("pm.test({name}, function () {{ {assertion}; }});"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_become_postman_tests_where_postman_has_one() {
        let rows = [
            KeyValue::new("status", "equals 200"),
            KeyValue::new("header Content-Type", "contains json"),
            KeyValue::new("$.json.items[0]['the id']", "equals {{id}}"),
            KeyValue::new("$.user.name", "one_of ada, bob"),
            KeyValue::new("time", "less_than 500"),
            KeyValue::new("$.token", "set token"),
            KeyValue::new("$.items[?@.a > 1]", "exists"),
            KeyValue::new("regex id=(\\d+)", "equals 7"),
        ];
        let script = test_script(&rows);
        assert_eq!(
            script[..2],
            [
                r#"function reqlabLiteral(t) { try { return JSON.parse(t); } catch (e) { return t; } }"#,
                r#"function reqlabSame(a, e) { return typeof a === "string" ? a === (typeof e === "string" ? e : JSON.stringify(e)) : _.isEqual(a, e); }"#,
            ]
        );
        assert_eq!(
            script[2..],
            [
                r#"pm.test("status equals 200", function () { pm.expect(pm.response.code).to.eql(200); });"#,
                r#"pm.test("header Content-Type contains json", function () { pm.expect(pm.response.headers.get("Content-Type")).to.include("json"); });"#,
                r#"pm.test("$.json.items[0]['the id'] equals {{id}}", function () { pm.expect(reqlabSame(pm.response.json().json.items[0]["the id"], reqlabLiteral(pm.variables.replaceIn("{{id}}"))), "got " + JSON.stringify(pm.response.json().json.items[0]["the id"])).to.be.true; });"#,
                r#"pm.test("$.user.name one_of ada, bob", function () { pm.expect(["ada", "bob"].some((e) => reqlabSame(pm.response.json().user.name, e)), "got " + JSON.stringify(pm.response.json().user.name)).to.be.true; });"#,
                r#"pm.test("time less_than 500", function () { pm.expect(Number(pm.response.responseTime)).to.be.below(500); });"#,
                r#"pm.environment.set("token", pm.response.json().token);"#,
                "// reqlab check without a Postman equivalent: $.items[?@.a > 1] exists",
                "// reqlab check without a Postman equivalent: regex id=(\\d+) equals 7",
            ]
        );
    }
}
