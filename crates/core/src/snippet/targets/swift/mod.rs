//! Snippet stage, Swift target (`swift-urlsession`).

pub mod urlsession;
