//! Import stage, HAR `postData`: the recorded body becomes the matching body mode (form fields, multipart
//! parts, raw text with a language, or a file by name).

use super::multipart_text;
use super::HarError;
use crate::edit::model::{Body, FileRef, FormPart, KeyValue, PartValue, Request};
use crate::import::normalize::{
    canonical_form_fields, language_for_media_type, language_with_content_type,
};
use crate::import::read::{as_object, Obj};
use serde_json::Value;

pub(super) fn import_post_data(
    post: Obj<'_, '_>,
    request: &mut Request,
    warnings: &mut Vec<String>,
) -> Result<(), HarError> {
    let mime = post.opt_str("mimeType")?.unwrap_or_default().trim();
    let media = mime
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let text = post.opt_str("text")?.unwrap_or_default();
    let params = post.array("params")?;

    // reqlab's export names a binary body's file here, as HAR has no field for it.
    if let Some(file) = post.get("_file") {
        let path = format!("{}._file", post.path);
        let file = as_object(&path, file)?;
        let file = FileRef {
            name: file.str("name")?.to_string(),
            content_type: file.opt_str("contentType")?.unwrap_or_default().to_string(),
            data: None,
        };
        let automatic = file.effective_content_type().to_string();
        request.body = Body::Binary { file: Some(file) };
        ensure_content_type(request, mime, &automatic);
        return Ok(());
    }
    if media == "multipart/form-data" {
        // The boundary in a recorded Content-Type belongs to that recording; every client picks its own.
        request
            .headers
            .retain(|h| !h.key.eq_ignore_ascii_case("content-type"));
        let parts = if !params.is_empty() {
            parts_from_params(post, params)?
        } else {
            match multipart_text::parse(mime, text) {
                Ok(parts) => parts,
                Err(reason) => {
                    warnings.push(format!(
                        "The multipart body could not be read ({reason}); it is kept as raw text."
                    ));
                    set_raw(request, mime, text);
                    return Ok(());
                }
            }
        };
        if parts
            .iter()
            .any(|p| matches!(p.value, PartValue::File { .. }))
        {
            warnings.push(
                "The form uploads files: HAR records their names, not their contents. Choose the files again \
                 before sending."
                    .to_string(),
            );
        }
        request.body = Body::Multipart { parts };
        return Ok(());
    }
    // Only when the recorder parsed the fields (`params`): a form typed as raw text stays raw text.
    if media == "application/x-www-form-urlencoded" && !params.is_empty() {
        let fields = if !text.is_empty() {
            canonical_form_fields(text)
        } else {
            Some(
                post.pairs("params")?
                    .into_iter()
                    .map(|(k, v)| KeyValue::new(k, v))
                    .collect(),
            )
        };
        match fields {
            Some(fields) if !fields.is_empty() => {
                request.body = Body::UrlEncoded { fields };
                ensure_content_type(request, mime, "application/x-www-form-urlencoded");
            }
            // Encoded differently from how browsers encode forms: kept byte for byte.
            _ => set_raw(request, mime, text),
        }
        return Ok(());
    }
    if !text.is_empty() {
        set_raw(request, mime, text);
    }
    Ok(())
}

/// Raw text whose Content-Type is either the language's own (added by `prepare`) or kept as a header row.
fn set_raw(request: &mut Request, mime: &str, text: &str) {
    let language =
        language_with_content_type(mime).unwrap_or_else(|| language_for_media_type(mime));
    request.body = Body::Raw {
        language,
        text: text.to_string(),
    };
    ensure_content_type(request, mime, language.content_type());
}

/// HAR writes the body's type twice (header and `mimeType`); when the header is missing, the mime type is
/// what was sent, so it becomes a header row unless `prepare` would add that very value.
fn ensure_content_type(request: &mut Request, mime: &str, automatic: &str) {
    let present = request
        .headers
        .iter()
        .any(|h| h.key.eq_ignore_ascii_case("content-type"));
    if !present && !mime.is_empty() && !mime.eq_ignore_ascii_case(automatic) {
        request.headers.push(KeyValue::new("Content-Type", mime));
    }
}

fn parts_from_params(post: Obj<'_, '_>, params: &[Value]) -> Result<Vec<FormPart>, HarError> {
    let mut parts = Vec::with_capacity(params.len());
    for (i, item) in params.iter().enumerate() {
        let path = format!("{}.params[{i}]", post.path);
        let param = as_object(&path, item)?;
        let name = param.str("name")?.to_string();
        let value = match param.opt_str("fileName")? {
            Some(file_name) => PartValue::File {
                file: Some(FileRef {
                    name: file_name.to_string(),
                    content_type: param
                        .opt_str("contentType")?
                        .unwrap_or_default()
                        .to_string(),
                    data: None,
                }),
            },
            None => PartValue::Text {
                value: param.opt_str("value")?.unwrap_or_default().to_string(),
            },
        };
        // A text part's own type; a file's stays with the file.
        let content_type = match value {
            PartValue::Text { .. } => param.opt_str("contentType")?.unwrap_or_default(),
            PartValue::File { .. } => "",
        };
        parts.push(FormPart {
            enabled: true,
            name,
            value,
            content_type: content_type.to_string(),
        });
    }
    Ok(parts)
}
