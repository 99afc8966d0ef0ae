//! The API's own page and its server list as the reference view's markup, built in the worker from the
//! description's summary (the page's thread only puts them in place): title, version, description,
//! authentication, what the reader left out; one option per server, its address resolved. Pure, tested on
//! the host.

use super::html::{escape, push_text};
use reqlab_core::import::openapi::ApiSummary;

/// The server list's options: each server's address (variables at their defaults, a relative URL made
/// absolute against `base`, the description's own address, as OpenAPI 3 says) and description; `base`
/// itself when the description names none.
pub fn servers(summary: &ApiSummary, base: &str) -> String {
    let mut options = String::new();
    for (i, server) in summary.servers.iter().enumerate() {
        let shown = server.resolve(base, &[]);
        let label = if server.description.is_empty() {
            shown
        } else {
            format!("{shown} ({})", server.description)
        };
        options.push_str(&format!(r#"<option value="{i}">"#));
        options.push_str(&escape(&label));
        options.push_str("</option>");
    }
    if summary.servers.is_empty() {
        options.push_str(r#"<option value="0">"#);
        options.push_str(&escape(base));
        options.push_str("</option>");
    }
    options
}

/// The API's own page: title, version, description, what was left out.
pub fn overview(summary: &ApiSummary, description_html: &str) -> String {
    let mut out = String::from(r#"<h2 class="ref-title">"#);
    out.push_str(&escape(if summary.title.is_empty() {
        "API"
    } else {
        &summary.title
    }));
    out.push_str("</h2>");
    push_text(
        &mut out,
        "p",
        "hint",
        &format!(
            "Version {} · {} {} · {} operations",
            summary.version,
            if summary.spec_version.starts_with('2') {
                "Swagger"
            } else {
                "OpenAPI"
            },
            summary.spec_version,
            summary.operations.len()
        ),
    );
    out.push_str(r#"<div class="ref-md">"#);
    out.push_str(description_html);
    out.push_str("</div>");
    if !summary.security_schemes.is_empty() {
        out.push_str("<h3>Authentication</h3><ul>");
        for scheme in &summary.security_schemes {
            out.push_str("<li>");
            push_text(&mut out, "code", "", &scheme.name);
            out.push(' ');
            out.push_str(&escape(
                &[scheme.kind.as_str(), &scheme.scheme, &scheme.location].join(" "),
            ));
            if !scheme.note.is_empty() {
                push_text(&mut out, "span", "hint", &format!(" {}", scheme.note));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !summary.warnings.is_empty() {
        out.push_str(r#"<details class="ref-warnings"><summary>"#);
        out.push_str(&escape(&match summary.warnings.len() {
            1 => "1 part of the description is not shown".to_string(),
            n => format!("{n} parts of the description are not shown"),
        }));
        out.push_str("</summary><ul>");
        for warning in &summary.warnings {
            push_text(&mut out, "li", "", warning);
        }
        out.push_str("</ul></details>");
    }
    out.push_str(r#"<p class="hint">Choose an operation to read it and try it.</p>"#);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::import::openapi::{SecurityScheme, Server};

    #[test]
    fn servers_are_resolved_against_the_description_and_escaped() {
        let summary = ApiSummary {
            servers: vec![
                Server {
                    url: "/v1".into(),
                    description: "this <one>".into(),
                    ..Server::default()
                },
                Server {
                    url: "https://api.example.com".into(),
                    ..Server::default()
                },
            ],
            ..ApiSummary::default()
        };
        assert_eq!(
            servers(&summary, "http://h/docs/openapi.json"),
            r#"<option value="0">http://h/v1 (this &lt;one&gt;)</option><option value="1">https://api.example.com</option>"#
        );
        assert_eq!(
            servers(&ApiSummary::default(), "http://h/x.json"),
            r#"<option value="0">http://h/x.json</option>"#
        );
    }

    #[test]
    fn the_overview_names_the_version_the_schemes_and_what_was_left_out() {
        let summary = ApiSummary {
            title: "Pets <API>".into(),
            version: "1.2".into(),
            spec_version: "2.0".into(),
            security_schemes: vec![SecurityScheme {
                name: "oauth".into(),
                kind: "oauth2".into(),
                note: "shown, not run".into(),
                ..SecurityScheme::default()
            }],
            warnings: vec!["paths./x.get: callbacks are not shown".into()],
            ..ApiSummary::default()
        };
        let html = overview(&summary, "<p>Hi</p>");
        for expected in [
            "Pets &lt;API&gt;",
            "Version 1.2 · Swagger 2.0 · 0 operations",
            "<p>Hi</p>",
            "<code>oauth</code> oauth2",
            "shown, not run",
            "1 part of the description is not shown",
            "callbacks are not shown",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
    }
}
