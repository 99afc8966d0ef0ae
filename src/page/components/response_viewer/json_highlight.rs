//! Render stage UI: syntax highlighting of one line of pretty-printed JSON (strings never span lines there,
//! so each visible line can be coloured on its own).

use leptos::prelude::*;

/// The line as spans classed `key`, `string`, `number`, `literal` and `punct`.
pub fn highlight_json_line(line: &str) -> AnyView {
    let mut spans: Vec<(&'static str, String)> = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let class = match c {
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i = (i + 1).min(chars.len());
                let rest = chars[i..].iter().find(|c| !c.is_whitespace());
                if rest == Some(&':') {
                    "key"
                } else {
                    "string"
                }
            }
            '-' | '0'..='9' => {
                while i < chars.len() && matches!(chars[i], '-' | '+' | '.' | 'e' | 'E' | '0'..='9')
                {
                    i += 1;
                }
                "number"
            }
            c if c.is_ascii_alphabetic() => {
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                "literal"
            }
            _ => {
                i += 1;
                "punct"
            }
        };
        spans.push((class, chars[start..i].iter().collect()));
    }
    spans
        .into_iter()
        .map(|(class, text)| view! { <span class=class>{text}</span> })
        .collect_view()
        .into_any()
}
