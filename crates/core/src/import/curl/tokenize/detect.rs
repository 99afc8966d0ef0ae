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
    if text.contains("^\"") || text.contains("\"^%\"") || text.contains("\"\\^\"\"") {
        Dialect::Cmd
    } else if first_word.eq_ignore_ascii_case("curl.exe")
        || first_word == "&"
        || text.contains("$env:")
        || text.contains("`\"")
    {
        Dialect::PowerShell
    } else {
        Dialect::Bash
    }
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
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text:?}");
        }
    }
}
