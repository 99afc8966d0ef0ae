//! Import stage, the worker's side: reads the text the page's Import dialog or a paste into the URL field
//! sends (a curl command, a HAR document, a Postman collection or reqlab's request JSON), detecting which it
//! is unless told, and answers with one request, the others to choose from, and what was left out.
//!
//! This runs in the import worker, started on the first import, because the importers and serde's JSON reader
//! would add tens of KB to the page's first load; the page only renders the answer.

use crate::protocol::import::{
    CollectionAnswer, ExampleEntry, ExportQuestion, ImportAnswer, ImportAsk, ImportQuestion,
    ImportReply, LibraryEnvelope, LibraryQuestion, LibraryReply, LIBRARY_KEY,
};
use reqlab_core::import::curl::{self, tokenize, CurlError, Dialect};
use reqlab_core::import::har::{self, HarError};
use reqlab_core::import::{postman, Imported, MAX_INPUT_BYTES};
use reqlab_core::library::collections::Collections;
use reqlab_core::{Collection, CollectionItem, Environment, Request};
use serde_json::Value;

/// The import worker's whole job: one question in, one answer out. Exports (`{"export": …}`) are told
/// apart by their first member, which serde writes first.
pub fn answer_import(message: &str) -> String {
    if message.starts_with("{\"export\":") {
        return export(message);
    }
    if message.starts_with(LIBRARY_KEY) {
        return library(message);
    }
    let reply = match serde_json::from_str::<ImportQuestion>(message) {
        Ok(question) => import(&question.import),
        Err(err) => ImportAnswer {
            error: Some(format!("The import worker got a malformed message: {err}")),
            ..ImportAnswer::default()
        },
    };
    serde_json::to_string(&ImportReply { import: reply }).unwrap_or_default()
}

/// `(id, label)` of the formats the dialog's Format picker offers besides automatic detection (its markup
/// lists the same ids, which a test checks). A curl id is `curl-` and the dialect's id.
pub const FORMATS: [(&str, &str); 6] = [
    ("curl-bash", "curl (bash, zsh)"),
    ("curl-cmd", "curl (Windows cmd)"),
    ("curl-powershell", "curl (PowerShell)"),
    ("har", "HAR"),
    ("postman", "Postman collection"),
    ("reqlab", "reqlab request JSON"),
];

/// The environment a collection's variables go to when the collection has no name.
const UNNAMED_COLLECTION: &str = "Imported collection";

/// Answers one import question; never panics on any text.
pub fn import(ask: &ImportAsk) -> ImportAnswer {
    let mut answer = ImportAnswer {
        seq: ask.seq,
        ..ImportAnswer::default()
    };
    if let Err(message) = read(ask, &mut answer) {
        answer.request = None;
        answer.environment = None;
        answer.warnings.clear();
        answer.error = Some(message);
    }
    answer
}

fn read(ask: &ImportAsk, answer: &mut ImportAnswer) -> Result<(), String> {
    let text = ask.text.as_str();
    // Checked here too, before detection reads the text: every importer refuses it, but in its own words.
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "The text is {} bytes; import takes at most 1 MiB (1048576 bytes).",
            text.len()
        ));
    }
    if text.trim().is_empty() {
        return Err(
            "Nothing to import: paste a curl command, a HAR file or a Postman collection, or choose a file."
                .into(),
        );
    }
    let asked = FORMATS
        .iter()
        .map(|(id, _)| *id)
        .find(|id| *id == ask.format);
    let looks_like_json = text.trim_start().starts_with(['{', '[']);
    let curl_asked = asked.and_then(|id| id.strip_prefix("curl-"));
    if curl_asked.is_some() || (asked.is_none() && !looks_like_json) {
        let dialect = curl_asked
            .and_then(Dialect::from_id)
            .unwrap_or_else(|| tokenize::detect(text));
        answer.format = format!("curl-{}", dialect.id());
        let imported = curl::import(text, Some(dialect)).map_err(|err| match err {
            CurlError::NotCurl(start) if asked.is_none() => format!(
                "This is not a curl command, a HAR file or a Postman collection: the text starts with \"{start}\"."
            ),
            err => err.to_string(),
        })?;
        answer.summary = "a curl command".into();
        take(answer, imported);
        return Ok(());
    }
    let value = parse_json(text)?;
    let format = match asked {
        Some(format) => format,
        None if postman::looks_like_postman(&value) => "postman",
        None if har::looks_like_har(&value) => "har",
        None if value.get("url").is_some_and(Value::is_string) => "reqlab",
        // Variables without a request: the Collections dialog takes these, beside the editor's request.
        None if postman::looks_like_environment(&value) => {
            return Err("This is a Postman environment file: it holds variables, no request. Import it under Collections, Environments.".into())
        }
        None => {
            return Err("This JSON is not a HAR file, a Postman collection or a reqlab request (one with a \"url\").".into())
        }
    };
    answer.format = format.into();
    match format {
        "har" => from_har(&value, &ask.pick, answer),
        "postman" => from_postman(&value, &ask.pick, answer),
        _ => {
            // From the text, not the parsed value: serde's reader of `Request` over text is in the worker
            // already (for snippet questions); one over `Value` would add about 3 KB.
            let request = serde_json::from_str::<Request>(text)
                .map_err(|err| format!("Not a reqlab request: {err}"))?;
            answer.summary = "a reqlab request".into();
            answer.request = Some(request);
            Ok(())
        }
    }
}

