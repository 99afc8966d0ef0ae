//! Snippet target `php-guzzle`: PHP with Guzzle 7, loaded through Composer's autoloader.

use crate::edit::model::RedirectMode;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::php::php_str;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "php-guzzle",
    label: "PHP Guzzle",
    client: "Guzzle",
    language: "PHP",
    extension: "php",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "<?php").blank();
    code.line(0, "require 'vendor/autoload.php';").blank();
    code.line(0, "use GuzzleHttp\\Client;").blank();
    code.line(0, "$client = new Client();");
    code.line(
        0,
        format!(
            "$response = $client->request({}, {}, [",
            php_str(request.method.as_str()),
            php_str(&request.url.to_string())
        ),
    );
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    // Guzzle takes headers as name => list of values; a repeated name keeps every value, in order.
    let mut headers: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, value) in &request.headers {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // sent by 'auth' below
        }
        match headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((_, values)) => values.push(value),
            None => headers.push((name, vec![value])),
        }
    }
    if !headers.is_empty() {
        code.line(1, "'headers' => [");
        for (name, values) in &headers {
            let values = match values.as_slice() {
                [one] => php_str(one),
                many => format!(
                    "[{}]",
                    many.iter()
                        .map(|v| php_str(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            code.line(2, format!("{} => {values},", php_str(name)));
        }
        code.line(1, "],");
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        code.line(
            1,
            format!("'auth' => [{}, {}],", php_str(username), php_str(password)),
        );
    }
    // Guzzle's curl handler answers a Digest challenge itself.
    if let PreparedAuth::Digest { username, password } = &request.auth {
        code.line(
            1,
            format!(
                "'auth' => [{}, {}, 'digest'],",
                php_str(username),
                php_str(password)
            ),
        );
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            code.line(1, format!("'body' => {},", php_str(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            // form_params goes through http_build_query, which writes `*` as %2A and keeps one value per
            // key: the browser's encoding is sent as the body instead.
            code.line(
                1,
                format!(
                    "'body' => {}, // encoded as browsers encode forms",
                    php_str(&PreparedBody::url_encoded(fields))
                ),
            );
        }
        PreparedBody::File(file) => {
            code.line(
                1,
                format!("'body' => fopen({}, 'rb'),", php_str(&file.name)),
            );
        }
        PreparedBody::Multipart(parts) => {
            code.line(1, "'multipart' => [");
            for part in parts {
                let name = php_str(&part.name);
                // A string `contents` gets no filename; a part header gives a text part its own type.
                let (contents, filename, content_type) = match &part.value {
                    PreparedPartValue::Text(value) => match &part.content_type {
                        None => {
                            code.line(
                                2,
                                format!("['name' => {name}, 'contents' => {}],", php_str(value)),
                            );
                            continue;
                        }
                        Some(content_type) => (php_str(value), None, content_type.as_str()),
                    },
                    PreparedPartValue::File(file) => (
                        format!("fopen({}, 'rb')", php_str(&file.name)),
                        Some(php_str(&file.name)),
                        file.effective_content_type(),
                    ),
                };
                code.line(2, "[");
                code.line(3, format!("'name' => {name},"));
                code.line(3, format!("'contents' => {contents},"));
                if let Some(filename) = filename {
                    code.line(3, format!("'filename' => {filename},"));
                }
                code.line(
                    3,
                    format!(
                        "'headers' => ['Content-Type' => {}],",
                        php_str(content_type)
                    ),
                );
                code.line(2, "],");
            }
            code.line(1, "],");
        }
    }
    match request.options.redirect {
        // Guzzle follows redirects by default, as browsers do.
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            code.line(1, "'allow_redirects' => false,");
        }
        RedirectMode::Error => {
            // No redirect allowed: a 3xx throws TooManyRedirectsException.
            code.line(1, "'allow_redirects' => ['max' => 0],");
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(1, format!("'timeout' => {},", seconds(ms)));
    }
    // Like fetch, hand back 4xx and 5xx responses instead of throwing.
    code.line(1, "'http_errors' => false,");
    code.line(0, "]);").blank();
    code.line(
        0,
        "echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), \"\\n\";",
    );
    code.line(0, "echo $response->getBody(), \"\\n\";");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
