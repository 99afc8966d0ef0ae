//! Snippet stage, Windows cmd.exe target (`cmd-curl`); the curl arguments it quotes come from
//! `crate::snippet::curl_args`, shared with the other shells' curl targets.

pub mod curl;
