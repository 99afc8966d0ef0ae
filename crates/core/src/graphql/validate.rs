//! Validation of a document against a schema, with graphql-js's wording: unknown fields, arguments, types
//! and fragments, missing arguments and selections, variables undefined, unused or of the wrong type,
//! literal values that do not fit, and the rules on operations.

use std::collections::HashSet;

use super::document::{
    Argument, Document, Field, Operation, OperationKind, Selection, SelectionSet, Span, Value,
    ValueKind,
};
use super::schema::{InputValue, Schema, TypeDef, TypeKind};
use super::suggest::{closest, did_you_mean};
use super::{Position, TypeRef};

/// A problem found in a document: what, where it starts, and the byte end of the marked span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub at: Position,
    pub end: usize,
}

/// A variable used where a value of `expected` goes; `location_has_default` when the argument has one.
struct Usage {
    name: String,
    span: Span,
    expected: TypeRef,
    location_has_default: bool,
}

struct Walker<'a> {
    document: &'a Document,
    schema: &'a Schema,
    problems: Vec<(Span, String)>,
    /// Variables used by the operation being walked (none while walking a fragment on its own).
    usages: Option<Vec<Usage>>,
    spread: HashSet<String>,
}

/// Every problem of `document` against `schema`, in source order.
pub fn validate(document: &Document, schema: &Schema) -> Vec<Problem> {
    let mut walker = Walker {
        document,
        schema,
        problems: Vec::new(),
        usages: None,
        spread: HashSet::new(),
    };
    walker.operation_rules();
    let mut used_fragments = HashSet::new();
    for operation in &document.operations {
        walker.operation(operation);
        used_fragments.extend(walker.spread.drain());
    }
    for fragment in &document.fragments {
        if !used_fragments.contains(&fragment.name.value) {
            walker.problem(
                fragment.name.span,
                format!("Fragment \"{}\" is never used.", fragment.name.value),
            );
        }
        if document
            .fragments
            .iter()
            .filter(|f| f.name.value == fragment.name.value)
            .count()
            > 1
        {
            walker.problem(
                fragment.name.span,
                format!(
                    "There can be only one fragment named \"{}\".",
                    fragment.name.value
                ),
            );
        }
        if let Some(ty) = walker.condition(&fragment.type_condition, Some(&fragment.name.value)) {
            walker.selection_set(&fragment.selection_set, ty);
        }
    }
    let mut seen = HashSet::new();
    let mut problems: Vec<(Span, String)> = walker
        .problems
        .into_iter()
        .filter(|(span, message)| seen.insert((span.start, message.clone())))
        .collect();
    problems.sort_by_key(|(span, _)| span.start);
    problems
        .into_iter()
        .map(|(span, message)| Problem {
            message,
            at: document.position(span.start),
            end: span.end,
        })
        .collect()
}

impl<'a> Walker<'a> {
    fn problem(&mut self, span: Span, message: String) {
        self.problems.push((span, message));
    }

    fn operation_rules(&mut self) {
        let operations = &self.document.operations;
        for (i, operation) in operations.iter().enumerate() {
            match &operation.name {
                None if operations.len() > 1 => self.problem(
                    Span {
                        start: operation.span.start,
                        end: operation.span.start + 1,
                    },
                    "This anonymous operation must be the only defined operation.".to_string(),
                ),
                Some(name)
                    if operations[..i]
                        .iter()
                        .any(|o| o.name() == Some(&name.value)) =>
                {
                    self.problem(
                        name.span,
                        format!("There can be only one operation named \"{}\".", name.value),
                    )
                }
                _ => {}
            }
            if operation.kind == OperationKind::Subscription
                && operation.selection_set.selections.len() > 1
            {
                let message = match operation.name() {
                    Some(name) => {
                        format!("Subscription \"{name}\" must select only one top level field.")
                    }
                    None => {
                        "Anonymous Subscription must select only one top level field.".to_string()
                    }
                };
                let second = selection_span(&operation.selection_set.selections[1]);
                self.problem(second, message);
            }
        }
    }

