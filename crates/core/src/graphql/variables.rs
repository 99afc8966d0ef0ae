//! An operation's variables as JSON: checked against their declared types before sending, and a skeleton
//! to fill in.

use serde_json::{Map, Value};

use super::document::Operation;
use super::schema::{Schema, TypeKind};
use super::TypeRef;

/// A problem with the variables' JSON, naming the variable when it concerns one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableProblem {
    pub name: Option<String>,
    pub message: String,
}

/// Checks the variables' JSON text (an object, or empty for none) against the operation's definitions, and
/// with a schema the values against their types as GraphQL coerces them.
pub fn check(
    operation: &Operation,
    json_text: &str,
    schema: Option<&Schema>,
) -> Vec<VariableProblem> {
    let given = if json_text.trim().is_empty() {
        Map::new()
    } else {
        match serde_json::from_str::<Value>(json_text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return vec![problem(
                    None,
                    "The variables must be a JSON object.".to_string(),
                )]
            }
            Err(e) => return vec![problem(None, format!("The variables are not JSON: {e}."))],
        }
    };
    let mut problems = Vec::new();
    for name in given.keys() {
        if !operation.variables.iter().any(|v| &v.name.value == name) {
            let message = format!("Variable \"${name}\" is not defined by the operation.");
            problems.push(problem(Some(name), message));
        }
    }
    for definition in &operation.variables {
        let name = &definition.name.value;
        let ty = &definition.ty;
        match given.get(name) {
            None if ty.is_non_null() && definition.default.is_none() => problems.push(problem(
                Some(name),
                format!("Variable \"${name}\" of required type \"{ty}\" was not provided."),
            )),
            None => {}
            Some(value) => {
                if let Err(message) = coerce(value, ty, schema, &format!("${name}")) {
                    let message = format!(
                        "Variable \"${name}\" got invalid value {}; {message}",
                        short(value)
                    );
                    problems.push(problem(Some(name), message));
                }
            }
        }
    }
    problems
}

