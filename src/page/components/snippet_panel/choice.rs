//! Snippet stage UI state: the panel's choice (target and options) as the text the worker reads (see
//! `workers::snippet::choice`), kept in localStorage so it survives a reload. The page never interprets it: a control
//! change sets that control's line, and the worker resolves the rest.

/// Where the choice is kept between visits.
const STORAGE_KEY: &str = "reqlab.snippet";

/// The stored choice, or empty text (the worker's default) when there is none or storage is refused.
pub fn load() -> String {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Keeps the choice for the next visit; a full or refused storage only loses the memory, never the page.
pub fn save(text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, text);
    }
}

/// localStorage throws in some private modes and sandboxed frames: then there is none.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `text` with the line for `key` set to `value` (replaced where it was, else added at the end).
pub fn set_line(text: &str, key: &str, value: &str) -> String {
    let mut found = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.split_once('=').is_some_and(|(k, _)| k == key) {
            if found {
                continue;
            }
            found = true;
            out.push_str(&format!("{key}={value}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !found {
        out.push_str(&format!("{key}={value}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::set_line;

    #[test]
    fn a_control_change_sets_exactly_its_line() {
        let cases = [
            ("", "a", "1", "a=1\n"),
            ("a=0\nb=2\n", "a", "1", "a=1\nb=2\n"),
            ("b=2", "a", "1", "b=2\na=1\n"),
            // A duplicated line (edited storage) is collapsed into the one set.
            ("a=0\nb=2\na=3\n", "a", "1", "a=1\nb=2\n"),
            // A key that is a prefix of another is not confused with it.
            ("ab=0\n", "a", "1", "ab=0\na=1\n"),
        ];
        for (text, key, value, expected) in cases {
            assert_eq!(set_line(text, key, value), expected, "{text:?}");
        }
    }
}
