//! Runners for command-line targets (curl and its kin), run by a POSIX shell.

use super::{interpreter, Runner};

pub fn runners() -> Vec<Runner> {
    vec![Runner {
        target: "shell-curl",
        command: |snippet, dir| interpreter("sh", &[], snippet, dir),
        unsupported: &[],
    }]
}
