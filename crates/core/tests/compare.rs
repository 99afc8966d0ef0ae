//! Two answers compared: expected changes written out by hand from the inputs, large bodies, and properties
//! (a line diff turns the left text into the right one; a JSON value equals itself).

use proptest::prelude::*;
use reqlab_core::compare::{
    compare, compare_json, diff_lines, json_equal, unified, BodyComparison, CompareOptions,
    Comparison, HeaderChange, HeaderChangeKind, JsonChange, JsonChangeKind, LineDiff, RowKind,
    Side, VOLATILE_HEADERS,
};
use serde_json::{json, Value};

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

fn side<'a>(status: u16, headers: &'a [(String, String)], body: &'a [u8], ct: &'a str) -> Side<'a> {
    Side {
        status,
        headers,
        body,
        content_type: ct,
    }
}

fn bodies(left: &str, right: &str, content_type: &str) -> BodyComparison {
    bytes(left.as_bytes(), right.as_bytes(), content_type)
}

fn bytes(left: &[u8], right: &[u8], content_type: &str) -> BodyComparison {
    compare(
        &side(200, &[], left, content_type),
        &side(200, &[], right, content_type),
        &CompareOptions::default(),
    )
    .body
}

fn json_changes(body: BodyComparison) -> Vec<JsonChange> {
    match body {
        BodyComparison::Json(diff) => {
            assert_eq!(diff.truncated, 0);
            diff.changes
        }
        other => panic!("expected a JSON comparison, got {other:?}"),
    }
}

fn lines(body: BodyComparison) -> LineDiff {
    match body {
        BodyComparison::Lines(diff) => diff,
        other => panic!("expected a line comparison, got {other:?}"),
    }
}

fn change(path: &str, kind: JsonChangeKind) -> JsonChange {
    JsonChange {
        path: path.to_owned(),
        kind,
    }
}

fn header(name: &str, kind: HeaderChangeKind, ignored: bool) -> HeaderChange {
    HeaderChange {
        name: name.to_owned(),
        kind,
        ignored,
    }
}

/// Applies the hunks to the left text as `patch` would: left lines between hunks are copied, each hunk's
/// kept and added rows replace its left range.
fn apply(left: &str, diff: &LineDiff) -> String {
    let left_lines: Vec<&str> = left.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut next = 0;
    for hunk in &diff.hunks {
        assert!(hunk.left.start >= next, "hunks overlap or go backwards");
        out.extend(left_lines[next..hunk.left.start].iter().copied());
        let mut left_at = hunk.left.start;
        for row in &hunk.rows {
            let line = if row.no_newline_at_end {
                row.text.clone()
            } else {
                format!("{}\n", row.text)
            };
            match row.kind {
                RowKind::Same | RowKind::Removed => {
                    assert_eq!(
                        left_lines[left_at], line,
                        "row disagrees with the left text"
                    );
                    assert_eq!(row.left_line, Some(left_at + 1));
                    left_at += 1;
                }
                RowKind::Added => assert_eq!(row.left_line, None),
            }
            if row.kind != RowKind::Removed {
                out.push_str(&line);
            }
        }
        assert_eq!(left_at, hunk.left.end);
        next = hunk.left.end;
    }
    out.extend(left_lines[next..].iter().copied());
    out
}

#[test]
fn the_same_answer_twice_is_the_same() {
    let h = headers(&[("Content-Type", "application/json")]);
    let a = side(200, &h, br#"{"a":1}"#, "application/json");
    let comparison = compare(&a, &a, &CompareOptions::default());
    assert!(comparison.is_same());
    assert_eq!(comparison.summary(), "no differences");
}

#[test]
fn a_status_change_is_reported_as_left_and_right() {
    let comparison = compare(
        &side(200, &[], b"", ""),
        &side(404, &[], b"", ""),
        &CompareOptions::default(),
    );
    assert_eq!(comparison.status, Some((200, 404)));
    assert!(comparison.headers.is_empty());
    assert_eq!(comparison.body, BodyComparison::Same);
    assert!(!comparison.is_same());
    assert_eq!(comparison.summary(), "status 200 → 404");
}

#[test]
fn headers_compare_by_name_in_any_case() {
    let left = headers(&[
        ("Content-Type", "text/plain"),
        ("X-Old", "1"),
        ("ETag", "\"abc\""),
        ("Cache-Control", "no-cache"),
    ]);
    let right = headers(&[
        ("content-type", "text/plain"),
        ("etag", "\"ABC\""),
        ("CACHE-CONTROL", "no-cache"),
        ("X-New", "2"),
    ]);
    let changes = compare(
        &side(200, &left, b"", ""),
        &side(200, &right, b"", ""),
        &CompareOptions::default(),
    )
    .headers;
    assert_eq!(
        changes,
        vec![
            header(
                "X-Old",
                HeaderChangeKind::Removed { value: "1".into() },
                false
            ),
            header(
                "etag",
                HeaderChangeKind::Changed {
                    left: "\"abc\"".into(),
                    right: "\"ABC\"".into()
                },
                false
            ),
            header(
                "X-New",
                HeaderChangeKind::Added { value: "2".into() },
                false
            ),
        ]
    );
}

#[test]
fn repeated_headers_keep_their_order() {
    let left = headers(&[
        ("Set-Cookie", "a=1"),
        ("Vary", "Accept"),
        ("Set-Cookie", "b=2"),
        ("set-cookie", "c=3"),
    ]);
    let right = headers(&[
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "new=0"),
        ("Set-Cookie", "b=2"),
        ("Set-Cookie", "c=4"),
        ("Vary", "Accept"),
    ]);
    let changes = compare(
        &side(200, &left, b"", ""),
        &side(200, &right, b"", ""),
        &CompareOptions::default(),
    )
    .headers;
    assert_eq!(
        changes,
        vec![
            header(
                "Set-Cookie",
                HeaderChangeKind::Added {
                    value: "new=0".into()
                },
                false
            ),
            header(
                "Set-Cookie",
                HeaderChangeKind::Changed {
                    left: "c=3".into(),
                    right: "c=4".into()
                },
                false
            ),
        ]
    );
}

