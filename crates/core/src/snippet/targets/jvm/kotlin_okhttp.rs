//! Snippet target `kotlin-okhttp`: Kotlin with OkHttp 3, the same calls as `java-okhttp` in Kotlin syntax.

use super::{write_imports, write_request, OkHttpLanguage};
use crate::prepare::PreparedRequest;
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "kotlin-okhttp",
    label: "Kotlin OkHttp",
    client: "OkHttp",
    language: "Kotlin",
    extension: "kt",
    // Checked by golden files only: kotlinc 1.3 takes about 8 s per file on these machines, which would
    // double the family's executed run; java-okhttp executes the same OkHttp calls.
    runnable_here: false,
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
    let mut imports = BTreeSet::from(["okhttp3.OkHttpClient", "okhttp3.Request"]);
    let mut main = CodeBuilder::new(options.indent);
    write_request(
        request,
        OkHttpLanguage::Kotlin,
        &mut main,
        &mut imports,
        &mut warnings,
    );
    main.line(0, "client.newCall(request).execute().use { response ->");
    main.line(1, "println(\"${response.code()} ${response.message()}\")");
    main.line(1, "println(response.body()?.string())");
    main.line(0, "}");

    let mut code = CodeBuilder::new(options.indent);
    write_imports(&mut code, &imports, OkHttpLanguage::Kotlin);
    code.blank();
    code.line(0, "fun main() {");
    for line in main.finish().lines() {
        code.line(1, line);
    }
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
