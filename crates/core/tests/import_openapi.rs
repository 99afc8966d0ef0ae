//! The OpenAPI reader against real public descriptions (see fixtures/openapi/SOURCES.md): every version and
//! format reads, lists exactly the operations the document has (counted here by walking `paths` with an
//! independent parser), documents and makes a request for each, and a few requests are checked field by
//! field against what the documents say. Then hostile documents: each refused quickly, with its sentence.

use reqlab_core::edit::model::{
    ApiKeyLocation, Auth, Body, KeyValue, Method, PartValue, RawLanguage,
};
use reqlab_core::import::openapi::{self, Api, Limits, OpenApiError, ServerChoice};
use serde_json::Value;
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if name.ends_with(".gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .expect("gzip fixture decompresses");
        text
    } else {
        String::from_utf8(bytes).expect("fixture is UTF-8")
    }
}

/// The raw document, read by serde_json or serde_yaml (not by the reader under test).
fn raw(name: &str, text: &str) -> Value {
    if name.contains(".json") {
        serde_json::from_str(text).expect("fixture is JSON")
    } else {
        serde_yaml::from_str(text).expect("fixture is YAML")
    }
}

/// Path-and-method pairs in `paths`, path-item `$ref`s followed.
fn count_operations(root: &Value) -> usize {
    let Some(Value::Object(paths)) = root.get("paths") else {
        return 0;
    };
    paths
        .values()
        .map(|item| {
            let mut item = item;
            while let Some(reference) = item.get("$ref").and_then(Value::as_str) {
                item = root
                    .pointer(reference.trim_start_matches('#'))
                    .expect("path-item reference resolves");
            }
            item.as_object()
                .map(|ops| ops.keys().filter(|k| METHODS.contains(&k.as_str())).count())
                .unwrap_or(0)
        })
        .sum()
}

/// Reads a fixture and checks what holds for every document: the count, each operation documented and
/// made into a request, the collection with a request and an origin per operation.
fn check(name: &str, spec_version: &str) -> Api {
    let text = fixture(name);
    let expected = count_operations(&raw(name, &text));
    let api = openapi::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(api.summary.spec_version, spec_version, "{name}");
    assert_eq!(api.summary.operations.len(), expected, "{name}: operations");
    assert!(expected > 0, "{name} has operations");
    let keys: HashSet<&str> = api
        .summary
        .operations
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(keys.len(), expected, "{name}: keys are unique");
    let choice = ServerChoice::default();
    for op in &api.summary.operations {
        let doc = api
            .operation(&op.key)
            .unwrap_or_else(|| panic!("{name}: {} documented", op.key));
        assert_eq!(doc.summary.path, op.path);
        let made = api
            .request(&op.key, &choice)
            .unwrap_or_else(|| panic!("{name}: {} made", op.key));
        assert_eq!(made.request.method.as_str(), op.method);
        assert!(
            made.request.url.starts_with("{{baseUrl}}"),
            "{}",
            made.request.url
        );
    }
    let imported = api.collection(&choice);
    let collection = &imported.collection;
    assert_eq!(collection.requests().len(), expected, "{name}: requests");
    assert_eq!(collection.origins.len(), expected, "{name}: origins");
    for (path, origin) in &collection.origins {
        assert!(
            collection.find(path).is_some(),
            "{name}: origin path {path}"
        );
        assert!(
            keys.contains(origin.key.as_str()),
            "{name}: origin key {}",
            origin.key
        );
    }
    assert_eq!(collection.name, api.summary.title);
    api
}

fn row(key: &str, value: &str, enabled: bool) -> KeyValue {
    KeyValue {
        enabled,
        ..KeyValue::new(key, value)
    }
}

fn server(index: usize, variables: &[(&str, &str)]) -> ServerChoice {
    ServerChoice {
        index,
        variables: variables
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        base: String::new(),
    }
}

