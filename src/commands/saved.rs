//! Saved plans as the commands use them: the store, a plan found by name (a name, never a
//! path, with the closest saved name when none has it), and load errors printed one way.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::EXIT_INVALID;
use crate::plan::Plan;
use crate::store::{Entry, LoadError, PlanName, PlanStore};
use crate::text::{did_you_mean, sanitize_line};

/// The user's plan store; when there is none, says why and gives the exit code.
pub fn store() -> Result<PlanStore, ExitCode> {
    PlanStore::standard().map_err(|error| {
        let _ = super::failure(&error.to_string());
        ExitCode::from(EXIT_INVALID)
    })
}

/// The saved plan `name`, or a usage message: the name is not a plan name, or no plan has
/// it (with the closest saved name).
pub fn find(store: &PlanStore, name: &str) -> Result<PlanName, String> {
    let name = PlanName::parse(name).map_err(|error| error.to_string())?;
    if store.exists(&name) {
        return Ok(name);
    }
    let saved = store.entries().unwrap_or_default();
    let hint = did_you_mean(name.as_str(), saved.iter().map(|entry| entry.stem.as_str()));
    Err(format!(
        "no saved plan is named `{}`{hint} (see `upskill plans`)",
        sanitize_line(name.as_str())
    ))
}

/// Every saved plan file; when the plans folder cannot be read, says why and gives the exit
/// code.
pub fn entries(store: &PlanStore) -> Result<Vec<Entry>, ExitCode> {
    store.entries().map_err(|error| {
        let _ = super::failure(&format!(
            "cannot read {}: {error}",
            store.folder().display()
        ));
        ExitCode::from(EXIT_INVALID)
    })
}

/// Loads a saved plan (named after its file); when it cannot be read, says why on stderr
/// and gives the exit code (1: an invalid plan). A different `name:` inside is mentioned.
pub fn load(store: &PlanStore, entry: &Entry, today: jiff::civil::Date) -> Result<Plan, ExitCode> {
    match store.load_entry(entry, today) {
        Ok(opened) => {
            if let Some(note) = opened.name_note() {
                let _ = writeln!(io::stderr(), "upskill: {note}");
            }
            Ok(opened.plan)
        }
        Err(error) => {
            print_error(&error);
            Err(ExitCode::from(EXIT_INVALID))
        }
    }
}

/// The entry of a plan found by [`find`].
pub fn entry(store: &PlanStore, name: &PlanName) -> Entry {
    Entry {
        stem: name.to_string(),
        path: store.path(name),
    }
}

/// Says on stderr why a plan file could not be read.
pub fn print_error(error: &LoadError) {
    let mut err = io::stderr().lock();
    for line in describe(error) {
        let _ = writeln!(err, "{line}");
    }
}

/// Every line that says why a plan file could not be read: located errors as
/// `FILE:LINE:COLUMN: error: MESSAGE`, anything else as an `upskill:` line.
pub fn describe(error: &LoadError) -> Vec<String> {
    let located = matches!(error, LoadError::Invalid { .. });
    error
        .lines()
        .into_iter()
        .map(|line| {
            if located {
                line
            } else {
                format!("upskill: {line}")
            }
        })
        .collect()
}
