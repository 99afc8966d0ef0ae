//! The `reqlab` binary end to end: request files and stdin in, the same snippets as the golden files out,
//! and clear messages with exit status 2 on bad input.

mod support;

use std::path::PathBuf;
use support::reqlab;

fn core_tests() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests")
}

#[test]
fn snippet_from_a_file_equals_the_golden_file() {
    let fixture = core_tests().join("fixtures/requests/post_json.json");
    for (target, ext) in [("shell-curl", "sh"), ("python-requests", "py")] {
        let out = reqlab(
            &[
                "snippet",
                "--target",
                target,
                fixture.to_str().expect("UTF-8 path"),
            ],
            "",
        );
        assert!(
            out.status.success(),
            "{target}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let golden =
            std::fs::read_to_string(core_tests().join(format!("golden/{target}/post_json.{ext}")))
                .expect("golden file");
        assert_eq!(String::from_utf8_lossy(&out.stdout), golden);
    }
}

#[test]
fn snippet_reads_stdin_and_prints_warnings_on_stderr() {
    let request = r#"{"method":"GET","url":"http://h/","headers":[{"key":"A","value":"1"},{"key":"a","value":"2"}]}"#;
    let out = reqlab(&["snippet", "--target", "python-requests", "-"], request);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"A\": \"1, 2\""), "stdout: {stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning: Python requests sends one \"A\" header"),
        "stderr: {stderr}"
    );
}

#[test]
fn bad_input_exits_2_with_a_message_naming_the_problem() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["snippet", "--target", "cobol", "-"],
            "{}",
            "Unknown snippet target \"cobol\"",
        ),
        (
            &["snippet", "--target", "shell-curl", "-"],
            "{\"url\": 5",
            "not a reqlab request JSON (line 1, column",
        ),
        (
            &["snippet", "--target", "shell-curl", "-"],
            r#"{"url":"ftp://x/"}"#,
            "The scheme \"ftp\" cannot be sent",
        ),
        (
            &["snippet", "--target", "shell-curl", "/no/such/file.json"],
            "",
            "cannot read /no/such/file.json",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = reqlab(args, stdin);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(expected),
            "args {args:?}: stderr {stderr:?}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn targets_lists_every_id() {
    let out = reqlab(&["targets"], "");
    assert!(out.status.success());
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let expected: Vec<&str> = reqlab_core::snippet::TARGETS.iter().map(|t| t.id).collect();
    assert_eq!(ids, expected);
}

