//! Import stage, curl: the URL globbing curl does unless told `-g`. `[1-3]`, `[a-c]`, `[01-10:2]` and
//! `{a,b}` make curl send one request per expansion; `\[ \] \{ \}` are the characters themselves (which is
//! how Chrome's "Copy as cURL" protects a query such as `filter[status]=open`). reqlab imports the first
//! URL curl would request and says how many curl requests; a pattern curl refuses is imported as written.

use std::net::Ipv6Addr;
use thiserror::Error;

/// What curl makes of a URL it globs: the first URL it requests, and how many URLs it requests in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Expansion {
    pub first: String,
    pub count: u64,
}

/// Why curl refuses a URL pattern (it stops with "(3) <curl's words> in URL position N" and sends
/// nothing). Positions count characters from 1.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(super) enum GlobError {
    #[error("unmatched brace: the {{ at character {0} is never closed")]
    UnmatchedBrace(usize),
    #[error("unmatched close brace/bracket: the {ch} at character {at} closes nothing")]
    UnmatchedClose { ch: char, at: usize },
    #[error("nested brace: the list at character {0} holds a [ or {{")]
    Nested(usize),
    #[error("unexpected close bracket: the list at character {0} holds a ]")]
    CloseBracketInList(usize),
    #[error("empty string within braces: {{}} at character {0}")]
    EmptyList(usize),
    #[error("bad range: {0} is not a range curl accepts")]
    BadRange(String),
    #[error("bad range specification: {0} starts with neither a letter nor a digit")]
    BadRangeStart(String),
    #[error("range overflow: the pattern expands to more URLs than curl can count")]
    Overflow,
}

/// The URL to import for `url` as curl reads it without `-g`, and the warning to show when curl would not
/// send exactly that one URL.
pub(super) fn first_url(url: &str) -> (String, Option<String>) {
    match expand(url) {
        Ok(Expansion { first, count: 1 }) => (first, None),
        Ok(Expansion { first, count }) => {
            let warning = format!(
                "curl requests {count} URLs for this pattern ({url}); reqlab imports the first: {first}"
            );
            (first, Some(warning))
        }
        Err(why) => (
            url.to_string(),
            Some(format!(
                "curl refuses this URL ({why}) and sends nothing; reqlab imports it as written. \
                 Add -g for curl to send it as written too, or write \\[ \\] \\{{ \\}} for the characters themselves."
            )),
        ),
    }
}

/// curl's reading of a URL pattern. reqlab's own `{{name}}` variables pass through untouched: they stand
/// for what a shell variable held, which curl never saw as braces.
pub(super) fn expand(url: &str) -> Result<Expansion, GlobError> {
    let chars: Vec<char> = url.chars().collect();
    let mut first = String::with_capacity(url.len());
    let mut count: u64 = 1;
    let mut i = 0;
    while i < chars.len() {
        let (text, n, end) = piece(&chars, i)?;
        first.push_str(&text);
        count = count
            .checked_mul(n)
            .filter(|&total| total <= i64::MAX as u64)
            .ok_or(GlobError::Overflow)?;
        i = end;
    }
    Ok(Expansion { first, count })
}

/// A piece of a pattern read from some index: the text of its first expansion, how many expansions it has,
/// and the index after it.
type Piece = (String, u64, usize);

/// The piece of the pattern starting at `i`.
fn piece(chars: &[char], i: usize) -> Result<Piece, GlobError> {
    let text = |end: usize| chars[i..end].iter().collect::<String>();
    let next = chars.get(i + 1).copied();
    Ok(match chars[i] {
        '{' if next == Some('{') => match variable_end(chars, i) {
            Some(end) => (text(end), 1, end),
            None => list(chars, i)?,
        },
        '{' => list(chars, i)?,
        // An IPv6 host (`http://[::1]:8080/`) and an empty `[]` are not globs, for curl neither.
        '[' => match ipv6_literal(&chars[i..]) {
            Some(len) => (text(i + len), 1, i + len),
            None if next == Some(']') => (text(i + 2), 1, i + 2),
            None => range(chars, i)?,
        },
        c @ (']' | '}') => return Err(GlobError::UnmatchedClose { ch: c, at: i + 1 }),
        '\\' if matches!(next, Some('[' | ']' | '{' | '}')) => {
            (text(i + 2)[1..].to_string(), 1, i + 2)
        }
        _ => (text(i + 1), 1, i + 1),
    })
}

