//! The editor's state between events: the schema in use and the endpoint it belongs to, the envelope last
//! exchanged with the page, the latest answer's errors, and the completion list on show.

use reqlab_core::graphql::complete::Completion;
use reqlab_core::graphql::schema::Schema;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Default)]
pub struct State {
    pub schema: Option<Rc<Schema>>,
    /// The endpoint the schema belongs to (`schema_store::endpoint`), "" when none is loaded.
    pub endpoint: String,
    /// The envelope as last written to, or read from, the page's raw text: any other text there is an edit
    /// made elsewhere (a request opened from the library, an import, a share link).
    pub written: String,
    /// The latest answer's errors that carry a location, and the query they answered.
    pub answer_errors: Vec<AnswerError>,
    pub answered_query: String,
    /// The completion list on show, and the item chosen in it.
    pub completion: Option<Completion>,
    pub active: usize,
    /// The type the explorer shows, and the ones it came from (for "Back").
    pub trail: Vec<String>,
}

/// One of the server's `errors` with the first of its `locations`.
pub struct AnswerError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Runs `f` on the state; `f` must not call back into `with`.
pub fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|state| f(&mut state.borrow_mut()))
}

/// The schema in use, if any.
pub fn schema() -> Option<Rc<Schema>> {
    with(|state| state.schema.clone())
}
