//! The shortest edit script between two token sequences (Myers' O(ND) walk), given up past a cost limit.
//!
//! Tokens are interned line ids, so comparing two lines is one integer comparison. The walk keeps every
//! round's frontier to trace the path back; that history grows with the square of the cost, which is why the
//! caller caps the cost and falls back to a coarse answer instead of spending unbounded time and memory.

/// One step of an edit script: keep a left token, drop a left token, or take a right token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Same,
    Removed,
    Added,
}

/// Marks a diagonal that no path of the current cost reaches inside the grid.
const UNREACHED: usize = usize::MAX;

/// The steps turning `left` into `right` with the fewest removals plus additions, or `None` when that number
/// exceeds `max_cost`.
pub(crate) fn shortest_edit(left: &[u32], right: &[u32], max_cost: usize) -> Option<Vec<Step>> {
    let (n, m) = (left.len(), right.len());
    let limit = max_cost.min(n.saturating_add(m));
    if n.abs_diff(m) > limit {
        return None;
    }
    // Round d's furthest x per diagonal k = -d, -d+2, ..., d, stored back to back (round d starts at the
    // triangular number of its index): the history the path is traced back through.
    let mut history: Vec<usize> = Vec::new();
    for d in 0..=limit {
        let round_start = history.len();
        for slot in 0..=d {
            let k = diagonal(d, slot);
            let mut x = if d == 0 {
                0
            } else {
                match furthest_predecessor(&history[round_start - d..round_start], d, k, n, m) {
                    Some((_, x)) => x,
                    None => {
                        history.push(UNREACHED);
                        continue;
                    }
                }
            };
            let mut y = y_of(x, k);
            while x < n && y < m && left[x] == right[y] {
                x += 1;
                y += 1;
            }
            history.push(x);
            if x == n && y == m {
                return Some(trace_back(&history, d, k, left.len(), right.len()));
            }
        }
    }
    None
}

/// The diagonal (x - y) of the `slot`-th entry of round `d`.
fn diagonal(d: usize, slot: usize) -> isize {
    2 * slot as isize - d as isize
}

fn y_of(x: usize, k: isize) -> usize {
    (x as isize - k) as usize
}

/// Which way round `d` enters diagonal `k` from the previous round's frontier `previous` (entries for
/// diagonals -(d-1)..=d-1): `(true, x)` for a step down (an addition) from diagonal k+1, `(false, x)` for a
/// step right (a removal) from diagonal k-1, where x is the position after the step. Steps leaving the grid
/// are refused, so every reached point is a real one and the trace back never meets an impossible move.
fn furthest_predecessor(
    previous: &[usize],
    d: usize,
    k: isize,
    n: usize,
    m: usize,
) -> Option<(bool, usize)> {
    let at = |diagonal: isize| -> Option<usize> {
        let reach = d as isize - 1;
        if diagonal < -reach || diagonal > reach {
            return None;
        }
        let x = previous[((diagonal + reach) / 2) as usize];
        (x != UNREACHED).then_some(x)
    };
    let down = at(k + 1).filter(|&x| y_of(x, k) <= m);
    let right = at(k - 1).map(|x| x + 1).filter(|&x| x <= n);
    match (down, right) {
        (Some(down_x), Some(right_x)) if right_x > down_x => Some((false, right_x)),
        (Some(down_x), _) => Some((true, down_x)),
        (None, Some(right_x)) => Some((false, right_x)),
        (None, None) => None,
    }
}

fn trace_back(
    history: &[usize],
    last_round: usize,
    last_k: isize,
    n: usize,
    m: usize,
) -> Vec<Step> {
    let mut steps = Vec::with_capacity(n + m);
    let (mut x, mut k) = (n, last_k);
    for d in (1..=last_round).rev() {
        let round_start = d * (d + 1) / 2;
        let previous = &history[round_start - d..round_start];
        let Some((down, entry_x)) = furthest_predecessor(previous, d, k, n, m) else {
            // The forward walk reached this point through exactly this choice, so it cannot be missing.
            break;
        };
        steps.extend(std::iter::repeat_n(Step::Same, x - entry_x));
        if down {
            steps.push(Step::Added);
            k += 1;
            x = entry_x;
        } else {
            steps.push(Step::Removed);
            k -= 1;
            x = entry_x - 1;
        }
    }
    steps.extend(std::iter::repeat_n(Step::Same, x));
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(left: &[u32], right: &[u32], steps: &[Step]) -> Vec<u32> {
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        for step in steps {
            match step {
                Step::Same => {
                    assert_eq!(left[i], right[j]);
                    out.push(left[i]);
                    i += 1;
                    j += 1;
                }
                Step::Removed => i += 1,
                Step::Added => {
                    out.push(right[j]);
                    j += 1;
                }
            }
        }
        assert_eq!(i, left.len());
        out
    }

    fn cost(steps: &[Step]) -> usize {
        steps.iter().filter(|s| **s != Step::Same).count()
    }

    #[test]
    fn finds_the_minimal_script() {
        // The paper's example: ABCABBA -> CBABAC needs 5 edits.
        let (a, b) = ([1, 2, 3, 1, 2, 2, 1], [3, 2, 1, 2, 1, 3]);
        let steps = shortest_edit(&a, &b, 100).expect("within the limit");
        assert_eq!(apply(&a, &b, &steps), b);
        assert_eq!(cost(&steps), 5);
    }

    #[test]
    fn handles_empty_sides() {
        assert_eq!(shortest_edit(&[], &[], 0), Some(vec![]));
        assert_eq!(shortest_edit(&[], &[1, 2], 2), Some(vec![Step::Added; 2]));
        assert_eq!(shortest_edit(&[1, 2], &[], 2), Some(vec![Step::Removed; 2]));
    }

    #[test]
    fn gives_up_past_the_limit() {
        assert_eq!(shortest_edit(&[1, 2, 3], &[4, 5, 6], 5), None);
        assert!(shortest_edit(&[1, 2, 3], &[4, 5, 6], 6).is_some());
    }
}
