//! The query grammar down to selectors (RFC 9535 §2.2–2.5); filter expressions are in `filter_parser`.

use super::ast::{Query, Segment, Selector};
use super::cursor::Cursor;
use super::error::JsonPathError;
use super::filter_parser::parse_logical_expr;
use super::literal::{
    is_name_first, parse_integer, parse_member_name, parse_string, starts_integer,
};

/// A whole query: `$` and its segments, with nothing (not even blanks) around it.
pub(crate) fn parse_query(text: &str) -> Result<Query, JsonPathError> {
    let mut cursor = Cursor::new(text);
    cursor.expect('$', "'$' at the start of the query")?;
    let segments = parse_segments(&mut cursor)?;
    if !cursor.at_end() {
        return Err(cursor.unexpected("'.', '..', '[' or the end of the query"));
    }
    Ok(Query { segments })
}

/// Segments after `$` or `@`, each optionally preceded by blanks; blanks not followed by a segment
/// are left for the caller (they may come before `==` or `)` in a filter).
pub(crate) fn parse_segments(cursor: &mut Cursor) -> Result<Vec<Segment>, JsonPathError> {
    let mut segments = Vec::new();
    loop {
        let before_blank = cursor.pos();
        cursor.skip_blank();
        match cursor.peek() {
            Some('.' | '[') => segments.push(parse_segment(cursor)?),
            _ => {
                cursor.reset(before_blank);
                return Ok(segments);
            }
        }
    }
}

fn parse_segment(cursor: &mut Cursor) -> Result<Segment, JsonPathError> {
    if cursor.eat_str("..") {
        return match cursor.peek() {
            Some('[') => Ok(Segment::Descendant(parse_bracketed_selection(cursor)?)),
            Some('*') => {
                cursor.bump();
                Ok(Segment::Descendant(vec![Selector::Wildcard]))
            }
            Some(c) if is_name_first(c) => Ok(Segment::Descendant(vec![Selector::Name(
                parse_member_name(cursor),
            )])),
            _ => Err(cursor.unexpected("a member name, '*' or '[' after '..'")),
        };
    }
    if cursor.eat('.') {
        return match cursor.peek() {
            Some('*') => {
                cursor.bump();
                Ok(Segment::Child(vec![Selector::Wildcard]))
            }
            Some(c) if is_name_first(c) => Ok(Segment::Child(vec![Selector::Name(
                parse_member_name(cursor),
            )])),
            _ => Err(cursor.unexpected("a member name or '*' after '.'")),
        };
    }
    Ok(Segment::Child(parse_bracketed_selection(cursor)?))
}

fn parse_bracketed_selection(cursor: &mut Cursor) -> Result<Vec<Selector>, JsonPathError> {
    cursor.expect('[', "'['")?;
    cursor.enter()?;
    cursor.skip_blank();
    let mut selectors = vec![parse_selector(cursor)?];
    loop {
        cursor.skip_blank();
        if cursor.eat(']') {
            break;
        }
        if !cursor.eat(',') {
            return Err(cursor.unexpected("',' or ']'"));
        }
        cursor.skip_blank();
        selectors.push(parse_selector(cursor)?);
    }
    cursor.leave();
    Ok(selectors)
}

fn parse_selector(cursor: &mut Cursor) -> Result<Selector, JsonPathError> {
    match cursor.peek() {
        Some('\'' | '"') => Ok(Selector::Name(parse_string(cursor)?)),
        Some('*') => {
            cursor.bump();
            Ok(Selector::Wildcard)
        }
        Some('?') => {
            cursor.bump();
            cursor.skip_blank();
            Ok(Selector::Filter(parse_logical_expr(cursor)?))
        }
        Some(':') => parse_slice(cursor, None),
        c if starts_integer(c) => {
            let index = parse_integer(cursor)?;
            let before_blank = cursor.pos();
            cursor.skip_blank();
            if cursor.peek() == Some(':') {
                parse_slice(cursor, Some(index))
            } else {
                cursor.reset(before_blank);
                Ok(Selector::Index(index))
            }
        }
        _ => Err(cursor.unexpected("a selector (a name, '*', an index, a slice or a filter)")),
    }
}

/// The rest of a slice, the cursor on its first ':'.
fn parse_slice(cursor: &mut Cursor, start: Option<i64>) -> Result<Selector, JsonPathError> {
    cursor.expect(':', "':'")?;
    cursor.skip_blank();
    let end = if starts_integer(cursor.peek()) {
        Some(parse_integer(cursor)?)
    } else {
        None
    };
    let before_blank = cursor.pos();
    cursor.skip_blank();
    let step = if cursor.eat(':') {
        cursor.skip_blank();
        if starts_integer(cursor.peek()) {
            Some(parse_integer(cursor)?)
        } else {
            None
        }
    } else {
        cursor.reset(before_blank);
        None
    };
    Ok(Selector::Slice { start, end, step })
}
