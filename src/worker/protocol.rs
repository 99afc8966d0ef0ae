//! The messages between the page and its two workers (JSON strings), and the workers' side of them: the
//! snippet worker answers `Ask` with `Answer`, the import worker `ImportQuestion` with `ImportReply`.

use super::choice::Choice;
use reqlab_core::snippet::highlight;
use reqlab_core::{prepare, Environment, Request, Variables};
use serde::{Deserialize, Serialize};

/// Worker -> page, once, when it listens: a message posted to a worker before its wasm has started is
/// dispatched to no handler and lost, so the page holds its question until it hears this.
pub const READY: &str = "ready";

/// Page -> worker: generate the chosen target's snippet for this request.
#[derive(Debug, Serialize, Deserialize)]
pub struct Ask {
    /// Echoed back, so the page can ignore answers to questions it has since replaced.
    pub seq: u64,
    /// The target and the options, as the panel stores them (see `worker::choice`); the worker resolves
    /// it, so any text is a valid choice.
    pub choice: String,
    pub request: Request,
    /// Every environment, not only the active one: the library keeps the question as the draft.
    pub variables: Variables,
}

/// Worker -> page. Only types the page already decodes elsewhere (strings, lists of strings and of string
/// pairs), which keeps the page's decoder small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u64,
    /// The asked choice resolved and written canonically: what the page stores and asks with next.
    pub choice: String,
    /// `(value, text)` options of the Language and Client pickers.
    pub languages: Vec<(String, String)>,
    pub clients: Vec<(String, String)>,
    /// `(control id, value)` for every control of the panel (`true`/`false` for checkboxes).
    pub values: Vec<(String, String)>,
    /// Ids of the option controls that do nothing for the chosen target.
    pub hidden: Vec<String>,
    pub code: String,
    /// `code` again, cut into `(class, text)` runs that cover it exactly: class `tok-<kind>` for a
    /// highlighted token, empty for plain text. The lexing happens here so the page's bundle carries none
    /// of it: the page only renders these runs.
    pub runs: Vec<(String, String)>,
    pub warnings: Vec<String>,
    /// Why there is no code (the request cannot be prepared).
    pub error: Option<String>,
}

/// Page -> import worker: import text from elsewhere. Sent as `{"import": ImportAsk}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportAsk {
    /// Echoed back, as for snippets; import questions count on their own.
    pub seq: u64,
    /// A curl command, a HAR document, a Postman collection or reqlab's request JSON.
    pub text: String,
    /// One of `worker::import::FORMATS`' ids; empty (or unknown) detects the format from the text.
    pub format: String,
    /// Which of several: a HAR entry's number or a Postman request's path, as `ImportAnswer::choices` lists
    /// them; empty (or not among them) takes the first.
    pub pick: String,
}

/// Page -> import worker: the current request (and its response, when there is one) as a HAR 1.2 log.
/// Sent as `{"export": ExportAsk}`; the answer is `{"export": "<the HAR text>"}` (or `{"error": "…"}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportAsk {
    pub request: Request,
    pub environment: Environment,
    pub response: Option<ExportResponse>,
}

/// The response recorded next to the request. `text` is the body when it is text the page could show;
/// empty otherwise (HAR would need it base64-encoded, and the file is meant to be read).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportResponse {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub mime_type: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportQuestion {
    pub export: ExportAsk,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportQuestion {
    pub import: ImportAsk,
}

/// Worker -> page, the answer to an `ImportAsk`. The page reads it with `js_json` (see `client`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportAnswer {
    pub seq: u64,
    /// The format id the text was read as (detected, or the one asked for).
    pub format: String,
    /// What was imported, for the sentence the page shows ("Imported a curl command").
    pub summary: String,
    pub request: Option<Request>,
    /// Variables the request refers to (a Postman collection's), to be put in an environment of this name.
    pub environment: Option<Environment>,
    /// Every environment, replacing the editor's: only the library's restored draft carries them.
    pub variables: Option<Variables>,
    /// `(pick, label)` of the requests to choose from when the text holds several; empty otherwise.
    pub choices: Vec<(String, String)>,
    /// The pick the request is, among `choices`.
    pub picked: String,
    /// What was not imported (flags, scripts, files), one sentence each.
    pub warnings: Vec<String>,
    /// Why nothing could be imported; then `request` is `None`.
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReply {
    pub import: ImportAnswer,
}

