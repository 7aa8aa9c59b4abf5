//! A located node tree: the line and column of every node, found by a second pass over the
//! parser's events. `serde_yaml` reports positions only for its own errors; problems found
//! after deserializing (a dangling reference, a duplicate id) are located by walking the
//! same structural path here, never by searching the text.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

/// One step of a path into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// A 1-based line and column, as editors count them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// This position, or `end` when it is on a line past `end`'s.
    #[must_use]
    pub fn clamped(self, end: Position) -> Position {
        if self.line > end.line { end } else { self }
    }

    fn from_marker(marker: Marker) -> Self {
        // yaml-rust2 counts lines from 1 and columns from 0.
        Position {
            line: marker.line().max(1),
            column: marker.col() + 1,
        }
    }
}

/// The document's nodes with their positions.
#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<Node>,
}

#[derive(Debug)]
struct Node {
    position: Position,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Scalar(Box<str>),
    Sequence(Vec<usize>),
    Mapping(Vec<(usize, usize)>),
    Alias(usize),
    /// An alias whose anchor is unknown or not yet closed; `serde_yaml` refuses these.
    Dangling,
}

enum Open {
    Sequence {
        node: usize,
        items: Vec<usize>,
        anchor: usize,
    },
    Mapping {
        node: usize,
        entries: Vec<(usize, usize)>,
        key: Option<usize>,
        anchor: usize,
    },
}

impl Tree {
    /// Parses the first document of `text`. On a syntax error the nodes read so far are
    /// kept, which is still enough to locate anything before the error.
    pub fn parse(text: &str) -> Tree {
        let mut tree = Tree::default();
        let mut parser = Parser::new_from_str(text);
        let mut open: Vec<Open> = Vec::new();
        let mut anchors: HashMap<usize, usize> = HashMap::new();
        while let Ok((event, marker)) = parser.next_token() {
            let position = Position::from_marker(marker);
            let done = match event {
                Event::Scalar(value, _, anchor, _) => {
                    let node = tree.push(position, Kind::Scalar(value.into_boxed_str()));
                    if anchor != 0 {
                        anchors.insert(anchor, node);
                    }
                    Some(node)
                }
                Event::Alias(anchor) => {
                    let kind = anchors
                        .get(&anchor)
                        .map_or(Kind::Dangling, |&node| Kind::Alias(node));
                    Some(tree.push(position, kind))
                }
                Event::SequenceStart(anchor, _) => {
                    let node = tree.push(position, Kind::Sequence(Vec::new()));
                    open.push(Open::Sequence {
                        node,
                        items: Vec::new(),
                        anchor,
                    });
                    None
                }
                Event::MappingStart(anchor, _) => {
                    let node = tree.push(position, Kind::Mapping(Vec::new()));
                    open.push(Open::Mapping {
                        node,
                        entries: Vec::new(),
                        key: None,
                        anchor,
                    });
                    None
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    open.pop().map(|closed| tree.close(closed, &mut anchors))
                }
                Event::DocumentEnd | Event::StreamEnd => break,
                Event::Nothing | Event::StreamStart | Event::DocumentStart => None,
            };
            if let Some(node) = done {
                Tree::attach(&mut open, node);
            }
        }
        // An empty value at the very end of a file is reported past its last line.
        let end = super::end_of(text);
        for node in &mut tree.nodes {
            node.position = node.position.clamped(end);
        }
        tree
    }

    fn push(&mut self, position: Position, kind: Kind) -> usize {
        self.nodes.push(Node { position, kind });
        self.nodes.len() - 1
    }

    fn close(&mut self, closed: Open, anchors: &mut HashMap<usize, usize>) -> usize {
        let (node, anchor) = match closed {
            Open::Sequence {
                node,
                items,
                anchor,
            } => {
                self.nodes[node].kind = Kind::Sequence(items);
                (node, anchor)
            }
            Open::Mapping {
                node,
                entries,
                anchor,
                ..
            } => {
                // A block mapping's start event is reported late; its first key is where a
                // reader sees it begin.
                if let Some(&(first_key, _)) = entries.first() {
                    let key_position = self.nodes[first_key].position;
                    self.nodes[node].position = self.nodes[node].position.min(key_position);
                }
                self.nodes[node].kind = Kind::Mapping(entries);
                (node, anchor)
            }
        };
        if anchor != 0 {
            anchors.insert(anchor, node);
        }
        node
    }

