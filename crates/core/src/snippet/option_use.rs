//! Snippet stage, for option pickers: which `Options` fields change each target's code, so a UI offers only
//! the options that do something for the chosen target. A test checks every entry against the generators.

/// Names of the `Options` fields, as they appear in its serialized form.
pub const INDENT: &str = "indent";
pub const LONG_FLAGS: &str = "long_flags";
pub const MULTILINE: &str = "multiline";
pub const PYTHON_SESSION: &str = "python_session";
pub const INCLUDE_TIMEOUT: &str = "include_timeout";

/// The options the target with this id honours (none for an unknown id).
pub fn honoured(id: &str) -> &'static [&'static str] {
    match id {
        "shell-curl" | "shell-wget" | "shell-httpie" | "cmd-curl" | "powershell-curl" => {
            &[INDENT, LONG_FLAGS, MULTILINE, INCLUDE_TIMEOUT]
        }
        // The message itself has no layout and no timeout.
        "http-raw" => &[],
        "python-requests" => &[INDENT, PYTHON_SESSION, INCLUDE_TIMEOUT],
        // gofmt's layout is tabs, whatever the indent asked for.
        "go-native" => &[INCLUDE_TIMEOUT],
        _ if super::find_target(id).is_ok() => &[INDENT, INCLUDE_TIMEOUT],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::{Options, TARGETS};
    use crate::{
        prepare, Body, Environment, FileRef, FormPart, KeyValue, Method, RawLanguage, Request,
    };

    /// Each option with a non-default value.
    fn toggles() -> Vec<(&'static str, Options)> {
        let default = Options::default();
        vec![
            (
                INDENT,
                Options {
                    indent: 2,
                    ..default.clone()
                },
            ),
            (
                LONG_FLAGS,
                Options {
                    long_flags: false,
                    ..default.clone()
                },
            ),
            (
                MULTILINE,
                Options {
                    multiline: false,
                    ..default.clone()
                },
            ),
            (
                PYTHON_SESSION,
                Options {
                    python_session: true,
                    ..default.clone()
                },
            ),
            (
                INCLUDE_TIMEOUT,
                Options {
                    include_timeout: false,
                    ..default
                },
            ),
        ]
    }

    #[test]
    fn each_target_honours_exactly_the_options_listed() {
        // Requests with something for every option to act on: headers and bodies to indent or flag (some
        // targets nest only multipart parts), a timeout to leave out.
        let mut json = Request {
            method: Method::Post,
            url: "https://h/x".into(),
            headers: vec![KeyValue::new("X-A", "1")],
            body: Body::Raw {
                language: RawLanguage::Json,
                text: "{\"a\": 1}".into(),
            },
            ..Request::default()
        };
        json.options.timeout_ms = Some(1500);
        let multipart = Request {
            body: Body::Multipart {
                parts: vec![FormPart::file(
                    "f",
                    Some(FileRef::new("a.txt", "text/plain", b"a".to_vec())),
                )],
            },
            ..json.clone()
        };
        // gql writes code for a GraphQL operation only.
        let graphql = Request {
            body: Body::Raw {
                language: RawLanguage::GraphQl,
                text: r#"{"query":"{ a }"}"#.into(),
            },
            ..json.clone()
        };
        let probes: Vec<_> = [json, multipart, graphql]
            .iter()
            .map(|r| prepare(r, &Environment::default()).expect("prepares"))
            .collect();
        let mut wrong = Vec::new();
        for target in TARGETS {
            for (name, options) in toggles() {
                let changes = probes.iter().any(|probe| {
                    target.generate(probe, &options).code
                        != target.generate(probe, &Options::default()).code
                });
                if changes != honoured(target.id).contains(&name) {
                    wrong.push(format!(
                        "{}: {name} {} the code",
                        target.id,
                        if changes {
                            "changes"
                        } else {
                            "does not change"
                        }
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(honoured("cobol").is_empty());
    }
}
