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
    if let Some(format) = other_format(file) {
        return usage(&format!(
            "{shown} is {format}, which `upskill import` does not read: on the machine it came from, run `upskill export NAME --format yaml -o NAME.yaml` and import that file"
        ));
    }
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
    if store.exists(&chosen) && !force {
        return usage(
            &StoreError::Exists {
                name: chosen.to_string(),
                path: sanitize_line(&store.path(&chosen).display().to_string()).into_owned(),
            }
            .to_string(),
        );
    }
    // The holdings written in the file become a person's here: the one the file names (or
    // one named after the plan), made if needed, joined when they hold the same.
    let person_name = plan
        .person
        .as_ref()
        .and_then(|person| PlanName::parse(&person.name).ok())
        .unwrap_or_else(|| chosen.clone());
    if let Some(own) = plan
        .person
        .as_ref()
        .and_then(|person| person.own_have.clone())
    {
        plan.have = own;
    }
    let person = match store.adopt_person(&person_name, &plan) {
        Ok((profile, _)) => profile,
        Err(error) => return failure(&error.to_string()),
    };
    store::join(&mut plan, &person);
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
    if person.name != person_name.as_str() {
        writeln!(
            out,
            "a person named `{}` holds something else here, so the plan is for `{}`",
            sanitize_line(person_name.as_str()),
            sanitize_line(&person.name)
        )?;
    }
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

/// What a file that is not a plan file is, when it can be told from its first bytes: one
/// of upskill's other exports, most often.
fn other_format(file: &Path) -> Option<&'static str> {
    let bytes = crate::files::read(file, crate::yaml::MAX_FILE_BYTES).ok()?;
    // A JSON object is YAML too, and may be a plan file written by hand: only a report
    // (with fields no plan file has) is refused.
    if let Ok(serde_json::Value::Object(object)) = serde_json::from_slice(&bytes)
        && (object.contains_key("total_cost") || object.contains_key("today"))
    {
        return Some("upskill's JSON export: a report of the plan, not the plan itself");
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).into_owned();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("BEGIN:VCALENDAR") {
        Some("a calendar (an iCalendar export)")
    } else if start.starts_with("<!DOCTYPE") || start.starts_with("<html") {
        Some("an HTML page")
    } else {
        None
    }
}
