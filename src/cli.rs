//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::catalog::Sources;

mod args;
mod help;
mod roles;
mod values;
pub use args::{
    CacheWhat, ExportArgs, ExportFormatArg, GraphFormat, HaveCommand, HaveImportArgs, ListFormat,
    NewWhat, Optimize, PeopleCommand, PeopleSort, PlanArgs, PlanFormat, ProblemFormat,
};
use help::{
    EXPORT_HELP, FMT_HELP, IMPORT_CTDL_HELP, IMPORT_HELP, PLAN_EXAMPLES, PLANS_HELP, RENEWALS_HELP,
    VALIDATE_HELP,
};
use roles::COVERAGE_HELP;
pub use roles::{ImportEscoArgs, RolesAction};

#[derive(Debug, Parser)]
#[command(
    name = "upskill",
    version,
    about = "Plan lifelong upskilling: find the cheapest valid path of micro-credentials to a role",
    after_help = "Examples:\n  upskill validate --catalog my-catalogs/    check catalog files you are writing\n  upskill validate --strict                 fail on warnings too\n  upskill roles                             the target roles\n  upskill show comptia/network-plus         one credential in full\n  upskill graph --role cloud-engineer       the prerequisite graph of one role, for Graphviz\n  upskill plan --role cloud-engineer        the cheapest valid path to a role\n  upskill coverage --role cloud-engineer    the role's skills no credential teaches yet\n  upskill plans                             the saved plans, on track or behind\n  upskill export alex -o alex.html          a saved plan as a printable page\n  upskill renewals --months 12              what expires within a year"
)]
pub struct Cli {
    #[command(flatten)]
    pub catalogs: CatalogArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Exit codes shared by the commands and the app: invalid input (a catalog or plan with
/// errors, or a failure to write), and a usage error.
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Where catalogs come from; accepted by every command.
#[derive(Debug, Clone, Args)]
pub struct CatalogArgs {
    /// Also load this catalog file or folder (searched recursively); repeatable
    #[arg(long = "catalog", value_name = "PATH", global = true)]
    pub catalog: Vec<PathBuf>,
    /// Leave out the catalogs bundled with upskill
    #[arg(long, global = true)]
    pub no_bundled: bool,
    /// Load the catalog files without the validated catalog cache (and leave it as it is)
    #[arg(long, global = true)]
    pub no_cache: bool,
}

impl CatalogArgs {
    /// The sources these options name: the bundled catalogs unless left out, the user's
    /// catalog folder, and each `--catalog` path.
    pub fn sources(&self) -> Sources {
        Sources::standard(
            self.no_bundled,
            crate::store::user_catalog_dir(),
            self.catalog.clone(),
        )
    }

    /// The folder of the validated catalog cache, unless `--no-cache` says to go without.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        crate::store::cache_dir()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and check the catalogs; print every problem and a summary
    #[command(after_help = VALIDATE_HELP)]
    Validate {
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = ProblemFormat::Text)]
        format: ProblemFormat,
        /// Warn about facts whose `verified` date is more than this many months old
        #[arg(long, value_name = "MONTHS", default_value_t = crate::catalog::freshness::DEFAULT_MAX_AGE_MONTHS, value_parser = clap::value_parser!(u32).range(1..=1200))]
        max_age: u32,
    },
    /// The recommended plan for a role: the provably cheapest (or fastest) valid path
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),
    /// Check a plan file: order, duplicate, unknown or retired steps, unmet role requirements
    #[command(
        after_help = "Prints each violation as `PLAN.yaml: step N (id): why`, then a summary; exits 1 if there is any.\n\nExamples:\n  upskill check ~/.local/share/upskill/plans/alex.yaml\n  upskill check plan.yaml --catalog my-catalogs/"
    )]
    Check {
        /// A plan file, as upskill saves them (its format: docs/plans.md)
        #[arg(value_name = "PLAN.yaml")]
        file: PathBuf,
    },
    /// List the target roles and the skills each needs; `roles import-esco` makes one from ESCO
    #[command(
        after_help = "Examples:\n  upskill roles\n  upskill roles --format json | jq '.[].id'\n  upskill roles import-esco --help",
        args_conflicts_with_subcommands = true
    )]
    Roles {
        #[command(subcommand)]
        action: Option<RolesAction>,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Which of a role's skills the loaded credentials teach, and which none does
    #[command(after_help = COVERAGE_HELP)]
    Coverage {
        /// Only this role (default: every role)
        #[arg(long, value_name = "ID")]
        role: Option<String>,
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
    /// List the saved plans: role, progress, next step, finish date, on track or behind
    #[command(after_help = PLANS_HELP)]
    Plans {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// The people plans are for: each with their plans, progress, cost left, finish date,
    /// and whether they are on track, behind or over budget
    #[command(
        after_help = "Examples:\n  upskill people\n  upskill people --sort status     who needs attention first\n  upskill people show alex         what alex holds, and their plans\n  upskill people --format json"
    )]
    People {
        #[command(subcommand)]
        show: Option<PeopleCommand>,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// How to sort the people
        #[arg(long, value_enum, default_value_t = PeopleSort::Name)]
        sort: PeopleSort,
    },
    /// Two saved plans side by side: totals, finish dates, requirements met, and the steps
    /// only in one and in both
    #[command(
        after_help = "Examples:\n  upskill compare alex alex-2028\n  upskill compare alex alex-2028 --format json"
    )]
    Compare {
        /// The first saved plan
        #[arg(value_name = "PLAN")]
        first: String,
        /// The second saved plan
        #[arg(value_name = "OTHER")]
        second: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Export a saved plan for a client, a spreadsheet, a calendar or a printout
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Credentials held or done that expire soon, with the renewal rule and cost
    #[command(after_help = RENEWALS_HELP)]
    Renewals {
        /// Only this saved plan (default: every saved plan)
        #[arg(value_name = "NAME")]
        name: Option<String>,
        /// How far ahead to look, in months
        #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(0..=1200))]
        months: u32,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a commented template for a new catalog file or credential
    #[command(
        after_help = "Examples:\n  upskill new provider acme-academy > acme-academy.yaml\n  upskill new credential acme-academy linux-basics >> acme-academy.yaml"
    )]
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    /// Put catalog files' keys in canonical order, keeping every comment
    #[command(after_help = FMT_HELP)]
    Fmt {
        /// Catalog files to format
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Change nothing: list the files that are out of order, and exit 1 if any is
        #[arg(long)]
        check: bool,
    },
    /// Turn Credential Registry data (CTDL JSON-LD) into catalog files, one per provider
    #[command(name = "import-ctdl", after_help = IMPORT_CTDL_HELP)]
    ImportCtdl {
        /// CTDL JSON-LD files (one resource, or a `@graph` document), or folders of `.json`/`.jsonld` files
        #[arg(value_name = "FILE|DIR", required = true)]
        inputs: Vec<PathBuf>,
        /// The folder to write the catalog files into: new, empty, or one an earlier import wrote
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
    /// What a learner holds: import their badge wallet into a saved plan
    Have {
        #[command(subcommand)]
        what: HaveCommand,
    },
    /// Where the validated catalog cache is and its size; `upskill cache clear` removes it
    #[command(
        after_help = "Examples:\n  upskill cache          where the cache is, and how big\n  upskill cache clear    remove it (the next start loads the catalog files again)\n\nThe cache holds the catalogs as last loaded and checked, used again while every catalog\nfile is unchanged, and what parsing each catalog file gave, so that after a change only\nthe changed files are parsed again. `--no-cache` loads without it."
    )]
    Cache {
        #[command(subcommand)]
        what: Option<CacheWhat>,
    },
    /// Add a plan file from elsewhere to the saved plans, checked against the catalogs
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// A plan file, as upskill saves them (its format: docs/plans.md)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Save it under this name instead of the file's `name` (or its file name)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace a saved plan of the same name
        #[arg(long)]
        force: bool,
    },
}

#[cfg(test)]
mod tests;
