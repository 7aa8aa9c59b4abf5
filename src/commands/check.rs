//! `upskill check PLAN.yaml`: every violation of a plan file, one line each, a summary, and
//! exit 1 when there is any.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::load_valid;
use crate::cli::{CatalogArgs, EXIT_INVALID, EXIT_USAGE};
use crate::plan::check;
use crate::store;
use crate::text::sanitize_line;

pub fn run(out: &mut impl Write, catalogs: &CatalogArgs, path: &Path) -> io::Result<ExitCode> {
    let shown = sanitize_line(&path.display().to_string()).into_owned();
    let mut plan = match store::read_plan_file(path, crate::clock::today()) {
        Ok(plan) => plan,
        Err(error @ store::LoadError::Invalid { .. }) => {
            for line in super::saved::describe(&error) {
                writeln!(out, "{line}")?;
            }
            return Ok(ExitCode::from(EXIT_INVALID));
        }
        Err(error) => {
            super::saved::print_error(&error);
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let person_problems = match person_problems(path, &mut plan) {
        Ok(problems) => problems,
        Err(error) => {
            super::saved::print_error(&error);
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let violations = check(&loaded.catalog, &plan);
    for violation in &violations {
        writeln!(out, "{shown}: {violation}")?;
    }
    for problem in &person_problems {
        writeln!(out, "{shown}: {problem}")?;
    }
    if !person_problems.is_empty() && violations.is_empty() {
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let steps = plan.steps.len();
    let noun = if steps == 1 { "step" } else { "steps" };
    if violations.is_empty() {
        writeln!(out, "{shown}: ok, {steps} {noun}, no violations")?;
        Ok(ExitCode::SUCCESS)
    } else {
        let count = violations.len();
        let what = if count == 1 {
            "violation"
        } else {
            "violations"
        };
        writeln!(out, "{shown}: {steps} {noun}, {count} {what}")?;
        Ok(ExitCode::from(EXIT_INVALID))
    }
}

/// Gives a person's plan their holdings, from the people folder beside the plans folder it
/// is in (else the user's): what differs between the plan file's own `have` and the
/// person's profile, or a person with no profile, is reported.
fn person_problems(
    path: &Path,
    plan: &mut crate::plan::Plan,
) -> Result<Vec<String>, store::LoadError> {
    let Some(person) = plan.person.clone() else {
        return Ok(Vec::new());
    };
    let beside = path
        .parent()
        .filter(|folder| folder.file_name().is_some_and(|name| name == "plans"))
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    let Some(data) = beside.or_else(store::data_dir) else {
        return Ok(Vec::new());
    };
    let people = store::PlanStore::in_data_dir(&data);
    let name = sanitize_line(&person.name).into_owned();
    let exists =
        store::PlanName::parse(&person.name).is_ok_and(|parsed| people.people().exists(&parsed));
    if !exists {
        return Ok(vec![format!(
            "person `{name}` has no profile in {}: the plan's own holdings are used; saving the plan in upskill makes one",
            sanitize_line(&people.people().folder().display().to_string())
        )]);
    }
    people.resolve_person(plan)?;
    let Some(own) = &person.own_have else {
        return Ok(Vec::new());
    };
    let mut problems = Vec::new();
    let differ = |what: &str, own: &[String], theirs: &[String]| {
        let only_plan: Vec<&str> = own
            .iter()
            .filter(|id| !theirs.contains(id))
            .map(String::as_str)
            .collect();
        let only_profile: Vec<&str> = theirs
            .iter()
            .filter(|id| !own.contains(id))
            .map(String::as_str)
            .collect();
        (!only_plan.is_empty() || !only_profile.is_empty()).then(|| {
            let list = |ids: &[&str]| if ids.is_empty() { "none".to_owned() } else { sanitize_line(&ids.join(", ")).into_owned() };
            format!(
                "the plan's own `have` {what} differ from person `{name}`'s profile (only in the plan: {}; only in the profile: {}); the profile's are planned with, so move what is missing there or remove the plan's `have`",
                list(&only_plan),
                list(&only_profile)
            )
        })
    };
    problems.extend(differ(
        "credentials",
        &own.credentials,
        &plan.have.credentials,
    ));
    problems.extend(differ("skills", &own.skills, &plan.have.skills));
    Ok(problems)
}
