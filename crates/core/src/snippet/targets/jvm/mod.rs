//! Snippet stage, JVM targets (`java-httpclient`, `java-okhttp`, `kotlin-okhttp`), and what the two OkHttp
//! targets share: Java and Kotlin write the same OkHttp 3 calls in their own syntax, so the request, its
//! body, headers and client options are written once here and each target adds only its surroundings.
//! About 540 lines: the OkHttp writer is most of it, and it belongs to neither target alone.

pub mod java_httpclient;
pub mod java_okhttp;
pub mod kotlin_okhttp;

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{form_encode, PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::{java_str, kotlin_str};
use std::collections::BTreeSet;

/// The language an OkHttp snippet is written in: the calls are the same, the syntax around them is not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum OkHttpLanguage {
    Java,
    Kotlin,
}

impl OkHttpLanguage {
    fn quote(self, s: &str) -> String {
        match self {
            OkHttpLanguage::Java => java_str(s),
            OkHttpLanguage::Kotlin => kotlin_str(s),
        }
    }

    /// A local variable's declaration up to its value: Java names the type, Kotlin infers it.
    fn declare(self, class: &str, name: &str, value: &str) -> String {
        match self {
            OkHttpLanguage::Java => format!("{class} {name} = {value}"),
            OkHttpLanguage::Kotlin => format!("val {name} = {value}"),
        }
    }

    /// A constructor call (`new` only in Java).
    fn construct(self, constructor: &str) -> String {
        match self {
            OkHttpLanguage::Java => format!("new {constructor}"),
            OkHttpLanguage::Kotlin => constructor.to_string(),
        }
    }

    /// What ends a statement.
    fn end(self) -> &'static str {
        match self {
            OkHttpLanguage::Java => ";",
            OkHttpLanguage::Kotlin => "",
        }
    }

    /// How deep a builder chain's calls are continued, as each language's formatter indents them.
    fn chain(self) -> usize {
        match self {
            OkHttpLanguage::Java => 2,
            OkHttpLanguage::Kotlin => 1,
        }
    }

    /// The language's UTF-8 charset, for Basic credentials.
    fn utf8(self, imports: &mut BTreeSet<&'static str>) -> &'static str {
        match self {
            OkHttpLanguage::Java => {
                imports.insert("java.nio.charset.StandardCharsets");
                "StandardCharsets.UTF_8"
            }
            OkHttpLanguage::Kotlin => "Charsets.UTF_8",
        }
    }

    /// What turns a string literal into its UTF-8 bytes: a String body would get "; charset=utf-8" added to
    /// its Content-Type.
    fn to_bytes(self, imports: &mut BTreeSet<&'static str>) -> &'static str {
        match self {
            OkHttpLanguage::Java => {
                imports.insert("java.nio.charset.StandardCharsets");
                ".getBytes(StandardCharsets.UTF_8)"
            }
            OkHttpLanguage::Kotlin => ".toByteArray()",
        }
    }

    fn empty_bytes(self) -> &'static str {
        match self {
            OkHttpLanguage::Java => "new byte[0]",
            OkHttpLanguage::Kotlin => "ByteArray(0)",
        }
    }
}

