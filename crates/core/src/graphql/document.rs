//! Executable documents: operations and fragments with their selections, variables, arguments and
//! directives, parsed from text, and the operation picker's tolerant reading of text being typed.

use super::lexer::{tolerant_tokens, Tok};
use super::parser::Parser;
use super::{Position, SyntaxError, TypeRef};

/// A byte range of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A name and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub value: String,
    pub span: Span,
}

/// What an operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
}

impl OperationKind {
    /// The keyword that introduces it.
    pub fn keyword(self) -> &'static str {
        match self {
            OperationKind::Query => "query",
            OperationKind::Mutation => "mutation",
            OperationKind::Subscription => "subscription",
        }
    }

    fn from_keyword(word: &str) -> Option<Self> {
        match word {
            "query" => Some(OperationKind::Query),
            "mutation" => Some(OperationKind::Mutation),
            "subscription" => Some(OperationKind::Subscription),
            _ => None,
        }
    }
}

/// A parsed value, with variables allowed where the grammar allows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

/// The kinds of GraphQL values; numbers keep their text.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    Variable(String),
    Int(String),
    Float(String),
    String(String),
    Boolean(bool),
    Null,
    Enum(String),
    List(Vec<Value>),
    Object(Vec<(Name, Value)>),
}

impl Value {
    /// The value written as GraphQL writes it (`{field: NAME, direction: ASC}`, `["a", 1]`).
    pub fn to_graphql(&self) -> String {
        match &self.kind {
            ValueKind::Variable(name) => format!("${name}"),
            ValueKind::Int(text) | ValueKind::Float(text) | ValueKind::Enum(text) => text.clone(),
            ValueKind::String(text) => serde_json::Value::String(text.clone()).to_string(),
            ValueKind::Boolean(b) => b.to_string(),
            ValueKind::Null => "null".to_string(),
            ValueKind::List(items) => {
                let items: Vec<String> = items.iter().map(Value::to_graphql).collect();
                format!("[{}]", items.join(", "))
            }
            ValueKind::Object(fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(n, v)| format!("{}: {}", n.value, v.to_graphql()))
                    .collect();
                format!("{{{}}}", fields.join(", "))
            }
        }
    }
}

/// `name: value` in a field's or directive's arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    pub name: Name,
    pub value: Value,
}

/// `@name(args)`: parsed and kept, not acted on.
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    pub name: Name,
    pub arguments: Vec<Argument>,
    pub span: Span,
}

/// `{ … }` and where it stands (from `{` to `}`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SelectionSet {
    pub selections: Vec<Selection>,
    pub span: Span,
}

/// One member of a selection set.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    Field(Field),
    /// `...Name`
    FragmentSpread {
        name: Name,
        directives: Vec<Directive>,
    },
    /// `... on Type { … }` or `... { … }`
    InlineFragment {
        type_condition: Option<Name>,
        directives: Vec<Directive>,
        selection_set: SelectionSet,
        span: Span,
    },
}

/// `alias: name(arguments) @directives { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub alias: Option<Name>,
    pub name: Name,
    pub arguments: Vec<Argument>,
    pub directives: Vec<Directive>,
    pub selection_set: Option<SelectionSet>,
}

impl Field {
    /// The key the field's value has in the answer.
    pub fn response_key(&self) -> &str {
        self.alias.as_ref().map_or(&self.name.value, |a| &a.value)
    }
}

/// `$name: Type = default`
#[derive(Clone, Debug, PartialEq)]
pub struct VariableDefinition {
    pub name: Name,
    pub ty: TypeRef,
    pub ty_span: Span,
    pub default: Option<Value>,
    pub directives: Vec<Directive>,
}

/// A query, mutation or subscription.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub kind: OperationKind,
    pub name: Option<Name>,
    pub variables: Vec<VariableDefinition>,
    pub directives: Vec<Directive>,
    pub selection_set: SelectionSet,
    /// From the keyword (or the `{` of a shorthand query) to the closing `}`.
    pub span: Span,
}

impl Operation {
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().map(|n| n.value.as_str())
    }
}

