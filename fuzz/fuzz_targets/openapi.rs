//! Fuzz target, import stage (OpenAPI): any text must read as a description or give an error, never a
//! panic; and whatever reads must summarize, document every operation, make every request, a collection
//! and an environment for each server without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::import::openapi::{self, Limits, ServerChoice};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = openapi::looks_like_openapi(text);
    // Smaller than the defaults so that one input stays fast; the limits themselves are what is tested.
    let limits = Limits {
        max_bytes: 1024 * 1024,
        max_depth: 64,
        max_nodes: 200_000,
        max_ref_hops: 16,
    };
    let Ok(api) = openapi::read_with(text, limits) else {
        return;
    };
    let servers = api.summary.servers.len().max(1);
    for index in 0..servers {
        let choice = ServerChoice {
            index,
            variables: vec![("x".into(), "y".into())],
            base: "https://docs.example.com/a/spec.yaml".into(),
        };
        let _ = api.environment(&choice);
    }
    let keys: std::collections::HashSet<&str> =
        api.summary.operations.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys.len(), api.summary.operations.len(), "keys are unique");
    let choice = ServerChoice::default();
    for op in &api.summary.operations {
        let doc = api.operation(&op.key);
        assert!(doc.is_some(), "listed operation {} has no documentation", op.key);
        let made = api.request(&op.key, &choice);
        assert!(made.is_some(), "listed operation {} makes no request", op.key);
    }
    let imported = api.collection(&choice);
    assert_eq!(
        imported.collection.requests().len(),
        api.summary.operations.len(),
        "one request per operation"
    );
});
