//! Snippet target `shell-wget`: a GNU Wget command line for POSIX shells (bash, zsh, sh).
//!
//! Wget has no multipart support, so a multipart body is written to a temporary file with `printf` and `cat`
//! (the files' own bytes) and sent with `--body-file`, under a boundary the snippet names. Also home of two
//! helpers the other command-line targets share: joining repeated headers, and naming invisible characters.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPart, PreparedRequest};
use crate::snippet::headers::merge_repeated_headers;
use crate::snippet::quote::{is_invisible, posix_shell, posix_shell_word};
use crate::snippet::{seconds, Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut prelude: Vec<String> = Vec::new();
    let mut cleanup = None;
    let mut args: Vec<String> = vec![if options.long_flags {
        "--quiet --output-document=-".to_string()
    } else {
        "-q -O-".to_string()
    }];
    if request.method != Method::Get {
        args.push(format!(
            "--method={}",
            posix_shell_word(request.method.as_str())
        ));
    }
    let basic = match &request.auth {
        PreparedAuth::Basic { username, password } => {
            // Without --auth-no-challenge wget sends credentials only after a 401, which browsers never wait for.
            args.push(format!("--user={}", posix_shell(username)));
            args.push(format!("--password={}", posix_shell(password)));
            args.push("--auth-no-challenge".to_string());
            true
        }
        _ => false,
    };
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        .cloned()
        .collect();
    for (name, value) in merge_repeated_headers(&headers, "wget", &mut warnings) {
        args.push(format!(
            "--header={}",
            posix_shell(&format!("{name}: {value}"))
        ));
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            if text.contains('\0') {
                warnings.push(
                    "The body contains NUL characters, which no shell word can carry: the shell drops them, so \
                     wget sends the body without them."
                        .to_string(),
                );
            }
            args.push(format!("--body-data={}", posix_shell(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            args.push(format!(
                "--body-data={}",
                posix_shell(&PreparedBody::url_encoded(fields))
            ));
        }
        PreparedBody::File(file) => {
            args.push(format!("--body-file={}", posix_shell(&file.name)));
        }
        PreparedBody::Multipart(parts) => {
            let (lines, content_type) =
                multipart_body_file(&request.headers, parts, options.indent, &mut warnings);
            prelude.extend(lines);
            if let Some(content_type) = content_type {
                args.push(format!(
                    "--header={}",
                    posix_shell(&format!("Content-Type: {content_type}"))
                ));
            }
            args.push("--body-file=\"$body\"".to_string());
            cleanup = Some("rm -f \"$body\"");
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        // wget retries a timed-out request 20 times by default; a browser gives up.
        args.push(format!("--timeout={} --tries=1", seconds(ms)));
    }
    // wget follows redirects by default, as browsers do.
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            args.push("--max-redirect=0".to_string());
            warnings.push(
                "wget cannot hand back a redirect response: with --max-redirect=0 it prints the redirect and \
                 exits with an error instead of returning the 3xx."
                    .to_string(),
            );
        }
        RedirectMode::Error => args.push("--max-redirect=0".to_string()),
    }
    args.push(posix_shell(&request.url.to_string()));
    warnings.extend(invisible_note(
        prelude.iter().chain(&args).map(String::as_str),
    ));

    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    let mut code = prelude.join("\n");
    if !code.is_empty() {
        code.push('\n');
    }
    code.push_str("wget");
    for (i, arg) in args.iter().enumerate() {
        code.push_str(if i == 0 { " " } else { &separator });
        code.push_str(arg);
    }
    code.push('\n');
    if let Some(cleanup) = cleanup {
        code.push_str(cleanup);
        code.push('\n');
    }
    Snippet { code, warnings }
}

/// Shell lines writing a multipart/form-data body, byte for byte as `reqlab_core::prepare::multipart` writes it, to a
/// temporary file named by `$body` (`printf` for the text, `cat` for each file's own bytes); and the
/// Content-Type header value naming its boundary, unless the request sets a Content-Type of its own.
pub(crate) fn multipart_body_file(
    headers: &[(String, String)],
    parts: &[PreparedPart],
    indent: usize,
    warnings: &mut Vec<String>,
) -> (Vec<String>, Option<String>) {
    let boundary = multipart_boundary(parts);
    let mut lines = vec!["body=$(mktemp)".to_string(), "{".to_string()];
    let indent = " ".repeat(indent);
    for piece in multipart_pieces(parts, &boundary) {
        match piece {
            Piece::Text(text) => {
                if text.contains('\0') {
                    warnings.push(
                        "A form value contains NUL characters, which no shell word can carry: the shell drops \
                         them, so the value arrives without them."
                            .to_string(),
                    );
                }
                lines.extend(printf_lines(&text).map(|l| format!("{indent}{l}")));
            }
            Piece::File(file) => lines.push(format!("{indent}cat {}", posix_shell(&file.name))),
        }
    }
    lines.push("} > \"$body\"".to_string());
    let content_type = (!headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type")))
    .then(|| format!("multipart/form-data; boundary={boundary}"));
    (lines, content_type)
}

/// `printf` commands writing `text` exactly: complete CRLF lines as arguments of `printf '%s\r\n'`, the rest
/// with `printf '%s'`.
fn printf_lines(text: &str) -> impl Iterator<Item = String> {
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let rest = lines.pop().unwrap_or_default();
    let mut commands = Vec::new();
    if !lines.is_empty() {
        let words: Vec<String> = lines.iter().map(|l| posix_shell(l)).collect();
        commands.push(format!("printf '%s\\r\\n' {}", words.join(" ")));
    }
    if !rest.is_empty() {
        commands.push(format!("printf '%s' {}", posix_shell(rest)));
    }
    commands.into_iter()
}

/// A warning naming the invisible characters (bidi overrides, zero-width spaces, control characters other
/// than line breaks, tabs and NUL, which is warned about on its own) that a command line has to hold as they are, where they show as nothing.
pub(crate) fn invisible_note<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut found: Vec<char> = Vec::new();
    for c in values.into_iter().flat_map(str::chars) {
        if is_invisible(c) && !matches!(c, '\n' | '\t' | '\0') && !found.contains(&c) {
            found.push(c);
        }
    }
    if found.is_empty() {
        return None;
    }
    let names: Vec<String> = found
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    Some(format!(
        "The snippet holds invisible characters as they are ({}): they do not show on screen, but are sent.",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printf_lines_write_crlf_lines_and_the_rest() {
        let cases = [
            ("a\r\nb\r\n", vec!["printf '%s\\r\\n' 'a' 'b'"]),
            ("x", vec!["printf '%s' 'x'"]),
            (
                "\r\nit's",
                vec!["printf '%s\\r\\n' ''", "printf '%s' 'it'\\''s'"],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(printf_lines(input).collect::<Vec<_>>(), expected);
        }
    }
}

#[cfg(test)]
mod generate_tests {
    use super::*;
    use crate::edit::model::{Environment, Request};
    use crate::prepare::prepare;

    #[test]
    fn warnings() {
        let cases = [
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "1"}, {"key": "x", "value": "2"}]}),
                vec!["joined"],
            ),
            (
                serde_json::json!({"method": "POST", "url": "http://h/", "body": {"mode": "raw", "language": "text", "text": "a\u{0}b"}}),
                vec!["NUL"],
            ),
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "options": {"redirect": "manual"}}),
                vec!["redirect"],
            ),
        ];
        for (request, expected) in cases {
            let request: Request = serde_json::from_value(request).expect("request json");
            let prepared = prepare(&request, &Environment::default()).expect("prepares");
            let warnings = generate(&prepared, &Options::default()).warnings;
            assert_eq!(warnings.len(), expected.len(), "{warnings:?}");
            for (warning, needle) in warnings.iter().zip(expected) {
                assert!(warning.contains(needle), "{warning}");
            }
        }
    }
}
