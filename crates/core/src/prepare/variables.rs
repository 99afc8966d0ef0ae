//! Prepare stage, variables: `{{name}}` in every text field of a request replaced with the environment's
//! values, and every name that has none collected, so that one error can list them all.

use super::PrepareError;
use crate::edit::model::{Auth, Body, Environment, KeyValue, PartValue, Request};

/// The request's text fields after variable substitution; files and options need none.
pub(super) struct Resolved {
    pub method: String,
    pub url: String,
    pub query: Vec<KeyValue>,
    pub path_variables: Vec<KeyValue>,
    pub headers: Vec<KeyValue>,
    pub body: Body,
    pub auth: Auth,
}

/// Replaces `{{name}}` with environment values and remembers every name it could not resolve, so one error
/// can list them all.
pub(super) struct Resolver<'a> {
    env: &'a Environment,
    unknown: Vec<String>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(env: &'a Environment) -> Self {
        Resolver {
            env,
            unknown: Vec::new(),
        }
    }

    pub(super) fn resolve_request(&mut self, request: &Request) -> Resolved {
        Resolved {
            method: self.resolve(request.method.as_str()),
            url: self.resolve(&request.url),
            query: self.resolve_rows(&request.query),
            path_variables: self.resolve_rows(&request.path_variables),
            headers: self.resolve_rows(&request.headers),
            body: self.resolve_body(&request.body),
            auth: self.resolve_auth(&request.auth),
        }
    }

    fn resolve_rows(&mut self, rows: &[KeyValue]) -> Vec<KeyValue> {
        rows.iter()
            .map(|row| KeyValue {
                enabled: row.enabled,
                // Switched-off rows are not sent, so their variables need no value.
                key: if row.enabled {
                    self.resolve(&row.key)
                } else {
                    row.key.clone()
                },
                value: if row.enabled {
                    self.resolve(&row.value)
                } else {
                    row.value.clone()
                },
            })
            .collect()
    }

    fn resolve_body(&mut self, body: &Body) -> Body {
        match body {
            Body::None | Body::Binary { .. } => body.clone(),
            Body::Raw { language, text } => Body::Raw {
                language: *language,
                text: self.resolve(text),
            },
            Body::UrlEncoded { fields } => Body::UrlEncoded {
                fields: self.resolve_rows(fields),
            },
            Body::Multipart { parts } => Body::Multipart {
                parts: parts
                    .iter()
                    .map(|part| {
                        let mut part = part.clone();
                        if part.enabled {
                            part.name = self.resolve(&part.name);
                            part.content_type = self.resolve(&part.content_type);
                            if let PartValue::Text { value } = &mut part.value {
                                *value = self.resolve(value);
                            }
                        }
                        part
                    })
                    .collect(),
            },
        }
    }

    fn resolve_auth(&mut self, auth: &Auth) -> Auth {
        match auth {
            Auth::None => Auth::None,
            Auth::Basic { username, password } => Auth::Basic {
                username: self.resolve(username),
                password: self.resolve(password),
            },
            Auth::Bearer { token } => Auth::Bearer {
                token: self.resolve(token),
            },
            Auth::ApiKey {
                name,
                value,
                location,
            } => Auth::ApiKey {
                name: self.resolve(name),
                value: self.resolve(value),
                location: *location,
            },
            Auth::Digest { username, password } => Auth::Digest {
                username: self.resolve(username),
                password: self.resolve(password),
            },
            Auth::AwsSigV4 { params } => Auth::AwsSigV4 {
                params: self.resolve_rows(params),
            },
            Auth::OAuth2 { params } => Auth::OAuth2 {
                params: self.resolve_rows(params),
            },
        }
    }

    fn resolve(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start + 2..].find("}}") else {
                break; // an unclosed `{{` is plain text
            };
            let name = rest[start + 2..start + 2 + len].trim();
            out.push_str(&rest[..start]);
            match self.env.lookup(name) {
                Some(value) => out.push_str(value),
                None => {
                    if !self.unknown.iter().any(|n| n == name) {
                        self.unknown.push(name.to_string());
                    }
                    out.push_str(&rest[start..start + 4 + len]);
                }
            }
            rest = &rest[start + 4 + len..];
        }
        out.push_str(rest);
        out
    }

    pub(super) fn finish(self) -> Result<(), PrepareError> {
        if self.unknown.is_empty() {
            Ok(())
        } else {
            Err(PrepareError::UnknownVariables(self.unknown))
        }
    }
}

/// Every variable `request` uses where it takes effect (switched-off rows and parts aside), each once, in
/// order of use.
pub fn variables_used(request: &Request) -> Vec<String> {
    let none = Environment::default();
    let mut resolver = Resolver::new(&none);
    resolver.resolve_request(request);
    resolver.unknown
}

/// `text` with its `{{name}}`s replaced by `env`'s values, or every name it has none for: for the fields
/// that are read after the answer (an assertion's expected value), which prepare does not see.
pub fn substitute(text: &str, env: &Environment) -> Result<String, Vec<String>> {
    let mut resolver = Resolver::new(env);
    let out = resolver.resolve(text);
    match resolver.unknown.is_empty() {
        true => Ok(out),
        false => Err(resolver.unknown),
    }
}

/// Every `{{name}}` in a text, for highlighting fields that use variables the environment lacks.
pub fn variables_in(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        names.push(rest[start + 2..start + 2 + len].trim());
        rest = &rest[start + 4 + len..];
    }
    names
}
