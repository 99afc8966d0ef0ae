//! The panels of the page, one folder each, plus what they share: the key/value table, and the helpers
//! for static forms and DOM-kept row lists. They render state and dispatch actions; logic lives in reqlab-core.

pub mod bound_form;
pub mod dom_rows;
pub mod import;
pub mod key_value_table;
pub mod request_editor;
pub mod response_viewer;
pub mod snippet_panel;
