//! Fixed documents in many formats and encodings: compressed echoes, HTML, JSON, XML, robots.txt, images,
//! UTF-8 text, a form, link pages, and `/base64` (whose client-chosen type is neutralised).

use crate::echo::{origin, title_cased_headers};
use crate::reply::bad_request;
use crate::safety::{neutral_content_type, sandbox_csp, FALLBACK_TYPE};
use crate::Config;
use axum::{
    body::Body,
    extract::{Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use base64::Engine;
use serde::Deserialize;
use serde_json::json;
use std::io::Write;
use std::sync::Arc;

const PNG: &[u8] = include_bytes!("../assets/image.png");
const JPEG: &[u8] = include_bytes!("../assets/image.jpeg");
const WEBP: &[u8] = include_bytes!("../assets/image.webp");
const SVG: &str = include_str!("../assets/image.svg");
const HTML: &str = include_str!("../assets/page.html");
const INDEX: &str = include_str!("../assets/index.html");
const UTF8: &str = include_str!("../assets/utf8.html");
const FORM: &str = include_str!("../assets/form.html");
const XML: &str = include_str!("../assets/sample.xml");
const JSON: &str = include_str!("../assets/sample.json");

#[derive(Clone, Copy)]
pub enum Encoding {
    Gzip,
    Deflate,
    Brotli,
}

/// `/gzip`, `/deflate`, `/brotli`: an echo compressed with that coding, whatever the client accepts.
pub async fn compressed(
    State(config): State<Arc<Config>>,
    encoding: Encoding,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let (flag, name) = match encoding {
        Encoding::Gzip => ("gzipped", "gzip"),
        Encoding::Deflate => ("deflated", "deflate"),
        Encoding::Brotli => ("brotli", "br"),
    };
    let document = json!({
        flag: true,
        "headers": title_cased_headers(&parts.headers, &config.exclude_headers),
        "method": parts.method.as_str(),
        "origin": origin(&parts),
    });
    let text = match serde_json::to_string_pretty(&document) {
        Ok(text) => text + "\n",
        Err(err) => return bad_request(&err.to_string()),
    };
    let packed = match compress(encoding, text.as_bytes()) {
        Ok(packed) => packed,
        Err(err) => {
            return crate::reply::plain(StatusCode::INTERNAL_SERVER_ERROR, &err.to_string())
        }
    };
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_ENCODING, name),
        ],
        packed,
    )
        .into_response()
}

fn compress(encoding: Encoding, input: &[u8]) -> std::io::Result<Vec<u8>> {
    match encoding {
        Encoding::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(input)?;
            encoder.finish()
        }
        Encoding::Deflate => {
            // HTTP's "deflate" is the zlib format (RFC 9110), not raw deflate.
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(input)?;
            encoder.finish()
        }
        Encoding::Brotli => {
            let mut out = Vec::new();
            {
                let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
                writer.write_all(input)?;
            }
            Ok(out)
        }
    }
}

fn document(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// `/`: what this server is, and where to look.
pub async fn index() -> Response {
    document("text/html; charset=utf-8", INDEX)
}

pub async fn html() -> Response {
    document("text/html; charset=utf-8", HTML)
}

pub async fn json_doc() -> Response {
    document("application/json", JSON)
}

pub async fn xml() -> Response {
    document("application/xml", XML)
}

pub async fn utf8() -> Response {
    document("text/html; charset=utf-8", UTF8)
}

pub async fn form() -> Response {
    document("text/html; charset=utf-8", FORM)
}

pub async fn robots() -> Response {
    document("text/plain", "User-agent: *\nDisallow: /deny\n")
}

pub async fn deny() -> Response {
    document(
        "text/plain",
        "This page is listed under Disallow in /robots.txt; a polite crawler never fetches it.\n",
    )
}

/// `/links/{n}/{offset}`: a page of `n` links to its siblings, the current one as plain text.
pub async fn links(Path((n, offset)): Path<(usize, usize)>) -> Response {
    if n > 200 {
        return bad_request("At most 200 links.");
    }
    let mut page = String::from("<!DOCTYPE html>\n<html><head><title>Links</title></head><body>\n");
    for i in 0..n {
        if i == offset {
            page.push_str(&format!("{i} "));
        } else {
            page.push_str(&format!("<a href=\"/links/{n}/{i}\">{i}</a> "));
        }
    }
    page.push_str("\n</body></html>\n");
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

pub async fn links_first(Path(n): Path<usize>) -> Response {
    links(Path((n, 0))).await
}

/// `/image`: the format the Accept header prefers (PNG when it names none we have).
pub async fn image(headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let kind = ["image/webp", "image/svg+xml", "image/jpeg", "image/png"]
        .into_iter()
        .find(|k| accept.contains(k))
        .unwrap_or("image/png");
    image_of(kind)
}

pub async fn image_kind(Path(kind): Path<String>) -> Response {
    match kind.as_str() {
        "png" => image_of("image/png"),
        "jpeg" | "jpg" => image_of("image/jpeg"),
        "webp" => image_of("image/webp"),
        "svg" => image_of("image/svg+xml"),
        _ => crate::reply::plain(StatusCode::NOT_FOUND, "Images: png, jpeg, webp, svg."),
    }
}

fn image_of(kind: &'static str) -> Response {
    let body: Body = match kind {
        "image/jpeg" => Body::from(JPEG),
        "image/webp" => Body::from(WEBP),
        "image/svg+xml" => Body::from(SVG),
        _ => Body::from(PNG),
    };
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

#[derive(Deserialize)]
pub struct Base64Query {
    #[serde(rename = "content-type")]
    content_type: Option<String>,
}

/// `/base64/{value}`: the decoded bytes (standard or URL-safe alphabet). A client-chosen type that could run
/// script is replaced by text/plain, so a crafted link cannot host a page on this origin.
pub async fn base64(Path(value): Path<String>, Query(query): Query<Base64Query>) -> Response {
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let Some(decoded) = engines.iter().find_map(|e| e.decode(value.trim()).ok()) else {
        return bad_request("That is not valid base64.");
    };
    let content_type = query
        .content_type
        .as_deref()
        .map(neutral_content_type)
        .unwrap_or(HeaderValue::from_static(FALLBACK_TYPE));
    let mut response = decoded.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, content_type);
    let (name, value) = sandbox_csp();
    response.headers_mut().insert(name, value);
    response
}
