//! Validation against GitHub's schema: a real query passes, and each kind of mistake is reported with
//! graphql-js's wording at its exact line and column.
#![cfg(feature = "graphql")]

use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::schema::Schema;
use reqlab_core::graphql::validate::validate;

fn github() -> Schema {
    Schema::from_sdl(&std::fs::read_to_string("tests/fixtures/graphql/github.graphql").unwrap())
        .unwrap()
}

fn problems(schema: &Schema, text: &str) -> Vec<(String, u32, u32)> {
    let document = parse(text).unwrap();
    validate(&document, schema)
        .into_iter()
        .map(|p| (p.message, p.at.line, p.at.column))
        .collect()
}

#[test]
fn real_queries_have_no_problems() {
    let schema = github();
    let valid = [
        "{ viewer { login repositories(first: 10) { nodes { name stargazerCount } } } }",
        "query Issues($owner: String!, $name: String!, $n: Int = 5, $states: [IssueState!]) {
           repository(owner: $owner, name: $name) {
             issues(first: $n, states: $states, orderBy: {field: CREATED_AT, direction: DESC}) {
               totalCount
               nodes { ...IssueBits author { login ... on User { name } } }
             }
           }
           rateLimit { remaining }
           __typename
         }
         fragment IssueBits on Issue { number title createdAt labels(first: 3) { nodes { name } } }",
        "mutation($id: ID!) { addStar(input: {starrableId: $id}) { starrable { stargazerCount } } }",
        "{ node(id: \"x\") { id ... on Repository { name } } __type(name: \"Issue\") { name fields { name } } }",
    ];
    for text in valid {
        assert_eq!(problems(&schema, text), vec![], "{text}");
    }
}

/// A message with its line and column.
type Expected = (&'static str, u32, u32);

#[test]
fn mistakes_are_reported_where_they_are() {
    let schema = github();
    let cases: &[(&str, &[Expected])] = &[
        ("{\n  viewer {\n    logn\n  }\n}", &[("Cannot query field \"logn\" on type \"User\". Did you mean \"login\"?", 3, 5)]),
        ("{ viewer { repositories(frist: 1) { totalCount } } }", &[("Unknown argument \"frist\" on field \"User.repositories\". Did you mean \"first\" or \"last\"?", 1, 25)]),
        ("query {\n  repository(owner: \"x\") { name }\n}", &[("Field \"repository\" argument \"name\" of type \"String!\" is required, but it was not provided.", 2, 3)]),
        ("{ viewer { login { x } } }", &[("Field \"login\" must not have a selection since type \"String!\" has no subfields.", 1, 12)]),
        ("{ viewer }", &[("Field \"viewer\" of type \"User!\" must have a selection of subfields. Did you mean \"viewer { ... }\"?", 1, 3)]),
        ("query($n: Int, $u: Unknwn) { viewer { login } }", &[("Variable \"$n\" is never used.", 1, 7), ("Variable \"$u\" is never used.", 1, 16), ("Unknown type \"Unknwn\".", 1, 20)]),
        ("query Q { viewer { repositories(first: $n) { totalCount } } }", &[("Variable \"$n\" is not defined by operation \"Q\".", 1, 40)]),
        ("query($n: Int) { viewer { repositories(first: 1, privacy: CLOSED, orderBy: {field: NAME, direction: $n}) { totalCount } } }", &[("Value \"CLOSED\" does not exist in \"RepositoryPrivacy\" enum.", 1, 59), ("Variable \"$n\" of type \"Int\" used in position expecting type \"OrderDirection!\".", 1, 101)]),
        ("{ viewer { ...Nope ... on String { x } } }", &[("Unknown fragment \"Nope\".", 1, 15), ("Fragment cannot condition on non composite type \"String\".", 1, 27)]),
        ("query A { viewer { login } } query A { viewer { login } } { viewer { login } }", &[("There can be only one operation named \"A\".", 1, 36), ("This anonymous operation must be the only defined operation.", 1, 59)]),
    ];
    for (text, expected) in cases {
        let expected: Vec<(String, u32, u32)> = expected
            .iter()
            .map(|(m, l, c)| (m.to_string(), *l, *c))
            .collect();
        assert_eq!(problems(&schema, text), expected, "{text}");
    }
}
