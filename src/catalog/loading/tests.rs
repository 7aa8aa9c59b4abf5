//! A load that reads each file as it comes to it gives what a load of the files held gives,
//! and a file that changes while it is loaded is never used to place a problem.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Changed, ToLoad, load_each};
use crate::catalog::fingerprint::FilePrint;
use crate::catalog::source::{self, Found};
use crate::catalog::{
    Fingerprint, Loaded, SourceFile, Sources, load_sources, load_stored, load_usable, usable,
};

fn assert_same(streamed: &Loaded, held: &Loaded) {
    assert_eq!(streamed.problems, held.problems);
    assert_eq!(streamed.files, held.files);
    assert_eq!(streamed.texts, held.texts);
    assert_eq!(streamed.paths, held.paths);
    assert_eq!(streamed.left_out, held.left_out);
    // The catalogs' tables by id are hash tables, which print in no fixed order.
    let parts = |loaded: &Loaded| {
        let catalog = &loaded.catalog;
        format!(
            "{} {:?} {:?} {:?} {:?} {:?}",
            catalog.currency,
            catalog.providers,
            catalog.credentials,
            catalog.roles,
            catalog.skills,
            catalog.graph
        )
    };
    assert_eq!(parts(streamed), parts(held));
}

/// Every fixture with problems, the bundled catalogs, a path that is not there and a FIFO.
fn troubled() -> (tempfile::TempDir, Sources) {
    let dir = tempfile::tempdir().expect("a temp dir");
    #[cfg(unix)]
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        dir.path().join("fifo.yaml"),
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .expect("mkfifo");
    let sources = Sources {
        bundled: true,
        user_dir: None,
        paths: vec![
            "tests/fixtures/problems".into(),
            "tests/fixtures/plan".into(),
            dir.path().join("missing.yaml"),
            // Named, since a folder's walk passes over anything but regular files.
            dir.path().join("fifo.yaml"),
        ],
    };
    (dir, sources)
}

#[test]
fn files_read_as_the_load_comes_to_them_load_as_files_held() {
    let (_dir, sources) = troubled();
    let files = source::gather(&sources);
    let held = load_stored(&files, None, None);
    assert!(
        held.problems.len() > 50 && held.texts.len() > 40,
        "{held:?}"
    );
    let (streamed, print) = load_sources(&sources, None, None);
    assert_same(&streamed, &held);
    #[cfg(unix)]
    assert!(
        (streamed.problems.iter())
            .any(|problem| problem.file.ends_with("fifo.yaml")
                && problem.message.contains("not a file")),
        "{:?}",
        streamed.problems
    );
    assert_eq!(print, Fingerprint::of(&files));
    let (usable, print) = usable::load_usable_sources(&sources, None);
    assert_same(&usable, &load_usable(&files));
    assert!(!usable.left_out.is_empty());
    assert_eq!(print, Fingerprint::of(&files));
}

const ACME: &str = "provider: {id: acme, name: Acme}\ncredentials:\n  - {id: a, title: A, kind: course, hours: 1, cost: 0, skills: [x]}\n  - {id: b, title: B, kind: course, hours: 1, cost: 0, skills: [x], requires: [acme/nowhere]}\n";
const FILLER: &str = "provider: {id: beta, name: Beta}\ncredentials:\n  - {id: c, title: C, kind: course, hours: 1, cost: 0, skills: [x]}\n";

/// Files on disk, `edit` rewritten just after it is read for the `at`-th time (from 1).
struct Edited {
    found: Vec<Found>,
    edit: PathBuf,
    at: usize,
    reads: AtomicUsize,
}

impl Edited {
    fn new(dir: &Path, edit: &str, at: usize) -> Edited {
        Edited {
            found: source::locate(&Sources::only(vec![dir.to_path_buf()])),
            edit: dir.join(edit),
            at,
            reads: AtomicUsize::new(0),
        }
    }

    fn count(&self, found: &Found) {
        if matches!(found, Found::File(path) if *path == self.edit)
            && self.reads.fetch_add(1, Ordering::Relaxed) + 1 == self.at
        {
            // One line longer above the credentials: every later line moves down.
            let text = ACME.replacen("credentials:", "# edited\ncredentials:", 1);
            std::fs::write(&self.edit, text).expect("write");
        }
    }
}

/// One file of an [`Edited`] folder.
struct EditedFile<'a>(&'a Edited, &'a Found);

impl ToLoad for EditedFile<'_> {
    const FROM_DISK: bool = true;

    fn read(&self) -> Cow<'_, SourceFile> {
        let file = self.1.read();
        self.0.count(self.1);
        file
    }

    fn again(&self, print: Option<&FilePrint>) -> Option<Cow<'_, SourceFile>> {
        let file = self.1.again(print);
        self.0.count(self.1);
        file
    }
}

fn load_edited(edited: &Edited) -> Result<Loaded, Changed> {
    let files: Vec<EditedFile<'_>> = (edited.found.iter())
        .map(|found| EditedFile(edited, found))
        .collect();
    load_each(&files, None, None).map(|(loaded, _)| loaded)
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("acme.yaml"), ACME).expect("write");
    for n in 0..20 {
        std::fs::write(dir.path().join(format!("f{n:02}.yaml")), FILLER).expect("write");
    }
    dir
}

#[test]
fn a_late_problem_is_placed_in_the_file_read_again_when_it_is_unchanged() {
    let dir = folder();
    let loaded = load_edited(&Edited::new(dir.path(), "acme.yaml", 99)).expect("unchanged");
    let unknown = (loaded.problems.iter())
        .find(|problem| problem.message.contains("acme/nowhere"))
        .expect("the unknown reference is reported");
    assert_eq!(unknown.position.line, 4);
    assert_eq!(
        loaded.texts.get(&unknown.file).map(|text| &**text),
        Some(ACME)
    );
}

#[test]
fn a_file_changed_before_its_late_problem_is_placed_is_a_change() {
    let dir = folder();
    // Read once to scan it and once to parse it; changed before it is read to place the
    // problem.
    assert_eq!(
        load_edited(&Edited::new(dir.path(), "acme.yaml", 2)).err(),
        Some(Changed)
    );
    // Loaded again, from files held, the problem is placed in the text as it is now.
    let (loaded, _) = load_sources(&Sources::only(vec![dir.path().to_path_buf()]), None, None);
    let unknown = (loaded.problems.iter())
        .find(|problem| problem.message.contains("acme/nowhere"))
        .expect("the unknown reference is reported");
    assert_eq!(unknown.position.line, 5);
}

#[test]
fn a_file_changed_between_its_scan_and_its_parse_is_a_change() {
    let dir = folder();
    assert_eq!(
        load_edited(&Edited::new(dir.path(), "acme.yaml", 1)).err(),
        Some(Changed)
    );
    let dir = folder();
    assert_eq!(
        load_edited(&Edited::new(dir.path(), "f07.yaml", 1)).err(),
        Some(Changed),
        "a file without problems too: its text is not needed, but its print is the load's"
    );
}
