//! Runners for Python targets, run by python3 with their libraries installed from PyPI.

use super::{interpreter, Runner};

pub fn runners() -> Vec<Runner> {
    [
        "python-requests",
        "python-http-client",
        "python-urllib3",
        "python-httpx",
    ]
    .into_iter()
    .map(|target| Runner {
        target,
        command: |snippet, dir| interpreter("python3", &[], snippet, dir),
        unsupported: &[],
    })
    .collect()
}
