//! Snippet stage helper for the curl targets of every shell (`shell-curl`, `cmd-curl`, `powershell-curl`): the
//! arguments a curl command needs to send exactly the prepared request, unquoted, for each shell to quote its
//! own way.

use crate::edit::model::{Method, RedirectMode};
use crate::edit::signed_auth::AwsSigV4;
use crate::prepare::{
    PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue, PreparedRequest,
};
use crate::snippet::quote::curl;
use crate::snippet::send_time_auth::{curl_query_order_warning, s3_payload_hash};
use crate::snippet::{seconds, Options};

/// One curl argument: an option (always a plain word), its value, or both. `plain` values (methods, numbers)
/// may be written without quotes where the shell allows.
pub(crate) struct CurlArg {
    pub flag: Option<&'static str>,
    pub value: Option<String>,
    pub plain: bool,
}

impl CurlArg {
    /// The argument as a shell word or two: `quote` writes a value, told whether it is `plain`.
    pub(crate) fn words(&self, quote: impl Fn(&str, bool) -> String) -> String {
        let value = self.value.as_deref().map(|v| quote(v, self.plain));
        match (self.flag, value) {
            (Some(flag), Some(value)) => format!("{flag} {value}"),
            (Some(flag), None) => flag.to_string(),
            (None, Some(value)) => value,
            (None, None) => String::new(),
        }
    }

    fn flag(flag: &'static str) -> Self {
        CurlArg {
            flag: Some(flag),
            value: None,
            plain: true,
        }
    }

    fn with(flag: &'static str, value: impl Into<String>) -> Self {
        CurlArg {
            flag: Some(flag),
            value: Some(value.into()),
            plain: false,
        }
    }

    fn plain(flag: &'static str, value: impl Into<String>) -> Self {
        CurlArg {
            plain: true,
            ..CurlArg::with(flag, value)
        }
    }
}

/// How a shell spells `--form` (typed and file parts; plain ones always go with `--form-string`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormSpelling {
    /// `--form` or `-F`, as the other options.
    AsOtherOptions,
    /// `--form` even with short options (what shell-curl has always written).
    AlwaysLong,
}

/// The arguments a curl command needs to send exactly the prepared request, unquoted.
pub(crate) fn curl_args(
    request: &PreparedRequest,
    options: &Options,
    form: FormSpelling,
    warnings: &mut Vec<String>,
) -> Vec<CurlArg> {
    let flag =
        |long: &'static str, short: &'static str| if options.long_flags { long } else { short };
    if request.url.is_websocket() {
        return websocket_args(request, options, warnings);
    }
    let mut args = Vec::new();
    match request.method {
        // `--request HEAD` would make curl wait for a body that never comes.
        Method::Head => args.push(CurlArg::flag(flag("--head", "-I"))),
        Method::Get if request.body == PreparedBody::None => {}
        ref method => args.push(CurlArg::plain(flag("--request", "-X"), method.as_str())),
    }
    let url = request.url.to_string();
    if url.contains(['[', ']', '{', '}']) {
        // Without it curl expands `[1-3]` and `{a,b}` into several requests.
        args.push(CurlArg::flag(flag("--globoff", "-g")));
    }
    args.push(CurlArg {
        flag: options.long_flags.then_some("--url"),
        value: Some(url),
        plain: false,
    });
    // Browsers follow redirects unless told otherwise; curl only with --location.
    match request.options.redirect {
        RedirectMode::Follow => args.push(CurlArg::flag(flag("--location", "-L"))),
        RedirectMode::Error => {
            args.push(CurlArg::flag(flag("--location", "-L")));
            args.push(CurlArg::plain("--max-redirs", "0"));
        }
        RedirectMode::Manual => {}
    }
    let basic = match &request.auth {
        PreparedAuth::Basic { username, password } => {
            args.push(CurlArg::with(
                flag("--user", "-u"),
                format!("{username}:{password}"),
            ));
            true
        }
        // curl answers the 401's challenge itself: the first request goes without credentials.
        PreparedAuth::Digest { username, password } => {
            if username.contains(':') {
                warnings.push(format!(
                    "curl cannot send the Digest user name \"{username}\": its --user ends the name at \":\"."
                ));
            }
            args.push(CurlArg::flag("--digest"));
            args.push(CurlArg::with(
                flag("--user", "-u"),
                format!("{username}:{password}"),
            ));
            false
        }
        // `send_time_auth` leaves AWS settings here only where curl signs the request itself.
        PreparedAuth::AwsSigV4 { params } => {
            let settings = AwsSigV4::read(params);
            args.push(CurlArg::with(
                "--aws-sigv4",
                format!("aws:amz:{}:{}", settings.region, settings.service),
            ));
            args.push(CurlArg::with(
                flag("--user", "-u"),
                format!("{}:{}", settings.access_key, settings.secret_key),
            ));
            warnings.push(
                "curl signs the request itself with --aws-sigv4, which needs curl 7.75 or later."
                    .to_string(),
            );
            warnings.extend(curl_query_order_warning(request));
            false
        }
        _ => false,
    };
    for (name, value) in &request.headers {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // written as --user above
        }
        // `Name:` tells curl to remove the header; `Name;` is its spelling for an empty value.
        let header = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        args.push(CurlArg::with(flag("--header", "-H"), header));
    }
    if let PreparedAuth::AwsSigV4 { params } = &request.auth {
        // Temporary credentials' token: curl signs the headers it is given, this one included.
        let settings = AwsSigV4::read(params);
        if !settings.session_token.is_empty() {
            args.push(CurlArg::with(
                flag("--header", "-H"),
                format!("X-Amz-Security-Token: {}", settings.session_token),
            ));
        }
        if let Some(hash) = s3_payload_hash(request, &settings) {
            args.push(CurlArg::with(
                flag("--header", "-H"),
                format!("X-Amz-Content-Sha256: {hash}"),
            ));
        }
    }
    match &request.body {
        PreparedBody::None => {}
        // `--data-raw` rather than `-d`: a body starting with `@` must not be read as a file name.
        PreparedBody::Text(text) => args.push(CurlArg::with("--data-raw", text.clone())),
        PreparedBody::UrlEncoded(fields) => {
            // Pre-encoded exactly as browsers encode forms; curl joins repeated --data-raw with `&`.
            for field in fields {
                let pair = PreparedBody::url_encoded(std::slice::from_ref(field));
                args.push(CurlArg::with("--data-raw", pair));
            }
        }
        PreparedBody::Multipart(parts) => {
            for part in parts {
                let form = match form {
                    FormSpelling::AsOtherOptions => flag("--form", "-F"),
                    FormSpelling::AlwaysLong => "--form",
                };
                let (option, spec) = form_part(part, form, warnings);
                args.push(CurlArg::with(option, spec));
            }
        }
        PreparedBody::File(file) => args.push(CurlArg::with(
            "--data-binary",
            format!("@{}", curl::at_file(&file.name)),
        )),
    }
    if request.expects_stream() {
        // curl buffers what it writes to a pipe; a stream's events should show as they come.
        args.push(CurlArg::flag(flag("--no-buffer", "-N")));
    }
    if let Some(ms) = request.options.timeout_ms {
        args.push(CurlArg::plain(flag("--max-time", "-m"), seconds(ms)));
    }
    args
}

