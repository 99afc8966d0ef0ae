//! Text compared line by line: hunks of changed lines with context, as a unified diff shows them.
//!
//! Lines are interned to integer ids first, so the edit walk compares numbers, not strings. The common
//! prefix and suffix are set aside before the walk (a few changed lines in a large body cost little), and the
//! walk's cost is capped: past it the middle is reported as one replaced block, flagged `approximate`.

use std::collections::HashMap;
use std::ops::Range;

use super::myers::{shortest_edit, Step};

/// The line-by-line difference of two texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineDiff {
    pub hunks: Vec<Hunk>,
    /// Lines only on the right.
    pub added: usize,
    /// Lines only on the left.
    pub removed: usize,
    /// The exact walk was given up (cost limit): one block replaces everything between the common prefix and
    /// suffix, correct as an edit but possibly far from the smallest one.
    pub approximate: bool,
}

/// Changed lines together with the unchanged lines around them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    /// 0-based indices of the left lines this hunk covers (empty when it only adds, placed where it adds).
    pub left: Range<usize>,
    /// 0-based indices of the right lines this hunk covers.
    pub right: Range<usize>,
    pub rows: Vec<Row>,
}

/// One display row of a hunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// 1-based line number on the left, as a viewer shows it; `None` for an added line.
    pub left_line: Option<usize>,
    /// 1-based line number on the right; `None` for a removed line.
    pub right_line: Option<usize>,
    /// The line without its `\n` (a `\r` before it is kept: it is part of what differs).
    pub text: String,
    /// The line is its text's last and has no `\n` after it.
    pub no_newline_at_end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Same,
    Added,
    Removed,
}

impl LineDiff {
    /// How many rows all hunks hold, for a pager's scroll range.
    pub fn row_count(&self) -> usize {
        self.hunks.iter().map(|hunk| hunk.rows.len()).sum()
    }

    /// Every row of every hunk, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.hunks.iter().flat_map(|hunk| hunk.rows.iter())
    }

    /// `count` rows from row `first` on: the page a viewer shows, skipping whole hunks without visiting
    /// their rows.
    pub fn page(&self, first: usize, count: usize) -> impl Iterator<Item = &Row> {
        let mut skipped = 0;
        let start_hunk = self.hunks.iter().position(|hunk| {
            let fits = skipped + hunk.rows.len() > first;
            if !fits {
                skipped += hunk.rows.len();
            }
            fits
        });
        let start_hunk = start_hunk.unwrap_or(self.hunks.len());
        self.hunks[start_hunk..]
            .iter()
            .flat_map(|hunk| hunk.rows.iter())
            .skip(first - skipped)
            .take(count)
    }
}

