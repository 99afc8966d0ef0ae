//! `{{$guid}}`, `{{$timestamp}}`, `{{$randomInt a b}}` and the other dynamic variables (core's
//! `import::http_file::expand_dynamic`), from the browser's clock and random source; the browser has no
//! process environment, so `{{$processEnv …}}` stays as written.

use reqlab_core::import::http_file::{dynamic_value, DynamicSource};

/// The value of the dynamic variable `name` (`$guid`, ...), or `None` when it is not one.
pub fn value(name: &str) -> Option<String> {
    dynamic_value(name, &mut Browser)
}

struct Browser;

impl DynamicSource for Browser {
    fn now_unix_ms(&mut self) -> i64 {
        js_sys::Date::now() as i64
    }

    fn random_u64(&mut self) -> u64 {
        let mut bytes = [0u8; 8];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        match filled {
            true => u64::from_le_bytes(bytes),
            // No CSPRNG: Math.random's 53 bits are enough for ids and test data.
            false => (js_sys::Math::random() * (1u64 << 53) as f64) as u64,
        }
    }

    fn env(&mut self, _name: &str) -> Option<String> {
        None
    }
}
