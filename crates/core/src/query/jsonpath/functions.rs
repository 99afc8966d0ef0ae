//! The function extensions of RFC 9535 §2.4: length, count, match, search and value — their
//! type signatures (checked by the parser) and what they compute.

use serde_json::Value;

use super::ast::{FunctionArg, FunctionCall, PatternCache};
use super::filter_eval::{query_values, singular_value, test, Operand};
use super::iregexp::{compile, PatternScope};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Function {
    Length,
    Count,
    Match,
    Search,
    Value,
}

/// RFC 9535 §2.4.1's three types of function parameters and results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExprType {
    Value,
    Logical,
    Nodes,
}

impl ExprType {
    pub fn describe(self) -> &'static str {
        match self {
            ExprType::Value => {
                "a value (a literal, a singular query or a function returning a value)"
            }
            ExprType::Logical => "a logical expression",
            ExprType::Nodes => "a query",
        }
    }
}

impl Function {
    pub fn from_name(name: &str) -> Option<Function> {
        Some(match name {
            "length" => Function::Length,
            "count" => Function::Count,
            "match" => Function::Match,
            "search" => Function::Search,
            "value" => Function::Value,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Function::Length => "length",
            Function::Count => "count",
            Function::Match => "match",
            Function::Search => "search",
            Function::Value => "value",
        }
    }

    pub fn parameter_types(self) -> &'static [ExprType] {
        match self {
            Function::Length => &[ExprType::Value],
            Function::Count | Function::Value => &[ExprType::Nodes],
            Function::Match | Function::Search => &[ExprType::Value, ExprType::Value],
        }
    }

    pub fn result_type(self) -> ExprType {
        match self {
            Function::Length | Function::Count | Function::Value => ExprType::Value,
            Function::Match | Function::Search => ExprType::Logical,
        }
    }
}

/// RFC 9535 §2.4.3: whether an argument is well-typed for a parameter.
pub(crate) fn argument_fits(param: ExprType, arg: &FunctionArg) -> bool {
    match (param, arg) {
        (ExprType::Value, FunctionArg::Literal(_)) => true,
        (ExprType::Value, FunctionArg::Query(query)) => query.query.is_singular(),
        (ExprType::Value, FunctionArg::Call(call)) => {
            call.function.result_type() == ExprType::Value
        }
        (ExprType::Logical, FunctionArg::Logical(_) | FunctionArg::Query(_)) => true,
        (ExprType::Logical, FunctionArg::Call(call)) => {
            call.function.result_type() != ExprType::Value
        }
        (ExprType::Nodes, FunctionArg::Query(_)) => true,
        (ExprType::Nodes, FunctionArg::Call(call)) => {
            call.function.result_type() == ExprType::Nodes
        }
        _ => false,
    }
}

fn pattern_scope(function: Function) -> Option<PatternScope> {
    match function {
        Function::Match => Some(PatternScope::WholeString),
        Function::Search => Some(PatternScope::Substring),
        _ => None,
    }
}

/// Compiles a literal pattern of match()/search() once, instead of once per node filtered.
pub(crate) fn compile_literal_pattern(function: Function, args: &[FunctionArg]) -> PatternCache {
    match (pattern_scope(function), args.get(1)) {
        (Some(scope), Some(FunctionArg::Literal(Value::String(pattern)))) => {
            match compile(pattern, scope) {
                Some(regex) => PatternCache::Compiled(regex),
                None => PatternCache::Invalid,
            }
        }
        (Some(_), Some(FunctionArg::Literal(_))) => PatternCache::Invalid,
        _ => PatternCache::Dynamic,
    }
}

/// What a function call evaluates to; its kind always matches the function's result type.
pub(crate) enum Outcome<'x> {
    Value(Operand<'x>),
    Logical(bool),
}

pub(crate) fn call<'x>(call: &'x FunctionCall, root: &'x Value, current: &'x Value) -> Outcome<'x> {
    let first = call.args.first();
    match call.function {
        Function::Length => Outcome::Value(length(value_argument(first, root, current))),
        Function::Count => {
            let count = nodes_argument(first, root, current).len();
            Outcome::Value(Operand::Owned(Value::from(count)))
        }
        Function::Value => match nodes_argument(first, root, current).as_slice() {
            [single] => Outcome::Value(Operand::Borrowed(single)),
            _ => Outcome::Value(Operand::Nothing),
        },
        Function::Match | Function::Search => {
            Outcome::Logical(matches_pattern(call, root, current))
        }
    }
}

fn length(operand: Operand<'_>) -> Operand<'_> {
    let length = match operand.value() {
        Some(Value::String(s)) => s.chars().count(),
        Some(Value::Array(items)) => items.len(),
        Some(Value::Object(members)) => members.len(),
        _ => return Operand::Nothing,
    };
    Operand::Owned(Value::from(length))
}

fn matches_pattern(call: &FunctionCall, root: &Value, current: &Value) -> bool {
    let subject = value_argument(call.args.first(), root, current);
    let Some(Value::String(subject)) = subject.value() else {
        return false;
    };
    match &call.pattern {
        PatternCache::Compiled(regex) => regex.is_match(subject),
        PatternCache::Invalid => false,
        PatternCache::Dynamic => {
            let pattern = value_argument(call.args.get(1), root, current);
            match (pattern.value(), pattern_scope(call.function)) {
                (Some(Value::String(pattern)), Some(scope)) => {
                    compile(pattern, scope).is_some_and(|regex| regex.is_match(subject))
                }
                _ => false,
            }
        }
    }
}

fn value_argument<'x>(
    arg: Option<&'x FunctionArg>,
    root: &'x Value,
    current: &'x Value,
) -> Operand<'x> {
    match arg {
        Some(FunctionArg::Literal(value)) => Operand::Borrowed(value),
        Some(FunctionArg::Query(query)) => singular_value(query, root, current),
        Some(FunctionArg::Call(inner)) => match self::call(inner, root, current) {
            Outcome::Value(operand) => operand,
            Outcome::Logical(_) => Operand::Nothing,
        },
        Some(FunctionArg::Logical(expr)) => Operand::Owned(Value::Bool(test(expr, root, current))),
        None => Operand::Nothing,
    }
}

fn nodes_argument<'x>(
    arg: Option<&'x FunctionArg>,
    root: &'x Value,
    current: &'x Value,
) -> Vec<&'x Value> {
    match arg {
        Some(FunctionArg::Query(query)) => query_values(query, root, current),
        _ => Vec::new(),
    }
}
