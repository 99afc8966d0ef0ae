//! Snippet target `python-requests`: Python with the requests library, the way its documentation writes it.

use crate::model::Method;
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::{Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "import requests").blank();
    code.line(0, format!("url = {}", python_str(&request.url.to_string())));

    let mut call_args = vec!["url".to_string()];
    let headers = merge_repeated_headers(&request.headers, &mut warnings);
    if !headers.is_empty() {
        code.line(0, "headers = {");
        for (name, value) in &headers {
            code.line(1, format!("{}: {},", python_str(name), python_str(value)));
        }
        code.line(0, "}");
        call_args.push("headers=headers".to_string());
    }
    if let PreparedBody::Text(body) = &request.body {
        // requests sends a `str` body as Latin-1; the browser sends UTF-8. Encoding explicitly keeps them equal.
        let literal = python_str(body);
        if body.is_ascii() {
            code.line(0, format!("data = {literal}"));
        } else {
            code.line(0, format!("data = {literal}.encode(\"utf-8\")"));
        }
        call_args.push("data=data".to_string());
    }

    let call = match &request.method {
        Method::Get
        | Method::Post
        | Method::Put
        | Method::Patch
        | Method::Delete
        | Method::Head
        | Method::Options => {
            format!(
                "requests.{}({})",
                request.method.as_str().to_ascii_lowercase(),
                call_args.join(", ")
            )
        }
        other => format!(
            "requests.request({}, {})",
            python_str(other.as_str()),
            call_args.join(", ")
        ),
    };
    code.blank().line(0, format!("response = {call}")).blank();
    code.line(0, "print(response.status_code, response.reason)");
    code.line(0, "print(response.text)");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// requests takes headers as a dict, which holds one value per name (case-insensitively): repeats are joined
/// with ", ", which HTTP defines as equivalent for every header but Set-Cookie.
fn merge_repeated_headers(
    headers: &[(String, String)],
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut merged: Vec<(String, String)> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        match merged
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((first, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
                let note = format!(
                    "Python requests sends one \"{first}\" header: the repeated values are joined with \", \"."
                );
                if !warnings.contains(&note) {
                    warnings.push(note);
                }
            }
            None => merged.push((name.clone(), value.clone())),
        }
    }
    merged
}