/// Writes the client, the body, the headers and the `request` built from them, ready for the target to
/// execute; `imports` gathers what the code uses.
pub(crate) fn write_request(
    request: &PreparedRequest,
    lang: OkHttpLanguage,
    main: &mut CodeBuilder,
    imports: &mut BTreeSet<&'static str>,
    warnings: &mut Vec<String>,
) {
    let (chain, end) = (lang.chain(), lang.end());
    let plan = plan(request);

    let client_options = client_options(request, imports, warnings);
    if client_options.is_empty() {
        let client = lang.declare("OkHttpClient", "client", &lang.construct("OkHttpClient()"));
        main.line(0, format!("{client}{end}"));
    } else {
        let client = lang.declare(
            "OkHttpClient",
            "client",
            &lang.construct("OkHttpClient.Builder()"),
        );
        main.line(0, client);
        for option in &client_options {
            main.line(chain, option);
        }
        main.line(chain, format!(".build(){end}"));
    }
    main.blank();

    let has_body = write_body(request, &plan, lang, main, imports, warnings);
    if has_body {
        main.blank();
    }

    let headers = header_calls(request, &plan, lang, imports);
    headers.write_separate(main, lang, imports);

    main.line(
        0,
        lang.declare("Request", "request", &lang.construct("Request.Builder()")),
    );
    main.line(
        chain,
        format!(".url({})", lang.quote(&request.url.to_string())),
    );
    match (&request.method, has_body) {
        (Method::Get, false) => {}
        (Method::Head, false) => {
            main.line(chain, ".head()");
        }
        (Method::Delete, false) => {
            main.line(chain, ".delete()");
        }
        (Method::Post, true) => {
            main.line(chain, ".post(body)");
        }
        (Method::Put, true) => {
            main.line(chain, ".put(body)");
        }
        (Method::Patch, true) => {
            main.line(chain, ".patch(body)");
        }
        (method, has_body) => {
            let body = if has_body { "body" } else { "null" };
            main.line(
                chain,
                format!(".method({}, {body})", lang.quote(method.as_str())),
            );
        }
    }
    for line in headers.on_request() {
        main.line(chain, line);
    }
    main.line(chain, format!(".build(){end}")).blank();
}

/// Declares the request's `body`, if it has one (or OkHttp insists on one), and says whether it did.
fn write_body(
    request: &PreparedRequest,
    plan: &Plan,
    lang: OkHttpLanguage,
    main: &mut CodeBuilder,
    imports: &mut BTreeSet<&'static str>,
    warnings: &mut Vec<String>,
) -> bool {
    let (chain, end) = (lang.chain(), lang.end());
    let q = |s: &str| lang.quote(s);
    let media = |imports: &mut BTreeSet<&str>| match &plan.media_type {
        Some(value) => {
            imports.insert("okhttp3.MediaType");
            format!("MediaType.parse({})", q(value))
        }
        None => "null".to_string(),
    };
    let request_body = |arguments: String| {
        let create = format!("RequestBody.create({arguments}){end}");
        lang.declare("RequestBody", "body", &create)
    };
    match &request.body {
        PreparedBody::None if plan.needs_body => {
            imports.insert("okhttp3.RequestBody");
            main.line(0, request_body(format!("null, {}", lang.empty_bytes())));
        }
        PreparedBody::None => return false,
        PreparedBody::Text(text) => {
            imports.insert("okhttp3.RequestBody");
            let media = media(imports);
            let bytes = format!("{}{}", q(text), lang.to_bytes(imports));
            main.line(0, request_body(format!("{media}, {bytes}")));
        }
        PreparedBody::UrlEncoded(fields) if plan.form_body => {
            imports.insert("okhttp3.FormBody");
            // FormBody.add writes a space as %20; browsers write `+`. addEncoded takes the browser's encoding.
            main.line(
                0,
                lang.declare("FormBody", "body", &lang.construct("FormBody.Builder()")),
            );
            for (key, value) in fields {
                main.line(
                    chain,
                    format!(
                        ".addEncoded({}, {})",
                        q(&form_encode(key)),
                        q(&form_encode(value))
                    ),
                );
            }
            main.line(chain, format!(".build(){end}"));
        }
        PreparedBody::UrlEncoded(fields) => {
            imports.insert("okhttp3.RequestBody");
            let media = media(imports);
            let encoded = q(&PreparedBody::url_encoded(fields));
            let bytes = format!("{encoded}{}", lang.to_bytes(imports));
            main.line(0, "// Encoded as browsers encode forms.");
            main.line(0, request_body(format!("{media}, {bytes}")));
        }
        PreparedBody::File(file) => {
            imports.extend(["okhttp3.RequestBody", "java.io.File"]);
            let media = media(imports);
            let file = lang.construct(&format!("File({})", q(&file.name)));
            main.line(0, request_body(format!("{media}, {file}")));
        }
        PreparedBody::Multipart(parts) => {
            imports.insert("okhttp3.MultipartBody");
            main.line(
                0,
                lang.declare(
                    "MultipartBody",
                    "body",
                    &lang.construct("MultipartBody.Builder()"),
                ),
            );
            main.line(chain, ".setType(MultipartBody.FORM)");
            for part in parts {
                let call = match (&part.value, &part.content_type) {
                    (PreparedPartValue::Text(value), None) => {
                        format!(".addFormDataPart({}, {})", q(&part.name), q(value))
                    }
                    (PreparedPartValue::Text(value), Some(content_type)) => typed_part_call(
                        TypedPart {
                            name: &part.name,
                            value,
                            content_type,
                        },
                        lang,
                        imports,
                        warnings,
                    ),
                    (PreparedPartValue::File(file), _) => {
                        imports.extend([
                            "okhttp3.MediaType",
                            "okhttp3.RequestBody",
                            "java.io.File",
                        ]);
                        format!(
                            ".addFormDataPart({}, {}, RequestBody.create(MediaType.parse({}), {}))",
                            q(&part.name),
                            q(&file.name),
                            q(file.effective_content_type()),
                            lang.construct(&format!("File({})", q(&file.name)))
                        )
                    }
                };
                main.line(chain, call);
            }
            main.line(chain, format!(".build(){end}"));
        }
    }
    true
}

