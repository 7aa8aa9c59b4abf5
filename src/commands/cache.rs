//! `upskill cache [clear]`: where the validated catalog cache is and its size, or remove it.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::catalog::cache;
use crate::cli::CacheWhat;
use crate::files::bytes;
use crate::text::thousands;

pub fn run(out: &mut impl Write, what: Option<CacheWhat>) -> io::Result<ExitCode> {
    let Some(dir) = crate::store::cache_dir() else {
        return super::failure("no cache folder for upskill could be found (is $HOME set?)");
    };
    let shown = crate::text::sanitize_line(&dir.display().to_string()).into_owned();
    let present = cache::present(&dir);
    let size: u64 = present.iter().map(|(_, size)| size).sum();
    let parsed = cache::parsed::present(&dir);
    match what {
        None if present.is_empty() => {
            writeln!(out, "the catalog cache is in {shown}: empty")?;
        }
        None => {
            let files = if present.len() == 1 { "file" } else { "files" };
            write!(
                out,
                "the catalog cache is in {shown}: {} in {} {files}",
                bytes(size),
                thousands(present.len())
            )?;
            if parsed.is_empty() {
                writeln!(out)?;
            } else {
                let parsed_size: u64 = parsed.iter().map(|(_, size)| size).sum();
                writeln!(
                    out,
                    ", of which the parsed catalog files: {} in {}",
                    bytes(parsed_size),
                    thousands(parsed.len())
                )?;
            }
        }
        Some(CacheWhat::Clear) => {
            for (path, _) in &present {
                if let Err(error) = std::fs::remove_file(path) {
                    let path = crate::text::sanitize_line(&path.display().to_string()).into_owned();
                    return super::failure(&format!("cannot remove {path}: {error}"));
                }
            }
            if let Err((path, error)) = cache::parsed::clear(&dir) {
                let path = crate::text::sanitize_line(&path.display().to_string()).into_owned();
                return super::failure(&format!("cannot remove {path}: {error}"));
            }
            if present.is_empty() {
                writeln!(out, "the catalog cache in {shown} is already empty")?;
            } else {
                writeln!(
                    out,
                    "removed the catalog cache from {shown} ({})",
                    bytes(size)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
