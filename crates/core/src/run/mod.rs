//! The runner: a folder or collection sent in order, iterations from a data file, results and reports.
//!
//! [`Runner`] decides what to send and checks what came back; whoever drives it sends (the app's runner
//! through fetch, `reqlab run` from the host), so both run the same pipeline: plan, variables (collection,
//! environment, data row, captures, references, dynamic values), prepare, send, assertions, captures.

mod data;
mod junit;
mod plan;
mod references;
mod report;
mod runner;

pub use data::{read_csv, read_data, read_json, DataRow};
pub use junit::junit_xml;
pub use plan::{plan, Planned};
pub use references::is_reference;
pub use report::{Report, StepResult, Totals};
pub use runner::{Dynamic, Exchange, RunOptions, Runner, Step};
