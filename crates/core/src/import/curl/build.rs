//! Import stage, curl layer 2: what the options said, collected in `Args`, becomes a `Request` the way curl
//! would send it (method rules, data joining, default Content-Type), with a warning for everything left out.
//! About 600 lines: the options' effects and the rules that combine them (data with -G, -F with -d, the
//! method, -u with --digest or --aws-sigv4) are read together; the -F mini-language and URL globbing have
//! files of their own.

use super::form;
use super::glob;
use super::options::{CurlOption, Meaning};
use super::CurlError;
use crate::edit::model::{
    Auth, Body, FileRef, FormPart, KeyValue, Method, RedirectMode, Request, RequestOptions,
};
use crate::edit::signed_auth::AwsSigV4;
use crate::import::normalize::{
    canonical_form_fields, derive_query, fold_content_type, language_for_media_type,
    language_with_content_type,
};
use crate::import::Imported;

/// How a data option treats its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DataKind {
    /// `-d`: `@file` reads a file (stripping line breaks).
    Ascii,
    /// `--data-raw`: the text as written, `@` included.
    Raw,
    /// `--data-binary`: `@file` reads a file byte for byte.
    Binary,
    /// `--data-urlencode`: `name=text` with the text percent-encoded.
    UrlEncode,
    /// `--json`: like `--data-binary`, and JSON content and accept types.
    Json,
}

/// How `-u`'s credentials are used: `--basic` (curl's default), `--digest` or `--aws-sigv4`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum AuthScheme {
    #[default]
    Basic,
    Digest,
    AwsSigV4,
}

/// One piece of request data, in command order.
#[derive(Debug)]
struct Data {
    text: String,
    file: Option<String>,
    json: bool,
}

/// Everything the options said, before it becomes a request.
#[derive(Debug, Default)]
pub(super) struct Args {
    pub urls: Vec<String>,
    method: Option<String>,
    headers: Vec<KeyValue>,
    data: Vec<Data>,
    form: Vec<FormPart>,
    data_in_query: bool,
    head: bool,
    upload: Option<String>,
    auth: Auth,
    scheme: AuthScheme,
    /// `--aws-sigv4`'s value: `provider1[:provider2[:region[:service]]]`.
    aws_provider: String,
    location: bool,
    max_redirs: Option<String>,
    timeout_ms: Option<u32>,
    globoff: bool,
    warnings: Vec<String>,
}