#[test]
fn swagger_2_json_petstore_expanded() {
    let api = check("oai-v2.0-petstore-expanded.json", "2.0");
    let keys: Vec<&str> = api
        .summary
        .operations
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(keys, ["findPets", "addPet", "find pet by id", "deletePet"]);
    let env = api.environment(&ServerChoice::default());
    assert_eq!(
        env.lookup("baseUrl"),
        Some("http://petstore.swagger.io/api")
    );

    let find = api
        .request("findPets", &ServerChoice::default())
        .expect("findPets");
    // Both query parameters are optional and the document gives no values: offered, switched off.
    assert_eq!(find.request.url, "{{baseUrl}}/pets");
    assert_eq!(
        find.request.query,
        [row("tags", "", false), row("limit", "", false)]
    );
    let doc = api.operation("findPets").expect("doc");
    assert_eq!(
        (doc.parameters[0].style.as_str(), doc.parameters[0].explode),
        ("form", false)
    );

    let add = api
        .request("addPet", &ServerChoice::default())
        .expect("addPet");
    assert_eq!(add.request.method, Method::Post);
    let Body::Raw { language, text } = &add.request.body else {
        panic!("JSON body expected: {:?}", add.request.body);
    };
    assert_eq!(*language, RawLanguage::Json);
    let body: Value = serde_json::from_str(text).expect("body is JSON");
    assert_eq!(body, serde_json::json!({"name": "string", "tag": "string"}));
    assert!(
        add.request.headers.is_empty(),
        "application/json needs no header row"
    );

    let delete = api
        .request("deletePet", &ServerChoice::default())
        .expect("deletePet");
    assert_eq!(delete.request.url, "{{baseUrl}}/pets/{id}");
    assert_eq!(delete.request.path_variables, [KeyValue::new("id", "")]);

    // The Pet schema is NewPet and an `id` merged through allOf.
    let found = api.operation("find pet by id").expect("find pet by id");
    let ok = found
        .responses
        .iter()
        .find(|r| r.status == "200")
        .expect("200");
    let pet = &ok.contents[0].schema;
    assert_eq!(pet.name, "Pet");
    let props: Vec<(&str, bool)> = pet
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.required))
        .collect();
    // NewPet's properties first, then the second part's `id`: allOf in its order.
    assert_eq!(props, [("name", true), ("tag", false), ("id", true)]);
}

#[test]
fn swagger_2_yaml_uber() {
    let api = check("oai-v2.0-uber.yaml", "2.0");
    assert_eq!(api.summary.title, "Uber API");
    let keys: Vec<&str> = api
        .summary
        .operations
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "GET /products",
            "GET /estimates/price",
            "GET /estimates/time",
            "GET /me",
            "GET /history"
        ]
    );
    let tags: Vec<&str> = api.summary.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["Products", "Estimates", "User"]);
    let env = api.environment(&ServerChoice::default());
    assert_eq!(env.lookup("baseUrl"), Some("https://api.uber.com/v1"));
    let products = api
        .request("GET /products", &ServerChoice::default())
        .expect("products");
    assert_eq!(
        products.request.auth,
        Auth::ApiKey {
            name: "server_token".into(),
            value: String::new(),
            location: ApiKeyLocation::Query
        }
    );
    // Required, without values in the document: switched on, to be filled.
    assert_eq!(
        products.request.query,
        [row("latitude", "", true), row("longitude", "", true)]
    );
    let collection = api.collection(&ServerChoice::default()).collection;
    let paths: Vec<String> = collection.requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths[0], "Products/Product Types");
    assert!(paths.iter().any(|p| p == "User/User Profile"), "{paths:?}");
}

#[test]
fn openapi_3_0_json_and_yaml_uspto_read_the_same() {
    let json = check("oai-v3.0-uspto.json", "3.0.1");
    let yaml = check("oai-v3.0-uspto.yaml", "3.0.1");
    assert_eq!(json.document, yaml.document);
    assert_eq!(json.summary, yaml.summary);

    let env = json.environment(&ServerChoice::default());
    assert_eq!(
        env.lookup("baseUrl"),
        Some("https://developer.uspto.gov/ds-api")
    );
    assert_eq!(env.lookup("scheme"), Some("https"));
    let http = json.environment(&server(0, &[("scheme", "http")]));
    assert_eq!(
        http.lookup("baseUrl"),
        Some("http://developer.uspto.gov/ds-api")
    );

    let search = json
        .request("perform-search", &ServerChoice::default())
        .expect("search");
    assert_eq!(search.request.method, Method::Post);
    assert_eq!(
        search.request.url,
        "{{baseUrl}}/{dataset}/{version}/records"
    );
    // In the URL's order, with the schemas' defaults.
    assert_eq!(
        search.request.path_variables,
        [
            KeyValue::new("dataset", "oa_citations"),
            KeyValue::new("version", "v1")
        ]
    );
    assert_eq!(
        search.request.body,
        Body::UrlEncoded {
            fields: vec![
                KeyValue::new("criteria", "*:*"),
                KeyValue::new("start", "0"),
                KeyValue::new("rows", "100"),
            ]
        }
    );
    let doc = json.operation("perform-search").expect("doc");
    let body = doc.body.expect("body");
    assert!(
        body.contents[0].generated,
        "made from the schema's defaults"
    );
}