/// The index after the `}}` closing a reqlab variable that opens at `open`, as `prepare` finds it.
fn variable_end(chars: &[char], open: usize) -> Option<usize> {
    let from = open + 2;
    (from..chars.len().saturating_sub(1))
        .find(|&j| chars[j] == '}' && chars[j + 1] == '}')
        .map(|j| j + 2)
}

/// The length of `[address]` at the start of `chars` when it holds an IPv6 address (with or without a
/// `%zone`), which curl lets through unglobbed.
fn ipv6_literal(chars: &[char]) -> Option<usize> {
    let close = chars.iter().position(|&c| c == ']')?;
    let inside: String = chars[1..close].iter().collect();
    let (address, zone) = match inside.split_once('%') {
        Some((address, zone)) => (address, Some(zone.strip_prefix("25").unwrap_or(zone))),
        None => (inside.as_str(), None),
    };
    let zone_ok = zone.is_none_or(|z| {
        !z.is_empty()
            && z.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
    });
    (zone_ok && address.parse::<Ipv6Addr>().is_ok()).then_some(close + 1)
}

/// A `{a,b,c}` list opening at `open`: its first element, its size, and the index after its `}`. Inside, a
/// backslash makes any character literal (`{a\,b}` is the one element `a,b`).
fn list(chars: &[char], open: usize) -> Result<Piece, GlobError> {
    let mut first: Option<String> = None;
    let mut element = String::new();
    let mut size: u64 = 0;
    let mut i = open + 1;
    loop {
        match chars.get(i) {
            None => return Err(GlobError::UnmatchedBrace(open + 1)),
            Some('{' | '[') => return Err(GlobError::Nested(open + 1)),
            Some(']') => return Err(GlobError::CloseBracketInList(open + 1)),
            Some('}') if i == open + 1 => return Err(GlobError::EmptyList(open + 1)),
            Some(&c @ (',' | '}')) => {
                size += 1;
                let done = std::mem::take(&mut element);
                first.get_or_insert(done);
                i += 1;
                if c == '}' {
                    return Ok((first.unwrap_or_default(), size, i));
                }
            }
            Some('\\') if i + 1 < chars.len() => {
                element.push(chars[i + 1]);
                i += 2;
            }
            Some(&c) => {
                element.push(c);
                i += 1;
            }
        }
    }
}

/// A `[...]` range opening at `open`: its first value, its size, and the index after its `]`.
fn range(chars: &[char], open: usize) -> Result<Piece, GlobError> {
    let shown = || -> String {
        let end = chars[open..]
            .iter()
            .position(|&c| c == ']')
            .map_or(chars.len(), |p| open + p + 1);
        chars[open..end].iter().collect()
    };
    let start = open + 1;
    let parsed = match chars.get(start) {
        Some(c) if c.is_ascii_alphabetic() => letter_range(chars, start),
        Some(c) if c.is_ascii_digit() => number_range(chars, start),
        _ => return Err(GlobError::BadRangeStart(shown())),
    };
    parsed.ok_or_else(|| GlobError::BadRange(shown()))
}

/// `a-z]` or `a-z:step]` from `start`: letters in ASCII order, at most 26 of them.
fn letter_range(chars: &[char], start: usize) -> Option<Piece> {
    let (min, max) = (chars[start], *chars.get(start + 2)?);
    if chars.get(start + 1) != Some(&'-') || !max.is_ascii() {
        return None;
    }
    let (step, end) = match chars.get(start + 3)? {
        ']' => (1, start + 4),
        ':' => {
            let (step, after) = digits(chars, start + 4)?;
            (step, closing(chars, after)?)
        }
        _ => return None,
    };
    let span = u64::from(max as u8).checked_sub(u64::from(min as u8))?;
    if span > u64::from(b'z' - b'a') {
        return None;
    }
    Some((min.to_string(), size(span, step)?, end))
}

