//! Import stage, OpenAPI summary: one pass over `paths` in document order, listing every operation with its
//! key, tags, servers and security schemes, for the sidebar and for import. Schemas are not touched here.

use super::refs::{Doc, Version};
use super::server::servers;
use super::{ApiSummary, OpenApiError, OperationSummary, SecurityScheme, Tag};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The keys of a path item that are operations, lower case as OpenAPI writes them.
pub(super) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Which version `root` is, or why it is not a description reqlab reads.
pub(super) fn version(root: &Value) -> Result<(Version, String), OpenApiError> {
    let Value::Object(map) = root else {
        return Err(OpenApiError::NotOpenApi(
            "The document is not an OpenAPI description: it is not an object with an `openapi` or \
             `swagger` field."
                .into(),
        ));
    };
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        // `swagger: 2.0` unquoted in YAML reads as a number.
        other => super::json_text(other),
    };
    if let Some(v) = map.get("openapi") {
        let written = text(v);
        let version = if written.starts_with("3.0") {
            Version::OpenApi30
        } else if written.starts_with("3.1") {
            Version::OpenApi31
        } else {
            return Err(OpenApiError::NotOpenApi(format!(
                "OpenAPI {written} is not read: reqlab reads OpenAPI 3.0, 3.1 and Swagger 2.0."
            )));
        };
        return Ok((version, written));
    }
    if let Some(v) = map.get("swagger") {
        let written = text(v);
        if written == "2.0" || written == "2" {
            return Ok((Version::Swagger2, "2.0".into()));
        }
        return Err(OpenApiError::NotOpenApi(format!(
            "Swagger {written} is not read: reqlab reads OpenAPI 3.0, 3.1 and Swagger 2.0."
        )));
    }
    Err(OpenApiError::NotOpenApi(
        "The document is not an OpenAPI description: it has no `openapi` or `swagger` field."
            .into(),
    ))
}

/// An operation found in `paths`: where it is, before keys are settled.
struct Found {
    method: &'static str,
    path: String,
    operation_id: Option<String>,
    summary: String,
    tags: Vec<String>,
    deprecated: bool,
}

