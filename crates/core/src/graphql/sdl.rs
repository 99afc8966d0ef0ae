//! Reading SDL: type, interface, union, enum, input and scalar definitions, their extensions, directive
//! definitions and the schema definition.

use std::collections::HashMap;

use super::document::Directive;
use super::parser::Parser;
use super::schema::{
    DirectiveDef, EnumValue, FieldDef, InputValue, Schema, TypeDef, TypeKind, BUILT_INS,
};
use super::SyntaxError;

/// What the SDL declares before it becomes a schema.
#[derive(Default)]
struct Definitions {
    types: Vec<TypeDef>,
    index: HashMap<String, usize>,
    roots: [Option<String>; 3],
    directives: Vec<DirectiveDef>,
}

pub(crate) fn read(text: &str) -> Result<Schema, SyntaxError> {
    let defs = definitions(text)?;
    let mut roots = defs.roots;
    // Without a schema definition, the roots are the types named Query, Mutation and Subscription.
    if roots.iter().all(Option::is_none) {
        for (root, name) in roots.iter_mut().zip(["Query", "Mutation", "Subscription"]) {
            if defs.index.contains_key(name) {
                *root = Some(name.to_string());
            }
        }
    }
    Ok(Schema::assemble(defs.types, roots, defs.directives))
}

