//! The catalog file format of SPEC §1 as serde types: what an author writes, before ids are
//! resolved. Strings are bounded and sanitized while they are read (see `de`); numbers, ids
//! and references are checked afterwards (see `merge`) so every problem is reported, not
//! only the first. The same types generate the JSON Schema (see `schema`), and their `///`
//! lines are its descriptions, which editors show on hover: they are written for authors.

mod de;
mod schema;
mod stored;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use schema::{catalog_schema, schema_json};

/// The format number this build reads.
pub const FORMAT: u32 = 1;

/// Ids: lowercase letters and digits in words joined by single hyphens.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A credential reference: a bare id, or `provider/id`.
pub const REFERENCE_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$";

/// A domain: a lowercase host name of at least two labels, without scheme, port or path.
pub const DOMAIN_PATTERN: &str =
    "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";

/// Hours and costs beyond these are typos, and would make sums overflow-prone.
pub const MAX_HOURS: u32 = 100_000;
pub const MAX_COST: u32 = 100_000_000;
/// A hundred years.
pub const MAX_MONTHS: u32 = 1200;

/// An upskill catalog file: a provider and its credentials, and/or roles and skill definitions. Every key is optional; unknown keys are errors. See docs/catalog-format.md.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "upskill catalog file",
    extend("dependentRequired" = {"credentials": ["provider"]})
)]
pub struct CatalogFile {
    /// The catalog format number. Optional; a file with any number other than 1 is refused.
    #[serde(default)]
    #[schemars(extend("const" = FORMAT))]
    pub format: Option<u32>,
    /// The ISO 4217 code of every cost in this file, three capital letters such as USD or EUR. Optional (default USD); all files that name one must agree.
    #[serde(default)]
    #[schemars(pattern("^[A-Z]{3}$"))]
    pub currency: Option<Text>,
    /// Who issues the credentials of this file. Required when the file has `credentials`.
    #[serde(default)]
    pub provider: Option<ProviderSpec>,
    /// The provider's credentials: courses, certificates, certifications, badges, specializations and degrees.
    #[serde(default)]
    pub credentials: Option<Vec<CredentialSpec>>,
    /// Target roles (jobs) a learner can plan towards.
    #[serde(default)]
    pub roles: Option<Vec<RoleSpec>>,
    /// Skill definitions: display names, descriptions and aliases. Skills may also be used without being declared here.
    #[serde(default)]
    pub skills: Option<Vec<SkillSpec>>,
}

/// The organisation that issues the file's credentials.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderSpec {
    /// The provider id, in lowercase kebab-case (like `comptia`), unique across all loaded catalogs. It prefixes its credentials' global ids: `comptia/a-plus`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Text,
    /// The provider's name as people know it, like `CompTIA`.
    pub name: Text,
    /// The provider's home page.
    #[serde(default)]
    pub url: Option<Text>,
    /// The provider's official domains, as lowercase host names without scheme or path (like `comptia.org`): a host on one of them, or under one of them (`certification.comptia.org`), is the provider's own site. Checks of where facts come from use them.
    #[serde(default)]
    #[schemars(inner(pattern(DOMAIN_PATTERN)))]
    pub domains: Vec<Text>,
}

/// One credential a learner can earn.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CredentialSpec {
    /// The credential's id within its provider, in lowercase kebab-case (like `network-plus`). Its global id is `provider/id`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Text,
    /// The credential's full title, like `CompTIA Network+ (N10-009)`.
    pub title: Text,
    /// What sort of credential it is.
    pub kind: Kind,
    /// How demanding it is. Optional.
    #[serde(default)]
    pub level: Option<Level>,
    /// Estimated learning hours to earn it (study plus exam), more than 0 and at most 100000. Fractions are allowed. `unknown` when no source says: the planner then never prefers it, and it shows as "hours unknown". Required, except on a stack (`awarded_when`), which takes no time.
    #[serde(default)]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = MAX_HOURS))]
    pub hours: Option<Measure>,
    /// The price to earn it, in the catalog currency (see `currency`), 0 or more and at most 100000000; 0 means free. `unknown` when no source says: the planner then never prefers it, and it shows as "cost unknown". Required, except on a stack (`awarded_when`), which costs nothing.
    #[serde(default)]
    #[schemars(extend("minimum" = 0, "maximum" = MAX_COST))]
    pub cost: Option<Measure>,
    /// The skill ids it teaches, in lowercase kebab-case, like `networking`. A skill's alias works too. At least one, except on a stack (`awarded_when`).
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub skills: Vec<Text>,
    /// Hard prerequisites: every item must hold before this credential can be taken. An item is a credential reference (`id` of the same provider or `provider/id`), `{skill: id}`, `{experience: {field: skill, months: N}}` (work experience only the learner can bring), `{any: [...]}` (at least one of its items) or `{all: [...]}` (every one of its items); `any` and `all` nest.
    #[serde(default)]
    pub requires: Vec<RequirementSpec>,
    /// Makes this credential a stack: no exam, no fee, no time; it is awarded as soon as these requirements hold (same grammar as `requires`), usually the credentials it stacks. A stack has no `hours`, `cost` or `requires`.
    #[serde(default)]
    pub awarded_when: Vec<RequirementSpec>,
    /// On a stack: it expires when the first of its parts expires.
    #[serde(default)]
    pub while_parts_valid: bool,
    /// On a retired credential: the credential that replaces it (`id` of the same provider or `provider/id`), which must exist and not be retired.
    #[serde(default)]
    #[schemars(pattern(REFERENCE_PATTERN))]
    pub replaced_by: Option<Text>,
    /// Suggested preparation, in the same grammar as `requires`: shown to the learner, never enforced.
    #[serde(default)]
    pub recommends: Vec<RequirementSpec>,
    /// How many months the credential stays valid after it is earned (1 to 1200). Leave it out for a credential that never expires.
    #[serde(default)]
    #[schemars(extend("minimum" = 1, "maximum" = MAX_MONTHS))]
    pub valid_for_months: Option<u32>,
    /// How it is delivered, in free text: online-self-paced, exam, in-person, ...
    #[serde(default)]
    pub format: Option<Text>,
    /// The issuer's page for this credential.
    #[serde(default)]
    pub url: Option<Text>,
    /// Other names for this same credential outside upskill: external ids and addresses, like a Credential Registry CTID (`ce-...`) or the issuer's own page. Each one at most once, none blank. Importers and badge matching use them.
    #[serde(default)]
    #[schemars(inner(pattern(r"\S")), extend("uniqueItems" = true))]
    pub same_as: Vec<Text>,
    /// The occupations it prepares for, each as `{code, framework, name}` (a code or a name at least), like `{code: "15-1244.00", framework: O*NET-SOC, name: Network and Computer Systems Administrators}`. Shown with the credential; never planned on.
    #[serde(default)]
    pub occupations: Vec<OccupationSpec>,
    /// What it covers, how it is assessed, how it renews, and which facts are estimates. Free text.
    #[serde(default)]
    pub description: Option<Text>,
    /// Where the facts (hours, cost, validity) came from: one address or a list of them.
    #[serde(default)]
    pub source: Option<Sources>,
    /// When the facts were last checked, as YYYY-MM-DD. Data checked more than a year ago is flagged as possibly out of date.
    #[serde(default)]
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}$"), extend("format" = "date"))]
    pub verified: Option<Text>,
    /// True when the credential is no longer offered: it is never recommended, but plans that hold it keep it.
    #[serde(default)]
    pub retired: bool,
}

