//! Snippet target `go-native`: Go with the standard library's net/http, no modules needed.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::go_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "go-native",
    label: "Go net/http",
    client: "net/http",
    language: "Go",
    extension: "go",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "use github.com/icholy/digest as the client's Transport",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

/// Go helpers naming a form part as browsers do (quotes and line breaks percent-encoded), each written only
/// when a part needs it. Tab-indented, as gofmt writes Go.
const FILE_DISPOSITION: &str = r#"// disposition names a file part as browsers do: quotes and line breaks percent-encoded.
func disposition(name, filename string) string {
	escape := strings.NewReplacer("\"", "%22", "\r", "%0D", "\n", "%0A")
	return `form-data; name="` + escape.Replace(name) + `"; filename="` + escape.Replace(filename) + `"`
}"#;
const FIELD_DISPOSITION: &str = r#"// fieldDisposition names a text part as browsers do: quotes and line breaks percent-encoded.
func fieldDisposition(name string) string {
	escape := strings.NewReplacer("\"", "%22", "\r", "%0D", "\n", "%0A")
	return `form-data; name="` + escape.Replace(name) + `"`
}"#;

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let warnings = Vec::new();
    let mut imports = BTreeSet::from(["fmt", "io", "net/http"]);
    let mut body = CodeBuilder::new(options.indent);
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    let mut multipart_type = false;

    let reader = match &request.body {
        PreparedBody::None => "nil".to_string(),
        PreparedBody::Text(text) => {
            imports.insert("strings");
            body.line(1, format!("body := strings.NewReader({})", go_str(text)));
            "body".to_string()
        }
        PreparedBody::UrlEncoded(fields) => {
            // url.Values sorts the keys and escapes `*` and `~` unlike browsers: send the browser's encoding.
            imports.insert("strings");
            body.line(1, "// Encoded as browsers encode forms.");
            body.line(
                1,
                format!(
                    "body := strings.NewReader({})",
                    go_str(&PreparedBody::url_encoded(fields))
                ),
            );
            "body".to_string()
        }
        PreparedBody::File(file) => {
            // A byte slice rather than the open file, so Go sends a Content-Length instead of chunks.
            imports.extend(["bytes", "os"]);
            body.line(
                1,
                format!("data, err := os.ReadFile({})", go_str(&file.name)),
            );
            body.line(1, "if err != nil {")
                .line(2, "panic(err)")
                .line(1, "}");
            body.line(1, "body := bytes.NewReader(data)");
            "body".to_string()
        }
        PreparedBody::Multipart(parts) => {
            imports.extend(["bytes", "mime/multipart"]);
            multipart_type = true;
            body.line(1, "body := &bytes.Buffer{}");
            body.line(1, "form := multipart.NewWriter(body)");
            for part in parts {
                match (&part.value, &part.content_type) {
                    (PreparedPartValue::Text(value), Some(content_type)) => {
                        imports.insert("net/textproto");
                        body.line(1, "{");
                        // WriteField has no Content-Type: write the part head instead.
                        body.line(2, "head := make(textproto.MIMEHeader)");
                        body.line(
                            2,
                            format!(
                                "head.Set(\"Content-Disposition\", fieldDisposition({}))",
                                go_str(&part.name)
                            ),
                        );
                        body.line(
                            2,
                            format!("head.Set(\"Content-Type\", {})", go_str(content_type)),
                        );
                        body.line(2, "part, err := form.CreatePart(head)");
                        body.line(2, "if err != nil {")
                            .line(3, "panic(err)")
                            .line(2, "}");
                        body.line(
                            2,
                            format!(
                                "if _, err := io.WriteString(part, {}); err != nil {{",
                                go_str(value)
                            ),
                        );
                        body.line(3, "panic(err)").line(2, "}");
                        body.line(1, "}");
                    }
                    (PreparedPartValue::Text(value), None) => {
                        body.line(
                            1,
                            format!(
                                "if err := form.WriteField({}, {}); err != nil {{",
                                go_str(&part.name),
                                go_str(value)
                            ),
                        );
                        body.line(2, "panic(err)").line(1, "}");
                    }
                    (PreparedPartValue::File(file), _) => {
                        imports.extend(["net/textproto", "os"]);
                        body.line(1, "{");
                        // CreateFormFile always says application/octet-stream: write the part head instead.
                        body.line(2, "head := make(textproto.MIMEHeader)");
                        body.line(
                            2,
                            format!(
                                "head.Set(\"Content-Disposition\", disposition({}, {}))",
                                go_str(&part.name),
                                go_str(&file.name)
                            ),
                        );
                        body.line(
                            2,
                            format!(
                                "head.Set(\"Content-Type\", {})",
                                go_str(file.effective_content_type())
                            ),
                        );
                        body.line(2, "part, err := form.CreatePart(head)");
                        body.line(2, "if err != nil {")
                            .line(3, "panic(err)")
                            .line(2, "}");
                        body.line(
                            2,
                            format!("data, err := os.ReadFile({})", go_str(&file.name)),
                        );
                        body.line(2, "if err != nil {")
                            .line(3, "panic(err)")
                            .line(2, "}");
                        body.line(2, "if _, err := part.Write(data); err != nil {");
                        body.line(3, "panic(err)").line(2, "}");
                        body.line(1, "}");
                    }
                }
            }
            body.line(1, "if err := form.Close(); err != nil {");
            body.line(2, "panic(err)").line(1, "}");
            "body".to_string()
        }
    };
    let has_file_part = matches!(&request.body, PreparedBody::Multipart(parts)
        if parts.iter().any(|p| matches!(p.value, PreparedPartValue::File(_))));
    let has_typed_text_part = matches!(&request.body, PreparedBody::Multipart(parts)
        if parts.iter().any(|p| p.content_type.is_some()));
    if has_file_part || has_typed_text_part {
        imports.insert("strings");
    }

    let method = match request.method {
        Method::Get => "http.MethodGet".to_string(),
        Method::Post => "http.MethodPost".to_string(),
        Method::Put => "http.MethodPut".to_string(),
        Method::Patch => "http.MethodPatch".to_string(),
        Method::Delete => "http.MethodDelete".to_string(),
        Method::Head => "http.MethodHead".to_string(),
        Method::Options => "http.MethodOptions".to_string(),
        Method::Connect => "http.MethodConnect".to_string(),
        Method::Trace => "http.MethodTrace".to_string(),
        Method::Custom(ref name) => go_str(name),
    };
    body.line(
        1,
        format!(
            "req, err := http.NewRequest({method}, {}, {reader})",
            go_str(&request.url.to_string())
        ),
    );
    body.line(1, "if err != nil {")
        .line(2, "panic(err)")
        .line(1, "}");
    for (name, value) in &request.headers {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // written with SetBasicAuth below
        }
        if name.eq_ignore_ascii_case("host") {
            // net/http ignores a Host entry in Header: the field is the way to set it.
            body.line(1, format!("req.Host = {}", go_str(value)));
            continue;
        }
        // Add, not Set: repeated names stay separate header lines.
        body.line(
            1,
            format!("req.Header.Add({}, {})", go_str(name), go_str(value)),
        );
    }
    if multipart_type {
        body.line(
            1,
            "req.Header.Set(\"Content-Type\", form.FormDataContentType())",
        );
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        body.line(
            1,
            format!(
                "req.SetBasicAuth({}, {})",
                go_str(username),
                go_str(password)
            ),
        );
    }

    let mut client_fields = Vec::new();
    if let Some(ms) = request.options.timeout_ms {
        imports.insert("time");
        client_fields.push(format!("Timeout: {ms} * time.Millisecond,"));
    }
    // Go's client follows redirects like browsers do; the other modes need a CheckRedirect.
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            client_fields
                .push("CheckRedirect: func(*http.Request, []*http.Request) error {".into());
            client_fields
                .push("\treturn http.ErrUseLastResponse // hand back the 3xx itself".into());
            client_fields.push("},".into());
        }
        RedirectMode::Error => {
            imports.insert("errors");
            client_fields
                .push("CheckRedirect: func(*http.Request, []*http.Request) error {".into());
            client_fields.push("\treturn errors.New(\"redirects are not allowed\")".into());
            client_fields.push("},".into());
        }
    }
    body.blank();
    if client_fields.is_empty() {
        body.line(1, "client := &http.Client{}");
    } else {
        body.line(1, "client := &http.Client{");
        for field in &client_fields {
            let (level, text) = match field.strip_prefix('\t') {
                Some(inner) => (3, inner),
                None => (2, field.as_str()),
            };
            body.line(level, text);
        }
        body.line(1, "}");
    }
    body.line(1, "resp, err := client.Do(req)");
    body.line(1, "if err != nil {")
        .line(2, "panic(err)")
        .line(1, "}");
    body.line(1, "defer resp.Body.Close()");
    body.blank();
    if request.expects_stream() {
        // A line at a time as it arrives, rather than the whole body once it has ended.
        imports.insert("bufio");
        if !body.finish().contains("io.") {
            imports.remove("io");
        }
        body.line(1, "fmt.Println(resp.Status)");
        body.line(1, "scanner := bufio.NewScanner(resp.Body)");
        body.line(1, "for scanner.Scan() {");
        body.line(2, "fmt.Println(scanner.Text())");
        body.line(1, "}");
        body.line(1, "if err := scanner.Err(); err != nil {")
            .line(2, "panic(err)")
            .line(1, "}");
    } else {
        body.line(1, "text, err := io.ReadAll(resp.Body)");
        body.line(1, "if err != nil {")
            .line(2, "panic(err)")
            .line(1, "}");
        body.line(1, "fmt.Println(resp.Status)");
        body.line(1, "fmt.Println(string(text))");
    }

    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "package main").blank();
    code.line(0, "import (");
    for import in &imports {
        code.line(1, format!("\"{import}\""));
    }
    code.line(0, ")").blank();
    for (used, helper) in [
        (has_file_part, FILE_DISPOSITION),
        (has_typed_text_part, FIELD_DISPOSITION),
    ] {
        if used {
            for line in helper.lines() {
                code.line(0, line);
            }
            code.blank();
        }
    }
    code.line(0, "func main() {");
    let mut text = code.finish();
    text.push_str(&body.finish());
    text.push_str("}\n");
    // gofmt indents with tabs whatever the editor shows; keep that for Go.
    let text = retab(&text, options.indent);
    Snippet {
        code: text,
        warnings,
    }
}