/// The import lines, `java.*` after the library's, as IDEs order them.
pub(crate) fn write_imports(
    code: &mut CodeBuilder,
    imports: &BTreeSet<&'static str>,
    lang: OkHttpLanguage,
) {
    let (java, library): (Vec<&str>, Vec<&str>) =
        imports.iter().partition(|i| i.starts_with("java."));
    for import in library.iter().chain(java.iter()) {
        code.line(0, format!("import {import}{}", lang.end()));
    }
}

/// How OkHttp will carry the body and its Content-Type.
struct Plan {
    /// The Content-Type to give the body's MediaType (OkHttp writes the body's type over any header).
    pub media_type: Option<String>,
    /// The header that MediaType replaces, left out of the header list.
    pub skip_header: Option<usize>,
    /// FormBody fits: its fixed Content-Type is the one the request sends.
    pub form_body: bool,
    /// OkHttp insists on a body for this method even though the request has none.
    pub needs_body: bool,
}

fn plan(request: &PreparedRequest) -> Plan {
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
enum HeaderCalls {
    OnRequest(Vec<String>),
    Separate(Vec<String>),
}

impl HeaderCalls {
    /// Declares the separate `headers` when there are any, as a `Headers.Builder` chain.
    fn write_separate(
        &self,
        code: &mut CodeBuilder,
        lang: OkHttpLanguage,
        imports: &mut BTreeSet<&'static str>,
    ) {
        let HeaderCalls::Separate(lines) = self else {
            return;
        };
        imports.insert("okhttp3.Headers");
        code.line(0, format!("// {NON_ASCII_NOTE}"));
        code.line(
            0,
            lang.declare("Headers", "headers", &lang.construct("Headers.Builder()")),
        );
        for line in lines {
            code.line(lang.chain(), line);
        }
        code.line(lang.chain(), format!(".build(){}", lang.end()))
            .blank();
    }

    /// What the `Request.Builder` chain writes: the calls themselves, or the separate headers.
    fn on_request(&self) -> Vec<String> {
        match self {
            HeaderCalls::OnRequest(lines) => lines.clone(),
            HeaderCalls::Separate(_) => vec![".headers(headers)".to_string()],
        }
    }
}

/// The request's header calls in order.
fn header_calls(
    request: &PreparedRequest,
    plan: &Plan,
    lang: OkHttpLanguage,
    imports: &mut BTreeSet<&'static str>,
) -> HeaderCalls {
    let quote = |s: &str| lang.quote(s);
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
                let utf8 = lang.utf8(imports);
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
struct TypedPart<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub content_type: &'a str,
}

/// `.addFormDataPart` for a text part with its own type, sent as bytes as a text body is. The null file name
/// leaves the part without a filename, as curl's `type=` part.
fn typed_part_call(
    part: TypedPart,
    lang: OkHttpLanguage,
    imports: &mut BTreeSet<&'static str>,
    warnings: &mut Vec<String>,
) -> String {
    let quote = |s: &str| lang.quote(s);
    let to_bytes = lang.to_bytes(imports);
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

/// The `OkHttpClient.Builder` calls the request's options need.
fn client_options(
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
