//! Import stage, curl layer 2: the `-F name=value` mini-language (`@file`, `<file`, `;type=`, quoted file
//! names). Files become a `FileRef` by name; nothing is read.

use crate::model::{FileRef, FormPart, PartValue};

/// One `-F` argument as a form part, plus anything about it the user should know.
pub(super) fn part(spec: &str, warnings: &mut Vec<String>) -> Option<FormPart> {
    let Some((name, value)) = spec.split_once('=') else {
        warnings.push(format!(
            "Ignored -F {spec:?}: it has no \"=\" between name and value."
        ));
        return None;
    };
    let part_value = if let Some(file) = value.strip_prefix('@') {
        let (file_name, params) = word(file);
        let mut content_type = String::new();
        for (key, val) in params_of(params) {
            match key.as_str() {
                "type" => content_type = val,
                "filename" => warnings.push(format!(
                    "Form part \"{name}\" sends the file under the name \"{val}\": reqlab sends the file's own name."
                )),
                _ => warnings.push(format!("Ignored \";{key}=\" in form part \"{name}\".")),
            }
        }
        warnings.push(format!(
            "Form part \"{name}\" uploads the file \"{file_name}\", which is not read here: choose it before sending."
        ));
        PartValue::File {
            file: Some(FileRef {
                name: file_name,
                content_type,
                data: None,
            }),
        }
    } else if let Some(file) = value.strip_prefix('<') {
        let (file_name, _) = word(file);
        warnings.push(format!(
            "Form part \"{name}\" takes its text from the file \"{file_name}\", which is not read here: type the text in."
        ));
        PartValue::Text {
            value: String::new(),
        }
    } else {
        let (text, params) = if value.starts_with('"') {
            word(value)
        } else {
            split_text_params(value)
        };
        for (key, _) in params_of(params) {
            warnings.push(format!(
                "Ignored \";{key}=\" in form part \"{name}\": text parts are sent as plain text."
            ));
        }
        PartValue::Text { value: text }
    };
    Some(FormPart {
        enabled: true,
        name: name.to_string(),
        value: part_value,
    })
}

/// A value that may be double-quoted (`"a;b\"c"`), and what follows it.
fn word(text: &str) -> (String, &str) {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = text.find(';').unwrap_or(text.len());
        return (text[..end].to_string(), &text[end..]);
    };
    let mut out = String::new();
    let mut chars = quoted.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &quoted[i + 1..]),
            '\\' => match chars.next() {
                Some((_, next)) => out.push(next),
                None => out.push('\\'),
            },
            c => out.push(c),
        }
    }
    (out, "")
}

/// Text values end at the first `;type=`, `;filename=`, `;headers=` or `;encoder=`; other semicolons are text.
fn split_text_params(value: &str) -> (String, &str) {
    let mut search = 0;
    while let Some(offset) = value[search..].find(';') {
        let at = search + offset;
        let rest = value[at + 1..].trim_start().to_ascii_lowercase();
        if ["type=", "filename=", "headers=", "encoder="]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            return (value[..at].to_string(), &value[at..]);
        }
        search = at + 1;
    }
    (value.to_string(), "")
}

/// `;key=value;key="value"` pairs after a part's value.
fn params_of(mut rest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let after = after.trim_start();
        let Some((key, value)) = after.split_once('=') else {
            break;
        };
        let (value, tail) = word(value);
        out.push((key.trim().to_ascii_lowercase(), value));
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> PartValue {
        PartValue::Text {
            value: value.into(),
        }
    }

    fn file(name: &str, content_type: &str) -> PartValue {
        PartValue::File {
            file: Some(FileRef {
                name: name.into(),
                content_type: content_type.into(),
                data: None,
            }),
        }
    }

    #[test]
    fn specs() {
        let cases = [
            ("a=1", "a", text("1")),
            ("a=x;y", "a", text("x;y")),
            ("a=hello;type=text/plain", "a", text("hello")),
            ("a=\"q;x\"", "a", text("q;x")),
            ("photo=@cat.png", "photo", file("cat.png", "")),
            (
                "photo=@cat.png;type=image/png",
                "photo",
                file("cat.png", "image/png"),
            ),
            (
                r#"f=@"a \"b\";c.txt";type=text/plain"#,
                "f",
                file("a \"b\";c.txt", "text/plain"),
            ),
            ("n=<notes.txt", "n", text("")),
            ("eq=a=b", "eq", text("a=b")),
        ];
        for (spec, name, value) in cases {
            let mut warnings = Vec::new();
            let got = part(spec, &mut warnings).expect(spec);
            assert_eq!((got.name.as_str(), &got.value), (name, &value), "{spec}");
        }
        let mut warnings = Vec::new();
        assert!(part("novalue", &mut warnings).is_none());
        assert_eq!(warnings.len(), 1);
    }
}