#[test]
fn openapi_3_0_yaml_examples_callbacks_links() {
    let api = check("oai-v3.0-api-with-examples.yaml", "3.0.0");
    let versions = api.operation("listVersionsv2").expect("listVersionsv2");
    let ok = versions
        .responses
        .iter()
        .find(|r| r.status == "200")
        .expect("200");
    let example = ok.contents[0].example.as_ref().expect("example given");
    assert!(!ok.contents[0].generated);
    assert_eq!(example["versions"][0]["id"], "v2.0");

    let callbacks = check("oai-v3.0-callback-example.yaml", "3.0.0");
    let subscribe = &callbacks.summary.operations[0];
    let doc = callbacks.operation(&subscribe.key).expect("subscribe");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("callbacks (onData)")),
        "{:?}",
        doc.warnings
    );
    let made = callbacks
        .request(&subscribe.key, &ServerChoice::default())
        .expect("made");
    assert_eq!(subscribe.key, "POST /streams");
    // The schema's example fills the required query parameter.
    assert_eq!(
        made.request.query,
        [row("callbackUrl", "https://tonys-server.com", true)]
    );
    assert_eq!(
        made.request.url,
        "{{baseUrl}}/streams?callbackUrl=https://tonys-server.com"
    );

    let links = check("oai-v3.0-link-example.yaml", "3.0.0");
    let merge = links
        .request("mergePullRequest", &ServerChoice::default())
        .expect("merge");
    assert_eq!(
        merge.request.url,
        "{{baseUrl}}/2.0/repositories/{username}/{slug}/pullrequests/{pid}/merge"
    );
    let names: Vec<&str> = merge
        .request
        .path_variables
        .iter()
        .map(|v| v.key.as_str())
        .collect();
    assert_eq!(names, ["username", "slug", "pid"]);
    // No servers: requests go to the document's own host.
    let env = links.environment(&ServerChoice {
        base: "https://docs.example.com/specs/link.yaml".into(),
        ..ServerChoice::default()
    });
    assert_eq!(env.lookup("baseUrl"), Some("https://docs.example.com"));
}

#[test]
fn openapi_3_1_yaml_scalar_galaxy() {
    let api = check("scalar-galaxy-3.1.yaml", "3.1.1");
    assert!(
        api.summary
            .warnings
            .iter()
            .any(|w| w.contains("webhooks (newPlanet)")),
        "{:?}",
        api.summary.warnings
    );
    assert_eq!(api.summary.servers.len(), 2);
    let void = api.environment(&server(1, &[]));
    assert_eq!(void.lookup("baseUrl"), Some("https://void.scalar.com"));
    let void = api.environment(&server(1, &[("protocol", "http"), ("path", "echo")]));
    assert_eq!(void.lookup("baseUrl"), Some("http://void.scalar.com/echo"));
    assert_eq!(void.lookup("path"), Some("echo"));

    let planet = api
        .request("getPlanet", &ServerChoice::default())
        .expect("getPlanet");
    assert_eq!(planet.request.url, "{{baseUrl}}/planets/{planetId}");
    // 3.1's `examples` list in the schema.
    assert_eq!(
        planet.request.path_variables,
        [KeyValue::new("planetId", "1")]
    );
    assert_eq!(planet.request.auth, Auth::None, "security: [] means none");

    let all = api
        .request("getAllData", &ServerChoice::default())
        .expect("getAllData");
    assert_eq!(all.request.url, "{{baseUrl}}/planets?limit=10&offset=0");
    assert_eq!(
        all.request.query,
        [row("limit", "10", true), row("offset", "0", true)]
    );

    let upload = api
        .request("uploadImage", &ServerChoice::default())
        .expect("uploadImage");
    let Body::Multipart { parts } = &upload.request.body else {
        panic!("multipart expected: {:?}", upload.request.body);
    };
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "image");
    assert_eq!(parts[0].value, PartValue::File { file: None });
    assert!(upload
        .warnings
        .iter()
        .any(|w| w.contains("\"image\" is a file")));
    // The document's default security: its first requirement, bearer.
    assert_eq!(
        upload.request.auth,
        Auth::Bearer {
            token: String::new()
        }
    );

    let me = api
        .request("getMe", &ServerChoice::default())
        .expect("getMe");
    assert_eq!(
        me.request.auth,
        Auth::Basic {
            username: String::new(),
            password: String::new()
        }
    );
    let oauth = api
        .summary
        .security_schemes
        .iter()
        .find(|s| s.name == "oAuth2")
        .expect("oAuth2");
    assert!(
        oauth.note.contains("set up in the Auth tab"),
        "{}",
        oauth.note
    );

    let create = api
        .request("createPlanet", &ServerChoice::default())
        .expect("createPlanet");
    let Body::Raw { language, text } = &create.request.body else {
        panic!("JSON body expected: {:?}", create.request.body);
    };
    assert_eq!(*language, RawLanguage::Json);
    let body: Value = serde_json::from_str(text).expect("JSON");
    assert!(body.get("name").is_some(), "{text}");
    assert!(create
        .warnings
        .iter()
        .any(|w| w.contains("application/xml")));
}

