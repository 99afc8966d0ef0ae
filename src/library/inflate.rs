//! A share link's parts inflated by the browser (`DecompressionStream("deflate-raw")`, the format
//! `reqlab_core::share::encode` writes), so the library carries no inflater of its own; held to
//! `share::MAX_JSON_BYTES`, so a small link cannot expand to gigabytes in the page.

use js_sys::{Reflect, Uint8Array};
use reqlab_core::share::{ShareError, MAX_JSON_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

#[wasm_bindgen]
extern "C" {
    /// web-sys has `DecompressionStream` only behind its unstable APIs flag; every current browser has it.
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

const NOT_DEFLATED: &str = "not compressed as reqlab writes it";

/// The UTF-8 text `packed` inflates to.
pub async fn inflate(packed: &[u8]) -> Result<String, ShareError> {
    let corrupt = |_| ShareError::Corrupt(NOT_DEFLATED.into());
    let stream = DecompressionStream::new("deflate-raw").map_err(corrupt)?;
    let writer = stream.writable().get_writer().map_err(corrupt)?;
    // Not awaited: the write completes as the other end is read. A corrupt input rejects both promises;
    // they are caught here, and the read below says why.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = writer
        .write_with_chunk(&Uint8Array::from(packed))
        .catch(&ignore);
    let _ = writer.close().catch(&ignore);
    ignore.forget();
    let reader: ReadableStreamDefaultReader = stream.readable().get_reader().unchecked_into();
    let mut json = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(corrupt)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|done| done.is_truthy()) {
            break;
        }
        let bytes: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(corrupt)?
            .unchecked_into();
        if json.len() + bytes.length() as usize > MAX_JSON_BYTES {
            let _ = reader.cancel();
            return Err(ShareError::TooLarge);
        }
        json.extend(bytes.to_vec());
    }
    String::from_utf8(json).map_err(|_| ShareError::Corrupt("not UTF-8 text".into()))
}
