//! The load itself: every file parsed (on every core) and merged in file order, and each
//! problem placed at a line and column of its file's text.
//!
//! Files on disk are read by the parsing threads as the load comes to them, and each file's
//! bytes are let go once it is merged, unless it has a problem to show: at a million
//! credentials the files are 300 MB, which a load holding them all keeps to its end. A
//! problem found only once every file is merged (a reference to an unknown id, a role's
//! untaught skill) is placed by reading its file again, and the file must then be the one
//! that was loaded: each file is printed (length, hash, modification time) when first read,
//! and a file whose bytes differ when read again is reported as [`Changed`], for the caller
//! to load again from files held in memory, so no problem is ever placed in another text.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::fingerprint::FilePrint;
use super::outcome::{Outcome, parse_file, take_outcome, text_of};
use super::place::{FileText, Locator};
use super::source::Found;
use super::{DEFAULT_CURRENCY, Fingerprint, Loaded, Problem, SourceFile, cache, freshness, merge};
use super::{stream, stream::may_declare_skills};

/// A catalog file as a load takes it: held in memory already, or read when the load comes to
/// it.
pub(super) trait ToLoad: Sync {
    /// Whether [`ToLoad::read`] reads the file system, so that two reads may differ.
    const FROM_DISK: bool;

    /// The file with its bytes, or why they cannot be had.
    fn read(&self) -> Cow<'_, SourceFile>;

    /// The file again, to place a problem in its text; `None` when it is not the file
    /// `print` printed any more.
    fn again(&self, print: Option<&FilePrint>) -> Option<Cow<'_, SourceFile>>;
}

impl ToLoad for SourceFile {
    const FROM_DISK: bool = false;

    fn read(&self) -> Cow<'_, SourceFile> {
        Cow::Borrowed(self)
    }

    fn again(&self, _: Option<&FilePrint>) -> Option<Cow<'_, SourceFile>> {
        Some(Cow::Borrowed(self))
    }
}

impl ToLoad for Found {
    const FROM_DISK: bool = true;

    fn read(&self) -> Cow<'_, SourceFile> {
        match self {
            Found::File(path) => Cow::Owned(super::source::read(path)),
            Found::Had(file) => Cow::Borrowed(file),
        }
    }

    fn again(&self, print: Option<&FilePrint>) -> Option<Cow<'_, SourceFile>> {
        match self {
            Found::File(_) => print?.reread().map(Cow::Owned),
            Found::Had(file) => Some(Cow::Borrowed(file)),
        }
    }
}

/// A file on disk changed while it was loaded: its bytes read again were not those read
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Changed;

/// A file read and parsed, on its way to the merge.
type Parsed<'a> = (Cow<'a, SourceFile>, Outcome);

/// Loads `files`, warning about old facts when `freshness` is given, and taking what parsing
/// a file gives from the parse `store` when it holds it (storing what it parses). Gives the
/// load and, for files read from disk, their fingerprint as read (empty for files held).
pub(super) fn load_each<F: ToLoad>(
    files: &[F],
    freshness: Option<freshness::Freshness>,
    store: Option<&cache::Store>,
) -> Result<(Loaded, Fingerprint), Changed> {
    let storing = store.map(|store| (store, cache::parsed::Writer::start()));
    let parse = |file: &SourceFile| match &storing {
        Some((store, writer)) => cache::parsed::parse(store, writer, file).1,
        None => parse_file(file).1,
    };
    let loaded = merge_all(files, freshness, &parse);
    if let Some((_, writer)) = storing {
        writer.finish();
    }
    loaded
}

/// Which files may declare skills, every file's print when they are read from disk, and how
/// many bytes were read.
fn scan<F: ToLoad>(files: &[F]) -> (Vec<bool>, Vec<Option<FilePrint>>, usize) {
    // A file on disk is printed here, and read again to be parsed: by then it must be the same.
    let scanned: Vec<(bool, Option<FilePrint>, usize)> = files
        .par_iter()
        .map(|source| {
            let file = source.read();
            let bytes = (file.content.as_ref()).map_or(&[][..], |bytes| bytes.as_slice());
            let print = F::FROM_DISK.then(|| FilePrint::of(&file));
            (may_declare_skills(bytes), print, bytes.len())
        })
        .collect();
    let mut first = Vec::with_capacity(files.len());
    let mut prints = Vec::with_capacity(files.len());
    let mut bytes = 0;
    for (is_first, print, len) in scanned {
        first.push(is_first);
        prints.push(print);
        bytes += len;
    }
    (first, prints, bytes)
}

/// A credential takes this many bytes of YAML or more in the catalogs seen so far (about 300
/// in the generated ones, 1,000 in the bundled ones, counting their skills and roles), so the
/// catalog's bytes over this is room enough for its credentials, rarely much more.
const BYTES_A_CREDENTIAL: usize = 256;

