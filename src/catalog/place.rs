//! Where a semantic problem is: a file and a structural path in it, turned into a line and
//! column only when the problem is reported (most files have none, and are never re-read).

use std::collections::HashMap;
use std::sync::Arc;

use super::problem::{Problem, Severity};
use crate::yaml::{Position, Segment, Tree};

/// A file's name and text, as the merge step sees it.
pub struct FileText<'a> {
    pub name: Arc<str>,
    pub text: &'a str,
}

/// A node in a file: its value, or its key (for an unknown or misplaced field).
#[derive(Debug, Clone)]
pub struct Place {
    pub file: usize,
    pub path: Path,
    pub key: bool,
}

impl Place {
    pub fn value(file: usize, path: &[Segment<'static>]) -> Place {
        Place {
            file,
            path: Path::EMPTY.join(path),
            key: false,
        }
    }

    pub fn key(file: usize, path: &[Segment<'static>]) -> Place {
        Place {
            file,
            path: Path::EMPTY.join(path),
            key: true,
        }
    }

    /// This place with more path appended.
    pub fn at(&self, more: &[Segment<'static>]) -> Place {
        Place {
            file: self.file,
            path: self.path.join(more),
            key: false,
        }
    }
}

/// The deepest path kept: `roles[n].requires[n].any[n].all[n]` is eight segments. Groups
/// nest as deep as an author likes, so a deeper place is kept as its ancestor at this depth
/// (the message still says what is wrong; the position is the enclosing group's).
const MAX_PATH: usize = 8;

/// A structural path kept inline: a place is made for every item and field checked, and
/// almost none is ever reported, so making one must not allocate.
#[derive(Debug, Clone, Copy)]
pub struct Path {
    segments: [Segment<'static>; MAX_PATH],
    len: usize,
}

impl Path {
    const EMPTY: Path = Path {
        segments: [Segment::Index(0); MAX_PATH],
        len: 0,
    };

    fn join(mut self, more: &[Segment<'static>]) -> Path {
        let kept = more.len().min(MAX_PATH - self.len);
        let end = self.len + kept;
        self.segments[self.len..end].copy_from_slice(&more[..kept]);
        self.len = end;
        self
    }

    pub fn as_slice(&self) -> &[Segment<'static>] {
        &self.segments[..self.len]
    }
}

/// A problem waiting for its position; `also` names a second place (the first definition
/// of a duplicate, the other currency).
pub struct Pending {
    pub severity: Severity,
    pub place: Place,
    pub message: String,
    pub also: Option<Place>,
}

/// Locates pending problems, parsing each file's position tree at most once.
pub struct Locator<'a> {
    files: &'a [FileText<'a>],
    trees: HashMap<usize, Tree>,
}

impl<'a> Locator<'a> {
    pub fn new(files: &'a [FileText<'a>]) -> Self {
        Locator {
            files,
            trees: HashMap::new(),
        }
    }

    pub fn position(&mut self, place: &Place) -> Position {
        // The key of the whole document is the file itself: its start.
        if place.key && place.path.as_slice().is_empty() {
            return Position::START;
        }
        let text = self.files[place.file].text;
        let tree = self
            .trees
            .entry(place.file)
            .or_insert_with(|| Tree::parse(text));
        if place.key {
            tree.key_at(place.path.as_slice())
        } else {
            tree.value_at(place.path.as_slice())
        }
    }

    pub fn describe(&mut self, place: &Place) -> String {
        format!("{}:{}", self.files[place.file].name, self.position(place))
    }

    pub fn resolve(&mut self, pending: Pending) -> Problem {
        let position = self.position(&pending.place);
        let message = match &pending.also {
            Some(other) => pending.message.replace("{also}", &self.describe(other)),
            None => pending.message,
        };
        Problem::new(
            pending.severity,
            &self.files[pending.place.file].name,
            position,
            &message,
        )
    }
}
