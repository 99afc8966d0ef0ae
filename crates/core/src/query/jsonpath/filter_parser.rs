//! Filter expressions (RFC 9535 §2.3.5): logical operators, comparisons, existence tests and
//! function calls, with the well-typedness rules of §2.4.3 checked as they are parsed.

use serde_json::Value;

use super::ast::{
    Comparable, CompareOp, FilterQuery, FunctionArg, FunctionCall, LogicalExpr, Query, QueryAnchor,
};
use super::cursor::Cursor;
use super::error::JsonPathError;
use super::functions::{argument_fits, compile_literal_pattern, ExprType, Function};
use super::literal::{parse_number, parse_string};
use super::parser::parse_segments;

/// Something that can stand on either side of a comparison, before it is known whether one follows.
enum Operand {
    Literal(Value),
    Query(FilterQuery),
    Call(FunctionCall),
}

pub(crate) fn parse_logical_expr(cursor: &mut Cursor) -> Result<LogicalExpr, JsonPathError> {
    parse_or(cursor, None)
}

/// `first`, when given, is the first basic expression, already parsed by the caller.
fn parse_or(cursor: &mut Cursor, first: Option<LogicalExpr>) -> Result<LogicalExpr, JsonPathError> {
    let mut operands = vec![parse_and(cursor, first)?];
    loop {
        let before_blank = cursor.pos();
        cursor.skip_blank();
        if !cursor.eat_str("||") {
            cursor.reset(before_blank);
            break;
        }
        cursor.skip_blank();
        operands.push(parse_and(cursor, None)?);
    }
    Ok(if operands.len() == 1 {
        operands.remove(0)
    } else {
        LogicalExpr::Or(operands)
    })
}

fn parse_and(
    cursor: &mut Cursor,
    first: Option<LogicalExpr>,
) -> Result<LogicalExpr, JsonPathError> {
    let first = match first {
        Some(expr) => expr,
        None => parse_basic(cursor)?,
    };
    let mut operands = vec![first];
    loop {
        let before_blank = cursor.pos();
        cursor.skip_blank();
        if !cursor.eat_str("&&") {
            cursor.reset(before_blank);
            break;
        }
        cursor.skip_blank();
        operands.push(parse_basic(cursor)?);
    }
    Ok(if operands.len() == 1 {
        operands.remove(0)
    } else {
        LogicalExpr::And(operands)
    })
}

fn parse_basic(cursor: &mut Cursor) -> Result<LogicalExpr, JsonPathError> {
    if cursor.eat('!') {
        cursor.skip_blank();
        // The grammar allows `!` only before a parenthesised expression or a test, not a comparison.
        let negated = if cursor.peek() == Some('(') {
            parse_parenthesised(cursor)?
        } else {
            let start = cursor.pos();
            let operand = parse_operand(cursor)?;
            into_test(cursor, operand, start)?
        };
        return Ok(LogicalExpr::Not(Box::new(negated)));
    }
    if cursor.peek() == Some('(') {
        return parse_parenthesised(cursor);
    }
    let start = cursor.pos();
    let operand = parse_operand(cursor)?;
    parse_basic_after(cursor, operand, start)
}

/// A comparison if an operator follows the operand, otherwise the operand as a test.
fn parse_basic_after(
    cursor: &mut Cursor,
    left: Operand,
    left_start: usize,
) -> Result<LogicalExpr, JsonPathError> {
    let before_blank = cursor.pos();
    cursor.skip_blank();
    let op_start = cursor.pos();
    let Some(op) = parse_comparison_op(cursor) else {
        cursor.reset(before_blank);
        return into_test(cursor, left, left_start);
    };
    let left = into_comparable(cursor, left, left_start)?;
    cursor.skip_blank();
    let right_start = cursor.pos();
    if cursor.at_end() {
        return Err(cursor.error_at(op_start, "a comparison needs a right-hand side"));
    }
    let right = parse_operand(cursor)?;
    let right = into_comparable(cursor, right, right_start)?;
    Ok(LogicalExpr::Comparison { left, op, right })
}

fn parse_parenthesised(cursor: &mut Cursor) -> Result<LogicalExpr, JsonPathError> {
    cursor.expect('(', "'('")?;
    cursor.enter()?;
    cursor.skip_blank();
    let expr = parse_or(cursor, None)?;
    cursor.skip_blank();
    cursor.expect(')', "')'")?;
    cursor.leave();
    Ok(expr)
}

fn parse_comparison_op(cursor: &mut Cursor) -> Option<CompareOp> {
    const OPERATORS: [(&str, CompareOp); 6] = [
        ("==", CompareOp::Eq),
        ("!=", CompareOp::Ne),
        ("<=", CompareOp::Le),
        (">=", CompareOp::Ge),
        ("<", CompareOp::Lt),
        (">", CompareOp::Gt),
    ];
    OPERATORS
        .iter()
        .find(|(text, _)| cursor.eat_str(text))
        .map(|(_, op)| *op)
}

fn parse_operand(cursor: &mut Cursor) -> Result<Operand, JsonPathError> {
    match cursor.peek() {
        Some('@') => {
            cursor.bump();
            parse_filter_query(cursor, QueryAnchor::Current).map(Operand::Query)
        }
        Some('$') => {
            cursor.bump();
            parse_filter_query(cursor, QueryAnchor::Root).map(Operand::Query)
        }
        Some('\'' | '"') => parse_string(cursor).map(|s| Operand::Literal(Value::String(s))),
        Some('-' | '0'..='9') => parse_number(cursor).map(Operand::Literal),
        Some('a'..='z') => {
            if let Some(literal) = parse_keyword_literal(cursor) {
                return Ok(Operand::Literal(literal));
            }
            parse_function_call(cursor).map(Operand::Call)
        }
        _ => Err(cursor.unexpected("a query, a literal or a function call")),
    }
}