#[test]
fn openapi_3_1_yaml_non_oauth_scopes() {
    let api = check("oai-v3.1-non-oauth-scopes.yaml", "3.1.0");
    let users = api
        .request("GET /users", &ServerChoice::default())
        .expect("users");
    assert_eq!(
        users.request.auth,
        Auth::Bearer {
            token: String::new()
        }
    );
    assert_eq!(
        api.operation("GET /users").expect("doc").security,
        ["bearerAuth"]
    );
}

#[test]
fn github_rest_description_reads_quickly_and_completely() {
    let text = fixture("github-api.github.com.json.gz");
    let started = Instant::now();
    let api = openapi::read(&text).expect("reads");
    let elapsed = started.elapsed();
    println!(
        "GitHub REST description: {} bytes, {} operations read in {:?}",
        text.len(),
        api.summary.operations.len(),
        elapsed
    );
    let expected = count_operations(&raw("x.json", &text));
    assert_eq!(api.summary.operations.len(), expected);
    assert!(expected > 1000, "{expected}");
    let env = api.environment(&ServerChoice::default());
    assert_eq!(env.lookup("baseUrl"), Some("https://api.github.com"));

    let repo = api
        .request("repos/get", &ServerChoice::default())
        .expect("repos/get");
    assert_eq!(repo.request.url, "{{baseUrl}}/repos/{owner}/{repo}");
    let names: Vec<&str> = repo
        .request
        .path_variables
        .iter()
        .map(|v| v.key.as_str())
        .collect();
    assert_eq!(names, ["owner", "repo"]);

    let list = api
        .request("issues/list-for-repo", &ServerChoice::default())
        .expect("list");
    let state = list
        .request
        .query
        .iter()
        .find(|r| r.key == "state")
        .expect("state");
    assert_eq!((state.value.as_str(), state.enabled), ("open", true));
    let creator = list
        .request
        .query
        .iter()
        .find(|r| r.key == "creator")
        .expect("creator");
    assert_eq!((creator.value.as_str(), creator.enabled), ("", false));
    assert!(
        list.request.url.contains("per_page=30"),
        "{}",
        list.request.url
    );

    let create = api
        .request("issues/create", &ServerChoice::default())
        .expect("create");
    let Body::Raw { text, .. } = &create.request.body else {
        panic!("JSON body expected");
    };
    let body: Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(body["title"], "Found a bug");
    // The example's keys as the document writes them, not sorted.
    assert!(
        text.starts_with("{\n  \"title\": \"Found a bug\",\n  \"body\""),
        "{text}"
    );

    let documented = api.operation("issues/create").expect("documented");
    let example = documented.body.expect("body").contents[0]
        .example
        .clone()
        .expect("example");
    assert_eq!(api.example_text(&example), *text);

    let started = Instant::now();
    let collection = api.collection(&ServerChoice::default());
    println!("GitHub collection: {:?}", started.elapsed());
    assert_eq!(collection.collection.requests().len(), expected);
    assert_eq!(collection.collection.origins.len(), expected);

    let started = Instant::now();
    for op in &api.summary.operations {
        assert!(api.operation(&op.key).is_some());
    }
    println!(
        "GitHub: every operation documented in {:?}",
        started.elapsed()
    );
}

