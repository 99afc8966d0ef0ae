//! Command line, OpenAPI side: a description read into an `Api`, the server its requests are made for
//! (`--server N`, `--base URL`), and one operation picked by key for a snippet, with close keys suggested.

use crate::args::Parsed;
use crate::input;
use reqlab_core::import::openapi::{self, Api, ServerChoice};
use reqlab_core::{Auth, Collection, Environment, Imported};

/// A description read from the command's input, and the server chosen for its requests.
pub struct Described {
    pub name: String,
    pub api: Api,
    pub server: ServerChoice,
    /// Warnings about the choice itself (a relative server URL with no `--base`).
    pub warnings: Vec<String>,
}

/// Reads the description at `path` (a file or `-`) and checks `--server` against its servers.
pub fn read(path: &str, parsed: &Parsed) -> Result<Described, String> {
    let index = match parsed.value("--server") {
        None => 0,
        Some(text) => text.parse::<usize>().map_err(|_| {
            format!("--server takes a server number from 0 (the document's first), not {text:?}")
        })?,
    };
    let (name, text) = input::read_input(path)?;
    let api = openapi::read(&text).map_err(|e| format!("{name}: {e}"))?;
    let servers = &api.summary.servers;
    // A document without servers is still usable (paths only); naming one it does not have is not.
    if index >= servers.len() && (index > 0 || parsed.value("--server").is_some()) {
        return Err(server_out_of_range(&name, index, &api));
    }
    let base = parsed.value("--base").unwrap_or_default().to_string();
    let mut warnings = Vec::new();
    if let Some(server) = servers.get(index) {
        // OpenAPI 3 reads a relative server URL against the document's own address, which a file lacks.
        if !server.url.contains("://") && base.is_empty() {
            warnings.push(format!(
                "server {index}'s URL {:?} is relative to the document's address; give that address with \
                 --base URL (for example --base http://127.0.0.1:8080/openapi.json)",
                server.url
            ));
        }
    }
    Ok(Described {
        name,
        api,
        server: ServerChoice {
            index,
            variables: Vec::new(),
            base,
        },
        warnings,
    })
}

fn server_out_of_range(name: &str, index: usize, api: &Api) -> String {
    let servers = &api.summary.servers;
    if servers.is_empty() {
        return format!(
            "{name}: --server {index}: the document lists no servers; leave --server out"
        );
    }
    let listing: Vec<String> = servers
        .iter()
        .enumerate()
        .map(|(i, server)| match server.description.as_str() {
            "" => format!("  {i}  {}", server.url),
            description => format!("  {i}  {}  ({description})", server.url),
        })
        .collect();
    format!(
        "{name}: --server {index} is out of range: the document lists {} server{}, numbered from 0:\n{}",
        servers.len(),
        if servers.len() == 1 { "" } else { "s" },
        listing.join("\n")
    )
}

impl Described {
    /// Every operation as a collection, with the chosen server's environment as the collection's
    /// variables (so `{{baseUrl}}` resolves wherever the collection is opened), and every warning.
    pub fn collection(&self) -> (Collection, Vec<String>) {
        let imported = self.api.collection(&self.server);
        let mut collection = imported.collection;
        for variable in self.environment().variables {
            collection.variables.retain(|v| v.key != variable.key);
            collection.variables.push(variable);
        }
        let mut warnings = self.warnings.clone();
        warnings.extend(self.api.summary.warnings.iter().cloned());
        warnings.extend(imported.warnings.iter().map(ToString::to_string));
        (collection, warnings)
    }

    pub fn environment(&self) -> Environment {
        self.api.environment(&self.server)
    }