/// The import worker's whole job: one question in, one answer out. Exports (`{"export": …}`) are told
/// apart by their first member, which serde writes first.
pub fn answer_import(message: &str) -> String {
    if message.starts_with("{\"export\":") {
        return super::import::export(message);
    }
    let reply = match serde_json::from_str::<ImportQuestion>(message) {
        Ok(question) => super::import::import(&question.import),
        Err(err) => ImportAnswer {
            error: Some(format!("The import worker got a malformed message: {err}")),
            ..ImportAnswer::default()
        },
    };
    serde_json::to_string(&ImportReply { import: reply }).unwrap_or_default()
}

/// The snippet worker's whole job: one question in, one answer out.
pub fn answer(message: &str) -> String {
    let answer = match serde_json::from_str::<Ask>(message) {
        Ok(ask) => answer_ask(&ask),
        Err(err) => Answer {
            error: Some(format!("The snippet worker got a malformed message: {err}")),
            ..Answer::default()
        },
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

fn answer_ask(ask: &Ask) -> Answer {
    let choice = Choice::parse(&ask.choice);
    let mut answer = Answer {
        seq: ask.seq,
        choice: choice.encode(),
        languages: choice.languages(),
        clients: choice.clients(),
        values: choice.values(),
        hidden: choice.hidden(),
        ..Answer::default()
    };
    match prepare(&ask.request, &ask.variables.active()) {
        Err(err) => answer.error = Some(format!("Fix the request to see its code: {err}")),
        Ok(prepared) => {
            let snippet = choice.target.generate(&prepared, &choice.options);
            answer.runs = runs(&snippet.code, choice.target.extension);
            answer.code = snippet.code;
            answer.warnings = snippet.warnings;
        }
    }
    answer
}

/// Cuts `code` into highlighted and plain runs; concatenated, their texts are `code` again.
fn runs(code: &str, extension: &str) -> Vec<(String, String)> {
    let mut runs = Vec::new();
    let mut at = 0;
    for token in highlight::highlight(code, extension) {
        // The lexer promises ordered, in-bounds tokens on char boundaries; `get` keeps a broken promise
        // from panicking the worker.
        let (Some(plain), Some(text)) =
            (code.get(at..token.start), code.get(token.start..token.end))
        else {
            continue;
        };
        if !plain.is_empty() {
            runs.push((String::new(), plain.to_string()));
        }
        runs.push((format!("tok-{}", token.kind.class()), text.to_string()));
        at = token.end;
    }
    if let Some(rest) = code.get(at..).filter(|rest| !rest.is_empty()) {
        runs.push((String::new(), rest.to_string()));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::import::MAX_INPUT_BYTES;
    use reqlab_core::KeyValue;

    fn ask(choice: &str, url: &str) -> Ask {
        Ask {
            seq: 7,
            choice: choice.into(),
            request: Request {
                url: url.into(),
                ..Request::default()
            },
            variables: Variables::default(),
        }
    }

    fn round_trip(ask: &Ask) -> Answer {
        let message = serde_json::to_string(ask).expect("serializes");
        serde_json::from_str(&answer(&message)).expect("the worker answers JSON")
    }

    #[test]
    fn answers_with_the_code_and_the_controls_of_the_chosen_target() {
        let reply = round_trip(&ask("snippet-client=shell-curl", "https://h/x?q=1"));
        assert_eq!(reply.seq, 7);
        assert!(
            reply.code.contains("--url 'https://h/x?q=1'"),
            "{}",
            reply.code
        );
        assert_eq!(reply.error, None);
        assert!(reply
            .choice
            .starts_with("snippet-language=Shell\nsnippet-client=shell-curl\n"));
        assert!(reply.languages.iter().any(|(l, _)| l == "Python"));
        assert!(reply
            .clients
            .contains(&("shell-wget".into(), "Wget".into())));
        assert!(reply.hidden.iter().all(|h| h != "snippet-short-flags"));
    }

    #[test]
    fn the_active_environment_of_the_variables_resolves_the_request() {
        let host = |name: &str, value: &str| Environment {
            name: name.into(),
            variables: vec![KeyValue::new("host", value)],
        };
        let mut asked = ask("snippet-client=shell-curl", "https://{{host}}/x");
        asked.variables.environments = vec![host("dev", "dev.test"), host("prod", "prod.test")];
        for (active, expected) in [(Some(0), "dev.test"), (Some(1), "prod.test")] {
            asked.variables.active = active;
            let reply = round_trip(&asked);
            assert!(
                reply.code.contains(&format!("'https://{expected}/x'")),
                "{}",
                reply.code
            );
        }
        // None active: the variable stays unresolved, which the request cannot be sent with.
        asked.variables.active = None;
        assert!(round_trip(&asked).error.is_some_and(|e| e.contains("host")));
    }

    #[test]
    fn explains_requests_that_cannot_be_prepared_and_bad_messages() {
        let reply = round_trip(&ask("", "no scheme"));
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.contains("no scheme")));
        assert!(reply.code.is_empty());
        // The pickers still work while the request is broken.
        assert!(!reply.clients.is_empty());
        let reply: Answer = serde_json::from_str(&answer("{not json")).expect("JSON");
        assert!(reply
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("The snippet worker got a malformed message")));
    }

    #[test]
    fn runs_cover_the_code_and_mark_its_strings() {
        let reply = round_trip(&ask("snippet-client=python-requests", "https://h/x?q=1"));
        let joined: String = reply.runs.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(joined, reply.code);
        assert!(reply
            .runs
            .iter()
            .any(|(class, text)| class == "tok-str" && text == "\"https://h/x?q=1\""));
        assert!(reply
            .runs
            .iter()
            .any(|(class, text)| class == "tok-kw" && text == "import"));
        // No empty runs: each becomes a DOM node on the page.
        assert!(reply.runs.iter().all(|(_, text)| !text.is_empty()));
    }

    /// What Chrome's "Copy as cURL (bash)" writes for a JSON POST: `$'...'` quoting, `-H`, `-b`, `--data-raw`.
    const CHROME_CURL: &str = r#"curl 'http://127.0.0.1:8080/anything?from=chrome' \
  -H 'accept: application/json' \
  -H 'content-type: application/json' \
  -b 'session=abc123' \
  -H 'x-trace-id: 7f3a' \
  --data-raw $'{"name":"Widget \'Pro\'","qty":3}' \
  --compressed"#;

    const COLLECTION: &str = include_str!("../../tests/e2e/specs/import.postman_collection.json");

    fn import(text: &str, format: &str, pick: &str) -> ImportAnswer {
        let question = ImportQuestion {
            import: ImportAsk {
                seq: 3,
                text: text.into(),
                format: format.into(),
                pick: pick.into(),
            },
        };
        let message = serde_json::to_string(&question).expect("serializes");
        let reply = answer_import(&message);
        let reply: ImportReply = serde_json::from_str(&reply).expect("the worker answers JSON");
        assert_eq!(reply.import.seq, 3);
        reply.import
    }

    fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
        request
            .headers
            .iter()
            .find(|h| h.enabled && h.key.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    #[test]
    fn imports_a_chrome_curl_command_detecting_the_shell() {
        let reply = import(CHROME_CURL, "", "");
        assert_eq!(reply.error, None);
        assert_eq!(reply.format, "curl-bash");
        assert_eq!(reply.summary, "a curl command");
        assert!(reply.choices.is_empty());
        let request = reply.request.expect("a request");
        assert_eq!(request.method, reqlab_core::Method::Post);
        assert_eq!(request.url, "http://127.0.0.1:8080/anything?from=chrome");
        assert_eq!(header(&request, "x-trace-id"), Some("7f3a"));
        assert_eq!(header(&request, "cookie"), Some("session=abc123"));
        assert_eq!(
            request.body,
            reqlab_core::Body::Raw {
                language: reqlab_core::RawLanguage::Json,
                text: r#"{"name":"Widget 'Pro'","qty":3}"#.into()
            }
        );
        // A snippet question on the same channel is still answered as a snippet.
        let reply = round_trip(&ask("snippet-client=shell-curl", "https://h/"));
        assert!(reply.code.contains("curl"), "{}", reply.code);
    }

    #[test]
    fn a_postman_collection_lists_its_requests_by_folder_path_and_brings_its_variables() {
        let first = import(COLLECTION, "", "");
        assert_eq!(first.error, None);
        assert_eq!(first.format, "postman");
        let paths: Vec<&str> = first.choices.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["Users/List users", "Users/Admin/Create user", "Health"]
        );
        assert_eq!(first.choices[1].1, "Users/Admin/Create user (POST)");
        assert_eq!(first.picked, "Users/List users");
        let reply = import(COLLECTION, "postman", "Users/Admin/Create user");
        assert_eq!(reply.picked, "Users/Admin/Create user");
        let request = reply.request.expect("a request");
        assert_eq!(request.url, "{{base}}/anything/users?notify=true");
        assert_eq!(
            request.auth,
            reqlab_core::Auth::Bearer {
                token: "{{token}}".into()
            }
        );
        let environment = reply.environment.expect("the collection's variables");
        assert_eq!(environment.name, "Echo API");
        assert_eq!(environment.lookup("role"), Some("admin"));
        assert!(
            reply.summary.contains("\"Users/Admin/Create user\""),
            "{}",
            reply.summary
        );
        assert!(
            reply
                .warnings
                .iter()
                .any(|w| w.contains("pre-request script")),
            "{:?}",
            reply.warnings
        );
        // The warnings are the picked request's own: another request's script is not listed.
        let health = import(COLLECTION, "", "Health");
        assert!(health.warnings.iter().all(|w| !w.contains("pre-request")));
        assert_eq!(
            health.request.expect("a request").auth,
            reqlab_core::Auth::None
        );
        // A pick that is not there falls back to the first request.
        assert_eq!(import(COLLECTION, "", "Nope").picked, "Users/List users");
    }

    #[test]
    fn an_exported_har_holds_the_response_and_imports_as_the_same_request() {
        let mut request = Request {
            method: reqlab_core::Method::Post,
            url: "https://api.example.com/items?page=2".into(),
            ..Request::default()
        };
        request.headers.push(KeyValue::new("X-Trace", "7f3a"));
        request.body = reqlab_core::Body::Raw {
            language: reqlab_core::RawLanguage::Json,
            text: "{\"a\": 1}".into(),
        };
        let question = ExportQuestion {
            export: ExportAsk {
                request: request.clone(),
                environment: Environment::default(),
                response: Some(ExportResponse {
                    status: 201,
                    status_text: "Created".into(),
                    headers: vec![("content-type".into(), "application/json".into())],
                    mime_type: "application/json".into(),
                    text: "{\"id\": 9}".into(),
                }),
            },
        };
        let reply: serde_json::Value = serde_json::from_str(&answer_import(
            &serde_json::to_string(&question).expect("JSON"),
        ))
        .expect("the worker answers JSON");
        let har = reply["export"].as_str().expect("a HAR text");
        let log: serde_json::Value = serde_json::from_str(har).expect("HAR is JSON");
        let entry = &log["log"]["entries"][0];
        assert_eq!(entry["response"]["status"], 201);
        assert_eq!(entry["response"]["content"]["text"], "{\"id\": 9}");
        assert_eq!(entry["request"]["method"], "POST");
        let imported = import(har, "har", "").request.expect("the export imports");
        assert_eq!(imported.method, request.method);
        assert_eq!(
            imported.url.split('?').next(),
            Some("https://api.example.com/items")
        );
        let trace = header(&imported, "X-Trace");
        assert_eq!(trace, Some("7f3a"));
        assert_eq!(imported.body, request.body);

        // A request that cannot be prepared is not exported, and says why.
        let broken = ExportQuestion {
            export: ExportAsk {
                request: Request::default(),
                ..ExportAsk::default()
            },
        };
        let reply: serde_json::Value = serde_json::from_str(&answer_import(
            &serde_json::to_string(&broken).expect("JSON"),
        ))
        .expect("JSON");
        assert!(reply["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("Fix the request to export it")));
    }

    #[test]
    fn a_har_log_with_several_entries_offers_them_and_imports_the_picked_one() {
        let entry = |method: &str, url: &str| {
            serde_json::json!({"request": {"method": method, "url": url, "httpVersion": "HTTP/1.1",
                "headers": [{"name": "X-N", "value": method}], "queryString": [], "cookies": []},
                "response": {"status": 201}})
        };
        let log = serde_json::json!({"log": {"version": "1.2", "entries": [
            entry("GET", "https://h/one"), entry("DELETE", "https://h/two")]}});
        let text = log.to_string();
        let first = import(&text, "", "");
        assert_eq!(first.format, "har");
        assert_eq!(
            first.choices,
            [
                ("1".to_string(), "1. GET https://h/one -> 201".to_string()),
                (
                    "2".to_string(),
                    "2. DELETE https://h/two -> 201".to_string()
                )
            ]
        );
        assert_eq!(first.request.expect("a request").url, "https://h/one");
        let second = import(&text, "har", "2");
        assert_eq!(second.picked, "2");
        assert_eq!(second.summary, "entry 2 of the HAR log");
        let request = second.request.expect("a request");
        assert_eq!(request.method, reqlab_core::Method::Delete);
        assert_eq!(header(&request, "x-n"), Some("DELETE"));
    }

    #[test]
    fn reqlab_request_json_reads_back_to_the_same_request() {
        let request = Request {
            method: reqlab_core::Method::Put,
            url: "https://h/x?a=1".into(),
            headers: vec![KeyValue::new("A", "b")],
            ..Request::default()
        };
        let reply = import(&serde_json::to_string(&request).expect("JSON"), "", "");
        assert_eq!(reply.format, "reqlab");
        assert_eq!(reply.request, Some(request));
    }

    #[test]
    fn text_that_is_no_import_gets_a_sentence_and_no_request() {
        let cases = [
            ("", "", "Nothing to import"),
            ("   \n", "", "Nothing to import"),
            ("hello world", "", "This is not a curl command, a HAR file or a Postman collection: the text starts with \"hello world\""),
            ("curl 'https://h/", "", "never closed"),
            ("curl -X POST", "", "no URL"),
            ("{\"a\": 1}", "", "not a HAR file, a Postman collection or a reqlab request"),
            ("[1, 2]", "", "not a HAR file"),
            (
                "{\"name\": \"dev\", \"values\": [], \"_postman_variable_scope\": \"environment\"}",
                "",
                "Import it under Collections, Environments",
            ),
            ("{\"log\": ", "", "Not valid JSON (line 1, column 8)"),
            // A format forced by the user is read as that format, and its own message says why it is not.
            (COLLECTION, "har", "not a HAR document"),
            ("curl https://h/", "postman", "Not valid JSON"),
            ("{\"info\": {}, \"item\": []}", "postman", "no requests"),
            ("hello", "curl-cmd", "No curl command found"),
        ];
        for (text, format, expected) in cases {
            let reply = import(text, format, "");
            let error = reply.error.unwrap_or_default();
            assert!(error.contains(expected), "{text:?} as {format:?}: {error}");
            assert_eq!(reply.request, None, "{text:?}");
            assert!(reply.warnings.is_empty() && reply.environment.is_none());
        }
        let huge = format!("curl https://h/ -d '{}'", "x".repeat(MAX_INPUT_BYTES));
        let error = import(&huge, "", "").error.unwrap_or_default();
        assert!(error.contains("at most 1 MiB"), "{error}");
        let reply: ImportReply =
            serde_json::from_str(&answer_import("{\"import\": 5}")).expect("JSON");
        assert!(reply
            .import
            .error
            .is_some_and(|e| e.starts_with("The import worker got a malformed message")));
    }

    #[test]
    fn a_forced_dialect_reads_the_command_with_that_shell() {
        // cmd's `^` escapes the `&`; to bash the `&` ends the command.
        let text = "curl https://h/?a=1^&b=2";
        let cmd = import(text, "curl-cmd", "");
        assert_eq!(cmd.format, "curl-cmd");
        assert_eq!(cmd.request.expect("a request").url, "https://h/?a=1&b=2");
        let bash = import(text, "curl-bash", "");
        assert_eq!(bash.format, "curl-bash");
        assert_eq!(bash.request.expect("a request").url, "https://h/?a=1^");
        assert!(
            bash.warnings.iter().any(|w| w.contains("b=2")),
            "{:?}",
            bash.warnings
        );
    }

    #[test]
    fn the_options_in_the_choice_shape_the_code() {
        let reply = round_trip(&ask(
            "snippet-client=shell-curl\nsnippet-short-flags=true",
            "https://h/",
        ));
        assert!(reply.code.contains("curl 'https://h/'"), "{}", reply.code);
        // An absurd indent from edited storage is capped, not allocated.
        let mut question = ask(
            "snippet-client=shell-curl\nsnippet-indent=99999999999",
            "https://h/",
        );
        question.request.headers = vec![KeyValue::new("A", "b")];
        let reply = round_trip(&question);
        let capped = format!(
            "\n{}--header 'A: b'",
            " ".repeat(super::super::choice::MAX_INDENT)
        );
        assert!(reply.code.contains(&capped), "{}", reply.code);
    }
}
