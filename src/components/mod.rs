//! The panels of the page, one folder each. They render state and dispatch actions; logic lives in core.

pub mod request_editor;
pub mod response_viewer;
pub mod snippet_panel;
