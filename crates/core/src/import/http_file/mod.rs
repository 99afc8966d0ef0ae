//! `.http` files (REST Client and JetBrains HTTP Client syntax): read into a collection, written from one,
//! and their `{{$dynamic}}` variables expanded before a request is prepared.
//!
//! What maps to what:
//! - `@name = value` lines, wherever they stand, become the collection's variables, in order and as written:
//!   `prepare` substitutes `{{name}}` in one pass, so a value that refers to another variable is sent with
//!   that reference unresolved unless the environment resolves it. Unknown `{{name}}`s stay as written.
//! - Each block between `###` separators with a request line becomes a request named by `# @name`, else by the
//!   separator's text, else `METHOD url`. When a request has both and the separator reads `### A/B/name`,
//!   `A/B` is its folder path (the writer's way of keeping folders in a format that has none).
//! - `# @no-redirect` sets redirects to manual, `# @no-cookie-jar` omits credentials (fetch then neither sends
//!   nor stores cookies), `# @timeout N [ms|s|m]` sets the timeout; `@prompt`, `@note`, `@no-log` and unknown
//!   settings are named in warnings.
//! - Headers stay rows as written (Content-Type included: the raw body's language only follows it), except a
//!   multipart body's Content-Type, whose boundary belonged to the file's text.
//! - `X-Request-Type: GraphQL` makes the body a GraphQL request (see `graphql`); the header itself is a
//!   directive to the client, not sent.
//! - Scripts (`< {% %}` before the request, `> {% %}` / `> file.js` after it), response redirects (`>>`,
//!   `>>!`) and saved-response references (`<>`) are not run; warnings quote them verbatim.
//!
//! Rows switched off are written commented out (`# Name: value` in the headers, `# @name = value` among the
//! variables) and read back switched off: the round trip `import(export(c)) == c` holds for collections
//! within what the format can say (see [`export`]).

mod auth;
mod block;
mod body;
mod datetime;
mod dynamic;
mod export;
mod graphql;
mod lines;
mod multipart;
mod scripts;
mod settings;

pub use dynamic::{dynamic_value, expand_dynamic, DynamicSource};
pub use export::export;

use super::collection::{Collection, CollectionItem, ImportWarning, ImportedCollection};
use super::MAX_INPUT_BYTES;
use crate::edit::model::Request;
use thiserror::Error;

/// Reads a file the `.http` text refers to (`< ./file`), by the path as written; `None` when it cannot.
type Files<'a> = &'a dyn Fn(&str) -> Option<Vec<u8>>;

/// Why a `.http` file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum HttpFileError {
    #[error("The input is {0} bytes; .http import takes at most 1 MiB. Split the file.")]
    TooLarge(usize),
    #[error("This .http file has no request: expected a request line such as `GET https://example.com`.")]
    NoRequest,
}

/// A warning about one request before its path is known: the line it is about, and what to say.
struct Note {
    line: usize,
    message: String,
}

impl Note {
    fn at(line: usize, message: String) -> Note {
        Note { line, message }
    }
}

