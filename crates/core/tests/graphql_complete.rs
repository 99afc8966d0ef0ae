//! Completion against GitHub's schema at cursor positions (`|`) in documents being typed.
#![cfg(feature = "graphql")]

use reqlab_core::graphql::complete::{complete, ItemKind};
use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::schema::Schema;
use reqlab_core::graphql::validate::validate;

fn github() -> Schema {
    Schema::from_sdl(&std::fs::read_to_string("tests/fixtures/graphql/github.graphql").unwrap())
        .unwrap()
}

/// (document with `|` at the cursor, labels that must be proposed, labels that must not, the first item)
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Option<&'static str>,
);

const CASES: &[Case] = &[
    ("|", &["query", "mutation", "subscription", "fragment"], &["viewer"], Some("query")),
    ("{ |", &["viewer", "repository", "rateLimit", "__typename", "__schema", "__type"], &["login"], None),
    ("query { vie| }", &["viewer"], &["repository"], Some("viewer")),
    ("{ viewer { lo| } }", &["login", "location"], &["viewer"], Some("location")),
    ("{ repository(owner: \"o\", name: \"n\") { issues(first: 5) { nodes { | } } } }", &["title", "number", "author", "__typename"], &["totalCount", "nodes"], None),
    ("{ me: viewer { repos: repositories(first: 1) { totalCount nodes { nameWith| } } } }", &["nameWithOwner"], &["name"], Some("nameWithOwner")),
    ("{ repository(|) { name } }", &["owner", "name", "followRenames"], &["first"], None),
    ("{ repository(owner: \"o\", |) { name } }", &["name"], &["owner"], None),
    ("{ viewer { repositories(orderBy: {field: |}) { totalCount } } }", &["NAME", "CREATED_AT", "STARGAZERS"], &["ASC", "true"], None),
    ("{ viewer { repositories(orderBy: {direction: ASC, |}) { totalCount } } }", &["field"], &["direction", "NAME"], Some("field")),
    ("{ repository(owner: \"o\", name: \"n\") { issues(states: [|]) { totalCount } } }", &["OPEN", "CLOSED"], &["MERGED"], None),
    ("{ repository(owner: \"o\", name: \"n\") { issues(states: [OPEN, C|]) { totalCount } } }", &["CLOSED"], &["OPEN"], Some("CLOSED")),
    ("{ viewer { repositories(isFork: |) { totalCount } } }", &["true", "false", "null"], &["NAME"], None),
    ("query($n: Int, $s: String) { viewer { repositories(first: $|) { totalCount } } }", &["$n"], &["$s"], Some("$n")),
    ("query Q($o: String!, $name: String!) { repository(owner: $|", &["$o", "$name"], &[], None),
    ("{ node(id: \"x\") { ... on Rep| } }", &["Repository", "RepositoryOwner"], &["String", "IssueState"], None),
    ("{ viewer { ... on Rep| } }", &["RepositoryOwner", "RepositoryDiscussionAuthor"], &["Repository", "RepoAccessAuditEntry"], Some("RepositoryDiscussionAuthor")),
    ("{ search(query: \"q\", type: REPOSITORY, first: 1) { nodes { ... on Issue { titl| } } } }", &["title", "titleHTML"], &["name"], Some("title")),
    ("query($v: |", &["String", "IssueState", "IssueOrder"], &["Repository", "Issue"], None),
    ("query($v: [Issue|", &["IssueState", "IssueOrder"], &["Issue", "IssueConnection"], None),
    ("fragment F on |", &["Repository", "Issue", "Node"], &["String", "IssueOrder"], None),
    ("{ viewer { ...| } } fragment UserBits on User { login } fragment RepoBits on Repository { name }", &["UserBits", "on"], &["RepoBits"], None),
    ("{ viewer { login @| } }", &["include", "skip"], &["deprecated"], None),
    ("{ viewer { login } }\n|", &["query", "fragment"], &[], None),
    ("{ viewer { login } } # { |", &[], &["viewer", "query"], None),
];

#[test]
fn completion_at_cursor_positions() {
    let schema = github();
    for (marked, present, absent, first) in CASES {
        let cursor = marked.find('|').unwrap();
        let text = marked.replacen('|', "", 1);
        let completion = complete(&text, cursor, &schema);
        let labels: Vec<&str> = completion.items.iter().map(|i| i.label.as_str()).collect();
        for label in *present {
            assert!(
                labels.contains(label),
                "{marked}: {label} missing from {labels:?}"
            );
        }
        for label in *absent {
            assert!(
                !labels.contains(label),
                "{marked}: {label} should not be in {labels:?}"
            );
        }
        if let Some(first) = first {
            assert_eq!(labels.first(), Some(first), "{marked}");
        }
    }
}

#[test]
fn items_carry_kind_detail_insert_and_span() {
    let schema = github();
    let text = "{ repository(ow) { name } }";
    let completion = complete(text, 15, &schema);
    assert_eq!((completion.from, completion.to), (13, 15));
    let owner = &completion.items[0];
    assert_eq!(
        (
            owner.label.as_str(),
            owner.kind,
            owner.detail.as_str(),
            owner.insert.as_str()
        ),
        ("owner", ItemKind::Argument, "String!", "owner: ")
    );
    let fields = complete("{ viewer { | } }", 11, &schema);
    let login = fields.items.iter().find(|i| i.label == "login").unwrap();
    assert_eq!(
        (login.kind, login.detail.as_str()),
        (ItemKind::Field, "String!")
    );
    // Deprecated fields come after the others.
    let first_deprecated = fields.items.iter().position(|i| i.deprecated).unwrap();
    assert!(fields.items[first_deprecated..]
        .iter()
        .all(|i| i.deprecated));
}

#[test]
fn no_prefix_of_a_real_document_panics() {
    let schema = github();
    let docs = [
        "query Q($a: Int = 3, $o: IssueOrder, $s: [IssueState!]) { repository(owner: \"o\", name: \"n\") { issues(first: $a, orderBy: $o, states: $s) { nodes { title ... on Issue { number } ...F } } } } fragment F on Issue { id }",
        "mutation { addStar(input: {starrableId: \"é\"}) { clientMutationId } } # é\n{ viewer { login @skip(if: true) } }",
    ];
    for doc in docs {
        for end in (0..=doc.len()).filter(|&i| doc.is_char_boundary(i)) {
            let prefix = &doc[..end];
            for cursor in [0, end / 2, end] {
                let _ = complete(prefix, cursor, &schema);
            }
            if let Ok(document) = parse(prefix) {
                let _ = validate(&document, &schema);
            }
        }
    }
}
