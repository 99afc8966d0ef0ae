//! Snippet target `shell-curl`: a curl command line for POSIX shells (bash, zsh, sh).

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::quote::curl;
use crate::snippet::quote::{posix_shell, posix_shell_word};
use crate::snippet::targets::cmd_curl::form_part;
use crate::snippet::{seconds, Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let flag =
        |long: &'static str, short: &'static str| if options.long_flags { long } else { short };
    let mut warnings = Vec::new();
    let mut args: Vec<String> = Vec::new();

    match request.method {
        // `--request HEAD` would make curl wait for a body that never comes.
        Method::Head => args.push(flag("--head", "-I").to_string()),
        Method::Get if request.body == PreparedBody::None => {}
        ref method => args.push(format!(
            "{} {}",
            flag("--request", "-X"),
            posix_shell_word(method.as_str())
        )),
    }
    let url = request.url.to_string();
    if url.contains(['[', ']', '{', '}']) {
        // Without it curl expands `[1-3]` and `{a,b}` into several requests.
        args.push(flag("--globoff", "-g").to_string());
    }
    args.push(if options.long_flags {
        format!("--url {}", posix_shell(&url))
    } else {
        posix_shell(&url)
    });
    // Browsers follow redirects unless told otherwise; curl only with --location.
    match request.options.redirect {
        RedirectMode::Follow => args.push(flag("--location", "-L").to_string()),
        RedirectMode::Error => {
            args.push(flag("--location", "-L").to_string());
            args.push("--max-redirs 0".to_string());
        }
        RedirectMode::Manual => {}
    }
    let basic = match &request.auth {
        PreparedAuth::Basic { username, password } => {
            args.push(format!(
                "{} {}",
                flag("--user", "-u"),
                posix_shell(&format!("{username}:{password}"))
            ));
            true
        }
        _ => false,
    };
    for (name, value) in &request.headers {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // written as --user above
        }
        // `-H 'Name:'` tells curl to remove the header; `Name;` is its spelling for an empty value.
        let header = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        args.push(format!(
            "{} {}",
            flag("--header", "-H"),
            posix_shell(&header)
        ));
    }
    body_args(&request.body, &mut args, &mut warnings);
    if let Some(ms) = request.options.timeout_ms {
        args.push(format!("{} {}", flag("--max-time", "-m"), seconds(ms)));
    }

    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    let mut code = String::from("curl");
    for (i, arg) in args.iter().enumerate() {
        code.push_str(if i == 0 { " " } else { &separator });
        code.push_str(arg);
    }
    code.push('\n');
    Snippet { code, warnings }
}

fn body_args(body: &PreparedBody, args: &mut Vec<String>, warnings: &mut Vec<String>) {
    match body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            if text.contains('\0') {
                warnings.push(
                    "The body contains NUL characters, which no shell script can carry: the shell drops them, \
                     so curl sends the body without them."
                        .to_string(),
                );
            }
            // `--data-raw` rather than `-d`: a body starting with `@` must not be read as a file name.
            args.push(format!("--data-raw {}", posix_shell(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            // Pre-encoded exactly as browsers encode forms; curl joins repeated --data-raw with `&`.
            for field in fields {
                let pair = PreparedBody::url_encoded(std::slice::from_ref(field));
                args.push(format!("--data-raw {}", posix_shell(&pair)));
            }
        }
        PreparedBody::Multipart(parts) => {
            for part in parts {
                let (option, spec) = form_part(part, "--form", warnings);
                args.push(format!("{option} {}", posix_shell(&spec)));
            }
        }
        PreparedBody::File(file) => {
            args.push(format!(
                "--data-binary {}",
                posix_shell(&format!("@{}", curl::at_file(&file.name)))
            ));
        }
    }
}
