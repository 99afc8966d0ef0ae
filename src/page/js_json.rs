//! Reading JSON the page receives (from reqlab-echo, the snippet worker, storage) through the browser's
//! `JSON.parse`: a Rust JSON parser with serde's generated readers would add about 15 KB (gzip) to the
//! page, whose first load has a 200 KB budget. The worker and the CLI, which have no such budget, use serde.

use wasm_bindgen::JsValue;

/// A parsed JSON value; every reader answers `None` when the value is missing or has another type.
#[derive(Clone)]
pub struct Json(JsValue);

impl Json {
    /// Parses `text`, or `None` when it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        js_sys::JSON::parse(text).ok().map(Json)
    }

    /// The member `name` of an object (undefined when absent: its readers then answer `None`).
    pub fn get(&self, name: &str) -> Json {
        Json(js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED))
    }

    pub fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    pub fn bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// A whole number in `0..=max` (JSON numbers are doubles; anything else is refused, not rounded).
    pub fn whole(&self, max: u64) -> Option<u64> {
        let number = self.0.as_f64()?;
        // The cast is exact: the number is whole and at most `max`, itself below 2^53 in practice.
        (number.fract() == 0.0 && number >= 0.0 && number <= max as f64).then_some(number as u64)
    }

    /// An object or an array (what serde reads a struct from).
    pub fn is_object(&self) -> bool {
        self.0.is_object()
    }

    pub fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// The items of an array.
    pub fn items(&self) -> Option<Vec<Json>> {
        js_sys::Array::is_array(&self.0)
            .then(|| js_sys::Array::from(&self.0).iter().map(Json).collect())
    }

    /// An array of strings.
    pub fn strings(&self) -> Option<Vec<String>> {
        self.items()?.iter().map(Json::string).collect()
    }

    /// An array of `[first, second]` string pairs (how headers and similar lists are written).
    pub fn pairs(&self) -> Option<Vec<(String, String)>> {
        self.items()?
            .iter()
            .map(|pair| {
                let pair = pair.items()?;
                match pair.as_slice() {
                    [a, b] => Some((a.string()?, b.string()?)),
                    _ => None,
                }
            })
            .collect()
    }
}

/// Reads members into plain values and remembers whether any had the wrong type, instead of answering
/// `None` at the first: readers of large shapes (a whole request) then build their value in one pass with no
/// early exits, each of which would cost the page's wasm code to drop what was built so far.
#[derive(Default)]
pub struct Reader {
    failed: std::cell::Cell<bool>,
}

impl Reader {
    /// `value` when every read went well.
    pub fn finish<T>(self, value: T) -> Option<T> {
        (!self.failed.get()).then_some(value)
    }

    /// Marks the whole read as failed (a member of the wrong type or an unknown name).
    pub fn fail(&self) {
        self.failed.set(true);
    }

    /// A string member; missing or null reads as empty, as serde's `#[serde(default)]` does.
    pub fn text(&self, json: &Json, name: &str) -> String {
        let member = json.get(name);
        if member.is_null() {
            return String::new();
        }
        self.check(member.string())
    }

    /// A string member that must be there.
    pub fn required(&self, json: &Json, name: &str) -> String {
        self.check(json.get(name).string())
    }

    /// A boolean member; missing or null reads as `default`.
    pub fn bool(&self, json: &Json, name: &str, default: bool) -> bool {
        let member = json.get(name);
        if member.is_null() {
            return default;
        }
        self.check(member.bool())
    }

    /// The position of a string member among `ids`; missing or null is the first (each enum's default).
    pub fn choice(&self, json: &Json, name: &str, ids: &[&str]) -> usize {
        let member = json.get(name);
        if member.is_null() {
            return 0;
        }
        let id = self.check(member.string());
        self.check(ids.iter().position(|i| *i == id))
    }

    /// An array member's items; missing or null is none.
    pub fn items(&self, json: &Json, name: &str) -> Vec<Json> {
        let member = json.get(name);
        if member.is_null() {
            return Vec::new();
        }
        self.check(member.items())
    }

    /// The value read, or the default (and the read marked failed) when there is none.
    pub fn check<T: Default>(&self, value: Option<T>) -> T {
        value.unwrap_or_else(|| {
            self.fail();
            T::default()
        })
    }
}