impl Args {
    pub fn warn(&mut self, warning: String) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Records one option. `written` is how the user spelled it, for messages.
    pub fn apply(
        &mut self,
        option: &CurlOption,
        value: Option<&str>,
        negated: bool,
        written: &str,
    ) {
        let v = value.unwrap_or_default();
        match option.meaning {
            Meaning::Url => self.urls.push(v.to_string()),
            Meaning::Method => self.method = Some(v.to_string()),
            Meaning::Header => self.header(v),
            Meaning::UserAgent => self.headers.push(KeyValue::new("User-Agent", v)),
            Meaning::Referer => {
                // `;auto` asks curl to set the referer itself when following redirects.
                let referer = v.strip_suffix(";auto").unwrap_or(v);
                if !referer.is_empty() {
                    self.headers.push(KeyValue::new("Referer", referer));
                }
            }
            Meaning::Cookie => self.cookie(v),
            Meaning::Range => self
                .headers
                .push(KeyValue::new("Range", format!("bytes={v}"))),
            Meaning::Data(kind) => self.data(kind, v, written),
            Meaning::Form => {
                let parts = form::parts(v, &mut self.warnings);
                self.form.extend(parts);
            }
            Meaning::FormString => match v.split_once('=') {
                Some((name, text)) => self.form.push(FormPart::text(name, text)),
                None => self.warn(format!("Ignored {written} \"{v}\": it has no \"=\".")),
            },
            Meaning::User => {
                let (username, password) = match v.split_once(':') {
                    Some((u, p)) => (u, p),
                    None => {
                        self.warn(format!(
                            "{written} {v:?} gives no password (curl would ask for one): the password is empty."
                        ));
                        (v, "")
                    }
                };
                self.auth = Auth::Basic {
                    username: username.to_string(),
                    password: password.to_string(),
                };
            }
            Meaning::Bearer => {
                self.auth = Auth::Bearer {
                    token: v.to_string(),
                }
            }
            Meaning::Scheme(scheme) => match scheme {
                // `--no-digest` goes back to curl's default; `--no-basic` changes nothing reqlab sends.
                AuthScheme::Digest if negated => {
                    if self.scheme == AuthScheme::Digest {
                        self.scheme = AuthScheme::Basic;
                    }
                }
                AuthScheme::Basic if negated => {}
                AuthScheme::AwsSigV4 => {
                    self.scheme = scheme;
                    self.aws_provider = v.to_string();
                }
                _ => self.scheme = scheme,
            },
            Meaning::DataInQuery => self.data_in_query = !negated,
            Meaning::Head => self.head = !negated,
            Meaning::Location => self.location = !negated,
            Meaning::MaxRedirs => self.max_redirs = Some(v.trim().to_string()),
            Meaning::MaxTime => match v.trim().parse::<f64>() {
                // curl reads 0 as "no limit".
                Ok(s) if s.is_finite() && s > 0.0 && s * 1000.0 < u32::MAX as f64 => {
                    self.timeout_ms = Some(((s * 1000.0).round() as u32).max(1));
                }
                Ok(0.0) => self.timeout_ms = None,
                _ => self.warn(format!("Ignored {written} {v:?}: not a number of seconds.")),
            },
            Meaning::Globoff => self.globoff = !negated,
            Meaning::Upload => {
                if v == "-" || v == "." {
                    self.warn(format!(
                        "{written} {v} uploads standard input, which is not read here."
                    ));
                } else {
                    self.warn(format!(
                        "{written} uploads the file \"{v}\", which is not read here: choose it before sending."
                    ));
                    self.upload = Some(v.to_string());
                }
            }
            Meaning::NoEffect => {}
            Meaning::Unsupported(reason) => {
                let shown = match value {
                    Some(v) => format!("{written} {v}"),
                    None => written.to_string(),
                };
                self.warn(format!("Ignored {shown}: {reason}."));
            }
        }
    }

    fn header(&mut self, v: &str) {
        if let Some(file) = v.strip_prefix('@') {
            self.warn(format!(
                "Ignored -H @{file}: headers from a file are not read."
            ));
            return;
        }
        match v.split_once(':') {
            Some((name, value)) => {
                let value = value.trim_start_matches([' ', '\t']);
                if value.is_empty() {
                    // `Name:` tells curl not to send a header it would add by itself.
                    self.warn(format!(
                        "Ignored -H \"{name}:\": it removes a header curl adds by itself."
                    ));
                } else {
                    self.headers.push(KeyValue::new(name.trim(), value));
                }
            }
            None => match v.trim_end().strip_suffix(';') {
                // `Name;` is curl's spelling of a header with an empty value.
                Some(name) if !name.contains(';') => {
                    self.headers.push(KeyValue::new(name.trim(), ""))
                }
                _ => self.warn(format!("Ignored -H {v:?}: a header needs \"Name: value\".")),
            },
        }
    }

    fn cookie(&mut self, v: &str) {
        if !v.contains('=') {
            self.warn(format!(
                "Ignored -b {v:?}: it names a cookie file, which is not read. Write the cookies as \"name=value\"."
            ));
            return;
        }
        match self
            .headers
            .iter_mut()
            .find(|h| h.key == "Cookie" && h.enabled)
        {
            Some(row) => {
                row.value.push_str("; ");
                row.value.push_str(v);
            }
            None => self.headers.push(KeyValue::new("Cookie", v)),
        }
    }

