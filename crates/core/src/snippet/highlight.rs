//! Snippet stage, presentation: splits generated code into coloured tokens (keyword, string, number, comment,
//! flag, variable, punctuation) for the app's code view.
//!
//! It only has to read the code our own targets write, so it is a small table-driven lexer per language
//! family rather than a grammar: strings and comments are found exactly (they matter most, and they hide
//! everything else), the rest is word lists. It runs in the snippet worker, so the page carries none of it.
//! Every delimiter it looks for is ASCII, so token bounds always fall on UTF-8 character boundaries.
//!
//! Longer than most files (about 580 lines before its tests) because the families share one scanner and
//! their tables sit next to it; split by family, each part would need the scanner's internals.
//! About 810 lines, a quarter of them tests: one small lexer table per language family reads in one place.

/// What a token is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    String,
    Number,
    Comment,
    /// A command-line option: `--header`, `-H`, `-Uri`.
    Flag,
    /// `$name` in shells and PHP; header names in a raw HTTP message.
    Variable,
    Punct,
}

impl Kind {
    /// The short name the app's stylesheet uses (`tok-<class>`).
    pub fn class(self) -> &'static str {
        match self {
            Kind::Keyword => "kw",
            Kind::String => "str",
            Kind::Number => "num",
            Kind::Comment => "com",
            Kind::Flag => "flag",
            Kind::Variable => "var",
            Kind::Punct => "punct",
        }
    }
}

/// `code[start..end]` is one token; text between tokens is plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// One string delimiter pair. `doubled`: a doubled closing delimiter stands for itself (`'it''s'`).
struct Quote {
    open: &'static str,
    close: &'static str,
    escape: Option<u8>,
    doubled: bool,
}

const fn quote(open: &'static str, close: &'static str, escape: Option<u8>) -> Quote {
    Quote {
        open,
        close,
        escape,
        doubled: false,
    }
}

/// How one language family writes comments, strings, options and keywords.
struct Rules {
    line_comments: &'static [&'static str],
    /// Shells start a comment only at the start of a word (`a#b` is one word).
    comment_at_word_start: bool,
    block_comment: Option<(&'static str, &'static str)>,
    /// Longest opening first: `"""` must be tried before `"`.
    quotes: &'static [Quote],
    /// Words starting with `-` are options (command lines).
    flags: bool,
    /// `$name` and `${name}` are variables.
    dollar_variables: bool,
    /// `Invoke-RestMethod`: a dash between letters continues a word.
    dashed_words: bool,
    keywords_ignore_case: bool,
    keywords: &'static [&'static str],
}

const BACKSLASH: Option<u8> = Some(b'\\');

const SHELL: Rules = Rules {
    line_comments: &["#"],
    comment_at_word_start: true,
    block_comment: None,
    quotes: &[
        quote("$'", "'", BACKSLASH),
        quote("'", "'", None),
        quote("\"", "\"", BACKSLASH),
    ],
    flags: true,
    dollar_variables: true,
    dashed_words: false,
    keywords_ignore_case: false,
    keywords: &[
        "curl", "wget", "http", "https", "if", "then", "else", "fi", "for", "do", "done", "echo",
        "export", "printf",
    ],
};

const CMD: Rules = Rules {
    line_comments: &["::"],
    comment_at_word_start: true,
    block_comment: None,
    // cmd has no escape inside quotes: `^` is literal there.
    quotes: &[quote("\"", "\"", None)],
    flags: true,
    dollar_variables: false,
    dashed_words: false,
    keywords_ignore_case: true,
    keywords: &["curl", "echo", "set", "rem", "if", "else", "goto"],
};

const POWERSHELL: Rules = Rules {
    line_comments: &["#"],
    comment_at_word_start: true,
    block_comment: Some(("<#", "#>")),
    quotes: &[
        Quote {
            open: "'",
            close: "'",
            escape: None,
            doubled: true,
        },
        quote("\"", "\"", Some(b'`')),
    ],
    flags: true,
    dollar_variables: true,
    dashed_words: true,
    keywords_ignore_case: true,
    keywords: &[
        "invoke-restmethod",
        "invoke-webrequest",
        "get-item",
        "get-content",
        "write-output",
        "curl",
        "if",
        "else",
        "foreach",
        "try",
        "catch",
        "finally",
        "return",
        "param",
        "function",
        "new-object",
    ],
};

