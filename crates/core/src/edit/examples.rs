//! Edit stage, the examples gallery: ready requests from the classic HTTP tutorials (httpbin's endpoints,
//! ReqBin's `/echo`), aimed at any httpbin-compatible echo server, with the status each one should get.

use crate::edit::model::{
    Auth, Body, FileRef, FormPart, KeyValue, Method, RawLanguage, RedirectMode, Request,
    RequestOptions,
};

/// One gallery entry: a request to open in the editor and what it should come back with.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Stable kebab-case name (for links and tests).
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence saying what the example shows.
    pub about: &'static str,
    pub request: Request,
    /// What reqlab-echo answers to exactly this request, redirects not followed.
    pub server_status: u16,
    /// What the browser's fetch reports: the final status after a followed redirect, 0 for the opaque
    /// response a `manual` redirect gives.
    pub browser_status: u16,
}

/// The examples, in gallery order, every URL starting with `base` (an echo server such as
/// `http://127.0.0.1:8080` or `https://host/sub`; a trailing `/` is ignored).
pub fn gallery(base: &str) -> Vec<Example> {
    let base = base.trim().trim_end_matches('/');
    let at = |path: &str| format!("{base}{path}");
    let get = |path: &str| Request {
        url: at(path),
        ..Request::default()
    };
    let post = |path: &str, body: Body| Request {
        method: Method::Post,
        url: at(path),
        body,
        ..Request::default()
    };
    let manual = RequestOptions {
        redirect: RedirectMode::Manual,
        ..RequestOptions::default()
    };
    vec![
        Example {
            id: "get-query",
            title: "GET with query parameters",
            about: "Query parameters travel in the URL, and the echo lists them back under \"args\".",
            request: Request {
                // The URL and the query table say the same thing, as the editor keeps them.
                query: vec![KeyValue::new("name", "reqlab"), KeyValue::new("page", "2")],
                ..get("/get?name=reqlab&page=2")
            },
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "post-form",
            title: "POST a web form",
            about: "Form fields are sent URL-encoded, as an HTML form submits them, and come back under \"form\".",
            request: post(
                "/post",
                Body::UrlEncoded {
                    fields: vec![
                        KeyValue::new("name", "Peter"),
                        KeyValue::new("city", "New York"),
                    ],
                },
            ),
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "post-json",
            title: "POST JSON",
            about: "A raw JSON body gets Content-Type: application/json on its own, and the echo parses it under \"json\".",
            request: post(
                "/post",
                Body::Raw {
                    language: RawLanguage::Json,
                    text: "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}".into(),
                },
            ),
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "upload-file",
            title: "Upload a file",
            about: "A multipart/form-data body carries a text field and a file, as a file upload form sends them.",
            request: post(
                "/post",
                Body::Multipart {
                    parts: vec![
                        FormPart::text("title", "Greeting"),
                        FormPart::file(
                            "file",
                            Some(FileRef::new(
                                "hello.txt",
                                "text/plain",
                                b"Hello from reqlab\n".to_vec(),
                            )),
                        ),
                    ],
                },
            ),
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "basic-auth",
            title: "Basic authentication",
            about: "Basic auth sends the user name and password base64-encoded in the Authorization header.",
            request: Request {
                auth: Auth::Basic {
                    username: "user".into(),
                    password: "passwd".into(),
                },
                ..get("/basic-auth/user/passwd")
            },
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "redirect-followed",
            title: "A redirect, followed",
            about: "The server answers 302 and the browser follows it to /get, so the page sees the final 200.",
            request: get("/redirect/1"),
            server_status: 302,
            browser_status: 200,
        },
        Example {
            id: "redirect-manual",
            title: "A redirect, not followed",
            about: "With redirect set to manual the browser stops at the 302 and hides it: fetch reports status 0.",
            request: Request {
                options: manual,
                ..get("/redirect/1")
            },
            server_status: 302,
            browser_status: 0,
        },
        Example {
            id: "user-agent",
            title: "Custom User-Agent",
            about: "A User-Agent header set on the request replaces the client's own, and the echo shows which one arrived.",
            request: Request {
                headers: vec![KeyValue::new("User-Agent", "reqlab-tutorial/1.0")],
                ..get("/user-agent")
            },
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "stream",
            title: "Streamed response",
            about: "The server sends 20 JSON lines as a stream, and the response arrives piece by piece.",
            request: get("/stream/20"),
            server_status: 200,
            browser_status: 200,
        },
        Example {
            id: "status-418",
            title: "A chosen status: 418",
            about: "The server answers with the status the path asks for, here 418 I'm a teapot.",
            request: get("/status/418"),
            server_status: 418,
            browser_status: 418,
        },
        Example {
            id: "reqbin-echo",
            title: "ReqBin's echo URL",
            about: "ReqBin's tutorials send to /echo, which answers with the whole request as JSON.",
            request: Request {
                headers: vec![KeyValue::new("Accept", "application/json")],
                ..get("/echo")
            },
            server_status: 200,
            browser_status: 200,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::Environment;
    use crate::prepare::prepare;
    use std::collections::HashSet;

    const BASES: [(&str, &str); 4] = [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("https://host.test/sub", "https://host.test/sub/"),
        (" https://host.test/sub/ ", "https://host.test/sub/"),
    ];

    #[test]
    fn ids_are_unique_kebab_case_and_in_gallery_order() {
        let examples = gallery(BASES[0].0);
        let ids: Vec<&str> = examples.iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            [
                "get-query",
                "post-form",
                "post-json",
                "upload-file",
                "basic-auth",
                "redirect-followed",
                "redirect-manual",
                "user-agent",
                "stream",
                "status-418",
                "reqbin-echo"
            ]
        );
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
        for id in ids {
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id}"
            );
        }
    }

    #[test]
    fn every_url_starts_with_the_base_and_every_request_prepares() {
        for (base, prefix) in BASES {
            for example in gallery(base) {
                assert!(
                    example.request.url.starts_with(prefix),
                    "{}: {} does not start with {prefix}",
                    example.id,
                    example.request.url
                );
                let prepared = prepare(&example.request, &Environment::default());
                assert!(prepared.is_ok(), "{}: {prepared:?}", example.id);
                assert!(example.about.ends_with('.'), "{}: one sentence", example.id);
            }
        }
    }

    #[test]
    fn the_query_table_matches_the_url() {
        for example in gallery(BASES[0].0) {
            let rebuilt =
                crate::edit::query::url_with_query(&example.request.url, &example.request.query);
            if !example.request.query.is_empty() {
                assert_eq!(rebuilt, example.request.url, "{}", example.id);
            }
            assert_eq!(
                crate::edit::query::query_from_url(&example.request.url, &[]),
                example.request.query,
                "{}",
                example.id
            );
        }
    }

    #[test]
    fn only_redirects_differ_between_server_and_browser() {
        let differing: Vec<(&str, u16, u16)> = gallery(BASES[0].0)
            .iter()
            .filter(|e| e.server_status != e.browser_status)
            .map(|e| (e.id, e.server_status, e.browser_status))
            .collect();
        assert_eq!(
            differing,
            [("redirect-followed", 302, 200), ("redirect-manual", 302, 0)]
        );
    }
}
