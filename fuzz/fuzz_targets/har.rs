//! Fuzz target, import stage (HAR): any text must give entries and a request or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::import::har;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = har::entries(text);
    let _ = har::import(text, None);
    let _ = har::import(text, Some(1));
});
