//! `upskill import-ctdl FILE|DIR... -o DIR`: Credential Registry JSON-LD to catalog files.
//! The mapping is `import::ctdl`; this reads the inputs, guards the output folder (only
//! files an earlier import wrote are ever replaced or removed) and writes.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{EXIT_INVALID, EXIT_USAGE};
use crate::files::{self, WriteOptions};
use crate::import::ctdl::{self, MARKER};
use crate::text::plural;
use crate::text::sanitize_line;

/// The largest input file read: a `@graph` document of a big program stays well under it.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(out: &mut impl Write, paths: &[PathBuf], output: &Path) -> io::Result<ExitCode> {
    let shown = |path: &Path| sanitize_line(&path.display().to_string()).into_owned();
    let inputs = match super::json_paths(paths, "CTDL JSON-LD files") {
        Ok(inputs) => inputs,
        Err(code) => return Ok(code),
    };
    let names: Vec<String> = inputs.iter().map(|path| shown(path)).collect();
    let previous = match imported_files(output) {
        Ok(previous) => previous,
        Err(message) => {
            eprintln!("upskill: {}: {message}", shown(output));
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    // Each file is read when it is mapped, twice (see `ctdl::convert_files`), so memory
    // follows the largest file rather than the whole input.
    let mut unreadable = Vec::new();
    let read = |n: usize| {
        files::read_text(&inputs[n], MAX_INPUT_BYTES).map_err(|error| {
            unreadable.push(format!("{}: cannot be read: {error}", names[n]));
            error.to_string()
        })
    };
    let converted = ctdl::convert_files(&names, read, &language());
    if !unreadable.is_empty() {
        for problem in &unreadable {
            eprintln!("upskill: {problem}");
        }
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    for warning in &converted.warnings {
        eprintln!("warning: {}", sanitize_line(warning));
    }
    for (name, text) in &converted.files {
        if let Err(error) = files::write(&output.join(name), text.as_bytes(), WriteOptions::OWN) {
            eprintln!(
                "upskill: {}: cannot be written: {error}",
                shown(&output.join(name))
            );
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    }
    for stale in previous.iter().filter(|path| {
        path.file_name()
            .and_then(|name| name.to_str())
            .is_none_or(|name| !converted.files.contains_key(name))
    }) {
        std::fs::remove_file(stale)?;
    }
    writeln!(
        out,
        "{} from {} into {} in {}: {}",
        plural(converted.credentials, "credential"),
        plural(inputs.len(), "file"),
        plural(converted.files.len(), "provider file"),
        shown(output),
        plural(converted.warnings.len(), "warning")
    )?;
    writeln!(
        out,
        "check them: upskill validate --no-bundled --catalog {}",
        shown(output)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The user's language, from the locale variables in POSIX order of precedence.
pub(super) fn language() -> String {
    crate::import::json::user_language()
}

/// The files in `output` an earlier import wrote; an error when it holds anything else, so
/// nothing a person wrote is replaced.
fn imported_files(output: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(output) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(_) if output.is_file() => {
            return Err("is a file, not a folder; give -o a new or empty folder".into());
        }
        Err(error) => return Err(format!("cannot be read as the output folder: {error}")),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        let ours = path.extension().is_some_and(|ext| ext == "yaml")
            && files::read_text(&path, MAX_INPUT_BYTES)
                .is_ok_and(|text| text.lines().next() == Some(MARKER));
        if !ours {
            return Err(format!(
                "holds `{}`, which an earlier `upskill import-ctdl` did not write; give -o an empty or new folder (only files an import wrote are ever replaced)",
                sanitize_line(&path.file_name().unwrap_or_default().to_string_lossy())
            ));
        }
        found.push(path);
    }
    found.sort();
    Ok(found)
}