/// The text as JSON, or where it stops being JSON.
fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|err| {
        format!(
            "Not valid JSON (line {}, column {}): {err}",
            err.line(),
            err.column()
        )
    })
}

fn take(answer: &mut ImportAnswer, imported: Imported) {
    answer.request = Some(imported.request);
    answer.warnings = imported.warnings;
}

/// A HAR request or entry, or one entry of a log (the first unless `pick` numbers another).
fn from_har(value: &Value, pick: &str, answer: &mut ImportAnswer) -> Result<(), String> {
    let entries = match har::import_value(value, None) {
        Ok(imported) => {
            answer.summary = "a HAR request".into();
            take(answer, imported);
            return Ok(());
        }
        Err(HarError::SeveralEntries(entries)) => entries,
        Err(err) => return Err(err.to_string()),
    };
    answer.choices = entries
        .iter()
        .map(|e| (e.index.to_string(), e.to_string().trim_start().to_string()))
        .collect();
    let index = pick
        .parse::<usize>()
        .ok()
        .filter(|i| entries.iter().any(|e| e.index == *i))
        .unwrap_or(1);
    answer.picked = index.to_string();
    let imported = har::import_value(value, Some(index)).map_err(|err| err.to_string())?;
    answer.summary = format!("entry {index} of the HAR log");
    take(answer, imported);
    Ok(())
}

/// One request of a Postman collection (the first unless `pick` is another's path), with the collection's
/// variables as an environment named after it, so `{{name}}` in the request resolves as in Postman.
fn from_postman(value: &Value, pick: &str, answer: &mut ImportAnswer) -> Result<(), String> {
    let imported = postman::import_value(value).map_err(|err| err.to_string())?;
    let collection = &imported.collection;
    let requests = collection.requests();
    let (path, request) = requests
        .iter()
        .find(|(path, _)| path == pick)
        .or_else(|| requests.first())
        .ok_or("The Postman collection has no requests.")?;
    if requests.len() > 1 {
        answer.choices = requests
            .iter()
            .map(|(path, request)| (path.clone(), format!("{path} ({})", request.method)))
            .collect();
    }
    answer.picked = path.clone();
    let name = match collection.name.trim() {
        "" => UNNAMED_COLLECTION,
        name => name,
    };
    answer.summary = format!("\"{path}\" from the Postman collection \"{name}\"");
    if !collection.variables.is_empty() {
        answer.summary += &format!(", with its variables in the environment \"{name}\"");
        answer.environment = Some(Environment {
            name: name.to_string(),
            variables: collection.variables.clone(),
        });
    }
    answer.request = Some((*request).clone());
    answer.warnings = imported
        .warnings_for(path)
        .map(ToString::to_string)
        .collect();
    Ok(())
}

