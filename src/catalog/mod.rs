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

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

pub use fingerprint::Fingerprint;
pub use merge::is_id;
pub use model::{
    Amount, Atom, Catalog, Credential, CredentialIdx, Edge, Gate, Kind, Level, Occupation,
    Provider, ProviderIdx, Requirement, Role, RoleIdx, Skill, SkillIdx, Unknowns,
};
pub use problem::{Problem, Severity, Tally};
pub use source::{SourceFile, Sources};
pub use usable::{LeftOut, defining, load_usable};

use outcome::{Outcome, parse_file, take_outcome, text_of};
use place::{FileText, Locator};

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
    load_files(&source::gather(sources))
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
    let files = source::gather(sources);
    (load_usable(&files), Fingerprint::of(&files))
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
    load_files_checking(&source::gather(sources), Some(freshness))
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
    let storing = store.map(|store| (store, cache::parsed::Writer::start()));
    let parse = |file| match &storing {
        Some((store, writer)) => cache::parsed::parse(store, writer, file),
        None => parse_file(file),
    };
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    let mut texts: Vec<&str> = vec![""; files.len()];
    let mut merging = merge::Merging::new(freshness);
    // Every skill is declared before any credential looks one up, so the few files that may
    // declare skills are parsed first; the rest are merged as they are parsed, in order.
    let first: Vec<bool> = files
        .par_iter()
        .map(|file| {
            (file.content.as_ref()).is_ok_and(|bytes| stream::may_declare_skills(bytes.as_slice()))
        })
        .collect();
    let mut parsed_first: BTreeMap<usize, (&str, Outcome)> = (0..files.len())
        .into_par_iter()
        .filter(|&i| first[i])
        .map(|i| (i, parse(&files[i])))
        .collect();
    for (&i, (_, outcome)) in &parsed_first {
        if let Some(spec) = outcome.spec() {
            merging.declare_skills_first(i, spec);
        }
    }
    stream::in_order(
        files,
        |i, file| (!first[i]).then(|| parse(file)),
        |i, parsed| {
            let Some((text, outcome)) = parsed.or_else(|| parsed_first.remove(&i)) else {
                return;
            };
            texts[i] = text;
            let file = &files[i];
            if let Some(input) = take_outcome((i, file), text, outcome, &mut problems, &mut merging)
            {
                merging.add(i, input);
            }
        },
    );
    let (mut catalog, pending) = merging.finish();
    let file_texts: Vec<FileText<'_>> = files
        .iter()
        .zip(&texts)
        .map(|(file, text)| FileText {
            name: Arc::clone(&file.name),
            text,
        })
        .collect();
    let mut locator = Locator::new(&file_texts);
    for pending in pending {
        let file = pending.place.file;
        problems.push((file, locator.resolve(pending)));
    }
    problems.sort_by(|(a_file, a), (b_file, b)| (a_file, a.position).cmp(&(b_file, b.position)));
    if catalog.currency.is_empty() {
        DEFAULT_CURRENCY.clone_into(&mut catalog.currency);
    }
    let (texts, paths) = problem_files(files, &texts, &problems);
    if let Some((_, writer)) = storing {
        writer.finish();
    }
    Loaded {
        catalog,
        problems: problems.into_iter().map(|(_, problem)| problem).collect(),
        files: files.iter().map(|file| Arc::clone(&file.name)).collect(),
        left_out: Vec::new(),
        texts,
        paths,
    }
}

/// The text and the path on disk of each file with a problem, by its name in messages.
#[allow(clippy::type_complexity)]
fn problem_files(
    files: &[SourceFile],
    texts: &[&str],
    problems: &[(usize, Problem)],
) -> (
    HashMap<Arc<str>, Arc<str>>,
    HashMap<Arc<str>, std::path::PathBuf>,
) {
    // Each file with problems once (they are sorted by file).
    let mut with_problems: Vec<usize> = problems.iter().map(|(file, _)| *file).collect();
    with_problems.dedup();
    let paths = with_problems
        .iter()
        .filter_map(|&file| {
            let file = files.get(file)?;
            Some((Arc::clone(&file.name), file.path.clone()?))
        })
        .collect();
    let texts = with_problems
        .into_iter()
        .filter_map(|file| {
            Some((
                Arc::clone(&files.get(file)?.name),
                Arc::from(*texts.get(file)?),
            ))
        })
        .collect();
    (texts, paths)
}
