//! Command line, input side: reads a file or standard input and turns request JSON, HAR or a Postman collection
//! into a `Request` with the environment its variables resolve against.

use crate::collection::request_from_collection;
use reqlab_core::import::{har, postman};
use reqlab_core::{Environment, Request};
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

/// Which part of a multi-request input to use: a HAR log's entry (from 1) or a collection's item path.
#[derive(Default)]
pub struct Choice<'a> {
    pub entry: Option<usize>,
    pub item: Option<&'a str>,
}

/// A request read from the input, the environment for its variables, and warnings for stderr.
pub struct Loaded {
    pub request: Request,
    pub env: Environment,
    pub warnings: Vec<String>,
}

/// reqlab request JSON, a HAR request, entry or log, or a Postman collection, told apart by shape.
pub fn request_from_json(name: &str, text: &str, choice: Choice<'_>) -> Result<Loaded, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{name}: not a reqlab request JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    let is_collection = postman::looks_like_postman(&value);
    if choice.item.is_some() && !is_collection {
        return Err(format!(
            "{name}: --item applies to Postman collections only"
        ));
    }
    if choice.entry.is_some() && !har::looks_like_har(&value) {
        return Err(format!("{name}: --entry applies to HAR logs only"));
    }
    if is_collection {
        let (request, env, warnings) = request_from_collection(name, &value, choice.item)?;
        return Ok(Loaded {
            request,
            env,
            warnings,
        });
    }
    if har::looks_like_har(&value) {
        return match har::import_value(&value, choice.entry) {
            Ok(imported) => Ok(Loaded {
                request: imported.request,
                env: Environment::default(),
                warnings: imported.warnings,
            }),
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
    let request = serde_json::from_value(value)
        .map_err(|e| format!("{name}: not a reqlab request JSON: {e}"))?;
    Ok(Loaded {
        request,
        env: Environment::default(),
        warnings: Vec::new(),
    })
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
