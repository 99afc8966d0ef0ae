//! Snippet target `swift-urlsession`: Swift with Foundation's URLSession, as a command-line script.

use crate::edit::model::RedirectMode;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::swift_str;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "swift-urlsession",
    label: "Swift URLSession",
    client: "URLSession",
    language: "Swift",
    extension: "swift",
    // Checked by golden files only: Swift does not install here (Debian's swift package is something else).
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Cannot {
        advice: "answer the challenge in a URLSessionTaskDelegate with URLCredential(user:password:persistence:)",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

/// Declines every redirect, so the task completes with the 3xx response itself.
const NO_REDIRECTS: &str = r#"final class NoRedirects: NSObject, URLSessionTaskDelegate {
    func urlSession(_ session: URLSession, task: URLSessionTask,
                    willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest,
                    completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}"#;

/// Appends one multipart/form-data part; names are escaped as browsers escape them.
const PART_HELPER: &str = r#"func appendPart(_ form: inout Data, boundary: String, name: String,
                fileName: String? = nil, contentType: String? = nil, content: Data) {
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
    var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(name))\""
    if let fileName = fileName {
        head += "; filename=\"\(escape(fileName))\""
    }
    head += "\r\n"
    if let contentType = contentType {
        head += "Content-Type: \(contentType)\r\n"
    }
    head += "\r\n"
    form.append(Data(head.utf8))
    form.append(content)
    form.append(Data("\r\n".utf8))
}"#;

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "import Foundation");
    // On Linux, URLSession lives in FoundationNetworking.
    code.line(0, "#if canImport(FoundationNetworking)");
    code.line(0, "import FoundationNetworking");
    code.line(0, "#endif").blank();

    let manual = request.options.redirect != RedirectMode::Follow;
    if request.options.redirect == RedirectMode::Error {
        warnings.push(
            "URLSession cannot fail on a redirect: this snippet returns the 3xx response instead."
                .to_string(),
        );
    }
    if manual {
        push_block(&mut code, NO_REDIRECTS, options.indent);
        code.blank();
    }
    if matches!(request.body, PreparedBody::Multipart(_)) {
        push_block(&mut code, PART_HELPER, options.indent);
        code.blank();
    }

    code.line(
        0,
        format!(
            "var request = URLRequest(url: URL(string: {})!)",
            swift_str(&request.url.to_string())
        ),
    );
    code.line(
        0,
        format!(
            "request.httpMethod = {}",
            swift_str(request.method.as_str())
        ),
    );
    if let Some(ms) = request.options.timeout_ms {
        code.line(0, format!("request.timeoutInterval = {}", seconds(ms)));
    }
    for (name, value) in &request.headers {
        if let (PreparedAuth::Basic { username, password }, true) =
            (&request.auth, name.eq_ignore_ascii_case("authorization"))
        {
            // UTF-8 credentials, as browsers send them.
            code.line(
                0,
                format!(
                    "let credentials = Data({}.utf8).base64EncodedString()",
                    swift_str(&format!("{username}:{password}"))
                ),
            );
            code.line(
                0,
                format!(
                    "request.addValue(\"Basic \\(credentials)\", forHTTPHeaderField: {})",
                    swift_str(name)
                ),
            );
            continue;
        }
        // addValue, not setValue: a repeated name keeps every value (joined with ", ").
        code.line(
            0,
            format!(
                "request.addValue({}, forHTTPHeaderField: {})",
                swift_str(value),
                swift_str(name)
            ),
        );
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            code.line(
                0,
                format!("request.httpBody = Data({}.utf8)", swift_str(text)),
            );
        }
        PreparedBody::UrlEncoded(fields) => {
            // URLComponents leaves `+` and `&` in values unescaped: send the browser's encoding instead.
            code.line(0, "// Encoded as browsers encode forms.");
            code.line(
                0,
                format!(
                    "request.httpBody = Data({}.utf8)",
                    swift_str(&PreparedBody::url_encoded(fields))
                ),
            );
        }
        PreparedBody::File(file) => {
            code.line(
                0,
                format!(
                    "request.httpBody = try! Data(contentsOf: URL(fileURLWithPath: {}))",
                    swift_str(&file.name)
                ),
            );
        }
        PreparedBody::Multipart(parts) => {
            code.line(
                0,
                "let boundary = \"----ReqlabBoundary\\(UUID().uuidString)\"",
            );
            code.line(0, "var form = Data()");
            for part in parts {
                match &part.value {
                    PreparedPartValue::Text(value) => code.line(
                        0,
                        format!(
                            "appendPart(&form, boundary: boundary, name: {}, {}content: Data({}.utf8))",
                            swift_str(&part.name),
                            part.content_type.as_deref().map_or(String::new(), |t| format!(
                                "contentType: {}, ",
                                swift_str(t)
                            )),
                            swift_str(value)
                        ),
                    ),
                    PreparedPartValue::File(file) => code.line(
                        0,
                        format!(
                            "appendPart(&form, boundary: boundary, name: {}, fileName: {}, contentType: {},\n{}content: try! Data(contentsOf: URL(fileURLWithPath: {})))",
                            swift_str(&part.name),
                            swift_str(&file.name),
                            swift_str(file.effective_content_type()),
                            " ".repeat(options.indent * 2),
                            swift_str(&file.name)
                        ),
                    ),
                };
            }
            code.line(0, "form.append(Data(\"--\\(boundary)--\\r\\n\".utf8))");
            code.line(
                0,
                "request.setValue(\"multipart/form-data; boundary=\\(boundary)\", forHTTPHeaderField: \"Content-Type\")",
            );
            code.line(0, "request.httpBody = form");
        }
    }
    code.blank();
    if manual {
        code.line(
            0,
            "let session = URLSession(configuration: .default, delegate: NoRedirects(), delegateQueue: nil)",
        );
    } else {
        code.line(0, "let session = URLSession.shared");
    }
    // A script ends at its last line: wait for the response before it does.
    code.line(0, "let done = DispatchSemaphore(value: 0)");
    code.line(
        0,
        "session.dataTask(with: request) { data, response, error in",
    );
    code.line(1, "if let error = error {");
    code.line(2, "print(error)");
    code.line(1, "} else if let response = response as? HTTPURLResponse {");
    code.line(2, "print(response.statusCode)");
    code.line(2, "print(String(decoding: data ?? Data(), as: UTF8.self))");
    code.line(1, "}");
    code.line(1, "done.signal()");
    code.line(0, "}.resume()");
    code.line(0, "done.wait()");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// Writes a fixed block of code, re-indented from four spaces to the user's width.
fn push_block(code: &mut CodeBuilder, block: &str, indent: usize) {
    for line in block.lines() {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let level_spaces = spaces / 4 * indent + spaces % 4;
        code.line(
            0,
            format!("{}{}", " ".repeat(level_spaces), line.trim_start()),
        );
    }
}
