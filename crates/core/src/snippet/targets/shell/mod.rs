//! Snippet stage, POSIX shell targets (`shell-curl`, `shell-wget`, `shell-httpie`), and what Wget and HTTPie
//! share: a multipart body written to a temporary file with `printf` and `cat`, for clients that cannot send
//! it from their own form syntax, and the warning for a text body one shell word cannot carry.

pub mod curl;
pub mod httpie;
pub mod wget;

use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{has_header, PreparedPart};
use crate::snippet::quote::posix_shell;

/// Warns when a text body, passed as one shell word, holds NUL characters: the shell drops them, so `client`
/// sends the body without them.
pub(crate) fn warn_nul_in_body_word(text: &str, client: &str, warnings: &mut Vec<String>) {
    if text.contains('\0') {
        warnings.push(format!(
            "The body contains NUL characters, which no shell word can carry: the shell drops them, so \
             {client} sends the body without them."
        ));
    }
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
    let content_type = (!has_header(headers, "Content-Type"))
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
