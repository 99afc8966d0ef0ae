//! Benchmark (not a test): time to generate every target's snippet for one typical request, median of many
//! runs. PRODUCT.md budget: all targets together within 1 ms on the host. Run with `make bench`.

use reqlab_core::snippet::{Options, TARGETS};
use reqlab_core::{prepare, Auth, Body, Environment, KeyValue, Method, RawLanguage, Request};
use std::hint::black_box;
use std::time::Instant;

fn typical_request() -> Request {
    Request {
        method: Method::Post,
        url: "https://api.example.com/v1/users?page=2&per_page=50".into(),
        headers: vec![
            KeyValue::new("Accept", "application/json"),
            KeyValue::new("X-Request-Id", "7f3a-11"),
        ],
        body: Body::Raw {
            language: RawLanguage::Json,
            text: r#"{"name": "Peter", "email": "peter@example.com", "tags": ["a", "b"]}"#.into(),
        },
        auth: Auth::Bearer {
            token: "eyJhbGciOiJIUzI1NiJ9.e30.abc".into(),
        },
        ..Request::default()
    }
}

fn main() {
    let request = typical_request();
    let options = Options::default();
    let runs = 2_000;
    let mut micros = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let prepared =
            prepare(black_box(&request), &Environment::default()).expect("valid request");
        for target in TARGETS {
            black_box(target.generate(&prepared, &options));
        }
        micros.push(start.elapsed().as_secs_f64() * 1e6);
    }
    micros.sort_by(f64::total_cmp);
    let median = micros[runs / 2];
    let p99 = micros[runs * 99 / 100];
    println!(
        "snippets: prepare + {} targets for a typical request: median {median:.1} µs, p99 {p99:.1} µs over {runs} runs (budget 1000 µs)",
        TARGETS.len()
    );
}
