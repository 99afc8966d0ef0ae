//! Runners for Python targets, run by python3 with their libraries installed from PyPI.

use super::{interpreter, Runner};

pub fn runners() -> Vec<Runner> {
    vec![Runner {
        target: "python-requests",
        command: |snippet, dir| interpreter("python3", &[], snippet, dir),
        unsupported: &[],
    }]
}
