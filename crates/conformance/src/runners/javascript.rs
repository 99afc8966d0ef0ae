//! Runners for JavaScript targets: Node 20 runs the Node snippets (ES modules) with the npm packages of
//! `tests/runtimes`; the browser snippets run in Debian's headless Chromium, driven by `browser.mjs`.

use super::{interpreter, Runner};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn runners() -> Vec<Runner> {
    vec![
        Runner {
            target: "js-fetch",
            command: |snippet, dir| browser("js-fetch", snippet, dir),
            unsupported: &[
            (
                "get_custom_user_agent",
                "Chrome ignores the User-Agent a page sets and sends its own.",
            ),
            ],
        },
        Runner {
            target: "js-xhr",
            command: |snippet, dir| browser("js-xhr", snippet, dir),
            unsupported: &[
            (
                "get_custom_user_agent",
                "Chrome ignores the User-Agent a page sets and sends its own.",
            ),
            (
                "unicode_body",
                "Chrome's XMLHttpRequest rewrites charset=utf-8 in Content-Type to charset=UTF-8.",
            ),
            ],
        },
        Runner {
            target: "js-jquery",
            command: |snippet, dir| browser("js-jquery", snippet, dir),
            unsupported: &[
            (
                "get_custom_user_agent",
                "Chrome ignores the User-Agent a page sets and sends its own.",
            ),
            (
                "unicode_body",
                "Chrome's XMLHttpRequest rewrites charset=utf-8 in Content-Type to charset=UTF-8.",
            ),
            ],
        },
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

/// `node browser_driver.mjs`: the snippet runs in a page of headless Chromium (see that file).
fn browser(target: &str, snippet: &Path, dir: &Path) -> Command {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/runners/browser_driver.mjs");
    let mut command = Command::new("node");
    command
        .arg(driver)
        .arg(runtimes_dir())
        .arg(target)
        .arg(snippet)
        .current_dir(dir);
    command
}
