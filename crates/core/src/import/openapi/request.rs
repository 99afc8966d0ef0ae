//! Import stage, OpenAPI requests: an operation's documentation turned into the request "Try it" opens and
//! import stores: `{{baseUrl}}` plus the path with `{name}` segments as path variables, parameters
//! serialized by their style as query rows and headers, the first media type's example as the body, and
//! auth from the first security requirement (values left empty for the user).

use super::operation::is_file;
use super::order::{pretty, KeyOrder};
use super::refs::Doc;
use super::style;
use super::{ApiSummary, MediaDoc, OperationDoc, ParameterDoc};
use crate::edit::model::{
    ApiKeyLocation, Auth, Body, FormPart, KeyValue, Method, RawLanguage, Request,
};
use crate::edit::query::url_with_query;
use crate::edit::signed_auth::{OAuth2, OAuthGrant};
use crate::import::normalize::{language_for_media_type, language_with_content_type};
use crate::import::Imported;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The request for the documented operation `op`; `made` holds the key orders of the examples made for it.
pub(super) fn build(
    doc: Doc<'_>,
    summary: &ApiSummary,
    op: &OperationDoc,
    made: &KeyOrder,
) -> Imported {
    // The operation's warnings say where they are (`paths./a.get: ...`); a request's are about itself.
    let prefix = format!(
        "paths.{}.{}: ",
        op.summary.path,
        op.summary.method.to_ascii_lowercase()
    );
    let mut warnings: Vec<String> = op
        .warnings
        .iter()
        .map(|w| w.strip_prefix(&prefix).unwrap_or(w).to_string())
        .collect();
    let mut request = Request {
        method: Method::parse(&op.summary.method),
        ..Request::default()
    };
    let base = format!("{{{{baseUrl}}}}{}", op.summary.path);
    let mut query = Vec::new();
    let mut cookies: Vec<(bool, String)> = Vec::new();
    let mut path_values: Vec<(String, String)> = Vec::new();
    for param in &op.parameters {
        let enabled = enabled(param);
        let value = param.example.clone().unwrap_or(Value::Null);
        match param.location.as_str() {
            "path" => path_values.push((
                param.name.clone(),
                if param.example.is_some() {
                    style::path(&param.name, &param.style, param.explode, &value, doc.order)
                } else {
                    String::new()
                },
            )),
            "query" => {
                for (key, value) in
                    style::query(&param.name, &param.style, param.explode, &value, doc.order)
                {
                    query.push(KeyValue {
                        enabled,
                        key,
                        value,
                    });
                }
            }
            "header" => {
                // OpenAPI: these are described elsewhere (media types, security) and such parameters
                // are to be ignored.
                if ["accept", "content-type", "authorization"]
                    .contains(&param.name.to_ascii_lowercase().as_str())
                {
                    warnings.push(format!(
                        "the header parameter \"{}\" is left out: OpenAPI sets it from the media type \
                         or the security scheme.",
                        param.name
                    ));
                    continue;
                }
                request.headers.push(KeyValue {
                    enabled,
                    key: param.name.clone(),
                    value: if param.style.is_empty() {
                        style::scalar(&value)
                    } else {
                        style::simple(param.explode, &value, doc.order)
                    },
                });
            }
            "cookie" => {
                for pair in style::cookie(&param.name, param.explode, &value, doc.order) {
                    cookies.push((enabled, pair));
                }
            }
            other => warnings.push(format!(
                "the parameter \"{}\" is in \"{other}\", which is not a place a request has; it is \
                 left out.",
                param.name
            )),
        }
    }
    request.url = url_with_query(&base, &query);
    request.query = query;
    let in_url = path_variables(&op.summary.path);
    let values: HashMap<&str, &str> = path_values
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    for name in &in_url {
        let value = values.get(name.as_str()).copied().unwrap_or_default();
        request
            .path_variables
            .push(KeyValue::new(name.clone(), value));
    }
    let in_url: HashSet<&str> = in_url.iter().map(String::as_str).collect();
    for (name, _) in &path_values {
        if !in_url.contains(name.as_str()) {
            warnings.push(format!(
                "the path parameter \"{name}\" is part of a longer path segment; fill it in the URL."
            ));
        }
    }
    if let Some(content) = op.body.as_ref().and_then(|b| b.contents.first()) {
        let text = content
            .example
            .as_ref()
            .map(|e| pretty(e, &[doc.order, made]))
            .unwrap_or_default();
        body(&mut request, content, &text, &mut warnings);
        if let Some(body) = &op.body {
            if body.contents.len() > 1 {
                let others: Vec<&str> = body.contents[1..]
                    .iter()
                    .map(|m| m.media_type.as_str())
                    .collect();
                warnings.push(format!(
                    "the body is {}; it may also be sent as {}.",
                    content.media_type,
                    others.join(", ")
                ));
            }
        }
    }
    auth(doc, summary, op, &mut request, &mut cookies, &mut warnings);
    if !cookies.is_empty() {
        let on: Vec<&str> = cookies
            .iter()
            .filter(|(enabled, _)| *enabled)
            .map(|(_, p)| p.as_str())
            .collect();
        let value = if on.is_empty() {
            cookies
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            on.join("; ")
        };
        request.headers.push(KeyValue {
            enabled: !on.is_empty(),
            key: "Cookie".into(),
            value,
        });
    }
    if request.body != Body::None && matches!(request.method, Method::Get | Method::Head) {
        warnings.push(format!(
            "the body of this {} request is left out: browsers cannot send one.",
            request.method
        ));
        request.body = Body::None;
    }
    Imported { request, warnings }
}

