//! `upskill import-ctdl FILE|DIR... -o DIR`: Credential Registry JSON-LD to catalog files.
//! The mapping is `import::ctdl`; this reads the inputs, guards the output folder (only
//! files an earlier import wrote are ever replaced or removed) and writes.

use std::collections::HashSet;
use std::io::{self, Read as _, Write};
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
    // Each file is read when it is mapped, twice (see `ctdl::convert_files`), and each
    // mapped entry waits in a scratch file in the output folder, so memory follows the
    // largest file rather than the whole input or output.
    let made_folder = !output.exists();
    let mut spill = ctdl::Spill::new(output);
    let mut unreadable = Vec::new();
    let read = |n: usize| {
        files::read_text(&inputs[n], MAX_INPUT_BYTES).map_err(|error| {
            unreadable.push(format!("{}: cannot be read: {error}", names[n]));
            error.to_string()
        })
    };
    let converted = ctdl::convert_files(&names, read, &language(), &mut spill);
    let give_up = |problems: &[String]| {
        for problem in problems {
            eprintln!("upskill: {problem}");
        }
        // Nothing was written: a folder this import made for its scratch file goes too.
        if made_folder {
            let _ = std::fs::remove_dir(output);
        }
        Ok(ExitCode::from(EXIT_INVALID))
    };
    let converted = match converted {
        Ok(converted) => converted,
        Err(error) => {
            return give_up(&[format!(
                "{}: cannot write the import's scratch file: {error}",
                shown(output)
            )]);
        }
    };
    if !unreadable.is_empty() {
        return give_up(&unreadable);
    }
    for warning in &converted.warnings {
        eprintln!("warning: {}", sanitize_line(warning));
    }
    // Every file is written in full before any is put in place: a failure midway leaves
    // the folder as it was, and the written ones are removed.
    let mut staged = Vec::with_capacity(converted.files.len());
    for file in &converted.files {
        let path = output.join(&file.name);
        match files::stage(&path, WriteOptions::OWN, |out| file.write(&mut spill, out)) {
            Ok(file) => staged.push(file),
            Err(error) => {
                drop(staged);
                return give_up(&[format!("{}: cannot be written: {error}", shown(&path))]);
            }
        }
    }
    drop(spill);
    for (file, written) in converted.files.iter().zip(staged) {
        if let Err(error) = written.commit() {
            let path = output.join(&file.name);
            eprintln!("upskill: {}: cannot be written: {error}", shown(&path));
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    }
    let written: HashSet<&str> = converted
        .files
        .iter()
        .map(|file| file.name.as_str())
        .collect();
    for stale in previous.iter().filter(|path| {
        path.file_name()
            .and_then(|name| name.to_str())
            .is_none_or(|name| !written.contains(name))
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

/// Whether the file's first line is the importer's [`MARKER`]: only that line is read, as
/// an imported file may be larger than any input.
fn starts_with_marker(path: &Path) -> bool {
    // Only the first line is read, so the file's size does not matter.
    let Ok(stream) = files::open(path, u64::MAX / 2) else {
        return false;
    };
    let mut start = Vec::new();
    if stream
        .take(MARKER.len() as u64 + 2)
        .read_to_end(&mut start)
        .is_err()
    {
        return false;
    }
    let line = start
        .split(|&byte| byte == b'\n')
        .next()
        .unwrap_or_default();
    line.strip_suffix(b"\r").unwrap_or(line) == MARKER.as_bytes()
}

/// A file the atomic writer was filling when an earlier import was killed (a regular file,
/// `.upskill-*.tmp`): nobody's work, removed like a file the import no longer gives.
fn is_leftover(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.starts_with(".upskill-")
        && name.ends_with(".tmp")
        && std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file())
}

/// The files in `output` an earlier import wrote (or left half-written when it was killed);
/// an error when it holds anything else, so nothing a person wrote is replaced.
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
        let ours = path.extension().is_some_and(|ext| ext == "yaml") && starts_with_marker(&path)
            || is_leftover(&path);
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
