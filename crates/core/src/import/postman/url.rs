//! Import stage, Postman URLs: a request's `url` (a string, or an object with `raw`, `host`, `path`, `query`
//! and `variable`) becomes the URL text with its query and path-variable tables; export splits it again.

use super::rows::key_values;
use super::PostmanError;
use crate::edit::model::KeyValue;
use crate::edit::query::{decode, path_variables_from_url, query_from_url, url_with_query};
use crate::import::read::{as_object, index, join, Obj};
use serde_json::{json, Value};

/// A URL as the editor holds it: the text, its query table (switched-off rows included) and the values of
/// its `:name` path segments.
#[derive(Default)]
pub(super) struct EditorUrl {
    pub text: String,
    pub query: Vec<KeyValue>,
    pub path_variables: Vec<KeyValue>,
}

pub(super) fn read(value: Option<&Value>, path: &str) -> Result<EditorUrl, PostmanError> {
    let (text, rows, variables) = match value {
        None => (String::new(), Vec::new(), Vec::new()),
        Some(Value::String(text)) => (text.clone(), Vec::new(), Vec::new()),
        Some(other) => {
            let url = as_object(path, other)?;
            let rows = key_values(url, "query")?;
            let variables = key_values(url, "variable")?;
            // `raw` is what Postman shows in its URL bar; the parts are only rebuilt when it is missing.
            let text = match url.opt_str("raw")? {
                Some(raw) => raw.to_string(),
                None => from_parts(url, &rows)?,
            };
            (text, rows, variables)
        }
    };
    // Postman keeps query values as typed in the URL (still encoded); the table holds them decoded.
    let previous: Vec<KeyValue> = rows
        .into_iter()
        .map(|row| KeyValue {
            key: decode(&row.key),
            value: decode(&row.value),
            ..row
        })
        .collect();
    Ok(EditorUrl {
        query: query_from_url(&text, &previous),
        path_variables: path_variables_from_url(&text, &variables),
        text,
    })
}

/// A string field or a list of strings joined by `separator` (`host` and `path` may be either).
fn joined(obj: Obj<'_, '_>, field: &str, separator: &str) -> Result<Option<String>, PostmanError> {
    let Some(value) = obj.get(field) else {
        return Ok(None);
    };
    match value {
        Value::String(s) => Ok(Some(s.clone())),
        Value::Array(items) => {
            let path = join(obj.path, field);
            let mut parts = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                parts.push(match item {
                    Value::String(s) => s.clone(),
                    // Path segments may also be `{"type": "string", "value": "users"}`.
                    other => as_object(&index(&path, i), other)?.text("value")?,
                });
            }
            Ok(Some(parts.join(separator)))
        }
        other => Err(obj.wrong(field, "a string or an array", other).into()),
    }
}

fn from_parts(url: Obj<'_, '_>, query: &[KeyValue]) -> Result<String, PostmanError> {
    let mut text = String::new();
    if let Some(protocol) = url.opt_str("protocol")? {
        text.push_str(protocol.trim_end_matches("://"));
        text.push_str("://");
    }
    text.push_str(&joined(url, "host", ".")?.unwrap_or_default());
    let port = url.text("port")?;
    if !port.is_empty() {
        text.push(':');
        text.push_str(&port);
    }
    if let Some(path) = joined(url, "path", "/")? {
        if !path.is_empty() && !path.starts_with('/') {
            text.push('/');
        }
        text.push_str(&path);
    }
    let pairs: Vec<String> = query
        .iter()
        .filter(|row| row.enabled)
        .map(|row| {
            if row.value.is_empty() {
                row.key.clone()
            } else {
                format!("{}={}", row.key, row.value)
            }
        })
        .collect();
    if !pairs.is_empty() {
        text.push('?');
        text.push_str(&pairs.join("&"));
    }
    if let Some(hash) = url.opt_str("hash")? {
        text.push('#');
        text.push_str(hash);
    }
    Ok(text)
}

