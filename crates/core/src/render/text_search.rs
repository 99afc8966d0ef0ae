//! Render stage: finding text in a response body of any size, a slice at a time, so a search through a
//! hundred megabytes never holds the page's thread for long (PRODUCT.md: no task over 50 ms). ASCII letters
//! match in either case; everything else byte for byte.

/// Matches kept at most; past this the count says "more than".
pub const MAX_MATCHES: usize = 10_000;

/// A search for one query through a text that may still be growing (a body being formatted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    needle: Vec<u8>,
    /// The first position not searched yet.
    next: usize,
    matches: Vec<usize>,
}

impl Search {
    pub fn new(query: &str) -> Search {
        Search {
            needle: query.bytes().map(|b| b.to_ascii_lowercase()).collect(),
            next: 0,
            matches: Vec::new(),
        }
    }

    /// Searches about `budget` more bytes of `text` (the same text as before, perhaps longer now); true once
    /// all of `text` is searched or the matches are capped.
    pub fn step(&mut self, text: &[u8], budget: usize) -> bool {
        let n = self.needle.len();
        if n == 0 || self.capped() {
            return true;
        }
        // A match may start at any position that leaves room for the needle.
        let last_start = match text.len().checked_sub(n) {
            Some(last) => last,
            None => return true,
        };
        let end = self.next.saturating_add(budget).min(last_start + 1);
        let first = self.needle[0];
        let mut at = self.next;
        while at < end {
            let Some(found) = text[at..end]
                .iter()
                .position(|b| b.to_ascii_lowercase() == first)
            else {
                break;
            };
            let start = at + found;
            if text[start..start + n]
                .iter()
                .zip(&self.needle)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
            {
                self.matches.push(start);
                if self.capped() {
                    self.next = start + 1;
                    return true;
                }
            }
            at = start + 1;
        }
        self.next = end;
        end > last_start
    }

    /// Byte offsets where matches start, in order.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// Whether the matches stopped at [`MAX_MATCHES`].
    pub fn capped(&self) -> bool {
        self.matches.len() >= MAX_MATCHES
    }

    pub fn is_empty_query(&self) -> bool {
        self.needle.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, query: &str) -> Vec<usize> {
        let (text, query) = (text.to_ascii_lowercase(), query.to_ascii_lowercase());
        (0..text.len())
            .filter(|&i| !query.is_empty() && text.as_bytes()[i..].starts_with(query.as_bytes()))
            .collect()
    }

    #[test]
    fn finds_every_match_in_either_case_including_overlapping_ones() {
        let mut search = Search::new("Aa");
        assert!(search.step(b"aAa xAA", 100));
        assert_eq!(search.matches(), [0, 1, 5]);
    }

    #[test]
    fn a_query_longer_than_the_text_or_empty_finds_nothing() {
        let mut search = Search::new("longer");
        assert!(search.step(b"long", 10));
        assert!(search.matches().is_empty());
        let mut empty = Search::new("");
        assert!(empty.step(b"text", 10));
        assert!(empty.matches().is_empty());
    }

    #[test]
    fn stops_at_the_cap() {
        let text = "x".repeat(MAX_MATCHES + 50);
        let mut search = Search::new("x");
        while !search.step(text.as_bytes(), 1000) {}
        assert!(search.capped());
        assert_eq!(search.matches().len(), MAX_MATCHES);
    }

    proptest! {
        /// Sliced search over a text that grows between slices finds exactly what one pass finds.
        #[test]
        fn slices_and_growth_find_what_one_pass_finds(
            text in "[abAB \\n{}\"é]{0,300}",
            query in "[abAB]{1,4}",
            budget in 1usize..40,
            grow_by in 1usize..80,
        ) {
            let mut search = Search::new(&query);
            let bytes = text.as_bytes();
            let mut visible = 0;
            loop {
                visible = (visible + grow_by).min(bytes.len());
                let done = search.step(&bytes[..visible], budget);
                if done && visible == bytes.len() {
                    break;
                }
            }
            let expected = naive(&text, &query);
            prop_assert_eq!(search.matches(), expected.as_slice());
        }
    }
}
