//! Render stage: folding of pretty-printed JSON. A line that ends with `{` or `[` opens a container; its
//! closing line is the next line with the same indentation (the re-indenter writes one value per line,
//! indented by depth, and no string holds a line break). The viewer keeps the collapsed ranges and maps the
//! rows it shows to lines, so folding a container of a million lines costs nothing per frame.

/// Whether a formatted line opens a non-empty container (its last non-blank character is `{` or `[`).
pub fn opens_container(line: &str) -> bool {
    matches!(line.trim_end().as_bytes().last(), Some(b'{' | b'['))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The line that closes the container opened on `open`, reading lines through `line` (`None` past the
/// lines formatted so far): the first later line indented as much as `open`. `None` while it is not
/// formatted yet, or when `open` opens nothing.
pub fn find_close<S: AsRef<str>>(open: usize, line: impl Fn(usize) -> Option<S>) -> Option<usize> {
    let first = line(open)?;
    if !opens_container(first.as_ref()) {
        return None;
    }
    let depth = indent(first.as_ref());
    (open + 1..)
        .map_while(|n| line(n).map(|text| (n, text)))
        .find(|(_, text)| indent(text.as_ref()) <= depth)
        .map(|(n, _)| n)
}

/// The collapsed containers: `open line -> closing line`. The open line stays visible (with its closing
/// line's text after an ellipsis); the lines after it, up to and including the closing line, are hidden.
///
/// A sorted list rather than a map: people collapse a handful of containers, and the page (whose first
/// load has a size budget) carries no B-tree code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folds {
    /// `(open, close)`, sorted by `open`.
    collapsed: Vec<(usize, usize)>,
}

impl Folds {
    /// Collapses `open..=close`, or expands it when collapsed.
    pub fn toggle(&mut self, open: usize, close: usize) {
        match self.collapsed.binary_search_by_key(&open, |&(o, _)| o) {
            Ok(at) => {
                self.collapsed.remove(at);
            }
            Err(at) if close > open => self.collapsed.insert(at, (open, close)),
            Err(_) => {}
        }
    }

    /// The closing line of `open` when it is collapsed.
    pub fn collapsed_close(&self, open: usize) -> Option<usize> {
        let at = self
            .collapsed
            .binary_search_by_key(&open, |&(o, _)| o)
            .ok()?;
        Some(self.collapsed[at].1)
    }

    pub fn is_empty(&self) -> bool {
        self.collapsed.is_empty()
    }

    pub fn clear(&mut self) {
        self.collapsed.clear();
    }

    /// Expands every collapsed container that hides `line`, so it can be shown.
    pub fn reveal(&mut self, line: usize) {
        self.collapsed
            .retain(|&(open, close)| !(open < line && line <= close));
    }

    /// The outermost collapsed ranges, in order: a range inside another hides nothing more.
    fn outermost(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut covered_to = None::<usize>;
        self.collapsed.iter().filter_map(move |&(open, close)| {
            if covered_to.is_some_and(|end| open <= end) {
                return None;
            }
            covered_to = Some(close);
            Some((open, close))
        })
    }

    /// How many rows `line_count` lines take with these containers collapsed.
    pub fn row_count(&self, line_count: usize) -> usize {
        let hidden: usize = self
            .outermost()
            .map(|(open, close)| close.min(line_count.saturating_sub(1)).saturating_sub(open))
            .sum();
        line_count.saturating_sub(hidden)
    }

    /// The line shown on row `row`.
    pub fn line_of_row(&self, row: usize) -> usize {
        let mut line = row;
        for (open, close) in self.outermost() {
            if line <= open {
                break;
            }
            line += close - open;
        }
        line
    }

    /// The row that shows `line`, or `None` when a collapsed container hides it.
    pub fn row_of_line(&self, line: usize) -> Option<usize> {
        let mut hidden = 0;
        for (open, close) in self.outermost() {
            if line <= open {
                break;
            }
            if line <= close {
                return None;
            }
            hidden += close - open;
        }
        Some(line - hidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::json::reindent;
    use proptest::prelude::*;

    const DOC: &str = r#"{"a": {"b": [1, 2, {"c": "{["}], "d": {}}, "e": [], "f": [[3]]}"#;

    fn lines() -> Vec<String> {
        reindent(DOC, 2).lines().map(str::to_string).collect()
    }

    #[test]
    fn every_opening_line_closes_at_its_own_bracket() {
        let lines = lines();
        let at = |n: usize| lines.get(n).map(String::as_str);
        let mut opened = 0;
        for (n, line) in lines.iter().enumerate() {
            match find_close(n, at) {
                Some(close) => {
                    opened += 1;
                    let closing = lines[close].trim_start();
                    let bracket = if line.trim_end().ends_with('{') {
                        '}'
                    } else {
                        ']'
                    };
                    assert!(
                        closing.starts_with(bracket),
                        "line {n} {line:?} closed by {closing:?}"
                    );
                    // Everything between is deeper.
                    assert!(lines[n + 1..close].iter().all(|l| indent(l) > indent(line)));
                }
                None => assert!(
                    !opens_container(line),
                    "line {n} {line:?} opens but never closes"
                ),
            }
        }
        // The document, a, b, the object in b, f and the array in f; empty containers stay on one line,
        // and brackets inside a string open nothing.
        assert_eq!(opened, 6, "{lines:#?}");
    }

    #[test]
    fn an_unfinished_container_has_no_close_yet() {
        let lines = lines();
        let partial = &lines[..4];
        assert_eq!(find_close(0, |n| partial.get(n).map(String::as_str)), None);
    }

    #[test]
    fn a_collapsed_container_leaves_its_first_line_and_hides_the_rest() {
        let mut folds = Folds::default();
        folds.toggle(2, 5);
        assert_eq!(folds.row_count(10), 7);
        assert_eq!(
            (0..7).map(|r| folds.line_of_row(r)).collect::<Vec<_>>(),
            [0, 1, 2, 6, 7, 8, 9]
        );
        assert_eq!(folds.row_of_line(4), None);
        assert_eq!(folds.row_of_line(6), Some(3));
        folds.reveal(4);
        assert!(folds.is_empty());
    }

    /// Rows as the viewer would list them, by brute force: every line not inside an outermost collapse.
    fn shown(folds: &Folds, count: usize) -> Vec<usize> {
        (0..count)
            .filter(|&line| !folds.collapsed.iter().any(|&(o, c)| o < line && line <= c))
            .collect()
    }

    proptest! {
        #[test]
        fn the_row_mapping_matches_hiding_lines_one_by_one(
            ranges in proptest::collection::vec((0usize..60, 1usize..30), 0..8),
            count in 1usize..100,
        ) {
            // Containers nest or follow each other; they never cross.
            let mut folds = Folds::default();
            for (open, len) in ranges {
                let close = open + len;
                let crosses = folds.collapsed.iter().any(|&(o, c)| {
                    (o < open && open <= c && c < close) || (open < o && o <= close && close < c)
                });
                if !crosses && folds.collapsed_close(open).is_none() {
                    folds.toggle(open, close);
                }
            }
            let expected = shown(&folds, count);
            prop_assert_eq!(folds.row_count(count), expected.len());
            for (row, &line) in expected.iter().enumerate() {
                prop_assert_eq!(folds.line_of_row(row), line);
                prop_assert_eq!(folds.row_of_line(line), Some(row));
            }
        }
    }
}
