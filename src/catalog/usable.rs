//! What can be loaded when some catalog files have errors: every file without any, so one
//! broken user file never takes the bundled catalogs (and the rest of the user's) with it.
//! The app starts on this; it has no last good catalog to fall back on.

use std::collections::HashSet;
use std::sync::Arc;

use super::cache::Store;
use super::{Fingerprint, Loaded, SourceFile, Sources, load_sources, load_stored, source};

/// A catalog file left out because it has errors (or needs one that has).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LeftOut {
    /// The file, as messages name it.
    pub file: Arc<str>,
    /// The providers it declares, as far as they could be read; empty when nothing of the
    /// file could be read, so it may define any credential.
    pub providers: Vec<String>,
}

/// Loads `files`; when some have errors, loads again without them (and without any file that
/// then fails because it needed them), until what is left loads cleanly. The result's
/// catalog is that clean part, its `problems` every problem of the first load (what the
/// user must fix), and its `left_out` the files that were left out.
pub fn load_usable(files: &[SourceFile]) -> Loaded {
    load_usable_stored(files, None)
}

/// [`load_usable`], each load taking what it can from the parse `store` (see
/// [`super::load_stored`]): a round after the first parses nothing again.
pub fn load_usable_stored(files: &[SourceFile], store: Option<&Store>) -> Loaded {
    let full = load_stored(files, None, store);
    if !full.has_errors() {
        return full;
    }
    leave_out_broken(full, files, store)
}

/// [`load_usable_stored`] of the files of `sources`, with their fingerprint as read: the
/// first load reads each file as it comes to it and lets it go (see [`load_sources`]). Only
/// when it has errors are the files read again and held, for the loads without the broken
/// ones; if they changed in between, all of it is done again on the files held.
pub fn load_usable_sources(sources: &Sources, store: Option<&Store>) -> (Loaded, Fingerprint) {
    let (full, print) = load_sources(sources, None, store);
    if !full.has_errors() {
        return (full, print);
    }
    let files = source::gather(sources);
    let now = Fingerprint::of(&files);
    if !now.same_content(&print) {
        return (load_usable_stored(&files, store), now);
    }
    (leave_out_broken(full, &files, store), print)
}

/// What is left of `files` to load without errors, after the `full` load of them had some.
fn leave_out_broken(full: Loaded, files: &[SourceFile], store: Option<&Store>) -> Loaded {
    let load = |files: &[SourceFile]| load_stored(files, None, store);
    let mut broken: HashSet<Arc<str>> = HashSet::new();
    let mut clean = full.clone();
    // Each round leaves out at least one more file, so this ends.
    for _ in 0..=files.len() {
        let failing: Vec<Arc<str>> = clean
            .problems
            .iter()
            .filter(|problem| problem.is_error())
            .map(|problem| Arc::clone(&problem.file))
            .collect();
        if failing.is_empty() {
            break;
        }
        broken.extend(failing);
        let kept: Vec<SourceFile> = files
            .iter()
            .filter(|file| !broken.contains(&file.name))
            .cloned()
            .collect();
        clean = load(&kept);
    }
    let left_out = files
        .iter()
        .filter(|file| broken.contains(&file.name))
        .map(|file| LeftOut {
            file: Arc::clone(&file.name),
            providers: full
                .catalog
                .providers
                .iter()
                .filter(|provider| provider.file == file.name)
                .map(|provider| provider.id.clone())
                .collect(),
        })
        .collect();
    Loaded {
        catalog: clean.catalog,
        problems: full.problems,
        files: full.files,
        left_out,
        texts: full.texts,
        paths: full.paths,
    }
}

/// The left-out file that defines credential `id`, or may: the one declaring its provider,
/// else one of which nothing could be read.
pub fn defining<'a>(left_out: &'a [LeftOut], id: &str) -> Option<&'a LeftOut> {
    let provider = id.split('/').next().unwrap_or(id);
    left_out
        .iter()
        .find(|file| file.providers.iter().any(|declared| declared == provider))
        .or_else(|| left_out.iter().find(|file| file.providers.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::source::Bytes;

    fn file(name: &str, text: &'static str) -> SourceFile {
        SourceFile {
            name: Arc::from(name),
            path: None,
            content: Ok(Bytes::Static(text)),
        }
    }

    const GOOD: &str = "provider: {id: good, name: Good}\ncredentials:\n  - {id: a, title: A, kind: course, hours: 1, cost: 0, skills: [x]}\n";
    const BROKEN: &str = "provider: {id: bad, name: Bad}\ncredentials:\n  - {id: b, title: B, kind: course, hours: ten, cost: 0, skills: [x]}\n";
    const NEEDS_BROKEN: &str = "provider: {id: user, name: User}\ncredentials:\n  - {id: c, title: C, kind: course, hours: 1, cost: 0, skills: [x], requires: [bad/b]}\n";
    const UNREADABLE: &str = "provider: {id: [\n";

    #[test]
    fn files_with_errors_are_left_out_and_the_rest_loads() {
        let files = [
            file("good.yaml", GOOD),
            file("bad.yaml", BROKEN),
            file("user.yaml", NEEDS_BROKEN),
            file("unreadable.yaml", UNREADABLE),
        ];
        let loaded = load_usable(&files);
        assert_eq!(loaded.catalog.credentials.len(), 1);
        assert!(loaded.catalog.find_credential("good/a").is_some());
        let left: Vec<(&str, Vec<String>)> = loaded
            .left_out
            .iter()
            .map(|file| (&*file.file, file.providers.clone()))
            .collect();
        assert_eq!(
            left,
            [
                ("bad.yaml", vec!["bad".to_owned()]),
                ("user.yaml", vec!["user".to_owned()]),
                ("unreadable.yaml", Vec::new()),
            ]
        );
        assert!(loaded.problems.iter().any(|p| &*p.file == "bad.yaml"));
        assert_eq!(
            defining(&loaded.left_out, "bad/b").map(|f| &*f.file),
            Some("bad.yaml")
        );
        assert_eq!(
            defining(&loaded.left_out, "other/z").map(|f| &*f.file),
            Some("unreadable.yaml"),
            "a file nothing could be read of may define anything"
        );
    }

    #[test]
    fn clean_files_load_as_they_are() {
        let loaded = load_usable(&[file("good.yaml", GOOD)]);
        assert!(loaded.left_out.is_empty());
        assert!(!loaded.has_errors());
    }
}
