//! libyaml's syntax errors in an author's words. libyaml says where it gave up, not what the
//! author got wrong, and the usual mistakes have a recognisable look in the lines around
//! that place: a key indented one space off its siblings, a tab or a non-breaking space
//! where YAML wants spaces, a curly quote pasted from a word processor, a `: ` inside an
//! unquoted value.

use super::lines::{indent_of, is_blank_or_comment};
use super::{Error, Position};

/// How many lines above the reported one are searched for the real mistake: libyaml often
/// notices it on the line after.
const LOOK_BACK: usize = 2;

/// The error, reworded when the lines around it show what the mistake is. The parser's own
/// words are kept at the end, so the message can still be looked up.
pub(super) fn diagnose(text: &str, error: Error) -> Error {
    let lines: Vec<&str> = text.lines().collect();
    // Lines are counted from 1; a position of line 0 (none) looks at nothing.
    let reported = error.position.line;
    let first = reported.saturating_sub(LOOK_BACK).max(1);
    let said = &error.message;
    // A character that has no business in YAML's structure, on the reported line first.
    for line in (first..=reported).rev() {
        if let Some((column, what, fix)) = lines.get(line - 1).and_then(|text| odd_character(text))
        {
            return Error {
                position: Position { line, column },
                message: format!(
                    "line {line} has {what} at column {column}; {fix} (the parser said: {said})"
                ),
            };
        }
    }
    if indentation_error(said) {
        for line in (first..=reported).rev() {
            if let Some(slip) = indentation_slip(&lines, line) {
                return Error {
                    position: Position {
                        line,
                        column: slip.found + 1,
                    },
                    message: format!(
                        "line {line} is indented {found} {spaces}; the other keys of this {what} are at {expected}: line it up with them (the parser said: {said})",
                        found = slip.found,
                        spaces = if slip.found == 1 { "space" } else { "spaces" },
                        what = slip.what,
                        expected = slip.expected,
                    ),
                };
            }
        }
    }
    if said.starts_with("mapping values are not allowed")
        && let Some(text) = lines.get(reported.wrapping_sub(1))
        && let Some((key, value)) = key_and_value(text)
        && let value = value.split(" #").next().unwrap_or(value).trim_end()
        && value.contains(": ")
    {
        // Quotes pasted from a word processor look like quotes but quote nothing.
        if let Some(quote) = value.chars().next().filter(|c| CURLY_QUOTES.contains(c)) {
            let column = text.chars().position(|c| c == quote).map_or(1, |i| i + 1);
            return Error {
                position: Position {
                    line: reported,
                    column,
                },
                message: format!(
                    "line {reported} has a curly quote ({quote}) at column {column}, which YAML does not read as a quote; write straight quotes (\" or ') instead (the parser said: {said})"
                ),
            };
        }
        // Single quotes: nothing in them is an escape, and a `'` is written twice.
        return Error {
            message: format!(
                "the value of `{key}` holds `: `, which YAML reads as another key; put the value in quotes: {key}: '{value}' (the parser said: {said})",
                key = crate::text::sanitize_line(key),
                value = crate::text::sanitize_line(&value.replace('\'', "''")),
            ),
            ..error
        };
    }
    if said.starts_with("found character that cannot start any token")
        && let Some(c) = lines
            .get(reported.wrapping_sub(1))
            .and_then(|text| text.chars().nth(error.position.column.saturating_sub(1)))
            .filter(|c| matches!(c, '@' | '`'))
    {
        return Error {
            message: format!(
                "a value cannot start with `{c}` in YAML: put the value in quotes (the parser said: {said})"
            ),
            ..error
        };
    }
    if let Some(opened) = unclosed(said) {
        return Error {
            message: format!("{opened} (the parser said: {said})"),
            ..error
        };
    }
    error
}

/// What is left open, for libyaml's messages about brackets and quotes it never saw closed.
fn unclosed(said: &str) -> Option<String> {
    let (_, at) = said.rsplit_once(" at line ")?;
    let (line, column) = at.split_once(" column ")?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    if said.contains("while parsing a flow sequence") {
        Some(format!(
            "the list opened with `[` at line {line} column {column} is not closed with `]`, or two of its items have no `, ` between them"
        ))
    } else if said.contains("while parsing a flow mapping") {
        Some(format!(
            "the mapping opened with `{{` at line {line} column {column} is not closed with `}}`, or two of its entries have no `, ` between them"
        ))
    } else if said.contains("while scanning a quoted scalar") {
        Some(format!(
            "the quote opened at line {line} column {column} is never closed: add the closing quote"
        ))
    } else {
        None
    }
}

const CURLY_QUOTES: [char; 4] = ['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'];

