//! `upskill validate [--strict]`: every problem, then a summary line.

use std::io::{self, Write};
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cli::CatalogArgs;

pub fn run(out: &mut impl Write, args: &CatalogArgs, strict: bool) -> io::Result<ExitCode> {
    let loaded = super::load(args);
    for problem in &loaded.problems {
        writeln!(out, "{problem}")?;
    }
    writeln!(out, "{}", loaded.summary())?;
    let tally = loaded.tally();
    let failed = tally.errors > 0 || (strict && tally.warnings > 0);
    Ok(if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    })
}
