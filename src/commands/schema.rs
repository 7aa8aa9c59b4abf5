//! `upskill schema`: the JSON Schema of the catalog format.

use std::io::{self, Write};
use std::process::ExitCode;

pub fn run(out: &mut impl Write) -> io::Result<ExitCode> {
    out.write_all(crate::catalog::format::schema_json().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
