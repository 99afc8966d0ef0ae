//! Import stage, format detection: whether a text is an OpenAPI description, without reading it (the
//! library decides with it which worker reads a file, and it must not carry the reader to do so).

/// How much of the text's start [`looks_like_openapi`] reads: the version field comes first in nearly
/// every description, and rarely later than `info`.
const SNIFF_BYTES: usize = 4096;

/// Whether `text` looks like an OpenAPI or Swagger description (an `openapi` or `swagger` field near the
/// start), for the import dialog's format detection. Cheap: no parsing.
pub fn looks_like_openapi(text: &str) -> bool {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let json = ["\"openapi\"", "\"swagger\""].iter().any(|key| {
        head.match_indices(key)
            .any(|(i, _)| head[i + key.len()..].trim_start().starts_with(':'))
    });
    let yaml = head.lines().any(|line| {
        let line = line.trim_end();
        [
            "openapi:",
            "swagger:",
            "\"openapi\":",
            "\"swagger\":",
            "'openapi':",
            "'swagger':",
        ]
        .iter()
        .any(|key| line.starts_with(key))
    });
    json || yaml
}
