//! Snippet target `shell-wget`: a GNU Wget command line for POSIX shells (bash, zsh, sh).
//!
//! Wget has no multipart support, so a multipart body is written to a temporary file with `printf` and `cat`
//! (the files' own bytes) and sent with `--body-file`, under a boundary the snippet names (see `super`).

use super::{multipart_body_file, warn_nul_in_body_word};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::headers::merge_repeated_headers;
use crate::snippet::invisible_note::invisible_note;
use crate::snippet::quote::{posix_shell, posix_shell_word};
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "shell-wget",
    label: "Wget",
    client: "Wget",
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
    let mut prelude: Vec<String> = Vec::new();
    let mut cleanup = None;
    let mut args: Vec<String> = vec![if options.long_flags {
        "--quiet --output-document=-".to_string()
    } else {
        "-q -O-".to_string()
    }];
    if request.method != Method::Get {
        args.push(format!(
            "--method={}",
            posix_shell_word(request.method.as_str())
        ));
    }
    let basic = match &request.auth {
        PreparedAuth::Basic { username, password } => {
            // Without --auth-no-challenge wget sends credentials only after a 401, which browsers never wait for.
            args.push(format!("--user={}", posix_shell(username)));
            args.push(format!("--password={}", posix_shell(password)));
            args.push("--auth-no-challenge".to_string());
            true
        }
        // Without --auth-no-challenge wget waits for the 401 and answers its challenge, Digest included.
        PreparedAuth::Digest { username, password } => {
            args.push(format!("--user={}", posix_shell(username)));
            args.push(format!("--password={}", posix_shell(password)));
            false
        }
        _ => false,
    };
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        .cloned()
        .collect();
    for (name, value) in merge_repeated_headers(&headers, "wget", &mut warnings) {
        args.push(format!(
            "--header={}",
            posix_shell(&format!("{name}: {value}"))
        ));
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            warn_nul_in_body_word(text, "wget", &mut warnings);
            args.push(format!("--body-data={}", posix_shell(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            args.push(format!(
                "--body-data={}",
                posix_shell(&PreparedBody::url_encoded(fields))
            ));
        }
        PreparedBody::File(file) => {
            args.push(format!("--body-file={}", posix_shell(&file.name)));
        }
        PreparedBody::Multipart(parts) => {
            let (lines, content_type) =
                multipart_body_file(&request.headers, parts, options.indent, &mut warnings);
            prelude.extend(lines);
            if let Some(content_type) = content_type {
                args.push(format!(
                    "--header={}",
                    posix_shell(&format!("Content-Type: {content_type}"))
                ));
            }
            args.push("--body-file=\"$body\"".to_string());
            cleanup = Some("rm -f \"$body\"");
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        // wget retries a timed-out request 20 times by default; a browser gives up.
        args.push(format!("--timeout={} --tries=1", seconds(ms)));
    }
    // wget follows redirects by default, as browsers do.
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            args.push("--max-redirect=0".to_string());
            warnings.push(
                "wget cannot hand back a redirect response: with --max-redirect=0 it prints the redirect and \
                 exits with an error instead of returning the 3xx."
                    .to_string(),
            );
        }
        RedirectMode::Error => args.push("--max-redirect=0".to_string()),
    }
    args.push(posix_shell(&request.url.to_string()));
    warnings.extend(invisible_note(
        prelude.iter().chain(&args).map(String::as_str),
    ));

    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    let mut code = prelude.join("\n");
    if !code.is_empty() {
        code.push('\n');
    }
    code.push_str("wget");
    for (i, arg) in args.iter().enumerate() {
        code.push_str(if i == 0 { " " } else { &separator });
        code.push_str(arg);
    }
    code.push('\n');
    if let Some(cleanup) = cleanup {
        code.push_str(cleanup);
        code.push('\n');
    }
    Snippet { code, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::{Environment, Request};
    use crate::prepare::prepare;

    #[test]
    fn warnings() {
        let cases = [
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "headers": [{"key": "X", "value": "1"}, {"key": "x", "value": "2"}]}),
                vec!["joined"],
            ),
            (
                serde_json::json!({"method": "POST", "url": "http://h/", "body": {"mode": "raw", "language": "text", "text": "a\u{0}b"}}),
                vec!["NUL"],
            ),
            (
                serde_json::json!({"method": "GET", "url": "http://h/", "options": {"redirect": "manual"}}),
                vec!["redirect"],
            ),
        ];
        for (request, expected) in cases {
            let request: Request = serde_json::from_value(request).expect("request json");
            let prepared = prepare(&request, &Environment::default()).expect("prepares");
            let warnings = generate(&prepared, &Options::default()).warnings;
            assert_eq!(warnings.len(), expected.len(), "{warnings:?}");
            for (warning, needle) in warnings.iter().zip(expected) {
                assert!(warning.contains(needle), "{warning}");
            }
        }
    }
}