/// `1-10]`, `01-10]` (zero-padded to the width of the first number) or `1-10:step]` from `start`.
fn number_range(chars: &[char], start: usize) -> Option<Piece> {
    let (min, after_min) = digits(chars, start)?;
    let width = if chars[start] == '0' {
        after_min - start
    } else {
        0
    };
    if chars.get(after_min) != Some(&'-') {
        return None;
    }
    // curl reads the second number with strtoul, which skips blanks first.
    let mut i = after_min + 1;
    while matches!(chars.get(i), Some(' ' | '\t')) {
        i += 1;
    }
    let (max, after_max) = digits(chars, i)?;
    let (step, end) = match chars.get(after_max)? {
        ']' => (1, after_max + 1),
        ':' => {
            let (step, after) = digits(chars, after_max + 1)?;
            (step, closing(chars, after)?)
        }
        _ => return None,
    };
    Some((
        format!("{min:0width$}"),
        size(max.checked_sub(min)?, step)?,
        end,
    ))
}

/// How many values a range of `span` (max minus min) has with `step`, when curl accepts the pair.
fn size(span: u64, step: u64) -> Option<u64> {
    let accepted = step > 0 && if span == 0 { step == 1 } else { step <= span };
    accepted.then(|| span / step + 1)
}

/// The decimal number at `from` and the index after it; `None` when there is none or it overflows.
fn digits(chars: &[char], from: usize) -> Option<(u64, usize)> {
    let len = chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let text: String = chars.get(from..from + len)?.iter().collect();
    Some((text.parse().ok()?, from + len))
}

