//! `.http` writer: a collection as a file REST Client and the JetBrains HTTP Client can run, and that
//! [`super::import`] reads back to the same collection.

use super::graphql::MARKER;
use super::lines::is_blank;
use super::multipart::{choose_boundary, single_line, write as write_multipart};
use super::separator_line;
use crate::edit::graphql_body::{graphql_text, parts, GraphQlParts};
use crate::edit::model::{
    ApiKeyLocation, Auth, Body, CredentialsMode, KeyValue, RawLanguage, RedirectMode, Request,
};
use crate::import::collection::{Collection, CollectionItem};

/// Writes the collection as a `.http` file: its variables first (`@name = value`), then every request under
/// a `### folder/path/name` separator with `# @name`, settings, request line, headers and body.
///
/// `import(export(c))` gives `c` back when `c` stays within what the format can say:
/// - rows switched off are written as comments and read back switched off (headers as `# Name: value`
///   with a token name; variables as `# @name = value` with any name but `name`, which names requests);
/// - no empty folders, no two neighbouring folders of the same name, folder names without `/`;
/// - names, URLs, header and variable rows on one line, without leading or trailing spaces, names and URLs
///   not empty, header names not starting with `?`, `&`, `#` or `//`;
/// - raw text without `\r`, without blank first or last lines, and with no line that starts with `###`
///   (a separator), with a response handler (`> {%`, `>>`, `<> `) or is alone a file reference (`< path`);
///   its language the one its Content-Type header names (text when none), since the file keeps only the
///   header;
/// - no query rows switched off, no path variables, no auth, default options apart from no-redirect,
///   no-cookie-jar and a timeout; no form-urlencoded bodies (written as form text, read back as raw text
///   that sends the same bytes).
///
/// Past that, the file still sends the same requests where it can: auth becomes an `Authorization` header
/// where the format has one, and a comment where it has none; a raw body in a language other than text
/// without a Content-Type header gets the language's one. A GraphQL body is written REST Client's way
/// (`X-Request-Type: GraphQL`, the query, a blank line, the variables), its operation name in reqlab's own
/// `# @operation-name`.
pub fn export(collection: &Collection) -> String {
    let mut out = String::new();
    for variable in &collection.variables {
        if !variable.enabled {
            out.push_str("# ");
        }
        out.push_str(&format!(
            "@{} = {}\n",
            single_line(&variable.key),
            single_line(&variable.value)
        ));
    }
    if !collection.variables.is_empty() {
        out.push('\n');
    }
    write_items(&collection.items, &mut Vec::new(), &mut out);
    out
}

fn write_items(items: &[CollectionItem], folders: &mut Vec<String>, out: &mut String) {
    for item in items {
        match item {
            CollectionItem::Folder { name, items } => {
                folders.push(single_line(name));
                write_items(items, folders, out);
                folders.pop();
            }
            CollectionItem::Request { name, request } => {
                write_request(folders, &single_line(name), request, out)
            }
        }
    }
}

fn write_request(folders: &[String], name: &str, request: &Request, out: &mut String) {
    out.push_str(&separator_line(folders, name));
    out.push('\n');
    out.push_str(&format!("# @name {name}\n"));
    write_settings(request, out);
    let graphql = graphql_parts(&request.body);
    if let Some(name) = graphql.as_ref().and_then(|g| g.operation_name.as_deref()) {
        out.push_str(&format!("# @operation-name {}\n", single_line(name)));
    }
    let (auth_header, auth_comment) = auth_row(&request.auth);
    if let Some(comment) = auth_comment {
        out.push_str(&format!("# {comment}\n"));
    }
    out.push_str(&format!(
        "{} {}\n",
        request.method,
        single_line(&request.url)
    ));
    for header in request.headers.iter().chain(auth_header.as_ref()) {
        write_header(header, out);
    }
    let has_content_type = request
        .headers
        .iter()
        .any(|h| h.enabled && h.key.eq_ignore_ascii_case("content-type"));
    if let Some(graphql) = &graphql {
        if !has_content_type {
            write_header(&KeyValue::new("Content-Type", "application/json"), out);
        }
        write_header(&KeyValue::new(MARKER, "GraphQL"), out);
        out.push('\n');
        out.push_str(&graphql.query);
        out.push('\n');
        if let Some(variables) = &graphql.variables {
            out.push('\n');
            out.push_str(variables);
            out.push('\n');
        }
        out.push('\n');
        return;
    }
    match &request.body {
        Body::None | Body::Binary { file: None } => {}
        Body::Raw { text, .. } if text.is_empty() => {}
        Body::Raw { language, text } => {
            if !has_content_type && *language != RawLanguage::Text {
                write_header(&KeyValue::new("Content-Type", language.content_type()), out);
            }
            out.push('\n');
            out.push_str(text);
            out.push('\n');
        }
        Body::UrlEncoded { fields } => {
            if !has_content_type {
                write_header(
                    &KeyValue::new("Content-Type", "application/x-www-form-urlencoded"),
                    out,
                );
            }
            out.push('\n');
            out.push_str(&form_text(fields));
            out.push('\n');
        }
        Body::Multipart { parts } => {
            let boundary = choose_boundary(parts);
            write_header(
                &KeyValue::new(
                    "Content-Type",
                    format!("multipart/form-data; boundary={boundary}"),
                ),
                out,
            );
            out.push('\n');
            write_multipart(parts, &boundary, out);
        }
        Body::Binary { file: Some(file) } => {
            out.push_str(&format!("\n< {}\n", single_line(&file.name)));
        }
    }
    out.push('\n');
}

