use std::process::ExitCode;

use clap::Parser;
use upskill::cli::Cli;

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    upskill::commands::run(&Cli::parse())
}