/// Reads a `.http` file. `files` loads the files its bodies name (`< ./body.json`); pass `&|_| None` where
/// there is no file system, and the requests keep the file names for the user to attach the files.
pub fn import(
    text: &str,
    files: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<ImportedCollection, HttpFileError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(HttpFileError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = lines::split(text);
    let mut collection = Collection::default();
    let mut warnings = Vec::new();
    let mut requests = 0;
    for block in block::blocks(&lines) {
        let parsed = block::parse(&block, files);
        collection.variables.extend(parsed.variables);
        let Some(parsed_request) = parsed.request else {
            continue;
        };
        let name = parsed_request
            .name
            .clone()
            .or_else(|| Some(parsed_request.separator.clone()).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| {
                let request = &parsed_request.request;
                format!("{} {}", request.method, request.url)
            });
        let folders = folders_of(&parsed_request.separator, &name);
        let path = folders
            .iter()
            .map(String::as_str)
            .chain([name.as_str()])
            .collect::<Vec<_>>()
            .join("/");
        warnings.extend(parsed_request.notes.into_iter().map(|note| ImportWarning {
            location: Some(path.clone()),
            message: format!("line {}: {}", note.line, note.message),
        }));
        insert(
            &mut collection.items,
            &folders,
            name,
            parsed_request.request,
        );
        requests += 1;
    }
    if requests == 0 {
        return Err(HttpFileError::NoRequest);
    }
    Ok(ImportedCollection {
        collection,
        warnings,
    })
}

/// Deeper folder paths in separators are read as no folder: every folder level costs a level of recursion
/// when the collection is walked, and real collections nest a few levels at most.
const MAX_FOLDER_DEPTH: usize = 32;

/// The separator line the writer puts before a request: its folder path and name.
fn separator_line(folders: &[String], name: &str) -> String {
    if folders.is_empty() {
        format!("### {name}")
    } else {
        format!("### {}/{name}", folders.join("/"))
    }
}

/// The folders a separator `A/B/name` names for the request `name`; none unless the writer would write the
/// same separator back, so that reading what was written gives the same folders.
fn folders_of(separator: &str, name: &str) -> Vec<String> {
    let Some(prefix) = separator
        .strip_suffix(name)
        .and_then(|prefix| prefix.strip_suffix('/'))
    else {
        return Vec::new();
    };
    if prefix.matches('/').count() >= MAX_FOLDER_DEPTH {
        return Vec::new();
    }
    let folders: Vec<String> = prefix
        .split('/')
        .map(str::trim)
        .filter(|folder| !folder.is_empty())
        .map(str::to_string)
        .collect();
    let written = separator_line(&folders, name);
    if lines::separator_text(&written) == Some(separator) {
        folders
    } else {
        Vec::new()
    }
}

/// Adds the request under its folders; consecutive requests of the same folder share it.
fn insert(items: &mut Vec<CollectionItem>, folders: &[String], name: String, request: Request) {
    let Some((first, rest)) = folders.split_first() else {
        items.push(CollectionItem::Request { name, request });
        return;
    };
    let same_folder_last =
        matches!(items.last(), Some(CollectionItem::Folder { name: last, .. }) if last == first);
    if !same_folder_last {
        items.push(CollectionItem::Folder {
            name: first.clone(),
            items: Vec::new(),
        });
    }
    if let Some(CollectionItem::Folder { items: inner, .. }) = items.last_mut() {
        insert(inner, rest, name, request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_from_separators_that_end_with_the_name() {
        let cases: [(&str, &str, &[&str]); 5] = [
            ("Users/Admin/Reset", "Reset", &["Users", "Admin"]),
            ("Users/GET /users", "GET /users", &["Users"]),
            ("Get user", "getUser", &[]),
            ("getUser", "getUser", &[]),
            ("a / b/x", "x", &[]),
        ];
        let deep = format!("{}x", "a/".repeat(MAX_FOLDER_DEPTH + 1));
        assert!(folders_of(&deep, "x").is_empty());
        for (separator, name, folders) in cases {
            assert_eq!(folders_of(separator, name), folders, "{separator:?}");
        }
    }

    #[test]
    fn the_http_version_comes_off_after_the_url_lines_are_joined() {
        // Found by fuzzing: the version on a continuation line stayed in the URL until the next import.
        let imported = import("GET http://h/a\n    /b HTTP/1.1\n", &|_| None).expect("imports");
        let requests = imported.collection.requests();
        assert_eq!(requests[0].1.url, "http://h/a/b");
    }

    #[test]
    fn too_large_and_empty_inputs_are_refused() {
        let big = "#".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(
            import(&big, &|_| None),
            Err(HttpFileError::TooLarge(MAX_INPUT_BYTES + 1))
        );
        assert_eq!(
            import("@a = 1\n# only a comment\n###\n", &|_| None),
            Err(HttpFileError::NoRequest)
        );
    }
}