    /// The request for the operation `wanted`: its key (the operationId) or `METHOD /path`.
    pub fn request(&self, wanted: &str) -> Result<Imported, String> {
        let operations = &self.api.summary.operations;
        let found = operations.iter().find(|op| op.key == wanted).or_else(|| {
            operations
                .iter()
                .find(|op| method_path(&op.method, &op.path).eq_ignore_ascii_case(wanted.trim()))
        });
        let Some(operation) = found else {
            return Err(self.unknown_operation(wanted));
        };
        let mut imported = self
            .api
            .request(&operation.key, &self.server)
            .ok_or_else(|| format!("{}: {} makes no request", self.name, operation.key))?;
        let mut warnings = self.warnings.clone();
        warnings.append(&mut imported.warnings);
        warnings.extend(placeholder_credentials(&mut imported.request.auth));
        imported.warnings = warnings;
        Ok(imported)
    }

    fn unknown_operation(&self, wanted: &str) -> String {
        let operations = &self.api.summary.operations;
        if operations.is_empty() {
            return format!("{}: the document describes no operations", self.name);
        }
        let wanted_lower = wanted.to_lowercase();
        let mut ranked: Vec<(usize, String)> = operations
            .iter()
            .map(|op| {
                let label = method_path(&op.method, &op.path);
                let distance = [&op.key, &label]
                    .iter()
                    .map(|candidate| closeness(&wanted_lower, &candidate.to_lowercase()))
                    .min()
                    .unwrap_or(usize::MAX);
                let shown = if op.key == label {
                    label
                } else {
                    format!("{}  ({label})", op.key)
                };
                (distance, shown)
            })
            .collect();
        ranked.sort_by_key(|(distance, _)| *distance);
        let close: Vec<String> = ranked
            .into_iter()
            .take(5)
            .map(|(_, shown)| format!("  {shown}"))
            .collect();
        format!(
            "{}: no operation {wanted:?} (give an operationId or METHOD /path); the closest of its {} \
             operations:\n{}",
            self.name,
            operations.len(),
            close.join("\n")
        )
    }
}

/// A description never holds credentials, so an operation's auth comes empty; a snippet for documentation
/// shows a placeholder where they go (an empty token would stop `prepare`), and says so.
fn placeholder_credentials(auth: &mut Auth) -> Option<String> {
    let (what, placeholder) = match auth {
        Auth::Bearer { token } if token.is_empty() => {
            *token = "YOUR_TOKEN".to_string();
            ("a Bearer token", "YOUR_TOKEN")
        }
        Auth::ApiKey { value, .. } if value.is_empty() => {
            *value = "YOUR_API_KEY".to_string();
            ("an API key", "YOUR_API_KEY")
        }
        Auth::Basic { username, password } if username.is_empty() && password.is_empty() => {
            *username = "YOUR_USERNAME".to_string();
            *password = "YOUR_PASSWORD".to_string();
            (
                "a user name and password",
                "YOUR_USERNAME and YOUR_PASSWORD",
            )
        }
        _ => return None,
    };
    Some(format!(
        "the operation asks for {what}: the snippet has {placeholder} in its place"
    ))
}

fn method_path(method: &str, path: &str) -> String {
    format!("{} {path}", method.to_uppercase())
}

/// How far `candidate` is from what was asked for: 0 when one contains the other (a partial name), else
/// the edit distance, so a typo still ranks its operation first.
fn closeness(wanted: &str, candidate: &str) -> usize {
    if !wanted.is_empty() && (candidate.contains(wanted) || wanted.contains(candidate)) {
        return 0;
    }
    edit_distance(wanted, candidate)
}

/// Levenshtein distance over characters, one row at a time.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        for (a, b, expected) in [
            ("", "", 0),
            ("abc", "", 3),
            ("kitten", "sitting", 3),
            ("echoanythin", "echoanything", 1),
            ("get /uid", "get /uuid", 1),
        ] {
            assert_eq!(edit_distance(a, b), expected, "{a} / {b}");
        }
    }

    #[test]
    fn a_partial_name_is_as_close_as_can_be() {
        assert_eq!(closeness("anything", "echoanything"), 0);
        assert!(closeness("echoanythng", "echoanything") < closeness("echoanythng", "uuid"));
    }
}
