//! Runners for compiled and other languages (Go, C, Ruby, PHP, Java, Kotlin), each from Debian's packages.
//! Compilers write only into the snippet's directory, so nothing outside the test's temp dir changes.

use super::{interpreter, Runner};
use std::path::Path;
use std::process::Command;

/// Where Debian's php-guzzlehttp-guzzle puts its autoloader.
const GUZZLE_AUTOLOAD: &str = "/usr/share/php/GuzzleHttp/autoload.php";

/// OkHttp 3 and Okio from Debian's libokhttp-java and libokio-java.
const OKHTTP_CLASSPATH: &str = "/usr/share/java/okhttp.jar:/usr/share/java/okio.jar";

/// Each snippet is a short-lived JVM: the quick C1 compiler and the serial collector start it faster.
const JAVA_QUICK_START: &[&str] = &["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

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
        Runner {
            target: "php-guzzle",
            // Guzzle from Debian's package, behind the `vendor/autoload.php` a Composer project would have.
            command: |snippet, dir| {
                shell(
                    &format!(
                        "mkdir -p vendor && echo \"<?php require '{GUZZLE_AUTOLOAD}';\" > vendor/autoload.php && php \"$1\""
                    ),
                    snippet,
                    dir,
                )
            },
            unsupported: &[],
        },
        Runner {
            target: "java-httpclient",
            // Java 11+ runs a single source file directly.
            command: |snippet, dir| interpreter("java", JAVA_QUICK_START, snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "java-okhttp",
            command: |snippet, dir| {
                let mut command = interpreter("java", JAVA_QUICK_START, snippet, dir);
                command.env("CLASSPATH", OKHTTP_CLASSPATH);
                command
            },
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