fn write_settings(request: &Request, out: &mut String) {
    let options = &request.options;
    if options.redirect == RedirectMode::Manual {
        out.push_str("# @no-redirect\n");
    }
    if options.credentials == CredentialsMode::Omit {
        out.push_str("# @no-cookie-jar\n");
    }
    if let Some(ms) = options.timeout_ms {
        if ms % 1000 == 0 {
            out.push_str(&format!("# @timeout {}\n", ms / 1000));
        } else {
            out.push_str(&format!("# @timeout {ms} ms\n"));
        }
    }
    // reqlab's own setting: other clients skip `# @` lines they do not know.
    for check in &request.checks {
        let keyword = if check.enabled { "check" } else { "check-off" };
        out.push_str(&format!(
            "# @{keyword} {} {}\n",
            single_line(check.key.trim()),
            single_line(check.value.trim())
        ));
    }
}

fn write_header(header: &KeyValue, out: &mut String) {
    if !header.enabled {
        out.push_str("# ");
    }
    out.push_str(&format!(
        "{}: {}\n",
        single_line(&header.key),
        single_line(&header.value)
    ));
}

/// The header both REST Client and the JetBrains client read for the auth, or a comment saying it is not
/// written.
fn auth_row(auth: &Auth) -> (Option<KeyValue>, Option<String>) {
    let header = |value: String| (Some(KeyValue::new("Authorization", value)), None);
    let not_written = |kind: &str| {
        (
            None,
            Some(format!(
                "{kind} auth is not written: .http files have no form for it"
            )),
        )
    };
    match auth {
        Auth::None => (None, None),
        Auth::Basic { username, password } => header(format!("Basic {username} {password}")),
        Auth::Digest { username, password } => header(format!("Digest {username} {password}")),
        Auth::Bearer { token } => header(format!("Bearer {token}")),
        Auth::ApiKey {
            name,
            value,
            location: ApiKeyLocation::Header,
        } => (Some(KeyValue::new(name.clone(), value.clone())), None),
        Auth::ApiKey { .. } => not_written("API key (query parameter)"),
        Auth::AwsSigV4 { .. } => not_written("AWS Signature V4"),
        Auth::OAuth2 { .. } => not_written("OAuth 2.0"),
    }
}

/// Form fields as `name=value&...` text: only what would break the form is encoded, so `{{variables}}`
/// stay readable and are substituted when sent.
fn form_text(fields: &[KeyValue]) -> String {
    fields
        .iter()
        .filter(|field| field.enabled)
        .map(|field| format!("{}={}", form_encode(&field.key), form_encode(&field.value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '&' | '=' | '+' | '#' | '\n' | '\r' | ' ' => {
                out.push_str(&format!("%{:02X}", u32::from(c)))
            }
            _ => out.push(c),
        }
    }
    out
}

/// A GraphQL body's parts, when REST Client's form can hold its query: one without blank lines, which would
/// end the query, or `\r`. Any other GraphQL body is written as the JSON it sends.
fn graphql_parts(body: &Body) -> Option<GraphQlParts> {
    parts(graphql_text(body)?)
        .filter(|p| !p.query.contains('\r') && !p.query.split('\n').any(is_blank))
}
