//! Fuzz target, import stage (curl): any text, in every shell dialect and with detection, must give a request
//! or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::import::curl::{self, Dialect};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = curl::import(text, None);
    for dialect in [Dialect::Bash, Dialect::Cmd, Dialect::PowerShell] {
        let _ = curl::import(text, Some(dialect));
    }
});
