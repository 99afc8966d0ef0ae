//! Runners for command-line targets (curl and its kin), run by a POSIX shell, and for the raw HTTP message,
//! sent byte for byte over a TCP connection by a few lines of Python.

use super::{interpreter, Runner};
use std::path::Path;
use std::process::Command;

/// Sends a `.http` file's bytes unchanged to the host its Host header names, then reads one response (so the
/// server has seen the whole request before this exits) and prints its status and body.
const SEND_RAW_MESSAGE: &str = r#"
import http.client, socket, sys
message = open(sys.argv[1], "rb").read()
head = message.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
method = head[0].split(b" ", 1)[0].decode("ascii")
host = next(line.split(b":", 1)[1].strip().decode("ascii")
            for line in head[1:] if line.lower().startswith(b"host:"))
name, _, port = host.rpartition(":")
connection = socket.create_connection((name.strip("[]"), int(port)), timeout=10)
connection.sendall(message)
response = http.client.HTTPResponse(connection, method=method)
response.begin()
body = response.read()
print(response.status, response.reason)
sys.stdout.buffer.write(body)
"#;

pub fn runners() -> Vec<Runner> {
    vec![
        Runner {
            target: "shell-curl",
            command: |snippet, dir| interpreter("sh", &[], snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "shell-wget",
            command: |snippet, dir| interpreter("sh", &[], snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "shell-httpie",
            command: httpie,
            unsupported: &[],
        },
        Runner {
            target: "http-raw",
            command: |snippet, dir| interpreter("python3", &["-c", SEND_RAW_MESSAGE], snippet, dir),
            unsupported: &[
                (
                    "binary_file_body",
                    "the message is text: the binary file's bytes are a placeholder",
                ),
                (
                    "multipart_text_and_files",
                    "the message is text: pixel.png's bytes are a placeholder",
                ),
            ],
        },
    ]
}

/// HTTPie with a configuration of its own, so it never looks for updates on the network.
fn httpie(snippet: &Path, dir: &Path) -> Command {
    let config = dir.join("httpie-config");
    // A failure here shows up as HTTPie's own error when the snippet runs.
    let _ = std::fs::create_dir_all(&config).and_then(|()| {
        std::fs::write(
            config.join("config.json"),
            r#"{"disable_update_warnings": true}"#,
        )
    });
    let mut command = interpreter("sh", &[], snippet, dir);
    command.env("HTTPIE_CONFIG_DIR", config);
    command
}
