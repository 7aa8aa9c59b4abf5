//! What an entry does not store, given back from the files it was stored for: their names,
//! shared again, and the text and path of each file with a problem.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::catalog::{Catalog, Fingerprint, LeftOut, Loaded, Problem, SourceFile};

/// The files an entry was stored for, which give back what it does not store: the files as
/// read, or (on a warm start that let their bytes go) their fingerprint, from which a file
/// with a problem is read again for its text.
#[derive(Clone, Copy)]
pub(super) enum Origin<'a> {
    Files(&'a [SourceFile]),
    Print(&'a Fingerprint),
}

impl<'a> Origin<'a> {
    /// Each file's name, to share again.
    pub(super) fn names(self) -> HashMap<&'a str, &'a Arc<str>> {
        match self {
            Origin::Files(files) => shared_names(files),
            Origin::Print(print) => (print.files().iter())
                .map(|file| (&*file.name, &file.name))
                .collect(),
        }
    }
}

/// A [`Loaded`] from what was stored and the files it was loaded from: the file names, and
/// the text and path of each file with a problem, as a load from the files gives them. Every
/// item's file name is made the one shared name again (the credentials' only when
/// `credentials_shared` does not say they are already). `None` when a file with a problem,
/// read again, is not the file printed.
pub(super) fn restore(
    mut catalog: Catalog,
    mut problems: Vec<Problem>,
    mut left_out: Vec<LeftOut>,
    origin: Origin<'_>,
    credentials_shared: bool,
) -> Option<Loaded> {
    let names = origin.names();
    let credentials = if credentials_shared {
        &mut [][..]
    } else {
        &mut catalog.credentials[..]
    };
    let catalog_files = (catalog.providers.iter_mut().map(|item| &mut item.file))
        .chain(credentials.iter_mut().map(|item| &mut item.file))
        .chain(catalog.roles.iter_mut().map(|item| &mut item.file));
    let other_files = (problems.iter_mut().map(|problem| &mut problem.file))
        .chain(left_out.iter_mut().map(|file| &mut file.file));
    for name in catalog_files.chain(other_files) {
        share(&names, name);
    }
    let with_problems: HashSet<&str> = problems.iter().map(|problem| &*problem.file).collect();
    let mut texts = HashMap::new();
    let mut paths = HashMap::new();
    let mut keep = |file: &SourceFile| {
        let text = crate::catalog::text_of(file);
        texts.insert(Arc::clone(&file.name), Arc::from(text));
        if let Some(path) = &file.path {
            paths.insert(Arc::clone(&file.name), path.clone());
        }
    };
    let files = match origin {
        Origin::Files(files) => {
            for file in files
                .iter()
                .filter(|file| with_problems.contains(&*file.name))
            {
                keep(file);
            }
            files.iter().map(|file| Arc::clone(&file.name)).collect()
        }
        Origin::Print(print) => {
            for file in (print.files().iter()).filter(|file| with_problems.contains(&*file.name)) {
                keep(&file.reread()?);
            }
            (print.files().iter())
                .map(|file| Arc::clone(&file.name))
                .collect()
        }
    };
    Some(Loaded {
        catalog,
        problems,
        files,
        left_out,
        texts,
        paths,
    })
}

/// Each file's name, to share again.
pub(super) fn shared_names(files: &[SourceFile]) -> HashMap<&str, &Arc<str>> {
    files.iter().map(|file| (&*file.name, &file.name)).collect()
}

/// Makes `name` the one shared copy of a file's name.
pub(super) fn share(names: &HashMap<&str, &Arc<str>>, name: &mut Arc<str>) {
    if let Some(shared) = names.get(&**name) {
        *name = Arc::clone(shared);
    }
}
