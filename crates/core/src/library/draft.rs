//! Library stage, the draft: the request in the editor and its environment, kept so a reload loses nothing.

use super::stored::{self, StoredError};
use crate::model::{Environment, Request};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The version [`Draft::to_json`] writes. Version 1 stored the bare request, before environments were kept.
pub const DRAFT_VERSION: u32 = 2;

/// What the editor holds: the request being edited and the environment its `{{variables}}` resolve against.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub request: Request,
    pub environment: Environment,
}

impl Draft {
    pub fn to_json(&self) -> String {
        stored::wrap(DRAFT_VERSION, self)
    }

    pub fn from_json(text: &str) -> Result<Draft, StoredError> {
        stored::open(text, DRAFT_VERSION, migrate)
    }
}

fn migrate(from: u32, data: Value) -> Result<Value, String> {
    match from {
        // A v1 draft was the request alone; it had no environment, so it gets an empty one.
        1 => Ok(json!({ "request": data, "environment": { "name": "", "variables": [] } })),
        _ => Err(format!("no draft was ever saved as version {from}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KeyValue, Method};

    fn sample() -> Draft {
        Draft {
            request: Request {
                method: Method::Post,
                url: "http://h/{{path}}".into(),
                ..Request::default()
            },
            environment: Environment {
                name: "dev".into(),
                variables: vec![KeyValue::new("path", "post")],
            },
        }
    }

    #[test]
    fn a_draft_round_trips() {
        let draft = sample();
        let text = draft.to_json();
        assert!(text.starts_with(r#"{"v":2,"#), "{text}");
        assert_eq!(Draft::from_json(&text), Ok(draft));
    }

    #[test]
    fn a_version_1_draft_opens_as_version_2_with_an_empty_environment() {
        let text = r#"{"v":1,"data":{"method":"PUT","url":"http://h/put","headers":[{"key":"A","value":"1"}]}}"#;
        let draft = Draft::from_json(text).expect("v1 migrates");
        assert_eq!(draft.request.method, Method::Put);
        assert_eq!(draft.request.url, "http://h/put");
        assert_eq!(draft.request.headers, vec![KeyValue::new("A", "1")]);
        assert_eq!(draft.environment, Environment::default());
    }

    #[test]
    fn unknown_versions_are_refused() {
        let cases = [
            (r#"{"v":3,"data":{}}"#, Err(StoredError::Newer(3))),
            (
                r#"{"v":0,"data":{}}"#,
                Err(StoredError::Corrupt(
                    "upgrading from version 0 failed: no draft was ever saved as version 0".into(),
                )),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Draft::from_json(text), expected, "{text}");
        }
    }
}
