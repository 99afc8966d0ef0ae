//! Snippet stage, PHP targets (`php-curl`, `php-guzzle`); they share no code (what php-curl shares with Ruby
//! is in `crate::snippet::written_multipart`).

pub mod curl;
pub mod guzzle;
