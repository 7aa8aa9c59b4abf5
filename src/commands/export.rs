//! `upskill export NAME [--format F] [-o FILE]`: a saved plan rendered for a client, a
//! spreadsheet, a calendar or a printout, to standard output or atomically to a file.

use std::io::{self, Write};
use std::process::ExitCode;

use super::{failure, load_valid, saved, usage};
use crate::cli::{CatalogArgs, ExportArgs};
use crate::export::{self, ExportFormat, Report};
use crate::store;
use crate::text::sanitize_line;

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    args: &ExportArgs,
) -> io::Result<ExitCode> {
    let path = match saved::find(&args.name) {
        Ok(path) => path,
        Err(message) => return usage(&message),
    };
    let now = super::now();
    let plan = match saved::load(&path, &args.name, now.date()) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let format = args
        .format
        .or_else(|| {
            let extension = args.output.as_ref()?.extension()?.to_str()?;
            ExportFormat::from_extension(extension)
        })
        .unwrap_or(ExportFormat::Markdown);
    let text = export::render(&Report::build(&loaded.catalog, &plan, &now), format);
    let Some(output) = &args.output else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = sanitize_line(&output.display().to_string()).into_owned();
    match store::write_file(output, text.as_bytes()) {
        Ok(()) => {
            writeln!(
                io::stderr(),
                "wrote the plan `{}` as {} to {shown}",
                sanitize_line(&args.name),
                format.as_str()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => failure(&error.to_string()),
    }
}
