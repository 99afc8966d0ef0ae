//! Library stage, history: the requests sent from this browser with a summary of their answers, newest first,
//! capped so that all of it fits in localStorage.

use super::stored::{self, StoredError};
use crate::edit::model::Request;
use serde::{Deserialize, Serialize};

/// How many sends are kept.
pub const HISTORY_LIMIT: usize = 100;
/// Bodies are kept only up to this, so 100 entries fit in localStorage's ~5 MB.
pub const BODY_CAP_BYTES: usize = 16 * 1024;
/// The version [`History::to_json`] writes.
pub const HISTORY_VERSION: u32 = 1;

/// One send: the request as edited, and what came back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    pub request: Request,
    /// 0 when no response arrived (network error, CORS, opaque redirect).
    pub status: u16,
    pub status_text: String,
    pub elapsed_ms: f64,
    pub size: u64,
    pub body: String,
    /// True when `body` is only the start of the response (or was emptied to make room).
    pub body_truncated: bool,
    /// When it was sent, in milliseconds since the Unix epoch (JavaScript's `Date.now()`).
    pub at_ms: f64,
    /// The request's checks' verdict on this answer ("2 of 3 tests passed"); empty without checks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tests: String,
}

impl HistoryEntry {
    /// Cuts the body to [`BODY_CAP_BYTES`] (at a character boundary), as everything kept is.
    pub fn cut_body(&mut self) {
        if self.body.len() > BODY_CAP_BYTES {
            let mut cut = BODY_CAP_BYTES;
            while !self.body.is_char_boundary(cut) {
                cut -= 1;
            }
            self.body.truncate(cut);
            self.body_truncated = true;
        }
    }

    /// A one-line summary for lists: `GET https://x/y → 200`.
    pub fn label(&self) -> String {
        let outcome = match self.status {
            0 => "no response".to_string(),
            status => status.to_string(),
        };
        format!("{} {} → {outcome}", self.request.method, self.request.url)
    }
}

/// The request a send is recorded with: as edited, without the secrets of the auth made at send time (Digest's
/// password, AWS Signature's secret key and session token, OAuth 2.0's client secret and password), which the
/// history never keeps (`share::without_send_time_secrets`). OAuth tokens are never in a request at all.
pub fn without_auth_secrets(request: &Request) -> Request {
    crate::share::without_send_time_secrets(request).0
}

impl HistoryEntry {
    /// An entry for a send of `request` (see [`without_auth_secrets`]), its answer to be filled in.
    pub fn recorded(request: &Request) -> HistoryEntry {
        HistoryEntry {
            request: without_auth_secrets(request),
            ..HistoryEntry::default()
        }
    }
}

/// The kept sends, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    pub entries: Vec<HistoryEntry>,
}

impl History {
    pub fn to_json(&self) -> String {
        stored::wrap(HISTORY_VERSION, self)
    }

    pub fn from_json(text: &str) -> Result<History, StoredError> {
        stored::open(text, HISTORY_VERSION, stored::no_migrations)
    }

    /// Adds a send at the front, with its body cut to [`BODY_CAP_BYTES`], dropping the oldest beyond the limit.
    pub fn record(&mut self, mut entry: HistoryEntry) {
        entry.cut_body();
        self.entries.insert(0, entry);
        self.entries.truncate(HISTORY_LIMIT);
    }

