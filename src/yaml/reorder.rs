//! Reorders the keys of block mappings in YAML text, line by line, so that every comment
//! and every value stays exactly as written: only whole entries move. An entry is its key
//! line, the lines under it (deeper, or comments and blanks among them), and the comments
//! just above it, which move with it. Flow mappings (`{a: 1, b: 2}`) are left as they are.
//!
//! No YAML library that `upskill` can use round-trips comments, so the formatter works on
//! lines, and [`reorder`]'s caller checks the result (same data, same lines) before it
//! writes anything.

use super::lines::{indent_of, is_blank_or_comment};

/// Where a key belongs: `order(path, key)` gives its rank among its siblings (lower first),
/// `None` to leave the mapping at `path` as it is. `path` names the mapping: `[]` the
/// document, `["credentials", "-"]` an item of the top-level `credentials` list,
/// `["provider"]` the provider.
pub type Order<'a> = &'a dyn Fn(&[&str], &str) -> Option<usize>;

/// `text` with the entries of each block mapping in `order`; the relative order of keys of
/// equal rank is kept. Lines are kept byte for byte, with the text's own line breaks (LF or
/// CRLF) and its final line break or lack of one. Between the document's own entries there
/// is one blank line where either entry spans several lines, and none between one-line
/// entries (`format: 1` and `currency: USD`), so entries that moved do not leave blank lines
/// doubled or missing.
pub fn reorder(text: &str, order: Order<'_>) -> String {
    let crlf = text.contains("\r\n");
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| {
            if crlf {
                line.strip_suffix('\r').unwrap_or(line)
            } else {
                line
            }
        })
        .collect();
    // `split` gives an empty last piece after a final line break: it is the break, not a line.
    let ends_with_break = text.ends_with('\n');
    let lines = if ends_with_break {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    let mut out = Vec::with_capacity(lines.len() + 8);
    mapping(lines, 0, &[], order, &mut out);
    let mut text = out.join(if crlf { "\r\n" } else { "\n" });
    if ends_with_break {
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
    text
}

/// One entry of a block mapping: the lines above its key that go with it, then its key
/// line and the lines under it.
struct Entry<'t> {
    key: &'t str,
    /// Where the key line is in `lines`.
    key_line: usize,
    lines: Vec<String>,
}

/// Reorders the block mapping whose keys are at column `indent` in `lines` (which hold
/// nothing else), appending the result to `out`.
fn mapping(lines: &[&str], indent: usize, path: &[&str], order: Order<'_>, out: &mut Vec<String>) {
    // The lines before the first key up to the first blank line (a file's header comments),
    // and any `---` or directive, stay first; the rest go with the first key. Taking the
    // first blank, not the last, gives the same split whichever entry comes first, so
    // reordering is reversible.
    let first_key = lines
        .iter()
        .position(|line| key_at(line, indent).is_some())
        .unwrap_or(lines.len());
    let before = &lines[..first_key];
    let first_blank = before
        .iter()
        .position(|line| line.trim().is_empty())
        .map_or(0, |blank| blank + 1);
    let markers = before
        .iter()
        .rposition(|line| line.starts_with("---") || line.starts_with('%'))
        .map_or(0, |marker| marker + 1);
    let preamble_end = first_blank.max(markers);
    out.extend(lines[..preamble_end].iter().map(|line| (*line).to_owned()));
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut start = preamble_end;
    let mut index = first_key;
    while index < lines.len() {
        let Some(key) = key_at(lines[index], indent) else {
            index += 1;
            continue;
        };
        // The entry runs to the next line at this indent or less that is not a comment, a
        // blank, or an item of a list written at the mapping's own indent (`key:` then
        // `- item` in the same column).
        let mut end = index + 1;
        while end < lines.len()
            && (indent_of(lines[end]) > indent
                || is_blank_or_comment(lines[end])
                || lines[end][indent_of(lines[end])..].starts_with("- ")
                || lines[end][indent_of(lines[end])..] == *"-")
        {
            end += 1;
        }
        // Comments and blanks at this indent or less after the entry go with what follows
        // (the next entry, or the end of the mapping), not with this entry.
        let mut own_end = end;
        while own_end > index + 1
            && is_blank_or_comment(lines[own_end - 1])
            && indent_of(lines[own_end - 1]) <= indent
        {
            own_end -= 1;
        }
        let mut entry = Entry {
            key,
            key_line: index - start,
            lines: lines[start..=index]
                .iter()
                .map(|line| (*line).to_owned())
                .collect(),
        };
        let mut child_path: Vec<&str> = path.to_vec();
        child_path.push(key);
        value(
            &lines[index + 1..own_end],
            &child_path,
            order,
            &mut entry.lines,
        );
        entries.push(entry);
        start = own_end;
        index = own_end;
    }
    let trailing = &lines[start.min(lines.len())..];
    if entries
        .first()
        .is_some_and(|entry| order(path, entry.key).is_some())
    {
        entries.sort_by_key(|entry| order(path, entry.key).unwrap_or(usize::MAX));
    }
    if path.is_empty() && indent == 0 {
        space_document_entries(&mut entries);
    }
    for entry in entries {
        out.extend(entry.lines);
    }
    out.extend(trailing.iter().map(|line| (*line).to_owned()));
}

