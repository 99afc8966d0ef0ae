//! Snippet target `python-httpx`: Python with httpx, through its top-level functions (`httpx.post(...)`).

use super::{browser_form_encoding, header_value, text_part};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::written_multipart::multipart_line_breaks;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "python-httpx",
    label: "Python httpx",
    client: "httpx",
    language: "Python",
    extension: "py",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "import httpx").blank();
    code.line(0, format!("url = {}", python_str(&request.url.to_string())));
    let mut call_args = vec!["url".to_string()];

    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    let headers: Vec<&(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        .collect();
    let repeated = headers.iter().enumerate().any(|(i, (name, _))| {
        headers[..i]
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    });
    if !headers.is_empty() {
        // A dict holds one value per name; a list of pairs sends every value as its own line.
        let (open, close) = if repeated { ("[", "]") } else { ("{", "}") };
        code.line(0, format!("headers = {open}"));
        for (name, value) in &headers {
            code.line(
                1,
                if repeated {
                    format!("({}, {}),", python_str(name), header_value(value))
                } else {
                    format!("{}: {},", python_str(name), header_value(value))
                },
            );
        }
        code.line(0, close);
        call_args.push("headers=headers".to_string());
    }

    let mut opened_file = None;
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            // httpx sends a `str` content as UTF-8, as browsers do.
            code.line(0, format!("content = {}", python_str(text)));
            call_args.push("content=content".to_string());
        }
        PreparedBody::UrlEncoded(fields) => match form_dict(fields) {
            Some(lines) => {
                code.line(0, "data = {");
                for line in lines {
                    code.line(1, line);
                }
                code.line(0, "}");
                call_args.push("data=data".to_string());
            }
            None => {
                let encoded = browser_form_encoding(fields)
                    .unwrap_or_else(|| python_str(&PreparedBody::url_encoded(fields)));
                code.line(
                    0,
                    format!("content = {encoded}  # encoded as browsers encode forms"),
                );
                call_args.push("content=content".to_string());
            }
        },
        PreparedBody::Multipart(parts) => {
            // A list keeps the parts in order; `(None, value)` is a text field without a file name, and
            // `(None, value, type)` one with its own Content-Type.
            code.line(0, "files = [");
            for part in parts {
                let value = match &part.value {
                    PreparedPartValue::Text(value) => {
                        text_part(&multipart_line_breaks(value), part.content_type.as_deref())
                    }
                    PreparedPartValue::File(file) => format!(
                        "({}, open({}, \"rb\"), {})",
                        python_str(&file.name),
                        python_str(&file.name),
                        python_str(file.effective_content_type())
                    ),
                };
                code.line(
                    1,
                    format!(
                        "({}, {value}),",
                        python_str(&multipart_line_breaks(&part.name))
                    ),
                );
            }
            code.line(0, "]");
            call_args.push("files=files".to_string());
        }
        PreparedBody::File(file) => {
            opened_file = Some(file.name.clone());
            call_args.push("content=body".to_string());
        }
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        // httpx encodes `str` credentials as UTF-8, as browsers do.
        call_args.push(format!(
            "auth=({}, {})",
            python_str(username),
            python_str(password)
        ));
    }
    if let PreparedAuth::Digest { username, password } = &request.auth {
        // httpx answers the 401's challenge itself, hashing the credentials as UTF-8.
        call_args.push(format!(
            "auth=httpx.DigestAuth({}, {})",
            python_str(username),
            python_str(password)
        ));
    }
    if let Some(ms) = request.options.timeout_ms {
        call_args.push(format!("timeout={}", seconds(ms)));
    }
    // httpx does not follow redirects unless asked; browsers do.
    if request.options.redirect == RedirectMode::Follow {
        call_args.push("follow_redirects=True".to_string());
    }

    let has_body = request.body != PreparedBody::None;
    let stream = request.expects_stream();
    let call = match &request.method {
        // httpx.stream() reads the body only as the code iterates it, so each event shows as it arrives.
        method if stream => format!(
            "httpx.stream({}, {})",
            python_str(method.as_str()),
            call_args.join(", ")
        ),
        Method::Post | Method::Put | Method::Patch => format!(
            "httpx.{}({})",
            request.method.as_str().to_ascii_lowercase(),
            call_args.join(", ")
        ),
        // httpx.get(), .head(), .options() and .delete() take no body.
        Method::Get | Method::Head | Method::Options | Method::Delete if !has_body => format!(
            "httpx.{}({})",
            request.method.as_str().to_ascii_lowercase(),
            call_args.join(", ")
        ),
        other => format!(
            "httpx.request({}, {})",
            python_str(other.as_str()),
            call_args.join(", ")
        ),
    };
    code.blank();
    let level = match opened_file {
        Some(name) => {
            code.line(
                0,
                format!("with open({}, \"rb\") as body:", python_str(&name)),
            );
            1
        }
        None => 0,
    };
    let level = if stream {
        code.line(level, format!("with {call} as response:"));
        level + 1
    } else {
        code.line(level, format!("response = {call}"));
        0
    };
    if request.options.redirect == RedirectMode::Error {
        code.line(level, "if response.is_redirect:");
        code.line(
            level + 1,
            "raise httpx.TooManyRedirects(\"Redirects are not allowed\", request=response.request)",
        );
    }
    if stream {
        code.line(level, "print(response.status_code, response.reason_phrase)");
        code.line(level, "for line in response.iter_lines():");
        code.line(level + 1, "print(line, flush=True)");
    } else {
        code.blank();
        code.line(0, "print(response.status_code, response.reason_phrase)");
        code.line(0, "print(response.text)");
    }
    Snippet {
        code: code.finish(),
        warnings: Vec::new(),
    }
}

/// The fields as `data=` dict lines (`"tag": ["a", "b"]` for a repeated name), when httpx's encoding of that
/// dict gives the browser's bytes: no `*` or `~`, and each repeated name's fields next to each other, because
/// the dict sends them grouped.
fn form_dict(fields: &[(String, String)]) -> Option<Vec<String>> {
    if browser_form_encoding(fields).is_some() {
        return None;
    }
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for (i, (key, value)) in fields.iter().enumerate() {
        match groups.last_mut() {
            Some((last, values)) if *last == key => values.push(value),
            _ if fields[..i].iter().any(|(k, _)| k == key) => return None,
            _ => groups.push((key, vec![value])),
        }
    }
    Some(
        groups
            .iter()
            .map(|(key, values)| match values.as_slice() {
                [one] => format!("{}: {},", python_str(key), python_str(one)),
                several => format!(
                    "{}: [{}],",
                    python_str(key),
                    several
                        .iter()
                        .map(|v| python_str(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_dict_only_when_httpx_keeps_the_order_and_bytes() {
        let fields = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let cases = [
            (
                fields(&[("a", "1"), ("b", "2")]),
                Some(vec![r#""a": "1","#, r#""b": "2","#]),
            ),
            (
                fields(&[("t", "1"), ("t", "2")]),
                Some(vec![r#""t": ["1", "2"],"#]),
            ),
            (fields(&[("t", "1"), ("b", "2"), ("t", "3")]), None),
            (fields(&[("glob", "*.txt")]), None),
        ];
        for (input, expected) in cases {
            let expected = expected.map(|lines| lines.iter().map(|l| l.to_string()).collect());
            assert_eq!(form_dict(&input), expected, "{input:?}");
        }
    }
}
