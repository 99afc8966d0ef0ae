//! Snippet stage, JVM targets (`java-httpclient`, `java-okhttp`, `kotlin-okhttp`), and what the two OkHttp
//! targets share, as Java and Kotlin write the same OkHttp 3 calls: how the body and its Content-Type are
//! carried, the header calls, a text part with its own type, and the client's options.

pub mod java_httpclient;
pub mod java_okhttp;
pub mod kotlin_okhttp;

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use std::collections::BTreeSet;

/// How OkHttp will carry the body and its Content-Type.
pub(crate) struct Plan {
    /// The Content-Type to give the body's MediaType (OkHttp writes the body's type over any header).
    pub media_type: Option<String>,
    /// The header that MediaType replaces, left out of the header list.
    pub skip_header: Option<usize>,
    /// FormBody fits: its fixed Content-Type is the one the request sends.
    pub form_body: bool,
    /// OkHttp insists on a body for this method even though the request has none.
    pub needs_body: bool,
}

pub(crate) fn plan(request: &PreparedRequest) -> Plan {
    let content_types: Vec<usize> = request
        .headers
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| name.eq_ignore_ascii_case("content-type"))
        .map(|(index, _)| index)
        .collect();
    let single = match content_types.as_slice() {
        [index] => Some(*index),
        _ => None,
    };
    let single_value = single.map(|index| request.headers[index].1.as_str());
    let carries_type = matches!(
        request.body,
        PreparedBody::Text(_) | PreparedBody::UrlEncoded(_) | PreparedBody::File(_)
    );
    let form_body = matches!(request.body, PreparedBody::UrlEncoded(_))
        && single_value == Some("application/x-www-form-urlencoded");
    let (media_type, skip_header) = match single_value {
        Some(value) if carries_type && (form_body || is_media_type(value)) => {
            (Some(value.to_string()), single)
        }
        _ => (None, None),
    };
    let needs_body = request.body == PreparedBody::None
        && matches!(request.method, Method::Post | Method::Put | Method::Patch)
        || matches!(&request.method, Method::Custom(m) if m == "PROPPATCH" || m == "REPORT");
    Plan {
        media_type,
        skip_header,
        form_body,
        needs_body,
    }
}

/// Whether OkHttp's `MediaType.parse` accepts the value (`type/subtype` and `; name=value` parameters);
/// otherwise the Content-Type stays an ordinary header.
fn is_media_type(value: &str) -> bool {
    let token = |s: &str| crate::prepare::is_token(s);
    let mut pieces = value.split(';');
    let essence = pieces.next().unwrap_or_default();
    let valid_essence = essence
        .split_once('/')
        .is_some_and(|(kind, sub)| token(kind) && token(sub));
    valid_essence
        && pieces.all(|param| {
            let param = param.trim_start_matches([' ', '\t']);
            param.is_empty()
                || param.split_once('=').is_some_and(|(name, value)| {
                    token(name)
                        && (token(value)
                            || (value.len() >= 2
                                && value.starts_with('"')
                                && value.ends_with('"')
                                && !value[1..value.len() - 1].contains('"')))
                })
        })
}

/// Why a request with a header value outside ASCII builds its headers apart (Java and Kotlin comments alike).
const NON_ASCII_NOTE: &str =
    "add() refuses header values outside ASCII; addUnsafeNonAscii() sends their UTF-8 bytes.";

/// Where the header calls go: on the `Request.Builder` as `.addHeader(..)`, or, when a value is not ASCII, on
/// a `Headers.Builder` (the only builder with `addUnsafeNonAscii`) that the request then takes whole.
pub(crate) enum HeaderCalls {
    OnRequest(Vec<String>),
    Separate(Vec<String>),
}

impl HeaderCalls {
    /// Declares the separate `headers` when there are any: `ends` are the language's first and last lines,
    /// the calls are continued `level` deep, as the language continues a builder chain.
    pub(crate) fn write_separate(
        &self,
        code: &mut CodeBuilder,
        ends: [&str; 2],
        level: usize,
        imports: &mut BTreeSet<&'static str>,
    ) {
        let HeaderCalls::Separate(lines) = self else {
            return;
        };
        imports.insert("okhttp3.Headers");
        code.line(0, format!("// {NON_ASCII_NOTE}"));
        code.line(0, ends[0]);
        for line in lines {
            code.line(level, line);
        }
        code.line(level, ends[1]).blank();
    }

