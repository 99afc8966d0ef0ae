//! Applies a query's segments and selectors to a JSON value (RFC 9535 §2.3–2.5).

use serde_json::Value;

use super::ast::{Segment, Selector};
use super::filter_eval::test;
use super::normalized_path::{child_index, child_name};
use super::slice::slice_indices;
use super::Node;

/// The nodes `segments` select from `start`. With `start_path`, every node carries its
/// Normalized Path; without (queries inside filters), paths are left empty.
pub(crate) fn select_from<'a>(
    segments: &[Segment],
    root: &'a Value,
    start: &'a Value,
    start_path: Option<&str>,
) -> Vec<Node<'a>> {
    let track = Tracking(start_path.is_some());
    let mut nodes = vec![Node {
        path: start_path.unwrap_or_default().to_string(),
        value: start,
    }];
    for segment in segments {
        if nodes.is_empty() {
            break;
        }
        let mut selected = Vec::new();
        match segment {
            Segment::Child(selectors) => {
                for node in &nodes {
                    for selector in selectors {
                        apply(selector, node, root, track, &mut selected);
                    }
                }
            }
            Segment::Descendant(selectors) => {
                for node in &nodes {
                    for descendant in descendants(node, track) {
                        for selector in selectors {
                            apply(selector, &descendant, root, track, &mut selected);
                        }
                    }
                }
            }
        }
        nodes = selected;
    }
    nodes
}

/// Whether Normalized Paths are built (they are not needed inside filters).
#[derive(Clone, Copy)]
struct Tracking(bool);

fn element<'a>(parent: &Node<'a>, index: usize, value: &'a Value, track: Tracking) -> Node<'a> {
    let path = if track.0 {
        child_index(&parent.path, index)
    } else {
        String::new()
    };
    Node { path, value }
}

fn member<'a>(parent: &Node<'a>, name: &str, value: &'a Value, track: Tracking) -> Node<'a> {
    let path = if track.0 {
        child_name(&parent.path, name)
    } else {
        String::new()
    };
    Node { path, value }
}

fn children<'a>(node: &Node<'a>, track: Tracking) -> Vec<Node<'a>> {
    match node.value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| element(node, i, item, track))
            .collect(),
        Value::Object(members) => members
            .iter()
            .map(|(name, value)| member(node, name, value, track))
            .collect(),
        _ => Vec::new(),
    }
}

/// The node and all its descendants, parents before children and siblings in document order;
/// walked with an explicit stack so that depth costs heap, not call stack.
fn descendants<'a>(node: &Node<'a>, track: Tracking) -> Vec<Node<'a>> {
    let mut visited = Vec::new();
    let mut pending = vec![node.clone()];
    while let Some(next) = pending.pop() {
        pending.extend(children(&next, track).into_iter().rev());
        visited.push(next);
    }
    visited
}

/// An index counted from the end when negative; None outside the array. The conversions are
/// checked because usize is 32 bits in the browser, narrower than an index may be.
fn array_position(index: i64, len: usize) -> Option<usize> {
    if index < 0 {
        len.checked_sub(usize::try_from(index.unsigned_abs()).ok()?)
    } else {
        usize::try_from(index).ok()
    }
}

fn apply<'a>(
    selector: &Selector,
    node: &Node<'a>,
    root: &'a Value,
    track: Tracking,
    out: &mut Vec<Node<'a>>,
) {
    match (selector, node.value) {
        (Selector::Name(name), Value::Object(members)) => {
            if let Some(value) = members.get(name) {
                out.push(member(node, name, value, track));
            }
        }
        (Selector::Wildcard, _) => out.extend(children(node, track)),
        (Selector::Index(index), Value::Array(items)) => {
            let position = array_position(*index, items.len());
            if let Some((i, item)) = position.and_then(|i| items.get(i).map(|item| (i, item))) {
                out.push(element(node, i, item, track));
            }
        }
        (Selector::Slice { start, end, step }, Value::Array(items)) => {
            for i in slice_indices(items.len(), *start, *end, *step) {
                if let Some(item) = items.get(i) {
                    out.push(element(node, i, item, track));
                }
            }
        }
        (Selector::Filter(expr), Value::Array(_) | Value::Object(_)) => {
            out.extend(
                children(node, track)
                    .into_iter()
                    .filter(|child| test(expr, root, child.value)),
            );
        }
        _ => {}
    }
}
