//! Snippet target `http-raw`: the HTTP/1.1 message itself (request line, headers, blank line, body), exactly
//! the bytes a client writes to the connection, so it can be sent as it stands (`nc`, `openssl s_client`, or
//! a few lines of socket code). Unlike the raw view (`crate::render::raw`), nothing is summarised: multipart bodies
//! get a concrete boundary and the files' own bytes.

use crate::edit::model::{FileRef, Method};
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{has_header, PreparedBody, PreparedRequest};
use crate::snippet::invisible_note::invisible_note;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "http-raw",
    label: "Raw HTTP/1.1 message",
    client: "HTTP/1.1 message",
    language: "HTTP",
    extension: "http",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "send it with curl --digest, which answers the challenge",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, _options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut head = vec![format!(
        "{} {} HTTP/1.1",
        request.method,
        request.url.path_and_query()
    )];
    if !has_header(&request.headers, "host") {
        head.push(format!("Host: {}", request.url.authority()));
    }
    for (name, value) in &request.headers {
        // No space after the colon for an empty value: the line then has no trailing whitespace to lose.
        head.push(if value.is_empty() {
            format!("{name}:")
        } else {
            format!("{name}: {value}")
        });
    }
    let body = match &request.body {
        PreparedBody::None => String::new(),
        PreparedBody::Text(text) => text.clone(),
        PreparedBody::UrlEncoded(fields) => PreparedBody::url_encoded(fields),
        PreparedBody::File(file) => file_text(file, &mut warnings),
        PreparedBody::Multipart(parts) => {
            let boundary = multipart_boundary(parts);
            if !has_header(&request.headers, "content-type") {
                head.push(format!(
                    "Content-Type: multipart/form-data; boundary={boundary}"
                ));
            }
            multipart_pieces(parts, &boundary)
                .iter()
                .map(|piece| match piece {
                    Piece::Text(text) => text.clone(),
                    Piece::File(file) => file_text(file, &mut warnings),
                })
                .collect()
        }
    };
    // Browsers send a length for every method that usually carries a body, even an empty one.
    let expects_body = matches!(request.method, Method::Post | Method::Put | Method::Patch);
    if (!body.is_empty() || expects_body) && !has_header(&request.headers, "content-length") {
        head.push(format!("Content-Length: {}", body.len()));
    }
    // CR is part of the message format (CRLF line ends), not a hidden character.
    warnings.extend(invisible_note([body.replace('\r', "").as_str()]));
    let mut code = head.join("\r\n");
    code.push_str("\r\n\r\n");
    code.push_str(&body);
    Snippet { code, warnings }
}

/// A file's bytes as message text. The snippet is text, so a file that is not UTF-8 is replaced by a
/// placeholder of its own length, and a warning says so.
fn file_text(file: &FileRef, warnings: &mut Vec<String>) -> String {
    let data = file.data.as_deref().unwrap_or_default();
    match std::str::from_utf8(data) {
        Ok(text) => text.to_string(),
        Err(_) => {
            warnings.push(format!(
                "\"{}\" is binary: the message shows a placeholder where its {} bytes go; paste them in \
                 (and fix Content-Length) to send it.",
                file.name,
                data.len()
            ));
            format!("<{} bytes from {}>", data.len(), file.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::RequestOptions;
    use crate::prepare::multipart::BOUNDARY;
    use crate::prepare::url::Url;
    use crate::prepare::PreparedAuth;
    use crate::prepare::PreparedPart;

    fn request(method: Method, body: PreparedBody) -> PreparedRequest {
        PreparedRequest {
            method,
            url: Url::parse("http://example.test:8080/a?b=1").expect("valid url"),
            headers: vec![("X-Empty".into(), String::new())],
            body,
            auth: PreparedAuth::None,
            options: RequestOptions::default(),
        }
    }

    #[test]
    fn messages() {
        let cases = [
            (
                request(Method::Get, PreparedBody::None),
                "GET /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\nX-Empty:\r\n\r\n",
            ),
            (
                request(Method::Post, PreparedBody::None),
                "POST /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n",
            ),
            (
                request(Method::Put, PreparedBody::Text("é\n".into())),
                "PUT /a?b=1 HTTP/1.1\r\nHost: example.test:8080\r\nX-Empty:\r\nContent-Length: 3\r\n\r\né\n",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(generate(&input, &Options::default()).code, expected);
        }
    }

    #[test]
    fn multipart_boundary_avoids_the_content() {
        let part = |text: &str| PreparedPart::text("a\"b", text);
        let clash = [part(BOUNDARY)];
        assert_eq!(multipart_boundary(&clash), format!("{BOUNDARY}1"));
        let parts = [part("v")];
        let body: String = multipart_pieces(&parts, "B")
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t,
                Piece::File(_) => unreachable!("no files here"),
            })
            .collect();
        assert_eq!(
            body,
            "--B\r\nContent-Disposition: form-data; name=\"a%22b\"\r\n\r\nv\r\n--B--\r\n"
        );
    }
}
