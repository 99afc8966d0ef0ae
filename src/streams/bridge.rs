//! The live view's end of the page bridge (`window.reqlab`, see `crate::page::bridge` and index.html): the
//! response body copy index.html queued (`stream`), the socket the page asked for (`sock`), and the
//! history's `sending()`/`done()` for a socket's handshake.

use crate::protocol::library::Draft;
use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::bridge::{field, reqlab as bridge};

/// What index.html queues for each piece of a body: when it came (ms since the send started) and the bytes,
/// or only their count (a long body past its first 64 KiB), or the end, or why the body broke off.
pub enum Piece {
    Bytes(f64, Vec<u8>),
    Counted(f64, u64),
    End(f64),
    Broken(f64, String),
}

impl Piece {
    fn read(t: JsValue, value: JsValue, error: JsValue) -> Piece {
        let t = t.as_f64().unwrap_or_default();
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            Piece::Bytes(t, bytes.to_vec())
        } else if let Some(error) = error.as_string() {
            Piece::Broken(t, error)
        } else if let Some(count) = value.as_f64() {
            Piece::Counted(t, count as u64)
        } else {
            Piece::End(t)
        }
    }
}

/// A response body being watched, handed over once (`take_stream`).
pub struct Watched {
    pub content_type: String,
    /// When the send started, on the page's clock (`performance.now()`): pieces are timed from it.
    pub t0: f64,
    /// Its reader, to stop it.
    pub reader: JsValue,
    object: JsValue,
}

/// The body index.html watches now, if this view has not taken it yet.
pub fn take_stream() -> Option<Watched> {
    let object = field(&bridge()?, "stream");
    if !object.is_object() || field(&object, "taken").is_truthy() {
        return None;
    }
    let _ = Reflect::set(&object, &"taken".into(), &JsValue::TRUE);
    Some(Watched {
        content_type: field(&object, "type").as_string().unwrap_or_default(),
        t0: field(&object, "t0").as_f64().unwrap_or_default(),
        reader: field(&object, "reader"),
        object,
    })
}

impl Watched {
    /// From now on the body's pieces go to `take`, the ones queued so far first.
    pub fn attach(&self, take: impl FnMut(Piece) + 'static) {
        let take = std::rc::Rc::new(std::cell::RefCell::new(take));
        if let Ok(queued) = field(&self.object, "q").dyn_into::<Array>() {
            for entry in queued.iter() {
                let at = |i| Reflect::get_u32(&entry, i).unwrap_or(JsValue::UNDEFINED);
                (take.borrow_mut())(Piece::read(at(0), at(1), at(2)));
            }
        }
        let put = Closure::<dyn FnMut(JsValue, JsValue, JsValue)>::new(move |t, value, error| {
            (take.borrow_mut())(Piece::read(t, value, error))
        });
        let _ = Reflect::set(&self.object, &"put".into(), put.as_ref());
        let _ = Reflect::set(&self.object, &"q".into(), &Array::new());
        put.forget();
    }
}

/// Stops reading a watched body (the live view's copy only; the page's own read goes on).
pub fn stop(reader: &JsValue) {
    if let Ok(cancel) = field(reader, "cancel").dyn_into::<Function>() {
        let _ = cancel.call0(reader);
    }
}

/// The socket the page asked for since the last call: the editor's request with its environments, and
/// whether to connect through reqlab-echo.
pub fn take_socket() -> Option<(Option<Draft>, bool)> {
    let bridge = bridge()?;
    let asked = field(&bridge, "sock");
    if !asked.is_object() {
        return None;
    }
    let _ = Reflect::set(&bridge, &"sock".into(), &JsValue::UNDEFINED);
    let at = |i| Reflect::get_u32(&asked, i).unwrap_or(JsValue::UNDEFINED);
    let draft = at(0)
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok());
    Some((draft, at(1).is_truthy()))
}

/// The request as it was when last sent (the page's `asked`), with its environments.
pub fn asked() -> Option<Draft> {
    crate::dom::bridge::draft("asked")
}

/// Tells the history a socket opened (status 101) or could not (status 0 and why), as the page tells it
/// of a send.
pub fn record(status: u16, status_text: &str, ms: f64) {
    let Some(bridge) = bridge() else { return };
    let call = |name: &str, args: &Array| {
        if let Ok(function) = field(&bridge, name).dyn_into::<Function>() {
            let _ = function.apply(&bridge, args);
        }
    };
    call("sending", &Array::new());
    let args = Array::of5(
        &status.into(),
        &status_text.into(),
        &ms.into(),
        &0.into(),
        &Uint8Array::new_with_length(0),
    );
    call("done", &args);
}
