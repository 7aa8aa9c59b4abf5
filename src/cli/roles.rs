//! `upskill roles`'s subcommands, and `upskill coverage`'s help.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// What `upskill roles` does besides listing the roles.
#[derive(Debug, Subcommand)]
pub enum RolesAction {
    /// Make a role from an ESCO occupation: its essential skills as the role's skills
    #[command(name = "import-esco", after_help = IMPORT_ESCO_HELP)]
    ImportEsco(ImportEscoArgs),
}

/// `upskill roles import-esco`'s options.
#[derive(Debug, Clone, Args)]
pub struct ImportEscoArgs {
    /// ESCO's occupations file (`occupations_en.csv`)
    #[arg(long, value_name = "FILE")]
    pub occupations: PathBuf,
    /// ESCO's occupation-skill relations file (`occupationSkillRelations_en.csv`)
    #[arg(long, value_name = "FILE")]
    pub relations: PathBuf,
    /// ESCO's skills file (`skills_en.csv`)
    #[arg(long, value_name = "FILE")]
    pub skills: PathBuf,
    /// The occupation's URI (its `conceptUri`), like `http://data.europa.eu/esco/occupation/...`
    #[arg(long, value_name = "URI")]
    pub uri: String,
    /// The role id (default: from the occupation's preferred label, like `data-scientist`)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Write the role to this catalog file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o, replace the file if it is there
    #[arg(long, requires = "output")]
    pub force: bool,
}

const IMPORT_ESCO_HELP: &str =
    "Reads the three CSV files of ESCO's download (any language; the labels are
compared as written). Each essential skill of the occupation maps to the catalog skill whose
`same_as` lists its URI, else to the one skill whose name is its preferred label (letter case
aside); the optional ones mapped become the role's `recommended` skills. The essential skills
no catalog skill matches are listed on standard error with the fix, and as comments in the
file. Mapping rules and what is lost: docs/importing.md.

This service uses the ESCO classification of the European Commission.

Examples:
  upskill roles import-esco --occupations occupations_en.csv \\
      --relations occupationSkillRelations_en.csv --skills skills_en.csv \\
      --uri http://data.europa.eu/esco/occupation/... -o my-catalogs/data-scientist.yaml
  upskill coverage --role data-scientist";

pub(super) const COVERAGE_HELP: &str =
    "For each skill of the role (or of every role): the loaded credentials that teach it,
and the skills none teaches, which a catalog author could add a credential for next.
Recommended skills are listed too, apart. An unknown role id exits 2.

Examples:
  upskill coverage --role data-scientist
  upskill coverage --format json | jq '.[] | {role: .id, missing: .untaught}'";
