//! Runners for compiled and other languages (Go, C, Ruby, PHP, Java, Kotlin), each from Debian's packages.
//! Compilers write only into the snippet's directory, so nothing outside the test's temp dir changes.

use super::{interpreter, Runner};
use std::path::Path;
use std::process::Command;

pub fn runners() -> Vec<Runner> {
    vec![
        Runner {
            target: "go-native",
            command: |snippet, dir| {
                // Standard library only: no module download, and a build cache inside the temp dir.
                let mut command = Command::new("go");
                command
                    .arg("run")
                    .arg(snippet)
                    .current_dir(dir)
                    .env("GOCACHE", dir.join(".gocache"))
                    .env("GOPATH", dir.join(".gopath"))
                    .env("GO111MODULE", "off");
                command
            },
            unsupported: &[],
        },
        Runner {
            target: "c-libcurl",
            command: |snippet, dir| {
                shell(
                    "gcc -Wall -Werror -o \"$1.out\" \"$1\" -lcurl && \"$1.out\"",
                    snippet,
                    dir,
                )
            },
            unsupported: &[],
        },
        Runner {
            target: "ruby-net-http",
            command: |snippet, dir| interpreter("ruby", &["-W:no-deprecated"], snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "php-curl",
            command: |snippet, dir| interpreter("php", &[], snippet, dir),
            unsupported: &[],
        },
    ]
}

/// `sh -c SCRIPT` in `dir`; the snippet's path is `$1` inside the script.
fn shell(script: &str, snippet: &Path, dir: &Path) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(snippet)
        .current_dir(dir);
    command
}
