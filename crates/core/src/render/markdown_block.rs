//! Render stage, Markdown blocks: the lines of a description become headings, paragraphs, code blocks,
//! quotes, lists, rules and tables. Containers (quotes, list items) are parsed by collecting their lines,
//! stripped of the marker, and parsing those again, down to a fixed depth: every line is read a bounded
//! number of times, however the input nests.

/// How deep quotes and lists may nest; deeper markers are read as text.
const MAX_DEPTH: usize = 32;

#[derive(Debug, PartialEq)]
pub(super) enum Block {
    /// Level 1 to 6 as written (`#` is 1).
    Heading {
        level: usize,
        text: String,
    },
    Paragraph(String),
    Code {
        language: Option<String>,
        text: String,
    },
    Quote(Vec<Block>),
    List {
        /// The first number of an ordered list; `None` for a bulleted one.
        start: Option<u64>,
        tight: bool,
        items: Vec<Vec<Block>>,
    },
    Rule,
    Table {
        align: Vec<Align>,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Align {
    None,
    Left,
    Center,
    Right,
}

/// The blocks of a whole document.
pub(super) fn parse(markdown: &str) -> Vec<Block> {
    let normalized = markdown
        .replace("\r\n", "\n")
        .replace(['\r'], "\n")
        .replace('\0', "\u{fffd}");
    let lines: Vec<String> = normalized.split('\n').map(str::to_string).collect();
    parse_blocks(&lines, 0).0
}

/// The blocks of `lines`, and whether a blank line separates two of them (which makes a list item loose).
fn parse_blocks(lines: &[String], depth: usize) -> (Vec<Block>, bool) {
    let mut blocks = Vec::new();
    let mut gap = false;
    let mut blank_before = false;
    let mut i = 0;
    while i < lines.len() {
        if is_blank(&lines[i]) {
            blank_before = !blocks.is_empty();
            i += 1;
            continue;
        }
        gap |= blank_before;
        blank_before = false;
        let (block, next) = block_at(lines, i, depth);
        blocks.push(block);
        i = next;
    }
    (blocks, gap)
}

/// The block starting at line `i` and the line after it.
fn block_at(lines: &[String], i: usize, depth: usize) -> (Block, usize) {
    let line = &lines[i];
    let (columns, offset) = indent(line);
    if columns >= 4 {
        return indented_code(lines, i);
    }
    let nest = depth < MAX_DEPTH;
    if nest && line[offset..].starts_with('>') {
        return quote(lines, i, depth);
    }
    if let Some(fence) = fence_open(line) {
        return fenced_code(lines, i, &fence);
    }
    if let Some(heading) = atx_heading(line) {
        return (heading, i + 1);
    }
    if is_rule(line) {
        return (Block::Rule, i + 1);
    }
    if let Some(marker) = list_marker(line).filter(|_| nest) {
        return list(lines, i, depth, marker);
    }
    if let Some(table) = table(lines, i, depth) {
        return table;
    }
    paragraph(lines, i, depth)
}

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Columns of leading whitespace (a tab goes to the next multiple of 4) and the byte where the rest starts.
fn indent(line: &str) -> (usize, usize) {
    let mut columns = 0;
    for (i, byte) in line.bytes().enumerate() {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += 4 - columns % 4,
            _ => return (columns, i),
        }
    }
    (columns, line.len())
}

/// `line` without `n` columns of indentation (all of it if it has less); a tab split in two leaves spaces.
fn strip_columns(line: &str, n: usize) -> String {
    let mut columns = 0;
    for (i, byte) in line.bytes().enumerate() {
        if columns >= n {
            return format!("{}{}", " ".repeat(columns - n), &line[i..]);
        }
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += 4 - columns % 4,
            _ => return line[i..].to_string(),
        }
    }
    " ".repeat(columns.saturating_sub(n))
}

/// Whether `line` starts a block other than a paragraph (indented code aside, which never interrupts).
/// `in_paragraph`: right after a paragraph line of the same container, where an empty list item or an
/// ordered one not starting at 1 does not count (`14.  The number` continues a sentence).
fn starts_block(line: &str, depth: usize, in_paragraph: bool) -> bool {
    let (columns, offset) = indent(line);
    if columns >= 4 {
        return false;
    }
    let nest = depth < MAX_DEPTH;
    let list_item = |m: Marker| !in_paragraph || (!m.empty && m.start.is_none_or(|n| n == 1));
    (nest && line[offset..].starts_with('>'))
        || fence_open(line).is_some()
        || atx_heading(line).is_some()
        || is_rule(line)
        || (nest && list_marker(line).is_some_and(list_item))
}

