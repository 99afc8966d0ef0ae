//! The library's import of an OpenAPI description, answered by the reference's worker (which carries the
//! reader and the re-sync): the description's requests for its first server, as a folder per tag added to
//! the collections, or re-synced with the folders an earlier version of it made. Pure, tested on the host.

use crate::protocol::import::{CollectionAnswer, OpenApiAsk};
use reqlab_core::import::openapi::{self, ServerChoice};
use reqlab_core::library::collections::Collections;
use serde::{Deserialize, Serialize};

/// The library's envelope (`protocol::import::LibraryEnvelope`) as far as this worker reads it: only its
/// `openapi` question (serde skips the other members; reading them all would carry their readers here).
#[derive(Deserialize)]
pub struct Envelope {
    pub library: Question,
}

#[derive(Deserialize)]
pub struct Question {
    pub openapi: Option<OpenApiAsk>,
}

/// The members of `protocol::import::LibraryReply` an import sets, written as that type reads them (a test
/// holds the two equal).
#[derive(Debug, Default, Serialize)]
pub struct Answer {
    pub collection: Option<CollectionAnswer>,
    pub collections: Option<Collections>,
    pub text: Option<String>,
    pub error: Option<String>,
}

pub fn answer(ask: OpenApiAsk) -> Answer {
    let api = match openapi::read(&ask.text) {
        Ok(api) => api,
        Err(error) => {
            return Answer {
                error: Some(error.to_string()),
                ..Answer::default()
            }
        }
    };
    let server = ServerChoice {
        base: ask.base,
        ..ServerChoice::default()
    };
    let imported = api.collection(&server);
    let (name, folders) = Collections::flatten(&imported.collection);
    let mut collections = ask.collections;
    let sentence = if collections.imported_roots().contains(&name) {
        collections.resync_folders(&name, &name, folders).sentence()
    } else {
        let added = collections.add_folders(&name, folders);
        format!(
            "Imported {added} {} from the OpenAPI description “{name}”.",
            if added == 1 { "request" } else { "requests" }
        )
    };
    Answer {
        collection: Some(CollectionAnswer {
            name,
            variables: api.environment(&server).variables,
            warnings: imported.warnings.iter().map(ToString::to_string).collect(),
            ..CollectionAnswer::default()
        }),
        collections: Some(collections),
        text: Some(sentence),
        ..Answer::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = r#"{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},
        "servers": [{"url": "/v1"}],
        "paths": {
          "/pets": {"get": {"operationId": "list", "summary": "List pets", "tags": ["pets"]}},
          "/pets/{id}": {"get": {"operationId": "one", "summary": "One pet", "tags": ["pets"],
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}]}}
        }}"#;

    fn ask(text: &str, collections: Collections) -> OpenApiAsk {
        OpenApiAsk {
            text: text.into(),
            base: "http://h/docs/openapi.json".into(),
            collections,
        }
    }

    #[test]
    fn a_first_import_adds_a_folder_per_tag_and_the_server_as_variables() {
        let reply = answer(ask(V1, Collections::default()));
        assert_eq!(reply.error, None);
        assert_eq!(
            reply.text.as_deref(),
            Some("Imported 2 requests from the OpenAPI description “Pets”.")
        );
        let collections = reply.collections.expect("collections");
        let names: Vec<&str> = collections
            .folders
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["Pets / pets"]);
        assert!(collections.folders[0]
            .requests
            .iter()
            .all(|saved| saved.origin.is_some()));
        let answer = reply.collection.expect("collection");
        let base_url = answer.variables.iter().find(|v| v.key == "baseUrl");
        assert_eq!(base_url.map(|v| v.value.as_str()), Some("http://h/v1"));
    }

    #[test]
    fn a_newer_version_re_syncs_and_keeps_the_users_edit() {
        let mut collections = answer(ask(V1, Collections::default()))
            .collections
            .expect("collections");
        collections.folders[0].requests[0]
            .request
            .url
            .push_str("?mine=1");
        let v2 = V1.replace(
            r#""/pets/{id}""#,
            r#""/owners": {"get": {"operationId": "owners", "summary": "Owners", "tags": ["pets"]}}, "/pets/{id}""#,
        );
        let reply = answer(ask(&v2, collections));
        assert_eq!(
            reply.text.as_deref(),
            Some("Re-synced \"Pets\": 1 operation added (Owners); 2 unchanged, your edits to them kept.")
        );
        let kept = &reply.collections.expect("collections").folders[0].requests;
        assert!(
            kept[0].request.url.ends_with("?mine=1"),
            "{:?}",
            kept[0].request.url
        );
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn the_answer_reads_as_the_librarys_reply_and_the_question_as_its_envelope() {
        use crate::protocol::import::{LibraryEnvelope, LibraryQuestion, LibraryReply};
        let answer = answer(ask(V1, Collections::default()));
        let text = serde_json::to_string(&answer).expect("serializes");
        let reply: LibraryReply = serde_json::from_str(&text).expect("the library reads it");
        assert_eq!(reply.text, answer.text);
        assert_eq!(reply.collections, answer.collections);
        assert_eq!(reply.collection, answer.collection);
        let sent = LibraryEnvelope {
            library: LibraryQuestion {
                openapi: Some(ask(V1, Collections::default())),
                ..LibraryQuestion::default()
            },
        };
        let read: Envelope =
            serde_json::from_str(&serde_json::to_string(&sent).expect("serializes"))
                .expect("reads");
        assert_eq!(read.library.openapi, sent.library.openapi);
        let other = r#"{"library": {"share": {"request": {}}}}"#;
        assert!(serde_json::from_str::<Envelope>(other).is_ok_and(|e| e.library.openapi.is_none()));
    }

    #[test]
    fn what_is_not_a_description_says_why() {
        let reply = answer(ask("openapi: [", Collections::default()));
        assert!(reply
            .error
            .is_some_and(|e| e.contains("YAML") || e.contains("JSON")));
        assert_eq!(reply.collections, None);
    }
}
