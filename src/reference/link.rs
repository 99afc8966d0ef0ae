//! The reference view's address: `#spec=<description URL>&op=<operation key>`, the other fragment parts
//! (`embed=1`, `theme=`) kept as they are. Pure string work, tested on the host; the caller decodes and
//! encodes with the browser's `decodeURIComponent` / `encodeURIComponent`.

/// `text` as `encodeURIComponent` writes it: every byte but the unreserved ASCII ones (`A-Z a-z 0-9
/// - _ . ! ~ * ' ( )`) percent-encoded, so a key or an address is one fragment part.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A fragment's parts: the description's address and the operation on show (both still encoded), and
/// every other part, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fragment {
    pub spec: Option<String>,
    pub op: Option<String>,
    pub rest: Vec<String>,
}

impl Fragment {
    /// `#spec=…&op=…&embed=1` (with or without the `#`).
    pub fn parse(fragment: &str) -> Fragment {
        let mut parsed = Fragment::default();
        for part in fragment
            .strip_prefix('#')
            .unwrap_or(fragment)
            .split('&')
            .filter(|p| !p.is_empty())
        {
            if let Some(spec) = part.strip_prefix("spec=") {
                parsed.spec = Some(spec.to_string());
            } else if let Some(op) = part.strip_prefix("op=") {
                parsed.op = Some(op.to_string()).filter(|op| !op.is_empty());
            } else {
                parsed.rest.push(part.to_string());
            }
        }
        parsed
    }

    /// The fragment with `op` (encoded) on show, the other parts kept.
    pub fn with_op(&self, op: Option<&str>) -> String {
        let mut out = format!("#spec={}", self.spec.as_deref().unwrap_or_default());
        if let Some(op) = op {
            out.push_str("&op=");
            out.push_str(op);
        }
        for part in &self.rest {
            out.push('&');
            out.push_str(part);
        }
        out
    }

    /// The link to share: the description and the operation only (no embed flags: whoever opens it
    /// gets the whole app).
    pub fn shared(&self, op: &str) -> String {
        format!("#spec={}&op={op}", self.spec.as_deref().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_only_the_unreserved_characters() {
        assert_eq!(encode("GET /pets/{id}"), "GET%20%2Fpets%2F%7Bid%7D");
        assert_eq!(encode("a-b_c.d!~*'()"), "a-b_c.d!~*'()");
        assert_eq!(encode("é&#"), "%C3%A9%26%23");
    }

    #[test]
    fn parts_are_read_and_written_back_with_the_others_kept() {
        let f = Fragment::parse("#spec=%2Fopenapi.json&op=getPet&embed=1&theme=dark");
        assert_eq!(f.spec.as_deref(), Some("%2Fopenapi.json"));
        assert_eq!(f.op.as_deref(), Some("getPet"));
        assert_eq!(f.rest, ["embed=1", "theme=dark"]);
        assert_eq!(
            f.with_op(Some("addPet")),
            "#spec=%2Fopenapi.json&op=addPet&embed=1&theme=dark"
        );
        assert_eq!(f.with_op(None), "#spec=%2Fopenapi.json&embed=1&theme=dark");
        assert_eq!(
            f.shared("GET%20%2Fx"),
            "#spec=%2Fopenapi.json&op=GET%20%2Fx"
        );
        let bare = Fragment::parse("spec=&op=");
        assert_eq!((bare.spec.as_deref(), bare.op), (Some(""), None));
        assert_eq!(Fragment::parse("#r=1.abc").spec, None);
    }
}
