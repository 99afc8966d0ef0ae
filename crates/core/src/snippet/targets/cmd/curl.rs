//! Snippet target `cmd-curl`: a curl.exe command line for the Windows cmd.exe prompt, one option per line with
//! `^` continuations, from the argument list in `crate::snippet::curl_args` (`powershell-curl` quotes the same
//! words its own way).

use crate::prepare::PreparedRequest;
use crate::snippet::curl_args::{curl_args, FormSpelling};
use crate::snippet::invisible_note::invisible_note;
use crate::snippet::quote::cmd::{cmd_arg, cmd_can_carry, cmd_word};
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "cmd-curl",
    label: "curl (Windows cmd)",
    client: "curl",
    language: "Windows cmd",
    extension: "bat",
    // Golden-only: cmd.exe does not install here (see TOOLCHAIN.md).
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: true,
    generate,
    websocket: Some(generate),
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let args = curl_args(
        request,
        options,
        FormSpelling::AsOtherOptions,
        &mut warnings,
    );
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
        .map(|arg| arg.words(|v, plain| if plain { cmd_word(v) } else { cmd_arg(v) }))
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
