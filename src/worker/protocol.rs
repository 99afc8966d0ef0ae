//! The messages between the page and the snippet worker (JSON strings), and the worker's side of them.

use super::choice::Choice;
use reqlab_core::snippet::highlight;
use reqlab_core::{prepare, Environment, Request};
use serde::{Deserialize, Serialize};

/// Worker -> page, once, when it listens: a message posted to a worker before its wasm has started is
/// dispatched to no handler and lost, so the page holds its question until it hears this.
pub const READY: &str = "ready";

/// Page -> worker: generate the chosen target's snippet for this request.
#[derive(Debug, Serialize, Deserialize)]
pub struct Ask {
    /// Echoed back, so the page can ignore answers to questions it has since replaced.
    pub seq: u64,
    /// The target and the options, as the panel stores them (see `worker::choice`); the worker resolves
    /// it, so any text is a valid choice.
    pub choice: String,
    pub request: Request,
    pub environment: Environment,
}

/// Worker -> page. Only types the page already decodes elsewhere (strings, lists of strings and of string
/// pairs), which keeps the page's decoder small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u64,
    /// The asked choice resolved and written canonically: what the page stores and asks with next.
    pub choice: String,
    /// `(value, text)` options of the Language and Client pickers.
    pub languages: Vec<(String, String)>,
    pub clients: Vec<(String, String)>,
    /// `(control id, value)` for every control of the panel (`true`/`false` for checkboxes).
    pub values: Vec<(String, String)>,
    /// Ids of the option controls that do nothing for the chosen target.
    pub hidden: Vec<String>,
    pub code: String,
    /// `code` again, cut into `(class, text)` runs that cover it exactly: class `tok-<kind>` for a
    /// highlighted token, empty for plain text. The lexing happens here so the page's bundle carries none
    /// of it: the page only renders these runs.
    pub runs: Vec<(String, String)>,
    pub warnings: Vec<String>,
    /// Why there is no code (the request cannot be prepared).
    pub error: Option<String>,
}

/// The worker's whole job: one question in, one answer out.
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
    match prepare(&ask.request, &ask.environment) {
        Err(err) => answer.error = Some(format!("Fix the request to see its code: {err}")),
        Ok(prepared) => {
            let snippet = choice.target.generate(&prepared, &choice.options);
            answer.runs = runs(&snippet.code, choice.target.extension);
            answer.code = snippet.code;
            answer.warnings = snippet.warnings;
        }
    }
    answer
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
    use reqlab_core::KeyValue;

    fn ask(choice: &str, url: &str) -> Ask {
        Ask {
            seq: 7,
            choice: choice.into(),
            request: Request {
                url: url.into(),
                ..Request::default()
            },
            environment: Environment::default(),
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
        question.request.headers = vec![KeyValue::new("A", "b")];
        let reply = round_trip(&question);
        let capped = format!(
            "\n{}--header 'A: b'",
            " ".repeat(super::super::choice::MAX_INDENT)
        );
        assert!(reply.code.contains(&capped), "{}", reply.code);
    }
}
