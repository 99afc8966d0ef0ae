//! What a request checks on its answer and takes from it, evaluated after a send.
//!
//! A request keeps its checks as rows (`Request::checks`); [`Check`] is their typed view. What a check reads
//! from the answer is a [`Subject`]: the status, a header, a JSONPath into the body, a regular expression's
//! group, the body text, the time or the size. Every operator but `set` makes an assertion; `set NAME`
//! captures the value into the environment. The results ([`AssertionResult`], [`Captured`]) are plain data,
//! kept by the history and the runner's reports, so they are built into every bundle; reading and
//! evaluating checks (JSONPath, regular expressions) is the `workflow` feature's.

mod operator;
mod result;
pub use operator::Operator;
pub use result::{AssertionResult, Captured};

#[cfg(feature = "workflow")]
mod answer;
#[cfg(feature = "workflow")]
mod compare_values;
#[cfg(feature = "workflow")]
mod evaluate;
#[cfg(feature = "workflow")]
mod row;
#[cfg(feature = "workflow")]
mod subject;

#[cfg(feature = "workflow")]
pub use answer::Answer;
#[cfg(feature = "workflow")]
pub use evaluate::{apply_captures, evaluate, Checked};
#[cfg(feature = "workflow")]
pub use row::Check;
#[cfg(feature = "workflow")]
pub use subject::{Subject, SUBJECT_FORMS};