fn merge_all<'a, F: ToLoad>(
    files: &'a [F],
    freshness: Option<freshness::Freshness>,
    parse: &(impl Fn(&SourceFile) -> Outcome + Sync),
) -> Result<(Loaded, Fingerprint), Changed> {
    let (first, prints, bytes) = scan(files);
    let mut merging = merge::Merging::new(freshness);
    merging.expect(bytes / BYTES_A_CREDENTIAL);
    // Every skill is declared before any credential looks one up, so the few files that may
    // declare skills are parsed first, and their skills declared as the files after them are
    // being parsed; each file is then merged in file order.
    let order: Vec<usize> = (0..files.len())
        .filter(|&i| first[i])
        .chain((0..files.len()).filter(|&i| !first[i]))
        .collect();
    let firsts = first.iter().filter(|&&first| first).count();
    let mut parsed_first: BTreeMap<usize, Parsed<'a>> = BTreeMap::new();
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    let mut names: Vec<Arc<str>> = Vec::with_capacity(files.len());
    // The files whose text may be needed to place a problem, as they were read.
    let mut kept: Vec<Option<Cow<'_, SourceFile>>> = vec![None; files.len()];
    let changed = AtomicBool::new(false);
    let read_and_parse = |_: usize, &i: &usize| -> Result<Parsed<'a>, Changed> {
        if changed.load(Ordering::Relaxed) {
            return Err(Changed);
        }
        let file = files[i].read();
        if prints[i].as_ref().is_some_and(|print| !print.is_of(&file)) {
            changed.store(true, Ordering::Relaxed);
            return Err(Changed);
        }
        let outcome = parse(&file);
        Ok((file, outcome))
    };
    let mut merge = |merging: &mut merge::Merging, i: usize, (file, outcome): Parsed<'a>| {
        names.push(Arc::clone(&file.name));
        let before = (problems.len(), merging.pending_count());
        if let Some(input) = take_outcome((i, &*file), outcome, &mut problems, merging) {
            merging.add(i, input);
        }
        // A file whose skills were declared first may have problems from then.
        if first[i] || (problems.len(), merging.pending_count()) != before {
            kept[i] = Some(file);
        }
    };
    stream::in_order(&order, read_and_parse, |at, parsed| {
        let i = order[at];
        let Ok(parsed) = parsed else { return };
        if at < firsts {
            if let Some(spec) = parsed.1.spec() {
                merging.declare_skills_first(i, spec);
            }
            parsed_first.insert(i, parsed);
            return;
        }
        // The files that declared skills first, up to this one, merged in their place.
        while let Some(entry) = parsed_first.first_entry().filter(|entry| *entry.key() < i) {
            let (before, parsed) = entry.remove_entry();
            merge(&mut merging, before, parsed);
        }
        merge(&mut merging, i, parsed);
    });
    for (i, parsed) in std::mem::take(&mut parsed_first) {
        merge(&mut merging, i, parsed);
    }
    if changed.into_inner() || names.len() != files.len() {
        return Err(Changed);
    }
    let (mut catalog, pending) = merging.finish();
    // The files of problems found once every file was merged, read again.
    for place in
        (pending.iter()).flat_map(|pending| std::iter::once(&pending.place).chain(&pending.also))
    {
        let i = place.file;
        if kept[i].is_none() {
            kept[i] = Some(files[i].again(prints[i].as_ref()).ok_or(Changed)?);
        }
    }
    let file_texts: Vec<FileText<'_>> = names
        .iter()
        .zip(&kept)
        .map(|(name, file)| FileText {
            name: Arc::clone(name),
            text: file.as_deref().map_or("", text_of),
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
    let (texts, paths) = problem_files(&kept, &problems);
    let print = Fingerprint::of_prints(prints.into_iter().flatten().collect());
    let loaded = Loaded {
        catalog,
        problems: problems.into_iter().map(|(_, problem)| problem).collect(),
        files: names,
        left_out: Vec::new(),
        texts,
        paths,
    };
    Ok((loaded, print))
}

/// The text and the path on disk of each file with a problem, by its name in messages.
#[allow(clippy::type_complexity)]
fn problem_files(
    kept: &[Option<Cow<'_, SourceFile>>],
    problems: &[(usize, Problem)],
) -> (
    HashMap<Arc<str>, Arc<str>>,
    HashMap<Arc<str>, std::path::PathBuf>,
) {
    // Each file with problems once (they are sorted by file).
    let mut with_problems: Vec<&SourceFile> = problems
        .iter()
        .filter_map(|(file, _)| kept.get(*file)?.as_deref())
        .collect();
    with_problems.dedup_by(|a, b| std::ptr::eq(*a, *b));
    let paths = with_problems
        .iter()
        .filter_map(|file| Some((Arc::clone(&file.name), file.path.clone()?)))
        .collect();
    let texts = with_problems
        .into_iter()
        .map(|file| (Arc::clone(&file.name), Arc::from(text_of(file))))
        .collect();
    (texts, paths)
}

#[cfg(test)]
mod tests;
