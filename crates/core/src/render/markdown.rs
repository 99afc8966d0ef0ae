//! Render stage, Markdown: OpenAPI descriptions (CommonMark) as safe HTML for the reference view.
//!
//! A practical subset: ATX and setext headings (shifted down to `<h4>`..`<h6>`, under the view's own),
//! paragraphs, breaks, emphasis, code spans, fenced and indented code, quotes, lists, rules, links,
//! autolinks and GFM tables. Safety first: raw HTML is shown as text, everything written from the source is
//! escaped, links go only to `http:`, `https:`, `mailto:`, fragments and relative paths (other links keep
//! their text only), images become links to the image (an image loads without a click, and could track the
//! reader), and nesting is bounded so that hostile input renders in linear time.

#[path = "markdown_block.rs"]
mod block;
#[path = "markdown_escape.rs"]
mod escape;
#[path = "markdown_inline.rs"]
mod inline;

/// `text` escaped for HTML text and attribute values, as this renderer escapes everything it writes: for
/// markup built around rendered Markdown (the API reference's).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape::text(&mut out, text);
    out
}

use block::{Align, Block};

/// `markdown` as HTML safe to insert into the page.
pub fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    write_blocks(&mut out, &block::parse(markdown), false);
    out
}

/// Starts a block on a line of its own.
fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `tight`: the blocks are a tight list item's, whose paragraphs go without `<p>`.
fn write_blocks(out: &mut String, blocks: &[Block], tight: bool) {
    for block in blocks {
        write_block(out, block, tight);
    }
}

fn write_block(out: &mut String, block: &Block, tight: bool) {
    match block {
        Block::Paragraph(text) if tight => inline::write(out, text),
        Block::Paragraph(text) => {
            new_line(out);
            out.push_str("<p>");
            inline::write(out, text);
            out.push_str("</p>\n");
        }
        Block::Heading { level, text } => {
            let tag = format!("h{}", (level + 3).min(6));
            new_line(out);
            out.push_str(&format!("<{tag}>"));
            inline::write(out, text);
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Code { language, text } => write_code(out, language.as_deref(), text),
        Block::Quote(blocks) => {
            new_line(out);
            out.push_str("<blockquote>\n");
            write_blocks(out, blocks, false);
            new_line(out);
            out.push_str("</blockquote>\n");
        }
        Block::List {
            start,
            tight,
            items,
        } => write_list(out, *start, *tight, items),
        Block::Rule => {
            new_line(out);
            out.push_str("<hr>\n");
        }
        Block::Table { align, head, rows } => write_table(out, align, head, rows),
    }
}

fn write_code(out: &mut String, language: Option<&str>, text: &str) {
    new_line(out);
    out.push_str("<pre><code");
    if let Some(language) = language {
        // Checked by the block reader to be `[A-Za-z0-9_+-]+`: nothing to escape.
        out.push_str(&format!(" class=\"language-{language}\""));
    }
    out.push('>');
    escape::text(out, text);
    out.push_str("</code></pre>\n");
}

fn write_list(out: &mut String, start: Option<u64>, tight: bool, items: &[Vec<Block>]) {
    new_line(out);
    let tag = match start {
        None => "ul",
        Some(_) => "ol",
    };
    match start {
        Some(n) if n != 1 => out.push_str(&format!("<ol start=\"{n}\">\n")),
        _ => out.push_str(&format!("<{tag}>\n")),
    }
    for item in items {
        new_line(out);
        out.push_str("<li>");
        write_blocks(out, item, tight);
        if !tight && !item.is_empty() {
            new_line(out);
        }
        out.push_str("</li>\n");
    }
    out.push_str(&format!("</{tag}>\n"));
}

fn write_table(out: &mut String, align: &[Align], head: &[String], rows: &[Vec<String>]) {
    new_line(out);
    out.push_str("<table>\n<thead>\n");
    write_row(out, "th", align, head);
    out.push_str("</thead>\n");
    if !rows.is_empty() {
        out.push_str("<tbody>\n");
        for row in rows {
            write_row(out, "td", align, row);
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

fn write_row(out: &mut String, tag: &str, align: &[Align], cells: &[String]) {
    out.push_str("<tr>\n");
    for (cell, align) in cells.iter().zip(align) {
        let align = match align {
            Align::None => "",
            Align::Left => " align=\"left\"",
            Align::Center => " align=\"center\"",
            Align::Right => " align=\"right\"",
        };
        out.push_str(&format!("<{tag}{align}>"));
        inline::write(out, cell);
        out.push_str(&format!("</{tag}>\n"));
    }
    out.push_str("</tr>\n");
}
