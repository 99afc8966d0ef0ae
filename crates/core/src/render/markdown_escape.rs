//! Render stage, Markdown escaping: text and attribute escaping, entity references, and the link rules
//! (which URLs may become an `href`). Everything the renderer writes from the source passes through here.

/// Schemes a link may have; anything else (`javascript:`, `data:`, `vbscript:`, `file:`...) renders as text.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Appends `text` escaped for HTML text and attribute values alike.
pub(super) fn text(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// The length of the entity reference at the start of `s` (`&amp;`, `&#35;`, `&#x22;`), if it is one.
/// Such a reference is copied to the output as it is: the browser decodes it into text, never markup.
pub(super) fn entity_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?.as_bytes();
    let (skip, max, digit): (usize, usize, fn(&u8) -> bool) = match body {
        [b'#', b'x' | b'X', ..] => (2, 6, u8::is_ascii_hexdigit),
        [b'#', ..] => (1, 7, u8::is_ascii_digit),
        [first, ..] if first.is_ascii_alphabetic() => (0, 32, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let run = body[skip..]
        .iter()
        .take(max + 1)
        .take_while(|b| digit(b))
        .count();
    let end = skip + run;
    (run >= 1 && run <= max && body.get(end) == Some(&b';')).then_some(end + 2)
}

/// The character an entity reference stands for, for URLs and titles, where the renderer must know what
/// the browser will read. Numeric references all decode; of the named ones only those that can matter to
/// a URL's meaning do (the others stay as text, and are escaped, so the browser cannot decode them either).
fn decode_entity(reference: &str) -> Option<char> {
    let name = &reference[1..reference.len() - 1];
    let number = match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
        Some(decimal) => decimal.parse().ok(),
        None => {
            return Some(match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "colon" => ':',
                "sol" => '/',
                "Tab" => '\t',
                "NewLine" => '\n',
                "nbsp" => '\u{a0}',
                _ => return None,
            })
        }
    };
    let c = number.filter(|n| *n != 0).and_then(char::from_u32);
    Some(c.unwrap_or(char::REPLACEMENT_CHARACTER))
}

/// A link destination or title as written, with backslash escapes and entity references resolved.
pub(super) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['\\', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let next = rest[1..].chars().next();
        if rest.starts_with('\\') && next.is_some_and(|c| c.is_ascii_punctuation()) {
            out.extend(next);
            rest = &rest[2..];
        } else if let Some((c, len)) =
            entity_len(rest).and_then(|len| decode_entity(&rest[..len]).map(|c| (c, len)))
        {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A destination that may be linked to: the `href` value (percent-encoded and escaped, ready to write) and
/// whether it leaves the page (then it opens in a new tab, without an opener or referrer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Href {
    pub value: String,
    pub external: bool,
}

/// The `href` for `destination` (unescaped), or `None` when it must not be linked. The check reads the URL as
/// a browser would: whitespace and control characters anywhere are dropped before the scheme is looked for,
/// so `java\tscript:` and ` javascript:` are caught. What is written is percent-encoded, so the browser
/// reads the same characters the check saw.
pub(super) fn href(destination: &str) -> Option<Href> {
    let seen: String = destination
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let external = match seen.find([':', '/', '?', '#']) {
        Some(colon) if seen[colon..].starts_with(':') => {
            let scheme = seen[..colon].to_ascii_lowercase();
            if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
                return None;
            }
            true
        }
        // `//host` and, as browsers read backslashes, `\\host`: another site without a scheme.
        _ => seen.starts_with(['/', '\\']) && seen[1..].starts_with(['/', '\\']),
    };
    let mut value = String::with_capacity(destination.len());
    text(&mut value, &percent_encode(destination));
    Some(Href { value, external })
}

/// Characters kept as they are in an `href`; every other byte is percent-encoded (as CommonMark renderers do).
fn url_safe(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_.+!*'(),%#@?=;:/&$~".contains(&byte)
}

fn percent_encode(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (i, &byte) in url.as_bytes().iter().enumerate() {
        let escaped_percent = byte == b'%' && !is_percent_escape(&url.as_bytes()[i..]);
        if url_safe(byte) && !escaped_percent {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn is_percent_escape(bytes: &[u8]) -> bool {
    bytes.len() >= 3 && bytes[1].is_ascii_hexdigit() && bytes[2].is_ascii_hexdigit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_destinations_become_links() {
        let cases: [(&str, Option<(&str, bool)>); 16] = [
            (
                "https://example.com/a b",
                Some(("https://example.com/a%20b", true)),
            ),
            ("HTTP://x", Some(("HTTP://x", true))),
            ("mailto:a@b.c", Some(("mailto:a@b.c", true))),
            ("#section", Some(("#section", false))),
            (
                "../pets?id=1&x='",
                Some(("../pets?id=1&amp;x=&#39;", false)),
            ),
            ("//cdn.example", Some(("//cdn.example", true))),
            ("", Some(("", false))),
            ("javascript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            (" javascript:alert(1)", None),
            ("java\tscript:alert(1)", None),
            ("java\nscript:alert(1)", None),
            ("\u{1}javascript:x", None),
            ("data:text/html,x", None),
            ("vbscript:msgbox", None),
            (
                "javascript%3Aalert(1)",
                Some(("javascript%3Aalert(1)", false)),
            ),
        ];
        for (destination, expected) in cases {
            let got = href(destination);
            let got = got.as_ref().map(|h| (h.value.as_str(), h.external));
            assert_eq!(got, expected, "{destination:?}");
        }
    }

    #[test]
    fn unescaping_resolves_escapes_and_entities_a_url_could_hide_behind() {
        let cases = [
            ("&#106;avascript&colon;x", "javascript:x"),
            ("&#x6A;&#X61;", "ja"),
            ("a\\*b\\c", "a*b\\c"),
            ("&copy; &amp", "&copy; &amp"),
            ("&#0;", "\u{fffd}"),
            ("&#99999999;", "&#99999999;"),
        ];
        for (raw, expected) in cases {
            assert_eq!(unescape(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn entity_references_are_recognised_by_shape() {
        let cases = [
            ("&amp; x", Some(5)),
            ("&#35;", Some(5)),
            ("&#x22;", Some(6)),
            ("&#;", None),
            ("&x", None),
            ("& x;", None),
            ("&#12345678;", None),
        ];
        for (s, expected) in cases {
            assert_eq!(entity_len(s), expected, "{s:?}");
        }
    }
}