    /// What the `Request.Builder` chain writes: the calls themselves, or the separate headers.
    pub(crate) fn on_request(&self) -> Vec<String> {
        match self {
            HeaderCalls::OnRequest(lines) => lines.clone(),
            HeaderCalls::Separate(_) => vec![".headers(headers)".to_string()],
        }
    }
}

/// The request's header calls in order, quoted with `quote` (Java and Kotlin write them alike); `utf8` is the
/// language's UTF-8 charset for Basic credentials.
pub(crate) fn header_calls(
    request: &PreparedRequest,
    plan: &Plan,
    quote: fn(&str) -> String,
    utf8: &str,
    imports: &mut BTreeSet<&'static str>,
) -> HeaderCalls {
    let separate = request
        .headers
        .iter()
        .enumerate()
        .any(|(index, (_, value))| plan.skip_header != Some(index) && !value.is_ascii());
    // addHeader (Request.Builder) and add (Headers.Builder), not header/set: repeated names stay separate
    // header lines.
    let add = if separate { "add" } else { "addHeader" };
    let mut lines = Vec::new();
    for (index, (name, value)) in request.headers.iter().enumerate() {
        if plan.skip_header == Some(index) {
            continue; // carried by the body's MediaType
        }
        let call = if value.is_ascii() {
            add
        } else {
            "addUnsafeNonAscii"
        };
        let value = match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                imports.insert("okhttp3.Credentials");
                format!(
                    "Credentials.basic({}, {}, {utf8})",
                    quote(username),
                    quote(password)
                )
            }
            _ => quote(value),
        };
        lines.push(format!(".{call}({}, {value})", quote(name)));
    }
    if separate {
        HeaderCalls::Separate(lines)
    } else {
        HeaderCalls::OnRequest(lines)
    }
}

/// A text part that has its own Content-Type.
pub(crate) struct TypedPart<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub content_type: &'a str,
}

/// `.addFormDataPart` for a text part with its own type, quoted with `quote` (Java and Kotlin write it alike);
/// `to_bytes` turns the language's string literal into UTF-8 bytes (a String body would get "; charset=utf-8").
/// The null file name leaves the part without a filename, as curl's `type=` part.
pub(crate) fn typed_part_call(
    part: TypedPart,
    quote: fn(&str) -> String,
    to_bytes: &str,
    imports: &mut BTreeSet<&'static str>,
    warnings: &mut Vec<String>,
) -> String {
    imports.extend(["okhttp3.MediaType", "okhttp3.RequestBody"]);
    // OkHttp drops a part's type that `MediaType.parse` cannot read: said, rather than left out silently.
    if !is_media_type(part.content_type) {
        warnings.push(format!(
            "OkHttp cannot read \"{}\" as a media type: the part \"{}\" is sent without a Content-Type.",
            part.content_type, part.name
        ));
    }
    format!(
        ".addFormDataPart({}, null, RequestBody.create(MediaType.parse({}), {}{to_bytes}))",
        quote(part.name),
        quote(part.content_type),
        quote(part.value)
    )
}

/// The `OkHttpClient.Builder` calls the request's options need (Java and Kotlin write them alike).
pub(crate) fn client_options(
    request: &PreparedRequest,
    imports: &mut BTreeSet<&'static str>,
    warnings: &mut Vec<String>,
) -> Vec<String> {
    let mut options = Vec::new();
    // OkHttp follows redirects by default, as browsers do.
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => options.push(".followRedirects(false)".to_string()),
        RedirectMode::Error => {
            options.push(".followRedirects(false)".to_string());
            warnings.push(
                "OkHttp cannot fail on a redirect: this snippet returns the 3xx response instead."
                    .to_string(),
            );
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        imports.insert("java.util.concurrent.TimeUnit");
        options.push(format!(".callTimeout({ms}, TimeUnit.MILLISECONDS)"));
    }
    options
}

#[cfg(test)]
mod tests {
    use super::is_media_type;

    #[test]
    fn media_types_okhttp_accepts() {
        let cases = [
            ("application/json", true),
            ("text/plain;charset=UTF-8", true),
            ("text/plain; charset=\"utf-8\"", true),
            ("multipart/form-data; boundary=x", true),
            ("json", false),
            ("text/plain; charset", false),
            ("text /plain", false),
            ("", false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_media_type(value), expected, "{value:?}");
        }
    }
}