    fn data(&mut self, kind: DataKind, v: &str, written: &str) {
        let json = kind == DataKind::Json;
        let file = match kind {
            DataKind::Ascii | DataKind::Binary | DataKind::Json => v.strip_prefix('@'),
            DataKind::Raw => None,
            DataKind::UrlEncode => {
                let text = self.url_encoded(v, written);
                self.data.push(Data {
                    text,
                    file: None,
                    json,
                });
                return;
            }
        };
        match file {
            Some("-") => self.warn(format!(
                "{written} @- reads the body from standard input, which is not read here."
            )),
            Some(name) => {
                self.warn(format!(
                    "{written} sends the file \"{name}\", which is not read here: choose it before sending."
                ));
                if kind == DataKind::Ascii {
                    self.warn(format!(
                        "curl strips line breaks from \"{name}\" for -d; reqlab sends the file as it is (curl's --data-binary)."
                    ));
                }
                self.data.push(Data {
                    text: String::new(),
                    file: Some(name.to_string()),
                    json,
                });
            }
            None => self.data.push(Data {
                text: v.to_string(),
                file: None,
                json,
            }),
        }
    }

    /// `--data-urlencode`: `text`, `=text`, `name=text` (`@file` forms cannot be read here).
    fn url_encoded(&mut self, v: &str, written: &str) -> String {
        if let Some(at) = v.find('@').filter(|&at| !v[..at].contains('=')) {
            self.warn(format!(
                "{written} {v:?} reads the file \"{}\", which is not read here.",
                &v[at + 1..]
            ));
            return v[..at].to_string();
        }
        match v.split_once('=') {
            Some(("", text)) => percent_encode(text),
            Some((name, text)) => format!("{name}={}", percent_encode(text)),
            None => percent_encode(v),
        }
    }
}

/// Percent-encoding as curl's `--data-urlencode` does it (RFC 3986 unreserved characters stay).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn has_header(headers: &[KeyValue], name: &str) -> bool {
    headers
        .iter()
        .any(|h| h.enabled && h.key.eq_ignore_ascii_case(name))
}

/// The request curl would send for these arguments.
pub(super) fn request(mut args: Args) -> Result<Imported, CurlError> {
    let mut urls = std::mem::take(&mut args.urls).into_iter();
    let mut url = urls.next().ok_or(CurlError::NoUrl)?;
    let others: Vec<String> = urls.collect();
    if !others.is_empty() {
        args.warn(format!(
            "curl would also request {}: only the first URL is imported.",
            others.join(", ")
        ));
    }
    // curl expands globs in the URL as written, before it reads it as a URL (and adds a scheme).
    if !args.globoff {
        let (first, warning) = glob::first_url(&url);
        url = first;
        if let Some(warning) = warning {
            args.warn(warning);
        }
    }
    if !url.contains("://") {
        args.warn(format!(
            "\"{url}\" has no scheme: curl assumes http://, and so does the import."
        ));
        url = format!("http://{url}");
    }
    let has_data = !args.data.is_empty();
    if has_data && !args.form.is_empty() {
        args.warn("curl refuses -d together with -F; the -d data was left out.".to_string());
    }

    let mut request = Request {
        url,
        headers: std::mem::take(&mut args.headers),
        ..Request::default()
    };
    let sends_body =
        !args.form.is_empty() || (has_data && !args.data_in_query) || args.upload.is_some();
    request.method = match args.method.take() {
        Some(m) => {
            let method = Method::parse(&m);
            if method == Method::Head {
                args.warn(
                    "-X HEAD makes curl wait for a body that never comes: curl users write -I."
                        .into(),
                );
            }
            method
        }
        None if args.head => Method::Head,
        None if args.upload.is_some() => Method::Put,
        None if sends_body => Method::Post,
        None => Method::Get,
    };
    if !args.form.is_empty() {
        request.body = Body::Multipart {
            parts: std::mem::take(&mut args.form),
        };
    } else if has_data && args.data_in_query {
        let query = joined(&args.data, &mut args.warnings);
        if !query.is_empty() {
            let (before, fragment) = match request.url.find('#') {
                Some(i) => request.url.split_at(i),
                None => (request.url.as_str(), ""),
            };
            let separator = if before.contains('?') { "&" } else { "?" };
            request.url = format!("{before}{separator}{query}{fragment}");
        }
    } else if has_data {
        body_from_data(&mut request, &args.data, &mut args.warnings);
    } else if let Some(name) = args.upload.take() {
        request.body = Body::Binary {
            file: Some(FileRef {
                name,
                content_type: String::new(),
                data: None,
            }),
        };
    }
    request.auth = std::mem::take(&mut args.auth);
    use_scheme(&mut args, &mut request);
    request.options = RequestOptions {
        timeout_ms: args.timeout_ms,
        redirect: match (args.location, args.max_redirs.as_deref()) {
            (true, Some("0")) => RedirectMode::Error,
            (true, _) => RedirectMode::Follow,
            // curl shows a redirect rather than following it unless told to.
            (false, _) => RedirectMode::Manual,
        },
        ..RequestOptions::default()
    };
    if matches!(request.method, Method::Get | Method::Head) && request.body != Body::None {
        args.warn(format!(
            "curl sends this {} with a body, which browsers cannot: change the method or remove the body.",
            request.method
        ));
    }
    derive_query(&mut request);
    fold_content_type(&mut request);
    Ok(Imported {
        request,
        warnings: args.warnings,
    })
}