/// Answers a library question (see `LibraryQuestion`): a whole collection read, the collections written
/// as a Postman collection, a share link's fragment packed, an environment written or read.
pub fn library(message: &str) -> String {
    let reply = match serde_json::from_str::<LibraryEnvelope>(message) {
        Ok(envelope) => answer_library(envelope.library),
        Err(err) => LibraryReply {
            error: Some(format!("The import worker got a malformed message: {err}")),
            ..LibraryReply::default()
        },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

fn answer_library(question: LibraryQuestion) -> LibraryReply {
    let text = |text: String| LibraryReply {
        text: Some(text),
        ..LibraryReply::default()
    };
    if let Some(ask) = question.import {
        return LibraryReply {
            import: Some(import(&ask)),
            ..LibraryReply::default()
        };
    }
    if let Some(ask) = question.collection {
        let answer = read_collection(&ask.text).unwrap_or_else(|error| CollectionAnswer {
            error: Some(error),
            ..CollectionAnswer::default()
        });
        return LibraryReply {
            collection: Some(answer),
            ..LibraryReply::default()
        };
    }
    if let Some(ask) = question.postman {
        let secrets = reqlab_core::share::Secrets::from_include(ask.include_secrets);
        return text(
            ask.collections
                .to_postman_with(&ask.name, &ask.variables, secrets),
        );
    }
    if let Some(shared) = question.share {
        return text(reqlab_core::share::encode(&shared));
    }
    if let Some(base) = question.examples {
        let examples = reqlab_core::edit::examples::gallery(&base)
            .into_iter()
            .map(|example| ExampleEntry {
                id: example.id.into(),
                title: example.title.into(),
                about: example.about.into(),
                request: example.request,
                browser_status: example.browser_status,
            })
            .collect();
        return LibraryReply {
            examples,
            ..LibraryReply::default()
        };
    }
    if let Some(environment) = question.environment_export {
        return text(postman::export_environment(&environment));
    }
    match question
        .environment_file
        .as_deref()
        .map(postman::import_environment)
    {
        Some(Ok(environment)) => LibraryReply {
            environment: Some(environment),
            ..LibraryReply::default()
        },
        Some(Err(err)) => LibraryReply {
            error: Some(err.to_string()),
            ..LibraryReply::default()
        },
        None => LibraryReply {
            error: Some("The import worker got a question with nothing to do.".into()),
            ..LibraryReply::default()
        },
    }
}

fn read_collection(text: &str) -> Result<CollectionAnswer, String> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "The file is {} bytes; import takes at most 1 MiB (1048576 bytes).",
            text.len()
        ));
    }
    #[cfg(feature = "http-file")]
    if !text.trim_start().starts_with(['{', '[']) {
        // Not JSON: a `.http` file (REST Client, JetBrains). The browser has no folder to read the files
        // a body names: they are left to attach, with a warning each.
        let imported = reqlab_core::import::http_file::import(text, &|_| None).map_err(|err| {
            format!("This is not a Postman collection, a HAR log or a .http file: {err}")
        })?;
        let warnings = imported.warnings.iter().map(ToString::to_string).collect();
        return Ok(flattened(&imported.collection, warnings));
    }
    let value = parse_json(text)?;
    if postman::looks_like_postman(&value) {
        let imported = postman::import_value(&value).map_err(|err| err.to_string())?;
        let warnings = imported.warnings.iter().map(ToString::to_string).collect();
        return Ok(flattened(&imported.collection, warnings));
    }
    if !har::looks_like_har(&value) {
        return Err("This is not a Postman collection, a HAR log or a .http file.".into());
    }
    // A HAR log: one request per entry, named as the entry lists it.
    let mut warnings = Vec::new();
    let mut item = |name: String, imported: Imported| {
        warnings.extend(
            imported
                .warnings
                .into_iter()
                .map(|w| format!("{name}: {w}")),
        );
        CollectionItem::Request {
            name,
            request: imported.request,
        }
    };
    let items = match har::import_value(&value, None) {
        Ok(imported) => vec![item("Request".into(), imported)],
        Err(HarError::SeveralEntries(entries)) => entries
            .iter()
            .filter_map(|entry| {
                let imported = har::import_value(&value, Some(entry.index)).ok()?;
                Some(item(entry.to_string().trim().to_string(), imported))
            })
            .collect(),
        Err(err) => return Err(err.to_string()),
    };
    let collection = Collection {
        name: "HAR log".into(),
        items,
        ..Collection::default()
    };
    Ok(flattened(&collection, warnings))
}

fn flattened(collection: &Collection, warnings: Vec<String>) -> CollectionAnswer {
    let (name, folders) = Collections::flatten(collection);
    CollectionAnswer {
        name,
        folders,
        variables: collection.variables.clone(),
        warnings,
        error: None,
    }
}

/// Answers an export question with the HAR log (`{"export": text}`) or why there is none (`{"error": …}`).
pub fn export(message: &str) -> String {
    let log = serde_json::from_str::<ExportQuestion>(message)
        .map_err(|err| format!("The import worker got a malformed message: {err}"))
        .and_then(|question| {
            let ask = question.export;
            let prepared = reqlab_core::prepare(&ask.request, &ask.environment)
                .map_err(|err| format!("Fix the request to export it: {err}"))?;
            let response = ask.response.map(|r| har::HarResponse {
                status: r.status,
                status_text: r.status_text,
                headers: r.headers,
                mime_type: r.mime_type,
                text: r.text,
            });
            let secrets = reqlab_core::share::Secrets::from_include(ask.include_secrets);
            let entry = har::export_entry_with(&prepared, response.as_ref(), secrets);
            serde_json::to_string_pretty(&har::export_log(vec![entry]))
                .map_err(|err| err.to_string())
        });
    let reply = match log {
        Ok(text) => serde_json::json!({ "export": text }),
        Err(error) => serde_json::json!({ "error": error }),
    };
    reply.to_string()
}

#[cfg(test)]
mod tests;
