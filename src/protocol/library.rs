//! Page <-> library, through `window.reqlab` (see `page::bridge` for the calls): the page's snippet
//! question is the draft the library keeps, and the library hands requests to the page as import answers
//! announced by `OPEN_EVENT`.

/// The event that tells the page the library has a request for it.
pub const OPEN_EVENT: &str = "reqlab:open";
