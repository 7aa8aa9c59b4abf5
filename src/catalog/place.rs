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
    pub path: Vec<Segment<'static>>,
    pub key: bool,
}

impl Place {
    pub fn value(file: usize, path: Vec<Segment<'static>>) -> Place {
        Place {
            file,
            path,
            key: false,
        }
    }

    pub fn key(file: usize, path: Vec<Segment<'static>>) -> Place {
        Place {
            file,
            path,
            key: true,
        }
    }

    /// This place with more path appended.
    pub fn at(&self, more: &[Segment<'static>]) -> Place {
        let mut path = self.path.clone();
        path.extend_from_slice(more);
        Place {
            file: self.file,
            path,
            key: false,
        }
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
        let text = self.files[place.file].text;
        let tree = self
            .trees
            .entry(place.file)
            .or_insert_with(|| Tree::parse(text));
        if place.key {
            tree.key_at(&place.path)
        } else {
            tree.value_at(&place.path)
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
