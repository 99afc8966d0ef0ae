//! Library stage: what the browser keeps between visits (the draft, history, saved collections, the open tabs), each as a
//! versioned JSON envelope so that older saves keep opening after the format changes.

pub mod collections;
pub mod draft;
pub mod history;
#[cfg(feature = "openapi")]
pub mod resync;
pub mod stored;
pub mod tabs;
