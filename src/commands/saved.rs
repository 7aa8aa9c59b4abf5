//! Saved plans as the commands use them: one found by name (a name, never a path), loaded
//! with every error located, and the reasons a file cannot be read worded once for all.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::plan::Plan;
use crate::store::{self, LoadError};
use crate::text::{did_you_mean, sanitize_line};
use crate::yaml;

/// The file of the saved plan `name`, or a usage message: the name is not a plan name, or
/// no plan has it (with the closest saved name).
pub fn find(name: &str) -> Result<PathBuf, String> {
    let path = store::plan_path(name).map_err(|error| error.to_string())?;
    if path.is_file() {
        return Ok(path);
    }
    let saved = store::saved_plans().unwrap_or_default();
    let hint = did_you_mean(name, saved.iter().map(|p| p.name.as_str()));
    Err(format!(
        "no saved plan is named `{}`{hint} (see `upskill plans`)",
        sanitize_line(name)
    ))
}

/// Every saved plan; when the plans folder cannot be read, says why and gives the exit code.
pub fn all() -> Result<Vec<store::SavedPlan>, ExitCode> {
    store::saved_plans().map_err(|error| {
        let _ = super::failure(&error.to_string());
        ExitCode::FAILURE
    })
}

/// `FILE:LINE:COLUMN: error: MESSAGE`, one line an error.
fn error_lines(shown: &str, errors: &[yaml::Error]) -> Vec<String> {
    errors
        .iter()
        .map(|error| {
            format!(
                "{shown}:{}: error: {}",
                error.position,
                sanitize_line(&error.message)
            )
        })
        .collect()
}

/// Loads a saved plan; when it cannot be read, says why on stderr and gives the exit code
/// (1: an invalid plan). Its name is the saved name, whatever the file says.
pub fn load(path: &Path, name: &str, today: jiff::civil::Date) -> Result<Plan, ExitCode> {
    let mut err = io::stderr().lock();
    match store::load_plan(path, today) {
        Ok(mut plan) => {
            name.clone_into(&mut plan.name);
            Ok(plan)
        }
        Err(error) => {
            for line in describe(&error) {
                let _ = writeln!(err, "{line}");
            }
            Err(ExitCode::from(EXIT_INVALID))
        }
    }
}

/// Every line that says why a plan file could not be loaded.
pub fn describe(error: &LoadError) -> Vec<String> {
    match error {
        LoadError::Io { .. } => vec![format!("upskill: {error}")],
        LoadError::Invalid { path, errors } => {
            let mut lines = error_lines(path, errors);
            lines.push(format!("{path}: not a valid plan file"));
            lines
        }
    }
}
