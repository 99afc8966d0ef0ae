//! The messages between the page and the snippet worker (JSON strings), and the worker's side of them.

use reqlab_core::snippet::{self, Options, TARGETS};
use reqlab_core::{prepare, Environment, Request};
use serde::{Deserialize, Serialize};

/// Worker -> page, once, when it listens: a message posted to a worker before its wasm has started is
/// dispatched to no handler and lost, so the page holds its question until it hears this.
pub const READY: &str = "ready";

/// Page -> worker: generate `target`'s snippet for this request.
#[derive(Debug, Serialize, Deserialize)]
pub struct Ask {
    /// Echoed back, so the page can ignore answers to questions it has since replaced.
    pub seq: u64,
    pub target: String,
    pub request: Request,
    pub environment: Environment,
}

/// Worker -> page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u64,
    /// Every target as `(id, label)`, for the picker.
    pub targets: Vec<(String, String)>,
    pub code: String,
    pub warnings: Vec<String>,
    /// Why there is no code (the request cannot be prepared, or an unknown target).
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
    let targets = TARGETS
        .iter()
        .map(|t| (t.id.to_string(), t.label.to_string()))
        .collect();
    let mut answer = Answer {
        seq: ask.seq,
        targets,
        ..Answer::default()
    };
    match prepare(&ask.request, &ask.environment) {
        Err(err) => answer.error = Some(format!("Fix the request to see its code: {err}")),
        Ok(prepared) => match snippet::generate(&ask.target, &prepared, &Options::default()) {
            Ok(snippet) => {
                answer.code = snippet.code;
                answer.warnings = snippet.warnings;
            }
            Err(err) => answer.error = Some(err.to_string()),
        },
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(target: &str, url: &str) -> String {
        serde_json::to_string(&Ask {
            seq: 7,
            target: target.into(),
            request: Request {
                url: url.into(),
                ..Request::default()
            },
            environment: Environment::default(),
        })
        .expect("serializes")
    }

    fn read(reply: &str) -> Answer {
        serde_json::from_str(reply).expect("the worker answers JSON")
    }

    #[test]
    fn answers_with_the_code_the_target_generates_and_every_target() {
        let reply = read(&answer(&ask("shell-curl", "https://h/x?q=1")));
        assert_eq!(reply.seq, 7);
        assert!(
            reply.code.contains("--url 'https://h/x?q=1'"),
            "{}",
            reply.code
        );
        assert_eq!(reply.error, None);
        assert_eq!(reply.targets.len(), TARGETS.len());
        assert!(reply.targets.iter().any(|(id, _)| id == "python-requests"));
    }

    #[test]
    fn explains_requests_that_cannot_be_prepared_and_bad_messages() {
        let reply = read(&answer(&ask("shell-curl", "no scheme")));
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.contains("no scheme")));
        assert!(reply.code.is_empty());
        let reply = read(&answer(&ask("cobol", "https://h/")));
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.contains("\"cobol\"")));
        let reply = read(&answer("{not json"));
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("The snippet worker got a malformed message")));
    }
}
