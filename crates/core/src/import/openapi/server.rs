//! Import stage, OpenAPI servers: where requests go. OpenAPI 3's `servers` (with `{variables}`, and URLs
//! relative to the document), Swagger 2.0's `schemes` + `host` + `basePath`, and the base URL a chosen
//! server gives the environment.

use super::refs::{Doc, Version};
use super::summary::text;
use super::{Server, ServerChoice, ServerVariable};
use serde_json::Value;

/// The document's servers, in order.
pub(super) fn servers(doc: Doc<'_>) -> Vec<Server> {
    match doc.version {
        Version::Swagger2 => swagger_servers(doc.root),
        _ => match doc.root.get("servers") {
            Some(Value::Array(list)) => list.iter().filter_map(|s| server(doc, s)).collect(),
            _ => Vec::new(),
        },
    }
}

fn server(doc: Doc<'_>, value: &Value) -> Option<Server> {
    let url = value.get("url").and_then(Value::as_str)?;
    let variables = match value.get("variables") {
        Some(Value::Object(vars)) => doc
            .entries(vars)
            .into_iter()
            .map(|(name, var)| ServerVariable {
                name: name.clone(),
                default: text(var.get("default")),
                values: match var.get("enum") {
                    Some(Value::Array(values)) => values.iter().map(|v| text(Some(v))).collect(),
                    _ => Vec::new(),
                },
                description: text(var.get("description")),
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(Server {
        url: url.to_string(),
        description: text(value.get("description")),
        variables,
    })
}

/// Swagger 2.0: one server per scheme; without `host`, the document's own host (a relative URL); without
/// `schemes`, the document's own scheme (a scheme-relative URL).
fn swagger_servers(root: &Value) -> Vec<Server> {
    let host = text(root.get("host"));
    let base_path = text(root.get("basePath"));
    let base_path = if base_path.is_empty() || base_path.starts_with('/') {
        base_path
    } else {
        format!("/{base_path}")
    };
    let schemes: Vec<String> = match root.get("schemes") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .filter(|s| matches!(s.as_str(), "http" | "https"))
            .collect(),
        _ => Vec::new(),
    };
    let plain = |url: String| Server {
        url,
        ..Server::default()
    };
    if host.is_empty() {
        let url = if base_path.is_empty() {
            "/".to_string()
        } else {
            base_path
        };
        return vec![plain(url)];
    }
    if schemes.is_empty() {
        return vec![plain(format!("//{host}{base_path}"))];
    }
    schemes
        .into_iter()
        .map(|scheme| plain(format!("{scheme}://{host}{base_path}")))
        .collect()
}

impl Server {
    /// The server's URL with its variables filled in (`variables` first, then each one's default) and,
    /// when relative, resolved against `base` (the document's own address). No trailing `/`, so that
    /// `{{baseUrl}}/pets` has one slash.
    pub fn resolve(&self, base: &str, variables: &[(String, String)]) -> String {
        let mut url = self.url.clone();
        for var in &self.variables {
            let value = variables
                .iter()
                .find(|(name, _)| name == &var.name)
                .map(|(_, v)| v.as_str())
                .unwrap_or(&var.default);
            url = url.replace(&format!("{{{}}}", var.name), value);
        }
        let resolved = resolve_url(&url, base);
        match resolved.strip_suffix('/') {
            Some(trimmed) if !trimmed.ends_with(':') && !trimmed.ends_with('/') => {
                trimmed.to_string()
            }
            _ => resolved,
        }
    }
}

impl ServerChoice {
    /// The chosen server's variables as `(name, value)`: the chosen value, else its default.
    pub fn values_for(&self, server: &Server) -> Vec<(String, String)> {
        server
            .variables
            .iter()
            .map(|var| {
                let value = self
                    .variables
                    .iter()
                    .find(|(name, _)| name == &var.name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| var.default.clone());
                (var.name.clone(), value)
            })
            .collect()
    }
}

/// `url` resolved against `base` as a browser would (RFC 3986, without dot-segment subtleties beyond
/// `./` and `../`). An empty base leaves `url` as it is.
pub(super) fn resolve_url(url: &str, base: &str) -> String {
    if url.contains("://") {
        return url.to_string();
    }
    if base.is_empty() {
        // Scheme-relative with nothing to take the scheme from: APIs are served over HTTPS.
        return match url.strip_prefix("//") {
            Some(rest) => format!("https://{rest}"),
            None => url.to_string(),
        };
    }
    let Some(scheme_end) = base.find("://") else {
        return url.to_string();
    };
    let scheme = &base[..scheme_end];
    if let Some(rest) = url.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let after_scheme = &base[scheme_end + 3..];
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let origin = &base[..scheme_end + 3 + authority_end];
    if url.starts_with('/') {
        return format!("{origin}{url}");
    }
    let path = &after_scheme[authority_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let directory = &path[..path.rfind('/').map(|i| i + 1).unwrap_or(0)];
    let mut segments: Vec<&str> = directory.split('/').filter(|s| !s.is_empty()).collect();
    let mut rest = url;
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("../") {
            segments.pop();
            rest = r;
        } else if rest == "." || rest == ".." {
            if rest == ".." {
                segments.pop();
            }
            rest = "";
        } else {
            break;
        }
    }
    let mut out = origin.to_string();
    for segment in segments {
        out.push('/');
        out.push_str(segment);
    }
    out.push('/');
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn relative_urls_resolve_against_the_documents_address() {
        let cases = [
            (
                "https://api.x.com/v1",
                "https://docs.x.com/spec.json",
                "https://api.x.com/v1",
            ),
            (
                "/v1",
                "https://docs.x.com/a/spec.json",
                "https://docs.x.com/v1",
            ),
            (
                "v1",
                "https://docs.x.com/a/spec.json",
                "https://docs.x.com/a/v1",
            ),
            (
                "./v1",
                "https://docs.x.com/a/b/spec.json?x=1",
                "https://docs.x.com/a/b/v1",
            ),
            (
                "../v1",
                "https://docs.x.com/a/b/spec.json",
                "https://docs.x.com/a/v1",
            ),
            (
                "//api.x.com/v2",
                "http://docs.x.com/spec.json",
                "http://api.x.com/v2",
            ),
            ("/", "https://docs.x.com/a/spec.json", "https://docs.x.com/"),
            ("/v1", "", "/v1"),
            ("//api.x.com", "", "https://api.x.com"),
        ];
        for (url, base, expected) in cases {
            assert_eq!(resolve_url(url, base), expected, "{url} against {base}");
        }
    }

    #[test]
    fn variables_are_substituted_chosen_values_first_then_defaults() {
        let server = Server {
            url: "https://{region}.api.x.com:{port}/{version}/".into(),
            description: String::new(),
            variables: ["region", "port", "version"]
                .iter()
                .zip(["eu", "443", "v1"])
                .map(|(name, default)| ServerVariable {
                    name: name.to_string(),
                    default: default.into(),
                    ..ServerVariable::default()
                })
                .collect(),
        };
        let cases: [(&[(&str, &str)], &str); 3] = [
            (&[], "https://eu.api.x.com:443/v1"),
            (
                &[("region", "us"), ("version", "v2")],
                "https://us.api.x.com:443/v2",
            ),
            (&[("unknown", "x")], "https://eu.api.x.com:443/v1"),
        ];
        for (chosen, expected) in cases {
            let chosen: Vec<(String, String)> = chosen
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(server.resolve("", &chosen), expected);
        }
    }

    #[test]
    fn swagger_host_base_path_and_schemes_become_servers() {
        let cases = [
            (
                json!({"host": "api.x.com", "basePath": "/v1", "schemes": ["https", "http"]}),
                vec!["https://api.x.com/v1", "http://api.x.com/v1"],
            ),
            (json!({"host": "api.x.com"}), vec!["//api.x.com"]),
            (json!({"basePath": "/v2"}), vec!["/v2"]),
            (json!({}), vec!["/"]),
            (
                json!({"host": "h", "basePath": "api", "schemes": ["ws", "https"]}),
                vec!["https://h/api"],
            ),
        ];
        for (root, expected) in cases {
            let urls: Vec<String> = swagger_servers(&root).into_iter().map(|s| s.url).collect();
            assert_eq!(urls, expected, "{root}");
        }
    }
}
