//! Import stage, Postman bodies: each body mode (raw with its language, urlencoded, formdata, file, graphql)
//! becomes the matching reqlab body; files are named, never read, and say so.

use super::notes::Notes;
use super::rows::{disabled, key_values};
use super::PostmanError;
use crate::edit::graphql_body::envelope;
use crate::edit::model::{Body, FileRef, FormPart, KeyValue, RawLanguage, Request};
use crate::import::read::{as_object, index, join, Obj};
use serde_json::Value;

/// Reads the `body` of a request into `request` (its body, and a Content-Type row where reqlab's body
/// modes cannot say what Postman sends).
pub(super) fn read(
    body: Obj<'_, '_>,
    request: &mut Request,
    location: &str,
    notes: &mut Notes,
) -> Result<(), PostmanError> {
    let Some(mode) = body.opt_str("mode")? else {
        return Ok(());
    };
    if disabled(body)? {
        notes.warn(
            location,
            "the body is switched off in Postman and is left out.",
        );
        return Ok(());
    }
    request.body = match mode {
        "raw" => raw(body, request)?,
        "urlencoded" => {
            let fields = key_values(body, "urlencoded")?;
            if fields.is_empty() {
                Body::None
            } else {
                Body::UrlEncoded { fields }
            }
        }
        "formdata" => form_data(body, location, notes)?,
        "file" => file(body, location, notes)?,
        "graphql" => graphql(body, location, notes)?,
        other => {
            notes.warn(
                location,
                format!("the body mode \"{other}\" is not known to reqlab; the body is left out."),
            );
            Body::None
        }
    };
    Ok(())
}

fn raw(body: Obj<'_, '_>, request: &mut Request) -> Result<Body, PostmanError> {
    let text = body.opt_str("raw")?.unwrap_or_default();
    if text.is_empty() {
        return Ok(Body::None);
    }
    let language = match body.get("options") {
        Some(options) => {
            let options_path = join(body.path, "options");
            let options = as_object(&options_path, options)?;
            match options.get("raw") {
                Some(raw) => {
                    let raw_path = join(&options_path, "raw");
                    as_object(&raw_path, raw)?.opt_str("language")?
                }
                None => None,
            }
        }
        None => None,
    };
    let language = match language.unwrap_or("text") {
        "json" => RawLanguage::Json,
        "xml" => RawLanguage::Xml,
        "html" => RawLanguage::Html,
        "javascript" => {
            // Postman sends JavaScript with its own type, which no reqlab language has.
            let typed = request
                .headers
                .iter()
                .any(|h| h.key.trim().eq_ignore_ascii_case("content-type"));
            if !typed {
                request
                    .headers
                    .push(KeyValue::new("Content-Type", "application/javascript"));
            }
            RawLanguage::Text
        }
        _ => RawLanguage::Text,
    };
    Ok(Body::Raw {
        language,
        text: text.to_string(),
    })
}

/// The file name a path ends with: what a client sends as the part's file name.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn form_data(body: Obj<'_, '_>, location: &str, notes: &mut Notes) -> Result<Body, PostmanError> {
    let path = join(body.path, "formdata");
    let mut parts = Vec::new();
    for (i, item) in body.array("formdata")?.iter().enumerate() {
        let item_path = index(&path, i);
        let entry = as_object(&item_path, item)?;
        let enabled = !disabled(entry)?;
        let name = entry.text("key")?;
        let content_type = entry.opt_str("contentType")?.unwrap_or_default();
        if entry.opt_str("type")? != Some("file") {
            parts.push(FormPart {
                enabled,
                content_type: content_type.to_string(),
                ..FormPart::text(name, entry.text("value")?)
            });
            continue;
        }
        let sources = sources(entry)?;
        if sources.is_empty() {
            notes.warn(
                location,
                format!("form field \"{name}\" has no file: choose one before sending."),
            );
            parts.push(FormPart {
                enabled,
                ..FormPart::file(name, None)
            });
            continue;
        }
        for source in sources {
            notes.warn(
                location,
                format!(
                    "form field \"{name}\" uploads \"{source}\", which is not read: choose the file \
                     again before sending."
                ),
            );
            let file = FileRef {
                name: base_name(&source).to_string(),
                content_type: content_type.to_string(),
                data: None,
            };
            parts.push(FormPart {
                enabled,
                ..FormPart::file(name.clone(), Some(file))
            });
        }
    }
    Ok(if parts.is_empty() {
        Body::None
    } else {
        Body::Multipart { parts }
    })
}

