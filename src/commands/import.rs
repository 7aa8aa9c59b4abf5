//! `upskill import FILE [--name NAME] [--force]`: a plan file from a colleague added to the
//! saved plans. It is read with every error located (exit 1), checked against the catalogs
//! (violations printed, the plan kept as written), and saved under a name that is a name,
//! never a path; an existing plan is only replaced with --force (exit 2 otherwise).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{failure, load_valid, saved, usage};
use crate::cli::{CatalogArgs, EXIT_INVALID, EXIT_USAGE};
use crate::plan::check;
use crate::store::{self, LoadError, PlanName, StoreError};
use crate::text::sanitize_line;

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    file: &Path,
    name: Option<&str>,
    force: bool,
) -> io::Result<ExitCode> {
    let shown = sanitize_line(&file.display().to_string()).into_owned();
    let mut plan = match store::read_plan_file(file, crate::clock::today()) {
        Ok(plan) => plan,
        Err(error) => {
            saved::print_error(&error);
            let code = match error {
                LoadError::Invalid { .. } => EXIT_INVALID,
                _ => EXIT_USAGE,
            };
            return Ok(ExitCode::from(code));
        }
    };
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
    let chosen = name
        .map(str::to_owned)
        .or_else(|| Some(plan.name.clone()).filter(|n| !n.trim().is_empty()))
        .or(stem)
        .unwrap_or_default();
    let chosen = match PlanName::parse(&chosen) {
        Ok(chosen) => chosen,
        Err(error) => return usage(&format!("{error}; choose one with --name")),
    };
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let violations = check(&loaded.catalog, &plan);
    plan.name = chosen.to_string();
    let path = match store.create(&plan, force) {
        Ok(written) => written.path,
        Err(error @ StoreError::Exists { .. }) => return usage(&error.to_string()),
        Err(error) => return failure(&error.to_string()),
    };
    for violation in &violations {
        writeln!(out, "{shown}: {violation}")?;
    }
    let steps = plan.steps.len();
    let saved_to = sanitize_line(&path.display().to_string()).into_owned();
    let name = sanitize_line(&plan.name);
    let noun = if steps == 1 { "step" } else { "steps" };
    match violations.len() {
        0 => writeln!(out, "imported `{name}` ({steps} {noun}) to {saved_to}")?,
        count => writeln!(
            out,
            "imported `{name}` ({steps} {noun}) to {saved_to} as written, with {count} {}: fix them in the app or the file (`upskill check {saved_to}`)",
            if count == 1 {
                "violation"
            } else {
                "violations"
            }
        )?,
    }
    Ok(ExitCode::SUCCESS)
}
