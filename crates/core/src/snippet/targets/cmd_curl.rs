//! Snippet target `cmd-curl`: a curl.exe command line for the Windows cmd.exe prompt, one option per line with
//! `^` continuations. Also home of the curl argument list the Windows shells share (`powershell-curl` quotes
//! the same words its own way).

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{
    PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue, PreparedRequest,
};
use crate::snippet::quote::cmd::{cmd_arg, cmd_can_carry, cmd_word};
use crate::snippet::quote::curl;
use crate::snippet::targets::shell_wget::invisible_note;
use crate::snippet::{seconds, Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let args = curl_args(request, options, &mut warnings);
    for arg in &args {
        if let Some(value) = arg.value.as_deref().filter(|v| !cmd_can_carry(v)) {
            let what = arg.flag.unwrap_or("URL");
            let mut lost = Vec::new();
            if value.contains(['\r', '\n']) {
                lost.push("line breaks, sent as spaces");
            }
            if value.contains('\0') {
                lost.push("NUL, left out");
            }
            warnings.push(format!(
                "A {what} value contains {}, which no cmd.exe argument can carry. Send it from a file \
                 (--data-binary @file) or use PowerShell.",
                lost.join(", and ")
            ));
        }
    }
    if args
        .iter()
        .filter_map(|a| a.value.as_deref())
        .any(|v| v.contains('%'))
    {
        warnings.push(
            "Written for the cmd prompt, where \"^%\" keeps a % from expanding a variable: in a batch file, \
             write each \"^%\" as %% instead."
                .to_string(),
        );
    }
    warnings.extend(invisible_note(
        args.iter().filter_map(|a| a.value.as_deref()),
    ));
    if args
        .iter()
        .filter_map(|a| a.value.as_deref())
        .any(|v| !v.is_ascii())
    {
        warnings.push(
            "curl.exe may receive non-ASCII characters in the system's ANSI code page rather than UTF-8: \
             check what arrives, or use PowerShell 7."
                .to_string(),
        );
    }
    let words: Vec<String> = args
        .iter()
        .map(|arg| {
            let value = arg
                .value
                .as_deref()
                .map(|v| if arg.plain { cmd_word(v) } else { cmd_arg(v) });
            match (arg.flag, value) {
                (Some(flag), Some(value)) => format!("{flag} {value}"),
                (Some(flag), None) => flag.to_string(),
                (None, Some(value)) => value,
                (None, None) => String::new(),
            }
        })
        .collect();
    // The caret must end the line; the next line starts with a space, because cmd takes the first character
    // after a continuation literally (a quote there would not open a quoted stretch).
    let separator = if options.multiline {
        format!(" ^\n{}", " ".repeat(options.indent.max(1)))
    } else {
        " ".to_string()
    };
    Snippet {
        code: format!("curl {}\n", words.join(&separator)),
        warnings,
    }
}

/// One curl argument: an option (always a plain word), its value, or both. `plain` values (methods, numbers)
/// may be written without quotes where the shell allows.
pub(crate) struct CurlArg {
    pub flag: Option<&'static str>,
    pub value: Option<String>,
    pub plain: bool,
}

impl CurlArg {
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

/// The arguments a curl command needs to send exactly the prepared request, unquoted.
pub(crate) fn curl_args(
    request: &PreparedRequest,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Vec<CurlArg> {
    let flag =
        |long: &'static str, short: &'static str| if options.long_flags { long } else { short };
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
                let (option, spec) = form_part(part, flag("--form", "-F"), warnings);
                args.push(CurlArg::with(option, spec));
            }
        }
        PreparedBody::File(file) => args.push(CurlArg::with(
            "--data-binary",
            format!("@{}", curl::at_file(&file.name)),
        )),
    }
    if let Some(ms) = request.options.timeout_ms {
        args.push(CurlArg::plain(flag("--max-time", "-m"), seconds(ms)));
    }
    args
}

/// One multipart part as a curl option and its argument, unquoted. A plain field goes with `--form-string`,
/// which reads no syntax in the value (a leading `@` or `<` is text); a typed one with `form` and its value
/// in double quotes, because `--form-string` cannot carry a type; a file with `form`, its name and type.
pub(crate) fn form_part(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::{Environment, Request};
    use crate::prepare::prepare;

    fn snippet(request: serde_json::Value, options: &Options) -> Snippet {
        let request: Request = serde_json::from_value(request).expect("request json");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        generate(&prepared, options)
    }

    #[test]
    fn warnings_say_what_cmd_cannot_carry() {
        let cases = [
            (
                serde_json::json!({"method": "POST", "url": "http://h/", "body": {"mode": "raw", "language": "text", "text": "a\nb"}}),
                vec!["line breaks"],
            ),
            (
                serde_json::json!({"method": "GET", "url": "http://h/a%20b"}),
                vec!["batch file"],
            ),
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "a & b"}]}),
                vec![],
            ),
        ];
        for (request, expected) in cases {
            let warnings = snippet(request, &Options::default()).warnings;
            assert_eq!(warnings.len(), expected.len(), "{warnings:?}");
            for (warning, needle) in warnings.iter().zip(expected) {
                assert!(warning.contains(needle), "{warning}");
            }
        }
    }

    #[test]
    fn continuation_lines_never_start_with_a_quote() {
        let options = Options {
            indent: 0,
            ..Options::default()
        };
        let code = snippet(
            serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "1"}]}),
            &options,
        )
        .code;
        assert_eq!(
            code,
            "curl --url \"http://h/\" ^\n --location ^\n --header \"X: 1\"\n"
        );
    }
}
