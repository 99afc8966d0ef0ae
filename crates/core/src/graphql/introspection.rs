//! Reading the answer to the introspection query into a schema.

use serde_json::{Map, Value};

use super::schema::{DirectiveDef, EnumValue, FieldDef, InputValue, Schema, TypeDef, TypeKind};
use super::TypeRef;

pub(crate) fn read(json: &str) -> Result<Schema, String> {
    let root: Value = serde_json::from_str(json)
        .map_err(|e| format!("The introspection result is not JSON: {e}."))?;
    let Some(object) = root.as_object() else {
        return Err("The introspection result is not a JSON object.".to_string());
    };
    let data_schema = object.get("data").and_then(|d| d.get("__schema"));
    let Some(schema) = data_schema
        .or_else(|| object.get("__schema"))
        .and_then(Value::as_object)
    else {
        if let Some(errors) = object.get("errors").and_then(Value::as_array) {
            let messages: Vec<&str> = errors
                .iter()
                .filter_map(|e| e.get("message").and_then(Value::as_str))
                .collect();
            return Err(format!(
                "The server answered with errors instead of its schema: {}",
                messages.join("; ")
            ));
        }
        let members: Vec<&str> = object.keys().map(String::as_str).collect();
        return Err(format!(
            "Expected an introspection result, {{\"data\": {{\"__schema\": …}}}} or {{\"__schema\": …}}; found an object with {}.",
            if members.is_empty() { "no members".to_string() } else { format!("the members {}", members.join(", ")) }
        ));
    };
    let root_name = |key: &str| {
        schema
            .get(key)
            .and_then(|t| t.get("name"))
            .and_then(Value::as_str)
            .map(String::from)
    };
    let roots = [
        root_name("queryType"),
        root_name("mutationType"),
        root_name("subscriptionType"),
    ];
    let Some(types) = schema.get("types").and_then(Value::as_array) else {
        return Err("The introspection result's __schema has no \"types\" list.".to_string());
    };
    let types = types.iter().map(type_def).collect::<Result<Vec<_>, _>>()?;
    let directives = list(schema, "directives")
        .iter()
        .map(|d| {
            Ok(DirectiveDef {
                name: string(d, "name").ok_or("A directive has no name.")?,
                description: string(d, "description"),
                args: input_values(d, "args")?,
                locations: list_of(d, "locations")
                    .iter()
                    .filter_map(|l| l.as_str().map(String::from))
                    .collect(),
                repeatable: d
                    .get("isRepeatable")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Schema::assemble(types, roots, directives))
}

fn list<'a>(object: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    object
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn list_of<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.as_object().map_or(&[], |o| list(o, key))
}

fn string(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(String::from)
}

fn deprecation(value: &Value) -> Option<String> {
    if value.get("isDeprecated").and_then(Value::as_bool) != Some(true) {
        return None;
    }
    Some(string(value, "deprecationReason").unwrap_or_else(|| "No longer supported".to_string()))
}

fn names(value: &Value, key: &str) -> Vec<String> {
    list_of(value, key)
        .iter()
        .filter_map(|t| string(t, "name"))
        .collect()
}

fn type_def(value: &Value) -> Result<TypeDef, String> {
    let name = string(value, "name").ok_or("A type in the introspection result has no name.")?;
    let kind = match value.get("kind").and_then(Value::as_str) {
        Some("SCALAR") => TypeKind::Scalar,
        Some("OBJECT") => TypeKind::Object,
        Some("INTERFACE") => TypeKind::Interface,
        Some("UNION") => TypeKind::Union,
        Some("ENUM") => TypeKind::Enum,
        Some("INPUT_OBJECT") => TypeKind::InputObject,
        other => return Err(format!("The type {name} has an unknown kind {other:?}.")),
    };
    let mut ty = TypeDef::new(kind, name, string(value, "description"));
    for field in list_of(value, "fields") {
        ty.fields.push(FieldDef {
            name: string(field, "name")
                .ok_or_else(|| format!("A field of {} has no name.", ty.name))?,
            description: string(field, "description"),
            args: input_values(field, "args")?,
            ty: type_ref(field.get("type"))?,
            deprecation: deprecation(field),
        });
    }
    ty.interfaces = names(value, "interfaces");
    ty.possible_types = names(value, "possibleTypes");
    ty.enum_values = list_of(value, "enumValues")
        .iter()
        .filter_map(|v| {
            let name = string(v, "name")?;
            Some(EnumValue {
                name,
                description: string(v, "description"),
                deprecation: deprecation(v),
            })
        })
        .collect();
    ty.input_fields = input_values(value, "inputFields")?;
    Ok(ty)
}

fn input_values(value: &Value, key: &str) -> Result<Vec<InputValue>, String> {
    list_of(value, key)
        .iter()
        .map(|v| {
            Ok(InputValue {
                name: string(v, "name").ok_or("An argument or input field has no name.")?,
                description: string(v, "description"),
                ty: type_ref(v.get("type"))?,
                default: string(v, "defaultValue"),
                deprecation: deprecation(v),
            })
        })
        .collect()
}

fn type_ref(value: Option<&Value>) -> Result<TypeRef, String> {
    let value = value.ok_or("A type reference is missing.")?;
    match value.get("kind").and_then(Value::as_str) {
        Some("NON_NULL") => Ok(TypeRef::NonNull(Box::new(type_ref(value.get("ofType"))?))),
        Some("LIST") => Ok(TypeRef::List(Box::new(type_ref(value.get("ofType"))?))),
        _ => string(value, "name").map(TypeRef::Named).ok_or_else(|| {
            "A type reference has neither a name nor an ofType (nested too deep?).".to_string()
        }),
    }
}
