//! Render stage UI: XML and HTML source in the text view, each visible line coloured from the lexer state
//! at its start (`reqlab_core::render::markup_highlight`), so a body of any size is never lexed whole for a screen.

use super::super::virtual_rows::VirtualRows;
use super::{clip, Lines, MAX_ROW_BYTES};
use leptos::prelude::*;
use reqlab_core::render::markup_highlight::{
    for_each_run, Dialect, LineStates, MarkupState, Token,
};
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// The lines, virtualised and coloured. The body is hostile input: each run becomes the text of a `<span>`,
/// never markup.
pub fn markup_rows(lines: Arc<Lines>, dialect: Dialect) -> AnyView {
    let count = lines.index.line_count();
    let start = MarkupState::start(dialect);
    // The row closure is shared and called once per row, in any order: the saved states sit behind a lock.
    let states = Mutex::new(LineStates::new(start));
    let row = Arc::new(move |n: usize| {
        let line = |k| lines.index.line(&lines.text, k);
        let state = states
            .lock()
            .map_or(start, |mut states| states.state_at(n, line));
        view! { <div class="row">{highlight(line(n), state)}</div> }.into_any()
    });
    view! { <VirtualRows count row label="Response body"/> }.into_any()
}

/// One line as spans, cut as the plain text view cuts it ([`clip`]). Only the shown part is lexed here (the
/// note on what was cut is plain text); the next line's state comes from the whole line, through the saved
/// states.
fn highlight(line: &str, state: MarkupState) -> AnyView {
    let shown = clip(line);
    let cut = line.floor_char_boundary(MAX_ROW_BYTES);
    let mut spans = Vec::new();
    let mut span = |token, range: Range<usize>| {
        let text = shown.get(range).unwrap_or_default().to_string();
        spans.push(view! { <span class=class(token)>{text}</span> });
    };
    for_each_run(shown.get(..cut).unwrap_or_default(), state, &mut span);
    if shown.len() > cut {
        span(Token::Text, cut..shown.len());
    }
    spans.into_any()
}

/// The stylesheet's class for a token (`style/response_viewer.css`); punctuation shares JSON's.
fn class(token: Token) -> &'static str {
    match token {
        Token::Text => "",
        Token::TagName => "m-tag",
        Token::AttrName => "m-attr",
        Token::AttrValue => "m-value",
        Token::Punct => "punct",
        Token::Comment => "m-comment",
        Token::Cdata => "m-cdata",
        Token::Declaration => "m-decl",
        Token::Entity => "m-entity",
    }
}
