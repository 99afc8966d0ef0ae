//! Schemas: the types, fields, arguments and directives a server declares, with a name index, read from
//! an introspection result or from SDL and written back as SDL.

use std::collections::HashMap;

use super::{SyntaxError, TypeRef};

/// The six kinds of named types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

impl TypeKind {
    /// Whether values of the type have fields to select (object, interface, union).
    pub fn is_composite(self) -> bool {
        matches!(
            self,
            TypeKind::Object | TypeKind::Interface | TypeKind::Union
        )
    }

    /// Whether the type can be a variable's or argument's type.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            TypeKind::Scalar | TypeKind::Enum | TypeKind::InputObject
        )
    }

    /// Whether a field of this type is a leaf (no selection set).
    pub fn is_leaf(self) -> bool {
        matches!(self, TypeKind::Scalar | TypeKind::Enum)
    }
}

/// An argument, an input object's field or a directive's argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputValue {
    pub name: String,
    pub description: Option<String>,
    pub ty: TypeRef,
    /// The default value as GraphQL writes it.
    pub default: Option<String>,
    pub deprecation: Option<String>,
}

impl InputValue {
    /// Whether a value must be given: non-null and without default.
    pub fn is_required(&self) -> bool {
        self.ty.is_non_null() && self.default.is_none()
    }
}

/// A field of an object or interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDef {
    pub name: String,
    pub description: Option<String>,
    pub args: Vec<InputValue>,
    pub ty: TypeRef,
    /// The reason, when the field is deprecated.
    pub deprecation: Option<String>,
}

/// A value of an enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub name: String,
    pub description: Option<String>,
    pub deprecation: Option<String>,
}

/// A named type; the members that do not apply to its kind are empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDef {
    pub kind: TypeKind,
    pub name: String,
    pub description: Option<String>,
    pub fields: Vec<FieldDef>,
    pub interfaces: Vec<String>,
    /// An interface's implementations or a union's members.
    pub possible_types: Vec<String>,
    pub enum_values: Vec<EnumValue>,
    pub input_fields: Vec<InputValue>,
}

impl TypeDef {
    pub(crate) fn new(kind: TypeKind, name: String, description: Option<String>) -> Self {
        TypeDef {
            kind,
            name,
            description,
            fields: Vec::new(),
            interfaces: Vec::new(),
            possible_types: Vec::new(),
            enum_values: Vec::new(),
            input_fields: Vec::new(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn input_field(&self, name: &str) -> Option<&InputValue> {
        self.input_fields.iter().find(|f| f.name == name)
    }
}

/// `directive @name(args) on LOCATIONS`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectiveDef {
    pub name: String,
    pub description: Option<String>,
    pub args: Vec<InputValue>,
    pub locations: Vec<String>,
    pub repeatable: bool,
}

/// A schema: its types in declaration order with a name index, its root types and its directives.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    types: Vec<TypeDef>,
    index: HashMap<String, usize>,
    query: Option<String>,
    mutation: Option<String>,
    subscription: Option<String>,
    directives: Vec<DirectiveDef>,
    /// `__typename`, `__schema` and `__type(name:)`, which every schema answers.
    meta_fields: Vec<FieldDef>,
}

/// The built-in scalars, introspection types and directives, which a schema has whether or not its SDL
/// declares them.
pub(crate) const BUILT_INS: &str = r#"
scalar String scalar Int scalar Float scalar Boolean scalar ID
type __Schema { description: String types: [__Type!]! queryType: __Type! mutationType: __Type
  subscriptionType: __Type directives: [__Directive!]! }
type __Type { kind: __TypeKind! name: String description: String specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!] interfaces: [__Type!] possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!] ofType: __Type }
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Field { name: String! description: String args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type! isDeprecated: Boolean! deprecationReason: String }
type __InputValue { name: String! description: String type: __Type! defaultValue: String
  isDeprecated: Boolean! deprecationReason: String }
type __EnumValue { name: String! description: String isDeprecated: Boolean! deprecationReason: String }
type __Directive { name: String! description: String isRepeatable: Boolean!
  locations: [__DirectiveLocation!]! args(includeDeprecated: Boolean = false): [__InputValue!]! }
enum __DirectiveLocation { QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD
  INLINE_FRAGMENT VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE
  UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION }
directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
directive @specifiedBy(url: String!) on SCALAR
type __Meta { __typename: String! __schema: __Schema! __type(name: String!): __Type }
"#;

/// Whether a type is built in (a standard scalar or an introspection type), which SDL output leaves out.
pub fn is_built_in_type(name: &str) -> bool {
    name.starts_with("__") || matches!(name, "String" | "Int" | "Float" | "Boolean" | "ID")
}

/// Whether a directive is one of the spec's own.
pub fn is_built_in_directive(name: &str) -> bool {
    matches!(
        name,
        "include" | "skip" | "deprecated" | "specifiedBy" | "oneOf"
    )
}

