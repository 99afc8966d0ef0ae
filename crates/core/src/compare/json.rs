//! Two JSON documents compared value by value, each change named by its RFC 9535 normalized path.
//!
//! The walk keeps its own stack instead of recursing, so nesting depth costs heap, never the call stack.
//! Arrays are compared index by index: the result is predictable and each path names the same slot in both
//! documents. The one exception is a pure insertion or removal at the front (a newest-first list that gained
//! items), which index pairing would report as every element changed: when the shorter array equals the
//! longer one's tail, only the leading elements are reported, added (right indices) or removed (left ones).

use serde_json::map::Iter as MapIter;
use serde_json::{Map, Number, Value};

use super::path::{normalized_path, Segment};

/// The changes found, the first `max_changes` listed and the rest counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonDiff {
    pub changes: Vec<JsonChange>,
    /// Changes found beyond the listed ones.
    pub truncated: usize,
}

impl JsonDiff {
    /// Every change found, listed or not.
    pub fn total(&self) -> usize {
        self.changes.len() + self.truncated
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct JsonChange {
    /// RFC 9535 normalized path, like `$['items'][0]['id']`.
    pub path: String,
    pub kind: JsonChangeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum JsonChangeKind {
    /// Only on the right.
    Added(Value),
    /// Only on the left.
    Removed(Value),
    /// Both sides hold a value of the same type, but a different one.
    Changed { left: Value, right: Value },
    /// The two sides hold different types (a string became a number, an object became null, ...).
    TypeChanged { left: Value, right: Value },
}

/// Compares `left` with `right`, listing at most `max_changes` changes.
pub fn compare_json(left: &Value, right: &Value, max_changes: usize) -> JsonDiff {
    let mut walk = Walk {
        path: Vec::new(),
        frames: Vec::new(),
        diff: JsonDiff::default(),
        max_changes,
    };
    walk.visit(left, right);
    while let Some(frame) = walk.frames.last_mut() {
        match frame.next() {
            Next::Both(segment, left, right) => {
                walk.path.push(segment);
                if !walk.visit(left, right) {
                    walk.path.pop();
                }
            }
            Next::Only(segment, kind) => {
                walk.path.push(segment);
                walk.record(kind);
                walk.path.pop();
            }
            Next::Done => {
                walk.frames.pop();
                // Every frame but the root's was entered through a segment; the root's leaves the path empty.
                walk.path.pop();
            }
        }
    }
    walk.diff
}

/// Equality by value, with numbers compared numerically (1 equals 1.0), walked without recursion.
pub fn json_equal(left: &Value, right: &Value) -> bool {
    let mut pending = vec![(left, right)];
    while let Some((left, right)) = pending.pop() {
        match (left, right) {
            (Value::Object(l), Value::Object(r)) => {
                if l.len() != r.len() {
                    return false;
                }
                for (key, l_value) in l {
                    match r.get(key) {
                        Some(r_value) => pending.push((l_value, r_value)),
                        None => return false,
                    }
                }
            }
            (Value::Array(l), Value::Array(r)) => {
                if l.len() != r.len() {
                    return false;
                }
                pending.extend(l.iter().zip(r));
            }
            (Value::Number(l), Value::Number(r)) => {
                if !numbers_equal(l, r) {
                    return false;
                }
            }
            (l, r) => {
                if l != r {
                    return false;
                }
            }
        }
    }
    true
}

/// Numbers as JSON means them: 1, 1.0 and 1e0 are one number. Integers are compared exactly (no trip
/// through f64, which would merge neighbours above 2^53); an integer equals a float only when the float
/// holds exactly that integer.
fn numbers_equal(left: &Number, right: &Number) -> bool {
    match (integer(left), integer(right)) {
        (Some(l), Some(r)) => l == r,
        (Some(i), None) => float_is_integer(right.as_f64(), i),
        (None, Some(i)) => float_is_integer(left.as_f64(), i),
        (None, None) => left.as_f64() == right.as_f64(),
    }
}

fn integer(number: &Number) -> Option<i128> {
    number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from))
}

fn float_is_integer(float: Option<f64>, integer: i128) -> bool {
    // 2^64 bounds every integer serde_json holds, so a float beyond it cannot be equal (and the cast below
    // stays exact).
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    match float {
        Some(f) if f.fract() == 0.0 && f.abs() <= LIMIT => f as i128 == integer,
        _ => false,
    }
}

struct Walk<'a> {
    path: Vec<Segment<'a>>,
    frames: Vec<Frame<'a>>,
    diff: JsonDiff,
    max_changes: usize,
}

impl<'a> Walk<'a> {
    /// Compares one pair at the current path; returns whether it opened a frame (a container pair whose
    /// children come next), which then owns the path's last segment.
    fn visit(&mut self, left: &'a Value, right: &'a Value) -> bool {
        match (left, right) {
            (Value::Object(l), Value::Object(r)) => {
                self.frames.push(Frame::object(l, r));
                true
            }
            (Value::Array(l), Value::Array(r)) => {
                self.frames.push(Frame::array(l, r));
                true
            }
            (Value::Number(l), Value::Number(r)) => {
                if !numbers_equal(l, r) {
                    self.record(changed(left, right));
                }
                false
            }
            (Value::Null, Value::Null) => false,
            (Value::Bool(_), Value::Bool(_)) | (Value::String(_), Value::String(_)) => {
                if left != right {
                    self.record(changed(left, right));
                }
                false
            }
            _ => {
                self.record(JsonChangeKind::TypeChanged {
                    left: left.clone(),
                    right: right.clone(),
                });
                false
            }
        }
    }

