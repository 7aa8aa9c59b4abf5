//! `upskill export NAME [--format F] [-o FILE]`: a saved plan rendered for a client, a
//! spreadsheet, a calendar or a printout, to standard output or atomically to a file.

use std::io::{self, Write};
use std::process::ExitCode;

use super::{failure, load_valid, saved, usage};
use crate::cli::{CatalogArgs, ExportArgs};
use crate::export::{self, ExportFormat, Report};
use crate::files::{self, WriteOptions};
use crate::text::sanitize_line;

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    args: &ExportArgs,
) -> io::Result<ExitCode> {
    let format = match format(args) {
        Ok(format) => format,
        Err(message) => return usage(&message),
    };
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let name = match saved::find(&store, &args.name) {
        Ok(name) => name,
        Err(message) => return usage(&message),
    };
    let now = crate::clock::now();
    let plan = match saved::load(&store, &saved::entry(&store, &name), now.date()) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let text = export::render(&Report::build(&loaded.catalog, &plan, &now), format);
    // `-o /dev/stdout` (or the very file stdout goes to) is written through stdout itself, so
    // the shell's redirection holds: `>> log.md` appends, and no file is replaced under it.
    let Some(output) = args.output.as_ref().filter(|path| !files::is_stdout(path)) else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = sanitize_line(&output.display().to_string()).into_owned();
    match files::write(output, text.as_bytes(), WriteOptions::OUTPUT) {
        Ok(()) => {
            writeln!(
                io::stderr(),
                "wrote the plan `{}` as {} to {shown}",
                sanitize_line(name.as_str()),
                format.as_str()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => failure(&format!("cannot write {shown}: {error}")),
    }
}

/// `--format`, else the `-o` file's extension, else Markdown. An extension that names no
/// format is a mistake to point out, not a reason to write Markdown into `plan.pdf`.
fn format(args: &ExportArgs) -> Result<ExportFormat, String> {
    if let Some(format) = args.format {
        return Ok(format.into());
    }
    let Some(extension) = args.output.as_ref().and_then(|output| output.extension()) else {
        return Ok(ExportFormat::Markdown);
    };
    let extension = extension.to_string_lossy();
    ExportFormat::from_extension(&extension).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        let extensions: Vec<String> = ExportFormat::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect();
        format!(
            "`.{}` is not a format upskill writes; the formats are {} (--format {}), chosen by --format or by the file's extension ({})",
            sanitize_line(&extension),
            names.join(", "),
            names.join("|"),
            extensions.join(", ")
        )
    })
}