impl Schema {
    /// Builds a schema: adds the built-ins it lacks, indexes the names and lists each interface's
    /// implementations when the source did not.
    pub(crate) fn assemble(
        mut types: Vec<TypeDef>,
        roots: [Option<String>; 3],
        mut directives: Vec<DirectiveDef>,
    ) -> Schema {
        let (built_in_types, built_in_directives) = super::sdl::built_ins();
        let mut meta_fields = Vec::new();
        let mut index: HashMap<String, usize> = types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.clone(), i))
            .collect();
        for ty in built_in_types {
            if ty.name == "__Meta" {
                meta_fields = ty.fields;
            } else if !index.contains_key(&ty.name) {
                index.insert(ty.name.clone(), types.len());
                types.push(ty);
            }
        }
        for directive in built_in_directives {
            if !directives.iter().any(|d| d.name == directive.name) {
                directives.push(directive);
            }
        }
        let mut implementations: HashMap<String, Vec<String>> = HashMap::new();
        for ty in types.iter().filter(|t| t.kind == TypeKind::Object) {
            for interface in &ty.interfaces {
                implementations
                    .entry(interface.clone())
                    .or_default()
                    .push(ty.name.clone());
            }
        }
        for ty in types
            .iter_mut()
            .filter(|t| t.kind == TypeKind::Interface && t.possible_types.is_empty())
        {
            ty.possible_types = implementations.remove(&ty.name).unwrap_or_default();
        }
        let [query, mutation, subscription] = roots;
        Schema {
            types,
            index,
            query,
            mutation,
            subscription,
            directives,
            meta_fields,
        }
    }

    /// Reads the answer to the introspection query: `{"data": {"__schema": …}}` or `{"__schema": …}`.
    pub fn from_introspection(json: &str) -> Result<Schema, String> {
        super::introspection::read(json)
    }

    /// Reads type system definitions and extensions (SDL).
    pub fn from_sdl(text: &str) -> Result<Schema, SyntaxError> {
        super::sdl::read(text)
    }

    /// The schema as SDL, without the built-ins, in declaration order.
    pub fn to_sdl(&self) -> String {
        super::print::schema(self)
    }

    /// One type as SDL.
    pub fn type_sdl(&self, name: &str) -> Option<String> {
        self.get(name).map(super::print::type_def)
    }

    /// Every type, built-ins included, in declaration order.
    pub fn types(&self) -> &[TypeDef] {
        &self.types
    }

    pub fn directives(&self) -> &[DirectiveDef] {
        &self.directives
    }

    pub fn directive(&self, name: &str) -> Option<&DirectiveDef> {
        self.directives.iter().find(|d| d.name == name)
    }

    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.index.get(name).and_then(|&i| self.types.get(i))
    }

    /// The root types' names (query, mutation, subscription) as declared.
    pub fn root_names(&self) -> [Option<&str>; 3] {
        [
            self.query.as_deref(),
            self.mutation.as_deref(),
            self.subscription.as_deref(),
        ]
    }

    pub fn query_type(&self) -> Option<&TypeDef> {
        self.query.as_deref().and_then(|n| self.get(n))
    }

    pub fn mutation_type(&self) -> Option<&TypeDef> {
        self.mutation.as_deref().and_then(|n| self.get(n))
    }

    pub fn subscription_type(&self) -> Option<&TypeDef> {
        self.subscription.as_deref().and_then(|n| self.get(n))
    }

    /// The root type an operation of `kind` starts from.
    pub fn root(&self, kind: super::OperationKind) -> Option<&TypeDef> {
        match kind {
            super::OperationKind::Query => self.query_type(),
            super::OperationKind::Mutation => self.mutation_type(),
            super::OperationKind::Subscription => self.subscription_type(),
        }
    }

    /// The fields that can be selected on `ty`: its own, then `__typename`, and on the query root
    /// `__schema` and `__type(name:)`.
    pub fn selectable_fields<'a>(&'a self, ty: &'a TypeDef) -> impl Iterator<Item = &'a FieldDef> {
        let is_query = self.query.as_deref() == Some(ty.name.as_str());
        ty.fields.iter().chain(
            self.meta_fields
                .iter()
                .filter(move |f| f.name == "__typename" || is_query),
        )
    }

    /// A field selectable on `ty` by name (meta fields included).
    pub fn field<'a>(&'a self, ty: &'a TypeDef, name: &str) -> Option<&'a FieldDef> {
        self.selectable_fields(ty).find(|f| f.name == name)
    }

    /// Whether a value of type `sub` is also one of `sup` (the same type, an implementation or a member).
    pub fn is_subtype(&self, sub: &str, sup: &str) -> bool {
        sub == sup
            || self
                .get(sup)
                .is_some_and(|t| t.possible_types.iter().any(|p| p == sub))
    }

    /// Whether two composite types can have a value in common (for fragment spreads).
    pub fn overlap(&self, a: &str, b: &str) -> bool {
        let possible = |name: &str| -> Vec<&str> {
            match self.get(name) {
                Some(t) if t.kind == TypeKind::Object => vec![t.name.as_str()],
                Some(t) => t.possible_types.iter().map(String::as_str).collect(),
                None => Vec::new(),
            }
        };
        let left = possible(a);
        possible(b).iter().any(|p| left.contains(p))
    }
}
