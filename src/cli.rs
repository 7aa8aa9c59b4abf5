//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::catalog::Sources;
use crate::export::ExportFormat;
use crate::plan::Experience;

mod help;
mod roles;
mod values;
use help::{
    EXPORT_HELP, FMT_HELP, HAVE_IMPORT_HELP, IMPORT_CTDL_HELP, IMPORT_HELP, PLAN_EXAMPLES,
    PLANS_HELP, RENEWALS_HELP, VALIDATE_HELP,
};
use roles::COVERAGE_HELP;
pub use roles::{ImportEscoArgs, RolesAction};
use values::{date, experience, hours_per_week, non_negative, positive, time_value};

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
        after_help = "Examples:\n  upskill cache          where the cache is, and how big\n  upskill cache clear    remove it (the next start loads the catalog files again)\n\nThe cache holds the catalogs as last loaded and checked, used again while every catalog\nfile is unchanged. `--no-cache` loads without it."
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

/// What `have` does.
#[derive(Debug, Subcommand)]
pub enum HaveCommand {
    /// Match a badge wallet (Open Badges 2.0 / 3.0, CLR 2.0) to catalog credentials and add them to what a plan holds
    #[command(after_help = HAVE_IMPORT_HELP)]
    Import(HaveImportArgs),
}

/// `upskill have import`'s options.
#[derive(Debug, Clone, Args)]
pub struct HaveImportArgs {
    /// Badge files (JSON: an assertion, a credential, a CLR, or a list of them), or folders of `.json`/`.jsonld` files
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The saved plan whose holdings the badges join (see `upskill plans`); a plan of a
    /// person adds them to the person's profile
    #[arg(
        long,
        value_name = "NAME",
        required_unless_present = "person",
        conflicts_with = "person"
    )]
    pub plan: Option<String>,
    /// The person whose holdings the badges join (see `upskill people`), shared by all of
    /// their plans
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Add the matched credentials to the plan; without it, nothing is written
    #[arg(long)]
    pub apply: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// What `upskill cache` does besides telling where the cache is.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum CacheWhat {
    /// Remove the cache's files
    Clear,
}

/// `upskill export`'s options.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The saved plan (see `upskill plans`)
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Output format (default: from the -o extension, else markdown)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormatArg>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` of `upskill export`: the names and help of [`ExportFormat`] on the command
/// line, so `export/` stays free of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// A document for a client; renders on GitHub
    #[value(alias = "md")]
    Markdown,
    /// A spreadsheet: one row a step (RFC 4180)
    Csv,
    /// A calendar: an event a step and a renewal (RFC 5545)
    Ics,
    /// The plan with its schedule, status and notes
    Json,
    /// One printable page with a timeline, no external files
    Html,
    /// A plan file that stands alone, its person's holdings written in, for `upskill
    /// import` on another machine
    #[value(alias = "yml")]
    Yaml,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(format: ExportFormatArg) -> ExportFormat {
        match format {
            ExportFormatArg::Markdown => ExportFormat::Markdown,
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Ics => ExportFormat::Ics,
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Html => ExportFormat::Html,
            ExportFormatArg::Yaml => ExportFormat::Yaml,
        }
    }
}

/// How `roles` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table
    Text,
    /// A JSON list of objects
    Json,
}

/// What `people` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// One person: what they hold, their settings and their plans
    Show {
        /// The person's name
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Give a saved plan to another person (made if new): what the plan's person holds is
    /// added to theirs
    Move {
        /// The saved plan
        #[arg(value_name = "PLAN")]
        plan: String,
        /// The person it is for from now on
        #[arg(value_name = "PERSON")]
        person: String,
    },
}

/// How `people` sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeopleSort {
    /// By name
    Name,
    /// The people behind or over budget first
    Status,
    /// The soonest finish first
    Finish,
    /// The most cost left first
    Cost,
}

/// What `new` prints a template for.
#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// A whole catalog file for a new provider, with one credential to copy
    Provider {
        /// The provider id, in lowercase kebab-case, like `acme-academy`
        id: String,
        /// The provider's name as people know it (default: from the id)
        #[arg(long)]
        name: Option<String>,
    },
    /// One credential, to paste under `credentials:` in its provider's file
    Credential {
        /// The provider id, like `acme-academy`
        provider: String,
        /// The credential id within the provider, like `linux-basics`
        id: String,
    },
}

/// How `validate` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProblemFormat {
    /// `file:line:column: severity: message` lines, then a summary
    Text,
    /// One JSON document: every problem as an object, and the counts
    Json,
    /// GitHub Actions annotations (`::error file=...,line=...::message`), then a summary
    Github,
}

/// How `graph` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT
    Dot,
    /// A Mermaid flowchart (GitHub renders it)
    Mermaid,
}

/// `upskill plan`'s options.
#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// The target role (see `upskill roles`)
    #[arg(long, value_name = "ID")]
    pub role: String,
    /// A credential already held (`provider/id`); repeatable
    #[arg(long, value_name = "ID")]
    pub have: Vec<String>,
    /// A skill already held; repeatable
    #[arg(long, value_name = "ID")]
    pub skill: Vec<String>,
    /// Work experience in a field (a skill id): FIELD=MONTHS for past work,
    /// FIELD:since=YYYY-MM-DD for work still going on; repeatable
    #[arg(long, value_name = "FIELD=MONTHS", value_parser = experience)]
    pub experience: Vec<Experience>,
    /// What to minimise after meeting the most requirements
    #[arg(long, value_enum, default_value_t = Optimize::Cost)]
    pub optimize: Optimize,
    /// The most the whole plan may cost, in the catalog currency
    #[arg(long, value_name = "N", value_parser = non_negative)]
    pub budget: Option<f64>,
    /// The most hours the whole plan may take
    #[arg(long, value_name = "N", value_parser = non_negative)]
    pub max_hours: Option<f64>,
    /// What an hour of study is worth to you, in the catalog currency: the cost objective
    /// then minimises cost + hours x N
    #[arg(long, value_name = "N", value_parser = time_value)]
    pub time_value: Option<f64>,
    /// Learning hours per week, for the schedule (default: the person's, or 10)
    #[arg(long, value_name = "N", value_parser = hours_per_week)]
    pub hours_per_week: Option<f64>,
    /// Finish by this date: the plan's hours stay within what the hours a week allow until
    /// then, and it says what pace would make the date if they do not
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub finish_by: Option<Date>,
    /// The person the plan is for: what they hold (`upskill people show NAME`) counts, and
    /// --have/--skill/--experience are added to it when the plan is saved (default: the
    /// --save name)
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// When the first step starts (default: today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub start: Option<Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Also store the plan as the saved plan NAME (refused if NAME exists, unless --force)
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    /// With --save, replace a saved plan of the same name
    #[arg(long, requires = "save")]
    pub force: bool,
    /// Stop searching after this many seconds and show the best plan found, marked not
    /// proven optimal
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0, value_parser = positive)]
    pub time_limit: f64,
}

/// What `plan` minimises after the requirements met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Optimize {
    /// Least total cost, then least hours
    Cost,
    /// Least total hours, then least cost
    Hours,
}

/// How `plan` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// A table with totals, the finish date and unmet requirements
    Text,
    /// One JSON object (its fields: docs/plans.md)
    Json,
    /// A document to send to a client
    Markdown,
}

#[cfg(test)]
mod tests;