const PYTHON: Rules = Rules {
    line_comments: &["#"],
    comment_at_word_start: false,
    block_comment: None,
    quotes: &[
        quote("\"\"\"", "\"\"\"", BACKSLASH),
        quote("'''", "'''", BACKSLASH),
        quote("\"", "\"", BACKSLASH),
        quote("'", "'", BACKSLASH),
    ],
    flags: false,
    dollar_variables: false,
    dashed_words: false,
    keywords_ignore_case: false,
    keywords: &[
        "import", "from", "as", "with", "def", "return", "if", "elif", "else", "for", "in",
        "while", "try", "except", "finally", "raise", "class", "None", "True", "False", "and",
        "or", "not", "is", "lambda", "pass", "print", "open",
    ],
};

const JAVASCRIPT: Rules = Rules {
    line_comments: &["//"],
    comment_at_word_start: false,
    block_comment: Some(("/*", "*/")),
    quotes: &[
        quote("\"", "\"", BACKSLASH),
        quote("'", "'", BACKSLASH),
        quote("`", "`", BACKSLASH),
    ],
    flags: false,
    dollar_variables: false,
    dashed_words: false,
    keywords_ignore_case: false,
    keywords: &[
        "import",
        "from",
        "export",
        "const",
        "let",
        "var",
        "function",
        "return",
        "await",
        "async",
        "new",
        "if",
        "else",
        "for",
        "of",
        "in",
        "while",
        "try",
        "catch",
        "finally",
        "throw",
        "true",
        "false",
        "null",
        "undefined",
        "typeof",
        "this",
    ],
};

/// C, Java, C#, Go, Rust, Swift, Kotlin and Dart: close enough in strings and comments that one table
/// serves them all; the keyword list is their union.
const C_LIKE: Rules = Rules {
    line_comments: &["//"],
    comment_at_word_start: false,
    block_comment: Some(("/*", "*/")),
    quotes: &[
        quote("\"\"\"", "\"\"\"", BACKSLASH),
        quote("'''", "'''", BACKSLASH),
        quote("r#\"", "\"#", None),
        quote("@\"", "\"", None),
        quote("\"", "\"", BACKSLASH),
        quote("'", "'", BACKSLASH),
        quote("`", "`", None),
    ],
    flags: false,
    dollar_variables: false,
    dashed_words: false,
    keywords_ignore_case: false,
    keywords: &[
        // Shared by most of them.
        "if",
        "else",
        "for",
        "while",
        "return",
        "break",
        "continue",
        "switch",
        "case",
        "default",
        "new",
        "true",
        "false",
        "null",
        "nil",
        "void",
        "try",
        "catch",
        "finally",
        "throw",
        "throws",
        "import",
        "package",
        "class",
        "struct",
        "static",
        "public",
        "private",
        "final",
        "const",
        "var",
        "let",
        "in",
        "as",
        "is",
        "this",
        "self",
        "using",
        "namespace",
        "async",
        "await",
        // Language by language.
        "int",
        "char",
        "long",
        "unsigned",
        "size_t",
        "include",
        "func",
        "defer",
        "go",
        "range",
        "type",
        "interface",
        "fn",
        "mut",
        "use",
        "pub",
        "impl",
        "match",
        "Some",
        "None",
        "Ok",
        "Err",
        "val",
        "fun",
        "object",
        "override",
        "guard",
        "do",
        "String",
        "Future",
        "main",
    ],
};

const RUBY: Rules = Rules {
    line_comments: &["#"],
    comment_at_word_start: false,
    block_comment: None,
    quotes: &[quote("\"", "\"", BACKSLASH), quote("'", "'", BACKSLASH)],
    flags: false,
    dollar_variables: false,
    dashed_words: false,
    keywords_ignore_case: false,
    keywords: &[
        "require", "do", "end", "if", "else", "elsif", "unless", "def", "return", "puts", "print",
        "nil", "true", "false", "begin", "rescue", "ensure", "then", "class", "module", "File",
    ],
};

const PHP: Rules = Rules {
    line_comments: &["//", "#"],
    comment_at_word_start: false,
    block_comment: Some(("/*", "*/")),
    quotes: &[quote("\"", "\"", BACKSLASH), quote("'", "'", BACKSLASH)],
    flags: false,
    dollar_variables: true,
    dashed_words: false,
    keywords_ignore_case: true,
    keywords: &[
        "php",
        "require",
        "require_once",
        "use",
        "new",
        "echo",
        "array",
        "if",
        "else",
        "foreach",
        "as",
        "return",
        "function",
        "true",
        "false",
        "null",
        "try",
        "catch",
        "throw",
    ],
};

