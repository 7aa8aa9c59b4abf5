//! What reading and parsing one catalog file gives, and how the merge takes it.

use std::sync::Arc;

use super::format::CatalogFile;
use super::{Problem, SourceFile, merge, recover};
use crate::yaml::{self, Position};

/// What file `i` gave, as the merge takes it; its problems so far are added to `problems`,
/// and a file that does not parse but shows what it declares is added to `merging` as broken.
pub(super) fn take_outcome(
    (i, file): (usize, &SourceFile),
    outcome: Outcome,
    problems: &mut Vec<(usize, Problem)>,
    merging: &mut merge::Merging,
) -> Option<merge::Input> {
    let (spec, dropped_ids, repaired) = match outcome {
        Outcome::Parsed(spec) => (spec, Vec::new(), Vec::new()),
        Outcome::Blank => {
            problems.push((
                i,
                Problem::warning(
                    &file.name,
                    Position::START,
                    "the file is empty: nothing to load",
                ),
            ));
            return None;
        }
        Outcome::Failed(failure) => {
            let errors = (failure.errors.iter()).map(|error| {
                (
                    i,
                    Problem::error(&file.name, error.position, &error.message),
                )
            });
            problems.extend(errors);
            if failure.partial.is_none()
                && let Some(declared) = recover::declared(text_of(file))
            {
                merging.add_broken(merge::Broken {
                    file: i,
                    name: Arc::clone(&file.name),
                    declared,
                });
            }
            (failure.partial?, failure.dropped_ids, failure.repaired)
        }
    };
    Some(merge::Input {
        name: Arc::clone(&file.name),
        spec,
        dropped_ids,
        repaired,
    })
}

/// A file's text as loading reads it: empty when it could not be read or is not UTF-8.
pub(super) fn text_of(file: &SourceFile) -> &str {
    file.content
        .as_ref()
        .ok()
        .and_then(|bytes| yaml::decode(bytes.as_slice()).ok())
        .unwrap_or("")
}

/// What reading one file gave.
pub(super) enum Outcome {
    Parsed(CatalogFile),
    /// Nothing but comments and blank lines.
    Blank,
    Failed(yaml::Failure<CatalogFile>),
}

impl Outcome {
    /// What the merge is given of the file, if anything.
    pub(super) fn spec(&self) -> Option<&CatalogFile> {
        match self {
            Outcome::Parsed(spec) => Some(spec),
            Outcome::Blank => None,
            Outcome::Failed(failure) => failure.partial.as_ref(),
        }
    }
}

/// The file's text (empty when unreadable or not UTF-8) and what parsing it gave.
pub(super) fn parse_file(file: &SourceFile) -> (&str, Outcome) {
    let failed = |error: yaml::Error| {
        Outcome::Failed(yaml::Failure {
            errors: vec![error],
            partial: None,
            dropped_ids: Vec::new(),
            repaired: Vec::new(),
        })
    };
    let bytes = match &file.content {
        Ok(bytes) => bytes.as_slice(),
        Err(reason) => {
            return (
                "",
                failed(yaml::Error {
                    position: Position::START,
                    message: reason.clone(),
                }),
            );
        }
    };
    let text = match yaml::decode(bytes) {
        Ok(text) => text,
        Err(error) => return ("", failed(error)),
    };
    if yaml::is_blank(text) {
        return (text, Outcome::Blank);
    }
    match yaml::from_str::<CatalogFile>(text) {
        Ok(spec) => (text, Outcome::Parsed(spec)),
        Err(failure) => (text, Outcome::Failed(failure)),
    }
}
