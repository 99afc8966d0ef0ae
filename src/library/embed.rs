//! Embed mode, the library's part: an embed link's `snippets=<language>` picks that language in the
//! snippet panel once the snippet worker has filled its choices. (index.html reads the rest of the flags
//! before the first paint: `embed=1`, `theme=`, and whether `snippets=` is there at all.)

use crate::dom::document as dom;
use crate::protocol::snippet::panel_id as snippet_id;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlSelectElement};

/// How long to wait for the snippet worker's first answer, in steps of `STEP_MS`.
const STEP_MS: i32 = 100;
const STEPS: u32 = 100;

/// A fragment part's value, its `&`, `#` and `%` escaped (the Embed dialog writes `snippets=` with it).
pub fn encode_part(text: &str) -> String {
    text.replace('%', "%25")
        .replace('&', "%26")
        .replace('#', "%23")
}

/// The inverse of `encode_part`.
fn decode_part(text: &str) -> String {
    text.replace("%26", "&")
        .replace("%23", "#")
        .replace("%25", "%")
}

/// The language an embed link asks for: `snippets=<language>` (`snippets=1` keeps the usual choice).
pub fn language(fragment: &str) -> Option<String> {
    let value = fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix("snippets="))?;
    let value = decode_part(value);
    (value != "1" && !value.is_empty()).then_some(value)
}

/// Picks `language` in the snippet panel (by value or by name, ignoring case) once it is offered.
pub fn choose_language(language: String, step: u32) {
    let select =
        dom::by_id(snippet_id::LANGUAGE).and_then(|el| el.dyn_into::<HtmlSelectElement>().ok());
    let found = select.as_ref().and_then(|select| {
        let options = select.options();
        (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|option| option.dyn_into::<web_sys::HtmlOptionElement>().ok())
            .find(|option| {
                option.value().eq_ignore_ascii_case(&language)
                    || option.text().eq_ignore_ascii_case(&language)
            })
            .map(|option| option.value())
    });
    match (select, found) {
        (Some(select), Some(value)) => {
            select.set_value(&value);
            // The panel hears its controls' changes where they bubble to.
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict("change", &init) {
                let _ = select.dispatch_event(&event);
            }
        }
        _ if step < STEPS => dom::after(STEP_MS, move || choose_language(language, step + 1)),
        _ => super::notice(&format!(
            "This embed asks for snippets in “{language}”, which reqlab does not offer."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_part, encode_part, language};

    #[test]
    fn the_language_comes_from_the_snippets_flag() {
        assert_eq!(
            language("#r=1.abc&embed=1&snippets=python").as_deref(),
            Some("python")
        );
        assert_eq!(
            language("#r=1.abc&embed=1&snippets=c%23").as_deref(),
            Some("c#")
        );
        assert_eq!(language("#r=1.abc&embed=1&snippets=1"), None);
        assert_eq!(language("#r=1.abc&embed=1"), None);
    }

    #[test]
    fn encoded_parts_decode_to_what_was_written() {
        for text in ["python", "c#", "a&b", "100%", "%26 literal", "#&%"] {
            let encoded = encode_part(text);
            assert!(!encoded.contains(['&', '#']), "{encoded}");
            assert_eq!(decode_part(&encoded), text);
        }
    }
}
