//! YAML catalog files become one validated [`Catalog`] with its prerequisite graph, and a
//! list of every [`Problem`] found on the way.

mod amount;
pub mod cache;
pub mod canonical;
pub mod codes;
mod cycles;
pub mod domains;
pub mod fingerprint;
pub mod format;
pub mod freshness;
mod loading;
mod merge;
mod model;
mod outcome;
mod place;
mod problem;
mod query;
mod recover;
mod requirement;
pub mod source;
mod stream;
mod usable;

use std::collections::HashMap;
use std::sync::Arc;

pub use fingerprint::Fingerprint;
pub use merge::is_id;
pub use model::{
    Amount, Atom, Catalog, Credential, CredentialIdx, Edge, Gate, Kind, Level, Occupation,
    Provider, ProviderIdx, Requirement, Role, RoleIdx, Skill, SkillIdx, Unknowns,
};
pub use problem::{Problem, Severity, Tally};
pub use source::{SourceFile, Sources};
pub use usable::{LeftOut, defining, load_usable};

use outcome::{Outcome, parse_file, text_of};

/// The default currency when no file names one.
pub const DEFAULT_CURRENCY: &str = "USD";

/// What loading gave: the catalog (usable only when there are no errors) and every problem,
/// in file order.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    /// The files read, in order; the app watches their paths.
    pub files: Vec<Arc<str>>,
    /// Files left out of `catalog` because they have errors (see [`load_usable`]); empty
    /// when the catalog is every file or nothing.
    pub left_out: Vec<LeftOut>,
    /// The text of each file with a problem, as it was read, to show a problem's lines.
    pub texts: HashMap<Arc<str>, Arc<str>>,
    /// The path of each file with a problem that is a file on disk (not a bundled one), by
    /// the name messages give it, which is made safe to print and so may differ.
    pub paths: HashMap<Arc<str>, std::path::PathBuf>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    pub fn tally(&self) -> Tally {
        Tally::of(&self.problems)
    }

    /// The summary line of `upskill validate`.
    pub fn summary(&self) -> String {
        self.counts().summary(&self.tally())
    }

    fn counts(&self) -> Counts {
        Counts {
            providers: self.catalog.providers.len(),
            credentials: self.catalog.credentials.len(),
            roles: self.catalog.roles.len(),
        }
    }

    /// What `upskill validate` reports of this load.
    pub fn into_report(self) -> Report {
        Report {
            counts: self.counts(),
            problems: self.problems,
        }
    }
}

/// What `upskill validate` needs of a load: every problem and how much was loaded, without
/// the catalog, so a warm `validate` never decodes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub counts: Counts,
}

/// How many providers, credentials and roles a load gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub providers: usize,
    pub credentials: usize,
    pub roles: usize,
}

impl Counts {
    fn summary(self, tally: &Tally) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", plural(n, one, many));
        format!(
            "{}, {}, {}: {} {}, {} {}",
            count(self.providers, "provider", "providers"),
            count(self.credentials, "credential", "credentials"),
            count(self.roles, "role", "roles"),
            tally.errors,
            plural(tally.errors, "error", "errors"),
            tally.warnings,
            plural(tally.warnings, "warning", "warnings"),
        )
    }
}

impl Report {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.problems)
    }

    /// The summary line of `upskill validate`.
    pub fn summary(&self) -> String {
        self.counts.summary(&self.tally())
    }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// Reads and validates every file of `sources`.
pub fn load(sources: &Sources) -> Loaded {
    load_sources(sources, None, None).0
}

/// Reads and validates every file of `sources` once they have stopped changing, for hot
/// reload, which can race an editor's save; `None` while they keep changing (see
/// [`source::gather_settled`]).
pub fn load_settled(sources: &Sources) -> Option<Loaded> {
    source::gather_settled(sources).map(|files| load_files(&files))
}

/// Like [`load`], with the fingerprint of the files read, for hot reload to compare with, and
/// what can be loaded when some files have errors (see [`load_usable`]): the app's start.
pub fn load_fingerprinted(sources: &Sources) -> (Loaded, Fingerprint) {
    usable::load_usable_sources(sources, None)
}

/// What hot reload found when told that the files may have changed.
#[derive(Debug)]
pub enum Reload {
    /// The files are as `last` says: nothing to do.
    Unchanged,
    /// The files kept changing while they were read (see [`load_settled`]).
    Unsettled,
    /// The files changed: what they load to, and their fingerprint for the next time.
    Changed(Box<Loaded>, Fingerprint),
}

/// Reads the files of `sources` once they have stopped changing, and loads them only when
/// their contents differ from `last`: a watcher also reports writes that change nothing,
/// and the app keeps what the user set unless there is something new to load. With a parse
/// `store`, only the files that changed since they were stored are parsed.
pub fn reload(sources: &Sources, last: &Fingerprint, store: Option<&cache::Store>) -> Reload {
    let Some(files) = source::gather_settled(sources) else {
        return Reload::Unsettled;
    };
    let now = Fingerprint::of(&files);
    if now.same_content(last) {
        return Reload::Unchanged;
    }
    Reload::Changed(Box::new(load_stored(&files, None, store)), now)
}

/// Validates files already read.
pub fn load_files(files: &[SourceFile]) -> Loaded {
    load_files_checking(files, None)
}

/// Reads and validates every file of `sources`, warning about facts older than `freshness`
/// allows (`upskill validate`).
pub fn load_checking(sources: &Sources, freshness: freshness::Freshness) -> Loaded {
    load_sources(sources, Some(freshness), None).0
}

/// [`load_files`], warning about old facts when `freshness` is given.
pub fn load_files_checking(
    files: &[SourceFile],
    freshness: Option<freshness::Freshness>,
) -> Loaded {
    load_stored(files, freshness, None)
}

/// [`load_files_checking`], taking what parsing a file gives from the parse `store` when it
/// holds it for the file's bytes, and storing what it parses.
pub fn load_stored(
    files: &[SourceFile],
    freshness: Option<freshness::Freshness>,
    store: Option<&cache::Store>,
) -> Loaded {
    loading::load_each(files, freshness, store)
        .expect("files held in memory read the same each time")
        .0
}

/// [`load_stored`] of the files of `sources`, each read as the load comes to it and let go
/// once merged (see [`loading`]), with their fingerprint as read. When a file changed while
/// it was loaded, the files are read again and held, and loaded as [`load_stored`] does: a
/// load of files held is of one version of each.
pub fn load_sources(
    sources: &Sources,
    freshness: Option<freshness::Freshness>,
    store: Option<&cache::Store>,
) -> (Loaded, Fingerprint) {
    if let Ok(loaded) = loading::load_each(&source::locate(sources), freshness, store) {
        return loaded;
    }
    let files = source::gather(sources);
    let print = Fingerprint::of(&files);
    (load_stored(&files, freshness, store), print)
}
