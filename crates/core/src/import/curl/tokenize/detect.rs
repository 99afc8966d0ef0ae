//! Import stage, curl layer 1: guesses which shell a pasted command was written for, from the marks each
//! one leaves (line continuations first, then quoting habits). The user can always override it.

use super::Dialect;

pub fn detect(text: &str) -> Dialect {
    let mut votes = [0usize; 3];
    for line in text.lines() {
        let line = line.trim_end();
        if line.ends_with('`') {
            votes[2] += 1;
        } else if line.ends_with('^') {
            votes[1] += 1;
        } else if line.ends_with('\\') {
            votes[0] += 1;
        }
    }
    let best = (0..3).max_by_key(|&i| (votes[i], std::cmp::Reverse(i)));
    if let Some(i) = best.filter(|&i| votes[i] > 0) {
        return Dialect::ALL[i];
    }
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let cmd_marks = ["^\"", "^&", "^|", "^<", "^>", "^%"];
    // Invoke-WebRequest's parameters: someone ran `curl` in Windows PowerShell, where it is that cmdlet.
    let cmdlet_params = ["-Uri ", "-Method ", "-Headers ", "-Body ", "-OutFile "];
    if cmd_marks.iter().any(|m| text.contains(m)) || has_cmd_variable(text) {
        Dialect::Cmd
    } else if first_word.eq_ignore_ascii_case("curl.exe")
        || first_word == "&"
        || text.contains("$env:")
        || cmdlet_params.iter().any(|p| text.contains(p))
    {
        Dialect::PowerShell
    } else if first_word.eq_ignore_ascii_case("curl") && has_doubled_quotes(text) {
        // `"{""a"":1}"`: quotes doubled inside double quotes, as Firefox writes for Windows.
        Dialect::Cmd
    } else {
        Dialect::Bash
    }
}

/// `%NAME%`, cmd's variable syntax.
fn has_cmd_variable(text: &str) -> bool {
    text.split('%').skip(1).step_by(2).any(|name| {
        // A name starting with two hex digits is more likely a run of percent-escapes (`%E2%80%AEa%`).
        let escape = name.len() >= 2 && name.chars().take(2).all(|c| c.is_ascii_hexdigit());
        !escape
            && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }) && text.matches('%').count() >= 2
}

fn has_doubled_quotes(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w[0] != b' ' && w[1] == b'"' && w[2] == b'"' && w[3] != b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_shell() {
        let cases = [
            ("curl 'http://h/' \\\n  -H 'a: b'", Dialect::Bash),
            ("curl \"http://h/\" ^\n  -H \"a: b\"", Dialect::Cmd),
            ("curl.exe 'http://h/' `\n  -H 'a: b'", Dialect::PowerShell),
            ("curl ^\"http://h/^\"", Dialect::Cmd),
            ("curl --url \"http://h/a\"^%\"20\"", Dialect::Cmd),
            ("curl.exe --url 'http://h/'", Dialect::PowerShell),
            ("curl http://h/", Dialect::Bash),
            ("curl $'a\\nb' http://h/", Dialect::Bash),
            ("curl -H \"X: %TOKEN%\" http://h/", Dialect::Cmd),
            ("curl 'http://h/?q=%E2%80%94&r=%41%42'", Dialect::Bash),
            ("curl 'http://h/%E2%80%AEa%C3%A9'", Dialect::Bash),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text:?}");
        }
    }
}