/// The arguments for a WebSocket URL, which curl 7.86 and later connect to themselves: the handshake's
/// headers, and `--no-buffer` so each message shows as it arrives. curl cannot send messages from the
/// command line, so the body is left out and the warning says so; `--max-time` ends the wait, since an echo
/// server sends nothing until it is sent something.
fn websocket_args(
    request: &PreparedRequest,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Vec<CurlArg> {
    let flag =
        |long: &'static str, short: &'static str| if options.long_flags { long } else { short };
    let mut args = vec![
        CurlArg::flag(flag("--no-buffer", "-N")),
        CurlArg {
            flag: options.long_flags.then_some("--url"),
            value: Some(request.url.to_string()),
            plain: false,
        },
    ];
    for (name, value) in &request.headers {
        let header = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        args.push(CurlArg::with(flag("--header", "-H"), header));
    }
    let wait = request.options.timeout_ms.map_or_else(
        || crate::snippet::websocket::IDLE_SECONDS.to_string(),
        seconds,
    );
    args.push(CurlArg::plain(flag("--max-time", "-m"), wait));
    let mut warning =
        "curl connects to a WebSocket and prints what the server sends, but cannot send messages: "
            .to_string();
    warning.push_str(if request.body == PreparedBody::None {
        "this command only listens"
    } else {
        "this command does not send the body as the first message"
    });
    warning.push_str(
        ", and ends after --max-time (exit code 28). It needs curl 7.86 or later built with WebSocket \
         support (`curl --version` lists ws).",
    );
    warnings.push(warning);
    args
}

/// One multipart part as a curl option and its argument, unquoted. A plain field goes with `--form-string`,
/// which reads no syntax in the value (a leading `@` or `<` is text); a typed one with `form` and its value
/// in double quotes, because `--form-string` cannot carry a type; a file with `form`, its name and type.
fn form_part(
    part: &PreparedPart,
    form: &'static str,
    warnings: &mut Vec<String>,
) -> (&'static str, String) {
    if part.name.contains('=') {
        warnings.push(format!(
            "curl cannot send a form part named \"{}\": its -F syntax ends the name at \"=\".",
            part.name
        ));
    }
    match (&part.value, &part.content_type) {
        (PreparedPartValue::Text(value), None) => {
            ("--form-string", format!("{}={value}", part.name))
        }
        (PreparedPartValue::Text(value), Some(content_type)) => (
            form,
            format!(
                "{}={}{}",
                part.name,
                curl::form_word(value),
                curl::form_type(content_type)
            ),
        ),
        (PreparedPartValue::File(file), _) => (
            form,
            format!(
                "{}=@{};type={}",
                part.name,
                curl::form_file(&file.name),
                file.effective_content_type()
            ),
        ),
    }
}