    fn operation(&mut self, operation: &'a Operation) {
        let Some(root) = self.schema.root(operation.kind) else {
            let span = Span {
                start: operation.span.start,
                end: operation.span.start + 1,
            };
            self.problem(
                span,
                format!(
                    "Schema is not configured to execute {} operation.",
                    operation.kind.keyword()
                ),
            );
            return;
        };
        for (i, variable) in operation.variables.iter().enumerate() {
            let name = &variable.name.value;
            if operation.variables[..i]
                .iter()
                .any(|v| &v.name.value == name)
            {
                self.problem(
                    variable.name.span,
                    format!("There can be only one variable named \"${name}\"."),
                );
            }
            match self.known_type(variable.ty.named(), variable.ty_span) {
                Some(ty) if !ty.kind.is_input() => self.problem(
                    variable.ty_span,
                    format!(
                        "Variable \"${name}\" cannot be non-input type \"{}\".",
                        variable.ty
                    ),
                ),
                Some(_) => {
                    if let Some(default) = &variable.default {
                        self.value(default, &variable.ty);
                    }
                }
                None => {}
            }
        }
        self.usages = Some(Vec::new());
        self.selection_set(&operation.selection_set, root);
        let usages = self.usages.take().unwrap_or_default();
        let suffix = operation
            .name()
            .map(|n| format!(" in operation \"{n}\""))
            .unwrap_or_default();
        let by = operation
            .name()
            .map(|n| format!(" by operation \"{n}\""))
            .unwrap_or_default();
        for variable in &operation.variables {
            if !usages.iter().any(|u| u.name == variable.name.value) {
                let span = Span {
                    start: variable.name.span.start.saturating_sub(1),
                    end: variable.name.span.end,
                };
                self.problem(
                    span,
                    format!(
                        "Variable \"${}\" is never used{suffix}.",
                        variable.name.value
                    ),
                );
            }
        }
        for usage in &usages {
            match operation
                .variables
                .iter()
                .find(|v| v.name.value == usage.name)
            {
                None => self.problem(
                    usage.span,
                    format!("Variable \"${}\" is not defined{by}.", usage.name),
                ),
                Some(defined) => {
                    let has_default = defined
                        .default
                        .as_ref()
                        .is_some_and(|d| d.kind != ValueKind::Null);
                    if !allowed(
                        &defined.ty,
                        has_default || usage.location_has_default,
                        &usage.expected,
                        self.schema,
                    ) {
                        self.problem(
                            usage.span,
                            format!(
                                "Variable \"${}\" of type \"{}\" used in position expecting type \"{}\".",
                                usage.name, defined.ty, usage.expected
                            ),
                        );
                    }
                }
            }
        }
    }

