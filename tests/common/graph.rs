//! Structural checks of the DOT and Mermaid that `upskill graph` writes.

use std::collections::HashSet;

/// The node ids a DOT graph declares and the edges it draws, checking on the way that
/// every statement is one line, every string is closed and braces balance.
pub fn parse_dot(text: &str) -> (HashSet<String>, Vec<(String, String)>) {
    let mut depth = 0_i32;
    let mut nodes = HashSet::new();
    let mut edges = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let mut strings: Vec<String> = Vec::new();
        let mut outside = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                outside.push(c);
                continue;
            }
            let mut string = String::new();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => string.push(chars.next().expect("an escape is complete")),
                    Some(c) => string.push(c),
                    None => panic!("an unclosed string in {line:?}"),
                }
            }
            outside.push_str("\"\"");
            strings.push(string);
        }
        depth += i32::try_from(outside.matches('{').count()).expect("few");
        depth -= i32::try_from(outside.matches('}').count()).expect("few");
        assert!(depth >= 0, "a brace closes too early at {line:?}");
        assert!(
            outside.ends_with(';') || outside.ends_with('{') || outside == "}",
            "{line:?} is not a whole statement"
        );
        if outside.starts_with("\"\" -> \"\"") {
            edges.push((strings[0].clone(), strings[1].clone()));
        } else if outside.starts_with("\"\" [") {
            nodes.insert(strings[0].clone());
        }
    }
    assert_eq!(depth, 0, "unbalanced braces");
    (nodes, edges)
}

/// `id["label"]` (a credential) or `id(["label"])` (a skill).
fn node_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    if let Some((id, rest)) = line.split_once("([\"") {
        return Some((id, rest.strip_suffix("\"])")?));
    }
    let (id, rest) = line.split_once("[\"")?;
    Some((id, rest.strip_suffix("\"]")?))
}

/// Checks every line of a Mermaid flowchart against the grammar `graph` writes, and returns
/// the declared node ids and the edges.
pub fn parse_mermaid(text: &str) -> (HashSet<String>, Vec<(String, String)>) {
    fn is_id(id: &str) -> bool {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }
    /// Quoted label text: nothing that could end the label or the statement, once our
    /// `<br/>` breaks and `#name;` entity codes are taken out.
    fn is_label(label: &str) -> bool {
        let label = label.replace("<br/>", " ");
        let mut plain = String::new();
        let mut rest = label.as_str();
        while let Some(at) = rest.find('#') {
            plain.push_str(&rest[..at]);
            let entity = &rest[at + 1..];
            let Some(end) = entity.find(';') else {
                return false;
            };
            if !entity[..end].chars().all(|c| c.is_ascii_alphanumeric()) {
                return false;
            }
            rest = &entity[end + 1..];
        }
        plain.push_str(rest);
        !plain.contains(['"', ';', '<', '>', '&', '`', '#'])
    }
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut nodes = HashSet::new();
    let mut edges = Vec::new();
    let mut open = 0;
    for line in lines {
        if line.starts_with("  %% ") || line.starts_with("  classDef retired ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("  subgraph ") {
            let (id, label) = rest.split_once(" [\"").expect("a subgraph title");
            assert!(
                is_id(id) && label.ends_with("\"]") && is_label(&label[..label.len() - 2]),
                "{line}"
            );
            open += 1;
        } else if line == "  end" {
            open -= 1;
        } else if let Some(rest) = line.strip_prefix("  class ") {
            let names = rest.strip_suffix(" retired").expect("the retired class");
            assert!(names.split(',').all(|name| nodes.contains(name)), "{line}");
        } else if let Some((id, label)) = node_line(line) {
            assert!(is_id(id) && is_label(label), "{line}");
            nodes.insert(id.to_owned());
        } else {
            let (from, rest) = line.trim().split_once(' ').expect("an edge");
            let (arrow, to) = rest.rsplit_once(' ').expect("an edge");
            assert!(
                ["-->", "-.->", "-.->|\"one of\"|", "-.->|\"teaches\"|"].contains(&arrow)
                    || arrow.starts_with("-.->|\"one of #"),
                "not a Mermaid line of ours: {line:?}"
            );
            edges.push((from.to_owned(), to.to_owned()));
        }
    }
    assert_eq!(open, 0, "every subgraph ends");
    for (from, to) in &edges {
        assert!(
            nodes.contains(from) && nodes.contains(to),
            "{from} --> {to}"
        );
    }
    (nodes, edges)
}
