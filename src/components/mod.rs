//! The panels of the page, one folder each, plus what they share: the key/value table and the static-form
//! helpers. They render state and dispatch actions; logic lives in reqlab-core.

pub mod key_value_table;
pub mod request_editor;
pub mod response_viewer;
pub mod snippet_panel;
pub mod static_form;