#[test]
fn looks_like_openapi_sniffs_json_and_yaml() {
    let cases = [
        (fixture("oai-v3.0-uspto.json"), true),
        (fixture("oai-v2.0-uber.yaml"), true),
        (fixture("scalar-galaxy-3.1.yaml"), true),
        ("{\"info\": {}, \"item\": []}".to_string(), false),
        ("name: x\nversion: 2\n".to_string(), false),
        ("curl https://example.com".to_string(), false),
    ];
    for (text, expected) in cases {
        assert_eq!(
            openapi::looks_like_openapi(&text),
            expected,
            "{}",
            &text[..text.len().min(40)]
        );
    }
}

/// Reads with a time limit, so that a hang or blow-up fails instead of stalling the suite.
fn read_quickly(text: &str, limits: Limits) -> (Result<Api, OpenApiError>, Duration) {
    let started = Instant::now();
    let result = openapi::read_with(text, limits);
    (result, started.elapsed())
}

#[test]
fn billion_laughs_is_refused_quickly() {
    let mut doc =
        String::from("openapi: 3.0.0\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        doc.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let (result, elapsed) = read_quickly(&doc, Limits::default());
    let Err(error) = result else {
        panic!("billion laughs read");
    };
    assert_eq!(
        error,
        OpenApiError::TooManyValues {
            limit: Limits::default().max_nodes
        }
    );
    assert!(error.to_string().contains("YAML aliases"), "{error}");
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}

#[test]
fn hostile_documents_are_refused_with_a_sentence() {
    let deep_json = format!("{}{}", "[".repeat(300), "]".repeat(300));
    let deep_yaml = format!(
        "openapi: 3.0.0\nx: {}{}\n",
        "[".repeat(300),
        "]".repeat(300)
    );
    let limits = Limits::default();
    let small = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    let large = format!("openapi: 3.0.0\ninfo: {{title: '{}'}}\n", "x".repeat(200));
    let large_bytes = large.len();
    let cases: [(&str, String, Limits, OpenApiError, &str); 5] = [
        ("deep JSON", deep_json, limits, OpenApiError::TooDeep { limit: 256 }, "nests deeper than 256"),
        ("deep YAML", deep_yaml, limits, OpenApiError::TooDeep { limit: 255 }, "nests deeper"),
        (
            "too large",
            large,
            small,
            OpenApiError::TooLarge { bytes: large_bytes, limit: 100 },
            "descriptions up to 100 bytes",
        ),
        (
            "not OpenAPI",
            "{\"info\": {\"name\": \"a Postman collection\"}, \"item\": []}".into(),
            limits,
            OpenApiError::NotOpenApi(
                "The document is not an OpenAPI description: it has no `openapi` or `swagger` field."
                    .into(),
            ),
            "no `openapi`",
        ),
        (
            "OpenAPI 4",
            "openapi: 4.0.0\npaths: {}\n".into(),
            limits,
            OpenApiError::NotOpenApi(
                "OpenAPI 4.0.0 is not read: reqlab reads OpenAPI 3.0, 3.1 and Swagger 2.0.".into(),
            ),
            "4.0.0",
        ),
    ];
    for (name, text, limits, expected, words) in cases {
        let (result, elapsed) = read_quickly(&text, limits);
        let error = result.err().unwrap_or_else(|| panic!("{name} read"));
        assert_eq!(error, expected, "{name}");
        assert!(error.to_string().contains(words), "{name}: {error}");
        assert!(elapsed < Duration::from_secs(1), "{name}: {elapsed:?}");
    }
    let Err(OpenApiError::Syntax(message)) = openapi::read("openapi: 3.0.0\npaths:\n  /a: [\n")
    else {
        panic!("broken YAML read");
    };
    assert!(message.contains("line"), "{message}");
}

#[test]
fn reference_chains_and_self_references_end_with_a_warning() {
    let mut doc = String::from(
        "openapi: 3.0.3\ninfo: {title: refs, version: '1'}\npaths:\n  /chain:\n    get:\n      \
         operationId: chain\n      parameters:\n        - $ref: '#/components/parameters/p0'\n  /self:\n    \
         $ref: '#/paths/~1self'\n  /loop:\n    get:\n      operationId: loop\n      requestBody:\n        \
         content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Self'}\n\
         components:\n  schemas:\n    Self: {$ref: '#/components/schemas/Self'}\n  parameters:\n",
    );
    for i in 0..100 {
        doc.push_str(&format!(
            "    p{i}: {{$ref: '#/components/parameters/p{}'}}\n",
            i + 1
        ));
    }
    doc.push_str("    p100: {name: deep, in: query, schema: {type: string}}\n");
    let (result, elapsed) = read_quickly(&doc, Limits::default());
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    let api = result.expect("reads");
    assert!(
        api.summary
            .warnings
            .iter()
            .any(|w| w.contains("paths./self") && w.contains("refers to itself")),
        "{:?}",
        api.summary.warnings
    );
    let keys: Vec<&str> = api
        .summary
        .operations
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(keys, ["chain", "loop"]);
    let chain = api.operation("chain").expect("chain");
    assert!(chain.parameters.is_empty());
    assert!(
        chain
            .warnings
            .iter()
            .any(|w| w.contains("more than 64 references")),
        "{:?}",
        chain.warnings
    );
    let looped = api.request("loop", &ServerChoice::default()).expect("loop");
    assert!(
        looped
            .warnings
            .iter()
            .any(|w| w.contains("refers to itself")),
        "{:?}",
        looped.warnings
    );
}

#[test]
fn the_other_fixtures_read_completely() {
    let cases = [
        ("oai-v2.0-uber.json", "2.0"),
        ("oai-v2.0-petstore.yaml", "2.0"),
        ("oai-v2.0-api-with-examples.json", "2.0"),
        ("oai-v3.0-petstore-expanded.yaml", "3.0.0"),
    ];
    for (name, version) in cases {
        check(name, version);
    }
    // Swagger 2.0 without a host: the document's own.
    let examples = check("oai-v2.0-api-with-examples.json", "2.0");
    let base = ServerChoice {
        base: "https://docs.example.com/a/spec.json".into(),
        ..ServerChoice::default()
    };
    assert_eq!(
        examples.environment(&base).lookup("baseUrl"),
        Some("https://docs.example.com")
    );
    let details = examples.operation("getVersionDetailsv2").expect("details");
    let statuses: Vec<&str> = details
        .responses
        .iter()
        .map(|r| r.status.as_str())
        .collect();
    assert_eq!(statuses, ["200", "203"]);
    // An example without a schema, given as JSON text in a string.
    let media = &details.responses[1].contents[0];
    assert_eq!(media.media_type, "application/json");
    assert!(!media.generated);
    let text = media
        .example
        .as_ref()
        .and_then(Value::as_str)
        .expect("a string example");
    assert!(text.contains("\"status\": \"CURRENT\""), "{text}");

    let uber = check("oai-v2.0-uber.json", "2.0");
    let history = uber
        .request("GET /history", &ServerChoice::default())
        .expect("history");
    assert_eq!(
        history.request.query,
        [row("offset", "", false), row("limit", "", false)]
    );
    assert_eq!(history.request.auth, Auth::None);

    let expanded = check("oai-v3.0-petstore-expanded.yaml", "3.0.0");
    let find = expanded.operation("findPets").expect("findPets");
    // `style: form` given without `explode`: form explodes by default.
    assert_eq!(
        (
            find.parameters[0].style.as_str(),
            find.parameters[0].explode
        ),
        ("form", true)
    );
    let add = expanded
        .request("addPet", &ServerChoice::default())
        .expect("addPet");
    assert_eq!(
        add.request.body,
        Body::Raw {
            language: RawLanguage::Json,
            text: "{\n  \"name\": \"string\",\n  \"tag\": \"string\"\n}".into()
        }
    );
    assert_eq!(
        expanded
            .environment(&ServerChoice::default())
            .lookup("baseUrl"),
        Some("https://petstore.swagger.io/v2")
    );

    // Swagger 2.0 petstore: `limit` is an int32 query parameter, optional, without a value.
    let petstore = check("oai-v2.0-petstore.yaml", "2.0");
    let list = petstore
        .request("listPets", &ServerChoice::default())
        .expect("listPets");
    assert_eq!(list.request.query, [row("limit", "", false)]);
    assert_eq!(
        petstore
            .environment(&ServerChoice::default())
            .lookup("baseUrl"),
        Some("http://petstore.swagger.io/v1")
    );
}

#[test]
fn a_3_1_document_with_only_webhooks_lists_none_and_says_why() {
    let api = openapi::read(&fixture("oai-v3.1-webhook-example.yaml")).expect("reads");
    assert_eq!(api.summary.spec_version, "3.1.0");
    assert!(api.summary.operations.is_empty());
    assert_eq!(
        api.summary.warnings,
        ["webhooks (newPet) are requests the API sends, not operations to try; they are not listed."]
    );
    let imported = api.collection(&ServerChoice::default());
    assert!(imported.collection.items.is_empty());
}

#[test]
fn deep_block_yaml_and_deep_aliases_are_refused() {
    // Block style (not flow brackets): the reader's own depth check, not the YAML parser's.
    let mut deep = String::from("openapi: 3.0.0\nx:\n");
    for level in 1..300 {
        deep.push_str(&"  ".repeat(level));
        deep.push_str("a:\n");
    }
    deep.push_str(&"  ".repeat(300));
    deep.push_str("b: 1\n");
    let (result, elapsed) = read_quickly(&deep, Limits::default());
    assert_eq!(result.err(), Some(OpenApiError::TooDeep { limit: 256 }));
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");

    // Each alias alone is shallow enough; put inside each other they are not.
    let limits = Limits {
        max_depth: 10,
        ..Limits::default()
    };
    let nested = "openapi: 3.0.0\na: &a [[[[[1]]]]]\nb: [[[[[[*a]]]]]]\n";
    let (result, _) = read_quickly(nested, limits);
    assert_eq!(result.err(), Some(OpenApiError::TooDeep { limit: 10 }));
    let fits = "openapi: 3.0.0\na: &a [[[[[1]]]]]\nb: [*a]\n";
    assert!(read_quickly(fits, limits).0.is_ok());
}

#[test]
fn many_operations_with_one_name_and_many_tags_stay_linear() {
    let count = 5000;
    let mut doc =
        String::from("{\"swagger\": \"2.0\", \"info\": {\"title\": \"wide\"}, \"tags\": [");
    let tags: Vec<String> = (0..count)
        .map(|i| format!("{{\"name\": \"t{i}\"}}"))
        .collect();
    doc.push_str(&tags.join(","));
    doc.push_str("], \"paths\": {");
    // Paths written in reverse order: the listing must follow the text, not the sorted keys.
    let paths: Vec<String> = (0..count)
        .rev()
        .map(|i| format!("\"/p{i:05}\": {{\"get\": {{\"summary\": \"Same\"}}}}"))
        .collect();
    doc.push_str(&paths.join(","));
    doc.push_str("}}");
    let (result, elapsed) = read_quickly(&doc, Limits::default());
    let api = result.expect("reads");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert_eq!(api.summary.operations.len(), count);
    assert_eq!(
        api.summary.operations[0].path,
        format!("/p{:05}", count - 1)
    );
    assert_eq!(api.summary.tags.len(), count);
    let collection = api.collection(&ServerChoice::default()).collection;
    let names: HashSet<String> = collection.requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(names.len(), count, "request names are unique");
    assert!(names.contains("Same") && names.contains("Same (GET /p00000)"));
}

#[test]
fn keys_name_one_operation_each() {
    let doc = "openapi: 3.0.0\ninfo: {title: keys, version: '1'}\npaths:\n  /a:\n    get: {operationId: same}\n    \
               post: {operationId: same}\n    put: {operationId: GET /b}\n  /b:\n    get: {}\n    \
               delete: {operationId: DELETE /b}\n";
    let api = openapi::read(doc).expect("reads");
    let keys: Vec<&str> = api
        .summary
        .operations
        .iter()
        .map(|o| o.key.as_str())
        .collect();
    // Shared ids fall back to `METHOD /path`; an id spelled like another operation's key does too.
    assert_eq!(keys, ["GET /a", "POST /a", "PUT /a", "GET /b", "DELETE /b"]);
    assert_eq!(
        api.summary.warnings,
        [
            "paths./a.get: the operationId \"same\" is used more than once; the operation is named \"GET /a\".",
            "paths./a.post: the operationId \"same\" is used more than once; the operation is named \"POST /a\".",
            "paths./a.put: the operationId \"GET /b\" is how another operation is named; the operation is named \"PUT /a\".",
        ]
    );
}
