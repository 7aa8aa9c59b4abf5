//! `upskill fmt PATH... [--check]`: catalog files in canonical key order, comments kept. A
//! folder means the YAML files in it. Each file is rewritten atomically (keeping its
//! permissions and its byte-order mark) only when it changes, and only if it still holds
//! what was read; a file that cannot be formatted safely is left as it is, with the reason.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::catalog::canonical;
use crate::cli::EXIT_INVALID;
use crate::files::{self, WriteOptions};
use crate::text::sanitize_line;
use crate::yaml::MAX_FILE_BYTES;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// What happened to one file.
enum Outcome {
    Already,
    Formatted,
    /// `--check`: it would change.
    OutOfOrder,
    Failed(String),
}

pub fn run(out: &mut impl Write, paths: &[PathBuf], check: bool) -> io::Result<ExitCode> {
    let mut failed = false;
    for path in crate::files::expand(paths, crate::catalog::source::is_yaml) {
        let shown = sanitize_line(&path.display().to_string()).into_owned();
        let outcome = format_file(&path, check);
        let line = match &outcome {
            Outcome::Already => format!("{shown}: already in canonical order"),
            Outcome::Formatted => format!("{shown}: formatted"),
            Outcome::OutOfOrder => format!(
                "{shown}: keys out of canonical order (`upskill fmt {shown}` puts them in order)"
            ),
            Outcome::Failed(why) if check => format!("{shown}: could not be checked: {why}"),
            Outcome::Failed(why) => format!("{shown}: not formatted: {why}"),
        };
        failed |= matches!(outcome, Outcome::OutOfOrder | Outcome::Failed(_));
        writeln!(out, "{}", sanitize_line(&line))?;
    }
    Ok(if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    })
}

fn format_file(path: &Path, check: bool) -> Outcome {
    let bytes = match files::read(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(error) => return Outcome::Failed(error.to_string()),
    };
    let text = match crate::yaml::decode(&bytes) {
        Ok(text) => text,
        Err(error) => return Outcome::Failed(error.message),
    };
    let formatted = match canonical::format(text) {
        Ok(None) => return Outcome::Already,
        Ok(Some(formatted)) => formatted,
        Err(refused) => return Outcome::Failed(refused.to_string()),
    };
    if check {
        return Outcome::OutOfOrder;
    }
    // An editor may have saved the file since it was read: that text is not ours to replace.
    if files::read(path, MAX_FILE_BYTES).ok().as_deref() != Some(bytes.as_slice()) {
        return Outcome::Failed(
            "it changed while it was being formatted; run fmt again".to_owned(),
        );
    }
    let mut written = Vec::with_capacity(formatted.len() + BOM.len());
    if bytes.starts_with(BOM) {
        written.extend_from_slice(BOM);
    }
    written.extend_from_slice(formatted.as_bytes());
    let options = WriteOptions {
        replace: true,
        create_folder: false,
        into_special: false,
    };
    match files::write(path, &written, options) {
        Ok(()) => Outcome::Formatted,
        Err(error) => Outcome::Failed(error.to_string()),
    }
}
