//! Cookie endpoints: show the cookies sent, set and delete them, then land on `/cookies` (httpbin's flow).

use crate::reply::{bad_request, pretty_json};
use axum::{
    extract::{Path, RawQuery},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use serde_json::{json, Map, Value};

pub async fn list(headers: HeaderMap) -> Response {
    pretty_json(&json!({ "cookies": cookies(&headers) }))
}

fn cookies(headers: &HeaderMap) -> Map<String, Value> {
    let mut map = Map::new();
    for value in headers.get_all(header::COOKIE) {
        let text = String::from_utf8_lossy(value.as_bytes());
        for pair in text.split(';') {
            if let Some((name, value)) = pair.split_once('=') {
                map.insert(
                    name.trim().to_string(),
                    Value::String(value.trim().to_string()),
                );
            }
        }
    }
    map
}

/// `/cookies/set?name=value&...`
pub async fn set(RawQuery(query): RawQuery) -> Response {
    let pairs = pairs(query);
    let cookies: Vec<String> = pairs
        .iter()
        .map(|(n, v)| format!("{n}={v}; Path=/"))
        .collect();
    back_to_list(&pairs, cookies)
}

/// `/cookies/set/{name}/{value}`
pub async fn set_one(Path((name, value)): Path<(String, String)>) -> Response {
    let pairs = vec![(name, value)];
    let cookies: Vec<String> = pairs
        .iter()
        .map(|(n, v)| format!("{n}={v}; Path=/"))
        .collect();
    back_to_list(&pairs, cookies)
}

/// `/cookies/delete?name&...`
pub async fn delete(RawQuery(query): RawQuery) -> Response {
    let pairs = pairs(query);
    let cookies: Vec<String> = pairs
        .iter()
        .map(|(n, _)| format!("{n}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"))
        .collect();
    back_to_list(&pairs, cookies)
}

fn pairs(query: Option<String>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A name or value that could end the cookie early or split the header is refused, not sanitised.
fn valid(name: &str, value: &str) -> bool {
    let name_ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
    let value_ok = value
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b",;\\\"".contains(&b));
    name_ok && value_ok
}

fn back_to_list(pairs: &[(String, String)], cookies: Vec<String>) -> Response {
    if let Some((name, value)) = pairs.iter().find(|(n, v)| !valid(n, v)) {
        return bad_request(&format!(
            "Cookie {name:?}={value:?} holds characters a cookie cannot carry (CR, LF, ';', ',', space...)."
        ));
    }
    let mut response = Response::new(axum::body::Body::empty());
    *response.status_mut() = StatusCode::FOUND;
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, HeaderValue::from_static("/cookies"));
    for cookie in cookies {
        match HeaderValue::from_str(&cookie) {
            Ok(value) => {
                headers.append(header::SET_COOKIE, value);
            }
            Err(_) => return bad_request("A cookie is not a valid header value."),
        }
    }
    response
}