pub(super) fn summarize(doc: Doc<'_>, spec_version: String) -> ApiSummary {
    let root = doc.root;
    let info = root.get("info");
    let field = |v: Option<&Value>, name: &str| text(v.and_then(|v| v.get(name)));
    let mut summary = ApiSummary {
        title: field(info, "title"),
        version: field(info, "version"),
        spec_version,
        description: field(info, "description"),
        servers: servers(doc),
        ..ApiSummary::default()
    };
    // Sets beside the lists: a hostile document may name a million tags.
    let mut tag_names: HashSet<String> = HashSet::new();
    if let Some(Value::Array(tags)) = root.get("tags") {
        for tag in tags {
            let name = text(tag.get("name"));
            if !name.is_empty() && tag_names.insert(name.clone()) {
                summary.tags.push(Tag {
                    name,
                    description: text(tag.get("description")),
                });
            }
        }
    }
    let mut found = Vec::new();
    match root.get("paths") {
        Some(Value::Object(paths)) => operations(doc, paths, &mut found, &mut summary.warnings),
        Some(_) => summary
            .warnings
            .push("`paths` is not an object; no operations are listed.".into()),
        None => {}
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for op in &found {
        if let Some(id) = op.operation_id.as_deref() {
            *ids.entry(id).or_default() += 1;
        }
    }
    // Keys must name one operation each: an operationId spelled like another operation's `METHOD /path`
    // would take that operation's key, so it counts as taken too.
    let spelled: HashSet<String> = found
        .iter()
        .map(|op| format!("{} {}", op.method.to_ascii_uppercase(), op.path))
        .collect();
    let mut operations = Vec::with_capacity(found.len());
    for op in &found {
        let method = op.method.to_ascii_uppercase();
        let own = format!("{method} {}", op.path);
        let key = match op.operation_id.as_deref() {
            Some(id) if ids.get(id) == Some(&1) && (id == own || !spelled.contains(id)) => {
                id.to_string()
            }
            Some(id) => {
                let why = if ids.get(id) == Some(&1) {
                    "is how another operation is named"
                } else {
                    "is used more than once"
                };
                summary.warnings.push(format!(
                    "paths.{}.{}: the operationId \"{id}\" {why}; the operation is named \"{own}\".",
                    op.path, op.method
                ));
                own
            }
            None => own,
        };
        for tag in &op.tags {
            if tag_names.insert(tag.clone()) {
                summary.tags.push(Tag {
                    name: tag.clone(),
                    description: String::new(),
                });
            }
        }
        operations.push(OperationSummary {
            key,
            method,
            path: op.path.clone(),
            summary: op.summary.clone(),
            tags: op.tags.clone(),
            deprecated: op.deprecated,
        });
    }
    summary.operations = operations;
    summary.security_schemes = security_schemes(doc);
    if let Some(Value::Object(hooks)) = root.get("webhooks") {
        if !hooks.is_empty() {
            let names: Vec<&str> = doc.entries(hooks).iter().map(|(k, _)| k.as_str()).collect();
            summary.warnings.push(format!(
                "webhooks ({}) are requests the API sends, not operations to try; they are not listed.",
                names.join(", ")
            ));
        }
    }
    summary
}

fn operations(
    doc: Doc<'_>,
    paths: &Map<String, Value>,
    found: &mut Vec<Found>,
    warnings: &mut Vec<String>,
) {
    for (path, item) in doc.entries(paths) {
        if path.starts_with("x-") {
            continue;
        }
        let resolved = doc.resolve(item);
        if let Some(problem) = resolved.problem {
            warnings.push(format!("paths.{path}: {problem}"));
            continue;
        }
        let Value::Object(item) = resolved.value else {
            warnings.push(format!("paths.{path} is not an object; it is left out."));
            continue;
        };
        if item.contains_key("servers") {
            warnings.push(format!(
                "paths.{path}: its own `servers` are not used; requests go to the document's server."
            ));
        }
        for (method, operation) in doc.entries(item) {
            let Some(method) = METHODS.iter().find(|m| **m == method.as_str()) else {
                continue;
            };
            let Value::Object(op) = operation else {
                warnings.push(format!(
                    "paths.{path}.{method} is not an object; it is left out."
                ));
                continue;
            };
            if op.contains_key("servers") {
                warnings.push(format!(
                    "paths.{path}.{method}: its own `servers` are not used; the request goes to the \
                     document's server."
                ));
            }
            let tags = match op.get("tags") {
                Some(Value::Array(tags)) => tags
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect(),
                _ => Vec::new(),
            };
            found.push(Found {
                method,
                path: path.clone(),
                operation_id: op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .filter(|id| !id.is_empty())
                    .map(str::to_string),
                summary: text(op.get("summary")),
                tags,
                deprecated: op.get("deprecated") == Some(&Value::Bool(true)),
            });
        }
    }
}

/// What Try it does with OAuth 2.0 and OpenID Connect schemes (`request::oauth_settings`).
const FLOWS_NOTE: &str =
    "set up in the Auth tab by Try it: fill your client's id, and reqlab gets a \
    token when you send";

fn security_schemes(doc: Doc<'_>) -> Vec<SecurityScheme> {
    let root = doc.root;
    let schemes = match doc.version {
        Version::Swagger2 => root.get("securityDefinitions"),
        _ => root
            .get("components")
            .and_then(|c| c.get("securitySchemes")),
    };
    let Some(Value::Object(schemes)) = schemes else {
        return Vec::new();
    };
    doc.entries(schemes)
        .into_iter()
        .map(|(name, scheme)| {
            // A scheme may itself be a `$ref`; the summary does not follow it (no `Doc` here), so the
            // name stays listed with what is known.
            let kind = text(scheme.get("type"));
            let mut out = SecurityScheme {
                name: name.clone(),
                description: text(scheme.get("description")),
                ..SecurityScheme::default()
            };
            match kind.as_str() {
                // Swagger 2.0's `basic` is HTTP Basic.
                "basic" => {
                    out.kind = "http".into();
                    out.scheme = "basic".into();
                }
                "http" => {
                    out.kind = kind;
                    out.scheme = text(scheme.get("scheme")).to_ascii_lowercase();
                    if !matches!(out.scheme.as_str(), "basic" | "bearer" | "digest") {
                        out.note = format!(
                            "HTTP {} authentication is shown, not applied: set the Authorization header \
                             by hand.",
                            out.scheme
                        );
                    }
                }
                "apiKey" => {
                    out.kind = kind;
                    out.location = text(scheme.get("in"));
                    out.parameter = text(scheme.get("name"));
                }
                "oauth2" => {
                    out.kind = kind;
                    out.note = format!("OAuth 2.0 is {FLOWS_NOTE}.");
                }
                "openIdConnect" => {
                    out.kind = kind;
                    out.note = format!(
                        "OpenID Connect is {FLOWS_NOTE}, once its endpoints are copied from the \
                         discovery document."
                    );
                }
                "mutualTLS" => {
                    out.kind = kind;
                    out.note = "Mutual TLS needs a client certificate, which the browser chooses; \
                                reqlab cannot set one."
                        .into();
                }
                _ => {
                    out.kind = kind;
                    out.note = "An unknown kind of security scheme: shown, not applied.".into();
                }
            }
            out
        })
        .collect()
}

/// A string field's text; numbers and booleans written where text is expected read as they print.
pub(super) fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}
