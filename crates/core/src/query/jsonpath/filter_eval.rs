//! Evaluates a filter expression for one candidate node (`@`).

use serde_json::Value;

use super::ast::{Comparable, FilterQuery, LogicalExpr, QueryAnchor};
use super::compare::compare;
use super::eval::select_from;
use super::functions::{call, Outcome};

/// One side of a comparison or a function's value argument: RFC 9535's value type, where
/// `Nothing` stands for the absence of a value (an empty node list, say).
pub(crate) enum Operand<'x> {
    Nothing,
    Borrowed(&'x Value),
    Owned(Value),
}

impl Operand<'_> {
    pub fn value(&self) -> Option<&Value> {
        match self {
            Operand::Nothing => None,
            Operand::Borrowed(value) => Some(value),
            Operand::Owned(value) => Some(value),
        }
    }
}

pub(crate) fn test(expr: &LogicalExpr, root: &Value, current: &Value) -> bool {
    match expr {
        LogicalExpr::Or(operands) => operands.iter().any(|e| test(e, root, current)),
        LogicalExpr::And(operands) => operands.iter().all(|e| test(e, root, current)),
        LogicalExpr::Not(inner) => !test(inner, root, current),
        LogicalExpr::Comparison { left, op, right } => {
            let left = comparable_value(left, root, current);
            let right = comparable_value(right, root, current);
            compare(left.value(), *op, right.value())
        }
        LogicalExpr::Exists(query) => !query_values(query, root, current).is_empty(),
        LogicalExpr::Call(function_call) => match call(function_call, root, current) {
            Outcome::Logical(result) => result,
            // The parser lets only functions with a logical (or nodes) result stand as a test.
            Outcome::Value(_) => false,
        },
    }
}

fn comparable_value<'x>(
    comparable: &'x Comparable,
    root: &'x Value,
    current: &'x Value,
) -> Operand<'x> {
    match comparable {
        Comparable::Literal(value) => Operand::Borrowed(value),
        Comparable::Query(query) => singular_value(query, root, current),
        Comparable::Call(function_call) => match call(function_call, root, current) {
            Outcome::Value(operand) => operand,
            Outcome::Logical(_) => Operand::Nothing,
        },
    }
}

/// The value of a singular query: its one node's value, or Nothing.
pub(crate) fn singular_value<'x>(
    query: &FilterQuery,
    root: &'x Value,
    current: &'x Value,
) -> Operand<'x> {
    match query_values(query, root, current).as_slice() {
        [single] => Operand::Borrowed(single),
        _ => Operand::Nothing,
    }
}

pub(crate) fn query_values<'x>(
    query: &FilterQuery,
    root: &'x Value,
    current: &'x Value,
) -> Vec<&'x Value> {
    let start = match query.anchor {
        QueryAnchor::Root => root,
        QueryAnchor::Current => current,
    };
    select_from(&query.query.segments, root, start, None)
        .into_iter()
        .map(|node| node.value)
        .collect()
}