const PUNCT: &[u8] = b"()[]{},;:.=+-*/<>!&|?%^~\\@";

/// The tokens of `code`, written for a target whose files end in `.extension`, in order and without
/// overlaps. An unknown extension gets no tokens (plain text), never a guess.
pub fn highlight(code: &str, extension: &str) -> Vec<Token> {
    let rules = match extension {
        "sh" => &SHELL,
        "bat" | "cmd" => &CMD,
        "ps1" => &POWERSHELL,
        "py" => &PYTHON,
        "js" | "mjs" | "ts" => &JAVASCRIPT,
        "c" | "java" | "cs" | "go" | "rs" | "swift" | "kt" | "dart" => &C_LIKE,
        "rb" => &RUBY,
        "php" => &PHP,
        "http" => return http_message(code),
        _ => return Vec::new(),
    };
    Lexer {
        code: code.as_bytes(),
        rules,
        tokens: Vec::new(),
    }
    .run()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Lexer<'a> {
    code: &'a [u8],
    rules: &'static Rules,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn run(mut self) -> Vec<Token> {
        let mut i = 0;
        while i < self.code.len() {
            i = self.step(i);
        }
        self.tokens
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind) -> usize {
        // Neighbouring punctuation becomes one token: fewer spans for the page to render.
        match self.tokens.last_mut() {
            Some(last) if kind == Kind::Punct && last.kind == Kind::Punct && last.end == start => {
                last.end = end
            }
            _ => self.tokens.push(Token { start, end, kind }),
        }
        end
    }

    fn at(&self, i: usize, text: &str) -> bool {
        self.code[i..].starts_with(text.as_bytes())
    }

    fn word_start(&self, i: usize) -> bool {
        i == 0 || self.code[i - 1].is_ascii_whitespace()
    }

    /// Lexes one token (or skips one plain byte) at `i`; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        let rules = self.rules;
        let code = self.code;
        let byte = code[i];
        if rules.line_comments.iter().any(|c| self.at(i, c))
            && (!rules.comment_at_word_start || self.word_start(i))
        {
            let end = find(code, i, b"\n").unwrap_or(code.len());
            return self.push(i, end, Kind::Comment);
        }
        if let Some((open, close)) = rules.block_comment {
            if self.at(i, open) {
                let end = find(code, i + open.len(), close.as_bytes())
                    .map_or(code.len(), |at| at + close.len());
                return self.push(i, end, Kind::Comment);
            }
        }
        if let Some(q) = rules.quotes.iter().find(|q| self.at(i, q.open)) {
            let end = string_end(code, i + q.open.len(), q);
            return self.push(i, end, Kind::String);
        }
        let next = code.get(i + 1).copied().unwrap_or(0);
        if rules.flags
            && byte == b'-'
            && self.word_start(i)
            && (next.is_ascii_alphabetic() || next == b'-')
        {
            let end = scan(code, i + 1, |b| {
                !b.is_ascii_whitespace() && !b"='\"".contains(&b)
            });
            return self.push(i, end, Kind::Flag);
        }
        if rules.dollar_variables && byte == b'$' {
            if next == b'{' {
                let end = find(code, i, b"}").map_or(code.len(), |at| at + 1);
                return self.push(i, end, Kind::Variable);
            }
            if is_word_byte(next) {
                let end = scan(code, i + 1, is_word_byte);
                return self.push(i, end, Kind::Variable);
            }
        }
        if byte.is_ascii_digit() {
            let end = scan(code, i, |b| is_word_byte(b) || b == b'.');
            return self.push(i, end, Kind::Number);
        }
        if is_word_byte(byte) {
            let end = self.word_end(i);
            let word = &code[i..end];
            let keyword = rules.keywords.iter().any(|k| {
                if rules.keywords_ignore_case {
                    k.as_bytes().eq_ignore_ascii_case(word)
                } else {
                    k.as_bytes() == word
                }
            });
            if keyword {
                return self.push(i, end, Kind::Keyword);
            }
            return end;
        }
        if PUNCT.contains(&byte) {
            return self.push(i, i + 1, Kind::Punct);
        }
        i + 1
    }

    fn word_end(&self, i: usize) -> usize {
        let code = self.code;
        let mut end = scan(code, i, is_word_byte);
        while self.rules.dashed_words
            && code.get(end) == Some(&b'-')
            && code.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            end = scan(code, end + 1, is_word_byte);
        }
        end
    }
}

