//! Edit stage: keeps the URL field and the query and path-variable tables in step, in both directions.
//!
//! The table holds decoded text (`a b`, `ü`, `&`); the URL holds it encoded just enough to keep its structure
//! (`a%20b`, `ü`, `%26`). `+` in a URL means a space, as every form-decoding server reads it. Rows switched off
//! live only in the table.

use crate::edit::model::KeyValue;

/// The query table after the user edited the URL text: the URL's pairs, decoded, with the rows that were
/// switched off kept at their places.
pub fn query_from_url(url: &str, previous: &[KeyValue]) -> Vec<KeyValue> {
    let mut rows: Vec<KeyValue> = split_query(url)
        .map(|query| {
            query
                .split('&')
                .map(decode_pair)
                .filter(|row| !(row.key.is_empty() && row.value.is_empty()))
                .collect()
        })
        .unwrap_or_default();
    for (index, row) in previous.iter().enumerate() {
        if !row.enabled {
            rows.insert(index.min(rows.len()), row.clone());
        }
    }
    rows
}

/// The URL text after the user edited the query table: its query string rebuilt from the enabled rows.
pub fn url_with_query(url: &str, rows: &[KeyValue]) -> String {
    with_rows(url, rows, false)
}

/// The URL text with the enabled rows added after the query it has (prepare's GraphQL over HTTP GET).
pub fn url_with_more_query(url: &str, rows: &[KeyValue]) -> String {
    with_rows(url, rows, true)
}

fn with_rows(url: &str, rows: &[KeyValue], keep: bool) -> String {
    let (before, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
    let (base, kept) = before.split_once('?').unwrap_or((before, ""));
    let mut out = base.to_string();
    let mut joiner = '?';
    if keep && !kept.is_empty() {
        out.push('?');
        out.push_str(kept);
        joiner = '&';
    }
    for row in rows {
        if !row.enabled || (row.key.is_empty() && row.value.is_empty()) {
            continue;
        }
        out.push(joiner);
        joiner = '&';
        out.push_str(&encode(&row.key, true));
        if !row.value.is_empty() {
            out.push('=');
            out.push_str(&encode(&row.value, false));
        }
    }
    out.push_str(fragment);
    out
}

/// The query string of a URL as typed (without `?` and fragment), if it has one.
fn split_query(url: &str) -> Option<&str> {
    let before_fragment = url.split('#').next().unwrap_or_default();
    before_fragment.split_once('?').map(|(_, q)| q)
}

fn decode_pair(pair: &str) -> KeyValue {
    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
    KeyValue::new(decode(key), decode(value))
}

/// Percent-decodes as a form decoder does (`+` is a space); a `%` that starts no valid escape stays as it is.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex_pair(bytes[i + 1], bytes[i + 2]).is_some() => {
                out.extend(hex_pair(bytes[i + 1], bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(high: u8, low: u8) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(high)? * 16 + digit(low)?) as u8)
}

