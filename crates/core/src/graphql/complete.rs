//! Completion at a cursor in a document being typed: the fields, arguments, values, variables, types,
//! fragments, directives or keywords that fit where the cursor is.

use super::lexer::{tolerant_tokens, Tok, Token};
use super::schema::{InputValue, Schema, TypeDef};
use super::search::match_rank;
use super::TypeRef;

/// What a completion item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Field,
    Argument,
    EnumValue,
    Type,
    Variable,
    Fragment,
    Keyword,
    Directive,
}

/// One proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    /// The type (`String!`), or the kind of type for a type name.
    pub detail: String,
    pub description: String,
    pub deprecated: bool,
    /// The text that replaces the word at the cursor (`first: ` for an argument).
    pub insert: String,
}

/// The proposals and the byte span (the word at the cursor) that a chosen item replaces.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Completion {
    pub from: usize,
    pub to: usize,
    pub items: Vec<Item>,
}

/// An open bracket and what it means for what goes inside.
enum Frame {
    /// `{` of a selection set on a type (None when the type is unknown).
    Selection {
        ty: Option<String>,
        field: Option<String>,
        pending: Option<String>,
    },
    /// `(` of a field's or directive's arguments, with the argument whose value is being written.
    Arguments {
        args: Vec<InputValue>,
        given: Vec<String>,
        current: Option<TypeRef>,
    },
    /// `(` of an operation's variable definitions.
    VariableDefinitions {
        current: Option<TypeRef>,
    },
    /// `{` of an input object value, with the field whose value is being written.
    Object {
        ty: Option<String>,
        given: Vec<String>,
        current: Option<TypeRef>,
    },
    /// `[` of a list value of the given item type.
    List {
        item: Option<TypeRef>,
    },
    Unknown,
}

fn is_word_byte(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric()
}

/// Completion at byte `cursor` of `text` against `schema`.
pub fn complete(text: &str, cursor: usize, schema: &Schema) -> Completion {
    let mut cursor = cursor.min(text.len());
    while !text.is_char_boundary(cursor) {
        cursor -= 1;
    }
    let bytes = text.as_bytes();
    let mut from = cursor;
    while from > 0 && is_word_byte(bytes[from - 1]) {
        from -= 1;
    }
    let mut to = cursor;
    while to < bytes.len() && is_word_byte(bytes[to]) {
        to += 1;
    }
    // Inside a comment or a string there is nothing to propose.
    let tokens = tolerant_tokens(&text[..from]);
    if in_comment_or_string(text, from, &tokens) {
        return Completion {
            from,
            to,
            items: Vec::new(),
        };
    }
    let prefix = &text[from..cursor];
    let mut items = Context {
        text,
        schema,
        tokens: &tokens,
        variables: Vec::new(),
    }
    .items();
    rank(&mut items, prefix);
    Completion { from, to, items }
}

fn in_comment_or_string(text: &str, from: usize, tokens: &[Token]) -> bool {
    let last_end = tokens.last().map_or(0, |t| t.end);
    if tokens.last().is_some_and(|t| {
        matches!(t.kind, Tok::Str | Tok::BlockStr) && t.end >= from && !text[..t.end].ends_with('"')
    }) {
        return true;
    }
    text[last_end..from].contains('#')
}

