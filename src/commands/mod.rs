//! What each command does, printing through one locked, sanitized writer.

mod cache;
mod check;
mod compare;
mod coverage;
mod export;
mod fmt;
mod graph;
mod have;
mod import;
mod import_ctdl;
mod import_esco;
mod new;
mod page;
mod people;
mod plan;
mod plan_output;
mod plans;
mod renewals;
mod roles;
mod saved;
mod schema;
mod show;
mod table;
mod validate;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::catalog::{self, Loaded};
use crate::cli::{CatalogArgs, Command, EXIT_INVALID, EXIT_USAGE, HaveCommand, RolesAction};
use crate::files;
use crate::import::Input;
use crate::text::sanitize_line;

/// Runs a command of the command line (`main` opens the app when there is none).
pub fn run(catalogs: &CatalogArgs, command: &Command) -> color_eyre::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let result = match command {
        Command::Validate {
            strict,
            format,
            max_age,
        } => validate::run(&mut out, catalogs, *strict, *format, *max_age),
        Command::Roles {
            action: Some(RolesAction::ImportEsco(args)),
            ..
        } => import_esco::run(&mut out, catalogs, args),
        Command::Roles {
            action: None,
            format,
        } => roles::run(&mut out, catalogs, *format),
        Command::Coverage { role, format } => {
            coverage::run(&mut out, catalogs, role.as_deref(), *format)
        }
        Command::Show { id } => show::run(&mut out, catalogs, id),
        Command::Graph { role, format } => graph::run(&mut out, catalogs, role.as_deref(), *format),
        Command::Schema => schema::run(&mut out),
        Command::Plan(args) => plan::run(&mut out, catalogs, args),
        Command::Check { file } => check::run(&mut out, catalogs, file),
        Command::Plans { format } => plans::run(&mut out, catalogs, *format),
        Command::People {
            show: Some(crate::cli::PeopleCommand::Show { name }),
            ..
        } => people::show(&mut out, catalogs, name),
        Command::People {
            show: Some(crate::cli::PeopleCommand::Move { plan, person }),
            ..
        } => people::move_plan(&mut out, plan, person),
        Command::People {
            show: None,
            format,
            sort,
        } => people::list(&mut out, catalogs, *format, *sort),
        Command::Compare {
            first,
            second,
            format,
        } => compare::run(&mut out, catalogs, first, second, *format),
        Command::Export(args) => export::run(&mut out, catalogs, args),
        Command::Renewals {
            name,
            months,
            format,
        } => renewals::run(&mut out, catalogs, name.as_deref(), *months, *format),
        Command::Import { file, name, force } => {
            import::run(&mut out, catalogs, file, name.as_deref(), *force)
        }
        Command::ImportCtdl { inputs, output } => import_ctdl::run(&mut out, inputs, output),
        Command::New { what } => new::run(&mut out, catalogs, what),
        Command::Fmt { files, check } => fmt::run(&mut out, files, *check),
        Command::Have {
            what: HaveCommand::Import(args),
        } => have::run(&mut out, catalogs, args),
        Command::Cache { what } => cache::run(&mut out, *what),
    };
    match result {
        Ok(code) => Ok(code),
        // `upskill graph | head` closes the pipe early; that is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        // Standard output cannot take it (`> /dev/full`, a full disk): a message, not a
        // program's error report.
        Err(error) => Ok(failure(&format!("cannot write the output: {error}"))?),
    }
}

/// Says what was wrong with the command line and gives exit code 2.
fn usage(message: &str) -> io::Result<ExitCode> {
    stop(message, EXIT_USAGE)
}

/// Says what failed (not the user's doing: a file that cannot be written) and gives exit
/// code 1.
fn failure(message: &str) -> io::Result<ExitCode> {
    stop(message, EXIT_INVALID)
}

fn stop(message: &str, code: u8) -> io::Result<ExitCode> {
    writeln!(
        io::stderr(),
        "upskill: {}",
        crate::text::sanitize_line(message)
    )?;
    Ok(ExitCode::from(code))
}

/// Loads the catalogs the options name.
pub fn load(args: &CatalogArgs) -> Loaded {
    catalog::cache::load(&args.sources(), args.cache_dir().as_deref())
}

/// Loads the catalogs for a command that needs a valid one: on errors, prints them to
/// stderr and returns the exit code to stop with.
pub fn load_valid(args: &CatalogArgs) -> Result<Loaded, ExitCode> {
    let loaded = load(args);
    if loaded.has_errors() {
        let mut err = io::stderr().lock();
        for problem in loaded.problems.iter().filter(|problem| problem.is_error()) {
            let _ = writeln!(err, "{problem}");
        }
        let _ = writeln!(
            err,
            "{}\nupskill: the catalogs have errors; fix them (see `upskill validate`) and try again",
            loaded.summary()
        );
        return Err(ExitCode::from(EXIT_INVALID));
    }
    Ok(loaded)
}

/// Reads every JSON file the paths name (a folder: its `.json` and `.jsonld` files, at most
/// `limit` bytes each); on a path that is not there or cannot be read, says so, asking for
/// `wanted` (`CTDL JSON-LD files`), and gives the exit code.
fn json_inputs(paths: &[PathBuf], limit: u64, wanted: &str) -> Result<Vec<Input>, ExitCode> {
    let shown = |path: &Path| sanitize_line(&path.display().to_string()).into_owned();
    let found = json_paths(paths, wanted)?;
    let mut failed = false;
    let mut inputs = Vec::new();
    for path in &found {
        match files::read_text(path, limit) {
            Ok(text) => inputs.push(Input {
                name: shown(path),
                text,
            }),
            Err(error) => {
                eprintln!("upskill: {}: cannot be read: {error}", shown(path));
                failed = true;
            }
        }
    }
    if failed {
        return Err(ExitCode::from(EXIT_INVALID));
    }
    Ok(inputs)
}

/// The JSON files the paths name (a folder: its `.json` and `.jsonld` files), without
/// reading them; on a path that is not there, or none found, says so, asking for `wanted`.
fn json_paths(paths: &[PathBuf], wanted: &str) -> Result<Vec<PathBuf>, ExitCode> {
    let shown = |path: &Path| sanitize_line(&path.display().to_string()).into_owned();
    let found: Vec<PathBuf> = files::expand(paths, |path| {
        path.extension()
            .is_some_and(|ext| ext == "json" || ext == "jsonld")
    })
    .into_iter()
    .filter(|path| path.exists())
    .collect();
    let mut failed = false;
    for path in paths.iter().filter(|path| !path.exists()) {
        eprintln!(
            "upskill: {}: no such file or folder; give {wanted} or folders of them",
            shown(path)
        );
        failed = true;
    }
    if failed {
        return Err(ExitCode::from(EXIT_INVALID));
    }
    if found.is_empty() {
        eprintln!(
            "upskill: no .json or .jsonld files found in the paths given; give {wanted} or folders of them"
        );
        return Err(ExitCode::from(EXIT_USAGE));
    }
    Ok(found)
}

/// Text output wraps to the terminal when printing to one, else to 100 columns.
pub fn output_width() -> usize {
    const DEFAULT_WIDTH: usize = 100;
    if !io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    // A pseudo-terminal nobody sized reports 0 columns.
    terminal_size::terminal_size()
        .map(|(width, _)| usize::from(width.0))
        .filter(|&width| width > 0)
        .unwrap_or(DEFAULT_WIDTH)
}
