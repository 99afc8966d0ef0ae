//! Library stage, the draft: the request in the editor and its variables, kept so a reload loses nothing.

use super::stored::{self, StoredError};
use crate::edit::model::{Request, Variables};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The version [`Draft::to_json`] writes. Version 1 stored the bare request, version 2 added the active
/// environment, version 3 keeps every environment.
pub const DRAFT_VERSION: u32 = 3;

/// What the editor holds: the request being edited and the Variables tab its `{{variables}}` resolve in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub request: Request,
    pub variables: Variables,
    /// The saved request (`Saved::id`) the editor's content came from, which Save updates in place; none
    /// for a new request, an import, a history entry or an example.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saved: Option<u64>,
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
        // A v2 draft kept the active environment alone: it becomes the one environment, active. (With no
        // environment active, v2 kept an empty unnamed one; that becomes the editor's usual "Default".)
        2 => {
            let Value::Object(mut draft) = data else {
                return Err("the draft is not an object".into());
            };
            let mut environment = draft.remove("environment").unwrap_or_else(|| json!({}));
            if environment
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .is_empty()
            {
                environment["name"] = "Default".into();
            }
            draft.insert(
                "variables".into(),
                json!({ "environments": [environment], "active": 0 }),
            );
            Ok(Value::Object(draft))
        }
        _ => Err(format!("no draft was ever saved as version {from}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::{Environment, KeyValue, Method};

    fn environment(name: &str, path: &str) -> Environment {
        Environment {
            name: name.into(),
            variables: vec![KeyValue::new("path", path)],
        }
    }

    fn sample() -> Draft {
        Draft {
            request: Request {
                method: Method::Post,
                url: "http://h/{{path}}".into(),
                ..Request::default()
            },
            variables: Variables {
                environments: vec![environment("dev", "post"), environment("prod", "put")],
                active: Some(1),
            },
            saved: Some(4),
        }
    }

    #[test]
    fn a_draft_round_trips() {
        let draft = sample();
        let text = draft.to_json();
        assert!(text.starts_with(r#"{"v":3,"#), "{text}");
        assert_eq!(Draft::from_json(&text), Ok(draft));
    }

    #[test]
    fn a_version_1_draft_opens_with_one_empty_default_environment() {
        let text = r#"{"v":1,"data":{"method":"PUT","url":"http://h/put","headers":[{"key":"A","value":"1"}]}}"#;
        let draft = Draft::from_json(text).expect("v1 migrates");
        assert_eq!(draft.request.method, Method::Put);
        assert_eq!(draft.request.url, "http://h/put");
        assert_eq!(draft.request.headers, vec![KeyValue::new("A", "1")]);
        let default = Environment {
            name: "Default".into(),
            variables: Vec::new(),
        };
        assert_eq!(draft.variables.environments, vec![default]);
        assert_eq!(draft.variables.active, Some(0));
    }

    #[test]
    fn a_version_2_draft_opens_with_its_environment_as_the_active_one() {
        let text = r#"{"v":2,"data":{"request":{"url":"http://h/{{path}}"},"environment":{"name":"dev","variables":[{"key":"path","value":"post"}]}}}"#;
        let draft = Draft::from_json(text).expect("v2 migrates");
        assert_eq!(draft.request.url, "http://h/{{path}}");
        assert_eq!(
            draft.variables.environments,
            vec![environment("dev", "post")]
        );
        assert_eq!(draft.variables.active(), environment("dev", "post"));
    }

    #[test]
    fn unknown_versions_are_refused() {
        let cases = [
            (r#"{"v":4,"data":{}}"#, Err(StoredError::Newer(4))),
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
