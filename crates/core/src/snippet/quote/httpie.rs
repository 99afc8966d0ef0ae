//! Quoting for HTTPie request items (`Name:value`, `field=value`, `field@file`): the layer inside the shell
//! word. HTTPie splits an item at its first separator (`:` `;` `=` `@` and their combinations `:=` `==` `=@`
//! `:@` ...) and reads a backslash before any of the characters `: ; = @` as "this one is literal".

const SPECIAL: &[char] = &[':', ';', '=', '@'];

/// The key of an item, with every separator character made literal.
pub fn httpie_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for ch in key.chars() {
        if SPECIAL.contains(&ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The value of an item. Only its first character can combine with the separator before it (`:` + `=` is
/// `:=`, raw JSON; `=` + `@` is `=@`, read a file), so only that one is escaped.
pub fn httpie_value(value: &str) -> String {
    match value.chars().next() {
        Some(first) if SPECIAL.contains(&first) => format!("\\{value}"),
        _ => value.to_string(),
    }
}

/// Whether HTTPie reads the item back exactly: it drops a backslash that precedes `: ; = @` anywhere, and no
/// escape brings such a backslash back.
pub fn httpie_can_carry(text: &str) -> bool {
    !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'\\' && b":;=@".contains(&w[1]))
}

/// Whether HTTPie reads the key of an item back exactly: besides [`httpie_can_carry`], a trailing backslash
/// would escape the separator written after the key.
pub fn httpie_can_carry_key(key: &str) -> bool {
    httpie_can_carry(key) && !key.ends_with('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values() {
        let keys = [
            ("X-Tag", "X-Tag"),
            ("a=b:c", r"a\=b\:c"),
            ("x@y;", r"x\@y\;"),
        ];
        for (input, expected) in keys {
            assert_eq!(httpie_key(input), expected);
        }
        let values = [
            ("plain", "plain"),
            ("@/etc/passwd", r"\@/etc/passwd"),
            ("=x", r"\=x"),
            ("a=b:c@d", "a=b:c@d"),
            ("", ""),
        ];
        for (input, expected) in values {
            assert_eq!(httpie_value(input), expected);
        }
        let carry = [
            (r"a\b", true),
            (r"a\:b", false),
            ("a:b", true),
            (r"end\", true),
        ];
        for (input, expected) in carry {
            assert_eq!(httpie_can_carry(input), expected);
        }
        assert!(!httpie_can_carry_key(r"end\"));
        assert!(httpie_can_carry_key("a b"));
    }
}
