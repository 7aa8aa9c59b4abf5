//! Faults: a save killed at any moment leaves the old plan or the new one, never a mix; a
//! catalog rewritten while it is read is never half-loaded.

mod common;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use upskill::catalog::{self, Sources};

/// The two timing tests below one at a time: the kills start forty upskills that take both
/// cores of a small machine, and a writer starved that long looks to the reader like an
/// editor that has finished saving, which is not what the catalog test is about.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A provider file of `n` credentials.
fn catalog_text(n: usize) -> String {
    let mut text = String::from("provider: {id: race, name: Race}\ncredentials:\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "  - {{id: c{i}, title: Credential {i}, kind: course, hours: 1, cost: 1, skills: [s]}}"
        );
    }
    text
}

#[test]
fn a_catalog_rewritten_while_it_is_read_is_never_half_loaded() {
    let _alone = alone();
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("race.yaml");
    let full = catalog_text(200);
    std::fs::write(&path, &full).expect("write");
    let stop = Arc::new(AtomicBool::new(false));
    // The longest any save took, from truncating the file to its last byte. A reload waits
    // for the files to stay the same for a moment; a save that stalls longer than that (a
    // writer starved of the CPU on a busy machine) is, to any reader, an editor that has
    // finished, and a reader may then rightly take what it saw.
    let slowest_save = Arc::new(std::sync::Mutex::new(Duration::ZERO));
    // An editor that saves in place, in two writes with a pause between: a reader in the
    // pause sees an empty file, or half a file, which ends at an item and so parses with
    // fewer credentials.
    let writer = {
        let (path, full, stop) = (path.clone(), full.clone(), Arc::clone(&stop));
        let slowest_save = Arc::clone(&slowest_save);
        std::thread::spawn(move || {
            let half = full.len() / 2;
            let cut = full[..half].rfind("\n  - ").map_or(half, |at| at + 1);
            while !stop.load(Ordering::Relaxed) {
                let started = std::time::Instant::now();
                let mut file = std::fs::File::create(&path).expect("truncate");
                file.write_all(&full.as_bytes()[..cut]).expect("first half");
                file.flush().expect("flush");
                std::thread::sleep(Duration::from_millis(1));
                file.write_all(&full.as_bytes()[cut..])
                    .expect("second half");
                drop(file);
                let took = started.elapsed();
                let mut slowest = slowest_save.lock().expect("not poisoned");
                *slowest = (*slowest).max(took);
                drop(slowest);
                // An editor saves now and then, not continuously.
                std::thread::sleep(Duration::from_millis(400));
            }
        })
    };
    let sources = Sources::only(vec![path]);
    let (mut complete, mut partial) = (0, Vec::new());
    for _ in 0..12 {
        // Unsettled (None) means the reload waits: the last good catalog stays.
        if let Some(loaded) = catalog::load_settled(&sources).filter(|loaded| !loaded.has_errors())
        {
            match loaded.catalog.credentials.len() {
                200 => complete += 1,
                other => partial.push(other),
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("the writer ends");
    let slowest = *slowest_save.lock().expect("not poisoned");
    // A reader takes a file only when two reads 150 ms apart agree, so a part of a file is
    // taken only from a save that lasted that long; the margin is for the two clocks.
    assert!(
        partial.is_empty() || slowest >= Duration::from_millis(100),
        "a catalog is used whole or not at all: loaded {partial:?} of 200 credentials \
         while no save took longer than {slowest:?}"
    );
    assert!(complete > 0, "some reads land between saves");
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_plan() {
    let _alone = alone();
    let home = tempfile::tempdir().expect("temp");
    let plan_file: PathBuf = home.path().join("data/upskill/plans/alex.yaml");
    let save = || {
        common::command(
            home.path(),
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        )
        .args([
            "plan",
            "--role",
            "cloud-engineer",
            "--save",
            "alex",
            "--force",
            "--start",
            "2027-01-04",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("upskill starts")
    };
    // How long a whole run takes here, so the kills land all along it.
    let started = std::time::Instant::now();
    assert!(save().wait().expect("runs").success());
    let whole = started.elapsed();
    std::fs::remove_file(&plan_file).expect("the first run saved");
    let mut survived = 0;
    for attempt in 0..40u32 {
        let mut child = save();
        // Kill it anywhere from its start to twice the time a whole run took: a busy
        // machine can make a run slower than the one measured, and the later kills still
        // land after some saves.
        std::thread::sleep(whole * attempt / 20);
        let _ = child.kill();
        let _ = child.wait();
        if plan_file.exists() {
            let text = std::fs::read_to_string(&plan_file).expect("readable");
            let plan = upskill::plan::file::parse(&text, "2027-01-04".parse().expect("date"))
                .expect("a whole plan, never a torn one");
            assert_eq!(plan.name, "alex");
            assert!(!plan.steps.is_empty(), "{text}");
            survived += 1;
        }
        let leftovers: Vec<String> = std::fs::read_dir(plan_file.parent().expect("folder"))
            .map(|entries| {
                entries
                    .flatten()
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            leftovers.iter().all(|name| name == "alex.yaml"
                || std::path::Path::new(name)
                    .extension()
                    .is_some_and(|ext| ext == "tmp" || ext == "lock")),
            "{leftovers:?}"
        );
    }
    assert!(survived > 0, "some runs got as far as saving");
}

/// What a save killed between writing its temporary file and putting it in place leaves: a
/// file made the way `files::write` makes it (hidden, `.upskill-*.tmp`, beside the plan),
/// holding part of the new plan, and never removed, since a killed process runs no
/// destructor. The old plan must still be the plan, and the leftover no plan at all.
#[test]
fn a_temporary_file_left_half_written_by_an_interrupted_save_is_not_a_plan() {
    let home = common::home::Home::new();
    home.save("alex", "2027-01-04");
    let plan_file = home.plans().join("alex.yaml");
    let saved = std::fs::read_to_string(&plan_file).expect("the plan was saved");
    // The next version of the plan, cut off halfway through writing it.
    let newer = saved.replace("2027-01-04", "2028-03-06");
    let mut temp = tempfile::Builder::new()
        .prefix(".upskill-")
        .suffix(".tmp")
        .tempfile_in(home.plans())
        .expect("a temporary file beside the plan");
    temp.write_all(&newer.as_bytes()[..newer.len() / 2])
        .expect("half the plan");
    let (_, left) = temp.keep().expect("left behind as a killed save leaves it");
    let listed = common::home::json(&home.ok(&["plans", "--format", "json"]));
    let names: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|plan| plan["name"].as_str())
        .collect();
    assert_eq!(names, ["alex"], "{listed}");
    assert_eq!(
        std::fs::read_to_string(&plan_file).expect("still there"),
        saved,
        "the old plan is untouched"
    );
    let exported = common::home::json(&home.ok(&["export", "alex", "--format", "json"]));
    assert_eq!(exported["start"], "2027-01-04");
    // The next save is not confused by the leftover either, and leaves it alone.
    home.ok(&[
        "plan",
        "--role",
        "analyst",
        "--start",
        "2028-03-06",
        "--save",
        "alex",
        "--force",
    ]);
    let exported = common::home::json(&home.ok(&["export", "alex", "--format", "json"]));
    assert_eq!(exported["start"], "2028-03-06");
    assert!(left.exists(), "a save removes only its own temporary file");
}
