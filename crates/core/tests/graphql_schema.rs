//! Schemas read from GitHub's SDL and from its introspection result describe the same types, and SDL
//! written back reads to the same schema.
#![cfg(feature = "graphql")]

use std::io::Read;

use reqlab_core::graphql::schema::{Schema, TypeKind};

fn sdl() -> String {
    std::fs::read_to_string("tests/fixtures/graphql/github.graphql").unwrap()
}

fn introspection() -> String {
    let file = std::fs::File::open("tests/fixtures/graphql/github.introspection.json.gz").unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Object defaults list their fields in the input type's order in one source and as written in the other.
fn normalized(sdl: &str) -> String {
    sdl.lines()
        .map(|line| match (line.find("= {"), line.rfind('}')) {
            (Some(open), Some(close)) if close > open => {
                let mut parts: Vec<&str> = line[open + 3..close].split(", ").collect();
                parts.sort();
                format!(
                    "{}= {{{}}}{}",
                    &line[..open],
                    parts.join(", "),
                    &line[close + 1..]
                )
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn sdl_and_introspection_describe_the_same_schema() {
    let text = sdl();
    let from_sdl = Schema::from_sdl(&text).unwrap();
    let from_json = Schema::from_introspection(&introspection()).unwrap();
    // An independent count: definitions start a line with their keyword.
    let declared = text
        .lines()
        .filter(|l| {
            [
                "type ",
                "enum ",
                "input ",
                "interface ",
                "union ",
                "scalar ",
            ]
            .iter()
            .any(|k| l.starts_with(k))
        })
        .count();
    let own = |s: &Schema| {
        s.types()
            .iter()
            .filter(|t| {
                !t.name.starts_with("__")
                    && !["String", "Int", "Float", "Boolean", "ID"].contains(&t.name.as_str())
            })
            .count()
    };
    assert_eq!(own(&from_sdl), declared);
    assert_eq!(own(&from_json), declared);
    assert_eq!(from_json.types().len(), declared + 5 + 8);
    for ty in from_sdl
        .types()
        .iter()
        .filter(|t| !reqlab_core::graphql::schema::is_built_in_type(&t.name))
    {
        let a = normalized(&from_sdl.type_sdl(&ty.name).unwrap());
        let b = normalized(&from_json.type_sdl(&ty.name).unwrap());
        assert_eq!(a, b, "type {}", ty.name);
    }
    assert_eq!(from_sdl.query_type().unwrap().name, "Query");
    assert_eq!(from_json.mutation_type().unwrap().name, "Mutation");
    assert!(from_json.subscription_type().is_none());
    let repo = from_sdl.get("Repository").unwrap();
    assert_eq!(repo.kind, TypeKind::Object);
    assert_eq!(
        repo.field("issues").unwrap().ty.to_string(),
        "IssueConnection!"
    );
    assert_eq!(
        from_sdl.get("Node").unwrap().possible_types,
        from_json.get("Node").unwrap().possible_types
    );
}

#[test]
fn sdl_written_back_reads_to_the_same_schema() {
    let schema = Schema::from_sdl(&sdl()).unwrap();
    let written = schema.to_sdl();
    let again = Schema::from_sdl(&written).unwrap();
    assert_eq!(again, schema);
    assert_eq!(again.to_sdl(), written);
    let from_json = Schema::from_introspection(&introspection()).unwrap();
    assert_eq!(
        Schema::from_sdl(&from_json.to_sdl()).unwrap().to_sdl(),
        from_json.to_sdl()
    );
}

#[test]
fn introspection_wrappers_and_refusals() {
    let bare = r#"{"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q","fields":[{"name":"a","args":[],"type":{"kind":"NON_NULL","ofType":{"kind":"LIST","ofType":{"kind":"SCALAR","name":"String"}}}}]}],"directives":[]}}"#;
    let schema = Schema::from_introspection(bare).unwrap();
    assert_eq!(
        schema.get("Q").unwrap().fields[0].ty.to_string(),
        "[String]!"
    );
    assert_eq!(
        schema.to_sdl(),
        "schema {\n  query: Q\n}\n\ntype Q {\n  a: [String]!\n}\n"
    );
    let refused =
        Schema::from_introspection(r#"{"errors":[{"message":"introspection is disabled"}]}"#)
            .unwrap_err();
    assert!(refused.contains("introspection is disabled"), "{refused}");
    let other = Schema::from_introspection(r#"{"data":{"viewer":{}}}"#).unwrap_err();
    assert!(
        other.contains("found an object with the members data"),
        "{other}"
    );
    assert!(Schema::from_introspection("<html>")
        .unwrap_err()
        .contains("not JSON"));
}

#[test]
fn search_ranks_types_then_fields_then_arguments() {
    let schema = Schema::from_sdl(&sdl()).unwrap();
    let hits = schema.search("issue", 400);
    assert_eq!(hits[0].label, "Issue");
    assert!(hits[1].label.to_lowercase().starts_with("issue"));
    let first_field = hits.iter().position(|h| h.field.is_some()).unwrap();
    assert!(hits[..first_field].iter().all(|h| h.field.is_none()));
    assert!(hits.iter().any(|h| h.label == "Repository.issue"));
    assert_eq!(schema.search("ISSUE", 400), hits);
    assert_eq!(schema.search("issue", 3).len(), 3);
}
