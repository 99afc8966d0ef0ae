//! Edit and render stages: JSON validation with a position people can find, a re-indenter that keeps key
//! order and number spelling exactly (it never builds a tree, so it also serves large response bodies), and
//! folding of its output.

mod check;
pub mod fold;
mod reindent;

pub use check::{check, Check};
pub use reindent::{reindent, Reindenter};

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