/// One blank line before each of the document's entries that spans several lines or follows
/// one that does, none before the first or between one-line entries; blank lines the author
/// put among an entry's own comments stay.
fn space_document_entries(entries: &mut [Entry<'_>]) {
    let mut previous_long = None;
    for entry in entries.iter_mut() {
        let leading_blanks = entry
            .lines
            .iter()
            .take(entry.key_line)
            .take_while(|line| line.trim().is_empty())
            .count();
        entry.lines.drain(..leading_blanks);
        entry.key_line -= leading_blanks;
        let long = entry.lines.len() > entry.key_line + 1;
        if previous_long.is_some_and(|previous: bool| previous || long) {
            entry.lines.insert(0, String::new());
            entry.key_line += 1;
        }
        previous_long = Some(long);
    }
}

/// The lines under a key: a block mapping, a block list of mappings, or anything else,
/// which is copied.
fn value(body: &[&str], path: &[&str], order: Order<'_>, out: &mut Vec<String>) {
    let Some(first) = body.iter().find(|line| !is_blank_or_comment(line)) else {
        out.extend(body.iter().map(|line| (*line).to_owned()));
        return;
    };
    let inner = indent_of(first);
    if first[inner..].starts_with("- ") {
        list(body, inner, path, order, out);
    } else if key_at(first, inner).is_some() {
        mapping(body, inner, path, order, out);
    } else {
        out.extend(body.iter().map(|line| (*line).to_owned()));
    }
}

/// A block list whose dashes are at column `dash`: each item that is a block mapping
/// (`- key: value` with more keys under it) is reordered as one.
fn list(body: &[&str], dash: usize, path: &[&str], order: Order<'_>, out: &mut Vec<String>) {
    let mut item_path = path.to_vec();
    item_path.push("-");
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, line)| indent_of(line) == dash && line[dash..].starts_with("- "))
        .map(|(index, _)| index)
        .collect();
    let Some(&first) = starts.first() else {
        out.extend(body.iter().map(|line| (*line).to_owned()));
        return;
    };
    out.extend(body[..first].iter().map(|line| (*line).to_owned()));
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(body.len());
        let item = &body[start..end];
        let keys_at = dash + 2;
        // An item whose dash line holds a key: the dash is taken off, the mapping reordered,
        // and the dash put back on its first key line.
        let after_dash = &item[0][keys_at..];
        if key_at(after_dash, 0).is_none() {
            out.extend(item.iter().map(|line| (*line).to_owned()));
            continue;
        }
        let undashed = format!("{}{after_dash}", " ".repeat(keys_at));
        let mut lines: Vec<&str> = vec![&undashed];
        lines.extend(&item[1..]);
        let mut reordered = Vec::new();
        mapping(&lines, keys_at, &item_path, order, &mut reordered);
        let mut dashed = false;
        for line in reordered {
            if !dashed && key_at(&line, keys_at).is_some() {
                out.push(format!("{}- {}", " ".repeat(dash), &line[keys_at..]));
                dashed = true;
            } else {
                out.push(line);
            }
        }
    }
}

