//! Header lists compared by name, case-insensitively, each name's values in the order they were sent.
//!
//! A repeated header (`Set-Cookie`, `Link`, `Vary`) is a list of values: the lists are diffed with the same
//! edit walk as text lines, so one cookie more is one addition, not every later cookie "changed". A removal
//! directly followed by an addition at the same place is reported as one change.

use std::collections::HashMap;

use super::lines::intern;
use super::myers::{shortest_edit, Step};

/// Headers whose value differs between any two answers (clock and cache timing): the usual choice for
/// [`super::CompareOptions::ignore_headers`].
pub const VOLATILE_HEADERS: &[&str] = &["date", "age", "expires", "last-modified"];

/// Past this many values of one name the lists are compared slot by slot: no real answer repeats a header
/// that often, and the exact walk's cost grows with the square of its edits.
const MAX_VALUE_EDITS: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderChange {
    /// The name as the right answer spells it (the left's, for a removed header).
    pub name: String,
    pub kind: HeaderChangeKind,
    /// The name is one of the options' ignored headers: the change is listed, so nothing is hidden, but it
    /// does not make the answers differ.
    pub ignored: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderChangeKind {
    Added { value: String },
    Removed { value: String },
    Changed { left: String, right: String },
}

/// Changes from `left` to `right`, by name in the order names first appear (left's, then names new on the
/// right), and within a name in the order of its values.
pub fn compare_headers(
    left: &[(String, String)],
    right: &[(String, String)],
    ignore: &[&str],
) -> Vec<HeaderChange> {
    let mut groups: Vec<NameGroup<'_>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (on_right, (name, value)) in left
        .iter()
        .map(|header| (false, header))
        .chain(right.iter().map(|header| (true, header)))
    {
        let index = *group_of
            .entry(name.to_ascii_lowercase())
            .or_insert_with(|| {
                groups.push(NameGroup::default());
                groups.len() - 1
            });
        let group = &mut groups[index];
        if on_right {
            // The right's spelling wins: it is the newer answer in the usual comparison.
            if group.right.is_empty() {
                group.spelling = name;
            }
            group.right.push(value);
        } else {
            if group.left.is_empty() {
                group.spelling = name;
            }
            group.left.push(value);
        }
    }

    let mut changes = Vec::new();
    for group in &groups {
        let ignored = ignore
            .iter()
            .any(|i| i.eq_ignore_ascii_case(group.spelling));
        for kind in value_changes(&group.left, &group.right) {
            changes.push(HeaderChange {
                name: group.spelling.to_owned(),
                kind,
                ignored,
            });
        }
    }
    changes
}

/// One header name's values on either side.
#[derive(Default)]
struct NameGroup<'h> {
    spelling: &'h str,
    left: Vec<&'h str>,
    right: Vec<&'h str>,
}

fn value_changes(left: &[&str], right: &[&str]) -> Vec<HeaderChangeKind> {
    if left == right {
        return Vec::new();
    }
    // Values are compared exactly: their case can matter (cookies, ETags).
    let (left_ids, right_ids) = intern(left, right);
    let steps = shortest_edit(&left_ids, &right_ids, MAX_VALUE_EDITS).unwrap_or_else(|| {
        // Slot by slot: each common index a removal plus an addition (paired into a change below).
        let common = left.len().min(right.len());
        let mut steps = Vec::with_capacity(left.len() + right.len());
        for _ in 0..common {
            steps.extend([Step::Removed, Step::Added]);
        }
        steps.extend(std::iter::repeat_n(Step::Removed, left.len() - common));
        steps.extend(std::iter::repeat_n(Step::Added, right.len() - common));
        steps
    });

    let mut changes = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    for step in steps.iter().copied().chain([Step::Same]) {
        match step {
            Step::Removed => {
                removed.push(left[i]);
                i += 1;
            }
            Step::Added => {
                added.push(right[j]);
                j += 1;
            }
            Step::Same => {
                pair_up(&mut changes, &mut removed, &mut added);
                i += 1;
                j += 1;
            }
        }
    }
    changes
}

/// A run of removals and additions between two kept values: as many changes as both have, then the rest.
fn pair_up(changes: &mut Vec<HeaderChangeKind>, removed: &mut Vec<&str>, added: &mut Vec<&str>) {
    let common = removed.len().min(added.len());
    for (l, r) in removed.iter().zip(added.iter()) {
        changes.push(HeaderChangeKind::Changed {
            left: (*l).to_owned(),
            right: (*r).to_owned(),
        });
    }
    for value in &removed[common..] {
        changes.push(HeaderChangeKind::Removed {
            value: (*value).to_owned(),
        });
    }
    for value in &added[common..] {
        changes.push(HeaderChangeKind::Added {
            value: (*value).to_owned(),
        });
    }
    removed.clear();
    added.clear();
}