/// A file entry's `src`: one path, several (Postman lets one field upload many files), or none.
fn sources(entry: Obj<'_, '_>) -> Result<Vec<String>, PostmanError> {
    match entry.get("src") {
        None => Ok(Vec::new()),
        Some(Value::String(s)) if s.is_empty() => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => {
            let path = join(entry.path, "src");
            items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(s) => Ok(s.clone()),
                    other => {
                        Err(
                            crate::import::read::wrong_type(&index(&path, i), "a string", other)
                                .into(),
                        )
                    }
                })
                .filter(|s| !matches!(s, Ok(s) if s.is_empty()))
                .collect()
        }
        Some(other) => Err(entry.wrong("src", "a string or an array", other).into()),
    }
}

fn file(body: Obj<'_, '_>, location: &str, notes: &mut Notes) -> Result<Body, PostmanError> {
    let Some(file) = body.get("file") else {
        return Ok(Body::None);
    };
    let file_path = join(body.path, "file");
    let file = as_object(&file_path, file)?;
    // The schema also allows the file's text inline (`content`); that is a raw body.
    if let Some(content) = file.opt_str("content")?.filter(|c| !c.is_empty()) {
        if file.opt_str("src")?.is_none_or(str::is_empty) {
            return Ok(Body::Raw {
                language: RawLanguage::Text,
                text: content.to_string(),
            });
        }
    }
    match file.opt_str("src")?.filter(|s| !s.is_empty()) {
        None => {
            notes.warn(
                location,
                "the body file is not chosen: choose one before sending.",
            );
            Ok(Body::Binary { file: None })
        }
        Some(source) => {
            notes.warn(
                location,
                format!(
                    "the body file \"{source}\" is not read: choose the file again before sending."
                ),
            );
            Ok(Body::Binary {
                file: Some(FileRef {
                    name: base_name(source).to_string(),
                    content_type: String::new(),
                    data: None,
                }),
            })
        }
    }
}

/// A GraphQL body: Postman's query and variables become the envelope reqlab sends (the operation name, which
/// Postman has no place for, comes from `_reqlab`; see `request`). Variables that are not JSON as written
/// (`{"id": {{id}}}`, JSON once Postman's variables are resolved) stay as written, resolved at send time.
fn graphql(body: Obj<'_, '_>, location: &str, notes: &mut Notes) -> Result<Body, PostmanError> {
    let Some(graphql) = body.get("graphql") else {
        return Ok(Body::None);
    };
    let path = join(body.path, "graphql");
    let graphql = as_object(&path, graphql)?;
    let query = graphql.opt_str("query")?.unwrap_or_default();
    let text = match graphql.get("variables") {
        None | Some(Value::Null) => envelope(query, None, None),
        Some(Value::String(s)) => {
            if !s.trim().is_empty() && crate::render::json::check(s).is_err() {
                notes.warn(
                    location,
                    "the GraphQL variables are not JSON until their {{variables}} are resolved: they \
                     are kept as written.",
                );
            }
            envelope(query, Some(s), None)
        }
        Some(variables @ Value::Object(_)) => envelope(
            query,
            serde_json::to_string(variables).ok().as_deref(),
            None,
        ),
        Some(other) => {
            return Err(graphql
                .wrong("variables", "a string or an object", other)
                .into())
        }
    };
    Ok(Body::Raw {
        language: RawLanguage::GraphQl,
        text,
    })
}
