//! `upskill fmt FILE... [--check]`: catalog files in canonical key order, comments kept.
//! Each file is rewritten atomically (keeping its permissions) only when it changes, and
//! only if it still holds what was read; a file that cannot be formatted safely is left as
//! it is, with the reason.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::catalog::canonical::{self, Refused};
use crate::files::{self, WriteOptions};
use crate::text::sanitize_line;
use crate::yaml::MAX_FILE_BYTES;

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
    for path in paths {
        let shown = sanitize_line(&path.display().to_string()).into_owned();
        let outcome = format_file(path, check);
        let line = match &outcome {
            Outcome::Already => format!("{shown}: already in canonical order"),
            Outcome::Formatted => format!("{shown}: formatted"),
            Outcome::OutOfOrder => {
                format!(
                    "{shown}: keys out of canonical order (`upskill fmt {shown}` puts them in order)"
                )
            }
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
    let text = match files::read_text(path, MAX_FILE_BYTES) {
        Ok(text) => text,
        Err(error) => return Outcome::Failed(error.to_string()),
    };
    let formatted = match canonical::format(&text) {
        Ok(None) => return Outcome::Already,
        Ok(Some(formatted)) => formatted,
        Err(refused @ (Refused::Invalid(_) | Refused::Unsafe)) => {
            return Outcome::Failed(refused.to_string());
        }
    };
    if check {
        return Outcome::OutOfOrder;
    }
    // An editor may have saved the file since it was read: that text is not ours to replace.
    if files::read_text(path, MAX_FILE_BYTES).ok().as_deref() != Some(text.as_str()) {
        return Outcome::Failed(
            "it changed while it was being formatted; run fmt again".to_owned(),
        );
    }
    let options = WriteOptions {
        replace: true,
        create_folder: false,
        into_special: false,
    };
    match files::write(path, formatted.as_bytes(), options) {
        Ok(()) => Outcome::Formatted,
        Err(error) => Outcome::Failed(error.to_string()),
    }
}
