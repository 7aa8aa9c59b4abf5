//! The options of the commands with more than a few (`plan`, `have import`, `export`,
//! `people`, `cache`, `new`), and the lists of values options take (formats, sorts).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;

use super::help::HAVE_IMPORT_HELP;
use super::values::{date, experience, hours_per_week, non_negative, positive, time_value};
use crate::export::ExportFormat;
use crate::plan::Experience;

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
