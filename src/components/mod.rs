//! The panels of the page, one folder each, plus the key/value table they share. They render state and
//! dispatch actions; logic lives in reqlab-core.

pub mod import;
pub mod key_value_table;
pub mod request_editor;
pub mod response_viewer;
pub mod snippet_panel;
