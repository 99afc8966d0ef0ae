//! Library stage, the open tabs: several requests open at once, each with its own request, the saved
//! request it came from, and the last answer it got (kept as History keeps answers). One is in front: its
//! request is the one in the editor.

use super::collections::Collections;
use super::history::HistoryEntry;
use super::stored::{self, StoredError};
use crate::edit::model::Request;
use serde::{Deserialize, Serialize};

/// The version [`Tabs::to_json`] writes.
pub const TABS_VERSION: u32 = 1;

/// At most this many tabs are open: opening one more closes the oldest that has no unsaved edits.
pub const TABS_LIMIT: usize = 20;

/// One open request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenTab {
    /// Tells the tab apart for as long as it is open (the page keeps each tab's answer under it).
    pub id: u32,
    pub request: Request,
    /// The saved request (`Saved::id`) it came from, which Save updates in place.
    pub saved: Option<u64>,
    /// It was edited since it was opened or last saved.
    pub edited: bool,
    /// Its last answer, with the request that got it, the body cut as History cuts it.
    pub answer: Option<HistoryEntry>,
}

impl OpenTab {
    /// Whether closing it would lose edits: it differs from its saved request (or that one was deleted), or
    /// it was saved nowhere and has been edited.
    pub fn unsaved(&self, collections: &Collections) -> bool {
        match self.saved.map(|id| collections.get(id)) {
            Some(Some(saved)) => saved.request != self.request,
            Some(None) => true,
            None => self.edited,
        }
    }

    /// "GET users" for a saved request; for another, its URL's path and query ("GET /users?page=2"), or its
    /// host when the path is empty; "GET New request" when the URL is empty. Short, as a tab has room for
    /// little: the full URL is in the tab's tooltip.
    pub fn label(&self, collections: &Collections) -> String {
        let saved = self.saved.and_then(|id| collections.get(id));
        let name = match saved {
            Some(saved) => saved.name.as_str(),
            None if self.request.url.trim().is_empty() => "New request",
            None => short_url(self.request.url.trim()),
        };
        format!("{} {name}", self.request.method)
    }
}

/// A URL's path and query, or its host when those are empty (or "/"): `https://h/a?b` is `/a?b`.
fn short_url(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match after_scheme.find(['/', '?']) {
        Some(at) if !matches!(&after_scheme[at..], "/" | "") => &after_scheme[at..],
        Some(at) => &after_scheme[..at],
        None => after_scheme,
    }
}

/// The open tabs; never none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tabs {
    pub open: Vec<OpenTab>,
    /// The index of the tab in front.
    pub active: usize,
    /// The id the next tab gets.
    pub next_id: u32,
}

impl Default for Tabs {
    /// One tab, for whatever the editor holds.
    fn default() -> Self {
        Tabs {
            open: vec![OpenTab::default()],
            active: 0,
            next_id: 1,
        }
    }
}

impl Tabs {
    pub fn to_json(&self) -> String {
        stored::wrap(TABS_VERSION, self)
    }

    /// Reads stored tabs, made whole: at least one tab, the active one among them.
    pub fn from_json(text: &str) -> Result<Tabs, StoredError> {
        let mut tabs: Tabs = stored::open(text, TABS_VERSION, stored::no_migrations)?;
        if tabs.open.is_empty() {
            tabs = Tabs::default();
        }
        tabs.active = tabs.active.min(tabs.open.len() - 1);
        let past_ids = tabs.open.iter().map(|t| t.id + 1).max().unwrap_or(0);
        tabs.next_id = tabs.next_id.max(past_ids);
        Ok(tabs)
    }

    pub fn active(&self) -> &OpenTab {
        &self.open[self.active]
    }

    pub fn active_mut(&mut self) -> &mut OpenTab {
        &mut self.open[self.active]
    }

    /// Opens `request` in a new tab after the one in front and brings it to the front; returns its index.
    /// Past [`TABS_LIMIT`], the oldest tab without unsaved edits (other than the one in front) closes.
    pub fn open(
        &mut self,
        request: Request,
        saved: Option<u64>,
        answer: Option<HistoryEntry>,
        collections: &Collections,
    ) -> usize {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let at = self.active + 1;
        self.open.insert(
            at,
            OpenTab {
                id,
                request,
                saved,
                edited: false,
                answer,
            },
        );
        self.active = at;
        if self.open.len() > TABS_LIMIT {
            let spare = (0..self.open.len())
                .find(|&i| i != self.active && !self.open[i].unsaved(collections));
            if let Some(spare) = spare {
                self.close(spare);
            }
        }
        self.active
    }

