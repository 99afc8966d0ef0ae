//! Snippet stage: curl's own syntax inside one argument, after the shell has unquoted it: the file of
//! `--data-binary @FILE` and of `-F name=@FILE`. Shared by every curl target (bash, cmd, PowerShell).

/// The path after `@`: curl reads `@-` from standard input, so a file named `-` is written `./-`.
pub fn at_file(name: &str) -> String {
    if name == "-" {
        "./-".to_string()
    } else {
        name.to_string()
    }
}

/// The file after `-F name=@`: double-quoted, so `;` and `,` stay part of the name (and `-` is `./-`).
pub fn form_file(name: &str) -> String {
    form_word(&at_file(name))
}

/// A word of `-F`'s syntax in double quotes, where only `\"` and `\\` are escapes: `;` and `,` stay part
/// of it, a leading `@`, `<` or `(` is text, and curl keeps its leading and trailing spaces.
pub fn form_word(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The attribute giving a text part its Content-Type: `;type=T` where curl reads `T` back whole, otherwise
/// `;headers="Content-Type: T"`. curl's `type=` must start `major/minor` (no space, at most 127 bytes
/// before the `/`), and ends at a `;` that starts `filename=`, `headers=` or `encoder=`. A later `;type=`
/// stays part of the type in curl, but other readers of `-F` (reqlab's import among them) take it for a
/// second `type=`: such a type goes in `headers=` too.
pub fn form_type(content_type: &str) -> String {
    if type_attribute_carries(content_type) {
        format!(";type={content_type}")
    } else {
        format!(
            ";headers={}",
            form_word(&format!("Content-Type: {content_type}"))
        )
    }
}

fn type_attribute_carries(content_type: &str) -> bool {
    let Some((major, rest)) = content_type.split_once('/') else {
        return false;
    };
    let minor_starts = rest
        .chars()
        .next()
        .is_some_and(|c| !matches!(c, ';' | ',' | ' ' | '\n'));
    // curl looks for these keys only after the `/` and skips only ASCII spaces before them; checking every
    // `;` and skipping any space is stricter, so no reader of `-F` can end the type early.
    let ends_early = content_type.split(';').skip(1).any(|segment| {
        let segment = segment.trim_start();
        ["type=", "filename=", "headers=", "encoder="]
            .iter()
            .any(|key| {
                segment
                    .get(..key.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(key))
            })
    });
    !major.is_empty()
        && major.len() <= 127
        && !major.contains(' ')
        && minor_starts
        && !ends_early
        && content_type.trim() == content_type
        && !content_type.contains('\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_dash_is_not_standard_input() {
        assert_eq!(at_file("-"), "./-");
        assert_eq!(form_file("-"), "\"./-\"");
        assert_eq!(
            at_file("-x.bin"),
            "-x.bin",
            "only `-` itself means standard input"
        );
        assert_eq!(form_file("a;b,\"c\"\\.txt"), r#""a;b,\"c\"\\.txt""#);
    }

    // What curl 7.88 sent as the part's Content-Type for each (checked against a capturing server).
    #[test]
    fn a_type_curl_cannot_read_whole_goes_in_headers() {
        let cases = [
            ("application/json", ";type=application/json"),
            (
                "text/plain; charset=utf-8",
                ";type=text/plain; charset=utf-8",
            ),
            ("a/b; q=\"x;y\"", ";type=a/b; q=\"x;y\""),
            ("a/b, c", ";type=a/b, c"),
            ("a/b;Type=c", r#";headers="Content-Type: a/b;Type=c""#),
            ("weird", r#";headers="Content-Type: weird""#),
            ("a /b", r#";headers="Content-Type: a /b""#),
            ("a/ b", r#";headers="Content-Type: a/ b""#),
            (
                "a/b ; Filename=x",
                r#";headers="Content-Type: a/b ; Filename=x""#,
            ),
            ("x \"y\"", r#";headers="Content-Type: x \"y\"""#),
            ("a;encoder=b/c", r#";headers="Content-Type: a;encoder=b/c""#),
        ];
        for (content_type, expected) in cases {
            assert_eq!(form_type(content_type), expected, "{content_type:?}");
        }
        assert_eq!(form_word(" @a;b\\\"c "), r#"" @a;b\\\"c ""#);
    }
}
