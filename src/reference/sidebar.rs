//! The operations sidebar: a group per tag (in the description's order; operations without tags last,
//! under "default"), each operation a link to itself, and what search matches each against. Pure string
//! work, tested on the host; the view puts it in the page once and filters it by toggling `hidden`.

use super::doc_html::method_badge;
use super::html::{escape, push_text};
use reqlab_core::import::openapi::ApiSummary;

/// The group of operations that name no tag.
const UNTAGGED: &str = "default";

/// About how many operations one piece of the list holds: the view puts each piece in the page in a task
/// of its own, so that a description of a thousand operations never blocks the page for long.
const PIECE_OPS: usize = 150;

/// The list's markup, in pieces of whole groups, and, per operation (by index in `summary.operations`),
/// the lower-case text search looks in. `href(key)` is an operation's link.
pub fn build(summary: &ApiSummary, href: impl Fn(&str) -> String) -> (Vec<String>, Vec<String>) {
    let mut pieces = Vec::new();
    let mut in_piece = 0;
    let mut out = String::new();
    let mut groups: Vec<(&str, Vec<usize>)> = summary
        .tags
        .iter()
        .map(|tag| (tag.name.as_str(), Vec::new()))
        .collect();
    let mut untagged = Vec::new();
    for (i, op) in summary.operations.iter().enumerate() {
        if op.tags.is_empty() {
            untagged.push(i);
        }
        for tag in &op.tags {
            match groups.iter_mut().find(|(name, _)| name == tag) {
                Some((_, ops)) => ops.push(i),
                None => groups.push((tag.as_str(), vec![i])),
            }
        }
    }
    groups.push((UNTAGGED, untagged));
    for (group, (name, ops)) in groups.iter().enumerate() {
        if ops.is_empty() {
            continue;
        }
        out.push_str(&format!(
            r#"<section class="ref-group" aria-labelledby="ref-g{group}"><h3 id="ref-g{group}">"#
        ));
        out.push_str(&escape(name));
        out.push_str("</h3><ul>");
        for &i in ops {
            let op = &summary.operations[i];
            out.push_str(&format!(r#"<li data-i="{i}"><a class="ref-op" href=""#));
            out.push_str(&escape(&href(&op.key)));
            out.push_str(r#"" data-key=""#);
            out.push_str(&escape(&op.key));
            // The whole of a name the narrow column cuts short, on hover.
            out.push_str(r#"" title=""#);
            out.push_str(&escape(&format!("{} {}", op.method, op.path)));
            out.push_str(r#"">"#);
            method_badge(&mut out, &op.method);
            let name = if op.summary.is_empty() {
                &op.path
            } else {
                &op.summary
            };
            push_text(
                &mut out,
                "span",
                if op.deprecated {
                    "ref-op-name ref-deprecated"
                } else {
                    "ref-op-name"
                },
                name,
            );
            if !op.summary.is_empty() {
                push_text(&mut out, "code", "ref-op-path", &op.path);
            }
            out.push_str("</a></li>");
        }
        out.push_str("</ul></section>");
        in_piece += ops.len();
        if in_piece >= PIECE_OPS {
            pieces.push(std::mem::take(&mut out));
            in_piece = 0;
        }
    }
    if !out.is_empty() {
        pieces.push(out);
    }
    let haystacks = summary
        .operations
        .iter()
        .map(|op| {
            format!(
                "{} {} {} {} {}",
                op.method,
                op.path,
                op.summary,
                op.key,
                op.tags.join(" ")
            )
            .to_lowercase()
        })
        .collect();
    (pieces, haystacks)
}

/// Whether an operation's text matches the query: every word of it, in any order.
pub fn matches(haystack: &str, query: &str) -> bool {
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqlab_core::import::openapi::{OperationSummary, Tag};

    fn op(key: &str, method: &str, path: &str, summary: &str, tags: &[&str]) -> OperationSummary {
        OperationSummary {
            key: key.into(),
            method: method.into(),
            path: path.into(),
            summary: summary.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            deprecated: false,
        }
    }

    #[test]
    fn groups_follow_the_tags_order_then_first_use_and_untagged_last() {
        let summary = ApiSummary {
            tags: vec![Tag {
                name: "store".into(),
                description: String::new(),
            }],
            operations: vec![
                op("listPets", "GET", "/pets", "List <pets>", &["pets"]),
                op("health", "GET", "/health", "", &[]),
                op(
                    "order",
                    "POST",
                    "/store/order",
                    "Place an order",
                    &["store", "pets"],
                ),
            ],
            ..ApiSummary::default()
        };
        let (pieces, haystacks) = build(&summary, |key| format!("#op={key}"));
        assert_eq!(pieces.len(), 1, "a few operations are one piece");
        let html = pieces.concat();
        let headings: Vec<&str> = html
            .split("<h3 id=\"")
            .skip(1)
            .map(|part| part.split_once("\">").map_or("", |(_, rest)| rest))
            .map(|rest| rest.split('<').next().unwrap_or_default())
            .collect();
        assert_eq!(headings, ["store", "pets", "default"]);
        assert_eq!(html.matches("data-key=\"order\"").count(), 2);
        assert!(html.contains("List &lt;pets&gt;") && !html.contains("<pets>"));
        assert!(html.contains(r#"<span class="ref-op-name">/health</span>"#));
        assert!(html.contains(r##"href="#op=listPets""##));
        assert!(matches(&haystacks[2], "ORDER post"));
        assert!(matches(&haystacks[0], "pets list"));
        assert!(!matches(&haystacks[0], "pets order"));
        assert!(matches(&haystacks[1], ""));
    }

    #[test]
    fn many_operations_come_in_pieces_of_whole_groups() {
        let operations: Vec<OperationSummary> = (0..1000)
            .map(|i| {
                op(
                    &format!("op{i}"),
                    "GET",
                    &format!("/x/{i}"),
                    "",
                    &[&format!("t{}", i / 100)],
                )
            })
            .collect();
        let summary = ApiSummary {
            operations,
            ..ApiSummary::default()
        };
        let (pieces, haystacks) = build(&summary, |key| key.to_string());
        assert_eq!(haystacks.len(), 1000);
        assert_eq!(pieces.len(), 5, "groups of 100: two per piece");
        for piece in &pieces {
            assert!(piece.starts_with("<section") && piece.ends_with("</section>"));
            assert_eq!(piece.matches("<li ").count(), 200);
        }
    }
}
