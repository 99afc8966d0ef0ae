//! `/upload`: takes any body up to the limit and reports the size and SHA-256 of each part, storing nothing.
//! Bodies are hashed as they stream in, so a large upload never sits in memory.

use crate::auth::hex;
use crate::body::too_large;
use crate::reply::{bad_request, pretty_json};
use crate::Config;
use axum::{
    extract::{Request, State},
    http::header,
    response::Response,
};
use futures_util::StreamExt;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;

#[derive(Serialize)]
struct Part {
    name: Option<String>,
    filename: Option<String>,
    content_type: Option<String>,
    size: u64,
    sha256: String,
}

pub async fn upload(State(config): State<Arc<Config>>, request: Request) -> Response {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let limit = config.max_body_bytes;
    let stream = request.into_body().into_data_stream();
    let parts = if content_type.starts_with("multipart/form-data") {
        let Ok(boundary) = multer::parse_boundary(&content_type) else {
            return bad_request("multipart/form-data needs a boundary parameter.");
        };
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut parts = Vec::new();
        loop {
            let mut field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(err) => return part_error(err, limit),
            };
            let mut part = Part {
                name: field.name().map(str::to_string),
                filename: field.file_name().map(str::to_string),
                content_type: field.content_type().map(|m| m.to_string()),
                size: 0,
                sha256: String::new(),
            };
            let mut hasher = Sha256::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        part.size += chunk.len() as u64;
                        hasher.update(&chunk);
                    }
                    Ok(None) => break,
                    Err(err) => return part_error(err, limit),
                }
            }
            part.sha256 = hex(&hasher.finalize());
            parts.push(part);
        }
        parts
    } else {
        let mut stream = stream;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        while let Some(chunk) = stream.next().await {
            match chunk {
                Ok(chunk) => {
                    size += chunk.len() as u64;
                    hasher.update(&chunk);
                }
                Err(_) => return too_large(limit),
            }
        }
        vec![Part {
            name: None,
            filename: None,
            content_type: (!content_type.is_empty()).then_some(content_type),
            size,
            sha256: hex(&hasher.finalize()),
        }]
    };
    let total: u64 = parts.iter().map(|p| p.size).sum();
    pretty_json(&serde_json::json!({ "parts": parts, "total_bytes": total }))
}

/// A broken stream under a multipart reader is almost always the body limit; anything else is malformed.
fn part_error(err: multer::Error, limit: usize) -> Response {
    match err {
        multer::Error::StreamReadFailed(_) => too_large(limit),
        other => bad_request(&format!("The multipart body is malformed: {other}.")),
    }
}
