//! A static form's control ids, declared once. Each form (the page's static forms, the library's dialogs,
//! the snippet panel whose ids the snippet worker also uses) names its ids in one `controls!` block: a
//! constant per control for the code, and `IDS` for a host test that holds them to the form's markup, so a
//! misspelt id fails a test instead of silently finding nothing. Ids in a Leptos view (the request line,
//! the environment's name) stay literals there, as a constant would make a static element built code; that
//! form's test reads its own source file as the markup. Ids made with `format!` (tabs, body modes, rename
//! fields) are not declared: a comment says so where each is made.

/// Declares a module of id constants and `IDS`, every one of them (what the markup must hold, and only
/// those). Followed by `in <markup>` (an expression of the declaring module: a constant, several joined,
/// the file's own text), it also declares the test that holds the ids and the markup to each other.
#[macro_export]
macro_rules! controls {
    ($(#[$doc:meta])* $vis:vis mod $name:ident { $($(#[$cdoc:meta])* $id_name:ident = $id:literal),+ $(,)? } $(in $markup:expr)?) => {
        $(#[$doc])*
        #[allow(dead_code)]
        $vis mod $name {
            $($(#[$cdoc])* pub const $id_name: &str = $id;)+
            /// Every id above, as the markup must hold them.
            pub const IDS: &[&str] = &[$($id),+];

            $(
            #[cfg(test)]
            #[test]
            fn the_declared_ids_are_the_markups() {
                #[allow(unused_imports)]
                use super::*;
                let markup = ::std::string::ToString::to_string(&$markup);
                assert_eq!($crate::dom::controls::id_mismatch(&markup, IDS), None);
            }
            )?
        }
    };
}

/// Every `id="…"` in a piece of markup, in order.
pub fn markup_ids(markup: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    let mut rest = markup;
    while let Some(at) = rest.find(" id=\"") {
        let after = &rest[at + 5..];
        let Some(end) = after.find('"') else {
            break;
        };
        ids.push(&after[..end]);
        rest = &after[end..];
    }
    ids
}

/// Why `declared` and the ids of `markup` differ, or `None` when they are the same set.
pub fn id_mismatch(markup: &str, declared: &[&str]) -> Option<String> {
    let found = markup_ids(markup);
    let missing: Vec<&&str> = declared.iter().filter(|id| !found.contains(id)).collect();
    let undeclared: Vec<&&str> = found.iter().filter(|id| !declared.contains(id)).collect();
    (!missing.is_empty() || !undeclared.is_empty()).then(|| {
        format!("declared but not in the markup: {missing:?}; in the markup but not declared: {undeclared:?}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_markup_and_compared_both_ways() {
        let markup = r#"<label for="a">A</label><input id="a"><p class="x" id="b-c" hidden></p>"#;
        assert_eq!(markup_ids(markup), ["a", "b-c"]);
        assert_eq!(id_mismatch(markup, &["a", "b-c"]), None);
        let misspelt = id_mismatch(markup, &["a", "b_c"]).expect("a mismatch");
        assert!(
            misspelt.contains("\"b_c\"") && misspelt.contains("\"b-c\""),
            "{misspelt}"
        );
    }
}
