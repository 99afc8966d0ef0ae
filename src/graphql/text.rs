//! Offsets in the query's text: core counts bytes, the browser's text controls count UTF-16 code units,
//! and the server's error locations count lines and characters.

/// The byte offset of the UTF-16 index `index` in `text` (clamped to its end).
pub fn byte_offset(text: &str, index: u32) -> usize {
    let mut units = 0;
    for (offset, c) in text.char_indices() {
        if units >= index {
            return offset;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 index of the byte offset `offset` in `text`.
pub fn utf16_index(text: &str, offset: usize) -> u32 {
    text[..floor(text, offset)].encode_utf16().count() as u32
}

/// The byte offset of a 1-based line and character column, if the text has them.
pub fn offset_of(text: &str, line: u32, column: u32) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line as usize - 2)?.0 + 1
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let skip = column.saturating_sub(1) as usize;
    let within = line_text.char_indices().nth(skip).map_or(
        (skip == line_text.chars().count()).then_some(line_text.len()),
        |(i, _)| Some(i),
    )?;
    Some(start + within)
}

/// The end of the name that starts at `offset` (at least one character on, where the text has one), for
/// marking what a location points at.
pub fn name_end(text: &str, offset: usize) -> usize {
    let offset = floor(text, offset);
    let rest = &text[offset..];
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if name > 0 {
        offset + name
    } else {
        offset + rest.chars().next().map_or(0, char::len_utf8)
    }
}

/// The line (from 0) and the column (from 0, in characters) of the byte offset `offset`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor(text, offset)];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count(),
        before[line_start..].chars().count(),
    )
}

fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_cross_between_bytes_utf16_and_lines() {
        let text = "query {\n  é𝄞 name\n}";
        let name = text.find("name").unwrap();
        assert_eq!(utf16_index(text, name), 14);
        assert_eq!(byte_offset(text, 14), name);
        assert_eq!(offset_of(text, 2, 6), Some(name));
        assert_eq!(offset_of(text, 9, 1), None);
        assert_eq!(name_end(text, name), name + 4);
        assert_eq!(line_and_column(text, name), (1, 5));
    }
}
