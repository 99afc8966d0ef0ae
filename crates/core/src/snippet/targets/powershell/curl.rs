//! Snippet target `powershell-curl`: curl.exe called from PowerShell, one option per line with backtick
//! continuations. `curl.exe`, not `curl`: in Windows PowerShell 5.1 `curl` is an alias of Invoke-WebRequest.

use crate::snippet::curl_args::{curl_args, FormSpelling};
use crate::snippet::quote::powershell::powershell_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "powershell-curl",
    label: "curl.exe (PowerShell)",
    client: "curl.exe",
    language: "PowerShell",
    extension: "ps1",
    // Golden-only: PowerShell does not install here (see TOOLCHAIN.md).
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: true,
    generate,
    websocket: Some(generate),
};

fn generate(request: &crate::prepare::PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let args = curl_args(
        request,
        options,
        FormSpelling::AsOtherOptions,
        &mut warnings,
    );
    if args
        .iter()
        .filter_map(|a| a.value.as_deref())
        .any(|v| v.contains('\0'))
    {
        warnings.push(
            "A value contains NUL characters, which no program argument can carry: curl.exe gets it only up to \
             the first one."
                .to_string(),
        );
    }
    if args
        .iter()
        .filter_map(|a| a.value.as_deref())
        .any(|v| v.contains('"'))
    {
        warnings.push(
            "Needs PowerShell 7.3 or later: older versions (Windows PowerShell 5.1 included) drop the double \
             quotes inside arguments they pass to curl.exe."
                .to_string(),
        );
    }
    let words: Vec<String> = args
        .iter()
        .map(|arg| {
            arg.words(|v, plain| {
                if plain && is_bare_word(v) {
                    v.to_string()
                } else {
                    powershell_str(v)
                }
            })
        })
        .collect();
    // The backtick must be the line's last character: after a space it would escape the space instead.
    let separator = if options.multiline {
        format!(" `\n{}", " ".repeat(options.indent))
    } else {
        " ".to_string()
    };
    Snippet {
        code: format!("curl.exe {}\n", words.join(&separator)),
        warnings,
    }
}

/// Words PowerShell passes to a program unchanged without quotes (`POST`, `2.5`, `M-SEARCH`).
fn is_bare_word(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_alphanumeric())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_words() {
        let cases = [
            ("POST", true),
            ("2.5", true),
            ("M-SEARCH", true),
            ("-x", false),
            ("@file", false),
            ("a b", false),
            ("", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_bare_word(input), expected, "{input:?}");
        }
    }
}