/// Keeps the items whose label contains the prefix: prefix matches first, then schema order, deprecated last.
fn rank(items: &mut Vec<Item>, prefix: &str) {
    let lowered = prefix.to_ascii_lowercase();
    let mut keyed: Vec<((bool, u8, usize), Item)> = items
        .drain(..)
        .enumerate()
        .filter_map(|(i, item)| {
            let name = item.label.trim_start_matches(['$', '@']);
            let rank = if lowered.is_empty() {
                Some(0)
            } else {
                match_rank(name, &lowered)
            };
            rank.map(|r| ((item.deprecated, u8::from(r == 2), i), item))
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    items.extend(keyed.into_iter().map(|(_, item)| item));
}

struct Context<'a> {
    text: &'a str,
    schema: &'a Schema,
    tokens: &'a [Token],
    /// The variables the current operation defines so far.
    variables: Vec<(String, TypeRef)>,
}

impl<'a> Context<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }

    fn is(&self, i: usize, kind: Tok) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    fn field_type(
        &self,
        parent: &Option<String>,
        field: &str,
    ) -> Option<&'a super::schema::FieldDef> {
        let parent = self.schema.get(parent.as_deref()?)?;
        self.schema.field(parent, field)
    }

    /// Walks the tokens before the word at the cursor, then proposes what fits after the last one.
    fn items(&mut self) -> Vec<Item> {
        let mut stack: Vec<Frame> = Vec::new();
        // At the top level: the root type or type condition the next `{` opens.
        let mut pending_root: Option<String> = None;
        let mut in_fragment_header = false;
        for i in 0..self.tokens.len() {
            let word = self.word(i);
            let kind = self.tokens[i].kind;
            let previous_is = |c: u8| i > 0 && self.is(i - 1, Tok::Punct(c));
            match (stack.last_mut(), kind) {
                (None, Tok::Name) => match word {
                    "query" | "mutation" | "subscription" => {
                        self.variables.clear();
                        let root = match word {
                            "query" => self.schema.query_type(),
                            "mutation" => self.schema.mutation_type(),
                            _ => self.schema.subscription_type(),
                        };
                        pending_root = root.map(|t| t.name.clone());
                        in_fragment_header = false;
                    }
                    "fragment" => {
                        in_fragment_header = true;
                        pending_root = None;
                    }
                    _ if in_fragment_header && self.word(i - 1) == "on" => {
                        pending_root = Some(word.to_string())
                    }
                    _ => {}
                },
                (None, Tok::Punct(b'{')) => {
                    let shorthand = pending_root.is_none() && !in_fragment_header;
                    if shorthand {
                        self.variables.clear();
                    }
                    let ty = pending_root.take().or_else(|| {
                        shorthand
                            .then(|| self.schema.query_type().map(|t| t.name.clone()))
                            .flatten()
                    });
                    in_fragment_header = false;
                    stack.push(Frame::Selection {
                        ty,
                        field: None,
                        pending: None,
                    });
                }
                (None, Tok::Punct(b'(')) => {
                    stack.push(Frame::VariableDefinitions { current: None })
                }
                (Some(Frame::VariableDefinitions { current }), _) => match kind {
                    Tok::Punct(b')') => {
                        stack.pop();
                    }
                    Tok::Punct(b'$') => *current = None,
                    Tok::Punct(b'=') => {}
                    Tok::Name | Tok::Punct(b'[') if previous_is(b':') => {
                        if let (Some(name), Some(ty)) =
                            (self.variable_name_before(i), self.type_from(i))
                        {
                            *current = Some(ty.clone());
                            self.variables.push((name, ty));
                        }
                    }
                    Tok::Punct(b'{') => {
                        let ty = current.as_ref().map(|t| t.named().to_string());
                        stack.push(Frame::Object {
                            ty,
                            given: Vec::new(),
                            current: None,
                        });
                    }
                    _ => {}
                },
                (Some(Frame::Selection { ty, field, pending }), _) => match kind {
                    Tok::Name if previous_is(b'@') => *field = None,
                    Tok::Name if i > 0 && self.is(i - 1, Tok::Spread) && word != "on" => {
                        *field = None
                    }
                    Tok::Name
                        if self.word(i - 1) == "on" && i > 1 && self.is(i - 2, Tok::Spread) =>
                    {
                        *pending = Some(word.to_string());
                        *field = None;
                    }
                    Tok::Name if word == "on" && i > 0 && self.is(i - 1, Tok::Spread) => {}
                    Tok::Name => {
                        *field = Some(word.to_string());
                        *pending = None;
                    }
                    Tok::Spread => {
                        let current = ty.clone();
                        *pending = current;
                        *field = None;
                    }
                    Tok::Punct(b'(') => {
                        let directive = i > 1 && self.is(i - 2, Tok::Punct(b'@'));
                        let args = if directive {
                            self.schema
                                .directive(self.word(i - 1))
                                .map(|d| d.args.clone())
                        } else {
                            field
                                .as_deref()
                                .and_then(|f| self.field_type(ty, f))
                                .map(|f| f.args.clone())
                        };
                        stack.push(Frame::Arguments {
                            args: args.unwrap_or_default(),
                            given: Vec::new(),
                            current: None,
                        });
                    }
                    Tok::Punct(b'{') => {
                        let inner = match (pending.take(), field.take()) {
                            (Some(condition), _) => Some(condition),
                            (None, Some(f)) => {
                                self.field_type(ty, &f).map(|d| d.ty.named().to_string())
                            }
                            (None, None) => None,
                        };
                        stack.push(Frame::Selection {
                            ty: inner,
                            field: None,
                            pending: None,
                        });
                    }
                    Tok::Punct(b'}') => {
                        stack.pop();
                    }
                    Tok::Punct(b'[') => stack.push(Frame::Unknown),
                    _ => {}
                },
                (
                    Some(Frame::Arguments {
                        args,
                        given,
                        current,
                    }),
                    _,
                ) => match kind {
                    Tok::Name if self.is(i + 1, Tok::Punct(b':')) && current.is_none() => {
                        *current = args.iter().find(|a| a.name == word).map(|a| a.ty.clone());
                        given.push(word.to_string());
                        if current.is_none() {
                            *current = Some(TypeRef::Named(String::new()));
                        }
                    }
                    Tok::Punct(b')') => {
                        stack.pop();
                    }
                    _ => {
                        let value_type = current.clone();
                        if let Some(frame) = self.value_token(kind, value_type) {
                            stack.push(frame);
                        } else if kind != Tok::Punct(b':') && kind != Tok::Punct(b'$') {
                            *current = None;
                        }
                    }
                },
                (Some(Frame::Object { ty, given, current }), _) => match kind {
                    Tok::Name if self.is(i + 1, Tok::Punct(b':')) && current.is_none() => {
                        let def = ty
                            .as_deref()
                            .and_then(|t| self.schema.get(t))
                            .and_then(|t| t.input_field(word));
                        *current =
                            Some(def.map_or(TypeRef::Named(String::new()), |d| d.ty.clone()));
                        given.push(word.to_string());
                    }
                    Tok::Punct(b'}') => {
                        stack.pop();
                        self.value_done(&mut stack);
                    }
                    _ => {
                        let value_type = current.clone();
                        if let Some(frame) = self.value_token(kind, value_type) {
                            stack.push(frame);
                        } else if kind != Tok::Punct(b':') && kind != Tok::Punct(b'$') {
                            *current = None;
                        }
                    }
                },
                (Some(Frame::List { item }), _) => match kind {
                    Tok::Punct(b']') => {
                        stack.pop();
                        self.value_done(&mut stack);
                    }
                    _ => {
                        let item = item.clone();
                        if let Some(frame) = self.value_token(kind, item) {
                            stack.push(frame);
                        }
                    }
                },
                (Some(Frame::Unknown), Tok::Punct(b')' | b']' | b'}')) => {
                    stack.pop();
                }
                (Some(Frame::Unknown), Tok::Punct(b'(' | b'[' | b'{')) => {
                    stack.push(Frame::Unknown)
                }
                _ => {}
            }
        }
        self.proposals(stack.last(), pending_root.is_some(), in_fragment_header)
    }

    /// A value's `{` or `[` opens a frame; other tokens of a value leave it to the caller.
    fn value_token(&self, kind: Tok, ty: Option<TypeRef>) -> Option<Frame> {
        match kind {
            Tok::Punct(b'{') => {
                let ty = ty.map(|t| t.named().to_string());
                Some(Frame::Object {
                    ty,
                    given: Vec::new(),
                    current: None,
                })
            }
            Tok::Punct(b'[') => {
                let item = ty.and_then(|t| match t.nullable() {
                    TypeRef::List(item) => Some((**item).clone()),
                    _ => None,
                });
                Some(Frame::List { item })
            }
            _ => None,
        }
    }

    /// After a closing `}` or `]`, the enclosing argument or field has its value.
    fn value_done(&self, stack: &mut [Frame]) {
        if let Some(Frame::Arguments { current, .. } | Frame::Object { current, .. }) =
            stack.last_mut()
        {
            *current = None;
        }
    }

    fn variable_name_before(&self, i: usize) -> Option<String> {
        (1..=i)
            .rev()
            .find(|&j| self.is(j - 1, Tok::Punct(b'$')))
            .filter(|&j| self.is(j + 1, Tok::Punct(b':')))
            .map(|j| self.word(j).to_string())
    }

    /// A variable's type, read from its first token after `:` (the rest of it follows).
    fn type_from(&self, i: usize) -> Option<TypeRef> {
        if !self.is(i - 1, Tok::Punct(b':')) {
            return None;
        }
        let mut source = String::new();
        for j in i.. {
            match self.tokens.get(j).map(|t| t.kind) {
                Some(Tok::Name | Tok::Punct(b'[' | b']' | b'!')) => source.push_str(self.word(j)),
                _ => break,
            }
        }
        super::parser::Parser::new(&source)
            .ok()
            .and_then(|mut p| p.type_ref().ok())
    }

    fn proposals(
        &self,
        frame: Option<&Frame>,
        pending_root: bool,
        in_fragment_header: bool,
    ) -> Vec<Item> {
        let last = self.tokens.len().wrapping_sub(1);
        let previous = self.tokens.last().map(|t| t.kind);
        let previous_word = self.word(last);
        if previous == Some(Tok::Punct(b'@')) {
            const EXECUTABLE: [&str; 8] = [
                "QUERY",
                "MUTATION",
                "SUBSCRIPTION",
                "FIELD",
                "FRAGMENT_DEFINITION",
                "FRAGMENT_SPREAD",
                "INLINE_FRAGMENT",
                "VARIABLE_DEFINITION",
            ];
            let directives = self.schema.directives().iter();
            return directives
                .filter(|d| d.locations.iter().any(|l| EXECUTABLE.contains(&l.as_str())))
                .map(|d| {
                    item(
                        ItemKind::Directive,
                        &d.name,
                        "",
                        d.description.as_deref(),
                        None,
                    )
                })
                .collect();
        }
        match frame {
            None if previous_word == "on" && in_fragment_header => {
                self.types(|t| t.kind.is_composite())
            }
            None if in_fragment_header || pending_root && previous == Some(Tok::Name) => Vec::new(),
            None => ["query", "mutation", "subscription", "fragment"]
                .iter()
                .map(|k| item(ItemKind::Keyword, k, "", None, None))
                .collect(),
            Some(Frame::VariableDefinitions { current }) => match previous {
                Some(Tok::Punct(b':' | b'[')) => self.types(|t| t.kind.is_input()),
                Some(Tok::Punct(b'=')) => self.values(current.as_ref()),
                _ => Vec::new(),
            },
            Some(Frame::Selection { ty, .. }) => {
                if previous == Some(Tok::Spread) {
                    let mut items = vec![item(ItemKind::Keyword, "on", "", None, None)];
                    items.extend(self.fragments(ty.as_deref()));
                    return items;
                }
                if previous_word == "on" && last > 0 && self.is(last - 1, Tok::Spread) {
                    let parent = ty.as_deref();
                    return self.types(|t| {
                        t.kind.is_composite()
                            && parent.is_none_or(|p| self.schema.overlap(p, &t.name))
                    });
                }
                let Some(parent) = ty.as_deref().and_then(|t| self.schema.get(t)) else {
                    return Vec::new();
                };
                self.schema
                    .selectable_fields(parent)
                    .map(|f| {
                        item(
                            ItemKind::Field,
                            &f.name,
                            &f.ty.to_string(),
                            f.description.as_deref(),
                            f.deprecation.as_deref(),
                        )
                    })
                    .collect()
            }
            Some(Frame::Arguments {
                args,
                given,
                current,
            }) => match current {
                Some(ty) if previous != Some(Tok::Punct(b'$')) => self.values(Some(ty)),
                Some(ty) => self.variables_of(ty),
                None => self.inputs(args, given),
            },
            Some(Frame::Object { ty, given, current }) => match current {
                Some(t) if previous != Some(Tok::Punct(b'$')) => self.values(Some(t)),
                Some(t) => self.variables_of(t),
                None => {
                    let fields = ty
                        .as_deref()
                        .and_then(|t| self.schema.get(t))
                        .map(|t| t.input_fields.as_slice())
                        .unwrap_or(&[]);
                    self.inputs(fields, given)
                }
            },
            Some(Frame::List { item: ty }) => match (previous, ty) {
                (Some(Tok::Punct(b'$')), Some(t)) => self.variables_of(t),
                _ => self.values(ty.as_ref()),
            },
            Some(Frame::Unknown) => Vec::new(),
        }
    }

    fn types(&self, keep: impl Fn(&TypeDef) -> bool) -> Vec<Item> {
        let mut items: Vec<Item> = self
            .schema
            .types()
            .iter()
            .filter(|t| keep(t) && !t.name.starts_with("__"))
            .map(|t| {
                item(
                    ItemKind::Type,
                    &t.name,
                    &format!("{:?}", t.kind),
                    t.description.as_deref(),
                    None,
                )
            })
            .collect();
        items.sort_by(|a, b| a.label.cmp(&b.label));
        items
    }

    fn fragments(&self, on: Option<&str>) -> Vec<Item> {
        let tokens = tolerant_tokens(self.text);
        let word = |t: &Token| &self.text[t.start..t.end];
        tokens
            .windows(4)
            .filter(|w| word(&w[0]) == "fragment" && w[1].kind == Tok::Name && word(&w[2]) == "on")
            .filter(|w| on.is_none_or(|on| self.schema.overlap(on, word(&w[3]))))
            .map(|w| {
                item(
                    ItemKind::Fragment,
                    word(&w[1]),
                    &format!("on {}", word(&w[3])),
                    None,
                    None,
                )
            })
            .collect()
    }

    fn inputs(&self, defs: &[InputValue], given: &[String]) -> Vec<Item> {
        defs.iter()
            .filter(|d| !given.contains(&d.name))
            .map(|d| {
                let mut it = item(
                    ItemKind::Argument,
                    &d.name,
                    &d.ty.to_string(),
                    d.description.as_deref(),
                    d.deprecation.as_deref(),
                );
                it.insert = format!("{}: ", d.name);
                it
            })
            .collect()
    }

    /// Literal values of a type: its enum values, `true`/`false`, `null` when it is nullable.
    fn values(&self, ty: Option<&TypeRef>) -> Vec<Item> {
        let Some(ty) = ty else { return Vec::new() };
        let mut items = Vec::new();
        let named = self.schema.get(ty.named());
        if let Some(def) = named {
            items.extend(def.enum_values.iter().map(|v| {
                item(
                    ItemKind::EnumValue,
                    &v.name,
                    &def.name,
                    v.description.as_deref(),
                    v.deprecation.as_deref(),
                )
            }));
            if def.name == "Boolean" {
                items.extend(
                    ["true", "false"]
                        .iter()
                        .map(|b| item(ItemKind::Keyword, b, "Boolean", None, None)),
                );
            }
        }
        if !ty.is_non_null() || ty.named().is_empty() {
            items.push(item(ItemKind::Keyword, "null", "", None, None));
        }
        items
    }

    /// The operation's variables that can stand where a value of `ty` goes.
    fn variables_of(&self, ty: &TypeRef) -> Vec<Item> {
        self.variables
            .iter()
            .filter(|(_, vt)| ty.named().is_empty() || fits(vt, ty))
            .map(|(name, vt)| {
                let mut it = item(
                    ItemKind::Variable,
                    &format!("${name}"),
                    &vt.to_string(),
                    None,
                    None,
                );
                it.insert = name.clone();
                it
            })
            .collect()
    }
}

/// Whether a variable of type `variable` may be used where `expected` goes, ignoring defaults.
fn fits(variable: &TypeRef, expected: &TypeRef) -> bool {
    match (variable, expected) {
        (TypeRef::NonNull(v), TypeRef::NonNull(e)) => fits(v, e),
        (TypeRef::NonNull(v), e) => fits(v, e),
        (_, TypeRef::NonNull(e)) => fits(variable, e),
        (TypeRef::List(v), TypeRef::List(e)) => fits(v, e),
        (TypeRef::Named(v), TypeRef::Named(e)) => v == e,
        (TypeRef::Named(v), TypeRef::List(e)) => fits(&TypeRef::Named(v.clone()), e),
        _ => false,
    }
}

fn item(
    kind: ItemKind,
    label: &str,
    detail: &str,
    description: Option<&str>,
    deprecation: Option<&str>,
) -> Item {
    Item {
        label: label.to_string(),
        kind,
        detail: detail.to_string(),
        description: description.unwrap_or_default().to_string(),
        deprecated: deprecation.is_some(),
        insert: label.to_string(),
    }
}
