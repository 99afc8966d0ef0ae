//! `.http` reader, lines: the file as numbered lines, and the shapes a line can take anywhere in a request
//! (separator, comment, file reference, start of a response handler).

/// One line of the file, without its line ending; `number` counts from 1, as editors show it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

/// The lines of `text`. Every trailing `\r` goes, so that CRLF files read like LF files and no line read
/// back ends in `\r` (which would make a written line read back differently).
pub(super) fn split(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(index, line)| Line {
            number: index + 1,
            text: line.trim_end_matches('\r'),
        })
        .collect()
}

pub(super) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The text after a request separator (`###`, or more `#`s), trimmed; `None` when the line is no separator.
pub(super) fn separator_text(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("###")?;
    Some(rest.trim_start_matches('#').trim())
}

/// The text of a `#` or `//` line comment, trimmed; `None` when the line is no comment. Check
/// [`separator_text`] first: a separator also starts with `#`.
pub(super) fn comment(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    trimmed
        .strip_prefix("//")
        .or_else(|| trimmed.strip_prefix('#'))
        .map(str::trim)
}

/// A body taken from a file: `< path` sends its bytes, `<@[encoding] path` its text with variables
/// substituted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileInclude<'a> {
    Bytes { path: &'a str },
    Text { encoding: &'a str, path: &'a str },
}

impl<'a> FileInclude<'a> {
    pub fn path(&self) -> &'a str {
        match self {
            FileInclude::Bytes { path } | FileInclude::Text { path, .. } => path,
        }
    }
}

/// Reads `< path`, `<@ path` and `<@latin1 path` (REST Client's syntax; the path keeps inner spaces).
pub(super) fn file_include(line: &str) -> Option<FileInclude<'_>> {
    let rest = line.trim().strip_prefix('<')?;
    let (encoding, rest) = match rest.strip_prefix('@') {
        Some(after_at) => {
            let end = after_at.find(char::is_whitespace).unwrap_or(after_at.len());
            let (encoding, rest) = after_at.split_at(end);
            (Some(encoding), rest)
        }
        None => (None, rest),
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let path = rest.trim();
    if path.is_empty() {
        return None;
    }
    Some(match encoding {
        Some(encoding) => FileInclude::Text { encoding, path },
        None => FileInclude::Bytes { path },
    })
}

/// True for a line that ends the body: a JetBrains response handler (`> {% ... %}`, `> script.js`), a
/// response redirect (`>> file`, `>>! file`) or a reference to a saved response (`<> file`).
pub(super) fn starts_trailer(line: &str) -> bool {
    let trimmed = line.trim_start();
    if trimmed.starts_with(">>") || trimmed.starts_with("<> ") || trimmed.starts_with(">{%") {
        return true;
    }
    match trimmed.strip_prefix("> ") {
        Some(rest) => {
            let rest = rest.trim();
            rest.starts_with("{%") || rest.ends_with(".js")
        }
        None => false,
    }
}

/// True for a character HTTP allows in a header name or method (RFC 9110 `tchar`).
pub(super) fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_includes_need_whitespace_before_the_path() {
        assert_eq!(
            file_include("< ./a b.xml "),
            Some(FileInclude::Bytes { path: "./a b.xml" })
        );
        assert_eq!(
            file_include("<@latin1 ./x"),
            Some(FileInclude::Text {
                encoding: "latin1",
                path: "./x"
            })
        );
        assert_eq!(
            file_include("<@ ./x"),
            Some(FileInclude::Text {
                encoding: "",
                path: "./x"
            })
        );
        for not_a_file in ["<request>", "<> saved.json", "< ", "<@utf8", "x < y"] {
            assert_eq!(file_include(not_a_file), None, "{not_a_file:?}");
        }
    }

    #[test]
    fn trailers_are_handlers_redirects_and_saved_responses_only() {
        for trailer in [
            "> {% client.log(1) %}",
            "> ./check.js",
            ">> out.json",
            ">>! out.json",
            "<> r.json",
        ] {
            assert!(starts_trailer(trailer), "{trailer:?}");
        }
        for body in ["> quoted mail text", "<a>", "x > y"] {
            assert!(!starts_trailer(body), "{body:?}");
        }
    }

    #[test]
    fn separators_and_comments() {
        assert_eq!(separator_text("#### Users "), Some("Users"));
        assert_eq!(separator_text("## two"), None);
        assert_eq!(comment("  // @name x"), Some("@name x"));
        assert_eq!(comment("# note"), Some("note"));
        assert_eq!(comment("GET /"), None);
    }
}
