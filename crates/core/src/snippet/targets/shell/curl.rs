//! Snippet target `shell-curl`: a curl command line for POSIX shells (bash, zsh, sh), from the argument list
//! in `crate::snippet::curl_args`, each value in single quotes (methods and numbers bare where safe).

use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::curl_args::{curl_args, FormSpelling};
use crate::snippet::quote::{posix_shell, posix_shell_word};
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "shell-curl",
    label: "curl",
    client: "curl",
    language: "Shell",
    extension: "sh",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: true,
    generate,
    websocket: Some(generate),
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    if matches!(&request.body, PreparedBody::Text(text) if text.contains('\0')) {
        warnings.push(
            "The body contains NUL characters, which no shell script can carry: the shell drops them, \
             so curl sends the body without them."
                .to_string(),
        );
    }
    let args = curl_args(request, options, FormSpelling::AlwaysLong, &mut warnings);
    let words: Vec<String> = args
        .iter()
        .map(|arg| {
            arg.words(|v, plain| {
                if plain {
                    posix_shell_word(v)
                } else {
                    posix_shell(v)
                }
            })
        })
        .collect();
    let separator = if options.multiline {
        format!(" \\\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    Snippet {
        code: format!("curl {}\n", words.join(&separator)),
        warnings,
    }
}
