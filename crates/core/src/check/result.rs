//! What checking an answer found: each assertion's verdict with the value it saw, each captured value.

use serde::{Deserialize, Serialize};

/// One assertion's verdict, as shown beside the answer and kept in history and reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssertionResult {
    /// The assertion as written: `status`, `header Content-Type`, `$.items[0].id`, ...
    pub subject: String,
    /// The operator's wire name (`equals`, `less_than`, ...).
    pub operator: String,
    /// The expected value, its variables resolved.
    pub expected: String,
    /// What the answer had, shortened for display; empty when it had nothing there.
    pub actual: String,
    pub passed: bool,
    /// Why it failed, when the values alone do not say (not JSON, an invalid pattern, a missing variable).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl AssertionResult {
    /// `status equals 200`: the assertion as a sentence, for reports.
    pub fn title(&self) -> String {
        let mut title = format!("{} {}", self.subject, self.operator.replace('_', " "));
        if !self.expected.is_empty() {
            title.push(' ');
            title.push_str(&self.expected);
        }
        title
    }
}

/// One value taken from the answer into the environment, or why it could not be.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Captured {
    pub name: String,
    pub value: String,
    /// Why nothing was captured; empty when `value` was.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error: String,
}

impl Captured {
    pub fn succeeded(&self) -> bool {
        self.error.is_empty()
    }
}
