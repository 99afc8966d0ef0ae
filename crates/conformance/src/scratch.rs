//! Scratch directories for commands that run here: each holds copies of the fixture files, which commands
//! and snippets name relative to where they run (`@hello.txt`, `open("pixel.png")`).

use std::path::{Path, PathBuf};

/// A directory in the system's temporary directory, named after `label` and this process, holding a copy of
/// every file in `files`.
pub fn with_files(files: &Path, label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reqlab-{label}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir(files).expect("fixture files") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("file name")))
            .expect("copy fixture file");
    }
    dir
}
