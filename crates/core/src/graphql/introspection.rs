//! Reading the answer to the introspection query into a schema.
//!
//! The answer is read straight into the small structs below rather than into a general JSON tree, which is
//! several times faster on large schemas. Servers differ, so every member is read leniently: one that is
//! absent, null or of another JSON type counts as absent, and only a missing name or type is an error.
//! The nesting of `ofType` is bounded by serde_json's recursion limit, so hostile input cannot exhaust
//! the stack.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::schema::{DirectiveDef, EnumValue, FieldDef, InputValue, Schema, TypeDef, TypeKind};
use super::TypeRef;

/// A member of the JSON type `T` expects, or `None` when it is null or of another JSON type.
struct Loose<T>(Option<T>);

impl<T> Default for Loose<T> {
    fn default() -> Self {
        Loose(None)
    }
}

/// What a JSON value of each type becomes; the types a reader does not take are skipped.
trait Shape<'de>: Sized {
    fn from_str(_: Cow<'de, str>) -> Option<Self> {
        None
    }
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Option<Self>, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| None)
    }
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        IgnoredAny.visit_map(map).map(|_| None)
    }
}

impl<'de, T: Shape<'de>> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnyValue<T>(PhantomData<T>);
        impl<'de, T: Shape<'de>> Visitor<'de> for AnyValue<T> {
            type Value = Loose<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Loose<T>, E> {
                Ok(Loose(T::from_str(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose<T>, E> {
                Ok(Loose(T::from_str(Cow::Owned(v.to_owned()))))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose<T>, E> {
                Ok(Loose(T::from_bool(v)))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Loose<T>, E> {
                Ok(Loose(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Loose<T>, E> {
                Ok(Loose(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Loose<T>, E> {
                Ok(Loose(None))
            }
            fn visit_unit<E>(self) -> Result<Loose<T>, E> {
                Ok(Loose(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Loose<T>, A::Error> {
                T::from_seq(seq).map(Loose)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Loose<T>, A::Error> {
                T::from_map(map).map(Loose)
            }
        }
        deserializer.deserialize_any(AnyValue(PhantomData))
    }
}

impl<'de: 'a, 'a> Shape<'de> for Cow<'a, str> {
    fn from_str(s: Cow<'de, str>) -> Option<Self> {
        Some(s)
    }
}

impl Shape<'_> for bool {
    fn from_bool(b: bool) -> Option<Self> {
        Some(b)
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for Vec<T> {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

macro_rules! objects {
    ($($object:ty),*) => {$(
        impl<'de: 'a, 'a> Shape<'de> for $object {
            fn from_map<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
                Self::deserialize(MapAccessDeserializer::new(map)).map(Some)
            }
        }
    )*};
}

objects!(
    Answer<'a>,
    Data<'a>,
    Message<'a>,
    SchemaJson<'a>,
    TypeRefJson<'a>,
    TypeJson<'a>,
    MemberJson<'a>,
    DirectiveJson<'a>,
    Box<TypeRefJson<'a>>
);

/// Tells a member that is present (even as null) from one that is absent.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

type Text<'a> = Loose<Cow<'a, str>>;
type List<T> = Loose<Vec<Loose<T>>>;

/// The members of the answer that a schema needs; all others are skipped unread.
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Answer<'a> {
    data: Loose<Data<'a>>,
    #[serde(rename = "__schema")]
    schema: Loose<SchemaJson<'a>>,
    errors: List<Message<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Data<'a> {
    #[serde(rename = "__schema", deserialize_with = "present")]
    schema: Option<Loose<SchemaJson<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Message<'a> {
    message: Text<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase", bound(deserialize = "'de: 'a"))]
struct SchemaJson<'a> {
    query_type: Loose<TypeRefJson<'a>>,
    mutation_type: Loose<TypeRefJson<'a>>,
    subscription_type: Loose<TypeRefJson<'a>>,
    types: List<TypeJson<'a>>,
    directives: List<DirectiveJson<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase", bound(deserialize = "'de: 'a"))]
struct TypeJson<'a> {
    kind: Text<'a>,
    name: Text<'a>,
    description: Text<'a>,
    fields: List<MemberJson<'a>>,
    interfaces: List<TypeRefJson<'a>>,
    possible_types: List<TypeRefJson<'a>>,
    enum_values: List<MemberJson<'a>>,
    input_fields: List<MemberJson<'a>>,
}

/// A field, an argument, an input field or an enum value: each reads the members that apply to it.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase", bound(deserialize = "'de: 'a"))]
struct MemberJson<'a> {
    name: Text<'a>,
    description: Text<'a>,
    args: List<MemberJson<'a>>,
    #[serde(rename = "type", deserialize_with = "present")]
    ty: Option<Loose<Box<TypeRefJson<'a>>>>,
    default_value: Text<'a>,
    is_deprecated: Loose<bool>,
    deprecation_reason: Text<'a>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase", bound(deserialize = "'de: 'a"))]
struct DirectiveJson<'a> {
    name: Text<'a>,
    description: Text<'a>,
    args: List<MemberJson<'a>>,
    locations: List<Cow<'a, str>>,
    is_repeatable: Loose<bool>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase", bound(deserialize = "'de: 'a"))]
struct TypeRefJson<'a> {
    kind: Text<'a>,
    name: Text<'a>,
    #[serde(deserialize_with = "present")]
    of_type: Option<Loose<Box<TypeRefJson<'a>>>>,
}

pub(crate) fn read(json: &str) -> Result<Schema, String> {
    let Loose(answer) = serde_json::from_str::<Loose<Answer>>(json)
        .map_err(|e| format!("The introspection result is not JSON: {e}."))?;
    let Some(answer) = answer else {
        return Err("The introspection result is not a JSON object.".to_string());
    };
    let data_schema = answer.data.0.and_then(|d| d.schema);
    let Some(schema) = data_schema.unwrap_or(answer.schema).0 else {
        if let Some(errors) = answer.errors.0 {
            let messages: Vec<String> = errors
                .into_iter()
                .filter_map(|e| e.0?.message.0.map(Cow::into_owned))
                .collect();
            return Err(format!(
                "The server answered with errors instead of its schema: {}",
                messages.join("; ")
            ));
        }
        // Only this message needs the member names, so only it reads the answer a second time.
        let object: Map<String, Value> = serde_json::from_str(json).unwrap_or_default();
        let members: Vec<&str> = object.keys().map(String::as_str).collect();
        return Err(format!(
            "Expected an introspection result, {{\"data\": {{\"__schema\": …}}}} or {{\"__schema\": …}}; found an object with {}.",
            if members.is_empty() { "no members".to_string() } else { format!("the members {}", members.join(", ")) }
        ));
    };
    let root_name = |root: Loose<TypeRefJson>| root.0.and_then(|r| owned(r.name));
    let roots = [
        root_name(schema.query_type),
        root_name(schema.mutation_type),
        root_name(schema.subscription_type),
    ];
    let Some(types) = schema.types.0 else {
        return Err("The introspection result's __schema has no \"types\" list.".to_string());
    };
    let types = types
        .into_iter()
        .map(|t| type_def(t.0.unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()?;
    let directives = items(schema.directives)
        .map(|d| {
            Ok(DirectiveDef {
                name: owned(d.name).ok_or("A directive has no name.")?,
                description: owned(d.description),
                args: input_values(d.args)?,
                locations: d
                    .locations
                    .0
                    .into_iter()
                    .flatten()
                    .filter_map(owned)
                    .collect(),
                repeatable: d.is_repeatable.0.unwrap_or(false),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Schema::assemble(types, roots, directives))
}

fn owned(text: Text) -> Option<String> {
    text.0.map(Cow::into_owned)
}

/// The items of a list, each one that is not of the expected JSON type read as `T`'s default.
fn items<T: Default>(list: List<T>) -> impl Iterator<Item = T> {
    list.0
        .unwrap_or_default()
        .into_iter()
        .map(|item| item.0.unwrap_or_default())
}

fn deprecation(deprecated: Loose<bool>, reason: Text) -> Option<String> {
    if deprecated.0 != Some(true) {
        return None;
    }
    Some(owned(reason).unwrap_or_else(|| "No longer supported".to_string()))
}

fn names(list: List<TypeRefJson>) -> Vec<String> {
    items(list).filter_map(|t| owned(t.name)).collect()
}

fn type_def(value: TypeJson) -> Result<TypeDef, String> {
    let name = owned(value.name).ok_or("A type in the introspection result has no name.")?;
    let kind = match value.kind.0.as_deref() {
        Some("SCALAR") => TypeKind::Scalar,
        Some("OBJECT") => TypeKind::Object,
        Some("INTERFACE") => TypeKind::Interface,
        Some("UNION") => TypeKind::Union,
        Some("ENUM") => TypeKind::Enum,
        Some("INPUT_OBJECT") => TypeKind::InputObject,
        other => return Err(format!("The type {name} has an unknown kind {other:?}.")),
    };
    let mut ty = TypeDef::new(kind, name, owned(value.description));
    for field in items(value.fields) {
        ty.fields.push(FieldDef {
            name: owned(field.name)
                .ok_or_else(|| format!("A field of {} has no name.", ty.name))?,
            description: owned(field.description),
            args: input_values(field.args)?,
            ty: type_ref(field.ty)?,
            deprecation: deprecation(field.is_deprecated, field.deprecation_reason),
        });
    }
    ty.interfaces = names(value.interfaces);
    ty.possible_types = names(value.possible_types);
    ty.enum_values = items(value.enum_values)
        .filter_map(|v| {
            Some(EnumValue {
                name: owned(v.name)?,
                description: owned(v.description),
                deprecation: deprecation(v.is_deprecated, v.deprecation_reason),
            })
        })
        .collect();
    ty.input_fields = input_values(value.input_fields)?;
    Ok(ty)
}

fn input_values(list: List<MemberJson>) -> Result<Vec<InputValue>, String> {
    items(list)
        .map(|v| {
            Ok(InputValue {
                name: owned(v.name).ok_or("An argument or input field has no name.")?,
                description: owned(v.description),
                ty: type_ref(v.ty)?,
                default: owned(v.default_value),
                deprecation: deprecation(v.is_deprecated, v.deprecation_reason),
            })
        })
        .collect()
}

fn type_ref(value: Option<Loose<Box<TypeRefJson>>>) -> Result<TypeRef, String> {
    let value = *value
        .ok_or("A type reference is missing.")?
        .0
        .unwrap_or_default();
    match value.kind.0.as_deref() {
        Some("NON_NULL") => Ok(TypeRef::NonNull(Box::new(type_ref(value.of_type)?))),
        Some("LIST") => Ok(TypeRef::List(Box::new(type_ref(value.of_type)?))),
        _ => owned(value.name).map(TypeRef::Named).ok_or_else(|| {
            "A type reference has neither a name nor an ofType (nested too deep?).".to_string()
        }),
    }
}
