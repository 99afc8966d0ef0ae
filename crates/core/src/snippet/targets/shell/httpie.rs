//! Snippet target `shell-httpie`: an HTTPie (`http`) command line for POSIX shells, with request items
//! (`Name:value`, `field=value`, `field@file`) where they say exactly what is sent, and `--raw` where not.

use super::{multipart_body_file, warn_nul_in_body_word};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::invisible_note::invisible_note;
use crate::snippet::quote::httpie::{
    httpie_can_carry, httpie_can_carry_key, httpie_key, httpie_value,
};
use crate::snippet::quote::{posix_shell, posix_shell_word};
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "shell-httpie",
    label: "HTTPie",
    client: "HTTPie",
    language: "Shell",
    extension: "sh",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    // Without it HTTPie reads a body from stdin whenever stdin is not a terminal (cron, CI, pipes).
    let mut flags: Vec<String> = vec!["--ignore-stdin".to_string()];
    let mut items: Vec<String> = Vec::new();
    // Shell lines before the command: a multipart body written to the file "$body", sent as standard input.
    let mut prelude: Vec<String> = Vec::new();

    let auth_header = match &request.auth {
        PreparedAuth::Basic { username, password } => {
            flags.push(option_with_value(
                options,
                "--auth",
                "-a",
                &posix_shell(&format!("{username}:{password}")),
            ));
            true
        }
        // HTTPie answers the 401's challenge itself; the first request goes without credentials.
        PreparedAuth::Digest { username, password } => {
            flags.push(option_with_value(options, "--auth-type", "-A", "digest"));
            flags.push(option_with_value(
                options,
                "--auth",
                "-a",
                &posix_shell(&format!("{username}:{password}")),
            ));
            false
        }
        PreparedAuth::Bearer { token } => {
            flags.push(option_with_value(options, "--auth-type", "-A", "bearer"));
            flags.push(option_with_value(
                options,
                "--auth",
                "-a",
                &posix_shell(token),
            ));
            true
        }
        _ => false,
    };
    for (name, value) in &request.headers {
        if auth_header && name.eq_ignore_ascii_case("authorization") {
            continue; // written as --auth above
        }
        carry(value, &mut warnings);
        // `Name:` would remove the header; `Name;` is HTTPie's spelling for an empty value.
        let item = if value.is_empty() {
            format!("{};", httpie_key(name))
        } else {
            format!("{}:{}", httpie_key(name), httpie_value(value))
        };
        items.push(item);
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            warn_nul_in_body_word(text, "HTTPie", &mut warnings);
            flags.push(format!("--raw={}", posix_shell(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            if form_items_are_exact(fields) {
                flags.push(long_or_short(options, "--form", "-f").to_string());
                for (key, value) in fields {
                    carry_key(key, &mut warnings);
                    carry(value, &mut warnings);
                    items.push(format!("{}={}", httpie_key(key), httpie_value(value)));
                }
            } else {
                flags.push(format!(
                    "--raw={}",
                    posix_shell(&PreparedBody::url_encoded(fields))
                ));
            }
        }
        // HTTPie's request items give a text field no Content-Type of its own: a form with one is written
        // out by hand and sent from standard input.
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            let (lines, content_type) =
                multipart_body_file(&request.headers, parts, options.indent, &mut warnings);
            prelude = lines;
            flags.retain(|flag| flag != "--ignore-stdin");
            if let Some(content_type) = content_type {
                items.push(format!("Content-Type:{}", httpie_value(&content_type)));
            }
        }
        PreparedBody::Multipart(parts) => {
            flags.push("--multipart".to_string());
            for part in parts {
                carry_key(&part.name, &mut warnings);
                match &part.value {
                    PreparedPartValue::Text(value) => {
                        carry(value, &mut warnings);
                        items.push(format!(
                            "{}={}",
                            httpie_key(&part.name),
                            httpie_value(value)
                        ))
                    }
                    PreparedPartValue::File(file) => {
                        if file.name.contains(";type=") {
                            warnings.push(format!(
                                "HTTPie reads \";type=\" in \"{}\" as the start of a content type.",
                                file.name
                            ));
                        }
                        carry(&file.name, &mut warnings);
                        items.push(format!(
                            "{}@{};type={}",
                            httpie_key(&part.name),
                            file.name,
                            file.effective_content_type()
                        ))
                    }
                }
            }
        }
        PreparedBody::File(file) => {
            carry(&file.name, &mut warnings);
            items.push(format!("@{}", file.name));
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        flags.push(format!("--timeout={}", seconds(ms)));
    }
    if request.expects_stream() {
        // HTTPie otherwise reads the whole response before printing it, even an endless event stream.
        flags.push(long_or_short(options, "--stream", "-S").to_string());
    }
    // Browsers follow redirects unless told otherwise; HTTPie only with --follow.
    match request.options.redirect {
        RedirectMode::Follow => flags.push(long_or_short(options, "--follow", "-F").to_string()),
        RedirectMode::Error => {
            flags.push(long_or_short(options, "--follow", "-F").to_string());
            flags.push("--max-redirects=0".to_string());
        }
        RedirectMode::Manual => {}
    }

    let mut words = flags;
    // HTTPie guesses GET, or POST when there is data; naming the method keeps it explicit for anything else.
    let has_data = request.body != PreparedBody::None;
    let implied = match request.method {
        Method::Get => !has_data,
        Method::Post => has_data,
        _ => false,
    };
    let url = posix_shell(&request.url.to_string());
    if implied {
        words.push(url);
    } else {
        words.push(format!(
            "{} {url}",
            posix_shell_word(request.method.as_str())
        ));
    }
    for item in &items {
        // argparse takes an argument that starts with "-" and holds no space for an unknown option.
        if item.starts_with('-') && !item.contains(' ') {
            warnings.push(format!(
                "HTTPie reads \"{item}\" as an option, not a request item, because it starts with \"-\"."
            ));
        }
    }
    words.extend(items.iter().map(|item| posix_shell(item)));
    warnings.extend(invisible_note(
        prelude.iter().chain(&words).map(String::as_str),
    ));

    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    if !prelude.is_empty() {
        words.push("< \"$body\"".to_string());
    }
    let mut code = prelude.join("\n");
    if !code.is_empty() {
        code.push('\n');
    }
    code.push_str("http");
    for (i, word) in words.iter().enumerate() {
        code.push_str(if i == 0 { " " } else { &separator });
        code.push_str(word);
    }
    code.push('\n');
    if !prelude.is_empty() {
        code.push_str("rm -f \"$body\"\n");
    }
    Snippet { code, warnings }
}

/// Warns when HTTPie cannot read `text` back from a request item exactly.
fn carry(text: &str, warnings: &mut Vec<String>) {
    if !httpie_can_carry(text) {
        warnings.push(format!(
            "HTTPie drops a backslash before \":\", \";\", \"=\" or \"@\" in request items, and cannot escape \
             it: \"{text}\" arrives without it."
        ));
    }
}

/// Warns when HTTPie cannot read `key` back from a request item exactly.
fn carry_key(key: &str, warnings: &mut Vec<String>) {
    if !httpie_can_carry_key(key) {
        warnings.push(format!(
            "HTTPie cannot take \"{key}\" as a field name exactly: a backslash before \":\", \";\", \"=\", \"@\" \
             or at its end is read as an escape."
        ));
    }
}

/// `--name=value`, or `-n value`: argparse would read `-n=value` as the value "=value".
fn option_with_value(options: &Options, long: &str, short: &str, value: &str) -> String {
    if options.long_flags {
        format!("{long}={value}")
    } else {
        format!("{short} {value}")
    }
}

fn long_or_short<'a>(options: &Options, long: &'a str, short: &'a str) -> &'a str {
    if options.long_flags {
        long
    } else {
        short
    }
}

/// HTTPie's form encoder differs from browsers' on `*` and `~`, and groups repeated fields with the first one;
/// then the browser's encoding is sent raw.
fn form_items_are_exact(fields: &[(String, String)]) -> bool {
    let special = fields
        .iter()
        .any(|(k, v)| k.contains(['*', '~']) || v.contains(['*', '~']));
    let regrouped = fields
        .iter()
        .enumerate()
        .any(|(i, (key, _))| fields[..i].iter().any(|(k, _)| k == key) && fields[i - 1].0 != *key);
    !special && !regrouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_items_only_when_httpie_encodes_like_browsers() {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        let cases = [
            (vec![pair("a", "1"), pair("a", "2"), pair("b", "3")], true),
            (vec![pair("a", "1"), pair("b", "2"), pair("a", "3")], false),
            (vec![pair("glob", "*.txt")], false),
            (vec![pair("home", "~")], false),
        ];
        for (input, expected) in cases {
            assert_eq!(form_items_are_exact(&input), expected);
        }
    }
}

#[cfg(test)]
mod generate_tests {
    use super::*;
    use crate::edit::model::{Environment, Request};
    use crate::prepare::prepare;

    #[test]
    fn items_and_warnings() {
        let cases = [
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "@file"}, {"key": "Y", "value": ""}]}),
                "http --ignore-stdin --follow 'http://h/' 'X:\\@file' 'Y;'\n",
                vec![],
            ),
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "a\\:b"}]}),
                "http --ignore-stdin --follow 'http://h/' 'X:a\\:b'\n",
                vec!["backslash"],
            ),
            (
                serde_json::json!({"method": "POST", "url": "http://h/", "body": {"mode": "url_encoded", "fields": [{"key": "-x", "value": "1"}]}}),
                "http --ignore-stdin --form --follow 'http://h/' 'Content-Type:application/x-www-form-urlencoded' '-x=1'\n",
                vec!["option"],
            ),
        ];
        let options = Options {
            multiline: false,
            ..Options::default()
        };
        for (request, code, expected) in cases {
            let request: Request = serde_json::from_value(request).expect("request json");
            let prepared = prepare(&request, &Environment::default()).expect("prepares");
            let snippet = generate(&prepared, &options);
            assert_eq!(snippet.code, code);
            assert_eq!(
                snippet.warnings.len(),
                expected.len(),
                "{:?}",
                snippet.warnings
            );
            for (warning, needle) in snippet.warnings.iter().zip(expected) {
                assert!(warning.contains(needle), "{warning}");
            }
        }
    }
}
