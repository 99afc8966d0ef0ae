//! Fuzz target, import stage (`.http` files): any text must give a collection or an error, never a panic;
//! whatever imports must export to a file that imports again to an equal collection, and the dynamic
//! variables of any text must expand without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::import::http_file::{self, DynamicSource};
use reqlab_core::import::MAX_INPUT_BYTES;

/// A clock, random numbers and an environment drawn from the input's length, so a crash reproduces.
struct Source(u64);

impl DynamicSource for Source {
    fn now_unix_ms(&mut self) -> i64 {
        self.0 as i64
    }

    fn random_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        self.0
    }

    fn env(&mut self, name: &str) -> Option<String> {
        (name.len() % 2 == 0).then(|| name.to_string())
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = http_file::expand_dynamic(text, &mut Source(data.len() as u64 * 1_000_003));
    // The files a body names are never found: the round trip is about the text.
    let Ok(imported) = http_file::import(text, &|_| None) else {
        return;
    };
    let exported = http_file::export(&imported.collection);
    // The export writes names and separators a minimal input leaves out; past the limit, refusal is expected.
    if exported.len() > MAX_INPUT_BYTES {
        return;
    }
    match http_file::import(&exported, &|_| None) {
        Ok(again) => assert_eq!(
            again.collection, imported.collection,
            "the export of an imported collection imports differently:\n{exported}"
        ),
        Err(e) => panic!("the export of an imported collection does not import: {e}\n{exported}"),
    }
});
