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

/// Targets whose client sends one kind of request, with the fixtures they run: gql sends GraphQL
/// operations only.
const ONLY: &[(&str, &[&str])] = &[("python-gql", &["graphql_query", "graphql_get"])];

impl Runner {
    /// Whether this target runs the fixture `case` (every one, unless its client sends one kind only).
    pub fn runs(&self, case: &str) -> bool {
        ONLY.iter()
            .find(|(target, _)| *target == self.target)
            .is_none_or(|(_, cases)| cases.contains(&case))
    }

    /// Writes `code` into `dir` as the file `name` and gives the command that runs it there.
    pub fn write_snippet(&self, code: &str, name: &str, dir: &Path) -> Command {
        let file = dir.join(name);
        std::fs::write(&file, code).expect("write snippet");
        (self.command)(&file, dir)
    }
}

/// Runs `command` to its end off the async runtime (a snippet may take seconds; the server shares the
/// runtime), with what it printed.
pub async fn output(mut command: Command) -> std::io::Result<std::process::Output> {
    tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("join")
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
