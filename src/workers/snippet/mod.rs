//! The snippet worker: resolves the panel's choice, prepares the request and answers with its code, cut
//! into highlighted runs so the page renders them without a lexer of its own.

pub mod choice;

use crate::protocol::snippet::{Answer, Ask};
use choice::Choice;
use reqlab_core::snippet::highlight;
use reqlab_core::{browser_limit, prepare_for, PrepareError, Sender};

/// The snippet worker's whole job: one question in, one answer out.
pub fn answer(message: &str) -> String {
    let answer = match serde_json::from_str::<Ask>(message) {
        Ok(ask) => answer_ask(&ask),
        Err(err) => Answer {
            error: Some(format!("The snippet worker got a malformed message: {err}")),
            ..Answer::default()
        },
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

fn answer_ask(ask: &Ask) -> Answer {
    let choice = Choice::parse(&ask.choice);
    let mut answer = Answer {
        seq: ask.seq,
        choice: choice.encode(),
        languages: choice.languages(),
        clients: choice.clients(),
        values: choice.values(),
        hidden: choice.hidden(),
        ..Answer::default()
    };
    let (request, environment) = (&ask.draft.request, ask.draft.variables.active());
    // A snippet is a program, not a page: it sends what the browser refuses (a body on GET, a blocked
    // port), and says where it still cannot.
    match prepare_for(request, &environment, Sender::Server) {
        Err(err) => answer.error = Some(format!("Fix the request to see its code: {err}")),
        Ok(prepared) => {
            let snippet = choice.target.generate(&prepared, &choice.options);
            answer.runs = runs(&snippet.code, choice.target.extension);
            answer.code = snippet.code;
            answer.warnings = snippet.warnings;
            if let Some(limit) = browser_limit(&prepared) {
                answer.warnings.insert(0, browser_limit_warning(&limit));
                answer.browser_limit = true;
            }
        }
    }
    answer
}

/// What a snippet of a request the browser refuses must say: where its code fails too.
fn browser_limit_warning(limit: &PrepareError) -> String {
    match limit {
        PrepareError::BlockedPort(port) => format!(
            "Browsers refuse to connect to port {port}: this code connects, unless it runs in a browser or \
             uses Node's fetch, which keep the same list of blocked ports."
        ),
        PrepareError::BodyNotAllowed(method) => format!(
            "Browsers refuse a {method} request with a body: this code sends it, unless it runs in a \
             browser (fetch, XMLHttpRequest) or uses Node's fetch, which refuse it too."
        ),
        other => other.to_string(),
    }
}

/// Cuts `code` into highlighted and plain runs; concatenated, their texts are `code` again.
fn runs(code: &str, extension: &str) -> Vec<(String, String)> {
    let mut runs = Vec::new();
    let mut at = 0;
    for token in highlight::highlight(code, extension) {
        // The lexer promises ordered, in-bounds tokens on char boundaries; `get` keeps a broken promise
        // from panicking the worker.
        let (Some(plain), Some(text)) =
            (code.get(at..token.start), code.get(token.start..token.end))
        else {
            continue;
        };
        if !plain.is_empty() {
            runs.push((String::new(), plain.to_string()));
        }
        runs.push((format!("tok-{}", token.kind.class()), text.to_string()));
        at = token.end;
    }
    if let Some(rest) = code.get(at..).filter(|rest| !rest.is_empty()) {
        runs.push((String::new(), rest.to_string()));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::library::draft::Draft;
    use reqlab_core::{Environment, KeyValue, Request, Variables};

    fn ask(choice: &str, url: &str) -> Ask {
        Ask {
            seq: 7,
            choice: choice.into(),
            draft: Draft {
                request: Request {
                    url: url.into(),
                    ..Request::default()
                },
                variables: Variables::default(),
                saved: None,
            },
        }
    }

    fn round_trip(ask: &Ask) -> Answer {
        let message = serde_json::to_string(ask).expect("serializes");
        serde_json::from_str(&answer(&message)).expect("the worker answers JSON")
    }

    #[test]
    fn answers_with_the_code_and_the_controls_of_the_chosen_target() {
        let reply = round_trip(&ask("snippet-client=shell-curl", "https://h/x?q=1"));
        assert_eq!(reply.seq, 7);
        assert!(
            reply.code.contains("--url 'https://h/x?q=1'"),
            "{}",
            reply.code
        );
        assert_eq!(reply.error, None);
        assert!(reply
            .choice
            .starts_with("snippet-language=Shell\nsnippet-client=shell-curl\n"));
        assert!(reply.languages.iter().any(|(l, _)| l == "Python"));
        assert!(reply
            .clients
            .contains(&("shell-wget".into(), "Wget".into())));
        assert!(reply.hidden.iter().all(|h| h != "snippet-short-flags"));
    }

    #[test]
    fn the_active_environment_of_the_variables_resolves_the_request() {
        let host = |name: &str, value: &str| Environment {
            name: name.into(),
            variables: vec![KeyValue::new("host", value)],
        };
        let mut asked = ask("snippet-client=shell-curl", "https://{{host}}/x");
        asked.draft.variables.environments =
            vec![host("dev", "dev.test"), host("prod", "prod.test")];
        for (active, expected) in [(Some(0), "dev.test"), (Some(1), "prod.test")] {
            asked.draft.variables.active = active;
            let reply = round_trip(&asked);
            assert!(
                reply.code.contains(&format!("'https://{expected}/x'")),
                "{}",
                reply.code
            );
        }
        // None active: the variable stays unresolved, which the request cannot be sent with.
        asked.draft.variables.active = None;
        assert!(round_trip(&asked).error.is_some_and(|e| e.contains("host")));
    }

    #[test]
    fn explains_requests_that_cannot_be_prepared_and_bad_messages() {
        let reply = round_trip(&ask("", "no scheme"));
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.contains("no scheme")));
        assert!(reply.code.is_empty());
        // The pickers still work while the request is broken.
        assert!(!reply.clients.is_empty());
        let reply: Answer = serde_json::from_str(&answer("{not json")).expect("JSON");
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("The snippet worker got a malformed message")));
    }

    #[test]
    fn runs_cover_the_code_and_mark_its_strings() {
        let reply = round_trip(&ask("snippet-client=python-requests", "https://h/x?q=1"));
        let joined: String = reply.runs.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(joined, reply.code);
        assert!(reply
            .runs
            .iter()
            .any(|(class, text)| class == "tok-str" && text == "\"https://h/x?q=1\""));
        assert!(reply
            .runs
            .iter()
            .any(|(class, text)| class == "tok-kw" && text == "import"));
        // No empty runs: each becomes a DOM node on the page.
        assert!(reply.runs.iter().all(|(_, text)| !text.is_empty()));
    }

    #[test]
    fn the_options_in_the_choice_shape_the_code() {
        let reply = round_trip(&ask(
            "snippet-client=shell-curl\nsnippet-short-flags=true",
            "https://h/",
        ));
        assert!(reply.code.contains("curl 'https://h/'"), "{}", reply.code);
        // An absurd indent from edited storage is capped, not allocated.
        let mut question = ask(
            "snippet-client=shell-curl\nsnippet-indent=99999999999",
            "https://h/",
        );
        question.draft.request.headers = vec![KeyValue::new("A", "b")];
        let reply = round_trip(&question);
        let capped = format!("\n{}--header 'A: b'", " ".repeat(choice::MAX_INDENT));
        assert!(reply.code.contains(&capped), "{}", reply.code);
    }
}

