//! Runners for JavaScript targets: Node 20 runs the Node snippets (ES modules) with the npm packages of
//! `tests/runtimes`; the browser snippets run in Debian's headless Chromium, driven by `browser.mjs`.

use super::{interpreter, Runner};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn runners() -> Vec<Runner> {
    vec![
        Runner {
            target: "node-fetch",
            command: node,
            unsupported: &[],
        },
        Runner {
            target: "node-axios",
            command: node,
            unsupported: &[],
        },
        Runner {
            target: "node-http",
            command: node,
            unsupported: &[],
        },
    ]
}

/// `tests/runtimes`, where `npm ci` installed the packages the snippets import.
fn runtimes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/runtimes")
}

/// `node snippet.mjs` in `dir`. ES modules ignore NODE_PATH, so `dir` gets a `node_modules` link to the
/// installed packages, as a project folder has its own.
fn node(snippet: &Path, dir: &Path) -> Command {
    let link = dir.join("node_modules");
    if !link.exists() {
        // A failure shows up as the snippet's own "Cannot find package" error.
        #[cfg(unix)]
        let _ = std::os::unix::fs::symlink(runtimes_dir().join("node_modules"), &link);
    }
    interpreter("node", &[], snippet, dir)
}