fn problem(name: Option<&String>, message: String) -> VariableProblem {
    VariableProblem {
        name: name.cloned(),
        message,
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Whether `value` is acceptable input for `ty`; the error says what is wrong and at which path.
fn coerce(value: &Value, ty: &TypeRef, schema: Option<&Schema>, path: &str) -> Result<(), String> {
    match (ty, value) {
        (TypeRef::NonNull(_), Value::Null) => Err(format!(
            "Expected non-nullable type \"{ty}\" not to be null at {path}."
        )),
        (TypeRef::NonNull(inner), _) => coerce(value, inner, schema, path),
        (_, Value::Null) => Ok(()),
        (TypeRef::List(item), Value::Array(items)) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| coerce(v, item, schema, &format!("{path}[{i}]"))),
        // A single value stands for a list of one.
        (TypeRef::List(item), _) => coerce(value, item, schema, path),
        (TypeRef::Named(name), _) => named(value, name, schema, path),
    }
}

fn named(value: &Value, name: &str, schema: Option<&Schema>, path: &str) -> Result<(), String> {
    let wrong = |what: &str| {
        Err(format!(
            "{name} cannot represent {what}: {} (at {path}).",
            short(value)
        ))
    };
    match name {
        "Int" => match value.as_i64() {
            Some(n) if i32::try_from(n).is_ok() => Ok(()),
            Some(_) => wrong("non 32-bit signed integer value"),
            None if value
                .as_f64()
                .is_some_and(|f| f.fract() == 0.0 && f.abs() <= i32::MAX as f64) =>
            {
                Ok(())
            }
            None => wrong("non-integer value"),
        },
        "Float" if value.is_number() => Ok(()),
        "Float" => wrong("non numeric value"),
        "String" if value.is_string() => Ok(()),
        "String" => wrong("a non string value"),
        "Boolean" if value.is_boolean() => Ok(()),
        "Boolean" => wrong("a non boolean value"),
        "ID" if value.is_string() || value.is_i64() || value.is_u64() => Ok(()),
        "ID" => wrong("a value that is not a string or an integer"),
        _ => {
            let Some(def) = schema.and_then(|s| s.get(name)) else {
                return Ok(());
            };
            match def.kind {
                TypeKind::Enum => match value.as_str() {
                    Some(v) if def.enum_values.iter().any(|e| e.name == v) => Ok(()),
                    Some(v) => Err(format!(
                        "Value \"{v}\" does not exist in \"{name}\" enum (at {path})."
                    )),
                    None => Err(format!(
                        "Enum \"{name}\" cannot represent non-string value: {} (at {path}).",
                        short(value)
                    )),
                },
                TypeKind::InputObject => {
                    let Some(object) = value.as_object() else {
                        return Err(format!(
                            "Expected type \"{name}\" to be an object (at {path})."
                        ));
                    };
                    for key in object.keys() {
                        if def.input_field(key).is_none() {
                            return Err(format!(
                                "Field \"{key}\" is not defined by type \"{name}\" (at {path})."
                            ));
                        }
                    }
                    for field in &def.input_fields {
                        match object.get(&field.name) {
                            None if field.is_required() => {
                                return Err(format!(
                                    "Field \"{}\" of required type \"{}\" was not provided (at {path}).",
                                    field.name, field.ty
                                ))
                            }
                            None => {}
                            Some(v) => coerce(v, &field.ty, schema, &format!("{path}.{}", field.name))?,
                        }
                    }
                    Ok(())
                }
                _ => Ok(()),
            }
        }
    }
}

/// A JSON object with each of the operation's variables and a placeholder of its type, to fill in.
pub fn skeleton(operation: &Operation, schema: Option<&Schema>) -> String {
    let mut object = Map::new();
    for definition in &operation.variables {
        let value = match &definition.default {
            Some(default) => literal(default),
            None => placeholder(&definition.ty, schema, 0),
        };
        object.insert(definition.name.value.clone(), value);
    }
    serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_else(|_| "{}".to_string())
}

fn literal(value: &super::document::Value) -> Value {
    use super::document::ValueKind;
    match &value.kind {
        ValueKind::Int(t) | ValueKind::Float(t) => serde_json::from_str(t).unwrap_or(Value::Null),
        ValueKind::String(s) | ValueKind::Enum(s) => Value::String(s.clone()),
        ValueKind::Boolean(b) => Value::Bool(*b),
        ValueKind::List(items) => Value::Array(items.iter().map(literal).collect()),
        ValueKind::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(n, v)| (n.value.clone(), literal(v)))
                .collect(),
        ),
        ValueKind::Null | ValueKind::Variable(_) => Value::Null,
    }
}

/// A value of the type: its first enum value, an input object's required fields, an empty string…
fn placeholder(ty: &TypeRef, schema: Option<&Schema>, depth: usize) -> Value {
    match ty {
        TypeRef::NonNull(inner) => placeholder(inner, schema, depth),
        TypeRef::List(_) => Value::Array(Vec::new()),
        TypeRef::Named(name) => match name.as_str() {
            "Int" | "Float" => Value::from(0),
            "Boolean" => Value::Bool(false),
            "String" | "ID" => Value::String(String::new()),
            _ => match schema.and_then(|s| s.get(name)) {
                Some(def) if def.kind == TypeKind::Enum => def
                    .enum_values
                    .first()
                    .map_or(Value::Null, |v| Value::String(v.name.clone())),
                // Required fields only, and not forever: input objects can refer to themselves.
                Some(def) if def.kind == TypeKind::InputObject && depth < 4 => Value::Object(
                    def.input_fields
                        .iter()
                        .filter(|f| f.is_required())
                        .map(|f| (f.name.clone(), placeholder(&f.ty, schema, depth + 1)))
                        .collect(),
                ),
                _ => Value::String(String::new()),
            },
        },
    }
}
