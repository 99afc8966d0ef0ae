//! Snippet target `java-okhttp`: Java with OkHttp 3 (the API Debian packages and Android apps still use).

use super::{write_imports, write_request, OkHttpLanguage};
use crate::prepare::PreparedRequest;
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "java-okhttp",
    label: "Java OkHttp",
    client: "OkHttp",
    language: "Java",
    extension: "java",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Cannot {
        advice: "use the okhttp-digest authenticator",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut imports = BTreeSet::from([
        "okhttp3.OkHttpClient",
        "okhttp3.Request",
        "okhttp3.Response",
    ]);
    let mut main = CodeBuilder::new(options.indent);
    write_request(
        request,
        OkHttpLanguage::Java,
        &mut main,
        &mut imports,
        &mut warnings,
    );
    main.line(
        0,
        "try (Response response = client.newCall(request).execute()) {",
    );
    main.line(
        1,
        "System.out.println(response.code() + \" \" + response.message());",
    );
    main.line(1, "System.out.println(response.body().string());");
    main.line(0, "}");

    let mut code = CodeBuilder::new(options.indent);
    write_imports(&mut code, &imports, OkHttpLanguage::Java);
    code.blank();
    code.line(0, "public class Main {");
    code.line(
        1,
        "public static void main(String[] args) throws Exception {",
    );
    for line in main.finish().lines() {
        code.line(2, line);
    }
    code.line(1, "}");
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::generate;
    use crate::snippet::Options;
    use crate::{prepare, Environment, Request};

    #[test]
    fn a_part_type_okhttp_cannot_parse_is_warned_about() {
        let request: Request = serde_json::from_value(serde_json::json!({
            "method": "POST",
            "url": "http://a/",
            "body": {"mode": "multipart", "parts": [
                {"name": "meta", "kind": "text", "value": "{}", "content_type": "json"}
            ]}
        }))
        .expect("request");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        let snippet = generate(&prepared, &Options::default());
        assert!(
            snippet.code.contains(
                ".addFormDataPart(\"meta\", null, RequestBody.create(MediaType.parse(\"json\")"
            ),
            "{}",
            snippet.code
        );
        assert_eq!(
            snippet.warnings,
            ["OkHttp cannot read \"json\" as a media type: the part \"meta\" is sent without a Content-Type."]
        );
    }
}
