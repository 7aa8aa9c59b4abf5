/// mimalloc rather than the system allocator: loading a large catalog makes and frees millions
/// of small strings and lists on several threads, where glibc's malloc spent a quarter of the
/// CPU and kept freed memory (at a million credentials: 23% less CPU, peak 1,651 MB to
/// 1,091-1,118 MB with the streamed load, before reading each file inside it; docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
