//! Snippet stage: the targets, one folder per language, one file per target (which declares its registry
//! entry); a language's `mod.rs` holds what its targets share. `snippet/mod.rs` lists the entries in `TARGETS`.
//! The tests below hold the layout to its rule: no target file imports another.

pub mod c;
pub mod cmd;
pub mod csharp;
pub mod dart;
pub mod go;
pub mod http;
pub mod javascript;
pub mod jvm;
pub mod php;
pub mod powershell;
pub mod python;
pub mod ruby;
pub mod rust;
pub mod shell;
pub mod swift;

#[cfg(test)]
mod tests {
    use crate::snippet::TARGETS;
    use std::fs;
    use std::path::{Path, PathBuf};

    fn targets_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/snippet/targets")
    }

    /// Every file under `targets/<language>/` but the language's `mod.rs`: (language, module, source). A
    /// target file is one that declares its registry entry (`TARGET_DECLARATION`); any other is a helper
    /// module of its language.
    fn language_files() -> Vec<(String, String, String)> {
        let root = targets_dir();
        let mut files = Vec::new();
        for language in fs::read_dir(&root).expect("targets/ is readable") {
            let language = language.expect("a directory entry").path();
            if !language.is_dir() {
                continue;
            }
            for file in fs::read_dir(&language).expect("a language folder is readable") {
                let file = file.expect("a directory entry").path();
                let module = file
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                if file.extension().is_none_or(|e| e != "rs") || module == "mod" {
                    continue;
                }
                let name = |path: &Path| {
                    path.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                };
                let source = fs::read_to_string(&file).expect("a target file is readable");
                files.push((name(&language), module.to_string(), source));
            }
        }
        files.sort();
        files
    }

    const TARGET_DECLARATION: &str = "pub const TARGET: Target = Target {";

    /// The first path segment of each name a `super::` (or `targets::<language>::`) path reaches: `x` for
    /// `super::x::y`, `a` and `b` for `super::{a, b::c}`.
    fn reached_modules(after: &str) -> Vec<String> {
        let segment = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        match after.strip_prefix('{') {
            Some(group) => {
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 0 => return true,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        false
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut names = Vec::new();
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            names.push(segment(&group[start..i]));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                names.push(segment(&group[start..end]));
                names.retain(|n| !n.is_empty());
                names
            }
            None => vec![segment(after)],
        }
    }

    /// What a file under `targets/` imports from another target file, if anything.
    fn imported_targets(
        language: &str,
        module: &str,
        source: &str,
        targets: &[(String, String)],
    ) -> Vec<String> {
        let mut found = Vec::new();
        for (i, _) in source.match_indices("super::") {
            let after = &source[i + "super::".len()..];
            if after.starts_with("super::") {
                found.push("super::super (another language)".to_string());
                continue;
            }
            for reached in reached_modules(after) {
                if reached != module && targets.contains(&(language.to_string(), reached.clone())) {
                    found.push(format!("super::{reached}"));
                }
            }
        }
        for (i, _) in source.match_indices("targets::") {
            let after = &source[i + "targets::".len()..];
            found.push(format!("targets::{}", reached_modules(after).join(", ")));
        }
        found
    }

    /// No target file imports another (nor anything of another language): what targets share lives in their
    /// language's `mod.rs` (or a helper module it declares), or, across languages, in a helper module of
    /// `snippet/`. A language's `mod.rs` re-exports nothing from its targets either.
    #[test]
    fn no_target_file_imports_another() {
        let files = language_files();
        let targets: Vec<(String, String)> = files
            .iter()
            .filter(|(_, _, source)| source.contains(TARGET_DECLARATION))
            .map(|(language, module, _)| (language.clone(), module.clone()))
            .collect();
        let mut failures = Vec::new();
        for (language, module, source) in &files {
            for import in imported_targets(language, module, source, &targets) {
                failures.push(format!("{language}/{module}.rs imports {import}"));
            }
        }
        let root = targets_dir();
        for (language, module) in &targets {
            let mod_rs = fs::read_to_string(root.join(language).join("mod.rs")).expect("mod.rs");
            let reexports = mod_rs.lines().any(|line| {
                line.trim_start().starts_with("pub")
                    && line.contains("use ")
                    && line.contains(&format!("{module}::"))
            });
            if reexports {
                failures.push(format!(
                    "{language}/mod.rs re-exports from its target {module}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_import_check_finds_imports_of_other_targets() {
        let targets = [
            ("javascript".to_string(), "browser_fetch".to_string()),
            ("javascript".to_string(), "xhr".to_string()),
        ];
        let check = |source: &str| imported_targets("javascript", "xhr", source, &targets);
        assert!(check("use super::{body::FileInputs, grouped};\nuse super::Runtime;").is_empty());
        assert!(check("use super::xhr::x;").is_empty(), "itself");
        assert_eq!(
            check("use super::browser_fetch::x;"),
            ["super::browser_fetch"]
        );
        assert_eq!(
            check("use super::{\n    grouped,\n    browser_fetch::{a, b},\n};"),
            ["super::browser_fetch"]
        );
        assert_eq!(
            check("use super::super::python::x;"),
            ["super::super (another language)"]
        );
        assert_eq!(
            check("use crate::snippet::targets::shell::wget::x;"),
            ["targets::shell"]
        );
    }

    /// Each target file declares its entry, and `TARGETS` lists every one of them exactly once.
    #[test]
    fn every_target_file_is_in_targets_once() {
        let mut declared = 0;
        for (language, module, source) in language_files() {
            let Some(start) = source.find(TARGET_DECLARATION) else {
                continue;
            };
            declared += 1;
            let id = source[start..]
                .split_once("id: \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(id, _)| id)
                .unwrap_or_default();
            let listed = TARGETS.iter().filter(|t| t.id == id).count();
            assert_eq!(
                listed, 1,
                "{language}/{module}.rs declares {id:?}, listed {listed} times"
            );
        }
        assert_eq!(
            declared,
            TARGETS.len(),
            "TARGETS lists entries no target file declares"
        );
    }
}
