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
//! `UPSKILL_RELOAD_MODE=full` or `=store` measures one way only, so the peak RSS is its own;
//! `UPSKILL_RELOAD_RUNS=N` measures N reloads each way (3 by default).

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use upskill::catalog::cache::Store;
use upskill::catalog::{self, Fingerprint, Loaded, Sources, source};

#[path = "app/peak.rs"]
mod peak;

/// Reloads measured each way, unless `UPSKILL_RELOAD_RUNS` says.
const RUNS: usize = 3;

fn runs() -> usize {
    std::env::var("UPSKILL_RELOAD_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(RUNS)
}

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
    println!("peak RSS of this process: {} MB", peak::peak_mb());
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
    let cpu_before = cpu_seconds();
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
        "{way}: the first load{writing} {:.2?}, CPU {:.2} s ({} credentials)",
        began.elapsed(),
        cpu_seconds() - cpu_before,
        held.catalog.credentials.len()
    );
    let mut totals: Vec<Duration> = Vec::new();
    let mut cpus: Vec<f64> = Vec::new();
    let runs = runs();
    for run in 1..=runs {
        std::fs::write(changed, format!("{text}# reloaded {run}\n")).expect("changed");
        let (parsed, reused) = store.map_or((0, 0), |store| (store.parsed(), store.reused()));
        let began = Instant::now();
        let cpu_before = cpu_seconds();
        let files = source::gather_settled(sources).expect("the files settle");
        let settled = began.elapsed();
        let print = Fingerprint::of(&files);
        assert!(!print.same_content(&last), "the file changed");
        let loaded = catalog::load_stored(&files, None, store);
        let total = began.elapsed();
        let cpu = cpu_seconds() - cpu_before;
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
            "{way}: reload {run} {total:.2?}, CPU {cpu:.2} s (reading until settled {settled:.2?}, loading {:.2?}{counts})",
            total.saturating_sub(settled)
        );
        totals.push(total);
        cpus.push(cpu);
    }
    totals.sort();
    cpus.sort_by(f64::total_cmp);
    println!(
        "{way}: median reload {:.2?}, CPU {:.2} s, {} credentials, peak RSS so far {} MB",
        totals[runs / 2],
        cpus[runs / 2],
        held.catalog.credentials.len(),
        peak::peak_mb()
    );
    std::fs::write(changed, text).expect("put back");
}

/// The CPU time this process has used, user and system, in seconds: on a machine shared with
/// other work, what a reload costs is clearer in it than in wall time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces) in its parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s on Linux.
    (ticks(11) + ticks(12)) / 100.0
}
