//! Assertions on an answer and values captured from it (a request's checks), evaluated after a send.
//!
//! A request keeps its checks as rows (`Request::assertions`, `Request::captures`); [`Assertion`] and
//! [`Capture`] are their typed views. What a check reads from the answer is a [`Subject`]: the status, a
//! header, a JSONPath into the body, the body text, the time or the size. The results
//! ([`AssertionResult`]) are plain data, kept by the history and the runner's reports, so they are built
//! into every bundle; reading and evaluating checks (JSONPath, regular expressions) is the `workflow`
//! feature's.

mod result;
pub use result::{AssertionResult, Captured};

#[cfg(feature = "workflow")]
mod answer;
#[cfg(feature = "workflow")]
mod assertion;
#[cfg(feature = "workflow")]
mod capture;
#[cfg(feature = "workflow")]
mod compare_values;
#[cfg(feature = "workflow")]
mod subject;

#[cfg(feature = "workflow")]
pub use answer::Answer;
#[cfg(feature = "workflow")]
pub use assertion::{evaluate_assertions, Assertion, Operator};
#[cfg(feature = "workflow")]
pub use capture::{apply_captures, capture_all, Capture, Source};
#[cfg(feature = "workflow")]
pub use subject::Subject;