    /// The index of the tab holding the saved request `saved`, if one does.
    pub fn find_saved(&self, saved: u64) -> Option<usize> {
        self.open.iter().position(|tab| tab.saved == Some(saved))
    }

    /// Brings tab `index` to the front (an index past the end does nothing).
    pub fn activate(&mut self, index: usize) {
        if index < self.open.len() {
            self.active = index;
        }
    }

    /// Closes tab `index`; the tab after it comes to the front if it was in front (the one before, if it
    /// was the last). Closing the only tab leaves one empty tab.
    pub fn close(&mut self, index: usize) {
        if index >= self.open.len() {
            return;
        }
        self.open.remove(index);
        if self.open.is_empty() {
            let id = self.next_id;
            self.next_id = self.next_id.wrapping_add(1);
            self.open.push(OpenTab {
                id,
                ..OpenTab::default()
            });
        }
        if index < self.active || self.active >= self.open.len() {
            self.active = self.active.saturating_sub(1);
        }
    }

    /// The editor changed: the tab in front holds `request`, from the saved request `saved`. Returns
    /// whether anything changed.
    pub fn edited(&mut self, request: &Request, saved: Option<u64>) -> bool {
        let tab = self.active_mut();
        if tab.request == *request && tab.saved == saved {
            return false;
        }
        // A different saved request arriving is an open or a save, not an edit.
        tab.edited = tab.saved == saved;
        tab.request = request.clone();
        tab.saved = saved;
        true
    }