/// An occupation a credential prepares for, in an occupation framework.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OccupationSpec {
    /// Its code in the framework, like `15-1244.00` (O*NET-SOC) or `2522` (ISCO-08). Quote a code YAML would read as a number.
    #[serde(default)]
    pub code: Option<Text>,
    /// The framework the code is from: `SOC`, `O*NET-SOC`, `ISCO-08`, `ESCO`...
    #[serde(default)]
    pub framework: Option<Text>,
    /// The occupation's name, like `Network and Computer Systems Administrators`.
    #[serde(default)]
    pub name: Option<Text>,
}

/// A job a learner can plan towards.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    /// The role id, in lowercase kebab-case (like `network-administrator`), unique across all loaded catalogs.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Text,
    /// The role's title, like `Network Administrator`.
    pub title: Text,
    /// What the role does. Free text.
    #[serde(default)]
    pub description: Option<Text>,
    /// The skill ids the role needs: each one is a requirement a plan must meet.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub skills: Vec<Text>,
    /// Extra requirements, in the same grammar as a credential's `requires`: credential references, `{skill: id}` or `{any: [...]}`.
    #[serde(default)]
    pub requires: Vec<RequirementSpec>,
    /// Skill ids that help in the role but that it does not need: shown with the role, never planned for. None may also be in `skills`.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub recommended: Vec<Text>,
}

/// A skill definition.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillSpec {
    /// The skill id, in lowercase kebab-case (like `network-security`), unique across all loaded catalogs and their aliases.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Text,
    /// The display name, like `Network security`.
    #[serde(default)]
    pub name: Option<Text>,
    /// What the skill covers. Free text.
    #[serde(default)]
    pub description: Option<Text>,
    /// Other ids that mean this skill, in lowercase kebab-case: a catalog or a learner may use them instead of the id.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub aliases: Vec<Text>,
    /// Other names for this same skill outside upskill: concept URIs of skill frameworks, like an ESCO skill's `http://data.europa.eu/esco/skill/...`. Each one at most once, on one skill only, none blank. `upskill roles import-esco` maps a framework's skills to catalog skills through them.
    #[serde(default)]
    #[schemars(inner(pattern(r"\S")), extend("uniqueItems" = true))]
    pub same_as: Vec<Text>,
}

/// What sort of credential it is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Course,
    Certificate,
    Certification,
    Badge,
    Specialization,
    Degree,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Course,
        Kind::Certificate,
        Kind::Certification,
        Kind::Badge,
        Kind::Specialization,
        Kind::Degree,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Course => "course",
            Kind::Certificate => "certificate",
            Kind::Certification => "certification",
            Kind::Badge => "badge",
            Kind::Specialization => "specialization",
            Kind::Degree => "degree",
        }
    }
}

/// How demanding a credential is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A requirement item as written: a credential reference, `{skill: id}`,
/// `{experience: {field, months}}`, or a group: `{any: [...]}` or `{all: [...]}`, which nest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequirementSpec {
    One(AtomSpec),
    Any(Vec<RequirementSpec>),
    All(Vec<RequirementSpec>),
}

/// One requirement that is not a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AtomSpec {
    Credential(String),
    Skill(String),
    /// Months of work experience in a field (a skill id); only the learner can bring it.
    Experience {
        field: String,
        months: u32,
    },
}

/// A string read from a catalog: at most [`MAX_STRING_BYTES`](crate::yaml::MAX_STRING_BYTES),
/// checked before it is copied, and sanitized.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A number of hours or an amount of money as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

/// Hours or a cost as written: a number, or `unknown` when no source gives one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    Known(f64),
    Unknown,
}

/// One source address or several.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sources(pub Vec<Text>);