/// First index at or after `from` where `code` holds `needle`.
fn find(code: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    code.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// First index at or after `from` whose byte does not satisfy `keep`.
fn scan(code: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    code[from..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(code.len(), |at| from + at)
}

/// Where the string whose body starts at `from` ends (after its closing delimiter); an unterminated string
/// runs to the end of the code.
fn string_end(code: &[u8], from: usize, q: &Quote) -> usize {
    let close = q.close.as_bytes();
    let mut i = from;
    while i < code.len() {
        if Some(code[i]) == q.escape {
            i += 2;
            continue;
        }
        if code[i..].starts_with(close) {
            if q.doubled && code[i + close.len()..].starts_with(close) {
                i += 2 * close.len();
                continue;
            }
            return i + close.len();
        }
        i += 1;
    }
    code.len()
}

/// A raw HTTP/1.1 message: the method and version are keywords, the target a string, header names
/// variables; the body stays plain.
fn http_message(code: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut offset = 0;
    for (index, line) in code.split('\n').enumerate() {
        let text = line.trim_end_matches('\r');
        if text.is_empty() {
            break;
        }
        if index == 0 {
            let mut at = 0;
            for (n, part) in text.split(' ').enumerate() {
                let kind = if n == 1 { Kind::String } else { Kind::Keyword };
                if !part.is_empty() {
                    tokens.push(Token {
                        start: offset + at,
                        end: offset + at + part.len(),
                        kind,
                    });
                }
                at += part.len() + 1;
            }
        } else if let Some(colon) = text.find(':').filter(|&at| at > 0) {
            tokens.push(Token {
                start: offset,
                end: offset + colon,
                kind: Kind::Variable,
            });
            tokens.push(Token {
                start: offset + colon,
                end: offset + colon + 1,
                kind: Kind::Punct,
            });
        }
        offset += line.len() + 1;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::tests::writes_every_request;
    use crate::snippet::{Options, TARGETS};
    use crate::{prepare, Environment, Request};
    use proptest::prelude::*;

    /// The tokens as `(text, kind)`, to compare with a table.
    fn lex(code: &str, extension: &str) -> Vec<(std::string::String, Kind)> {
        highlight(code, extension)
            .into_iter()
            .map(|t| (code[t.start..t.end].to_string(), t.kind))
            .collect()
    }

    use Kind::*;

    /// `(extension, code, expected tokens as (text, kind))`.
    type Case = (&'static str, &'static str, &'static [(&'static str, Kind)]);

    #[test]
    fn each_family_finds_its_tokens() {
        let cases: &[Case] = &[
            (
                "sh",
                "curl --url 'https://h/x?a=1' -H \"A: \\\"b\\\"\" # note",
                &[
                    ("curl", Keyword),
                    ("--url", Flag),
                    ("'https://h/x?a=1'", String),
                    ("-H", Flag),
                    ("\"A: \\\"b\\\"\"", String),
                    ("# note", Comment),
                ],
            ),
            // `#` inside a word and `-` inside a word are neither comment nor flag.
            (
                "sh",
                "a#b x-y $'it\\'s' $HOME",
                &[("-", Punct), ("$'it\\'s'", String), ("$HOME", Variable)],
            ),
            (
                "sh",
                "--data-raw='x'",
                &[("--data-raw", Flag), ("=", Punct), ("'x'", String)],
            ),
            (
                "bat",
                "curl ^\n  -H \"a^b\" 10",
                &[
                    ("curl", Keyword),
                    ("^", Punct),
                    ("-H", Flag),
                    ("\"a^b\"", String),
                    ("10", Number),
                ],
            ),
            (
                "ps1",
                "$r = Invoke-RestMethod -Uri 'it''s' -Body \"a`\"b\"",
                &[
                    ("$r", Variable),
                    ("=", Punct),
                    ("Invoke-RestMethod", Keyword),
                    ("-Uri", Flag),
                    ("'it''s'", String),
                    ("-Body", Flag),
                    ("\"a`\"b\"", String),
                ],
            ),
            (
                "py",
                "import requests\nx = \"\"\"a\"b\"\"\" # c\nrequests.get(url, timeout=2.5)",
                &[
                    ("import", Keyword),
                    ("=", Punct),
                    ("\"\"\"a\"b\"\"\"", String),
                    ("# c", Comment),
                    (".", Punct),
                    ("(", Punct),
                    (",", Punct),
                    ("=", Punct),
                    ("2.5", Number),
                    (")", Punct),
                ],
            ),
            (
                "mjs",
                "const r = await fetch(`a${b}`, {}); // done\n/* x */",
                &[
                    ("const", Keyword),
                    ("=", Punct),
                    ("await", Keyword),
                    ("(", Punct),
                    ("`a${b}`", String),
                    (",", Punct),
                    ("{});", Punct),
                    ("// done", Comment),
                    ("/* x */", Comment),
                ],
            ),
            (
                "rs",
                "let s = r#\"a\"b\"#; // 'x'",
                &[
                    ("let", Keyword),
                    ("=", Punct),
                    ("r#\"a\"b\"#", String),
                    (";", Punct),
                    ("// 'x'", Comment),
                ],
            ),
            (
                "go",
                "x := `raw\\` + \"s\"",
                &[
                    (":=", Punct),
                    ("`raw\\`", String),
                    ("+", Punct),
                    ("\"s\"", String),
                ],
            ),
            (
                "php",
                "<?php\n$ch = curl_init('u'); # c",
                &[
                    ("<?", Punct),
                    ("php", Keyword),
                    ("$ch", Variable),
                    ("=", Punct),
                    ("(", Punct),
                    ("'u'", String),
                    (");", Punct),
                    ("# c", Comment),
                ],
            ),
            (
                "rb",
                "require \"net/http\" # c",
                &[
                    ("require", Keyword),
                    ("\"net/http\"", String),
                    ("# c", Comment),
                ],
            ),
            (
                "http",
                "POST /a?b=1 HTTP/1.1\r\nHost: h\r\n\r\nBody: not a header",
                &[
                    ("POST", Keyword),
                    ("/a?b=1", String),
                    ("HTTP/1.1", Keyword),
                    ("Host", Variable),
                    (":", Punct),
                ],
            ),
            // Unknown extensions get no colours rather than wrong ones.
            ("txt", "if \"x\"", &[]),
        ];
        for (extension, code, expected) in cases {
            let expected: Vec<(std::string::String, Kind)> =
                expected.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(lex(code, extension), expected, "{extension}: {code}");
        }
    }

    #[test]
    fn unterminated_strings_and_comments_run_to_the_end() {
        assert_eq!(
            lex("x = 'abc", "py"),
            [("=".into(), Punct), ("'abc".into(), String)]
        );
        assert_eq!(lex("/* abc", "c"), [("/* abc".into(), Comment)]);
        assert_eq!(lex("'a\\", "js"), [("'a\\".into(), String)]);
    }

    fn assert_well_formed(code: &str, tokens: &[Token]) {
        let mut previous_end = 0;
        for t in tokens {
            assert!(
                t.start >= previous_end && t.start < t.end && t.end <= code.len(),
                "{t:?}"
            );
            assert!(
                code.is_char_boundary(t.start) && code.is_char_boundary(t.end),
                "{t:?}"
            );
            previous_end = t.end;
        }
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_disjoint_and_on_char_boundaries(
            code in "[ -~\n\r\té€😀\\\\]{0,80}",
            extension in prop::sample::select(vec!["sh", "bat", "ps1", "py", "js", "c", "rb", "php", "http"]),
        ) {
            assert_well_formed(&code, &highlight(&code, extension));
        }
    }

    /// Every target's own code: well-formed tokens, and its URL's path inside a string (what the app's e2e test
    /// looks for), so a target that writes strings some new way shows up here.
    #[test]
    fn every_target_has_its_url_in_a_string_token() {
        let request = Request {
            url: "https://api.example.com/v1/items?page=2".into(),
            ..Request::default()
        };
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        for target in TARGETS.iter().filter(|t| writes_every_request(t)) {
            let code = target.generate(&prepared, &Options::default()).code;
            let tokens = highlight(&code, target.extension);
            assert_well_formed(&code, &tokens);
            // http.client and the raw message write the host apart from the path, so the path is what every
            // target must have in one string.
            let expected = "/v1/items?page=2";
            assert!(
                tokens
                    .iter()
                    .any(|t| t.kind == String && code[t.start..t.end].contains(expected)),
                "{}: no string token holds the URL in\n{code}\n{tokens:?}",
                target.id
            );
        }
    }
}
