//! Hot reload in the real binary (tmux): reading a catalog from outside reloads nothing and
//! costs no CPU; a write that changes a catalog reloads it once and then rests; a write of
//! the same bytes reloads nothing. CPU time is read from /proc, never guessed from wall time,
//! and "rests" also means that nothing opens the catalog files any more: on small catalogs
//! a loop of reads that reload nothing costs too little CPU to tell from idle.

mod common;

use std::io::Read;
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::tmux::{Session, cpu_time};
use notify::event::AccessKind;
use notify::{EventKind, RecursiveMode, Watcher};
use notify_debouncer_full::notify;

const RELOADED: &str = "Catalogs reloaded";

/// More than an idle app uses in a few seconds, far less than a reload loop.
const MOST_CPU: Duration = Duration::from_millis(100);

/// Watches the screen for `period`, failing the moment `text` shows.
fn never_shows(session: &Session, text: &str, period: Duration) {
    let end = Instant::now() + period;
    while Instant::now() < end {
        let screen = session.screen();
        assert!(!screen.contains(text), "{text:?} showed:\n{screen}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// How many times anything opened a file in `dir` while `during` ran.
fn opens_in(dir: &Path, during: impl FnOnce()) -> usize {
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(sender).expect("a watcher");
    watcher
        .watch(dir, RecursiveMode::NonRecursive)
        .expect("watch the catalogs");
    during();
    // Opens near the end are still on their way from the kernel.
    std::thread::sleep(Duration::from_millis(200));
    drop(watcher);
    events
        .try_iter()
        .filter(|event| {
            matches!(event, Ok(event) if matches!(event.kind, EventKind::Access(AccessKind::Open(_))))
        })
        .count()
}

/// Reads `path` the ways other programs do: whole, several times, and opened and closed.
fn read_from_outside(path: &Path) {
    for _ in 0..5 {
        let bytes = std::fs::read(path).expect("read the catalog");
        assert!(!bytes.is_empty());
    }
    let mut file = std::fs::File::open(path).expect("open the catalog");
    let mut start = [0u8; 16];
    file.read_exact(&mut start).expect("read its start");
    drop(file);
    drop(std::fs::File::open(path).expect("open the catalog again"));
}

/// A running app with the test catalogs on screen, and its process id.
fn started(home: &Path, name: &str) -> (Session, u32) {
    let session = Session::start(home, name);
    session.wait_for("Catalog 8/8");
    let pid = session.pid();
    (session, pid)
}

#[test]
fn reading_a_catalog_reloads_nothing_and_a_change_reloads_once() {
    let home = tempfile::tempdir().expect("temp");
    let (session, pid) = started(home.path(), "watch-read");
    let beta = session.catalogs.join("beta.yaml");

    let before = cpu_time(pid);
    read_from_outside(&beta);
    read_from_outside(&session.catalogs.join("acme.yaml"));
    never_shows(&session, RELOADED, Duration::from_secs(1));
    let opens = opens_in(&session.catalogs, || {
        never_shows(&session, RELOADED, Duration::from_secs(4));
    });
    let used = cpu_time(pid).saturating_sub(before);
    assert!(used < MOST_CPU, "reading the catalogs cost {used:?} of CPU");
    assert_eq!(opens, 0, "the app went on reading the catalogs");

    // A new credential: one reload, and then the app rests.
    let mut text = std::fs::read_to_string(&beta).expect("read");
    text.push_str(
        "  - {id: data-201, title: Data 201, kind: course, hours: 4, cost: 0, skills: [data]}\n",
    );
    std::fs::write(&beta, text).expect("write");
    session.wait_for("Catalogs reloaded: 9 credentials");
    session.wait_for("Catalog 9/9");
    session.send(&["S"]);
    session.wait_for("Sorted by title");
    let before = cpu_time(pid);
    never_shows(&session, RELOADED, Duration::from_secs(3));
    let used = cpu_time(pid).saturating_sub(before);
    assert!(
        used < MOST_CPU,
        "after one reload the app used {used:?} of CPU"
    );
    assert!(session.screen().contains("Sorted by title"));
}

#[test]
fn saving_a_catalog_unchanged_reloads_nothing() {
    let home = tempfile::tempdir().expect("temp");
    let (session, pid) = started(home.path(), "watch-same");
    let acme = session.catalogs.join("acme.yaml");

    let before = cpu_time(pid);
    let bytes = std::fs::read(&acme).expect("read");
    std::fs::write(&acme, &bytes).expect("write the same bytes");
    // A touch as well: a later modification time, the same bytes.
    std::fs::File::options()
        .write(true)
        .open(&acme)
        .and_then(|file| file.set_modified(std::time::SystemTime::now()))
        .expect("touch");
    // The app reads the files to compare them, once; then it rests.
    never_shows(&session, RELOADED, Duration::from_secs(2));
    let opens = opens_in(&session.catalogs, || {
        never_shows(&session, RELOADED, Duration::from_secs(3));
    });
    let used = cpu_time(pid).saturating_sub(before);
    assert!(used < MOST_CPU, "an unchanged save cost {used:?} of CPU");
    assert_eq!(opens, 0, "the app went on reading the catalogs");

    // The watcher is awake: a real change still reloads.
    std::fs::write(
        &acme,
        String::from_utf8_lossy(&bytes).replace("IT Basics", "IT Basics II"),
    )
    .expect("write a change");
    session.wait_for("Catalogs reloaded: 8 credentials");
    session.wait_for("IT Basics II");
}
