//! Snippet target `shell-curl`: a curl command line for POSIX shells (bash, zsh, sh).

use crate::model::Method;
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::quote::{posix_shell, posix_shell_word};
use crate::snippet::{Options, Snippet};

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
    for (name, value) in &request.headers {
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
    if let PreparedBody::Text(body) = &request.body {
        if body.contains('\0') {
            warnings.push(
                "The body contains NUL characters, which no shell argument can carry: curl sends the body \
                 only up to the first one."
                    .to_string(),
            );
        }
        // `--data-raw` rather than `-d`: a body starting with `@` must not be read as a file name.
        args.push(format!("--data-raw {}", posix_shell(body)));
    }

    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    let mut code = String::from("curl");
    for arg in &args {
        code.push_str(if code == "curl" { " " } else { &separator });
        code.push_str(arg);
    }
    code.push('\n');
    Snippet { code, warnings }
}
