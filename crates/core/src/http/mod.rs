//! Reference tables about HTTP itself, shown to learners beside what they send and receive.

pub mod cors;
pub mod headers;
pub mod status;