/// Encodes what would change the query's structure or meaning: `%`, `&`, `#`, `+`, space, controls, and `=`
/// in keys. Everything else stays readable; `prepare` encodes the rest for the wire.
fn encode(text: &str, is_key: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' | '&' | '#' | '+' | ' ' => out.push_str(&format!("%{:02X}", ch as u32)),
            '=' if is_key => out.push_str("%3D"),
            c if c.is_ascii_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Names of the path variables in a URL: segments written `:name` or `{name}`, in order, without repeats.
pub fn path_variable_names(url: &str) -> Vec<String> {
    let path = url_path(url);
    let mut names: Vec<String> = Vec::new();
    for segment in path.split('/') {
        let name = segment
            .strip_prefix(':')
            .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
        if let Some(name) = name.filter(|n| is_variable_name(n)) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The path-variable table after the URL changed: one row per variable in the URL, keeping known values.
pub fn path_variables_from_url(url: &str, previous: &[KeyValue]) -> Vec<KeyValue> {
    path_variable_names(url)
        .into_iter()
        .map(|name| {
            let value = previous
                .iter()
                .find(|row| row.key == name)
                .map(|row| row.value.clone())
                .unwrap_or_default();
            KeyValue::new(name, value)
        })
        .collect()
}

/// Replaces `:name` and `{name}` path segments that have a value, percent-encoding the value as one segment.
/// Segments without a value stay as typed, as in Postman.
pub fn substitute_path_variables(url: &str, values: &[KeyValue]) -> String {
    let path = url_path(url);
    let start = url.len() - url[url.find(path).unwrap_or(url.len())..].len();
    let replaced: Vec<String> = path
        .split('/')
        .map(|segment| {
            let name = segment
                .strip_prefix(':')
                .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
            let value = name.and_then(|name| {
                values
                    .iter()
                    .find(|row| row.enabled && row.key == name && !row.value.is_empty())
            });
            match value {
                Some(row) => encode_segment(&row.value),
                None => segment.to_string(),
            }
        })
        .collect();
    format!(
        "{}{}{}",
        &url[..start],
        replaced.join("/"),
        &url[start + path.len()..]
    )
}

/// The path part of a URL as typed: after the authority, before `?` or `#`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    let rest = &url[after_scheme..];
    let Some(path_start) = rest.find('/') else {
        return "";
    };
    let path = &rest[path_start..];
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

fn is_variable_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn encode_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows(pairs: &[(&str, &str)]) -> Vec<KeyValue> {
        pairs.iter().map(|(k, v)| KeyValue::new(*k, *v)).collect()
    }

    #[test]
    fn url_to_table_decodes_and_keeps_order_and_duplicates() {
        let cases: [(&str, Vec<KeyValue>); 6] = [
            ("http://h/p", vec![]),
            ("http://h/p?", vec![]),
            (
                "http://h/p?a=1&b=2&a=3",
                rows(&[("a", "1"), ("b", "2"), ("a", "3")]),
            ),
            (
                "http://h/p?q=a+b%26c&e=%C3%A9#frag",
                rows(&[("q", "a b&c"), ("e", "é")]),
            ),
            (
                "http://h/p?flag&&x=&=v",
                rows(&[("flag", ""), ("x", ""), ("", "v")]),
            ),
            ("http://h/p?bad=%zz%4", rows(&[("bad", "%zz%4")])),
        ];
        for (url, expected) in cases {
            assert_eq!(query_from_url(url, &[]), expected, "url {url}");
        }
    }

    #[test]
    fn switched_off_rows_survive_url_edits_at_their_place() {
        let mut previous = rows(&[("a", "1"), ("off", "x"), ("b", "2")]);
        previous[1].enabled = false;
        let table = query_from_url("http://h/?a=1&b=22", &previous);
        assert_eq!(table.len(), 3);
        assert_eq!((table[1].key.as_str(), table[1].enabled), ("off", false));
        assert_eq!(table[2].value, "22");
    }

    #[test]
    fn table_to_url_encodes_only_what_would_break_the_query() {
        let mut table = rows(&[
            ("q", "a b&c"),
            ("k=1", "x=y"),
            ("e", "é+%"),
            ("flag", ""),
            ("", ""),
        ]);
        table.push(KeyValue {
            enabled: false,
            ..KeyValue::new("off", "1")
        });
        assert_eq!(
            url_with_query("http://h/p?old=1#frag", &table),
            "http://h/p?q=a%20b%26c&k%3D1=x=y&e=é%2B%25&flag#frag"
        );
        assert_eq!(url_with_query("http://h/p?old=1", &[]), "http://h/p");
    }

    #[test]
    fn path_variables_are_found_kept_and_substituted() {
        let url = "https://h/users/:id/posts/{post_id}/x:y?q=:not";
        assert_eq!(path_variable_names(url), ["id", "post_id"]);
        let previous = rows(&[("post_id", "7"), ("gone", "1")]);
        let table = path_variables_from_url(url, &previous);
        assert_eq!(table, rows(&[("id", ""), ("post_id", "7")]));
        let table = rows(&[("id", "a b/c"), ("post_id", "7")]);
        assert_eq!(
            substitute_path_variables(url, &table),
            "https://h/users/a%20b%2Fc/posts/7/x:y?q=:not"
        );
        assert_eq!(substitute_path_variables(url, &[]), url);
    }

    fn any_text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-Z0-9 &=+%#?/:éü✓\\[\\]{}'\"!$-]{0,12}")
            .expect("valid regex")
    }

    proptest! {
        #[test]
        fn table_to_url_to_table_is_the_identity(
            pairs in proptest::collection::vec((any_text(), any_text()), 0..6)
        ) {
            let table: Vec<KeyValue> = pairs
                .iter()
                .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
                .map(|(k, v)| KeyValue::new(k.clone(), v.clone()))
                .collect();
            let url = url_with_query("https://h/p", &table);
            prop_assert_eq!(query_from_url(&url, &[]), table);
        }

        #[test]
        fn url_to_table_to_url_is_stable(query in "[a-z0-9=&+%# éü]{0,24}") {
            let url = format!("https://h/p?{query}");
            let once = url_with_query(&url, &query_from_url(&url, &[]));
            let twice = url_with_query(&once, &query_from_url(&once, &[]));
            prop_assert_eq!(&once, &twice);
            prop_assert_eq!(query_from_url(&once, &[]), query_from_url(&url, &[]));
        }
    }
}