    /// Indexes of the entries whose method, URL or status contain every word of `query`, ignoring case.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                // Joined with spaces: a word has none, so it cannot match across two fields.
                let text = format!(
                    "{} {} {}",
                    entry.request.method, entry.request.url, entry.status
                )
                .to_lowercase();
                words.iter().all(|word| text.contains(word.as_str()))
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// Removes one entry; an index past the end does nothing.
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Makes room when storage is full: empties the oldest body still kept, or else drops the oldest entry.
    /// False when there is nothing left to give up.
    pub fn shrink(&mut self) -> bool {
        // Bodies go first: the list of what was sent is worth more than old answers.
        if let Some(entry) = self.entries.iter_mut().rev().find(|e| !e.body.is_empty()) {
            entry.body.clear();
            entry.body_truncated = true;
            return true;
        }
        self.entries.pop().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::Method;

    fn entry(method: Method, url: &str, status: u16) -> HistoryEntry {
        HistoryEntry {
            request: Request {
                method,
                url: url.into(),
                ..Request::default()
            },
            status,
            body: "ok".into(),
            ..HistoryEntry::default()
        }
    }

    fn sample() -> History {
        let mut history = History::default();
        history.record(entry(Method::Get, "https://api.test/users", 200));
        history.record(entry(Method::Post, "https://api.test/users", 201));
        history.record(entry(Method::Delete, "https://other.test/users/7", 404));
        history.record(entry(Method::Get, "https://other.test/get", 0));
        history
    }

    #[test]
    fn record_puts_the_newest_first_and_keeps_the_limit() {
        let mut history = History::default();
        for n in 0..HISTORY_LIMIT + 5 {
            history.record(entry(Method::Get, &format!("http://h/{n}"), 200));
        }
        assert_eq!(history.entries.len(), HISTORY_LIMIT);
        assert_eq!(history.entries[0].request.url, "http://h/104");
        assert_eq!(history.entries[HISTORY_LIMIT - 1].request.url, "http://h/5");
    }

    #[test]
    fn record_cuts_long_bodies_on_a_character_boundary() {
        // "é" is two bytes, so an odd cap would fall inside one when the body starts with a one-byte char.
        let cases = [
            ("a".repeat(BODY_CAP_BYTES), BODY_CAP_BYTES, false),
            ("a".repeat(BODY_CAP_BYTES + 1), BODY_CAP_BYTES, true),
            (
                format!("a{}", "é".repeat(BODY_CAP_BYTES)),
                BODY_CAP_BYTES - 1,
                true,
            ),
            ("é".repeat(BODY_CAP_BYTES), BODY_CAP_BYTES, true),
        ];
        for (body, kept, truncated) in cases {
            let mut history = History::default();
            history.record(HistoryEntry {
                body: body.clone(),
                ..HistoryEntry::default()
            });
            let stored = &history.entries[0];
            assert_eq!(stored.body.len(), kept, "body of {} bytes", body.len());
            assert_eq!(
                stored.body_truncated,
                truncated,
                "body of {} bytes",
                body.len()
            );
            assert!(body.starts_with(&stored.body));
        }
    }

    #[test]
    fn search_matches_method_url_and_status_in_any_case() {
        let history = sample();
        // Entries, newest first: 0 GET other/get 0, 1 DELETE other/users/7 404, 2 POST api/users 201,
        // 3 GET api/users 200.
        let cases: [(&str, &[usize]); 10] = [
            ("", &[0, 1, 2, 3]),
            ("   ", &[0, 1, 2, 3]),
            ("get", &[0, 3]),
            ("GET", &[0, 3]),
            ("404", &[1]),
            ("20", &[2, 3]),
            ("api.test", &[2, 3]),
            ("post users", &[2]),
            ("get other", &[0]),
            ("put", &[]),
        ];
        for (query, expected) in cases {
            assert_eq!(history.search(query), expected, "{query:?}");
        }
    }

    #[test]
    fn remove_and_clear_ignore_bad_indexes() {
        let mut history = sample();
        history.remove(99);
        assert_eq!(history.entries.len(), 4);
        history.remove(1);
        let urls: Vec<&str> = history
            .entries
            .iter()
            .map(|e| e.request.url.as_str())
            .collect();
        assert_eq!(
            urls,
            [
                "https://other.test/get",
                "https://api.test/users",
                "https://api.test/users"
            ]
        );
        history.clear();
        assert!(history.entries.is_empty());
    }

    #[test]
    fn shrink_empties_the_oldest_bodies_first_then_drops_the_oldest_entries() {
        let mut history = History::default();
        history.record(entry(Method::Get, "http://h/old", 200));
        history.record(entry(Method::Get, "http://h/new", 200));
        let mut steps = Vec::new();
        loop {
            let shrunk = history.shrink();
            let state: Vec<(String, bool)> = history
                .entries
                .iter()
                .map(|e| (e.request.url.clone(), e.body.is_empty()))
                .collect();
            steps.push((shrunk, state));
            if !shrunk {
                break;
            }
        }
        let at = |url: &str, empty| (url.to_string(), empty);
        assert_eq!(
            steps,
            vec![
                (
                    true,
                    vec![at("http://h/new", false), at("http://h/old", true)]
                ),
                (
                    true,
                    vec![at("http://h/new", true), at("http://h/old", true)]
                ),
                (true, vec![at("http://h/new", true)]),
                (true, vec![]),
                (false, vec![]),
            ]
        );
    }

    #[test]
    fn history_round_trips_and_labels_entries() {
        let history = sample();
        assert_eq!(History::from_json(&history.to_json()), Ok(history.clone()));
        assert_eq!(
            history.entries[1].label(),
            "DELETE https://other.test/users/7 → 404"
        );
        assert_eq!(
            history.entries[0].label(),
            "GET https://other.test/get → no response"
        );
        assert!(matches!(
            History::from_json(r#"{"v":1,"data":{"entries":7}}"#),
            Err(StoredError::Corrupt(_))
        ));
    }
}
