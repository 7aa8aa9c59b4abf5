//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "upskill",
    version,
    about = "Plan lifelong upskilling: find the cheapest valid path of micro-credentials to a role",
    after_help = "Examples:\n  upskill validate --catalog my-catalogs/    check catalog files you are writing\n  upskill validate --strict                 fail on warnings too"
)]
pub struct Cli {
    #[command(flatten)]
    pub catalogs: CatalogArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where catalogs come from; accepted by every command.
#[derive(Debug, Clone, Args)]
pub struct CatalogArgs {
    /// Also load this catalog file or folder (searched recursively); repeatable
    #[arg(long = "catalog", value_name = "PATH", global = true)]
    pub catalog: Vec<PathBuf>,
    /// Leave out the catalogs bundled with upskill
    #[arg(long, global = true)]
    pub no_bundled: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and check the catalogs; print every problem and a summary
    Validate {
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },
}
