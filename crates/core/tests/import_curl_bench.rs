//! Benchmark (not part of the test run): parsing a 64 KiB curl command, as Chrome copies a request with a
//! large JSON body. Run with
//! `cargo test -p reqlab-core --release --test import_curl_bench -- --ignored --nocapture`.
//! Budget: under 5 ms per parse. It prints figures and never fails on timing.

use reqlab_core::import::curl::{self, Dialect};
use std::time::Instant;

fn big_command(dialect: Dialect) -> String {
    let mut body = String::from("{\"items\":[");
    let mut i = 0;
    while body.len() < 60 * 1024 {
        body.push_str(&format!(
            "{{\"id\":{i},\"name\":\"item's \\\"name\\\" {i}\",\"tags\":[\"a\",\"b\"],\"price\":{i}.5}},"
        ));
        i += 1;
    }
    body.push_str("{}]}");
    let headers = (0..40).map(|i| format!("x-header-{i}: value {i}; q=0.{i}"));
    let mut text = String::new();
    match dialect {
        Dialect::Bash => {
            text.push_str("curl 'https://api.example.com/v1/items?page=2' \\\n");
            for h in headers {
                text.push_str(&format!("  -H '{h}' \\\n"));
            }
            let escaped = body.replace('\\', "\\\\").replace('\'', "\\'");
            text.push_str(&format!("  --data-raw $'{escaped}' \\\n  --compressed\n"));
        }
        Dialect::Cmd => {
            text.push_str("curl ^\"https://api.example.com/v1/items?page=2^\" ^\n");
            for h in headers {
                text.push_str(&format!("  -H ^\"{h}^\" ^\n"));
            }
            let escaped = body.replace('\\', "\\\\").replace('"', "\\^\"");
            text.push_str(&format!("  --data-raw ^\"{escaped}^\" ^\n  --compressed\n"));
        }
        Dialect::PowerShell => {
            text.push_str("curl.exe 'https://api.example.com/v1/items?page=2' `\n");
            for h in headers {
                text.push_str(&format!("  -H '{h}' `\n"));
            }
            let escaped = body.replace('\'', "''");
            text.push_str(&format!("  --data-raw '{escaped}'\n"));
        }
    }
    text
}

#[test]
#[ignore = "benchmark: run with --ignored --nocapture, preferably with --release"]
fn parse_a_64_kib_curl_command() {
    for dialect in Dialect::ALL {
        let text = big_command(dialect);
        assert!(text.len() >= 60 * 1024);
        let imported = curl::import(&text, None).expect("imports");
        assert_eq!(imported.request.headers.len(), 41, "{dialect:?}");
        let runs = 50;
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(curl::import(std::hint::black_box(&text), None).expect("imports"));
        }
        let per_parse = start.elapsed() / runs;
        println!(
            "curl import, {:<10} {:>6} bytes: {:>8.3} ms per parse (budget 5 ms)",
            dialect.id(),
            text.len(),
            per_parse.as_secs_f64() * 1000.0
        );
    }
}
