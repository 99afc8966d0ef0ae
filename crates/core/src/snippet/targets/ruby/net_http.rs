//! Snippet target `ruby-net-http`: Ruby with the standard library's Net::HTTP.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::ruby::ruby_str;
use crate::snippet::written_multipart::{crlf_joined_items, has_typed_text_part};
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "ruby-net-http",
    label: "Ruby Net::HTTP",
    client: "Net::HTTP",
    language: "Ruby",
    extension: "rb",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "use the net-http-digest_auth gem",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "require \"net/http\"");
    code.line(0, "require \"uri\"").blank();
    code.line(
        0,
        format!("uri = URI({})", ruby_str(&request.url.to_string())),
    );
    let has_body = request.body != PreparedBody::None;
    let class = match request.method {
        Method::Get => Some("Get"),
        Method::Post => Some("Post"),
        Method::Put => Some("Put"),
        Method::Patch => Some("Patch"),
        Method::Delete if !has_body => Some("Delete"),
        Method::Head => Some("Head"),
        Method::Options if !has_body => Some("Options"),
        _ => None,
    };
    match class {
        Some(class) => code.line(0, format!("request = Net::HTTP::{class}.new(uri)")),
        // Any other method, or one whose Net::HTTP class would refuse the body.
        None => code.line(
            0,
            format!(
                "request = Net::HTTPGenericRequest.new({}, {has_body}, true, uri)",
                ruby_str(request.method.as_str())
            ),
        ),
    };

    // The body first: set_form_data and set_form write a Content-Type that the headers below may replace.
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            code.line(0, format!("request.body = {}", ruby_str(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            // URI.encode_www_form encodes exactly as browsers do (`*` kept, `~` and space as %7E and +).
            code.line(0, "request.set_form_data([");
            for (key, value) in fields {
                code.line(1, format!("[{}, {}],", ruby_str(key), ruby_str(value)));
            }
            code.line(0, "])");
        }
        // set_form writes a Content-Type only for a part with a filename: a text part with its own type needs
        // the body written out. As bytes (`b`): a file's bytes and UTF-8 text do not join as strings.
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            let (content_type, items) = crlf_joined_items(parts, ruby_str, |file| {
                format!("File.binread({})", ruby_str(&file.name))
            });
            code.line(
                0,
                "# set_form types only parts with a filename: the body is written out as browsers write it.",
            );
            code.line(0, "request.body = [");
            for item in items {
                code.line(1, format!("{item},"));
            }
            code.line(0, "].map(&:b).join(\"\\r\\n\")");
            code.line(
                0,
                format!("request[\"Content-Type\"] = {}", ruby_str(&content_type)),
            );
        }
        PreparedBody::Multipart(parts) => {
            code.line(0, "request.set_form([");
            for part in parts {
                match &part.value {
                    PreparedPartValue::Text(value) => code.line(
                        1,
                        format!("[{}, {}],", ruby_str(&part.name), ruby_str(value)),
                    ),
                    PreparedPartValue::File(file) => code.line(
                        1,
                        format!(
                            "[{}, File.open({}, \"rb\"), {{ filename: {}, content_type: {} }}],",
                            ruby_str(&part.name),
                            ruby_str(&file.name),
                            ruby_str(&file.name),
                            ruby_str(file.effective_content_type())
                        ),
                    ),
                };
            }
            code.line(0, "], \"multipart/form-data\")");
        }
        PreparedBody::File(file) => {
            code.line(
                0,
                format!("request.body = File.binread({})", ruby_str(&file.name)),
            );
        }
    }

    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in &request.headers {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // written with basic_auth below
        }
        // `[]=` replaces Net::HTTP's own default (Accept, User-Agent); add_field keeps a repeated name.
        if seen.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            code.line(
                0,
                format!("request.add_field({}, {})", ruby_str(name), ruby_str(value)),
            );
        } else {
            seen.push(name);
            code.line(
                0,
                format!("request[{}] = {}", ruby_str(name), ruby_str(value)),
            );
        }
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        code.line(
            0,
            format!(
                "request.basic_auth({}, {})",
                ruby_str(username),
                ruby_str(password)
            ),
        );
    }

    let mut start_args = vec![
        "uri.hostname".to_string(),
        "uri.port".to_string(),
        "use_ssl: uri.scheme == \"https\"".to_string(),
    ];
    if let Some(ms) = request.options.timeout_ms {
        let s = seconds(ms);
        start_args.push(format!("open_timeout: {s}"));
        start_args.push(format!("read_timeout: {s}"));
        start_args.push(format!("write_timeout: {s}"));
    }
    if request.options.redirect != RedirectMode::Manual {
        warnings.push(
            "Net::HTTP does not follow redirects: where the browser would follow one, this snippet prints the \
             3xx response instead."
                .to_string(),
        );
    }
    code.blank();
    let stream = request.expects_stream();
    code.line(
        0,
        format!(
            "{}Net::HTTP.start({}) do |http|",
            if stream { "" } else { "response = " },
            start_args.join(", ")
        ),
    );
    if stream {
        // With a block, Net::HTTP hands over the body piece by piece as it arrives, not once it has ended.
        code.line(1, "http.request(request) do |response|");
        code.line(2, "puts \"#{response.code} #{response.message}\"");
        code.line(2, "response.read_body do |chunk|");
        code.line(3, "print chunk");
        code.line(3, "$stdout.flush");
        code.line(2, "end");
        code.line(1, "end");
        code.line(0, "end");
    } else {
        code.line(1, "http.request(request)");
        code.line(0, "end").blank();
        code.line(0, "puts \"#{response.code} #{response.message}\"");
        code.line(0, "puts response.body");
    }
    Snippet {
        code: code.finish(),
        warnings,
    }
}