/// The v2.1 `url` object: Postman's importer reads the parts rather than `raw`, so both are written.
pub(super) fn export(url: &str, query: &[KeyValue], path_variables: &[KeyValue]) -> Value {
    // The query table, when there is one, is what `prepare` sends.
    let raw = if query.is_empty() {
        url.to_string()
    } else {
        url_with_query(url, query)
    };
    let (before_hash, hash) = match raw.split_once('#') {
        Some((before, hash)) => (before, Some(hash)),
        None => (raw.as_str(), None),
    };
    let (before_query, query_text) = match before_hash.split_once('?') {
        Some((before, q)) => (before, Some(q)),
        None => (before_hash, None),
    };
    let (protocol, rest) = match before_query.split_once("://") {
        Some((protocol, rest)) => (Some(protocol), rest),
        None => (None, before_query),
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    // Only digits after the last colon make a port (not `[::1]`, `user:pass@h` or `{{host}}`).
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
            (host, Some(port))
        }
        _ => (authority, None),
    };
    let mut out = serde_json::Map::new();
    out.insert("raw".into(), json!(raw));
    if let Some(protocol) = protocol {
        out.insert("protocol".into(), json!(protocol));
    }
    out.insert("host".into(), json!(host.split('.').collect::<Vec<_>>()));
    if let Some(port) = port {
        out.insert("port".into(), json!(port));
    }
    if let Some(path) = path {
        out.insert("path".into(), json!(path.split('/').collect::<Vec<_>>()));
    }
    let rows = export_query(query_text, query);
    if !rows.is_empty() {
        out.insert("query".into(), Value::Array(rows));
    }
    if let Some(hash) = hash {
        out.insert("hash".into(), json!(hash));
    }
    let variables: Vec<Value> = path_variables
        .iter()
        .map(|v| json!({"key": v.key, "value": v.value}))
        .collect();
    if !variables.is_empty() {
        out.insert("variable".into(), Value::Array(variables));
    }
    Value::Object(out)
}

/// The pairs of the sent query string as written, with the switched-off rows of the table at their places.
fn export_query(query_text: Option<&str>, table: &[KeyValue]) -> Vec<Value> {
    let mut rows: Vec<Value> = query_text
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => json!({"key": key, "value": value}),
            None => json!({"key": pair, "value": null}),
        })
        .collect();
    for (position, row) in table.iter().enumerate() {
        if row.enabled {
            continue;
        }
        // The editor's own encoding, so that importing decodes the row back to the same text.
        let on = KeyValue {
            enabled: true,
            ..row.clone()
        };
        let encoded = url_with_query("", &[on]);
        let pair = encoded.strip_prefix('?').unwrap_or(&encoded);
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let entry = json!({"key": key, "value": value, "disabled": true});
        rows.insert(position.min(rows.len()), entry);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_splits_the_url_into_postman_parts() {
        let cases = [
            (
                "http://h:8080/a/b?x=1&y#f",
                json!({"raw": "http://h:8080/a/b?x=1&y#f", "protocol": "http", "host": ["h"], "port": "8080",
                       "path": ["a", "b"], "query": [{"key": "x", "value": "1"}, {"key": "y", "value": null}], "hash": "f"}),
            ),
            (
                "{{base}}/users",
                json!({"raw": "{{base}}/users", "host": ["{{base}}"], "path": ["users"]}),
            ),
            (
                "https://api.example.com",
                json!({"raw": "https://api.example.com", "protocol": "https", "host": ["api", "example", "com"]}),
            ),
            (
                "http://[::1]:3000/",
                json!({"raw": "http://[::1]:3000/", "protocol": "http", "host": ["[::1]"], "port": "3000", "path": [""]}),
            ),
            (
                "http://u:p@h/",
                json!({"raw": "http://u:p@h/", "protocol": "http", "host": ["u:p@h"], "path": [""]}),
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(export(url, &[], &[]), expected, "{url}");
        }
    }

    #[test]
    fn switched_off_query_rows_export_at_their_places_and_read_back() {
        let table = vec![
            KeyValue::new("a", "1"),
            KeyValue {
                enabled: false,
                ..KeyValue::new("b c", "d&e")
            },
            KeyValue::new("f", "2"),
        ];
        let exported = export("http://h/p?a=1&f=2", &table, &[]);
        assert_eq!(
            exported["query"],
            json!([{"key": "a", "value": "1"}, {"key": "b%20c", "value": "d%26e", "disabled": true},
                   {"key": "f", "value": "2"}])
        );
        let read_back = read(Some(&exported), "url").expect("reads");
        assert_eq!(read_back.query, table);
        assert_eq!(read_back.text, "http://h/p?a=1&f=2");
    }
}