#[test]
fn ignored_headers_are_listed_but_do_not_count() {
    let left = headers(&[("Date", "Mon, 01 Jan 2024 00:00:00 GMT"), ("Age", "1")]);
    let right = headers(&[("date", "Tue, 02 Jan 2024 00:00:00 GMT")]);
    let options = CompareOptions {
        ignore_headers: VOLATILE_HEADERS,
        ..CompareOptions::default()
    };
    let comparison = compare(
        &side(200, &left, b"x", ""),
        &side(200, &right, b"x", ""),
        &options,
    );
    assert_eq!(
        comparison.headers,
        vec![
            header(
                "date",
                HeaderChangeKind::Changed {
                    left: "Mon, 01 Jan 2024 00:00:00 GMT".into(),
                    right: "Tue, 02 Jan 2024 00:00:00 GMT".into()
                },
                true
            ),
            header("Age", HeaderChangeKind::Removed { value: "1".into() }, true),
        ]
    );
    assert!(comparison.is_same());
    assert_eq!(
        comparison.summary(),
        "no differences (2 header changes ignored)"
    );

    let counted = compare(
        &side(200, &left, b"x", ""),
        &side(200, &right, b"x", ""),
        &CompareOptions::default(),
    );
    assert!(!counted.is_same());
    assert_eq!(counted.summary(), "2 headers changed");
}

#[test]
fn json_changes_are_named_by_normalized_path() {
    let left = r#"{"a":{"b":1,"c":[1,2,3]},"a'b":true,"n":1,"t":"x","s":{"k\\":[{"z":null}]}}"#;
    let right =
        r#"{"a":{"b":2,"c":[1,2]},"a'b":false,"n":1.0,"t":5,"s":{"k\\":[{"z":[]}]},"new":null}"#;
    assert_eq!(
        json_changes(bodies(left, right, "application/json")),
        vec![
            change(
                "$['a']['b']",
                JsonChangeKind::Changed {
                    left: json!(1),
                    right: json!(2)
                }
            ),
            change("$['a']['c'][2]", JsonChangeKind::Removed(json!(3))),
            change(
                r"$['a\'b']",
                JsonChangeKind::Changed {
                    left: json!(true),
                    right: json!(false)
                }
            ),
            change(
                r"$['s']['k\\'][0]['z']",
                JsonChangeKind::TypeChanged {
                    left: json!(null),
                    right: json!([])
                }
            ),
            change(
                "$['t']",
                JsonChangeKind::TypeChanged {
                    left: json!("x"),
                    right: json!(5)
                }
            ),
            change("$['new']", JsonChangeKind::Added(json!(null))),
        ]
    );
}

#[test]
fn json_equal_by_value_is_the_same_body() {
    // Formatting, key order and the spelling of numbers aside, these are one document.
    let body = bodies(
        r#"{"n": 1, "m": [100, -2.5], "s": "x"}"#,
        r#"{"s":"x","m":[1e2,-2.50],"n":1.0}"#,
        "",
    );
    assert_eq!(body, BodyComparison::Same);
}