/// Go code is indented with tabs (gofmt): turns the builder's leading spaces into tabs.
fn retab(code: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&"\t".repeat(spaces / width));
        out.push_str(&line[spaces - spaces % width..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{prepare, Environment, Request};

    fn snippet(request: serde_json::Value) -> Snippet {
        let request: Request = serde_json::from_value(request).expect("request");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        generate(&prepared, &Options::default())
    }

    #[test]
    fn lines_that_need_go_specific_handling() {
        let cases = [
            (
                serde_json::json!({"url": "http://a/", "headers": [{"key": "Host", "value": "b.example"}]}),
                "\treq.Host = \"b.example\"\n",
            ),
            (
                serde_json::json!({"method": "MKCOL", "url": "http://a/"}),
                "http.NewRequest(\"MKCOL\", \"http://a/\", nil)",
            ),
            (
                serde_json::json!({"url": "http://a/", "options": {"redirect": "error"}}),
                "return errors.New(\"redirects are not allowed\")",
            ),
        ];
        for (request, expected) in cases {
            let code = snippet(request).code;
            assert!(code.contains(expected), "{expected:?} not in\n{code}");
        }
    }

    #[test]
    fn retab_turns_levels_into_tabs() {
        let cases = [
            ("a\n    b\n        c\n", 4, "a\n\tb\n\t\tc\n"),
            ("  x\n", 2, "\tx\n"),
            ("      x\n", 4, "\t  x\n"),
        ];
        for (input, width, expected) in cases {
            assert_eq!(retab(input, width), expected);
        }
    }
}