/// Every line whose indentation holds a tab or a non-breaking space before a key or a list
/// item: YAML indents with spaces only, so such a line is read as something else, and every
/// error after it may be a consequence. All are found at once, so an author fixes them in
/// one round.
pub(super) fn odd_indentation(text: &str) -> Vec<Error> {
    if !text.contains(['\t', '\u{a0}']) {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let lead: Vec<char> = line
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '\u{a0}'))
                .collect();
            let rest = line[lead.iter().map(|c| c.len_utf8()).sum::<usize>()..].trim_start_matches('-');
            // Only before YAML's own structure: a key or a list item, not inside a value.
            let structure = line[lead.iter().map(|c| c.len_utf8()).sum::<usize>()..].starts_with("- ")
                || key_and_value(rest.trim_start()).is_some();
            let (column, what) = lead.iter().enumerate().find_map(|(at, c)| match c {
                '\t' => Some((at + 1, "a tab")),
                '\u{a0}' => Some((at + 1, "a non-breaking space")),
                _ => None,
            })?;
            if !structure {
                return None;
            }
            let line = index + 1;
            Some(Error {
                position: Position { line, column },
                message: format!(
                    "line {line} has {what} at column {column}, in its indentation; YAML indents with ordinary spaces only: replace it"
                ),
            })
        })
        .collect()
}

/// The messages libyaml gives when a line is indented where no key can be.
fn indentation_error(message: &str) -> bool {
    [
        "mapping values are not allowed",
        "did not find expected key",
        "did not find expected '-' indicator",
        "could not find expected ':'",
        "block sequence entries are not allowed",
    ]
    .iter()
    .any(|said| message.starts_with(said))
}

/// A character YAML does not read the way it looks: its 1-based column, its name, and the fix.
fn odd_character(line: &str) -> Option<(usize, &'static str, &'static str)> {
    let mut in_indent = true;
    for (index, c) in line.chars().enumerate() {
        let found = match c {
            '\t' if in_indent => Some((
                "a tab",
                "YAML indents with spaces only: replace the tab with spaces",
            )),
            '\u{a0}' if in_indent => {
                Some(("a non-breaking space", "replace it with an ordinary space"))
            }
            '\u{feff}' if index > 0 => Some((
                "an invisible byte-order mark",
                "delete it (it is often pasted in with copied text)",
            )),
            _ => None,
        };
        if let Some((what, fix)) = found {
            return Some((index + 1, what, fix));
        }
        if c != ' ' && c != '\t' && c != '-' {
            in_indent = false;
        }
    }
    None
}

/// A key indented off its siblings: where it is, and where its siblings are.
struct Slip {
    found: usize,
    expected: usize,
    what: &'static str,
}

/// Whether `line` (1-based) starts a key at a column where no mapping above it can hold it:
/// not at a sibling's column, nor an ancestor's, nor below a key that opens a block.
fn indentation_slip(lines: &[&str], line: usize) -> Option<Slip> {
    let found = key_column(lines.get(line - 1)?)?;
    // The key lines above, nearest first.
    let mut above = lines[..line - 1]
        .iter()
        .rev()
        .filter(|text| !is_blank_or_comment(text));
    let previous = above.next()?;
    let previous_column = key_column(previous)?;
    if opens_block(previous) && found > previous_column {
        return None;
    }
    // Columns where a key may stand here: the previous key's, and each ancestor's.
    let mut columns = vec![previous_column];
    let mut lowest = indent_of(previous);
    for text in above {
        let indent = indent_of(text);
        if indent < lowest {
            if let Some(column) = key_column(text) {
                columns.push(column);
            }
            lowest = indent;
        }
        if indent == 0 {
            break;
        }
    }
    if columns.contains(&found) {
        return None;
    }
    let expected = *columns.iter().min_by_key(|column| column.abs_diff(found))?;
    if expected.abs_diff(found) > 3 {
        return None;
    }
    Some(Slip {
        found,
        expected,
        what: enclosing(lines, line),
    })
}

/// What the keys at `line` belong to, named after the top-level list above it.
fn enclosing(lines: &[&str], line: usize) -> &'static str {
    let top = lines[..line - 1]
        .iter()
        .rev()
        .find(|text| indent_of(text) == 0 && !is_blank_or_comment(text));
    match top.and_then(|text| text.split(':').next()).map(str::trim) {
        Some("credentials") => "credential",
        Some("roles") => "role",
        Some("skills") => "skill",
        Some("provider") => "provider",
        _ => "mapping",
    }
}

/// The column (0-based) where a line's key starts, after list dashes; `None` when the line
/// holds no `key:`.
fn key_column(line: &str) -> Option<usize> {
    let mut column = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        column += rest.len() - trimmed.len();
        if let Some(after) = trimmed.strip_prefix("- ") {
            column += 2;
            rest = after;
        } else {
            rest = trimmed;
            break;
        }
    }
    key_and_value(rest).map(|_| column)
}

/// `key` and the value after `key: ` on a line of a block mapping.
fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start_matches([' ', '-']);
    if line.starts_with(['{', '[', '"', '\'', '#']) {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    if key.is_empty() || !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, value.trim()))
}

/// A `key:` with nothing after it (but a comment): the lines below are its value.
fn opens_block(line: &str) -> bool {
    let line = line.split(" #").next().unwrap_or(line).trim_end();
    line.ends_with(':') || line.trim_start() == "-"
}

#[cfg(test)]
mod tests;
