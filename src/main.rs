use std::process::ExitCode;

use clap::Parser;
use upskill::cli::Cli;

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    match &cli.command {
        // No command opens the app; the commands never call into it.
        None => upskill::tui::run(&cli.catalogs),
        Some(command) => upskill::commands::run(&cli.catalogs, command),
    }
}
