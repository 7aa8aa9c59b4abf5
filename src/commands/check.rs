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
    let plan = match store::read_plan_file(path, crate::clock::today()) {
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
    let violations = check(&loaded.catalog, &plan);
    for violation in &violations {
        writeln!(out, "{shown}: {violation}")?;
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
