//! What the CLI's test files share: running the built `reqlab` with arguments and standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `reqlab` with `args`, `stdin` written to it.
pub fn reqlab(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reqlab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("reqlab runs");
    // reqlab may exit on bad arguments before reading its input; a closed pipe is expected then.
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    if let Err(err) = written {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write stdin: {err}"
        );
    }
    child.wait_with_output().expect("reqlab finishes")
}