#[test]
fn arrays_compare_by_index_with_front_insertions_recognised() {
    assert_eq!(
        json_changes(bodies("[1,2,3]", "[0,1,2,3]", "")),
        vec![change("$[0]", JsonChangeKind::Added(json!(0)))]
    );
    assert_eq!(
        json_changes(bodies("[1,2,3]", "[3]", "")),
        vec![
            change("$[0]", JsonChangeKind::Removed(json!(1))),
            change("$[1]", JsonChangeKind::Removed(json!(2))),
        ]
    );
    assert_eq!(
        json_changes(bodies("[1,2]", "[1,2,3,4]", "")),
        vec![
            change("$[2]", JsonChangeKind::Added(json!(3))),
            change("$[3]", JsonChangeKind::Added(json!(4))),
        ]
    );
    // Neither end matches: pairs by index, the extra element removed at the end.
    assert_eq!(
        json_changes(bodies("[1,2,3]", "[1,5]", "")),
        vec![
            change(
                "$[1]",
                JsonChangeKind::Changed {
                    left: json!(2),
                    right: json!(5)
                }
            ),
            change("$[2]", JsonChangeKind::Removed(json!(3))),
        ]
    );
}

#[test]
fn json_scalars_count_when_the_type_says_json() {
    assert_eq!(
        json_changes(bodies("1", "2", "application/problem+json; charset=utf-8")),
        vec![change(
            "$",
            JsonChangeKind::Changed {
                left: json!(1),
                right: json!(2)
            }
        )]
    );
    // Without a JSON type, "1" and "2" are just text.
    assert!(matches!(
        bodies("1", "2", "text/plain"),
        BodyComparison::Lines(_)
    ));
}

#[test]
fn json_changes_past_the_limit_are_counted() {
    let left: Value = (0..10).map(|n| json!(n)).collect();
    let right: Value = (0..10).map(|n| json!(n + 100)).collect();
    let diff = compare_json(&left, &right, 4);
    assert_eq!(diff.changes.len(), 4);
    assert_eq!(diff.truncated, 6);
    assert_eq!(diff.changes[3].path, "$[3]");
    let comparison = Comparison {
        status: None,
        headers: vec![],
        body: BodyComparison::Json(diff),
    };
    assert_eq!(comparison.summary(), "10 JSON values changed");
}

#[test]
fn json_nested_deeper_than_the_parser_allows_is_compared_as_text() {
    let deep = |leaf: &str| format!("{}{leaf}{}", "[".repeat(5000), "]".repeat(5000));
    let diff = lines(bodies(&deep("1"), &deep("2"), "application/json"));
    assert_eq!((diff.removed, diff.added), (1, 1));
}

#[test]
fn text_diff_has_exact_hunks() {
    let left = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
    let right = "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n";
    let diff = lines(bodies(left, right, "text/plain"));
    assert_eq!((diff.removed, diff.added, diff.approximate), (1, 2, false));
    assert_eq!(
        unified(&diff),
        "@@ -1,6 +1,6 @@\n one\n two\n-three\n+THREE\n four\n five\n six\n\
         @@ -8,3 +8,4 @@\n eight\n nine\n ten\n+eleven\n"
    );
    let second = &diff.hunks[1];
    assert_eq!((second.left.clone(), second.right.clone()), (7..10, 7..11));
    let added = &second.rows[3];
    assert_eq!(
        (
            added.kind,
            added.left_line,
            added.right_line,
            added.text.as_str()
        ),
        (RowKind::Added, None, Some(11), "eleven")
    );
    assert_eq!(apply(left, &diff), right);
}

#[test]
fn a_missing_final_newline_is_a_change() {
    let diff = lines(bodies("a\nb\n", "a\nb", ""));
    assert_eq!(
        unified(&diff),
        "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"
    );
    let comparison = Comparison {
        status: None,
        headers: vec![],
        body: BodyComparison::Lines(diff),
    };
    assert_eq!(comparison.summary(), "1 line added, 1 removed");
}

#[test]
fn additions_into_an_empty_text_start_at_zero() {
    let diff = diff_lines("", "x\ny\n", 3, 100);
    assert_eq!(unified(&diff), "@@ -0,0 +1,2 @@\n+x\n+y\n");
}

#[test]
fn binary_bodies_compare_by_byte() {
    assert_eq!(
        bytes(b"\x89PNG\0\0\x01", b"\x89PNG\0\0\x02\x03", "image/png"),
        BodyComparison::Binary {
            left_len: 7,
            right_len: 8,
            first_difference: 6
        }
    );
    assert_eq!(
        bytes(b"\0abc", b"\0abcdef", ""),
        BodyComparison::Binary {
            left_len: 4,
            right_len: 7,
            first_difference: 4
        }
    );
    let comparison = compare(
        &side(200, &[], b"\xff\xfe", ""),
        &side(200, &[], b"\xff\xff", ""),
        &CompareOptions::default(),
    );
    assert_eq!(
        comparison.summary(),
        "bodies differ from byte 1 (2 → 2 bytes)"
    );
}