/// `fragment Name on Type { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    pub name: Name,
    pub type_condition: Name,
    pub directives: Vec<Directive>,
    pub selection_set: SelectionSet,
    pub span: Span,
}

/// A parsed executable document; it keeps its source so that spans can be told as lines and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub operations: Vec<Operation>,
    pub fragments: Vec<Fragment>,
    source: String,
}

/// Parses an executable document (operations and fragments).
pub fn parse(text: &str) -> Result<Document, SyntaxError> {
    let mut p = Parser::new(text)?;
    let mut document = Document {
        operations: Vec::new(),
        fragments: Vec::new(),
        source: text.to_string(),
    };
    if p.at_eof() {
        return Err(p.error_at(0, "Unexpected <EOF>."));
    }
    while !p.at_eof() {
        if p.is_keyword("fragment") {
            document.fragments.push(fragment(&mut p)?);
        } else if p.is_punct(b'{')
            || p.tok.kind == Tok::Name && OperationKind::from_keyword(p.text()).is_some()
        {
            document.operations.push(operation(&mut p)?);
        } else {
            return Err(p.unexpected());
        }
    }
    Ok(document)
}

fn operation(p: &mut Parser) -> Result<Operation, SyntaxError> {
    let start = p.tok.start;
    if p.is_punct(b'{') {
        let selection_set = selection_set(p)?;
        let span = Span {
            start,
            end: selection_set.span.end,
        };
        return Ok(Operation {
            kind: OperationKind::Query,
            name: None,
            variables: Vec::new(),
            directives: Vec::new(),
            selection_set,
            span,
        });
    }
    let kind = OperationKind::from_keyword(p.text()).unwrap_or(OperationKind::Query);
    p.advance()?;
    let name = if p.tok.kind == Tok::Name {
        Some(p.name()?)
    } else {
        None
    };
    let mut variables = Vec::new();
    if p.skip_punct(b'(')? {
        while !p.skip_punct(b')')? {
            p.expect_punct(b'$')?;
            let name = p.name()?;
            p.expect_punct(b':')?;
            let ty_start = p.tok.start;
            let ty = p.type_ref()?;
            let ty_span = Span {
                start: ty_start,
                end: p.last_end(),
            };
            let default = if p.skip_punct(b'=')? {
                Some(p.value(true)?)
            } else {
                None
            };
            let directives = p.directives(true)?;
            variables.push(VariableDefinition {
                name,
                ty,
                ty_span,
                default,
                directives,
            });
        }
    }
    let directives = p.directives(false)?;
    let selection_set = selection_set(p)?;
    let span = Span {
        start,
        end: selection_set.span.end,
    };
    Ok(Operation {
        kind,
        name,
        variables,
        directives,
        selection_set,
        span,
    })
}

fn fragment(p: &mut Parser) -> Result<Fragment, SyntaxError> {
    let start = p.advance()?.start;
    if p.is_keyword("on") {
        return Err(p.unexpected());
    }
    let name = p.name()?;
    p.expect_keyword("on")?;
    let type_condition = p.name()?;
    let directives = p.directives(false)?;
    let selection_set = selection_set(p)?;
    let span = Span {
        start,
        end: selection_set.span.end,
    };
    Ok(Fragment {
        name,
        type_condition,
        directives,
        selection_set,
        span,
    })
}

fn selection_set(p: &mut Parser) -> Result<SelectionSet, SyntaxError> {
    p.enter()?;
    let start = p.expect_punct(b'{')?.start;
    if p.is_punct(b'}') {
        return Err(p.error_at(p.tok.start, "Expected Name, found \"}\"."));
    }
    let mut selections = Vec::new();
    while !p.skip_punct(b'}')? {
        selections.push(selection(p)?);
    }
    p.leave();
    Ok(SelectionSet {
        selections,
        span: Span {
            start,
            end: p.last_end(),
        },
    })
}