/// Compares `left` and `right` by line, with `context` unchanged lines around each change and at most
/// `max_cost` removed plus added lines worked out exactly.
pub fn diff_lines(left: &str, right: &str, context: usize, max_cost: usize) -> LineDiff {
    let left_lines: Vec<&str> = left.split_inclusive('\n').collect();
    let right_lines: Vec<&str> = right.split_inclusive('\n').collect();
    let (left_ids, right_ids) = intern(&left_lines, &right_lines);

    let prefix = left_ids
        .iter()
        .zip(&right_ids)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = left_ids[prefix..]
        .iter()
        .rev()
        .zip(right_ids[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let left_middle = &left_ids[prefix..left_ids.len() - suffix];
    let right_middle = &right_ids[prefix..right_ids.len() - suffix];

    let (middle, approximate) = match shortest_edit(left_middle, right_middle, max_cost) {
        Some(steps) => (steps, false),
        None => {
            let mut steps = vec![Step::Removed; left_middle.len()];
            steps.resize(left_middle.len() + right_middle.len(), Step::Added);
            (steps, true)
        }
    };
    let mut steps = vec![Step::Same; prefix];
    steps.extend(removals_first(middle));
    steps.extend(std::iter::repeat_n(Step::Same, suffix));

    LineDiff {
        hunks: hunks(&steps, &left_lines, &right_lines, context),
        added: steps.iter().filter(|s| **s == Step::Added).count(),
        removed: steps.iter().filter(|s| **s == Step::Removed).count(),
        approximate,
    }
}

/// The same id for equal strings on either side, so that an edit walk compares integers. Strings are
/// compared exactly, byte for byte.
pub(crate) fn intern<'t>(left: &[&'t str], right: &[&'t str]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<&'t str, u32> = HashMap::with_capacity(left.len() + right.len());
    let mut id_list = |items: &[&'t str]| -> Vec<u32> {
        items
            .iter()
            .map(|item| {
                let next = ids.len() as u32;
                *ids.entry(*item).or_insert(next)
            })
            .collect()
    };
    let left_ids = id_list(left);
    let right_ids = id_list(right);
    (left_ids, right_ids)
}

/// Within each run of changes, the removed lines before the added ones, as unified diffs show them; the
/// order inside a run does not change what the edit produces.
fn removals_first(steps: Vec<Step>) -> Vec<Step> {
    let mut out = Vec::with_capacity(steps.len());
    let (mut removed, mut added) = (0, 0);
    let flush = |out: &mut Vec<Step>, removed: &mut usize, added: &mut usize| {
        out.extend(std::iter::repeat_n(Step::Removed, *removed));
        out.extend(std::iter::repeat_n(Step::Added, *added));
        (*removed, *added) = (0, 0);
    };
    for step in steps {
        match step {
            Step::Removed => removed += 1,
            Step::Added => added += 1,
            Step::Same => {
                flush(&mut out, &mut removed, &mut added);
                out.push(Step::Same);
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// Groups the changed steps into hunks: changes closer than twice the context share one hunk, as in a
/// unified diff.
fn hunks(steps: &[Step], left: &[&str], right: &[&str], context: usize) -> Vec<Hunk> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        if *step == Step::Same {
            continue;
        }
        match groups.last_mut() {
            Some(group) if index - group.end <= context.saturating_mul(2) => group.end = index + 1,
            _ => groups.push(index..index + 1),
        }
    }
    // Where each step starts on either side, so a hunk can begin anywhere without a rescan.
    let mut positions = Vec::with_capacity(steps.len() + 1);
    let (mut i, mut j) = (0, 0);
    for step in steps {
        positions.push((i, j));
        match step {
            Step::Same => (i, j) = (i + 1, j + 1),
            Step::Removed => i += 1,
            Step::Added => j += 1,
        }
    }
    positions.push((i, j));

    groups
        .into_iter()
        .map(|group| {
            let start = group.start.saturating_sub(context);
            let end = group.end.saturating_add(context).min(steps.len());
            let (left_start, right_start) = positions[start];
            let (left_end, right_end) = positions[end];
            let rows = (start..end)
                .map(|index| {
                    let (i, j) = positions[index];
                    row(steps[index], i, j, left, right)
                })
                .collect();
            Hunk {
                left: left_start..left_end,
                right: right_start..right_end,
                rows,
            }
        })
        .collect()
}

fn row(step: Step, i: usize, j: usize, left: &[&str], right: &[&str]) -> Row {
    let (kind, line, left_line, right_line) = match step {
        Step::Same => (RowKind::Same, right[j], Some(i + 1), Some(j + 1)),
        Step::Removed => (RowKind::Removed, left[i], Some(i + 1), None),
        Step::Added => (RowKind::Added, right[j], None, Some(j + 1)),
    };
    let (text, no_newline_at_end) = match line.strip_suffix('\n') {
        Some(text) => (text, false),
        None => (line, true),
    };
    Row {
        kind,
        left_line,
        right_line,
        text: text.to_owned(),
        no_newline_at_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_hunks() {
        let diff = diff_lines("a\nb\n", "a\nb\n", 3, 100);
        assert!(diff.hunks.is_empty());
        assert_eq!((diff.added, diff.removed, diff.approximate), (0, 0, false));
    }

    #[test]
    fn distant_changes_make_separate_hunks_and_near_ones_merge() {
        let left: String = (1..=20).map(|n| format!("{n}\n")).collect();
        let right = left.replace("3\n", "three\n").replace("18\n", "eighteen\n");
        assert_eq!(diff_lines(&left, &right, 2, 100).hunks.len(), 2);
        assert_eq!(diff_lines(&left, &right, 7, 100).hunks.len(), 1);
    }

    #[test]
    fn the_fallback_keeps_prefix_and_suffix() {
        let diff = diff_lines("a\nx\ny\nz\n", "a\n1\n2\n3\nz\n", 0, 1);
        assert!(diff.approximate);
        assert_eq!((diff.removed, diff.added), (2, 3));
        assert_eq!(diff.hunks.len(), 1);
        assert_eq!(diff.hunks[0].left, 1..3);
        assert_eq!(diff.hunks[0].right, 1..4);
    }

    #[test]
    fn pages_cross_hunk_borders() {
        let left: String = (1..=30).map(|n| format!("{n}\n")).collect();
        let right = left
            .replace("5\n", "five\n")
            .replace("25\n", "twenty-five\n");
        let diff = diff_lines(&left, &right, 1, 100);
        let all: Vec<&Row> = diff.rows().collect();
        assert_eq!(all.len(), diff.row_count());
        for first in 0..=all.len() + 1 {
            let page: Vec<&Row> = diff.page(first, 3).collect();
            let expected: Vec<&Row> = all.iter().skip(first).take(3).copied().collect();
            assert_eq!(page, expected, "page from {first}");
        }
    }
}
