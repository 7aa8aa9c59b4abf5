//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "upskill",
    version,
    about = "Plan lifelong upskilling: find the cheapest valid path of micro-credentials to a role",
    after_help = "Examples:\n  upskill validate --catalog my-catalogs/    check catalog files you are writing\n  upskill validate --strict                 fail on warnings too\n  upskill roles                             the target roles\n  upskill show comptia/network-plus         one credential in full\n  upskill graph --role cloud-engineer       the prerequisite graph of one role, for Graphviz"
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
    /// List the target roles and the skills each needs
    #[command(
        after_help = "Examples:\n  upskill roles\n  upskill roles --format json | jq '.[].id'"
    )]
    Roles {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show a credential, role or skill in full: what it needs and what needs it
    #[command(
        after_help = "Examples:\n  upskill show comptia/network-plus    a credential (provider/id)\n  upskill show network-administrator   a role: each skill and the credentials teaching it\n  upskill show networking              a skill: who teaches it, what needs it"
    )]
    Show {
        /// A credential id (`provider/id`), a role id or a skill id
        id: String,
    },
    /// Print the prerequisite graph for Graphviz or Mermaid
    #[command(
        after_help = "Examples:\n  upskill graph | dot -Tsvg > graph.svg\n  upskill graph --role cloud-engineer --format mermaid > graph.mmd"
    )]
    Graph {
        /// Keep only the credentials that can contribute to this role
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Print the JSON Schema of the catalog format, for editors and validators
    #[command(
        after_help = "Examples:\n  upskill schema > catalogs/schema.json\n\nStart a catalog file with `# yaml-language-server: $schema=./schema.json` to get\ncompletion and inline errors in editors that use the YAML language server."
    )]
    Schema,
}

/// How `roles` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table
    Text,
    /// A JSON list of objects
    Json,
}

/// How `graph` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT
    Dot,
    /// A Mermaid flowchart (GitHub renders it)
    Mermaid,
}
