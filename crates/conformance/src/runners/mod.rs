//! How each runnable target's snippet is executed here: one file per language family, each listing its
//! targets. The conformance test runs every runner on every fixture.

mod compiled;
mod javascript;
mod python;
mod shell;

use std::path::Path;
use std::process::Command;

/// How to run one target's snippets.
pub struct Runner {
    pub target: &'static str,
    /// The command that runs `snippet` (a file in `dir`, where the fixture files are too), with `dir` as its
    /// working directory. May compile first (`sh -c "cc ... && ./a.out"`).
    pub command: fn(snippet: &Path, dir: &Path) -> Command,
    /// Fixtures this target cannot send exactly, each with the reason; its snippet warns about the same.
    pub unsupported: &'static [(&'static str, &'static str)],
}

/// Every runner, in the order the registry lists their targets.
pub fn all() -> Vec<Runner> {
    [
        shell::runners(),
        python::runners(),
        javascript::runners(),
        compiled::runners(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A command running `program` with `args` then the snippet, in `dir`.
pub fn interpreter(program: &str, args: &[&str], snippet: &Path, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.args(args).arg(snippet).current_dir(dir);
    command
}
