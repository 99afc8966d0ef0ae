//! `.http` reader, scripts: pre-request scripts, response handlers, response redirects and saved-response
//! references, which reqlab does not run; each is quoted verbatim in a note so that nothing the file held is
//! lost to the user.

use super::lines::{comment, Line};
use super::Note;

/// The script starting at `lines[start]`, verbatim: up to the line that closes `{%` with `%}`, or the one
/// line when it names a file. Returns the script and the index of the line after it.
pub(super) fn quote_script(lines: &[Line<'_>], start: usize) -> (String, usize) {
    let Some(first) = lines.get(start) else {
        return (String::new(), start);
    };
    let opens_inline = first.text.contains("{%");
    let closes_on_first = first.text.find("{%").is_some_and(|open| {
        first
            .text
            .get(open + 2..)
            .is_some_and(|rest| rest.contains("%}"))
    });
    if !opens_inline || closes_on_first {
        return (first.text.trim().to_string(), start + 1);
    }
    let mut quoted = vec![first.text];
    let mut next = start + 1;
    while let Some(line) = lines.get(next) {
        quoted.push(line.text);
        next += 1;
        if line.text.contains("%}") {
            break;
        }
    }
    (quoted.join("\n"), next)
}

/// The lines after the body: response handlers, redirects and saved-response references, none of which
/// reqlab runs; each is quoted so that nothing the file held is lost to the user.
pub(super) fn read_trailer(trailer: &[Line<'_>], notes: &mut Vec<Note>) {
    let mut index = 0;
    while let Some(line) = trailer.get(index) {
        let trimmed = line.text.trim();
        if trimmed.is_empty() || comment(line.text).is_some() {
            index += 1;
            continue;
        }
        if trimmed.starts_with(">>") {
            notes.push(Note::at(
                line.number,
                format!("the response is not saved to a file as `{trimmed}` asks: reqlab shows it instead"),
            ));
            index += 1;
        } else if trimmed.starts_with('>') {
            let (script, next) = quote_script(trailer, index);
            notes.push(Note::at(
                line.number,
                format!("the response handler is not run: {script}"),
            ));
            index = next;
        } else if trimmed.starts_with("<>") {
            notes.push(Note::at(
                line.number,
                format!("the reference to a saved response (`{trimmed}`) was left out"),
            ));
            index += 1;
        } else {
            notes.push(Note::at(
                line.number,
                format!("`{trimmed}` after the response handler was left out"),
            ));
            index += 1;
        }
    }
}
