//! How a received request differs from the prepared one: method, raw path and query, every header the request
//! set (repeats joined as HTTP allows), and the body (bytes, or part by part for multipart); for a WebSocket,
//! how its handshake differs from the prepared headers.

use crate::recorder::Received;
use reqlab_core::{PreparedBody, PreparedPartValue, PreparedRequest};

/// Every difference, as sentences; empty when the server got exactly the prepared request.
pub fn differences(prepared: &PreparedRequest, got: &Received) -> Vec<String> {
    let mut diffs = Vec::new();
    if got.method != prepared.method.as_str() {
        diffs.push(format!(
            "method {:?} != {:?}",
            got.method,
            prepared.method.as_str()
        ));
    }
    if got.path_and_query != prepared.url.path_and_query() {
        diffs.push(format!(
            "target {:?} != {:?}",
            got.path_and_query,
            prepared.url.path_and_query()
        ));
    }
    for (name, _) in &prepared.headers {
        let want = joined_values(
            prepared
                .headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_bytes())),
            name,
        );
        let have = joined_values(
            got.headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())),
            name,
        );
        if want != have {
            diffs.push(format!(
                "header {name}: {:?} != {:?}",
                String::from_utf8_lossy(&have),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    let want_body: Vec<u8> = match &prepared.body {
        // Compared part by part: the snippet's client picks its own boundary.
        PreparedBody::Multipart(parts) => {
            let want: Vec<Part> = parts
                .iter()
                .map(|part| match &part.value {
                    PreparedPartValue::Text(text) => Part {
                        name: part.name.clone(),
                        filename: None,
                        content_type: part.content_type.clone(),
                        content: text.as_bytes().to_vec(),
                    },
                    PreparedPartValue::File(file) => Part {
                        name: part.name.clone(),
                        filename: Some(file.name.clone()),
                        content_type: Some(file.effective_content_type().to_string()),
                        content: file.data.as_deref().unwrap_or_default().to_vec(),
                    },
                })
                .collect();
            match parse_multipart(got) {
                Ok(have) if have == want => {}
                Ok(have) => diffs.push(format!("multipart parts {have:?} != {want:?}")),
                Err(why) => diffs.push(format!("multipart body unreadable: {why}")),
            }
            return diffs;
        }
        body => body.wire().map(|(bytes, _)| bytes).unwrap_or_default(),
    };
    if got.body != want_body {
        diffs.push(format!(
            "body {:?} != {:?}",
            String::from_utf8_lossy(&got.body),
            String::from_utf8_lossy(&want_body)
        ));
    }
    diffs
}

/// Every way a WebSocket handshake differs from the prepared request: a GET for the raw path and query,
/// every header the request set (the subprotocols as a list, which clients join with or without a space),
/// and no body (the prepared body is the first message, sent after the handshake). `only_subprotocols`
/// leaves the other headers out, for a client that cannot set them (a browser).
pub fn handshake_differences(
    prepared: &PreparedRequest,
    got: &Received,
    only_subprotocols: bool,
) -> Vec<String> {
    let mut diffs = Vec::new();
    if got.method != "GET" {
        diffs.push(format!("method {:?} != \"GET\"", got.method));
    }
    if got.path_and_query != prepared.url.path_and_query() {
        diffs.push(format!(
            "target {:?} != {:?}",
            got.path_and_query,
            prepared.url.path_and_query()
        ));
    }
    let is_protocol = |name: &str| name.eq_ignore_ascii_case("sec-websocket-protocol");
    let list = |joined: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(joined)
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    };
    for (name, _) in &prepared.headers {
        let want = joined_values(
            prepared
                .headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_bytes())),
            name,
        );
        let have = joined_values(
            got.headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())),
            name,
        );
        let differs = if is_protocol(name) {
            list(&want) != list(&have)
        } else {
            !only_subprotocols && want != have
        };
        if differs {
            diffs.push(format!(
                "header {name}: {:?} != {:?}",
                String::from_utf8_lossy(&have),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    if !got.body.is_empty() {
        diffs.push(format!(
            "the handshake has a body: {:?}",
            String::from_utf8_lossy(&got.body)
        ));
    }
    diffs
}

/// Values of one header name (any case), joined as HTTP allows a recipient to join them.
fn joined_values<'a>(headers: impl Iterator<Item = (&'a str, &'a [u8])>, name: &str) -> Vec<u8> {
    let values: Vec<&[u8]> = headers
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .collect();
    values.join(&b", "[..])
}

/// One multipart part as received, for comparison with the prepared part.
#[derive(Debug, PartialEq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub content: Vec<u8>,
}

/// A deliberately small multipart/form-data reader, independent of the server's own.
pub fn parse_multipart(got: &Received) -> Result<Vec<Part>, String> {
    let content_type = got
        .headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .ok_or("no Content-Type")?;
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .ok_or("no boundary")?
        .trim_matches('"')
        .to_string();
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    for chunk in split_bytes(&got.body, &delimiter).into_iter().skip(1) {
        if chunk.starts_with(b"--") {
            return Ok(parts);
        }
        let chunk = chunk
            .strip_prefix(b"\r\n")
            .ok_or("part does not start with CRLF")?;
        let chunk = chunk
            .strip_suffix(b"\r\n")
            .ok_or("part does not end with CRLF")?;
        let head_len = split_bytes(chunk, b"\r\n\r\n")
            .first()
            .map(|head| head.len())
            .ok_or("no part head")?;
        let head = String::from_utf8_lossy(&chunk[..head_len]).into_owned();
        let content = chunk
            .get(head_len + 4..)
            .ok_or("part head not terminated")?
            .to_vec();
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            content,
        };
        for line in head.split("\r\n") {
            let (name, value) = line.split_once(':').ok_or("bad part header")?;
            match name.to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    part.name = disposition_param(value, "name").ok_or("part without name")?;
                    part.filename = disposition_param(value, "filename");
                }
                "content-type" => part.content_type = Some(value.trim().to_string()),
                _ => {}
            }
        }
        parts.push(part);
    }
    Err("no closing delimiter".to_string())
}

fn disposition_param(value: &str, param: &str) -> Option<String> {
    let marker = format!("; {param}=\"");
    let start = value.find(&marker)? + marker.len();
    let end = value[start..].find('"')? + start;
    Some(value[start..end].to_string())
}

fn split_bytes<'a>(haystack: &'a [u8], needle: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut rest = haystack;
    while let Some(i) = rest.windows(needle.len()).position(|w| w == needle) {
        pieces.push(&rest[..i]);
        rest = &rest[i + needle.len()..];
    }
    pieces.push(rest);
    pieces
}