/// The key of a block mapping entry starting at column `indent` on this line: a plain key,
/// or one in simple quotes (`"name": Acme`).
fn key_at(line: &str, indent: usize) -> Option<&str> {
    if indent_of(line) != indent {
        return None;
    }
    let rest = &line[indent..];
    let (key, after) = if let Some(quoted) = rest.strip_prefix('"') {
        let (key, after) = quoted.split_once('"')?;
        (key, after.strip_prefix(':')?)
    } else if let Some(quoted) = rest.strip_prefix('\'') {
        let (key, after) = quoted.split_once('\'')?;
        (key, after.strip_prefix(':')?)
    } else {
        if rest.starts_with([
            '#', '-', '{', '[', '?', '&', '*', '!', '|', '>', '%', '@', '`',
        ]) {
            return None;
        }
        rest.split_once(':')?
    };
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (plain && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::unnecessary_wraps)] // the shape of an `Order`
    fn alphabetical(_: &[&str], key: &str) -> Option<usize> {
        Some(key.bytes().next().map_or(0, usize::from))
    }

    #[test]
    fn entries_move_with_their_comments_and_values() {
        let text = "# header\n\nzeta: 1\n# about alpha\nalpha:\n  b: 2\n  # inner\n  a: |\n    text  \n    more\nmid: [x, y] # trailing\n";
        assert_eq!(
            reorder(text, &alphabetical),
            "# header\n\n# about alpha\nalpha:\n  # inner\n  a: |\n    text  \n    more\n  b: 2\n\nmid: [x, y] # trailing\nzeta: 1\n"
        );
    }

    #[test]
    fn list_items_keep_their_dash_on_the_first_key() {
        let text = "items:\n  - title: T\n    id: a\n    # why\n    cost: 0\n  - {title: U, id: b}\n  - plain\n";
        assert_eq!(
            reorder(text, &alphabetical),
            "items:\n    # why\n  - cost: 0\n    id: a\n    title: T\n  - {title: U, id: b}\n  - plain\n"
        );
    }

    #[test]
    fn line_breaks_markers_unindented_lists_and_quoted_keys_are_kept() {
        let text = "---\nz: 1\nitems:\n- title: T\n  id: a\n\"b\": 2";
        assert_eq!(
            reorder(text, &alphabetical),
            "---\n\"b\": 2\n\nitems:\n- id: a\n  title: T\n\nz: 1"
        );
        let crlf = "b: 1\r\na: 2\r\n";
        assert_eq!(reorder(crlf, &alphabetical), "a: 2\r\nb: 1\r\n");
    }

    #[test]
    fn a_mapping_without_an_order_is_left_as_it_is() {
        let keep = |path: &[&str], key: &str| (path.is_empty()).then(|| usize::from(key == "b"));
        let text = "b: 1\na:\n  z: 1\n  y: 2\n";
        assert_eq!(reorder(text, &keep), "a:\n  z: 1\n  y: 2\n\nb: 1\n");
    }

    #[test]
    fn unicode_space_at_the_start_of_a_line_is_not_indentation() {
        // U+3000 after two spaces: a continuation of the quoted title, not a list item.
        let text = "credentials:\n  - title: \"Intro\n  \u{3000}- part two\"\n    id: a\n";
        let _ = reorder(text, &alphabetical);
    }
}