/// `-u`'s credentials (read as Basic) used the way `--digest` or `--aws-sigv4` said.
fn use_scheme(args: &mut Args, request: &mut Request) {
    let credentials = match &request.auth {
        Auth::Basic { username, password } => Some((username.clone(), password.clone())),
        _ => None,
    };
    match (args.scheme, credentials) {
        (AuthScheme::Basic, _) => {}
        (AuthScheme::Digest, Some((username, password))) => {
            request.auth = Auth::Digest { username, password }
        }
        (AuthScheme::Digest, None) => args.warn(
            "--digest has no user name and password to use (curl takes them from -u user:password): \
             the request has no Digest auth."
                .into(),
        ),
        (AuthScheme::AwsSigV4, credentials) => {
            if credentials.is_none() {
                args.warn(
                    "--aws-sigv4 has no keys to sign with (curl takes them from -u ACCESS_KEY:SECRET_KEY): \
                     fill in the access key and secret key."
                        .into(),
                );
            }
            let (access_key, secret_key) = credentials.unwrap_or_default();
            let provider = std::mem::take(&mut args.aws_provider);
            request.auth = aws_sigv4(&provider, access_key, secret_key, request, args);
        }
    }
}

/// AWS Signature settings from `--aws-sigv4 provider1[:provider2[:region[:service]]]` and `-u`'s keys. As
/// curl does, a missing region and service are read from a host named `service.region.provider.tld`; a session
/// token given as an `X-Amz-Security-Token` header becomes the setting, which signing adds again.
fn aws_sigv4(
    provider: &str,
    access_key: String,
    secret_key: String,
    request: &mut Request,
    args: &mut Args,
) -> Auth {
    let mut parts = provider.split(':');
    let provider1 = parts.next().unwrap_or_default();
    let _provider2 = parts.next();
    let mut region = parts.next().unwrap_or_default().to_string();
    let mut service = parts.next().unwrap_or_default().to_string();
    if !provider1.eq_ignore_ascii_case("aws") {
        args.warn(format!(
            "--aws-sigv4 {provider:?} names the provider {provider1:?}: reqlab signs with AWS's names \
             (AWS4-HMAC-SHA256 and X-Amz-* headers), which that provider may not accept."
        ));
    }
    if region.is_empty() || service.is_empty() {
        let host = crate::prepare::url::Url::parse(&request.url)
            .map(|url| url.host)
            .unwrap_or_default();
        let labels: Vec<&str> = host.split('.').collect();
        // `service.region.amazonaws.com`: with fewer labels the second one is not a region.
        if labels.len() >= 4 {
            if service.is_empty() {
                service = labels[0].to_string();
            }
            if region.is_empty() {
                region = labels[1].to_string();
            }
        } else {
            args.warn(format!(
                "--aws-sigv4 {provider:?} gives no region and service, and the host {host:?} does not name them \
                 (as service.region.amazonaws.com would): fill them in."
            ));
        }
    }
    let token_header = request
        .headers
        .iter()
        .rposition(|h| h.enabled && h.key.trim().eq_ignore_ascii_case("x-amz-security-token"));
    let session_token = match token_header {
        Some(index) => {
            let token = request.headers[index].value.clone();
            request
                .headers
                .retain(|h| !h.key.trim().eq_ignore_ascii_case("x-amz-security-token"));
            token
        }
        None => String::new(),
    };
    Auth::AwsSigV4 {
        params: AwsSigV4 {
            access_key,
            secret_key,
            session_token,
            region,
            service,
            ..AwsSigV4::default()
        }
        .to_params(),
    }
}