fn indented_code(lines: &[String], i: usize) -> (Block, usize) {
    let mut body = Vec::new();
    let mut end = i;
    for (j, line) in lines.iter().enumerate().skip(i) {
        if !is_blank(line) && indent(line).0 < 4 {
            break;
        }
        body.push(strip_columns(line, 4));
        if !is_blank(line) {
            end = j + 1;
        }
    }
    body.truncate(end - i);
    let text = body.iter().map(|l| format!("{l}\n")).collect();
    (
        Block::Code {
            language: None,
            text,
        },
        end,
    )
}

struct Fence {
    ch: u8,
    len: usize,
    indent: usize,
    info: String,
}

fn fence_open(line: &str) -> Option<Fence> {
    let (columns, offset) = indent(line);
    let rest = &line[offset..];
    let ch = *rest.as_bytes().first()?;
    if columns >= 4 || (ch != b'`' && ch != b'~') {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    let info = rest[len..].trim_matches([' ', '\t']);
    // A backtick in a backtick fence's info string would make it an inline code span instead.
    if len < 3 || (ch == b'`' && info.contains('`')) {
        return None;
    }
    Some(Fence {
        ch,
        len,
        indent: columns,
        info: info.to_string(),
    })
}

fn fence_closes(line: &str, fence: &Fence) -> bool {
    let (columns, offset) = indent(line);
    let rest = &line[offset..];
    let len = rest.bytes().take_while(|&b| b == fence.ch).count();
    columns < 4 && len >= fence.len && is_blank(&rest[len..])
}

fn fenced_code(lines: &[String], i: usize, fence: &Fence) -> (Block, usize) {
    let mut text = String::new();
    let mut j = i + 1;
    while j < lines.len() {
        let line = &lines[j];
        j += 1;
        if fence_closes(line, fence) {
            break;
        }
        text.push_str(&strip_columns(line, fence.indent.min(indent(line).0)));
        text.push('\n');
    }
    // Only a plain language name becomes a class: the info string is the author's, the class attribute ours.
    let word = fence.info.split([' ', '\t']).next().unwrap_or("");
    let language = (!word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_+-".contains(&b)))
    .then(|| word.to_string());
    (Block::Code { language, text }, j)
}

fn atx_heading(line: &str) -> Option<Block> {
    let (columns, offset) = indent(line);
    let rest = &line[offset..];
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    let after = &rest[level..];
    if columns >= 4
        || !(1..=6).contains(&level)
        || !(after.is_empty() || after.starts_with([' ', '\t']))
    {
        return None;
    }
    let text = after.trim_matches([' ', '\t']);
    // A closing run of `#` goes, when a space separates it (or it is all there is).
    let unclosed = text.trim_end_matches('#');
    let text = match unclosed {
        "" => "",
        _ if unclosed.ends_with([' ', '\t']) => unclosed.trim_end_matches([' ', '\t']),
        _ => text,
    };
    Some(Block::Heading {
        level,
        text: text.to_string(),
    })
}

fn is_rule(line: &str) -> bool {
    let (columns, offset) = indent(line);
    let rest = &line[offset..];
    let Some(ch) = rest.bytes().next().filter(|b| b"*-_".contains(b)) else {
        return false;
    };
    columns < 4
        && rest.bytes().all(|b| b == ch || b == b' ' || b == b'\t')
        && rest.bytes().filter(|&b| b == ch).count() >= 3
}

/// `===` or `---` under a paragraph: its level.
fn setext_level(line: &str) -> Option<usize> {
    let (columns, offset) = indent(line);
    let rest = line[offset..].trim_end_matches([' ', '\t']);
    let level = match rest.bytes().next()? {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    (columns < 4 && rest.bytes().all(|b| b == rest.as_bytes()[0])).then_some(level)
}

fn paragraph(lines: &[String], i: usize, depth: usize) -> (Block, usize) {
    let mut text = lines[i].trim_start_matches([' ', '\t']).to_string();
    let mut j = i + 1;
    while j < lines.len() {
        let line = &lines[j];
        if is_blank(line) {
            break;
        }
        if let Some(level) = setext_level(line) {
            let text = text.trim_end().to_string();
            return (Block::Heading { level, text }, j + 1);
        }
        if starts_block(line, depth, true) || table(lines, j, depth).is_some() {
            break;
        }
        text.push('\n');
        text.push_str(line.trim_start_matches([' ', '\t']));
        j += 1;
    }
    let text = text.trim_end_matches([' ', '\t']).to_string();
    (Block::Paragraph(text), j)
}

/// Whether a lazy line (one without the container's marker or indentation) may continue what the container
/// holds: only a paragraph continues so. Tracks that paragraph across the container's lines.
#[derive(Default)]
struct Lazy {
    paragraph: bool,
    fence: Option<Fence>,
}

impl Lazy {
    fn see(&mut self, inner: &str) {
        if is_blank(inner) {
            self.paragraph = false;
            return;
        }
        if let Some(fence) = &self.fence {
            if fence_closes(inner, fence) {
                self.fence = None;
            }
            return;
        }
        if let Some(fence) = fence_open(inner) {
            self.fence = Some(fence);
            self.paragraph = false;
            return;
        }
        let (columns, offset) = indent(inner);
        if columns >= 4 {
            // Indented code, unless it continues a paragraph: either way the state stays.
            return;
        }
        let rest = &inner[offset..];
        let nested = rest
            .strip_prefix('>')
            .map(|r| r.trim_start_matches([' ', '\t']));
        self.paragraph = match nested {
            Some(quoted) => !quoted.is_empty(),
            None => atx_heading(inner).is_none() && !is_rule(inner),
        };
    }

    fn continues(&self, line: &str, depth: usize) -> bool {
        self.paragraph && !is_blank(line) && !starts_block(line, depth, false)
    }
}

/// `line` without its `>` marker (and the space after it), if it has one.
fn quoted(line: &str) -> Option<String> {
    let (columns, offset) = indent(line);
    let after = line[offset..].strip_prefix('>').filter(|_| columns < 4)?;
    Some(match after.as_bytes().first() {
        Some(b' ') => after[1..].to_string(),
        // The tab after `>` reaches column 4 from 1: one column goes with the marker, two stay.
        Some(b'\t') => format!("  {}", &after[1..]),
        _ => after.to_string(),
    })
}

fn quote(lines: &[String], i: usize, depth: usize) -> (Block, usize) {
    let mut body = Vec::new();
    let mut lazy = Lazy::default();
    let mut j = i;
    while j < lines.len() {
        let line = &lines[j];
        if let Some(inner) = quoted(line) {
            lazy.see(&inner);
            body.push(inner);
        } else if lazy.continues(line, depth) {
            body.push(line.clone());
        } else {
            break;
        }
        j += 1;
    }
    (Block::Quote(parse_blocks(&body, depth + 1).0), j)
}

struct Marker {
    /// `-`, `+`, `*`, or the `.` or `)` after a number.
    ch: u8,
    start: Option<u64>,
    /// The column the item's content starts at: its lines must be indented this far.
    width: usize,
    /// Nothing follows the marker on its line.
    empty: bool,
    /// The first line with the marker blanked out, so that columns stay where they were.
    first_line: String,
}

fn list_marker(line: &str) -> Option<Marker> {
    let (columns, offset) = indent(line);
    let rest = &line[offset..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (ch, start, len) = match rest.as_bytes().first()? {
        b @ (b'-' | b'+' | b'*') => (*b, None, 1),
        _ if (1..=9).contains(&digits) => {
            let ch = *rest
                .as_bytes()
                .get(digits)
                .filter(|b| matches!(b, b'.' | b')'))?;
            (ch, rest[..digits].parse().ok(), digits + 1)
        }
        _ => return None,
    };
    let after = &rest[len..];
    if columns >= 4 || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let marker_end = columns + len;
    let first_line = format!("{}{after}", " ".repeat(marker_end));
    let empty = is_blank(after);
    let spaces = indent(&first_line).0 - marker_end;
    // Content indented 5 or more past the marker is indented code one column in.
    let width = marker_end + if empty || spaces >= 5 { 1 } else { spaces };
    Some(Marker {
        ch,
        start,
        width,
        empty,
        first_line,
    })
}

fn list(lines: &[String], i: usize, depth: usize, first: Marker) -> (Block, usize) {
    let start = first.start;
    let ch = first.ch;
    let mut items = Vec::new();
    let mut loose = false;
    let mut marker = first;
    let mut j = i;
    loop {
        let (body, end) = list_item(lines, j, depth, &marker);
        let (blocks, gap) = parse_blocks(&body, depth + 1);
        loose |= gap;
        items.push(blocks);
        let next = (end..lines.len()).find(|&k| !is_blank(&lines[k]));
        let next_marker = next
            .filter(|&k| !is_rule(&lines[k]))
            .and_then(|k| list_marker(&lines[k]).map(|m| (k, m)))
            .filter(|(_, m)| m.ch == ch && m.start.is_some() == start.is_some());
        match next_marker {
            Some((k, m)) => {
                loose |= k > end;
                j = k;
                marker = m;
            }
            None => {
                let tight = !loose;
                return (
                    Block::List {
                        start,
                        tight,
                        items,
                    },
                    end,
                );
            }
        }
    }
}

/// The lines of the list item whose marker is on line `i`, without its indentation, and the line after its
/// last non-blank one (blank lines after an item belong to what follows).
fn list_item(lines: &[String], i: usize, depth: usize, marker: &Marker) -> (Vec<String>, usize) {
    let mut body = vec![strip_columns(&marker.first_line, marker.width)];
    let mut lazy = Lazy::default();
    lazy.see(&body[0]);
    let mut end = i + 1;
    // An item may begin with at most one blank line.
    if marker.empty && lines.get(i + 1).is_some_and(|l| is_blank(l)) {
        return (body, end);
    }
    for (j, line) in lines.iter().enumerate().skip(i + 1) {
        if is_blank(line) {
            lazy.see(line);
            body.push(String::new());
            continue;
        }
        if indent(line).0 >= marker.width {
            let inner = strip_columns(line, marker.width);
            lazy.see(&inner);
            body.push(inner);
        } else if lazy.continues(line, depth) {
            body.push(line.clone());
        } else {
            break;
        }
        end = j + 1;
    }
    body.truncate(end - i);
    (body, end)
}

/// A GFM table starting at line `i`: a header row, a delimiter row with as many cells, then rows up to a
/// blank line or another block.
fn table(lines: &[String], i: usize, depth: usize) -> Option<(Block, usize)> {
    let header = &lines[i];
    let align = delimiter_row(lines.get(i + 1)?)?;
    let head = cells(header);
    if indent(header).0 >= 4 || !header.contains('|') || head.len() != align.len() {
        return None;
    }
    let mut rows = Vec::new();
    let mut j = i + 2;
    while j < lines.len() && !is_blank(&lines[j]) && !starts_block(&lines[j], depth, false) {
        let mut row = cells(&lines[j]);
        row.resize(align.len(), String::new());
        rows.push(row);
        j += 1;
    }
    Some((Block::Table { align, head, rows }, j))
}

fn delimiter_row(line: &str) -> Option<Vec<Align>> {
    if indent(line).0 >= 4 || !line.contains('|') {
        return None;
    }
    cells(line)
        .iter()
        .map(|cell| {
            let left = cell.starts_with(':');
            let right = cell.ends_with(':');
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
                return None;
            }
            Some(match (left, right) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::None,
            })
        })
        .collect()
}

/// A table row's cells, trimmed; `\|` is a pipe inside a cell (other escapes stay for the inline reader).
fn cells(line: &str) -> Vec<String> {
    let row = line.trim_matches([' ', '\t']);
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('|')) => {
                cell.push('|');
                chars.next();
            }
            ('\\', Some(escaped)) => {
                cell.push('\\');
                cell.push(escaped);
                chars.next();
            }
            ('|', _) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    // A closing pipe ends the last cell rather than starting one.
    if cells.is_empty() || !cell.trim_matches([' ', '\t']).is_empty() {
        cells.push(cell);
    }
    cells
        .into_iter()
        .map(|c| c.trim_matches([' ', '\t']).to_string())
        .collect()
}