#[cfg(test)]
mod browser_limits {
    use super::*;
    use reqlab_core::edit::model::{Body, RawLanguage};
    use reqlab_core::library::draft::Draft;
    use reqlab_core::Request;

    fn ask(request: Request) -> Answer {
        answer_ask(&Ask {
            seq: 1,
            choice: String::new(),
            draft: Draft {
                request,
                ..Draft::default()
            },
        })
    }

    #[test]
    fn what_the_browser_refuses_still_gets_its_code_with_a_warning() {
        let get_with_body = Request {
            url: "http://h:1/search".into(),
            body: Body::Raw {
                language: RawLanguage::Json,
                text: r#"{"q": "x"}"#.into(),
            },
            ..Request::default()
        };
        let answer = ask(get_with_body);
        assert_eq!(answer.error, None);
        assert!(answer.browser_limit);
        assert!(answer.code.contains("http://h:1/search"), "{}", answer.code);
        assert!(
            answer.code.contains(r#"\"q\""#) || answer.code.contains(r#""q""#),
            "{}",
            answer.code
        );
        assert!(
            answer.warnings[0].starts_with("Browsers refuse a GET request with a body"),
            "{:?}",
            answer.warnings
        );
        // A request the browser sends has no such warning.
        let plain = ask(Request {
            url: "http://h/search".into(),
            ..Request::default()
        });
        assert!(!plain.browser_limit);
        assert!(
            plain
                .warnings
                .iter()
                .all(|w| !w.starts_with("Browsers refuse")),
            "{:?}",
            plain.warnings
        );
        let port = ask(Request {
            url: "http://h:6667/".into(),
            ..Request::default()
        });
        assert!(
            port.warnings[0].starts_with("Browsers refuse to connect to port 6667"),
            "{:?}",
            port.warnings
        );
    }
}