    fn known_type(&mut self, name: &str, span: Span) -> Option<&'a TypeDef> {
        let found = self.schema.get(name);
        if found.is_none() {
            let names = self.schema.types().iter().map(|t| t.name.as_str());
            let hint = did_you_mean(&closest(name, names));
            self.problem(span, format!("Unknown type \"{name}\".{hint}"));
        }
        found
    }

    /// A fragment's type condition, if it names a composite type.
    fn condition(
        &mut self,
        name: &super::document::Name,
        fragment: Option<&str>,
    ) -> Option<&'a TypeDef> {
        let ty = self.known_type(&name.value, name.span)?;
        if ty.kind.is_composite() {
            return Some(ty);
        }
        let message = match fragment {
            Some(f) => format!(
                "Fragment \"{f}\" cannot condition on non composite type \"{}\".",
                ty.name
            ),
            None => format!(
                "Fragment cannot condition on non composite type \"{}\".",
                ty.name
            ),
        };
        self.problem(name.span, message);
        None
    }

    fn selection_set(&mut self, set: &'a SelectionSet, parent: &'a TypeDef) {
        for selection in &set.selections {
            match selection {
                Selection::Field(field) => self.field(field, parent),
                Selection::FragmentSpread { name, directives } => {
                    self.directives(directives);
                    let Some(fragment) = self.document.fragment(&name.value) else {
                        self.problem(name.span, format!("Unknown fragment \"{}\".", name.value));
                        continue;
                    };
                    let first_visit = self.spread.insert(name.value.clone());
                    if let Some(ty) = self.schema.get(&fragment.type_condition.value) {
                        if ty.kind.is_composite() && !self.schema.overlap(&ty.name, &parent.name) {
                            self.problem(name.span, format!("Fragment \"{}\" cannot be spread here as objects of type \"{}\" can never be of type \"{}\".", name.value, parent.name, ty.name));
                        }
                        // Walked once per operation, for the variables it uses; a cycle stops here.
                        if first_visit && self.usages.is_some() && ty.kind.is_composite() {
                            self.selection_set(&fragment.selection_set, ty);
                        }
                    }
                }
                Selection::InlineFragment {
                    type_condition,
                    directives,
                    selection_set,
                    ..
                } => {
                    self.directives(directives);
                    let ty = match type_condition {
                        Some(name) => match self.condition(name, None) {
                            Some(ty) => {
                                if !self.schema.overlap(&ty.name, &parent.name) {
                                    self.problem(name.span, format!("Fragment cannot be spread here as objects of type \"{}\" can never be of type \"{}\".", parent.name, ty.name));
                                }
                                ty
                            }
                            None => continue,
                        },
                        None => parent,
                    };
                    self.selection_set(selection_set, ty);
                }
            }
        }
    }

    fn field(&mut self, field: &'a Field, parent: &'a TypeDef) {
        self.directives(&field.directives);
        let name = &field.name.value;
        let Some(def) = self.schema.field(parent, name) else {
            let names = self
                .schema
                .selectable_fields(parent)
                .map(|f| f.name.as_str());
            let hint = did_you_mean(&closest(name, names));
            self.problem(
                field.name.span,
                format!(
                    "Cannot query field \"{name}\" on type \"{}\".{hint}",
                    parent.name
                ),
            );
            return;
        };
        let label = format!("{}.{name}", parent.name);
        self.arguments(
            &field.arguments,
            &def.args,
            field.name.span,
            &format!("field \"{label}\""),
            name,
            "Field",
        );
        let Some(ty) = self.schema.get(def.ty.named()) else {
            return;
        };
        match (&field.selection_set, ty.kind.is_leaf()) {
            (Some(set), true) => {
                let span = Span { start: field.name.span.start, end: set.span.end };
                self.problem(span, format!("Field \"{name}\" must not have a selection since type \"{}\" has no subfields.", def.ty));
            }
            (None, false) => self.problem(
                field.name.span,
                format!("Field \"{name}\" of type \"{}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", def.ty),
            ),
            (Some(set), false) => self.selection_set(set, ty),
            (None, true) => {}
        }
    }

    fn directives(&mut self, directives: &'a [super::document::Directive]) {
        for directive in directives {
            let name = &directive.name.value;
            match self.schema.directive(name) {
                Some(def) => {
                    let owner = format!("directive \"@{name}\"");
                    self.arguments(
                        &directive.arguments,
                        &def.args,
                        directive.name.span,
                        &owner,
                        name,
                        "Directive",
                    );
                }
                None => self.problem(directive.span, format!("Unknown directive \"@{name}\".")),
            }
        }
    }

    fn arguments(
        &mut self,
        given: &'a [Argument],
        defs: &'a [InputValue],
        at: Span,
        owner: &str,
        name: &str,
        noun: &str,
    ) {
        for argument in given {
            match defs.iter().find(|d| d.name == argument.name.value) {
                Some(def) => {
                    self.value_at(&argument.value, &def.ty, def.default.is_some());
                }
                None => {
                    let hint = did_you_mean(&closest(
                        &argument.name.value,
                        defs.iter().map(|d| d.name.as_str()),
                    ));
                    let message = format!(
                        "Unknown argument \"{}\" on {owner}.{hint}",
                        argument.name.value
                    );
                    self.problem(argument.name.span, message);
                }
            }
        }
        for def in defs.iter().filter(|d| d.is_required()) {
            if !given.iter().any(|a| a.name.value == def.name) {
                let message = format!("{noun} \"{name}\" argument \"{}\" of type \"{}\" is required, but it was not provided.", def.name, def.ty);
                self.problem(at, message);
            }
        }
    }

    fn value(&mut self, value: &'a Value, ty: &TypeRef) {
        self.value_at(value, ty, false)
    }

    /// Checks a literal against its type and records the variables it uses.
    fn value_at(&mut self, value: &'a Value, ty: &TypeRef, has_default: bool) {
        if let ValueKind::Variable(name) = &value.kind {
            if let Some(usages) = self.usages.as_mut() {
                usages.push(Usage {
                    name: name.clone(),
                    span: value.span,
                    expected: ty.clone(),
                    location_has_default: has_default,
                });
            }
            return;
        }
        let expected = || {
            format!(
                "Expected value of type \"{ty}\", found {}.",
                value.to_graphql()
            )
        };
        match (&value.kind, ty) {
            (ValueKind::Null, TypeRef::NonNull(_)) => self.problem(value.span, expected()),
            (ValueKind::Null, _) => {}
            (_, TypeRef::NonNull(inner)) => self.value_at(value, inner, has_default),
            (ValueKind::List(items), TypeRef::List(item)) => {
                for v in items {
                    self.value(v, item);
                }
            }
            (_, TypeRef::List(item)) => self.value(value, item),
            (_, TypeRef::Named(name)) => {
                let Some(def) = self.schema.get(name) else {
                    return;
                };
                if let Some(message) = self.named_value_problem(value, def) {
                    self.problem(value.span, message);
                }
            }
        }
    }

    fn named_value_problem(&mut self, value: &'a Value, def: &'a TypeDef) -> Option<String> {
        let name = &def.name;
        let shown = value.to_graphql();
        match (def.kind, &value.kind) {
            (TypeKind::Enum, ValueKind::Enum(v)) => {
                if def.enum_values.iter().any(|e| &e.name == v) {
                    return None;
                }
                let hint = closest(v, def.enum_values.iter().map(|e| e.name.as_str()));
                let hint = hint
                    .first()
                    .map(|h| format!(" Did you mean the enum value \"{h}\"?"))
                    .unwrap_or_default();
                Some(format!(
                    "Value \"{v}\" does not exist in \"{name}\" enum.{hint}"
                ))
            }
            (TypeKind::Enum, _) => Some(format!(
                "Enum \"{name}\" cannot represent non-enum value: {shown}."
            )),
            (TypeKind::InputObject, ValueKind::Object(fields)) => {
                for (field_name, field_value) in fields {
                    match def.input_field(&field_name.value) {
                        Some(f) => self.value(field_value, &f.ty),
                        None => {
                            let hint = did_you_mean(&closest(
                                &field_name.value,
                                def.input_fields.iter().map(|f| f.name.as_str()),
                            ));
                            self.problem(
                                field_name.span,
                                format!(
                                    "Field \"{}\" is not defined by type \"{name}\".{hint}",
                                    field_name.value
                                ),
                            );
                        }
                    }
                }
                let missing: Vec<String> = def
                    .input_fields
                    .iter()
                    .filter(|f| f.is_required() && !fields.iter().any(|(n, _)| n.value == f.name))
                    .map(|f| {
                        format!(
                            "Field \"{name}.{}\" of required type \"{}\" was not provided.",
                            f.name, f.ty
                        )
                    })
                    .collect();
                (!missing.is_empty()).then(|| missing.join(" "))
            }
            (TypeKind::InputObject, _) => {
                Some(format!("Expected value of type \"{name}\", found {shown}."))
            }
            (TypeKind::Scalar, kind) => {
                let fits = match name.as_str() {
                    "Int" => matches!(kind, ValueKind::Int(t) if t.parse::<i32>().is_ok()),
                    "Float" => matches!(kind, ValueKind::Int(_) | ValueKind::Float(_)),
                    "String" => matches!(kind, ValueKind::String(_)),
                    "Boolean" => matches!(kind, ValueKind::Boolean(_)),
                    "ID" => matches!(kind, ValueKind::String(_) | ValueKind::Int(_)),
                    _ => true,
                };
                let what = match name.as_str() {
                    "Int" => "non-integer",
                    "Float" => "non numeric",
                    "Boolean" => "a non boolean",
                    _ => "a non string",
                };
                (!fits).then(|| format!("{name} cannot represent {what} value: {shown}"))
            }
            _ => None,
        }
    }
}