fn parse_keyword_literal(cursor: &mut Cursor) -> Option<Value> {
    const KEYWORDS: [(&str, Value); 3] = [
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("null", Value::Null),
    ];
    let start = cursor.pos();
    for (word, value) in KEYWORDS {
        if cursor.eat_str(word) {
            // `nullable(...)` is a function name, not `null` followed by garbage.
            if cursor.peek().is_some_and(is_function_name_char) || cursor.peek() == Some('(') {
                cursor.reset(start);
                return None;
            }
            return Some(value);
        }
    }
    None
}

fn is_function_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

fn parse_filter_query(
    cursor: &mut Cursor,
    anchor: QueryAnchor,
) -> Result<FilterQuery, JsonPathError> {
    let segments = parse_segments(cursor)?;
    Ok(FilterQuery {
        anchor,
        query: Query { segments },
    })
}

fn into_comparable(
    cursor: &Cursor,
    operand: Operand,
    start: usize,
) -> Result<Comparable, JsonPathError> {
    match operand {
        Operand::Literal(value) => Ok(Comparable::Literal(value)),
        Operand::Query(query) if query.query.is_singular() => Ok(Comparable::Query(query)),
        Operand::Query(_) => Err(cursor.error_at(
            start,
            "a query in a comparison must be singular (only single names and indexes)",
        )),
        Operand::Call(call) if call.function.result_type() == ExprType::Value => {
            Ok(Comparable::Call(call))
        }
        Operand::Call(call) => Err(cursor.error_at(
            start,
            format!(
                "{}() does not return a value, so it cannot be compared",
                call.function.name()
            ),
        )),
    }
}

fn into_test(
    cursor: &Cursor,
    operand: Operand,
    start: usize,
) -> Result<LogicalExpr, JsonPathError> {
    match operand {
        Operand::Literal(_) => Err(cursor.error_at(
            start,
            "a literal is not a test on its own; compare it with something",
        )),
        Operand::Query(query) => Ok(LogicalExpr::Exists(query)),
        Operand::Call(call) if call.function.result_type() == ExprType::Value => Err(cursor
            .error_at(
                start,
                format!(
                    "{}() returns a value, not a logical result; compare it with something",
                    call.function.name()
                ),
            )),
        Operand::Call(call) => Ok(LogicalExpr::Call(call)),
    }
}

fn parse_function_call(cursor: &mut Cursor) -> Result<FunctionCall, JsonPathError> {
    let name_start = cursor.pos();
    while cursor.peek().is_some_and(is_function_name_char) {
        cursor.bump();
    }
    let name = cursor.slice(name_start);
    let function = Function::from_name(name)
        .ok_or_else(|| cursor.error_at(name_start, format!("unknown function '{name}'")))?;
    cursor.expect('(', "'(' after the function name")?;
    cursor.enter()?;
    cursor.skip_blank();
    let mut args = Vec::new();
    if !cursor.eat(')') {
        loop {
            let arg_start = cursor.pos();
            let arg = parse_function_arg(cursor)?;
            let param = function.parameter_types().get(args.len()).copied();
            match param {
                Some(param) if argument_fits(param, &arg) => args.push(arg),
                Some(param) => {
                    return Err(cursor.error_at(
                        arg_start,
                        format!(
                            "argument {} of {}() must be {}",
                            args.len() + 1,
                            function.name(),
                            param.describe()
                        ),
                    ))
                }
                None => return Err(arity_error(cursor, function, name_start)),
            }
            cursor.skip_blank();
            if cursor.eat(')') {
                break;
            }
            cursor.expect(',', "',' or ')'")?;
            cursor.skip_blank();
        }
    }
    cursor.leave();
    if args.len() != function.parameter_types().len() {
        return Err(arity_error(cursor, function, name_start));
    }
    let pattern = compile_literal_pattern(function, &args);
    Ok(FunctionCall {
        function,
        args,
        pattern,
    })
}

fn arity_error(cursor: &Cursor, function: Function, name_start: usize) -> JsonPathError {
    let count = function.parameter_types().len();
    let plural = if count == 1 { "" } else { "s" };
    cursor.error_at(
        name_start,
        format!("{}() takes {count} argument{plural}", function.name()),
    )
}

fn parse_function_arg(cursor: &mut Cursor) -> Result<FunctionArg, JsonPathError> {
    if matches!(cursor.peek(), Some('!' | '(')) {
        return parse_logical_expr(cursor).map(FunctionArg::Logical);
    }
    let start = cursor.pos();
    let operand = parse_operand(cursor)?;
    let after_operand = cursor.pos();
    cursor.skip_blank();
    if matches!(cursor.peek(), Some(',' | ')')) {
        cursor.reset(after_operand);
        return Ok(match operand {
            Operand::Literal(value) => FunctionArg::Literal(value),
            Operand::Query(query) => FunctionArg::Query(query),
            Operand::Call(call) => FunctionArg::Call(call),
        });
    }
    // The operand begins a longer logical expression; continue from it rather than reparse it.
    cursor.reset(after_operand);
    let first = parse_basic_after(cursor, operand, start)?;
    parse_or(cursor, Some(first)).map(FunctionArg::Logical)
}
