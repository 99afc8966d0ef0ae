//! Edit and render stages: JSON validation with a position people can find, and a re-indenter that keeps key
//! order and number spelling exactly (it never builds a tree, so it also serves large response bodies).

mod check;

pub use check::check;

/// Where and why a text is not JSON. Line and column count from 1, columns in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Invalid JSON at line {}, column {}: {}.",
            self.line, self.column, self.message
        )
    }
}

/// Re-indents valid JSON with `indent` spaces per level; `{}` and `[]` stay on one line. Invalid JSON is
/// refused with its position rather than half-formatted.
pub fn format(text: &str, indent: usize) -> Result<String, JsonError> {
    check(text)?;
    Ok(reindent(text, indent))
}

/// The token-level re-indenter behind [`format`]; `text` must be valid JSON.
pub fn reindent(text: &str, indent: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', depth * indent));
    };
    while let Some(ch) = chars.next() {
        if in_string {
            out.push(ch);
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => {
                in_string = true;
                out.push(ch);
            }
            '{' | '[' => {
                out.push(ch);
                while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                    chars.next();
                }
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(ch);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_ascii_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_position_of_the_first_error() {
        let cases = [
            ("{\"a\": 1,}", 1, 9),
            ("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7),
            ("[1, 2", 1, 5),
            ("", 1, 0),
        ];
        for (text, line, column) in cases {
            let err = check(text).expect_err(text);
            assert_eq!(
                (err.line, err.column),
                (line, column),
                "text {text:?}: {err}"
            );
            assert!(!err.message.contains("at line"), "{}", err.message);
        }
    }

    #[test]
    fn formats_keeping_order_numbers_and_strings_exactly() {
        let text = r#"{"z":1,"a":[1.50,-0e3,{}, [ ]],"s":"x, y: {\"q\"} \\","n":null}"#;
        let expected = "{\n  \"z\": 1,\n  \"a\": [\n    1.50,\n    -0e3,\n    {},\n    []\n  ],\n  \"s\": \"x, y: {\\\"q\\\"} \\\\\",\n  \"n\": null\n}";
        assert_eq!(format(text, 2).expect("valid"), expected);
        assert_eq!(
            format(expected, 2).expect("valid"),
            expected,
            "formatting is idempotent"
        );
        assert!(format("{", 2).is_err());
    }

    #[test]
    fn formatting_preserves_the_value() {
        let text = r#"[{"k":"v","n":[1,2,{"deep":[true,false]}]},"é ✓",12345678901234567890]"#;
        let formatted = format(text, 4).expect("valid");
        let before: serde_json::Value = serde_json::from_str(text).expect("valid");
        let after: serde_json::Value = serde_json::from_str(&formatted).expect("still valid");
        assert_eq!(before, after);
    }
}
