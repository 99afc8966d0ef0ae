//! Page <-> workflow bundle (`src/workflow`). The page hands each answer to `window.reqlab.answer`
//! (index.html keeps the latest whole: the draft asked, status, status text, milliseconds, headers as
//! `name: value` lines, body bytes) and loads the bundle when the request has checks, the Tests tab opens,
//! the answer's tools are asked for, or a run starts. The bundle hands edits back as a
//! `protocol::library::ToPage` (`Checks`, `Variables`), announced by `BUNDLE_EDIT_EVENT`: the structs here
//! write the same JSON (the tests below hold them to it), so the library carries no serializer for them.

use reqlab_core::{KeyValue, Variables};
use serde::Serialize;

/// The Tests tab's rows, read by the page as `ToPage::Checks`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename = "checks")]
pub struct ChecksEdit {
    pub checks: Vec<KeyValue>,
}

/// Every environment, the active one with the answer's captured values, read by the page as
/// `ToPage::Variables`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename = "variables")]
pub struct VariablesEdit {
    pub variables: Variables,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::library::ToPage;
    use reqlab_core::Environment;

    #[test]
    fn edits_are_written_as_the_page_reads_a_to_page() {
        let checks = vec![KeyValue::new("$.token", "set token")];
        let written = serde_json::to_value(ChecksEdit {
            checks: checks.clone(),
        })
        .expect("JSON");
        let read: ToPage = serde_json::from_value(written).expect("a ToPage");
        assert_eq!(read, ToPage::Checks { checks });

        let variables = Variables {
            environments: vec![Environment {
                name: "dev".into(),
                variables: vec![KeyValue::new("token", "t")],
            }],
            active: Some(0),
        };
        let written = serde_json::to_value(VariablesEdit {
            variables: variables.clone(),
        })
        .expect("JSON");
        let read: ToPage = serde_json::from_value(written).expect("a ToPage");
        assert_eq!(read, ToPage::Variables { variables });
    }
}
