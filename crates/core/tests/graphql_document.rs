//! Documents: parse errors at the right line and column, the operation picker's names on text being
//! typed, operation selection, and no panic on any prefix of real documents.
#![cfg(feature = "graphql")]

use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::{operation_names, OperationKind};

#[test]
fn operation_names_on_whole_and_partial_documents() {
    use OperationKind::*;
    let text = "query A($x: Int = 1) { a }\nfragment F on T { b }\nmutation B { c(d: {e: 1}) }\n{ anon }\nsubscription";
    assert_eq!(
        operation_names(text),
        vec![
            (Query, Some("A".into())),
            (Mutation, Some("B".into())),
            (Query, None),
            (Subscription, None)
        ]
    );
    assert_eq!(
        operation_names("query Typing { viewer { lo"),
        vec![(Query, Some("Typing".into()))]
    );
    assert_eq!(
        operation_names("query Q { a(s: \"unterminated"),
        vec![(Query, Some("Q".into()))]
    );
    assert_eq!(
        operation_names("{ a } { b"),
        vec![(Query, None), (Query, None)]
    );
    assert!(operation_names("fragment F on T { a }").is_empty());
    let doc = parse("query A { a } mutation B { b } fragment F on T { c }").unwrap();
    assert_eq!(
        doc.operations(),
        vec![(Query, Some("A")), (Mutation, Some("B"))]
    );
    assert_eq!(doc.select(Some("B")).unwrap().kind, Mutation);
    assert!(doc
        .select(None)
        .unwrap_err()
        .contains("operation name is required"));
    assert_eq!(
        doc.select(Some("C")).unwrap_err(),
        "Unknown operation named \"C\". Known operations: \"A\", \"B\"."
    );
    assert_eq!(parse("{ a }").unwrap().select(None).unwrap().kind, Query);
}

#[test]
fn parse_errors_have_line_and_column() {
    let cases = [
        ("{ a(b: ) }", "Unexpected \")\".", 1, 8),
        (
            "query {\n  viewer {\n    login\n",
            "Expected Name, found <EOF>.",
            4,
            1,
        ),
        (
            "{\n  a(b: \"é\", c: \"open\n}",
            "Unterminated string.",
            2,
            16,
        ),
        (
            "{ a }\nfragment on on T { b }",
            "Unexpected Name \"on\".",
            2,
            10,
        ),
        (
            "query Q($v Int) { a }",
            "Expected \":\", found Name \"Int\".",
            1,
            12,
        ),
        ("{ ñ(x: 1.) }", "Unexpected character 'ñ'.", 1, 3),
        ("{}", "Expected Name, found \"}\".", 1, 2),
    ];
    for (text, message, line, column) in cases {
        let error = parse(text).unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.at.line, error.at.column),
            (message, line, column),
            "{text}"
        );
    }
}

#[test]
fn the_full_executable_grammar_parses() {
    let text = r#"
        # a comment
        query Q($id: ID!, $n: [Int!]! = [1, 2], $o: Order = {field: NAME, direction: ASC}) @live {
          alias: node(id: $id) { ... on User @include(if: true) { login } ...F, __typename }
          search(query: """block
             "string" """, first: -1.5e3, after: null, flag: false) { edges { cursor } }
          ... { x }
        }
        fragment F on Node { id }
    "#;
    let doc = parse(text).unwrap();
    let op = &doc.operations[0];
    assert_eq!(op.variables.len(), 3);
    assert_eq!(op.variables[1].ty.to_string(), "[Int!]!");
    assert_eq!(
        op.variables[2].default.as_ref().unwrap().to_graphql(),
        "{field: NAME, direction: ASC}"
    );
    assert_eq!(op.selection_set.selections.len(), 3);
    assert_eq!(doc.fragments[0].type_condition.value, "Node");
}

#[test]
fn no_prefix_of_a_real_document_panics() {
    let text = include_str!("fixtures/graphql/README.md");
    let docs = [
        "query Q($a: Int = 3, $o: [IssueOrder!]) { repository(owner: \"o\", name: \"n\") { issues(first: $a, orderBy: $o, states: [OPEN]) { nodes { title ... on Issue { number } } } } }",
        "mutation { addStar(input: {starrableId: \"x\"}) { clientMutationId } } fragment F on Repository { name }",
        "{ viewer { ...F @skip(if: false) } } # end é\n\"\"\"doc é \\\"\"\" \"\"\" \"é\\é\" 0x 1.e",
        text,
    ];
    for doc in docs {
        for end in (0..=doc.len()).filter(|&i| doc.is_char_boundary(i)) {
            let _ = parse(&doc[..end]);
            let _ = operation_names(&doc[..end]);
        }
    }
    let _ = parse(&"[".repeat(100_000));
    let _ = parse(&format!("{{ a(b: {}) }}", "[".repeat(100_000)));
}
