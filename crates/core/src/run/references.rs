//! REST Client's request references: `{{login.response.body.$.token}}` reads the last answer (or the
//! request) of the request named `login` in the same run.
//!
//! Grammar: `NAME.(response|request).(body|headers).(*|JSONPath|Header-Name)`; `body.*` is the whole body.
//! XPath, which REST Client also takes for XML bodies, is not supported and says so.

use crate::check::Answer;
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::query::JsonPath;
use serde_json::Value;

/// A named request's last exchange in this run.
pub struct Exchanged<'a> {
    pub request: &'a PreparedRequest,
    pub answer: Answer<'a>,
}

/// Whether `name` (a `{{…}}`'s inside) has a reference's shape: `x.response.…` or `x.request.…`.
pub fn is_reference(name: &str) -> bool {
    split(name).is_some()
}

fn split(name: &str) -> Option<(&str, bool, bool, &str)> {
    for (marker, response) in [(".response.", true), (".request.", false)] {
        if let Some(at) = name.find(marker) {
            let rest = &name[at + marker.len()..];
            let (part, selector) = rest.split_once('.')?;
            let body = match part {
                "body" => true,
                "headers" => false,
                _ => return None,
            };
            return Some((&name[..at], response, body, selector));
        }
    }
    None
}

/// The value `name` refers to; `lookup` finds a request's last exchange by name. `Err` says why there is
/// none (no such request yet, nothing at that path).
pub fn resolve<'a>(
    name: &str,
    lookup: impl Fn(&str) -> Option<Exchanged<'a>>,
) -> Result<String, String> {
    let (request_name, response, body, selector) =
        split(name).ok_or_else(|| format!("{{{{{name}}}}} is not a request reference"))?;
    let exchanged = lookup(request_name).ok_or_else(|| {
        format!("{{{{{name}}}}}: no request named {request_name:?} has been sent before this one in the run")
    })?;
    let (headers, body_bytes): (Vec<(String, String)>, Vec<u8>) = if response {
        (
            exchanged.answer.headers.to_vec(),
            exchanged.answer.body.to_vec(),
        )
    } else {
        let request = exchanged.request;
        let body = match &request.body {
            PreparedBody::Text(text) => text.clone().into_bytes(),
            PreparedBody::UrlEncoded(fields) => PreparedBody::url_encoded(fields).into_bytes(),
            _ => Vec::new(),
        };
        (request.headers.clone(), body)
    };
    if !body {
        return headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(selector))
            .map(|(_, v)| v.clone())
            .reduce(|a, b| format!("{a}, {b}"))
            .ok_or_else(|| format!("{{{{{name}}}}}: {request_name} has no header {selector}"));
    }
    if selector == "*" {
        return Ok(String::from_utf8_lossy(&body_bytes).into_owned());
    }
    if !selector.starts_with('$') {
        return Err(format!(
            "{{{{{name}}}}}: bodies are read with * or a JSONPath ($.…); XPath is not supported"
        ));
    }
    let path = JsonPath::parse(selector).map_err(|e| format!("{{{{{name}}}}}: {e}"))?;
    let json: Value = serde_json::from_slice(&body_bytes)
        .map_err(|_| format!("{{{{{name}}}}}: the body of {request_name} is not JSON"))?;
    let nodes = path.select(&json);
    match nodes.first() {
        Some(node) => Ok(match node.value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        }),
        None => Err(format!(
            "{{{{{name}}}}}: nothing at {selector} in {request_name}'s body"
        )),
    }
}