fn har_fixture(name: &str) -> String {
    core_tests()
        .join("fixtures/har")
        .join(name)
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

#[test]
fn snippet_reads_a_har_entry_and_warns_about_dropped_headers() {
    let out = reqlab(
        &[
            "snippet",
            "--target",
            "shell-curl",
            &har_fixture("firefox_put_xml_entry.json"),
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(
            "curl --request PUT \\\n    --url 'https://dav.example.org/files/notes/todo.xml'"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("--header 'Cookie: dav_session=r2d2'"),
        "{stdout}"
    );
    assert!(!stdout.contains("Content-Length"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "warning: Left out Host, Content-Length, TE: the client computes them from the request itself.\n"
    );
}

#[test]
fn a_har_log_with_several_entries_needs_entry() {
    let log = har_fixture("chrome_multipart_upload.har");
    let out = reqlab(&["snippet", "--target", "shell-curl", &log], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the HAR log has 2 entries; choose one with --entry N:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  2. POST https://app.example.com/upload -> 303"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let out = reqlab(
        &["snippet", "--target", "shell-curl", "--entry", "2", &log],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("--form-string 'title=Holiday photos; day 1'"),
        "{stdout}"
    );
    assert!(
        stdout.contains("--form 'photo=@\"beach \\\"sunset\\\".png\";type=image/png'"),
        "{stdout}"
    );

    for (entry, message) in [
        ("0", "--entry takes an entry number from 1"),
        ("9", "There is no entry 9"),
    ] {
        let out = reqlab(
            &["snippet", "--target", "shell-curl", "--entry", entry, &log],
            "",
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{entry}"
        );
    }
}

#[test]
fn har_from_stdin_with_a_wrong_field_names_it() {
    let out = reqlab(
        &["snippet", "--target", "shell-curl", "-"],
        r#"{"log": {"entries": [{"request": {"method": "GET", "url": 7}}]}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reqlab: standard input: `log.entries[0].request.url` should be a string, but it is a number.\n"
    );
}

#[test]
fn a_header_value_outside_ascii_converts_to_a_snippet_sending_utf8() {
    let out = reqlab(
        &["convert", "--to", "python-requests", "-"],
        "curl -H 'X-Note: café ✓' https://api.example.com/notes",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(code.contains("café ✓"), "{code}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("sends the value of \"X-Note\" as UTF-8 bytes, as curl does"),
        "{stderr}"
    );
}

#[test]
fn from_curl_prints_request_json_and_warnings() {
    let out = reqlab(
        &["from-curl", "-"],
        "curl -sS -X POST https://api.example.com/v1/items -H 'Content-Type: application/json' -d '{\"a\":1}' -k | jq .",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let request: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(request["method"], "POST");
    assert_eq!(request["url"], "https://api.example.com/v1/items");
    assert_eq!(request["body"]["mode"], "raw");
    assert_eq!(request["body"]["language"], "json");
    assert_eq!(request["body"]["text"], "{\"a\":1}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: Ignored `| jq .`"), "{stderr}");
    assert!(
        stderr.contains("warning: Ignored -k: browsers always check certificates"),
        "{stderr}"
    );
}

#[test]
fn convert_turns_a_curl_command_into_a_snippet() {
    let out = reqlab(
        &["convert", "--to", "python-requests", "-"],
        "curl.exe `\n  -u 'me:secret' `\n  'https://h.example/x?q=1'",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("auth=(\"me\", \"secret\")"), "{stdout}");
    assert!(stdout.contains("https://h.example/x"), "{stdout}");
}

#[test]
fn bad_curl_input_exits_2() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["from-curl", "-"],
            "wget http://h/",
            "No curl command found",
        ),
        (
            &["from-curl", "-"],
            "curl 'http://h/",
            "single quote opened on line 1 is never closed",
        ),
        (
            &["from-curl", "--shell", "fish", "-"],
            "curl http://h/",
            "unknown shell \"fish\"",
        ),
        (&["convert", "-"], "curl http://h/", "convert needs --to ID"),
    ];
    for (args, stdin, expected) in cases {
        let out = reqlab(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

fn postman_fixture(name: &str) -> String {
    core_tests()
        .join(format!("fixtures/postman/{name}.postman_collection.json"))
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

#[test]
fn from_postman_prints_the_collection_and_warnings() {
    let out = reqlab(&["from-postman", &postman_fixture("users_api")], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let collection: reqlab_core::Collection =
        serde_json::from_slice(&out.stdout).expect("stdout is reqlab collection JSON");
    assert_eq!(collection.name, "Users API");
    let paths: Vec<String> = collection.requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths.len(), 5);
    assert_eq!(paths[3], "Users/Admin/Reset password");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "warning: The collection: the test script is left out: reqlab does not run scripts.\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: Users/Create user: the pre-request script is left out"),
        "{stderr}"
    );

    // Standard input, and a field of the wrong type named by its path.
    let out = reqlab(
        &["from-postman"],
        r#"{"info": {"name": "c"}, "item": [{"name": "r", "request": {"url": "http://h/", "method": 1}}]}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reqlab: standard input: `item[0].request.method` should be a string, but it is a number.\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn snippet_picks_a_collection_request_with_item_and_uses_the_collection_variables() {
    let users = postman_fixture("users_api");
    let out = reqlab(&["snippet", "--target", "shell-curl", &users], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the Postman collection has 5 requests; choose one with --item PATH:\n  Users/List users\n  Users/Create user\n"
        ),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let out = reqlab(
        &[
            "snippet",
            "--target",
            "shell-curl",
            "--item",
            "Users/Get user",
            &users,
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "curl --url 'https://api.example.com/v1/users/42' \\\n    --location \\\n    --header 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig'\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("Create user"),
        "only the warnings about this request, its folders and the whole collection: {stderr}"
    );

    // A variable from a Postman environment that is not in the export stops the snippet, and says why.
    let out = reqlab(
        &[
            "snippet",
            "-t",
            "shell-curl",
            "-i",
            "Users/Admin/Reset password",
            &users,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Unknown variable: {{adminPassword}}"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let cases: [(&[&str], &str); 2] = [
        (
            &["snippet", "-t", "shell-curl", "--item", "Users/Nope", &users],
            "the Postman collection has no request \"Users/Nope\"; its requests are:\n  Users/List users",
        ),
        (
            &["snippet", "-t", "shell-curl", "--item", "Users/List users", "-"],
            "--item applies to Postman collections only",
        ),
    ];
    for (args, expected) in cases {
        let out = reqlab(args, r#"{"url": "http://h/"}"#);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn share_link_puts_the_request_in_the_fragment_without_its_secrets() {
    let request = r#"{"method": "GET", "url": "https://api.example.com/x?token=abc&page=2",
        "query": [{"enabled": true, "key": "token", "value": "abc"}, {"enabled": true, "key": "page", "value": "2"}],
        "headers": [{"enabled": true, "key": "Authorization", "value": "Bearer zzz"}]}"#;
    let out = reqlab(
        &["share-link", "--base", "https://u.github.io/reqlab/", "-"],
        request,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        link.starts_with("https://u.github.io/reqlab/#r=1."),
        "{link}"
    );
    let shared = opened(&link).request;
    assert_eq!(shared.query[0].value, "");
    assert_eq!(shared.query[1].value, "2");
    assert_eq!(shared.headers[0].value, "");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("left out of the link: header Authorization"),
        "{stderr}"
    );
    assert!(
        stderr.contains("left out of the link: query parameter token"),
        "{stderr}"
    );

    let out = reqlab(
        &["share-link", "--secrets", "include", "--view", "embed", "-"],
        request,
    );
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(link.ends_with("&embed=1"), "{link}");
    let shared = opened(&link).request;
    assert_eq!(shared.headers[0].value, "Bearer zzz");
    let out = reqlab(&["share-link", "--secrets", "maybe", "-"], request);
    assert_eq!(out.status.code(), Some(2));
}

/// What a printed link opens.
fn opened(link: &str) -> reqlab_core::share::Shared {
    let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
    reqlab_core::share::decode(fragment).expect("the link decodes")
}

#[test]
fn share_link_of_a_collection_request_carries_the_collection_variables_it_uses() {
    use reqlab_core::KeyValue;
    let collection = postman_fixture("users_api");
    let link = |extra: &[&str]| {
        let mut args = vec!["share-link", "--item", "Users/Get user"];
        args.extend_from_slice(extra);
        args.push(&collection);
        let out = reqlab(&args, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            stderr,
        )
    };
    let (plain, stderr) = link(&[]);
    let shared = opened(&plain);
    assert_eq!(shared.request.url, "{{baseUrl}}/users/:id");
    // The collection's bearer token is left out, and so is the variable only it used.
    assert_eq!(
        shared.variables,
        [KeyValue::new("baseUrl", "https://api.example.com/v1")]
    );
    assert!(
        stderr.contains("left out of the link: Bearer token"),
        "{stderr}"
    );
    let (secret, stderr) = link(&["--secrets", "include"]);
    let shared = opened(&secret);
    assert_eq!(
        shared.variables,
        [
            KeyValue::new("baseUrl", "https://api.example.com/v1"),
            KeyValue::new("token", "eyJhbGciOiJIUzI1NiJ9.e30.sig"),
        ]
    );
    assert!(
        stderr.contains("the link holds the request's secrets"),
        "{stderr}"
    );
}

/// reqlab-echo's own description: a real document whose paths the echo tests keep true to the server.
fn echo_description() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../echo/openapi/reqlab-echo.yaml")
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

/// `(METHOD, path)` of every operation in reqlab-echo's description, read from its JSON twin.
fn echo_operations() -> Vec<(String, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../echo/openapi/reqlab-echo.json");
    let text = std::fs::read_to_string(path).expect("the JSON description");
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut out = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            if item.get(method).is_some() {
                out.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

#[test]
fn from_openapi_prints_one_request_per_operation_with_the_server_as_variables() {
    let spec = echo_description();
    let out = reqlab(
        &[
            "from-openapi",
            "--base",
            "http://127.0.0.1:8080/openapi.json",
            &spec,
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // Notes about the import may come (a body with a second media type), never one about the server.
    assert!(!stderr.contains("relative"), "{stderr}");
    assert!(
        stderr.lines().all(|l| l.starts_with("warning: ")),
        "{stderr}"
    );
    let collection: reqlab_core::Collection =
        serde_json::from_slice(&out.stdout).expect("stdout is reqlab collection JSON");
    assert_eq!(collection.name, "reqlab-echo");
    let requests = collection.requests();
    assert_eq!(requests.len(), echo_operations().len());
    assert!(requests.len() >= 17);
    let env = collection.environment();
    let base = env
        .variables
        .iter()
        .find(|v| v.key == "baseUrl")
        .expect("a baseUrl variable");
    assert_eq!(base.value.trim_end_matches('/'), "http://127.0.0.1:8080");
    let mut methods: Vec<String> = requests.iter().map(|(_, r)| r.method.to_string()).collect();
    let mut expected: Vec<String> = echo_operations().into_iter().map(|(m, _)| m).collect();
    methods.sort();
    expected.sort();
    assert_eq!(methods, expected);

    // Standard input works the same; without --base the relative server URL is pointed out.
    let text = std::fs::read_to_string(&spec).expect("the YAML description");
    let out = reqlab(&["from-openapi", "-"], &text);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning: server 0's URL \"/\" is relative to the document's address"),
        "{stderr}"
    );
}

#[test]
fn a_server_out_of_range_fails_and_lists_the_servers() {
    for command in [
        vec!["from-openapi", "--server", "1"],
        vec![
            "snippet",
            "--target",
            "shell-curl",
            "--operation",
            "echoAnything",
            "--server",
            "1",
            "--openapi",
        ],
    ] {
        let spec = echo_description();
        let mut args = command.clone();
        args.push(&spec);
        let out = reqlab(&args, "");
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "reqlab: {spec}: --server 1 is out of range: the document lists 1 server, numbered \
                 from 0:\n  0  /  (this reqlab-echo)\n"
            )
        );
    }
    let out = reqlab(&["from-openapi", "--server", "first", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--server takes a server number from 0"));
}

#[test]
fn snippet_for_an_operation_carries_its_examples() {
    let spec = echo_description();
    let base = "http://127.0.0.1:8080/openapi.json";
    let out = reqlab(
        &[
            "snippet",
            "--openapi",
            &spec,
            "--operation",
            "echoAnything",
            "--target",
            "shell-curl",
            "--base",
            base,
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(
        code.contains("http://127.0.0.1:8080/anything/42"),
        "the path parameter's example: {code}"
    );
    assert!(code.contains("X-Request-Id: req-7f3a"), "{code}");
    assert!(code.contains("\"item\""), "the JSON body: {code}");
    assert!(code.contains("coffee beans"), "the JSON body: {code}");

    // METHOD /path names an operation too.
    let out = reqlab(
        &[
            "snippet",
            "--openapi",
            &spec,
            "--operation",
            "GET /uuid",
            "--target",
            "python-requests",
            "--base",
            base,
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("http://127.0.0.1:8080/uuid"));

    // A description holds no credentials: the snippet shows where they go, and says so.
    let out = reqlab(
        &[
            "snippet",
            "--openapi",
            &spec,
            "--operation",
            "bearerAuth",
            "--target",
            "shell-curl",
            "--base",
            base,
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Authorization: Bearer YOUR_TOKEN"));
    assert!(
        stderr
            .contains("warning: the operation asks for a Bearer token: the snippet has YOUR_TOKEN"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_operation_lists_close_keys() {
    let spec = echo_description();
    let out = reqlab(
        &[
            "snippet",
            "--openapi",
            &spec,
            "--operation",
            "echoAnythin",
            "--target",
            "shell-curl",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("reqlab: {spec}: no operation \"echoAnythin\"")),
        "{stderr}"
    );
    let first = stderr.lines().nth(1).unwrap_or_default();
    assert_eq!(first, "  echoAnything  (POST /anything/{id})", "{stderr}");

    // --operation without --openapi is a mistake, said as such.
    let out = reqlab(
        &["snippet", "--target", "shell-curl", "--operation", "x", "-"],
        "{}",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("apply to --openapi SPEC only"));
}

fn openapi_fixture(name: &str) -> String {
    core_tests()
        .join(format!("fixtures/openapi/{name}"))
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

#[test]
fn from_openapi_reads_real_descriptions_one_request_per_operation() {
    for (name, base_url) in [
        (
            "oai-v3.0-petstore-expanded.yaml",
            "https://petstore.swagger.io/v2",
        ),
        // A server variable (`{scheme}`) takes its default.
        ("oai-v3.0-uspto.yaml", "https://developer.uspto.gov/ds-api"),
        ("oai-v2.0-petstore.yaml", "http://petstore.swagger.io/v1"),
    ] {
        let spec = openapi_fixture(name);
        let text = std::fs::read_to_string(&spec).expect("fixture");
        let api = reqlab_core::import::openapi::read(&text).expect("the fixture reads");
        let out = reqlab(&["from-openapi", &spec], "");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        let collection: reqlab_core::Collection =
            serde_json::from_slice(&out.stdout).expect("stdout is reqlab collection JSON");
        assert_eq!(
            collection.requests().len(),
            api.summary.operations.len(),
            "{name}"
        );
        assert!(!collection.requests().is_empty(), "{name}");
        let env = collection.environment();
        assert_eq!(env.lookup("baseUrl"), Some(base_url), "{name}");
    }
}
