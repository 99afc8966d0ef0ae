//! Snippet target `python-gql`: a GraphQL request with Python's gql client over its requests transport.
//! gql parses the query and prints it again with graphql-core's printer before sending, and writes the
//! envelope with `json.dumps`: the server receives the same operation and variables, formatted by gql. A
//! request that is no GraphQL operation sent by POST gets a comment pointing to Python requests.

use super::header_value;
use crate::edit::graphql_body::parts;
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "python-gql",
    label: "Python gql",
    client: "gql",
    language: "Python",
    extension: "py",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Cannot {
        advice: "use Python requests with HTTPDigestAuth",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

/// The code for a GraphQL request sent by POST; a comment and a warning for any other request.
pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let operation = match &request.body {
        PreparedBody::Text(text) if request.method == Method::Post => parts(text),
        _ => None,
    };
    let Some(operation) = operation else {
        return Snippet {
            code: "# gql sends GraphQL operations by POST, and this request is not one: see Python requests.\n"
                .into(),
            warnings: vec![
                "Python gql sends GraphQL operations by POST only: Python requests sends this request."
                    .into(),
            ],
        };
    };
    let mut code = CodeBuilder::new(options.indent);
    if operation.variables.is_some() {
        code.line(0, "import json").blank();
    }
    code.line(0, "from gql import Client, gql")
        .line(
            0,
            "from gql.transport.requests import RequestsHTTPTransport",
        )
        .blank()
        .line(0, "transport = RequestsHTTPTransport(")
        .line(1, format!("url={},", python_str(&request.url.to_string())));
    // The transport sends the JSON type itself.
    let headers: Vec<_> = request
        .headers
        .iter()
        .filter(|(n, v)| !(n.eq_ignore_ascii_case("content-type") && v == "application/json"))
        .collect();
    if !headers.is_empty() {
        code.line(1, "headers={");
        for (name, value) in headers {
            code.line(2, format!("{}: {},", python_str(name), header_value(value)));
        }
        code.line(1, "},");
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(1, format!("timeout={},", seconds(ms)));
    }
    if request.options.redirect != RedirectMode::Follow {
        code.line(1, "allow_redirects=False,");
    }
    code.line(0, ")")
        .line(0, "client = Client(transport=transport)")
        .blank()
        .line(0, format!("query = gql({})", python_str(&operation.query)));
    if let Some(variables) = &operation.variables {
        code.line(
            0,
            format!(
                "query.variable_values = json.loads({})",
                python_str(variables)
            ),
        );
    }
    if let Some(name) = &operation.operation_name {
        code.line(0, format!("query.operation_name = {}", python_str(name)));
    }
    code.blank()
        .line(0, "result = client.execute(query)")
        .line(0, "print(result)");
    Snippet {
        code: code.finish(),
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::snippet::tests::generate_from_json;

    #[test]
    fn a_request_that_is_no_graphql_operation_points_to_python_requests() {
        let json = r#"{"method": "POST", "url": "http://h/", "body": {"mode": "raw", "language": "json", "text": "{\"a\": 1}"}}"#;
        let snippet = generate_from_json("python-gql", json);
        assert!(snippet.code.starts_with('#'), "{}", snippet.code);
        assert!(
            snippet
                .warnings
                .iter()
                .any(|w| w.contains("Python requests")),
            "{:?}",
            snippet.warnings
        );
    }

    #[test]
    fn variables_are_read_by_json_as_written() {
        let json = r#"{"method": "POST", "url": "http://h/", "body": {"mode": "raw", "language": "graphql", "text": "{\"query\": \"{ a }\", \"variables\": {\"l\": [true, null, 1.5, \"x\\\"\"]}}"}}"#;
        let snippet = generate_from_json("python-gql", json);
        let expected = format!(
            "query.variable_values = json.loads({})",
            crate::snippet::quote::python_str(r#"{"l": [true, null, 1.5, "x\""]}"#)
        );
        assert!(snippet.code.contains(&expected), "{}", snippet.code);
        assert!(
            snippet.code.starts_with("import json\n"),
            "{}",
            snippet.code
        );
        assert!(snippet.warnings.is_empty(), "{:?}", snippet.warnings);
    }
}