    /// The tab `id` got `answer` (cut as History cuts answers); a tab closed meanwhile gets nothing.
    pub fn answered(&mut self, id: u32, mut answer: HistoryEntry) {
        answer.cut_body();
        if let Some(tab) = self.open.iter_mut().find(|tab| tab.id == id) {
            tab.answer = Some(answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::Method;

    fn request(url: &str) -> Request {
        Request {
            url: url.into(),
            ..Request::default()
        }
    }

    fn three() -> Tabs {
        let mut tabs = Tabs::default();
        let none = Collections::default();
        tabs.open(request("http://h/b"), None, None, &none);
        tabs.open(request("http://h/c"), None, None, &none);
        tabs
    }

    fn urls(tabs: &Tabs) -> Vec<&str> {
        tabs.open.iter().map(|t| t.request.url.as_str()).collect()
    }

    #[test]
    fn a_new_tab_opens_after_the_one_in_front_with_a_fresh_id() {
        let mut tabs = three();
        assert_eq!(urls(&tabs), ["", "http://h/b", "http://h/c"]);
        assert_eq!(tabs.active, 2);
        tabs.activate(0);
        let at = tabs.open(request("http://h/x"), None, None, &Collections::default());
        assert_eq!(at, 1);
        assert_eq!(urls(&tabs), ["", "http://h/x", "http://h/b", "http://h/c"]);
        let mut ids: Vec<u32> = tabs.open.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4, "ids are unique");
    }

    #[test]
    fn closing_brings_a_neighbour_to_the_front_and_never_leaves_none() {
        let mut tabs = three();
        tabs.activate(1);
        tabs.close(1);
        assert_eq!(urls(&tabs), ["", "http://h/c"]);
        assert_eq!(tabs.active().request.url, "http://h/c", "the next one");
        tabs.close(1);
        assert_eq!(tabs.active, 0, "the last closed: the one before");
        tabs.activate(0);
        tabs.close(0);
        assert_eq!(tabs.open.len(), 1, "one empty tab stays");
        assert_eq!(tabs.active().request, Request::default());
        // Closing a tab before the one in front keeps the same tab in front.
        let mut tabs = three();
        tabs.close(0);
        assert_eq!(tabs.active().request.url, "http://h/c");
        tabs.close(7);
        assert_eq!(tabs.open.len(), 2, "past the end: nothing");
    }

    #[test]
    fn edits_mark_a_tab_unsaved_and_saving_clears_it() {
        let mut collections = Collections::default();
        collections.add_folder("F");
        let saved = collections
            .save(0, "users", request("http://h/u"))
            .expect("saves");
        let mut tabs = Tabs::default();
        // Opening the saved request is no edit.
        assert!(tabs.edited(&request("http://h/u"), Some(saved)));
        assert!(!tabs.active().unsaved(&collections));
        assert_eq!(tabs.active().label(&collections), "GET users");
        assert!(
            !tabs.edited(&request("http://h/u"), Some(saved)),
            "no change"
        );
        tabs.edited(&request("http://h/u?x=1"), Some(saved));
        assert!(tabs.active().unsaved(&collections));
        collections
            .update(saved, request("http://h/u?x=1"))
            .expect("updates");
        assert!(!tabs.active().unsaved(&collections), "saved in place");
        // A request saved nowhere is unsaved once edited.
        tabs.open(request("http://h/n"), None, None, &collections);
        assert!(!tabs.active().unsaved(&collections));
        assert_eq!(tabs.active().label(&collections), "GET /n");
        tabs.edited(&request("http://h/n2"), None);
        assert!(tabs.active().unsaved(&collections));
    }

    #[test]
    fn a_tab_is_named_by_the_path_and_query_of_its_url() {
        let cases = [
            ("https://api.test/users?page=2", "/users?page=2"),
            ("https://api.test/", "api.test"),
            ("https://api.test", "api.test"),
            ("https://api.test?q=1", "?q=1"),
            ("{{base}}/users", "/users"),
            ("api.test/users", "/users"),
            ("", "New request"),
        ];
        for (url, name) in cases {
            let tab = OpenTab {
                request: request(url),
                ..OpenTab::default()
            };
            assert_eq!(
                tab.label(&Collections::default()),
                format!("GET {name}"),
                "{url}"
            );
        }
    }

    #[test]
    fn answers_go_to_the_tab_that_sent_and_are_cut() {
        let mut tabs = three();
        let id = tabs.open[1].id;
        let answer = HistoryEntry {
            status: 200,
            body: "é".repeat(20_000),
            ..HistoryEntry::default()
        };
        tabs.answered(id, answer);
        let kept = tabs.open[1].answer.as_ref().expect("kept");
        assert!(kept.body_truncated && kept.body.len() <= 16 * 1024);
        assert!(tabs.open[2].answer.is_none());
        tabs.answered(9999, HistoryEntry::default());
        assert_eq!(tabs.open.iter().filter(|t| t.answer.is_some()).count(), 1);
    }

    #[test]
    fn past_the_limit_the_oldest_tab_without_edits_closes() {
        let mut tabs = Tabs::default();
        let none = Collections::default();
        tabs.edited(&request("http://h/edited"), None);
        for i in 0..TABS_LIMIT {
            tabs.open(request(&format!("http://h/{i}")), None, None, &none);
        }
        assert_eq!(tabs.open.len(), TABS_LIMIT);
        assert_eq!(
            tabs.open[0].request.url, "http://h/edited",
            "edits are never lost"
        );
        assert!(
            !urls(&tabs).contains(&"http://h/0"),
            "the oldest clean one went"
        );
        assert_eq!(
            tabs.active().request.url,
            format!("http://h/{}", TABS_LIMIT - 1)
        );
    }

    #[test]
    fn stored_tabs_open_whole() {
        let mut tabs = three();
        tabs.open[0].request.method = Method::Post;
        let back = Tabs::from_json(&tabs.to_json()).expect("reads");
        assert_eq!(back, tabs);
        // Damaged but readable: no tab, an active index past the end, an id counter behind the ids.
        let odd = r#"{"v":1,"data":{"open":[],"active":4}}"#;
        let read = Tabs::from_json(odd).expect("reads");
        assert_eq!((read.open.len(), read.active), (1, 0));
        let behind = r#"{"v":1,"data":{"open":[{"id":7},{"id":3}],"active":9,"next_id":2}}"#;
        let read = Tabs::from_json(behind).expect("reads");
        assert_eq!((read.active, read.next_id), (1, 8));
    }
}
