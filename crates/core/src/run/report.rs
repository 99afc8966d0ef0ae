//! A run's results: one row per request sent (or not), with its verdicts and captures, and their totals.

use crate::check::{AssertionResult, Captured};
use serde::{Deserialize, Serialize};

/// Everything a run did, in order: what the results table shows and the reporters write.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    pub collection: String,
    /// RFC 3339, when the run started.
    pub started_at: String,
    pub iterations: usize,
    pub steps: Vec<StepResult>,
    /// Why the run ended before its last request: `bail` (stopped at the first failure) or `cancelled`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stopped: String,
}

/// One request of one iteration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepResult {
    /// Counted from 1.
    pub iteration: usize,
    /// The request's place in the run's plan, counted from 0.
    pub index: usize,
    pub path: String,
    pub method: String,
    pub url: String,
    /// 0 when no answer came.
    pub status: u16,
    pub status_text: String,
    pub elapsed_ms: f64,
    pub size: u64,
    pub assertions: Vec<AssertionResult>,
    pub captured: Vec<Captured>,
    /// Why the request was not sent or got no answer; empty when it was answered.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error: String,
}

impl StepResult {
    /// Not answered, an assertion failed, or a value could not be captured.
    pub fn failed(&self) -> bool {
        !self.error.is_empty()
            || self.assertions.iter().any(|a| !a.passed)
            || self.captured.iter().any(|c| !c.succeeded())
    }
}

/// The counts a run ends with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub requests: usize,
    /// Requests not sent or not answered.
    pub errors: usize,
    pub assertions: usize,
    pub failed_assertions: usize,
    pub failed_captures: usize,
}

impl Report {
    pub fn totals(&self) -> Totals {
        let mut totals = Totals {
            requests: self.steps.len(),
            ..Totals::default()
        };
        for step in &self.steps {
            totals.errors += usize::from(!step.error.is_empty());
            totals.assertions += step.assertions.len();
            totals.failed_assertions += step.assertions.iter().filter(|a| !a.passed).count();
            totals.failed_captures += step.captured.iter().filter(|c| !c.succeeded()).count();
        }
        totals
    }

    /// Every request answered, every assertion passed, every value captured.
    pub fn passed(&self) -> bool {
        !self.steps.iter().any(StepResult::failed)
    }

    /// The report as JSON, indented by two spaces (the `json` reporter, the app's export). Indented by
    /// `render::json`, which the app has anyway: serde's pretty writer would be a second writer in it.
    pub fn to_json(&self) -> String {
        let compact = serde_json::to_string(self).unwrap_or_default();
        crate::render::json::format(&compact, 2).unwrap_or(compact)
    }
}
