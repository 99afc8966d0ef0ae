//! Command line, input side: reads a file or standard input and turns request JSON or HAR into a `Request`.

use reqlab_core::import::har;
use reqlab_core::Request;
use std::io::Read;

/// The input's name for messages, and its text.
pub fn read_input(path: &str) -> Result<(String, String), String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(("standard input".to_string(), text))
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        Ok((path.to_string(), text))
    }
}

/// reqlab request JSON or a HAR request, entry or log, told apart by shape; warnings come back for stderr.
pub fn request_from_json(
    name: &str,
    text: &str,
    entry: Option<usize>,
) -> Result<(Request, Vec<String>), String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{name}: not a reqlab request JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    if har::looks_like_har(&value) {
        return match har::import_value(&value, entry) {
            Ok(imported) => Ok((imported.request, imported.warnings)),
            Err(har::HarError::SeveralEntries(entries)) => Err(format!(
                "{name}: the HAR log has {} entries; choose one with --entry N:\n{}",
                entries.len(),
                entries
                    .iter()
                    .map(|e| format!("  {e}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
            Err(e) => Err(format!("{name}: {e}")),
        };
    }
    if entry.is_some() {
        return Err(format!("{name}: --entry applies to HAR logs only"));
    }
    let request = serde_json::from_value(value)
        .map_err(|e| format!("{name}: not a reqlab request JSON: {e}"))?;
    Ok((request, Vec::new()))
}

pub fn parse_entry(text: Option<&str>) -> Result<Option<usize>, String> {
    text.map(|t| {
        t.parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("--entry takes an entry number from 1, not {t:?}"))
    })
    .transpose()
}
