//! Unit tests: Normalized Path escaping, the nesting limit, error positions and messages.

use serde_json::json;

use super::cursor::MAX_NESTING;
use super::JsonPath;

fn paths(query: &str, document: &serde_json::Value) -> Vec<String> {
    match JsonPath::parse(query) {
        Ok(path) => path
            .select(document)
            .into_iter()
            .map(|node| node.path)
            .collect(),
        Err(error) => panic!("{query}: {error}"),
    }
}

fn error_of(query: &str) -> (usize, String) {
    match JsonPath::parse(query) {
        Ok(_) => panic!("{query} should not parse"),
        Err(error) => (error.position, error.message),
    }
}

#[test]
fn normalized_paths_escape_quotes_backslashes_and_control_characters() {
    let document = json!({"a'b": 1, "c\\d": 2, "e\u{1}f": 3, "g\nh\ti": 4, "\"": 5, "é☺": 6, "\u{8}\u{c}\r\u{1f}": 7});
    let mut all = paths("$.*", &document);
    all.sort();
    let mut expected = vec![
        r"$['a\'b']",
        r"$['c\\d']",
        r"$['e\u0001f']",
        r"$['g\nh\ti']",
        r#"$['"']"#,
        "$['é☺']",
        r"$['\b\f\r\u001f']",
    ];
    expected.sort();
    assert_eq!(all, expected);
}

#[test]
fn normalized_paths_nest_names_and_indexes() {
    let document = json!({"store": {"book": [{"title": "A"}, {"title": "B"}]}});
    assert_eq!(
        paths("$..title", &document),
        [
            "$['store']['book'][0]['title']",
            "$['store']['book'][1]['title']"
        ]
    );
    assert_eq!(
        paths("$.store.book[-1]", &document),
        ["$['store']['book'][1]"]
    );
    assert_eq!(paths("$", &document), ["$"]);
}

#[test]
fn nesting_up_to_the_limit_parses_and_one_more_is_rejected() {
    let nested = |levels: usize| {
        format!(
            "$[?{}@.a{}]",
            "(".repeat(levels - 1),
            ")".repeat(levels - 1)
        )
    };
    assert!(JsonPath::parse(&nested(MAX_NESTING)).is_ok());
    let (_, message) = error_of(&nested(MAX_NESTING + 1));
    assert_eq!(message, format!("nested deeper than {MAX_NESTING} levels"));
}

#[test]
fn deeply_nested_filters_and_calls_are_rejected_without_overflowing() {
    for deep in [
        format!("$[?{}@{}]", "@[?".repeat(10_000), "]".repeat(10_000)),
        format!("$[?{}@.a{}]", "!(".repeat(10_000), ")".repeat(10_000)),
        format!(
            "$[?{}@{} == 1]",
            "length(".repeat(10_000),
            ")".repeat(10_000)
        ),
        format!("$[?{}", "[".repeat(100_000)),
    ] {
        assert!(JsonPath::parse(&deep).is_err());
    }
}

#[test]
fn errors_point_at_the_offending_byte() {
    assert_eq!(
        error_of("$.a[01]"),
        (4, "an integer must not have leading zeros".to_string())
    );
    assert_eq!(
        error_of("$[-0]"),
        (2, "-0 is not an integer here".to_string())
    );
    assert_eq!(
        error_of("$[1 2]"),
        (4, "expected ',' or ']', found '2'".to_string())
    );
    assert_eq!(
        error_of(" $"),
        (
            0,
            "expected '$' at the start of the query, found ' '".to_string()
        )
    );
    assert_eq!(
        error_of("$['a\\x']"),
        (4, "invalid escape sequence in a string literal".to_string())
    );
    assert_eq!(
        error_of("$[?@.* == 1]"),
        (
            3,
            "a query in a comparison must be singular (only single names and indexes)".to_string()
        )
    );
    assert_eq!(
        error_of("$[?foo(@)]"),
        (3, "unknown function 'foo'".to_string())
    );
    assert_eq!(
        error_of("$[?length(@.*) == 1]"),
        (10, "argument 1 of length() must be a value (a literal, a singular query or a function returning a value)".to_string())
    );
    assert_eq!(
        error_of("$[?length(@)]"),
        (
            3,
            "length() returns a value, not a logical result; compare it with something".to_string()
        )
    );
    assert_eq!(
        error_of("$[9007199254740992]"),
        (
            2,
            "integer out of range (at most 2^53-1 either way)".to_string()
        )
    );
}

#[test]
fn errors_display_their_position() {
    let error = JsonPath::parse("$.").err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("at 2: expected a member name or '*' after '.', found the end of the query")
    );
}

#[test]
fn numbers_compare_by_value_and_structures_deeply() {
    let document = json!({"items": [{"a": 1}, {"a": 1.0}, {"a": [1, {"b": 2.0}]}, {"a": "1"}], "like": [1.0, {"b": 2}]});
    assert_eq!(
        paths("$.items[?@.a == 1]", &document),
        ["$['items'][0]", "$['items'][1]"]
    );
    assert_eq!(
        paths("$.items[?@.a == $.like]", &document),
        ["$['items'][2]"]
    );
}

fn values(query: &str, document: &serde_json::Value) -> Vec<serde_json::Value> {
    match JsonPath::parse(query) {
        Ok(path) => path
            .select(document)
            .into_iter()
            .map(|node| node.value.clone())
            .collect(),
        Err(error) => panic!("{query}: {error}"),
    }
}

#[test]
fn match_and_search_take_i_regexp() {
    let document = json!(["a\rb", "a\nb", "axb", "Ab", "ⅠⒶ", "٣", "$^"]);
    assert_eq!(values("$[?match(@, 'a.b')]", &document), [json!("axb")]);
    assert_eq!(
        values(r"$[?search(@, '\\p{Lu}')]", &document),
        [json!("Ab")]
    );
    assert_eq!(values(r"$[?match(@, '\\p{N}+')]", &document), [json!("٣")]);
    assert_eq!(values("$[?match(@, '[$^]+')]", &document), [json!("$^")]);
    // Valid I-Regexp, but a category regex-lite cannot be given: false, as for an invalid pattern.
    assert!(values(r"$[?search(@, '\\p{Ll}')]", &document).is_empty());
    assert!(values("$[?search(@, 'a{2')]", &document).is_empty());
    // Each string is found in itself, except "$^", whose characters anchor as a pattern.
    assert_eq!(
        values("$[?search(@, @)]", &document).len(),
        document.as_array().map_or(0, Vec::len) - 1
    );
}

#[test]
fn slices_step_backwards_and_clamp() {
    let document = json!([0, 1, 2, 3, 4, 5]);
    assert_eq!(values("$[::-2]", &document), [json!(5), json!(3), json!(1)]);
    assert_eq!(
        values("$[-9007199254740991:9007199254740991:2]", &document),
        [json!(0), json!(2), json!(4)]
    );
    assert!(values("$[9007199254740991]", &document).is_empty());
    assert!(values("$[-9007199254740991]", &document).is_empty());
}
