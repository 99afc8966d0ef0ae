//! Quoting for POSIX shells (sh, bash, zsh): single quotes, where nothing is special.

/// A POSIX shell word that the shell passes through byte-exact: single quotes, where nothing is special,
/// with each `'` written as `'\''`. NUL cannot be carried by any shell word; callers warn about it.
pub fn posix_shell(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Like [`posix_shell`], but leaves a word bare when no shell reads anything special into it (`POST`,
/// `PROPFIND`), so common commands read naturally.
pub fn posix_shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b));
    if plain {
        s.to_string()
    } else {
        posix_shell(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_shell_quoting() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            ("it's", r"'it'\''s'"),
            (
                "$(rm -rf /) `x` !! {a,b} \\ \"",
                "'$(rm -rf /) `x` !! {a,b} \\ \"'",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(posix_shell(input), expected);
        }
    }

    #[test]
    fn posix_shell_word_stays_bare_only_when_safe() {
        let cases = [
            ("POST", "POST"),
            ("M-SEARCH", "M-SEARCH"),
            ("A|B", "'A|B'"),
            ("it's", r"'it'\''s'"),
            ("", "''"),
        ];
        for (input, expected) in cases {
            assert_eq!(posix_shell_word(input), expected);
        }
    }
}