fn selection_span(selection: &Selection) -> Span {
    match selection {
        Selection::Field(f) => f.alias.as_ref().map_or(f.name.span, |a| a.span),
        Selection::FragmentSpread { name, .. } => name.span,
        Selection::InlineFragment { span, .. } => *span,
    }
}

/// Whether a variable of `variable` type may be used where `expected` goes (a nullable variable fits a
/// required place when it or the place has a default).
fn allowed(variable: &TypeRef, has_default: bool, expected: &TypeRef, schema: &Schema) -> bool {
    match (variable, expected) {
        (v, TypeRef::NonNull(e)) if !v.is_non_null() => has_default && subtype(v, e, schema),
        _ => subtype(variable, expected, schema),
    }
}

fn subtype(variable: &TypeRef, expected: &TypeRef, schema: &Schema) -> bool {
    match (variable, expected) {
        (TypeRef::NonNull(v), TypeRef::NonNull(e)) => subtype(v, e, schema),
        (TypeRef::NonNull(v), e) => subtype(v, e, schema),
        (_, TypeRef::NonNull(_)) => false,
        (TypeRef::List(v), TypeRef::List(e)) => subtype(v, e, schema),
        (TypeRef::List(_), _) | (_, TypeRef::List(_)) => false,
        (TypeRef::Named(v), TypeRef::Named(e)) => schema.is_subtype(v, e),
    }
}
