//! Writing a schema as SDL, as GraphQL's reference printer lays it out.

use std::fmt::Write;

use super::schema::{
    is_built_in_directive, is_built_in_type, InputValue, Schema, TypeDef, TypeKind,
};

pub(crate) fn schema(schema: &Schema) -> String {
    let mut blocks = Vec::new();
    let roots = schema.root_names();
    let conventional = roots
        .iter()
        .zip(["Query", "Mutation", "Subscription"])
        .all(|(r, n)| r.is_none_or(|r| r == n));
    if !conventional {
        let mut block = String::from("schema {\n");
        for (root, keyword) in roots.iter().zip(["query", "mutation", "subscription"]) {
            if let Some(root) = root {
                let _ = writeln!(block, "  {keyword}: {root}");
            }
        }
        block.push('}');
        blocks.push(block);
    }
    for d in schema
        .directives()
        .iter()
        .filter(|d| !is_built_in_directive(&d.name))
    {
        let mut block = description(d.description.as_deref(), "");
        let _ = write!(block, "directive @{}{}", d.name, arguments(&d.args, ""));
        if d.repeatable {
            block.push_str(" repeatable");
        }
        let _ = write!(block, " on {}", d.locations.join(" | "));
        blocks.push(block);
    }
    blocks.extend(
        schema
            .types()
            .iter()
            .filter(|t| !is_built_in_type(&t.name))
            .map(type_def),
    );
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

pub(crate) fn type_def(ty: &TypeDef) -> String {
    let mut out = description(ty.description.as_deref(), "");
    let keyword = match ty.kind {
        TypeKind::Scalar => "scalar",
        TypeKind::Object => "type",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input",
    };
    let _ = write!(out, "{keyword} {}", ty.name);
    if !ty.interfaces.is_empty() {
        let _ = write!(out, " implements {}", ty.interfaces.join(" & "));
    }
    let mut members = Vec::new();
    match ty.kind {
        TypeKind::Scalar => return out,
        TypeKind::Union => {
            if !ty.possible_types.is_empty() {
                let _ = write!(out, " = {}", ty.possible_types.join(" | "));
            }
            return out;
        }
        TypeKind::Object | TypeKind::Interface => {
            for field in &ty.fields {
                let mut line = description(field.description.as_deref(), "  ");
                let _ = write!(
                    line,
                    "  {}{}: {}",
                    field.name,
                    arguments(&field.args, "  "),
                    field.ty
                );
                line.push_str(&deprecated(field.deprecation.as_deref()));
                members.push(line);
            }
        }
        TypeKind::Enum => {
            for value in &ty.enum_values {
                let mut line = description(value.description.as_deref(), "  ");
                let _ = write!(
                    line,
                    "  {}{}",
                    value.name,
                    deprecated(value.deprecation.as_deref())
                );
                members.push(line);
            }
        }
        TypeKind::InputObject => {
            members.extend(ty.input_fields.iter().map(|f| input_value(f, "  ")))
        }
    }
    if !members.is_empty() {
        let _ = write!(out, " {{\n{}\n}}", members.join("\n"));
    }
    out
}

fn input_value(value: &InputValue, indent: &str) -> String {
    let mut out = description(value.description.as_deref(), indent);
    let _ = write!(out, "{indent}{}: {}", value.name, value.ty);
    if let Some(default) = &value.default {
        let _ = write!(out, " = {default}");
    }
    out.push_str(&deprecated(value.deprecation.as_deref()));
    out
}

/// `(a: T, b: U)` on one line, or one argument a line when any has a description.
fn arguments(args: &[InputValue], indent: &str) -> String {
    if args.is_empty() {
        return String::new();
    }
    if args.iter().all(|a| a.description.is_none()) {
        let args: Vec<String> = args.iter().map(|a| input_value(a, "")).collect();
        return format!("({})", args.join(", "));
    }
    let inner = format!("{indent}  ");
    let args: Vec<String> = args.iter().map(|a| input_value(a, &inner)).collect();
    format!("(\n{}\n{indent})", args.join("\n"))
}

fn deprecated(reason: Option<&str>) -> String {
    match reason {
        None => String::new(),
        Some("No longer supported") => " @deprecated".to_string(),
        Some(reason) => format!(" @deprecated(reason: {})", quoted(reason)),
    }
}

fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// A description line (or block) before a definition, written so that reading it back gives the same text.
fn description(text: Option<&str>, indent: &str) -> String {
    let Some(text) = text else {
        return String::new();
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |l: &str| l.trim_matches([' ', '\t']).is_empty();
    // A block string drops common indentation and blank edges, so only text without them survives one.
    let block_safe = !text.contains('\r')
        && !blank(lines[0])
        && !lines.last().is_some_and(|l| blank(l))
        && lines.iter().any(|l| !l.starts_with([' ', '\t']))
        && !lines[0].starts_with([' ', '\t'])
        && !text.ends_with(['"', '\\']);
    if !block_safe || (lines.len() == 1 && !text.contains('"')) {
        return format!("{indent}{}\n", quoted(text));
    }
    let mut out = format!("{indent}\"\"\"\n");
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{}", line.replace("\"\"\"", "\\\"\"\""));
        }
    }
    let _ = writeln!(out, "{indent}\"\"\"");
    out
}
