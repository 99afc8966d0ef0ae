//! The parsed form of a JSONPath query: segments, selectors and filter expressions.

use serde_json::Value;

use super::functions::Function;

/// A query's segments, applied from the root (or, inside a filter, from `@` or `$`).
#[derive(Debug, Clone)]
pub(crate) struct Query {
    pub segments: Vec<Segment>,
}

impl Query {
    /// RFC 9535 §2.3.5.1: only child segments that each name one member or one index.
    pub fn is_singular(&self) -> bool {
        self.segments.iter().all(|segment| match segment {
            Segment::Child(selectors) => {
                matches!(
                    selectors.as_slice(),
                    [Selector::Name(_)] | [Selector::Index(_)]
                )
            }
            Segment::Descendant(_) => false,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Segment {
    Child(Vec<Selector>),
    Descendant(Vec<Selector>),
}

#[derive(Debug, Clone)]
pub(crate) enum Selector {
    Name(String),
    Wildcard,
    Index(i64),
    Slice {
        start: Option<i64>,
        end: Option<i64>,
        step: Option<i64>,
    },
    Filter(LogicalExpr),
}

#[derive(Debug, Clone)]
pub(crate) enum LogicalExpr {
    Or(Vec<LogicalExpr>),
    And(Vec<LogicalExpr>),
    Not(Box<LogicalExpr>),
    Comparison {
        left: Comparable,
        op: CompareOp,
        right: Comparable,
    },
    /// An existence test: true when the query selects at least one node.
    Exists(FilterQuery),
    /// A function returning a logical value or nodes (the latter tested for being non-empty).
    Call(FunctionCall),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QueryAnchor {
    /// `$`
    Root,
    /// `@`
    Current,
}

#[derive(Debug, Clone)]
pub(crate) struct FilterQuery {
    pub anchor: QueryAnchor,
    pub query: Query,
}

#[derive(Debug, Clone)]
pub(crate) enum Comparable {
    Literal(Value),
    /// Always singular: the parser rejects other queries here.
    Query(FilterQuery),
    /// Always returns a value: the parser rejects the others here.
    Call(FunctionCall),
}

#[derive(Debug, Clone)]
pub(crate) struct FunctionCall {
    pub function: Function,
    pub args: Vec<FunctionArg>,
    /// match()/search() with a literal pattern: compiled once when the query is parsed.
    pub pattern: PatternCache,
}

#[derive(Debug, Clone)]
pub(crate) enum FunctionArg {
    Literal(Value),
    Query(FilterQuery),
    Logical(LogicalExpr),
    Call(FunctionCall),
}

#[derive(Debug, Clone)]
pub(crate) enum PatternCache {
    /// The pattern is computed per node, or the function takes none.
    Dynamic,
    /// Not a valid (or not a translatable) I-Regexp: the function is false for every node.
    Invalid,
    Compiled(regex_lite::Regex),
}
