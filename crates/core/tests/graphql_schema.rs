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

/// Wraps `types` and `directives` (JSON text) in the answer to the introspection query.
fn answer(types: &str, directives: &str) -> String {
    format!(
        r#"{{"data":{{"__schema":{{"queryType":{{"name":"Q"}},"types":{types},"directives":{directives}}}}}}}"#
    )
}

#[test]
fn introspection_tolerates_absent_null_and_mistyped_members() {
    let types = r#"[
      {"kind":"OBJECT","name":"Q","description":null,"interfaces":"none","possibleTypes":null,"fields":[
        {"name":"a","description":5,"type":{"kind":"SCALAR","name":"String"},"isDeprecated":true},
        {"name":"b\"\u00e9","description":"quoted \"text\"","args":[{"name":"x","type":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":"Int"}},"defaultValue":"3","extra":[1,{"y":2}]}],
         "type":{"kind":"LIST","name":null,"ofType":{"kind":"SCALAR","name":"String"}},"isDeprecated":"yes","deprecationReason":"gone"}
      ]},
      {"kind":"ENUM","name":"E","enumValues":[{"name":"ON","isDeprecated":true,"deprecationReason":"off"},{"description":"no name"},7,{"name":"OFF"}]}
    ]"#;
    let directives =
        r#"[{"name":"tag","locations":["FIELD",3,null,"QUERY"],"args":{},"isRepeatable":"true"}]"#;
    let schema = Schema::from_introspection(&answer(types, directives)).unwrap();
    let q = schema.get("Q").unwrap();
    assert_eq!(q.description, None);
    assert!(q.interfaces.is_empty() && q.possible_types.is_empty());
    let a = q.field("a").unwrap();
    assert_eq!(a.description, None);
    assert_eq!(a.deprecation.as_deref(), Some("No longer supported"));
    let b = &q.fields[1];
    assert_eq!(b.name, "b\"é");
    assert_eq!(b.description.as_deref(), Some("quoted \"text\""));
    assert_eq!(b.ty.to_string(), "[String]");
    assert_eq!(b.deprecation, None);
    assert_eq!(b.args[0].ty.to_string(), "Int!");
    assert_eq!(b.args[0].default.as_deref(), Some("3"));
    let e = schema.get("E").unwrap();
    let values: Vec<(&str, Option<&str>)> = e
        .enum_values
        .iter()
        .map(|v| (v.name.as_str(), v.deprecation.as_deref()))
        .collect();
    assert_eq!(values, [("ON", Some("off")), ("OFF", None)]);
    let tag = schema.directive("tag").unwrap();
    assert_eq!(tag.locations, ["FIELD", "QUERY"]);
    assert!(tag.args.is_empty() && !tag.repeatable);
    // Absent directives, a bare answer and a `data.__schema` that wins over a top-level one.
    let bare = r#"{"__schema":{"types":[{"kind":"SCALAR","name":"S"}]}}"#;
    assert!(Schema::from_introspection(bare).unwrap().get("S").is_some());
    let both =
        r#"{"data":{"__schema":{"types":[{"kind":"SCALAR","name":"A"}]}},"__schema":{"types":[]}}"#;
    assert!(Schema::from_introspection(both).unwrap().get("A").is_some());
}

#[test]
fn introspection_names_what_is_missing_or_wrong() {
    let error = |types: &str| Schema::from_introspection(&answer(types, "[]")).unwrap_err();
    let scalar = r#"{"kind":"SCALAR","name":"S"}"#;
    assert_eq!(
        error(&format!(r#"[{scalar},{{"kind":"SCALAR"}}]"#)),
        "A type in the introspection result has no name."
    );
    assert_eq!(
        error(r#"[7]"#),
        "A type in the introspection result has no name."
    );
    assert_eq!(
        error(r#"[{"kind":"LIST","name":"L"}]"#),
        r#"The type L has an unknown kind Some("LIST")."#
    );
    assert_eq!(
        error(r#"[{"kind":1,"name":"N"}]"#),
        "The type N has an unknown kind None."
    );
    assert_eq!(
        error(r#"[{"kind":"OBJECT","name":"O","fields":[{"type":{"kind":"SCALAR","name":"S"}}]}]"#),
        "A field of O has no name."
    );
    assert_eq!(
        error(r#"[{"kind":"OBJECT","name":"O","fields":[{"name":"f"}]}]"#),
        "A type reference is missing."
    );
    assert_eq!(
        error(
            r#"[{"kind":"OBJECT","name":"O","fields":[{"name":"f","type":{"kind":"NON_NULL"}}]}]"#
        ),
        "A type reference is missing."
    );
    for null_or_odd in ["null", "\"S\"", r#"{"kind":"NON_NULL","ofType":null}"#] {
        assert_eq!(
            error(&format!(
                r#"[{{"kind":"INPUT_OBJECT","name":"I","inputFields":[{{"name":"f","type":{null_or_odd}}}]}}]"#
            )),
            "A type reference has neither a name nor an ofType (nested too deep?)."
        );
    }
    assert_eq!(
        error(
            r#"[{"kind":"OBJECT","name":"O","fields":[{"name":"f","args":[{"type":{"name":"S"}}]}]}]"#
        ),
        "An argument or input field has no name."
    );
    assert_eq!(
        Schema::from_introspection(&answer("[]", r#"[{"locations":[]}]"#)).unwrap_err(),
        "A directive has no name."
    );
    for no_types in [r#"{"__schema":{}}"#, r#"{"__schema":{"types":{}}}"#] {
        assert_eq!(
            Schema::from_introspection(no_types).unwrap_err(),
            "The introspection result's __schema has no \"types\" list."
        );
    }
    assert_eq!(
        Schema::from_introspection("[1]").unwrap_err(),
        "The introspection result is not a JSON object."
    );
    assert_eq!(
        Schema::from_introspection(
            r#"{"data":null,"errors":[{"message":"not allowed"},{"message":3},"x",{"message":"log in"}]}"#
        )
        .unwrap_err(),
        "The server answered with errors instead of its schema: not allowed; log in"
    );
    // A null `data.__schema` is the answer's schema, not a reason to look elsewhere.
    let null_schema = r#"{"data":{"__schema":null},"__schema":{"types":[]},"errors":[]}"#;
    assert_eq!(
        Schema::from_introspection(null_schema).unwrap_err(),
        "The server answered with errors instead of its schema: "
    );
    assert_eq!(
        Schema::from_introspection(r#"{"zeta":1,"errors":{},"alpha":[]}"#).unwrap_err(),
        "Expected an introspection result, {\"data\": {\"__schema\": …}} or {\"__schema\": …}; found an object with the members alpha, errors, zeta."
    );
    assert!(Schema::from_introspection("{}")
        .unwrap_err()
        .ends_with("found an object with no members."));
}

#[test]
fn nested_type_references_are_bounded_by_the_json_depth_limit() {
    let wrapped = |depth: usize| {
        let chain = format!(
            "{}{}{}",
            r#"{"kind":"LIST","ofType":"#.repeat(depth),
            r#"{"kind":"SCALAR","name":"Int"}"#,
            "}".repeat(depth)
        );
        answer(
            &format!(
                r#"[{{"kind":"OBJECT","name":"Q","fields":[{{"name":"f","type":{chain}}}]}}]"#
            ),
            "[]",
        )
    };
    let deep = Schema::from_introspection(&wrapped(100)).unwrap();
    let ty = deep.get("Q").unwrap().fields[0].ty.to_string();
    assert_eq!(ty, format!("{}Int{}", "[".repeat(100), "]".repeat(100)));
    // Hostile nesting ends in a message, not a stack overflow.
    let refused = Schema::from_introspection(&wrapped(100_000)).unwrap_err();
    assert!(
        refused.starts_with("The introspection result is not JSON: recursion limit exceeded"),
        "{refused}"
    );
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
