//! Fuzz target, import stage (Postman): any text must give a collection or an error, never a panic; and
//! whatever imports must export to a document that imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reqlab_core::import::{postman, MAX_INPUT_BYTES};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(imported) = postman::import(text) else {
        return;
    };
    let exported = postman::export(&imported.collection).to_string();
    // The export writes more fields than a minimal input; past the import limit, refusal is expected.
    if exported.len() > MAX_INPUT_BYTES {
        return;
    }
    if let Err(e) = postman::import(&exported) {
        panic!("the export of an imported collection does not import: {e}\n{exported}");
    }
});
