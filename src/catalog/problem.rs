//! A problem found while loading: `path:line:column: error|warning: message`.

use std::fmt;
use std::sync::Arc;

use crate::yaml::Position;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file. The file name and message are sanitized when the problem is
/// made, so printing it is always safe.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: Arc<str>,
    pub position: Position,
    pub message: String,
}

impl Problem {
    pub fn new(severity: Severity, file: &Arc<str>, position: Position, message: &str) -> Problem {
        Problem {
            severity,
            file: Arc::clone(file),
            position,
            message: crate::text::sanitize_line(message).into_owned(),
        }
    }

    pub fn error(file: &Arc<str>, position: Position, message: &str) -> Problem {
        Problem::new(Severity::Error, file, position, message)
    }

    pub fn warning(file: &Arc<str>, position: Position, message: &str) -> Problem {
        Problem::new(Severity::Warning, file, position, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What kind of problem this is: its stable code and fix (see [`super::codes`]).
    pub fn kind(&self) -> &'static super::codes::Kind {
        super::codes::of(&self.message)
    }

    /// The closest valid value the message suggests, if any.
    pub fn suggestion(&self) -> Option<&str> {
        super::codes::suggestion(&self.message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.position, self.severity, self.message
        )
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(problems: &[Problem]) -> Tally {
        let errors = problems.iter().filter(|problem| problem.is_error()).count();
        Tally {
            errors,
            warnings: problems.len() - errors,
        }
    }
}