/// The index after the `]` expected at `at`.
fn closing(chars: &[char], at: usize) -> Option<usize> {
    (chars.get(at) == Some(&']')).then_some(at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each pattern with the first URL curl 7.88 requested for it and how many it requested in all.
    #[test]
    fn patterns_expand_as_curl_expands_them() {
        let cases: &[(&str, &str, u64)] = &[
            ("http://h/plain?a=1&b=2", "http://h/plain?a=1&b=2", 1),
            (
                r"http://h/q?filter\[status\]=open&sort=\{asc\}",
                "http://h/q?filter[status]=open&sort={asc}",
                1,
            ),
            (
                r"http://h/q?fields=\{id,name\}",
                "http://h/q?fields={id,name}",
                1,
            ),
            // Only \ before a bracket or brace is curl's escape; other backslashes are sent.
            (r"http://h/a\\b\x", r"http://h/a\\b\x", 1),
            ("http://h/page/[1-3]", "http://h/page/1", 3),
            ("http://h/p/[a-c]", "http://h/p/a", 3),
            ("http://h/p/[A-C]", "http://h/p/A", 3),
            ("http://h/p/[01-10]", "http://h/p/01", 10),
            ("http://h/p/[001-3]", "http://h/p/001", 3),
            ("http://h/p/[08-11:2]", "http://h/p/08", 2),
            ("http://h/p/[1-10:2]", "http://h/p/1", 5),
            ("http://h/p/[9-11]", "http://h/p/9", 3),
            ("http://h/p/[1- 2]", "http://h/p/1", 2),
            ("http://h/p/[1-1]", "http://h/p/1", 1),
            ("http://h/p/[a-z:5]", "http://h/p/a", 6),
            ("http://h/p/{a,b,c}", "http://h/p/a", 3),
            ("http://h/p/{a}", "http://h/p/a", 1),
            ("http://h/p/{,a}", "http://h/p/", 2),
            ("http://h/p/{a,,b}", "http://h/p/a", 3),
            (r"http://h/p/{a\,b,c}", "http://h/p/a,b", 2),
            (r"http://h/p/{a\}b,c}", "http://h/p/a}b", 2),
            ("http://h/p/{a,b}/[1-2]", "http://h/p/a/1", 4),
            ("http://h/p/[]", "http://h/p/[]", 1),
            ("http://[::1]:8080/", "http://[::1]:8080/", 1),
            ("http://[::1]:8080/v/[1-2]", "http://[::1]:8080/v/1", 2),
            ("http://h/p/[1-2]/[::1]", "http://h/p/1/[::1]", 2),
            ("http://[fe80::1%25eth0]/", "http://[fe80::1%25eth0]/", 1),
            // reqlab's variables are not lists.
            ("{{BASE}}/page/[1-2]", "{{BASE}}/page/1", 2),
            ("http://h/{{a}}{x,y}", "http://h/{{a}}x", 2),
        ];
        for (url, first, count) in cases {
            let want = Expansion {
                first: first.to_string(),
                count: *count,
            };
            assert_eq!(expand(url), Ok(want), "{url}");
        }
    }

    /// Each pattern curl 7.88 refused ("(3) ... in URL position N"), with the error curl named.
    #[test]
    fn patterns_curl_refuses_are_errors() {
        use GlobError::*;
        let cases: &[(&str, GlobError)] = &[
            ("http://h/p/[1-3", BadRange("[1-3".into())),
            ("http://h/p/{a,b", UnmatchedBrace(12)),
            ("http://h/p/[3-1]", BadRange("[3-1]".into())),
            ("http://h/p/[a-3]", BadRange("[a-3]".into())),
            ("http://h/p/[a-Z]", BadRange("[a-Z]".into())),
            ("http://h/p/[1]", BadRange("[1]".into())),
            ("http://h/p/[1-3:0]", BadRange("[1-3:0]".into())),
            ("http://h/p/[1-3:5]", BadRange("[1-3:5]".into())),
            ("http://h/p/[a-z:30]", BadRange("[a-z:30]".into())),
            ("http://h/p/[1-2 ]", BadRange("[1-2 ]".into())),
            ("http://h/items?ids=[1,2,3]", BadRange("[1,2,3]".into())),
            ("http://h/p/[ 1-2]", BadRangeStart("[ 1-2]".into())),
            ("http://h/p/{}", EmptyList(12)),
            ("http://h/p/x]y", UnmatchedClose { ch: ']', at: 13 }),
            ("http://h/p/x}y", UnmatchedClose { ch: '}', at: 13 }),
            ("http://h/p/{a,[1-2]}", Nested(12)),
            ("http://h/p/{a]}", CloseBracketInList(12)),
            ("http://h/p/[1-2]{a", UnmatchedBrace(17)),
            // `\\[` is a backslash, then a literal `[`: the `]` closes nothing.
            (r"http://h/p/\\[1-2]", UnmatchedClose { ch: ']', at: 18 }),
            (
                "http://h/p/[0-99999999999999999999]",
                BadRange("[0-99999999999999999999]".into()),
            ),
            ("http://h/[1-4294967296][1-4294967296]", Overflow),
        ];
        for (url, error) in cases {
            assert_eq!(expand(url), Err(error.clone()), "{url}");
        }
    }

    #[test]
    fn the_import_takes_the_first_url_and_says_how_many_curl_requests() {
        assert_eq!(
            first_url("http://h/page/[1-3]"),
            (
                "http://h/page/1".to_string(),
                Some(
                    "curl requests 3 URLs for this pattern (http://h/page/[1-3]); reqlab imports the first: \
                     http://h/page/1"
                        .to_string()
                )
            )
        );
        assert_eq!(
            first_url(r"http://h/q?f=\[x\]"),
            ("http://h/q?f=[x]".to_string(), None)
        );
        let (url, warning) = first_url("http://h/p/[3-1]");
        assert_eq!(url, "http://h/p/[3-1]");
        let warning = warning.unwrap_or_default();
        assert!(
            warning.starts_with("curl refuses this URL (bad range: [3-1]"),
            "{warning}"
        );
    }
}
