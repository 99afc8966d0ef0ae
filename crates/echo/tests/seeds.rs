//! The seed tutorial's Python requests examples, run against a real reqlab-echo binary on loopback: each
//! must come back with the structure the tutorial prints from httpbin.org.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The server process, stopped when dropped.
struct Echo(Child);

impl Drop for Echo {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary on a free port and reads the URL from the line it prints.
fn start() -> (Echo, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reqlab-echo"))
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start reqlab-echo");
    let stdout = child.stdout.take().expect("stdout");
    let echo = Echo(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the listening line");
    let url = line
        .trim()
        .strip_prefix("reqlab-echo listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (echo, url)
}

#[test]
fn seed_scripts_get_httpbin_shaped_answers() {
    let (_echo, url) = start();
    let work = std::env::temp_dir().join(format!("reqlab-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work dir");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds/seed_requests.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(&url)
        .arg(&work)
        .output()
        .expect("run python3");
    std::fs::remove_dir_all(&work).ok();
    assert!(
        output.status.success(),
        "seed script failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out: Value = serde_json::from_slice(&output.stdout).expect("script prints JSON");
    let base = url.trim_end_matches('/');

    // mget.py
    let mget = &out["mget"]["body"];
    assert_eq!(mget["args"]["name"], "Peter");
    for name in ["Accept", "Accept-Encoding", "Host", "User-Agent"] {
        assert!(
            mget["headers"][name].is_string(),
            "mget header {name}: {mget}"
        );
    }
    assert!(mget["headers"]["User-Agent"]
        .as_str()
        .is_some_and(|ua| ua.starts_with("python-requests/")));

    // mget2.py
    assert_eq!(out["mget2"]["url"], format!("{base}/get?name=Peter&age=23"));
    assert_eq!(out["mget2"]["body"]["args"]["age"], "23");
    assert_eq!(out["mget2"]["body"]["args"]["name"], "Peter");

    // redirect.py and redirect2.py
    assert_eq!(out["redirect"]["status"], 200);
    assert_eq!(out["redirect"]["history"], serde_json::json!([302]));
    assert_eq!(out["redirect"]["url"], format!("{base}/"));
    assert_eq!(out["redirect2"]["status"], 302);
    assert_eq!(out["redirect2"]["url"], format!("{base}/redirect-to?url=/"));

    // user_agent.py
    assert_eq!(out["user_agent"]["user-agent"], "Python script");

    // post_value.py: the fields and headers the tutorial prints.
    let post = &out["post_value"];
    assert_eq!(post["form"]["name"], "Peter");
    assert_eq!(post["data"], "");
    assert_eq!(post["json"], Value::Null);
    assert_eq!(post["args"], serde_json::json!({}));
    assert_eq!(post["files"], serde_json::json!({}));
    assert_eq!(post["headers"]["Content-Length"], "10");
    assert_eq!(
        post["headers"]["Content-Type"],
        "application/x-www-form-urlencoded"
    );

    // send_json.py
    assert_eq!(
        out["send_json"]["json"],
        serde_json::json!({"name": "Jane", "age": 17})
    );

    // read_json.py and get_status.py
    assert!(out["read_json"].is_object());
    assert_eq!(out["get_status"], serde_json::json!([200, 404]));

    // head_request.py
    assert_eq!(out["head_request"]["status"], 200);
    assert_eq!(out["head_request"]["content_type"], "application/json");
    assert_eq!(out["head_request"]["body"], "");

    // upload_file.py
    assert!(out["upload_post"]["files"]["image"]
        .as_str()
        .is_some_and(|v| v.starts_with("data:application/octet-stream;base64,")));
    let upload = &out["upload"];
    assert_eq!(upload["body"]["parts"][0]["name"], "image");
    assert_eq!(upload["body"]["parts"][0]["filename"], "sid.jpg");
    assert_eq!(upload["body"]["parts"][0]["size"], upload["size"]);
    assert_eq!(
        upload["body"]["parts"][0]["sha256"],
        upload["expected_sha256"]
    );

    // streaming.py
    assert_eq!(out["streaming"]["bytes"], 50000);
    assert!(out["streaming"]["chunks"].as_u64().is_some_and(|n| n >= 49));
    assert_eq!(
        out["streaming"]["line_ids"],
        serde_json::json!([0, 1, 2, 3, 4])
    );

    // credentials.py
    let credentials = &out["credentials"];
    assert_eq!(credentials["basic"]["authenticated"], true);
    assert_eq!(credentials["basic"]["user"], "user7");
    assert_eq!(credentials["wrong_status"], 401);
    assert_eq!(credentials["digest_status"], 200);
    assert_eq!(credentials["digest256_status"], 200);
}