fn selection(p: &mut Parser) -> Result<Selection, SyntaxError> {
    if p.tok.kind == Tok::Spread {
        let start = p.advance()?.start;
        if p.tok.kind == Tok::Name && !p.is_keyword("on") {
            let name = p.name()?;
            let directives = p.directives(false)?;
            return Ok(Selection::FragmentSpread { name, directives });
        }
        let type_condition = if p.is_keyword("on") {
            p.advance()?;
            Some(p.name()?)
        } else {
            None
        };
        let directives = p.directives(false)?;
        let selection_set = selection_set(p)?;
        let span = Span {
            start,
            end: selection_set.span.end,
        };
        return Ok(Selection::InlineFragment {
            type_condition,
            directives,
            selection_set,
            span,
        });
    }
    let first = p.name()?;
    let (alias, name) = if p.skip_punct(b':')? {
        (Some(first), p.name()?)
    } else {
        (None, first)
    };
    let arguments = p.arguments(false)?;
    let directives = p.directives(false)?;
    let selection_set = if p.is_punct(b'{') {
        Some(selection_set(p)?)
    } else {
        None
    };
    Ok(Selection::Field(Field {
        alias,
        name,
        arguments,
        directives,
        selection_set,
    }))
}

impl Document {
    /// The source the document was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Line and column of a byte offset in the source.
    pub fn position(&self, offset: usize) -> Position {
        Position::of(&self.source, offset)
    }

    /// Each operation's kind and name, in order.
    pub fn operations(&self) -> Vec<(OperationKind, Option<&str>)> {
        self.operations.iter().map(|o| (o.kind, o.name())).collect()
    }

    pub fn fragment(&self, name: &str) -> Option<&Fragment> {
        self.fragments.iter().find(|f| f.name.value == name)
    }

    /// The operation to run, as GraphQL picks it: the only one when no name is given, else the one named.
    pub fn select(&self, operation_name: Option<&str>) -> Result<&Operation, String> {
        match operation_name {
            None => match self.operations.as_slice() {
                [only] => Ok(only),
                [] => Err("The document has no operation.".to_string()),
                _ => Err("The document has several operations: an operation name is required.".to_string()),
            },
            Some(wanted) => self.operations.iter().find(|o| o.name() == Some(wanted)).ok_or_else(|| {
                let known: Vec<String> =
                    self.operations.iter().filter_map(|o| o.name()).map(|n| format!("\"{n}\"")).collect();
                if known.is_empty() {
                    format!("Unknown operation named \"{wanted}\": the document's operations have no names.")
                } else {
                    format!("Unknown operation named \"{wanted}\". Known operations: {}.", known.join(", "))
                }
            }),
        }
    }
}

/// The operations a document being typed declares, even when it does not parse yet: each keyword at the
/// top level with the name after it, and an anonymous query for each `{` that opens a shorthand one.
pub fn operation_names(text: &str) -> Vec<(OperationKind, Option<String>)> {
    let tokens = tolerant_tokens(text);
    let mut found = Vec::new();
    let (mut braces, mut parens) = (0usize, 0usize);
    // After `query Name`, `fragment Name on T`, the next top-level `{` opens that definition's body.
    let mut body_pending = false;
    for (i, tok) in tokens.iter().enumerate() {
        let word = &text[tok.start..tok.end];
        match tok.kind {
            Tok::Punct(b'{') if parens == 0 => {
                if braces == 0 {
                    if !body_pending {
                        found.push((OperationKind::Query, None));
                    }
                    body_pending = false;
                }
                braces += 1;
            }
            Tok::Punct(b'}') if parens == 0 => braces = braces.saturating_sub(1),
            Tok::Punct(b'(') => parens += 1,
            Tok::Punct(b')') => parens = parens.saturating_sub(1),
            Tok::Name if braces == 0 && parens == 0 => {
                if let Some(kind) = OperationKind::from_keyword(word) {
                    let name = tokens
                        .get(i + 1)
                        .filter(|t| t.kind == Tok::Name)
                        .map(|t| text[t.start..t.end].to_string());
                    found.push((kind, name));
                    body_pending = true;
                } else if word == "fragment" {
                    body_pending = true;
                }
            }
            _ => {}
        }
    }
    found
}