#[test]
fn invalid_utf8_in_a_text_type_is_decoded_lossily() {
    let diff = lines(bytes(b"ok\nbad \xff\n", b"ok\nbad \xfe!\n", "text/plain"));
    let texts: Vec<&str> = diff.rows().map(|row| row.text.as_str()).collect();
    assert_eq!(texts, ["ok", "bad \u{fffd}", "bad \u{fffd}!"]);
}

fn numbered(count: usize) -> String {
    (0..count)
        .map(|n| format!("{{\"id\": {n}, \"name\": \"item number {n}\", \"pad\": \"....\"}}\n"))
        .collect()
}

#[test]
fn a_large_body_with_a_few_changed_lines_is_diffed_exactly() {
    let left = numbered(100_000);
    assert!(left.len() > 5_000_000);
    let mut right_lines: Vec<String> = left.lines().map(str::to_owned).collect();
    right_lines[10] = "changed near the top".into();
    right_lines[50_000] = "changed in the middle".into();
    right_lines.insert(99_990, "inserted near the end".into());
    let right: String = right_lines.iter().map(|l| format!("{l}\n")).collect();

    let diff = lines(bodies(&left, &right, "text/plain"));
    assert!(!diff.approximate);
    assert_eq!((diff.removed, diff.added), (2, 3));
    assert_eq!(diff.hunks.len(), 3);
    let changed: Vec<(RowKind, Option<usize>, Option<usize>)> = diff
        .rows()
        .filter(|row| row.kind != RowKind::Same)
        .map(|row| (row.kind, row.left_line, row.right_line))
        .collect();
    assert_eq!(
        changed,
        [
            (RowKind::Removed, Some(11), None),
            (RowKind::Added, None, Some(11)),
            (RowKind::Removed, Some(50_001), None),
            (RowKind::Added, None, Some(50_001)),
            (RowKind::Added, None, Some(99_991)),
        ]
    );
    assert_eq!(apply(&left, &diff), right);
}

#[test]
fn a_large_body_entirely_different_falls_back_to_one_block() {
    let left = numbered(100_000);
    let right = left.replace("item", "thing");
    let diff = lines(bodies(&left, &right, ""));
    assert!(diff.approximate);
    assert_eq!((diff.removed, diff.added), (100_000, 100_000));
    assert_eq!(diff.hunks.len(), 1);
    assert_eq!(diff.row_count(), 200_000);
    let page: Vec<(RowKind, Option<usize>)> = diff
        .page(99_999, 2)
        .map(|row| (row.kind, row.right_line))
        .collect();
    assert_eq!(page, [(RowKind::Removed, None), (RowKind::Added, Some(1))]);
    assert_eq!(apply(&left, &diff), right);
}

#[test]
fn the_summary_names_every_part() {
    let left = headers(&[("A", "1"), ("B", "2")]);
    let right = headers(&[("A", "2")]);
    let comparison = compare(
        &side(200, &left, br#"{"x":1,"y":2,"z":3}"#, "application/json"),
        &side(404, &right, br#"{"x":2,"y":3,"z":4}"#, "application/json"),
        &CompareOptions::default(),
    );
    assert_eq!(
        comparison.summary(),
        "status 200 → 404, 2 headers changed, 3 JSON values changed"
    );
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e9f64..1e9).prop_map(|f| json!(f)),
        "[a-z'\\\\\n]{0,4}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z']{0,3}", inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn applying_the_line_diff_to_the_left_gives_the_right(
        left in prop::collection::vec("[abc]{0,2}", 0..30),
        right in prop::collection::vec("[abc]{0,2}", 0..30),
        left_newline in any::<bool>(),
        right_newline in any::<bool>(),
        context in 0usize..4,
        max_cost in prop_oneof![Just(1000usize), 0usize..8],
    ) {
        let join = |lines: &[String], newline: bool| {
            let mut text = lines.join("\n");
            if newline && !lines.is_empty() {
                text.push('\n');
            }
            text
        };
        let (left, right) = (join(&left, left_newline), join(&right, right_newline));
        let diff = diff_lines(&left, &right, context, max_cost);
        prop_assert_eq!(apply(&left, &diff), right);
    }

    #[test]
    fn a_json_value_compared_with_itself_has_no_changes(value in json_value()) {
        prop_assert!(compare_json(&value, &value, 100).changes.is_empty());
        prop_assert!(json_equal(&value, &value));
        // Its own text, reformatted, is the same body.
        let compact = serde_json::to_vec(&value).expect("serializable");
        let pretty = serde_json::to_vec_pretty(&value).expect("serializable");
        prop_assert_eq!(bytes(&compact, &pretty, "application/json"), BodyComparison::Same);
    }
}