    fn attach(open: &mut [Open], node: usize) {
        match open.last_mut() {
            Some(Open::Sequence { items, .. }) => items.push(node),
            Some(Open::Mapping { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
            None => {}
        }
    }

    /// The position of the value at `path`, or of the deepest node on the way to it that
    /// exists (a missing field is reported where its mapping is).
    pub fn value_at(&self, path: &[Segment<'_>]) -> Position {
        self.walk(path).1
    }

    /// The position of the last key of `path` itself (for an unknown or duplicate field),
    /// falling back like [`Tree::value_at`].
    pub fn key_at(&self, path: &[Segment<'_>]) -> Position {
        let Some((Segment::Key(key), parent)) = path.split_last() else {
            return self.value_at(path);
        };
        let (node, position) = self.walk(parent);
        node.and_then(|node| self.entry(node, key))
            .map_or(position, |(key_node, _)| self.nodes[key_node].position)
    }

    /// Follows `path` as far as it goes: the node reached (if the whole path resolved) and
    /// the position of the deepest node found.
    fn walk(&self, path: &[Segment<'_>]) -> (Option<usize>, Position) {
        let Some(mut node) = (!self.nodes.is_empty()).then_some(0) else {
            return (None, Position::START);
        };
        for segment in path {
            let resolved = self.resolve(node);
            let next = match (segment, &self.nodes[resolved].kind) {
                (Segment::Index(i), Kind::Sequence(items)) => items.get(*i).copied(),
                (Segment::Key(key), Kind::Mapping(_)) => {
                    self.entry(resolved, key).map(|(_, value)| value)
                }
                _ => None,
            };
            match next {
                Some(child) => node = child,
                None => return (None, self.nodes[node].position),
            }
        }
        (Some(node), self.nodes[node].position)
    }

    fn resolve(&self, mut node: usize) -> usize {
        // Anchors are recorded only once their node is closed, so aliases never loop; the
        // bound is a second guard.
        for _ in 0..self.nodes.len() {
            match self.nodes[node].kind {
                Kind::Alias(target) => node = target,
                _ => break,
            }
        }
        node
    }

    fn entry(&self, mapping: usize, key: &str) -> Option<(usize, usize)> {
        let Kind::Mapping(entries) = &self.nodes[self.resolve(mapping)].kind else {
            return None;
        };
        entries
            .iter()
            .find(|(k, _)| matches!(&self.nodes[self.resolve(*k)].kind, Kind::Scalar(s) if &**s == key))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::{Index, Key};

    const DOC: &str = "\
provider:
  id: comptia
credentials:
  - id: a-plus
    requires: [x, {any: [y, {skill: é}]}]
  - {id: \"net\", hours: 3}
";

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn values_in_block_and_flow_style_are_located() {
        let tree = Tree::parse(DOC);
        assert_eq!(tree.value_at(&[Key("provider"), Key("id")]), at(2, 7));
        assert_eq!(
            tree.value_at(&[Key("credentials"), Index(0), Key("id")]),
            at(4, 9)
        );
        assert_eq!(
            tree.value_at(&[
                Key("credentials"),
                Index(0),
                Key("requires"),
                Index(1),
                Key("any"),
                Index(0)
            ]),
            at(5, 26)
        );
        assert_eq!(
            tree.value_at(&[Key("credentials"), Index(1), Key("hours")]),
            at(6, 24)
        );
    }

    #[test]
    fn keys_are_located_separately_from_values() {
        let tree = Tree::parse(DOC);
        assert_eq!(
            tree.key_at(&[Key("credentials"), Index(1), Key("hours")]),
            at(6, 17)
        );
    }

    #[test]
    fn a_block_mapping_starts_at_its_first_key() {
        let tree = Tree::parse(DOC);
        assert_eq!(tree.value_at(&[Key("credentials"), Index(0)]), at(4, 5));
    }

    #[test]
    fn a_missing_step_falls_back_to_the_deepest_node_found() {
        let tree = Tree::parse(DOC);
        assert_eq!(
            tree.value_at(&[Key("credentials"), Index(0), Key("nope")]),
            at(4, 5)
        );
        assert_eq!(tree.value_at(&[Key("credentials"), Index(9)]), at(4, 3));
    }

    #[test]
    fn paths_follow_aliases_to_their_anchors() {
        let tree = Tree::parse("base: &b {id: x}\nuse: *b\n");
        assert_eq!(tree.value_at(&[Key("use"), Key("id")]), at(1, 15));
    }

    #[test]
    fn crlf_line_ends_count_like_lf() {
        let tree = Tree::parse("a: 1\r\nb:\r\n  c: 2\r\n");
        assert_eq!(tree.value_at(&[Key("b"), Key("c")]), at(3, 6));
    }
}
