//! Render stage for live streams: the rows a live view keeps (events, records, chunks, messages), at most
//! `cap` of them, the oldest dropped first, and which of them the filter shows. Plain data, so the bounded
//! memory and the filter are tested without a browser.

use std::collections::VecDeque;

/// One line of a live view. Every kind fills the same four columns, so one list renders them all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// Milliseconds since the request started (or the socket was opened).
    pub t: f64,
    /// The event's name, the message's direction, the chunk's size.
    pub name: String,
    /// The event's id, the record's number, the bytes received so far.
    pub id: String,
    /// The event's data, the record, the message as text (a hex preview for binary ones).
    pub text: String,
    /// A binary message's bytes: the detail shows them as a hex dump.
    pub bytes: Option<Vec<u8>>,
    /// What is wrong with it (a record that is not JSON), shown above its text.
    pub problem: Option<String>,
}

impl Row {
    fn matches(&self, needle: &str) -> bool {
        [&self.name, &self.id, &self.text]
            .iter()
            .any(|field| contains_ignoring_case(field, needle))
    }
}

/// `needle` is already lower case; ASCII case is ignored (a filter for event names and JSON text).
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The rows kept, numbered from the first ever pushed (`seq`), so a selection survives older rows leaving.
#[derive(Debug)]
pub struct Kept {
    rows: VecDeque<Row>,
    /// `seq` of `rows[0]`.
    first: u64,
    cap: usize,
    dropped: u64,
    filter: String,
    /// With a filter: the `seq`s it shows, in order. Without one every row shows and this is `None`.
    shown: Option<VecDeque<u64>>,
}

/// Rows a view keeps unless the user raises it: 10,000 rows of a few hundred bytes stay within a few MB.
pub const DEFAULT_CAP: usize = 10_000;

impl Kept {
    pub fn new(cap: usize) -> Kept {
        Kept {
            rows: VecDeque::new(),
            first: 0,
            cap: cap.max(1),
            dropped: 0,
            filter: String::new(),
            shown: None,
        }
    }

    pub fn push(&mut self, row: Row) {
        let seq = self.first + self.rows.len() as u64;
        if let Some(shown) = &mut self.shown {
            if row.matches(&self.filter) {
                shown.push_back(seq);
            }
        }
        self.rows.push_back(row);
        self.trim();
    }

    fn trim(&mut self) {
        while self.rows.len() > self.cap {
            self.rows.pop_front();
            self.first += 1;
            self.dropped += 1;
        }
        if let Some(shown) = &mut self.shown {
            while shown.front().is_some_and(|seq| *seq < self.first) {
                shown.pop_front();
            }
        }
    }

    /// Keeps at most `cap` rows from now on (at least one); lowering it drops the oldest at once.
    pub fn set_cap(&mut self, cap: usize) {
        self.cap = cap.max(1);
        self.trim();
    }

    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Shows only rows whose name, id or text contains `filter` (ASCII case ignored); empty shows all.
    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.trim().to_ascii_lowercase();
        self.shown = (!self.filter.is_empty()).then(|| {
            let first = self.first;
            self.rows
                .iter()
                .enumerate()
                .filter(|(_, row)| row.matches(&self.filter))
                .map(|(at, _)| first + at as u64)
                .collect()
        });
    }

    pub fn clear(&mut self) {
        self.first += self.rows.len() as u64;
        self.rows.clear();
        self.dropped = 0;
        if let Some(shown) = &mut self.shown {
            shown.clear();
        }
    }

    /// How many rows the filter shows.
    pub fn shown_len(&self) -> usize {
        self.shown.as_ref().map_or(self.rows.len(), VecDeque::len)
    }

    /// The `at`-th row the filter shows, with its `seq`.
    pub fn shown_at(&self, at: usize) -> Option<(u64, &Row)> {
        let seq = match &self.shown {
            Some(shown) => *shown.get(at)?,
            None => self.first + at as u64,
        };
        Some((seq, self.get(seq)?))
    }

    pub fn get(&self, seq: u64) -> Option<&Row> {
        self.rows
            .get(usize::try_from(seq.checked_sub(self.first)?).ok()?)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.rows.len()
    }

    /// Rows dropped to stay within the cap since the view started.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, text: &str) -> Row {
        Row {
            name: name.into(),
            text: text.into(),
            ..Row::default()
        }
    }

    #[test]
    fn keeps_at_most_the_cap_dropping_the_oldest() {
        let mut kept = Kept::new(3);
        for i in 0..5 {
            kept.push(row("ping", &i.to_string()));
        }
        assert_eq!(kept.len(), 3);
        assert_eq!(kept.dropped(), 2);
        assert_eq!(
            kept.shown_at(0).map(|(seq, r)| (seq, r.text.as_str())),
            Some((2, "2"))
        );
        assert_eq!(kept.get(1), None, "a dropped row is gone");
        kept.set_cap(1);
        assert_eq!(kept.shown_at(0).map(|(seq, _)| seq), Some(4));
        assert_eq!(kept.dropped(), 4);
    }

    #[test]
    fn the_filter_matches_name_id_or_text_ignoring_case_and_follows_new_rows() {
        let mut kept = Kept::new(10);
        kept.push(row("ping", "{\"n\":1}"));
        kept.push(row("Update", "price"));
        kept.set_filter(" update ");
        assert_eq!(kept.shown_len(), 1);
        kept.push(row("other", "an UPDATE came"));
        kept.push(row("other", "nothing"));
        let shown: Vec<u64> = (0..kept.shown_len())
            .filter_map(|i| kept.shown_at(i))
            .map(|(s, _)| s)
            .collect();
        assert_eq!(shown, [1, 2]);
        kept.set_filter("");
        assert_eq!(kept.shown_len(), 4);
    }

    #[test]
    fn a_filtered_row_that_leaves_the_cap_leaves_the_filter_too() {
        let mut kept = Kept::new(2);
        kept.set_filter("x");
        kept.push(row("x", ""));
        kept.push(row("y", ""));
        kept.push(row("y", ""));
        assert_eq!(kept.shown_len(), 0);
    }

    #[test]
    fn clearing_keeps_numbering_so_an_old_selection_finds_nothing() {
        let mut kept = Kept::new(5);
        kept.push(row("a", ""));
        kept.clear();
        kept.push(row("b", ""));
        assert_eq!(kept.get(0), None);
        assert_eq!(kept.get(1).map(|r| r.name.as_str()), Some("b"));
    }
}
