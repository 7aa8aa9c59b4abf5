//! Hot reload after one catalog file of many changed, as the app does it (the files read until
//! they settle, fingerprinted, loaded): every file parsed again (the reload without the parse
//! store, as before it) beside the reload through the parse store (the changed file parsed,
//! the rest taken from the store). Prints each reload's time, what it parsed and took from the
//! store, the first load's time (without the store, and writing it), and the peak RSS.
//!
//! `cargo bench --bench reload` measures 20,000 generated credentials (40 files);
//! `UPSKILL_BENCH_1M=1` a million (2,002 files, 308 MB: minutes and ~2-3 GB).
//! `UPSKILL_RELOAD_CATALOGS=DIR` reloads the catalog files in DIR instead (never written: the
//! bench links to each from a folder of its own and changes a copy of one).
//! `UPSKILL_RELOAD_MODE=full` or `=store` measures one way only, so the peak RSS is its own.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use upskill::catalog::cache::Store;
use upskill::catalog::{self, Fingerprint, Loaded, Sources, source};

const RUNS: usize = 3;

fn main() {
    let credentials = if std::env::var_os("UPSKILL_BENCH_1M").is_some() {
        1_000_000
    } else {
        20_000
    };
    let work = tempfile::tempdir().expect("a temporary folder");
    let original = std::env::var_os("UPSKILL_RELOAD_CATALOGS").map_or_else(
        || generate(credentials, &work.path().join("generated")),
        PathBuf::from,
    );
    let catalogs = work.path().join("catalogs");
    let changed = linked(&original, &catalogs);
    let sources = Sources::only(vec![catalogs]);
    let modes = match std::env::var("UPSKILL_RELOAD_MODE").as_deref() {
        Ok("full") => vec![false],
        Ok("store") => vec![true],
        _ => vec![false, true],
    };
    for through_store in modes {
        let cache = work.path().join("cache");
        let _ = std::fs::remove_dir_all(&cache);
        let store = through_store.then(|| Store::new(&cache));
        measure(&sources, &changed, store.as_ref());
    }
    println!("peak RSS of this process: {} MB", peak_mb());
}

/// Writes `credentials` generated credentials to `dir`.
fn generate(credentials: usize, dir: &Path) -> PathBuf {
    let generated = upskill::synth::generate(credentials, 1);
    generated.write_to(dir).expect("the files are written");
    println!(
        "wrote {credentials} credentials, {:.1} MB of YAML",
        generated.total_bytes() as f64 / 1e6
    );
    dir.to_path_buf()
}

/// Fills `catalogs` with a link to each YAML file of `original` but one in the middle, which is
/// copied (so it can be changed): that copy's path.
fn linked(original: &Path, catalogs: &Path) -> PathBuf {
    std::fs::create_dir_all(catalogs).expect("a folder");
    let mut names: Vec<PathBuf> = std::fs::read_dir(original)
        .expect("the catalogs")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| source::is_yaml(path))
        .collect();
    names.sort();
    let middle = names.len() / 2;
    let mut changed = PathBuf::new();
    for (i, path) in names.iter().enumerate() {
        let to = catalogs.join(path.file_name().expect("a name"));
        if i == middle {
            std::fs::copy(path, &to).expect("copied");
            changed = to;
        } else {
            std::os::unix::fs::symlink(path, &to).expect("linked");
        }
    }
    println!("{} catalog files, one of them changed", names.len());
    changed
}

fn measure(sources: &Sources, changed: &Path, store: Option<&Store>) {
    let way = if store.is_some() {
        "through the parse store"
    } else {
        "every file parsed"
    };
    let text = std::fs::read_to_string(changed).expect("the changed file");
    let began = Instant::now();
    let files = source::gather(sources);
    let mut held: Loaded = catalog::load_stored(&files, None, store);
    let mut last = Fingerprint::of(&files);
    drop(files);
    let writing = if store.is_some() {
        ", writing the store"
    } else {
        ""
    };
    println!(
        "{way}: the first load{writing} {:.2?} ({} credentials)",
        began.elapsed(),
        held.catalog.credentials.len()
    );
    let mut totals: Vec<Duration> = Vec::new();
    for run in 1..=RUNS {
        std::fs::write(changed, format!("{text}# reloaded {run}\n")).expect("changed");
        let (parsed, reused) = store.map_or((0, 0), |store| (store.parsed(), store.reused()));
        let began = Instant::now();
        let files = source::gather_settled(sources).expect("the files settle");
        let settled = began.elapsed();
        let print = Fingerprint::of(&files);
        assert!(!print.same_content(&last), "the file changed");
        let loaded = catalog::load_stored(&files, None, store);
        let total = began.elapsed();
        // The app then replaces its catalog with the new one.
        held = loaded;
        last = print;
        let counts = store.map_or_else(String::new, |store| {
            format!(
                ", {} file parsed, {} from the store",
                store.parsed() - parsed,
                store.reused() - reused
            )
        });
        println!(
            "{way}: reload {run} {total:.2?} (reading until settled {settled:.2?}, loading {:.2?}{counts})",
            total.saturating_sub(settled)
        );
        totals.push(total);
    }
    totals.sort();
    println!(
        "{way}: median reload {:.2?}, {} credentials, peak RSS so far {} MB",
        totals[RUNS / 2],
        held.catalog.credentials.len(),
        peak_mb()
    );
    std::fs::write(changed, text).expect("put back");
}

/// This process's peak resident set, in MB.
fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
