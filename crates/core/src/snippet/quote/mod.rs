//! Snippet stage helper: literal quoting, one module per language family. Every byte of user data that
//! reaches generated code passes through one of these functions, so escaping bugs have exactly one place to
//! live. Generators never concatenate user data into code by hand.

pub mod c_like;
pub mod cmd;
pub mod curl;
pub mod httpie;
pub mod javascript;
pub mod php;
pub mod powershell;
pub mod python;
pub mod ruby;
pub mod shell;

pub use python::python_str;
pub use shell::{posix_shell, posix_shell_word};

/// The characters either side of the one being escaped, for escapes that depend on them (a `?` after a `?`
/// in C, a `<` before `/` in JavaScript).
#[derive(Clone, Copy)]
pub(crate) struct Neighbours {
    pub previous: Option<char>,
    pub next: Option<char>,
}

/// `s` between two `quote` marks, each character written as `escape` says, or as itself when it says
/// nothing. The quoters that escape character by character share this walk, so each states only its escapes.
pub(crate) fn escape_each(
    s: &str,
    quote: char,
    mut escape: impl FnMut(char, Neighbours) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    let mut previous = None;
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        let next = chars.peek().copied();
        match escape(ch, Neighbours { previous, next }) {
            Some(escaped) => out.push_str(&escaped),
            None => out.push(ch),
        }
        previous = Some(ch);
    }
    out.push(quote);
    out
}

/// A double-quoted literal with backslash escapes. The C family, JavaScript, Python, Ruby and PHP agree on
/// `\\ \" \n \r \t`; any other character goes to the language's `escape`.
pub(crate) fn backslash_quoted(
    s: &str,
    mut escape: impl FnMut(char, Neighbours) -> Option<String>,
) -> String {
    escape_each(s, '"', |ch, around| {
        let common = match ch {
            '\\' => r"\\",
            '"' => "\\\"",
            '\n' => r"\n",
            '\r' => r"\r",
            '\t' => r"\t",
            _ => return escape(ch, around),
        };
        Some(common.to_string())
    })
}

/// `\xHH`, always two digits, so a hex digit after it is never read as part of the escape.
pub(crate) fn hex_byte_escape(c: char) -> String {
    format!("\\x{:02x}", c as u32)
}

/// `\u{H..}`, the braced code point escape (Swift, Dart, Rust, Ruby, PHP).
pub(crate) fn braced_unicode_escape(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// Unicode control and format characters (categories Cc and Cf, plus line/paragraph separators) that render
/// as nothing or reorder text.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}
