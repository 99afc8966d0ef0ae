//! Import stage, curl layer 1: shell words. Each dialect's lexer splits the text into commands and words
//! exactly as its shell would (quotes, escapes, continuations) without expanding or running anything; this
//! module picks the curl command and says what was left out.

mod bash;
mod cmd;
mod detect;
mod lexer;
mod powershell;

pub use detect::detect;

use super::CurlError;

/// The shell a command line is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// POSIX shells: bash, zsh, sh (and what Chrome and Firefox copy on Linux and macOS).
    Bash,
    /// Windows cmd.exe, whose `^` escapes reach curl.exe through the C runtime's argument rules.
    Cmd,
    /// PowerShell 7.3 or later, which passes arguments to curl.exe as written.
    PowerShell,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Bash, Dialect::Cmd, Dialect::PowerShell];

    pub fn id(self) -> &'static str {
        match self {
            Dialect::Bash => "bash",
            Dialect::Cmd => "cmd",
            Dialect::PowerShell => "powershell",
        }
    }

    pub fn from_id(id: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// One simple command as a lexer found it, and the operator that ended it (`|`, `&&`, a line break...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Segment {
    pub words: Vec<String>,
    pub ended_by: Option<String>,
}

/// What a lexer produced: the commands in order, and what it noticed (variables, substitutions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lexed {
    pub segments: Vec<Segment>,
    pub warnings: Vec<String>,
}

/// The words of the curl command (program name left out), and the warnings about the rest of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CurlCommand {
    pub words: Vec<String>,
    pub warnings: Vec<String>,
}

/// The shell's words of the whole text, every command, for tests and tools.
pub fn words(text: &str, dialect: Dialect) -> Result<Vec<Vec<String>>, CurlError> {
    Ok(lex(text, dialect)?
        .segments
        .into_iter()
        .map(|s| s.words)
        .collect())
}

fn lex(text: &str, dialect: Dialect) -> Result<Lexed, CurlError> {
    match dialect {
        Dialect::Bash => bash::lex(text),
        Dialect::Cmd => cmd::lex(text),
        Dialect::PowerShell => powershell::lex(text),
    }
}

/// True for the program word of a curl call: `curl`, `curl.exe`, `/usr/bin/curl`, `C:\...\curl.exe`.
fn is_curl(word: &str) -> bool {
    let base = word.rsplit(['/', '\\']).next().unwrap_or(word);
    base.eq_ignore_ascii_case("curl") || base.eq_ignore_ascii_case("curl.exe")
}

/// Splits the text with the dialect's lexer and returns the first curl command's arguments.
pub fn curl_words(text: &str, dialect: Dialect) -> Result<CurlCommand, CurlError> {
    let lexed = lex(text, dialect)?;
    let mut warnings = lexed.warnings;
    let segments: Vec<Segment> = lexed
        .segments
        .into_iter()
        .filter(|s| !s.words.is_empty())
        .collect();
    let Some(first) = segments.first() else {
        return Err(CurlError::Empty);
    };
    let found = segments.iter().enumerate().find_map(|(i, s)| {
        // A shell prompt pasted along (`$ curl ...`), `sudo` or `&` (PowerShell's call operator) may come first.
        let skip = s
            .words
            .iter()
            .take_while(|w| {
                matches!(w.as_str(), "$" | ">" | "PS>" | "sudo" | "&") || is_assignment(w)
            })
            .count();
        s.words.get(skip).filter(|w| is_curl(w)).map(|_| (i, skip))
    });
    let Some((index, skip)) = found else {
        let start: String = first.words.join(" ").chars().take(40).collect();
        return Err(CurlError::NotCurl(start));
    };
    if dialect == Dialect::PowerShell && segments[index].words[skip].eq_ignore_ascii_case("curl") {
        warnings.push(
            "In Windows PowerShell 5.1, `curl` is an alias of Invoke-WebRequest: run curl.exe to get curl."
                .to_string(),
        );
    }
    for (i, segment) in segments.iter().enumerate() {
        if i == index {
            continue;
        }
        let joiner = if i > 0 {
            segments[i - 1].ended_by.clone().unwrap_or_default()
        } else {
            String::new()
        };
        let shown: String = segment.words.join(" ").chars().take(60).collect();
        let shown = if joiner.is_empty() || joiner == "\n" {
            shown
        } else {
            format!("{joiner} {shown}")
        };
        warnings.push(format!(
            "Ignored `{shown}`: only the curl command is imported, and nothing is run."
        ));
    }
    let words = segments[index].words[skip + 1..].to_vec();
    Ok(CurlCommand { words, warnings })
}

/// `NAME=value` before a command sets an environment variable for it.
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// 1-based line of a character index, for messages about unclosed quotes.
pub(crate) fn line_of(chars: &[char], index: usize) -> usize {
    1 + chars[..index.min(chars.len())]
        .iter()
        .filter(|&&c| c == '\n')
        .count()
}

/// A shell variable becomes a reqlab variable, so the user can give it a value in the environment.
pub(crate) fn variable(name: &str, written: &str, warnings: &mut Vec<String>) -> String {
    let note = format!(
        "{written} is a shell variable: it became {{{{{name}}}}}; give it a value in the environment."
    );
    if !warnings.contains(&note) {
        warnings.push(note);
    }
    format!("{{{{{name}}}}}")
}

/// A command substitution is kept as written, never run.
pub(crate) fn substitution(written: &str, warnings: &mut Vec<String>) {
    let shown: String = written.chars().take(60).collect();
    warnings.push(format!(
        "{shown} would run a command: it is kept as text, not run. Replace it with its output."
    ));
}

/// Every word of the text in one list, whatever command it belongs to: what the dialects' tests compare.
#[cfg(test)]
pub(crate) fn flat_words(text: &str, dialect: Dialect) -> Vec<String> {
    words(text, dialect).expect("lexes").concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_curl_command_and_reports_the_rest() {
        let got = curl_words(
            "export T=1; curl -s https://h/x | jq '.data' && echo done",
            Dialect::Bash,
        )
        .expect("finds curl");
        assert_eq!(got.words, ["-s", "https://h/x"]);
        assert_eq!(
            got.warnings,
            [
                "Ignored `export T=1`: only the curl command is imported, and nothing is run.",
                "Ignored `| jq .data`: only the curl command is imported, and nothing is run.",
                "Ignored `&& echo done`: only the curl command is imported, and nothing is run.",
            ]
        );
    }

    #[test]
    fn prompts_and_paths_before_curl_are_accepted() {
        for text in [
            "$ curl http://h/",
            "/usr/bin/curl http://h/",
            "sudo curl http://h/",
        ] {
            let got = curl_words(text, Dialect::Bash).expect(text);
            assert_eq!(got.words, ["http://h/"], "{text}");
        }
        assert_eq!(
            curl_words("wget http://h/", Dialect::Bash),
            Err(CurlError::NotCurl("wget http://h/".into()))
        );
        assert_eq!(
            curl_words("  \n# only a comment\n", Dialect::Bash),
            Err(CurlError::Empty)
        );
    }
}