/// The data pieces as curl joins them: `&` between pieces, except that `--json` pieces are concatenated.
fn joined(data: &[Data], warnings: &mut Vec<String>) -> String {
    let mut text = String::new();
    for (i, piece) in data.iter().enumerate() {
        if piece.file.is_some() {
            if data.len() > 1 {
                warnings.push(
                    "A file among several data pieces cannot be imported; it was left out of the body.".into(),
                );
            }
            continue;
        }
        if i > 0 && !(piece.json && data[i - 1].json) {
            text.push('&');
        }
        text.push_str(&piece.text);
    }
    text
}

fn body_from_data(request: &mut Request, data: &[Data], warnings: &mut Vec<String>) {
    let json = data.iter().any(|d| d.json);
    let default_type = if json {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    };
    if json && !has_header(&request.headers, "accept") {
        request
            .headers
            .push(KeyValue::new("Accept", "application/json"));
    }
    let given_type = request
        .headers
        .iter()
        .find(|h| h.enabled && h.key.eq_ignore_ascii_case("content-type"))
        .map(|h| h.value.clone());
    if let [Data {
        file: Some(name), ..
    }] = data
    {
        request.body = Body::Binary {
            file: Some(FileRef {
                name: name.clone(),
                content_type: String::new(),
                data: None,
            }),
        };
        if given_type.is_none() {
            request
                .headers
                .push(KeyValue::new("Content-Type", default_type));
        }
        return;
    }
    let text = joined(data, warnings);
    let content_type = given_type
        .clone()
        .unwrap_or_else(|| default_type.to_string());
    let media = content_type.split(';').next().unwrap_or_default().trim();
    if media.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        if let Some(fields) = canonical_form_fields(&text) {
            request.body = Body::UrlEncoded { fields };
            if given_type.is_none() {
                request
                    .headers
                    .push(KeyValue::new("Content-Type", default_type));
            }
            return;
        }
    }
    let language = language_with_content_type(&content_type)
        .unwrap_or_else(|| language_for_media_type(&content_type));
    if given_type.is_none() {
        let looks_like_json = text.trim_start().starts_with(['{', '[']);
        if looks_like_json && !json {
            warnings.push(
                "curl sends -d data as application/x-www-form-urlencoded unless told otherwise, and so does this \
                 import; the body looks like JSON: add the header Content-Type: application/json if the server \
                 expects JSON."
                    .into(),
            );
        }
        request
            .headers
            .push(KeyValue::new("Content-Type", content_type.clone()));
    }
    request.body = Body::Raw { language, text };
}
