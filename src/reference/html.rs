//! Markup building for the reference view: text and attribute values escaped, so nothing a description
//! says is ever parsed as HTML (its Markdown goes through `reqlab_core::render::markdown`, whose escaping
//! this is).

/// `text` with `& < > " '` escaped: safe as element text and inside a quoted attribute value (core's
/// Markdown renderer escapes with the same function).
pub use reqlab_core::render::markdown::escape_html as escape;

/// Appends `<tag class="class">text</tag>`, the text escaped; nothing for empty text.
pub fn push_text(out: &mut String, tag: &str, class: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_open_a_tag_or_close_an_attribute() {
        assert_eq!(
            escape(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
        let mut out = String::new();
        push_text(&mut out, "code", "t", "a<b");
        push_text(&mut out, "p", "", "");
        assert_eq!(out, r#"<code class="t">a&lt;b</code>"#);
    }
}