/// The path variables the editor finds in `path` (as `edit::query::path_variable_names` does: whole
/// `{name}` or `:name` segments, in order, without repeats), with a set for the repeats, so that a hostile
/// path of a million distinct segments stays linear.
fn path_variables(path: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut names = Vec::new();
    for segment in path.split(['?', '#']).next().unwrap_or_default().split('/') {
        let name = segment
            .strip_prefix(':')
            .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
        let valid = |n: &&str| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        if let Some(name) = name.filter(valid) {
            if seen.insert(name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The media type without parameters, lower case.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The body for `media`; `example_text` is its example as pretty JSON in the document's key order.
fn body(request: &mut Request, media: &MediaDoc, example_text: &str, warnings: &mut Vec<String>) {
    let essence = essence(&media.media_type);
    let example = media.example.clone().unwrap_or(Value::Null);
    let content_type = |request: &mut Request| {
        request
            .headers
            .push(KeyValue::new("Content-Type", media.media_type.clone()))
    };
    if essence == "application/x-www-form-urlencoded" {
        // The schema's property order (the example's own map is sorted), then anything else it has.
        let mut fields: Vec<KeyValue> = Vec::new();
        if let Value::Object(map) = &example {
            let mut listed = std::collections::HashSet::new();
            for prop in &media.schema.properties {
                if let Some(v) = map.get(&prop.name) {
                    if listed.insert(prop.name.as_str()) {
                        fields.push(KeyValue::new(prop.name.clone(), style::scalar(v)));
                    }
                }
            }
            for (k, v) in map {
                if listed.insert(k.as_str()) {
                    fields.push(KeyValue::new(k.clone(), style::scalar(v)));
                }
            }
        }
        request.body = Body::UrlEncoded { fields };
    } else if essence.starts_with("multipart/") {
        request.body = Body::Multipart {
            parts: parts(media, &example, warnings),
        };
        if essence != "multipart/form-data" {
            warnings.push(format!(
                "the body is {}; reqlab sends multipart bodies as multipart/form-data.",
                media.media_type
            ));
        }
    } else if essence.contains("json") || essence == "*/*" && example.is_object() {
        let text = example_text.to_string();
        request.body = Body::Raw {
            language: RawLanguage::Json,
            text,
        };
        if essence != "application/json" && essence != "*/*" {
            content_type(request);
        }
    } else if is_binary(&essence, media) {
        request.body = Body::Binary { file: None };
        warnings.push(format!(
            "the body is a file ({}): choose it before sending.",
            media.media_type
        ));
        if essence != "application/octet-stream" {
            content_type(request);
        }
    } else {
        let language = language_for_media_type(&essence);
        let text = match &example {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            _ if language == RawLanguage::Xml => {
                warnings.push(format!(
                    "the body is {}, and the document gives no example of it: write it before sending.",
                    media.media_type
                ));
                String::new()
            }
            _ => example_text.to_string(),
        };
        request.body = Body::Raw { language, text };
        let automatic = language_with_content_type(&media.media_type) == Some(language);
        if !automatic && essence != "*/*" {
            content_type(request);
        }
    }
}

fn is_binary(essence: &str, media: &MediaDoc) -> bool {
    is_file(&media.schema)
        || essence == "application/octet-stream"
        || ["image/", "audio/", "video/", "font/"]
            .iter()
            .any(|p| essence.starts_with(p))
        || matches!(
            essence,
            "application/pdf" | "application/zip" | "application/gzip"
        )
}

/// Multipart parts: the schema's properties (files as file parts still to be chosen), else the example's.
fn parts(media: &MediaDoc, example: &Value, warnings: &mut Vec<String>) -> Vec<FormPart> {
    let mut parts = Vec::new();
    let value_of = |name: &str| example.get(name).map(style::scalar).unwrap_or_default();
    if media.schema.properties.is_empty() {
        if let Value::Object(map) = example {
            for (name, value) in map {
                parts.push(FormPart::text(name.clone(), style::scalar(value)));
            }
        }
        return parts;
    }
    for prop in &media.schema.properties {
        let file = is_file(&prop.schema) || prop.schema.items.as_deref().is_some_and(is_file);
        if file {
            warnings.push(format!(
                "the form field \"{}\" is a file: choose it before sending.",
                prop.name
            ));
            parts.push(FormPart::file(prop.name.clone(), None));
        } else {
            parts.push(FormPart::text(prop.name.clone(), value_of(&prop.name)));
        }
    }
    parts
}

/// Auth from the first scheme of the first security requirement; the rest named in warnings.
fn auth(
    doc: Doc<'_>,
    summary: &ApiSummary,
    op: &OperationDoc,
    request: &mut Request,
    cookies: &mut Vec<(bool, String)>,
    warnings: &mut Vec<String>,
) {
    let Some(first) = op.security.first() else {
        return;
    };
    if op.security.len() > 1 {
        warnings.push(format!(
            "it also asks for {} together with {first}; only {first} is set up.",
            op.security[1..].join(", ")
        ));
    }
    let Some(scheme) = summary.security_schemes.iter().find(|s| &s.name == first) else {
        warnings.push(format!(
            "its security scheme \"{first}\" is not defined in the document; no auth is set."
        ));
        return;
    };
    match (scheme.kind.as_str(), scheme.scheme.as_str()) {
        ("http", "basic") => {
            request.auth = Auth::Basic {
                username: String::new(),
                password: String::new(),
            }
        }
        ("http", "bearer") => {
            request.auth = Auth::Bearer {
                token: String::new(),
            }
        }
        ("apiKey", _) => match scheme.location.as_str() {
            "header" | "query" => {
                request.auth = Auth::ApiKey {
                    name: scheme.parameter.clone(),
                    value: String::new(),
                    location: if scheme.location == "query" {
                        ApiKeyLocation::Query
                    } else {
                        ApiKeyLocation::Header
                    },
                }
            }
            "cookie" => {
                cookies.push((true, format!("{}=", scheme.parameter)));
                warnings.push(format!(
                    "the API key \"{}\" goes in a cookie: fill its value in the Cookie header.",
                    scheme.name
                ));
            }
            other => warnings.push(format!(
                "the API key \"{}\" goes in \"{other}\", which reqlab does not know; no auth is set.",
                scheme.name
            )),
        },
        ("http", "digest") => {
            request.auth = Auth::Digest {
                username: String::new(),
                password: String::new(),
            }
        }
        ("oauth2" | "openIdConnect", _) => {
            let (oauth, note) = oauth_settings(doc, scheme.kind.as_str(), &scheme.name);
            request.auth = Auth::OAuth2 {
                params: oauth.to_params(),
            };
            warnings.extend(note.map(|note| format!("\"{}\": {note}", scheme.name)));
        }
        _ => warnings.push(format!("\"{}\": {}", scheme.name, scheme.note)),
    }
}

/// The flows reqlab runs, in the order it prefers them when a scheme offers several: the OpenAPI 3 name,
/// Swagger 2.0's, and the grant.
const FLOWS: [(&str, &str, OAuthGrant); 4] = [
    (
        "authorizationCode",
        "accessCode",
        OAuthGrant::AuthorizationCode,
    ),
    (
        "clientCredentials",
        "application",
        OAuthGrant::ClientCredentials,
    ),
    ("password", "password", OAuthGrant::Password),
    ("implicit", "implicit", OAuthGrant::Implicit),
];

/// An OAuth 2.0 scheme's settings from its preferred flow (the client's id and secret are the user's to
/// fill), or an OpenID Connect scheme's as far as the document says; with what the user should know.
fn oauth_settings(doc: Doc<'_>, kind: &str, name: &str) -> (OAuth2, Option<String>) {
    let mut oauth = OAuth2::default();
    let scheme = doc
        .root
        .get("components")
        .and_then(|c| c.get("securitySchemes"))
        .or_else(|| doc.root.get("securityDefinitions"))
        .and_then(|s| s.get(name))
        .map(|s| doc.resolve(s).value);
    let Some(scheme) = scheme else {
        return (
            oauth,
            Some("its OAuth 2.0 flows are not described: fill the Auth tab.".into()),
        );
    };
    let text = |v: &Value, field: &str| {
        v.get(field)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if kind == "openIdConnect" {
        let discovery = text(scheme, "openIdConnectUrl");
        return (
            oauth,
            Some(format!(
                "OpenID Connect: copy the authorization and token endpoints from its discovery document \
                 ({discovery}) into the Auth tab, with your client's id."
            )),
        );
    }
    // OpenAPI 3: `flows` by name; Swagger 2.0: one `flow` with its URLs beside it.
    let chosen = FLOWS.iter().find_map(|(open_api, swagger, grant)| {
        match scheme.get("flows") {
            Some(flows) => flows.get(open_api),
            None => (scheme.get("flow").and_then(Value::as_str) == Some(swagger)).then_some(scheme),
        }
        .map(|flow| (*grant, flow))
    });
    let Some((grant, flow)) = chosen else {
        return (
            oauth,
            Some("none of its OAuth 2.0 flows is one reqlab runs: fill the Auth tab.".into()),
        );
    };
    oauth.grant = grant;
    oauth.auth_url = text(flow, "authorizationUrl");
    oauth.token_url = text(flow, "tokenUrl");
    let scopes: Vec<&str> = flow
        .get("scopes")
        .and_then(Value::as_object)
        .map(|scopes| scopes.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let note = (!scopes.is_empty()).then(|| {
        format!(
            "fill your client's id in the Auth tab, and the scope it needs among {}.",
            scopes.join(", ")
        )
    });
    (oauth, note)
}

/// Whether a parameter row is switched on: required ones, and optional ones with a value to send.
fn enabled(param: &ParameterDoc) -> bool {
    param.required || param.example.is_some()
}

#[cfg(test)]
mod tests {
    use crate::edit::model::{ApiKeyLocation, Auth, Body, FormPart, KeyValue, RawLanguage};
    use crate::edit::signed_auth::{OAuth2, OAuthGrant};
    use crate::import::openapi::{read, ServerChoice};
    use crate::import::Imported;

    /// The request for `key` in a small OpenAPI 3.0 document with `schemes` and `paths` given as YAML.
    fn made(schemes: &str, paths: &str, key: &str) -> Imported {
        let doc = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\ncomponents:\n  securitySchemes:\n{schemes}paths:\n{paths}"
        );
        let api = read(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
        api.request(key, &ServerChoice::default())
            .unwrap_or_else(|| panic!("{key} in {:?}", api.summary.operations))
    }

    const SCHEMES: &str = "    basic: {type: http, scheme: basic}\n    bearer: {type: http, scheme: bearer}\n    \
        digest: {type: http, scheme: digest}\n    header: {type: apiKey, in: header, name: X-Key}\n    \
        query: {type: apiKey, in: query, name: key}\n    cookie: {type: apiKey, in: cookie, name: sid}\n    \
        oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a.example/token', scopes: {}}}}\n    \
        oidc: {type: openIdConnect, openIdConnectUrl: 'https://a.example/.well-known/openid-configuration'}\n    \
        mtls: {type: mutualTLS}\n";

    #[test]
    fn path_variables_are_the_ones_the_editor_finds() {
        let paths = [
            "/a/{id}/b/{name}",
            "/a/{id}/{id}",
            "/files/{name}.json",
            "/v1/:id/x",
            "/a/{}/{bad name}/{ok_1-2}",
            "/",
            "",
        ];
        for path in paths {
            let url = format!("{{{{baseUrl}}}}{path}");
            assert_eq!(
                super::path_variables(path),
                crate::edit::query::path_variable_names(&url),
                "{path}"
            );
        }
    }

    #[test]
    fn security_schemes_become_auth_with_empty_values() {
        let empty = String::new;
        let cases: [(&str, Auth, &str); 10] = [
            (
                "basic",
                Auth::Basic {
                    username: empty(),
                    password: empty(),
                },
                "",
            ),
            ("bearer", Auth::Bearer { token: empty() }, ""),
            (
                "header",
                Auth::ApiKey {
                    name: "X-Key".into(),
                    value: empty(),
                    location: ApiKeyLocation::Header,
                },
                "",
            ),
            (
                "query",
                Auth::ApiKey {
                    name: "key".into(),
                    value: empty(),
                    location: ApiKeyLocation::Query,
                },
                "",
            ),
            ("cookie", Auth::None, "goes in a cookie"),
            (
                "oauth",
                Auth::OAuth2 {
                    params: OAuth2 {
                        grant: OAuthGrant::ClientCredentials,
                        token_url: "https://a.example/token".into(),
                        ..OAuth2::default()
                    }
                    .to_params(),
                },
                "",
            ),
            (
                "oidc",
                Auth::OAuth2 {
                    params: OAuth2::default().to_params(),
                },
                "discovery document (https://a.example/.well-known/openid-configuration)",
            ),
            (
                "digest",
                Auth::Digest {
                    username: empty(),
                    password: empty(),
                },
                "",
            ),
            ("mtls", Auth::None, "client certificate"),
            ("missing", Auth::None, "\"missing\" is not defined"),
        ];
        for (scheme, auth, warning) in cases {
            let paths = format!(
                "  /a:\n    get:\n      operationId: a\n      security: [{{{scheme}: []}}]\n"
            );
            let imported = made(SCHEMES, &paths, "a");
            assert_eq!(imported.request.auth, auth, "{scheme}");
            if warning.is_empty() {
                assert!(
                    imported.warnings.is_empty(),
                    "{scheme}: {:?}",
                    imported.warnings
                );
            } else {
                assert!(
                    imported.warnings.iter().any(|w| w.contains(warning)),
                    "{scheme}: {:?}",
                    imported.warnings
                );
            }
        }
        let cookie = made(
            SCHEMES,
            "  /a:\n    get:\n      operationId: a\n      security: [{cookie: []}]\n",
            "a",
        );
        assert_eq!(cookie.request.headers, [KeyValue::new("Cookie", "sid=")]);
    }

    #[test]
    fn the_documents_default_security_applies_unless_the_operation_sets_none() {
        let doc = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\nsecurity: [{{bearer: []}}]\ncomponents:\n  \
             securitySchemes:\n{SCHEMES}paths:\n  /a:\n    get:\n      operationId: a\n  /b:\n    get:\n      \
             operationId: b\n      security: []\n"
        );
        let api = read(&doc).expect("reads");
        let auth = |key| {
            api.request(key, &ServerChoice::default())
                .map(|i| i.request.auth)
        };
        assert_eq!(
            auth("a"),
            Some(Auth::Bearer {
                token: String::new()
            })
        );
        assert_eq!(auth("b"), Some(Auth::None));
    }

    #[test]
    fn parameters_become_rows_path_level_ones_merged() {
        let paths = "  /items/{id}:\n    parameters:\n      - {name: id, in: path, required: true, schema: {type: integer}}\n      \
            - {name: q, in: query, schema: {type: string}, example: old}\n    get:\n      operationId: get\n      \
            parameters:\n        - {name: q, in: query, schema: {type: string}, example: new}\n        \
            - {name: f, in: query, style: deepObject, explode: true, schema: {type: object}, example: {b: 2, a: 1}}\n        \
            - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}, example: [x, y]}\n        \
            - {name: X-Trace, in: header, schema: {type: string}, example: t1}\n        \
            - {name: Accept, in: header, schema: {type: string}}\n        \
            - {name: opt, in: query, schema: {type: string}}\n        \
            - {name: s, in: cookie, schema: {type: string}, example: v}\n        \
            - {name: filter, in: query, content: {application/json: {schema: {type: object}, example: {n: 1}}}}\n";
        let imported = made("    none: {type: http, scheme: basic}\n", paths, "get");
        let request = &imported.request;
        assert_eq!(request.path_variables, [KeyValue::new("id", "")]);
        let query: Vec<(&str, &str, bool)> = request
            .query
            .iter()
            .map(|r| (r.key.as_str(), r.value.as_str(), r.enabled))
            .collect();
        assert_eq!(
            query,
            [
                ("q", "new", true),
                ("f[b]", "2", true),
                ("f[a]", "1", true),
                ("tags", "x,y", true),
                ("opt", "", false),
                ("filter", "{\"n\":1}", true)
            ]
        );
        assert_eq!(
            request.url,
            "{{baseUrl}}/items/{id}?q=new&f[b]=2&f[a]=1&tags=x,y&filter={\"n\":1}"
        );
        // A request's warnings are about itself: no `paths./items/{id}.get:` in front.
        assert!(
            imported.warnings.iter().all(|w| !w.starts_with("paths.")),
            "{:?}",
            imported.warnings
        );
        assert_eq!(
            request.headers,
            [
                KeyValue::new("X-Trace", "t1"),
                KeyValue::new("Cookie", "s=v")
            ]
        );
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.contains("\"Accept\" is left out")),
            "{:?}",
            imported.warnings
        );
    }

    #[test]
    fn bodies_follow_the_media_type() {
        let body = |content: &str| {
            let paths = format!("  /a:\n    post:\n      operationId: a\n      requestBody:\n        content:\n{content}");
            made("    none: {type: http, scheme: basic}\n", &paths, "a")
        };
        let json = body("          application/vnd.api+json:\n            example: {b: 1, a: 2}\n");
        assert_eq!(
            json.request.body,
            Body::Raw {
                language: RawLanguage::Json,
                text: "{\n  \"b\": 1,\n  \"a\": 2\n}".into()
            }
        );
        assert_eq!(
            json.request.headers,
            [KeyValue::new("Content-Type", "application/vnd.api+json")]
        );

        let form = body(
            "          application/x-www-form-urlencoded:\n            schema: {type: object, properties: \
             {z: {type: string}, a: {type: integer, default: 3}}}\n",
        );
        assert_eq!(
            form.request.body,
            Body::UrlEncoded {
                fields: vec![KeyValue::new("z", "string"), KeyValue::new("a", "3")]
            }
        );

        let multipart = body(
            "          multipart/form-data:\n            schema: {type: object, properties: \
             {meta: {type: string, example: m}, file: {type: string, format: binary}}}\n",
        );
        assert_eq!(
            multipart.request.body,
            Body::Multipart {
                parts: vec![FormPart::text("meta", "m"), FormPart::file("file", None)]
            }
        );
        assert!(multipart
            .warnings
            .iter()
            .any(|w| w.contains("\"file\" is a file")));

        let binary =
            body("          image/png:\n            schema: {type: string, format: binary}\n");
        assert_eq!(binary.request.body, Body::Binary { file: None });
        assert_eq!(
            binary.request.headers,
            [KeyValue::new("Content-Type", "image/png")]
        );
        assert!(binary.warnings.iter().any(|w| w.contains("choose it")));

        let xml = body("          text/xml:\n            schema: {type: object}\n");
        assert_eq!(
            xml.request.body,
            Body::Raw {
                language: RawLanguage::Xml,
                text: String::new()
            }
        );
        assert_eq!(
            xml.request.headers,
            [KeyValue::new("Content-Type", "text/xml")]
        );

        let external = body(
            "          application/json:\n            examples:\n              far: {externalValue: 'https://x.example/e.json'}\n            \
             schema: {type: object, properties: {n: {type: integer}}}\n",
        );
        assert!(external
            .warnings
            .iter()
            .any(|w| w.contains("https://x.example/e.json, which is not fetched")));
    }

    #[test]
    fn swagger_form_data_and_body_parameters() {
        let doc = "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: h.example\nconsumes: [application/json]\npaths:\n  \
            /upload:\n    post:\n      operationId: upload\n      consumes: [multipart/form-data]\n      parameters:\n        \
            - {name: note, in: formData, type: string, default: hi}\n        - {name: file, in: formData, type: file, required: true}\n  \
            /login:\n    post:\n      operationId: login\n      parameters:\n        \
            - {name: user, in: formData, type: string}\n        - {name: age, in: formData, type: integer}\n  \
            /pets:\n    post:\n      operationId: add\n      parameters:\n        \
            - {name: pet, in: body, schema: {type: object, required: [name], properties: {name: {type: string, example: Rex}}}}\n        \
            - {name: ids, in: query, type: array, collectionFormat: multi, items: {type: integer}, x-example: [1, 2]}\n";
        let api = read(doc).expect("reads");
        let request = |key| {
            api.request(key, &ServerChoice::default())
                .expect("made")
                .request
        };
        assert_eq!(
            request("upload").body,
            Body::Multipart {
                parts: vec![FormPart::text("note", "hi"), FormPart::file("file", None)]
            }
        );
        assert_eq!(
            request("login").body,
            Body::UrlEncoded {
                fields: vec![KeyValue::new("user", "string"), KeyValue::new("age", "0")]
            }
        );
        let add = request("add");
        assert_eq!(
            add.body,
            Body::Raw {
                language: RawLanguage::Json,
                text: "{\n  \"name\": \"Rex\"\n}".into()
            }
        );
        assert_eq!(add.url, "{{baseUrl}}/pets?ids=1&ids=2");
        assert_eq!(
            api.environment(&ServerChoice::default()).lookup("baseUrl"),
            Some("https://h.example")
        );
    }
}