/// The built-in types (with the pseudo-type `__Meta` carrying the meta fields) and directives.
pub(crate) fn built_ins() -> (Vec<TypeDef>, Vec<DirectiveDef>) {
    match definitions(BUILT_INS) {
        Ok(defs) => (defs.types, defs.directives),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

fn definitions(text: &str) -> Result<Definitions, SyntaxError> {
    let mut p = Parser::new(text)?;
    let mut defs = Definitions::default();
    while !p.at_eof() {
        let description = p.description()?;
        let extend = p.is_keyword("extend");
        if extend {
            p.advance()?;
        }
        let keyword_at = p.tok.start;
        let keyword = p.name()?.value;
        let kind = match keyword.as_str() {
            "schema" => {
                schema_definition(&mut p, &mut defs)?;
                continue;
            }
            "directive" => {
                let directive = directive_definition(&mut p, description)?;
                defs.directives.push(directive);
                continue;
            }
            "scalar" => TypeKind::Scalar,
            "type" => TypeKind::Object,
            "interface" => TypeKind::Interface,
            "union" => TypeKind::Union,
            "enum" => TypeKind::Enum,
            "input" => TypeKind::InputObject,
            _ => return Err(p.error_at(keyword_at, format!("Unexpected Name \"{keyword}\"."))),
        };
        let name = p.name()?.value;
        let ty = match defs.index.get(&name) {
            Some(&i) => &mut defs.types[i],
            None => {
                defs.index.insert(name.clone(), defs.types.len());
                defs.types.push(TypeDef::new(kind, name, None));
                let last = defs.types.len() - 1;
                &mut defs.types[last]
            }
        };
        if !extend {
            ty.kind = kind;
            ty.description = description;
        }
        type_body(&mut p, ty)?;
    }
    Ok(defs)
}

fn schema_definition(p: &mut Parser, defs: &mut Definitions) -> Result<(), SyntaxError> {
    p.directives(true)?;
    if !p.is_punct(b'{') {
        return Ok(());
    }
    p.advance()?;
    while !p.skip_punct(b'}')? {
        let at = p.tok.start;
        let operation = p.name()?.value;
        p.expect_punct(b':')?;
        let ty = p.name()?.value;
        let slot = match operation.as_str() {
            "query" => 0,
            "mutation" => 1,
            "subscription" => 2,
            _ => return Err(p.error_at(at, format!("Unexpected Name \"{operation}\"."))),
        };
        defs.roots[slot] = Some(ty);
    }
    Ok(())
}

fn directive_definition(
    p: &mut Parser,
    description: Option<String>,
) -> Result<DirectiveDef, SyntaxError> {
    p.expect_punct(b'@')?;
    let name = p.name()?.value;
    let args = input_values(p, b'(', b')')?;
    let repeatable = p.is_keyword("repeatable");
    if repeatable {
        p.advance()?;
    }
    p.expect_keyword("on")?;
    p.skip_punct(b'|')?;
    let mut locations = vec![p.name()?.value];
    while p.skip_punct(b'|')? {
        locations.push(p.name()?.value);
    }
    Ok(DirectiveDef {
        name,
        description,
        args,
        locations,
        repeatable,
    })
}

/// What follows a type's name: interfaces, directives, and the members its kind has.
fn type_body(p: &mut Parser, ty: &mut TypeDef) -> Result<(), SyntaxError> {
    if p.is_keyword("implements") {
        p.advance()?;
        p.skip_punct(b'&')?;
        loop {
            let interface = p.name()?.value;
            if !ty.interfaces.contains(&interface) {
                ty.interfaces.push(interface);
            }
            if !p.skip_punct(b'&')? {
                break;
            }
        }
    }
    p.directives(true)?;
    match ty.kind {
        TypeKind::Object | TypeKind::Interface if p.is_punct(b'{') => {
            p.advance()?;
            while !p.skip_punct(b'}')? {
                let field = field_definition(p)?;
                match ty.fields.iter_mut().find(|f| f.name == field.name) {
                    // A field declared twice keeps its place and takes the later declaration.
                    Some(existing) => *existing = field,
                    None => ty.fields.push(field),
                }
            }
        }
        TypeKind::Union if p.skip_punct(b'=')? => {
            p.skip_punct(b'|')?;
            loop {
                ty.possible_types.push(p.name()?.value);
                if !p.skip_punct(b'|')? {
                    break;
                }
            }
        }
        TypeKind::Enum if p.is_punct(b'{') => {
            p.advance()?;
            while !p.skip_punct(b'}')? {
                let description = p.description()?;
                let name = p.name()?.value;
                let deprecation = deprecation(&p.directives(true)?);
                ty.enum_values.push(EnumValue {
                    name,
                    description,
                    deprecation,
                });
            }
        }
        TypeKind::InputObject => ty.input_fields.extend(input_values(p, b'{', b'}')?),
        _ => {}
    }
    Ok(())
}

fn field_definition(p: &mut Parser) -> Result<FieldDef, SyntaxError> {
    let description = p.description()?;
    let name = p.name()?.value;
    let args = input_values(p, b'(', b')')?;
    p.expect_punct(b':')?;
    let ty = p.type_ref()?;
    let deprecation = deprecation(&p.directives(true)?);
    Ok(FieldDef {
        name,
        description,
        args,
        ty,
        deprecation,
    })
}

/// `open description? name: Type = default @directives … close`, if `open` is next.
fn input_values(p: &mut Parser, open: u8, close: u8) -> Result<Vec<InputValue>, SyntaxError> {
    let mut values = Vec::new();
    if !p.skip_punct(open)? {
        return Ok(values);
    }
    while !p.skip_punct(close)? {
        let description = p.description()?;
        let name = p.name()?.value;
        p.expect_punct(b':')?;
        let ty = p.type_ref()?;
        let default = if p.skip_punct(b'=')? {
            Some(p.value(true)?.to_graphql())
        } else {
            None
        };
        let deprecation = deprecation(&p.directives(true)?);
        values.push(InputValue {
            name,
            description,
            ty,
            default,
            deprecation,
        });
    }
    Ok(values)
}

/// The reason `@deprecated` gives, or the spec's default reason.
fn deprecation(directives: &[Directive]) -> Option<String> {
    let deprecated = directives.iter().find(|d| d.name.value == "deprecated")?;
    let reason = deprecated
        .arguments
        .iter()
        .find(|a| a.name.value == "reason")
        .and_then(|a| match &a.value.kind {
            super::document::ValueKind::String(s) => Some(s.clone()),
            _ => None,
        });
    Some(reason.unwrap_or_else(|| "No longer supported".to_string()))
}