    fn record(&mut self, kind: JsonChangeKind) {
        if self.diff.changes.len() < self.max_changes {
            self.diff.changes.push(JsonChange {
                path: normalized_path(&self.path),
                kind,
            });
        } else {
            self.diff.truncated += 1;
        }
    }
}

fn changed(left: &Value, right: &Value) -> JsonChangeKind {
    JsonChangeKind::Changed {
        left: left.clone(),
        right: right.clone(),
    }
}

enum Next<'a> {
    Both(Segment<'a>, &'a Value, &'a Value),
    Only(Segment<'a>, JsonChangeKind),
    Done,
}

/// A container pair whose children are being compared.
enum Frame<'a> {
    Object {
        left: &'a Map<String, Value>,
        right: &'a Map<String, Value>,
        left_entries: MapIter<'a>,
        right_entries: MapIter<'a>,
    },
    Array {
        left: &'a [Value],
        right: &'a [Value],
        next: usize,
    },
}

impl<'a> Frame<'a> {
    fn object(left: &'a Map<String, Value>, right: &'a Map<String, Value>) -> Self {
        Frame::Object {
            left,
            right,
            left_entries: left.iter(),
            right_entries: right.iter(),
        }
    }

    /// Narrows a front insertion (or removal) to the leading elements, which index pairing then reports as
    /// added (or removed) at their own indices; see the module comment.
    fn array(left: &'a [Value], right: &'a [Value]) -> Self {
        let (left, right) = if left.len() < right.len() {
            let lead = right.len() - left.len();
            if !slices_equal(left, &right[..left.len()]) && slices_equal(left, &right[lead..]) {
                (&left[..0], &right[..lead])
            } else {
                (left, right)
            }
        } else if right.len() < left.len() {
            let lead = left.len() - right.len();
            if !slices_equal(&left[..right.len()], right) && slices_equal(&left[lead..], right) {
                (&left[..lead], &right[..0])
            } else {
                (left, right)
            }
        } else {
            (left, right)
        };
        Frame::Array {
            left,
            right,
            next: 0,
        }
    }

    fn next(&mut self) -> Next<'a> {
        match self {
            Frame::Object {
                left,
                right,
                left_entries,
                right_entries,
            } => {
                // Left's keys first (in common or removed), then the keys only the right has; lookups rather
                // than a merge of the two orders, so the result does not depend on how the maps are ordered.
                if let Some((key, left_value)) = left_entries.next() {
                    return match right.get(key) {
                        Some(right_value) => {
                            Next::Both(Segment::Name(key), left_value, right_value)
                        }
                        None => Next::Only(
                            Segment::Name(key),
                            JsonChangeKind::Removed(left_value.clone()),
                        ),
                    };
                }
                for (key, right_value) in right_entries.by_ref() {
                    if !left.contains_key(key) {
                        return Next::Only(
                            Segment::Name(key),
                            JsonChangeKind::Added(right_value.clone()),
                        );
                    }
                }
                Next::Done
            }
            Frame::Array { left, right, next } => {
                let index = *next;
                *next += 1;
                match (left.get(index), right.get(index)) {
                    (Some(l), Some(r)) => Next::Both(Segment::Index(index), l, r),
                    (Some(l), None) => {
                        Next::Only(Segment::Index(index), JsonChangeKind::Removed(l.clone()))
                    }
                    (None, Some(r)) => {
                        Next::Only(Segment::Index(index), JsonChangeKind::Added(r.clone()))
                    }
                    (None, None) => Next::Done,
                }
            }
        }
    }
}

fn slices_equal(left: &[Value], right: &[Value]) -> bool {
    left.len() == right.len() && left.iter().zip(right).all(|(l, r)| json_equal(l, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut left = Value::Null;
        let mut right = json!(1);
        for _ in 0..100_000 {
            left = Value::Array(vec![left]);
            right = Value::Array(vec![right]);
        }
        let diff = compare_json(&left, &right, 10);
        assert_eq!(diff.total(), 1);
        assert!(!json_equal(&left, &right));
        assert!(diff.changes[0].path.starts_with("$[0][0]"));
        // serde_json drops nested values recursively; take them apart by hand.
        for mut value in [left, right] {
            while let Value::Array(mut items) = value {
                value = items.pop().unwrap_or(Value::Null);
            }
        }
    }

    #[test]
    fn numbers_compare_by_value() {
        let n = |text: &str| serde_json::from_str::<Number>(text).expect("a number");
        assert!(numbers_equal(&n("1"), &n("1.0")));
        assert!(numbers_equal(&n("100"), &n("1e2")));
        assert!(numbers_equal(&n("-3"), &n("-3.0")));
        assert!(!numbers_equal(
            &n("9007199254740993"),
            &n("9007199254740992.0")
        ));
        assert!(!numbers_equal(&n("1"), &n("1.5")));
        assert!(numbers_equal(
            &n("18446744073709551615"),
            &n("18446744073709551615")
        ));
    }
}
