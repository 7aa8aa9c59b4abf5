//! Reorders the keys of block mappings in YAML text, line by line, so that every comment
//! and every value stays exactly as written: only whole entries move. An entry is its key
//! line, the lines under it (deeper, or comments and blanks among them), and the comments
//! just above it, which move with it. Flow mappings (`{a: 1, b: 2}`) are left as they are.
//!
//! No YAML library that `upskill` can use round-trips comments, so the formatter works on
//! lines, and [`reorder`]'s caller checks the result (same data, same comments) before it
//! writes anything.

/// Where a key belongs: `order(path, key)` gives its rank among its siblings (lower first),
/// `None` to leave the mapping at `path` as it is. `path` names the mapping: `[]` the
/// document, `["credentials", "-"]` an item of the top-level `credentials` list,
/// `["provider"]` the provider.
pub type Order<'a> = &'a dyn Fn(&[&str], &str) -> Option<usize>;

/// `text` with the entries of each block mapping in `order`; the relative order of keys of
/// equal rank is kept. Trailing spaces are removed and the text ends with one line break.
pub fn reorder(text: &str, order: Order<'_>) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out = Vec::with_capacity(lines.len());
    mapping(&lines, 0, &[], order, &mut out);
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// One entry of a block mapping: the lines above its key that go with it, then its key
/// line and the lines under it.
struct Entry<'t> {
    key: &'t str,
    lines: Vec<String>,
}

/// Reorders the block mapping whose keys are at column `indent` in `lines` (which hold
/// nothing else), appending the result to `out`.
fn mapping(lines: &[&str], indent: usize, path: &[&str], order: Order<'_>, out: &mut Vec<String>) {
    // The lines before the first key up to the first blank line (a file's header comments)
    // stay first; the rest go with the first key. Taking the first blank, not the last,
    // gives the same split whichever entry comes first, so reordering is reversible.
    let first_key = lines
        .iter()
        .position(|line| key_at(line, indent).is_some())
        .unwrap_or(lines.len());
    let preamble_end = lines[..first_key]
        .iter()
        .position(|line| line.trim().is_empty())
        .map_or(0, |blank| blank + 1);
    out.extend(lines[..preamble_end].iter().map(|line| (*line).to_owned()));
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut start = preamble_end;
    let mut index = first_key;
    while index < lines.len() {
        let Some(key) = key_at(lines[index], indent) else {
            index += 1;
            continue;
        };
        // The entry runs to the next line at this indent or less that is not a comment or a
        // blank; the comments and blanks just before that line belong to the next entry.
        let mut end = index + 1;
        while end < lines.len()
            && (indent_of(lines[end]) > indent || is_blank_or_comment(lines[end]))
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
            lines: lines[start..=index]
                .iter()
                .map(|line| (*line).to_owned())
                .collect(),
        };
        let body = &lines[index + 1..own_end];
        let mut child_path: Vec<&str> = path.to_vec();
        child_path.push(key);
        value(body, &child_path, order, &mut entry.lines);
        entries.push(entry);
        start = own_end;
        index = own_end;
    }
    let trailing: Vec<String> = lines[start.min(lines.len())..]
        .iter()
        .map(|line| (*line).to_owned())
        .collect();
    if entries
        .first()
        .is_some_and(|entry| order(path, entry.key).is_some())
    {
        entries.sort_by_key(|entry| order(path, entry.key).unwrap_or(usize::MAX));
    }
    for entry in entries {
        out.extend(entry.lines);
    }
    out.extend(trailing);
}

/// The lines under a key at `indent`: a block mapping, a block list of mappings, or
/// anything else, which is copied.
fn value(body: &[&str], path: &[&str], order: Order<'_>, out: &mut Vec<String>) {
    let Some(first) = body.iter().find(|line| !is_blank_or_comment(line)) else {
        out.extend(body.iter().map(|line| (*line).to_owned()));
        return;
    };
    let inner = indent_of(first);
    if first.trim_start().starts_with("- ") {
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
        .filter(|(_, line)| indent_of(line) == dash && line.trim_start().starts_with("- "))
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
        if key_at(&item[0][dash + 2..], 0).is_none() {
            out.extend(item.iter().map(|line| (*line).to_owned()));
            continue;
        }
        let undashed = format!("{}{}", " ".repeat(keys_at), &item[0][dash + 2..]);
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

/// The key of a block mapping entry starting at column `indent` on this line.
fn key_at(line: &str, indent: usize) -> Option<&str> {
    if indent_of(line) != indent {
        return None;
    }
    let rest = &line[indent..];
    if rest.starts_with(['#', '-', '{', '[', '"', '\'', '?', '&', '*', '!', '|', '>']) {
        return None;
    }
    let (key, after) = rest.split_once(':')?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (plain && (after.is_empty() || after.starts_with(' '))).then_some(key)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let line = line.trim_start();
    line.is_empty() || line.starts_with('#')
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
        let text = "# header\n\nzeta: 1\n# about alpha\nalpha:\n  b: 2\n  # inner\n  a: |\n    text\n    more\nmid: [x, y] # trailing\n";
        assert_eq!(
            reorder(text, &alphabetical),
            "# header\n\n# about alpha\nalpha:\n  # inner\n  a: |\n    text\n    more\n  b: 2\nmid: [x, y] # trailing\nzeta: 1\n"
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
    fn a_mapping_without_an_order_is_left_as_it_is() {
        let keep = |path: &[&str], key: &str| (path.is_empty()).then(|| usize::from(key == "b"));
        let text = "b: 1\na:\n  z: 1\n  y: 2\n";
        assert_eq!(reorder(text, &keep), "a:\n  z: 1\n  y: 2\nb: 1\n");
    }
}
