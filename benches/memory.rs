//! Peak memory of `upskill validate` over generated catalogs of 1,000, 10,000 and 100,000
//! credentials (and 1,000,000 with `UPSKILL_BENCH_1M=1`) written to a temporary folder,
//! against the size of their YAML, cold (`--no-cache`) and warm (from the catalog cache the
//! run before wrote). Each run is the release binary under `/usr/bin/time -v`, which reports
//! the maximum resident set size; the wall time of the whole command (reading the files,
//! validating or reading the cache, printing the summary) comes with it.
//! `cargo bench --bench memory`.

use std::path::Path;
use std::process::Command;

use upskill::synth;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const RUNS: usize = 3;

/// The sizes measured: a million credentials too when `UPSKILL_BENCH_1M` is set (minutes and
/// gigabytes, so CI leaves it out).
fn sizes() -> Vec<usize> {
    let mut sizes = SIZES.to_vec();
    if std::env::var_os("UPSKILL_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

fn main() {
    if !Path::new("/usr/bin/time").exists() {
        println!("memory: /usr/bin/time is not installed (Debian: apt-get install time); skipped");
        return;
    }
    let binary = env!("CARGO_BIN_EXE_upskill");
    println!(
        "upskill validate --no-bundled --catalog DIR, under /usr/bin/time -v (median of {RUNS}):"
    );
    println!(
        "{:>8} {:>9} | {:>7} {:>12} {:>8} {:>9} | {:>7} {:>12} {:>8} {:>9}",
        "creds",
        "YAML MB",
        "",
        "max RSS MB",
        "x YAML",
        "wall s",
        "",
        "max RSS MB",
        "x YAML",
        "wall s"
    );
    for credentials in sizes() {
        let generated = synth::generate(credentials, 1);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let catalogs = dir.path().join("catalogs");
        generated
            .write_to(&catalogs)
            .expect("the generated files are written");
        let median = |cached: bool| {
            let (mut rss, mut wall): (Vec<u64>, Vec<f64>) = (0..RUNS)
                .map(|_| measure(binary, &catalogs, dir.path(), cached))
                .unzip();
            rss.sort_unstable();
            wall.sort_by(f64::total_cmp);
            (rss[RUNS / 2], wall[RUNS / 2])
        };
        let cold = median(false);
        // The first cached run writes the cache; the runs after it read it.
        measure(binary, &catalogs, dir.path(), true);
        let warm = median(true);
        let yaml_mb = generated.total_bytes() as f64 / 1e6;
        let column = |(rss_kb, wall): (u64, f64)| {
            let peak_mb = rss_kb as f64 * 1024.0 / 1e6;
            format!("{peak_mb:>12.1} {:>8.2} {wall:>9.2}", peak_mb / yaml_mb)
        };
        println!(
            "{credentials:>8} {yaml_mb:>9.1} | {:>7} {} | {:>7} {}",
            "cold",
            column(cold),
            "warm",
            column(warm)
        );
    }
}

/// Max RSS in KiB and wall seconds of one validation of `catalogs`, with the config folder
/// pointed into `home` so no user catalog joins in.
fn measure(binary: &str, catalogs: &Path, home: &Path, cached: bool) -> (u64, f64) {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(binary)
        .args(["validate", "--no-bundled", "--catalog"])
        .arg(catalogs)
        .args(if cached { &[][..] } else { &["--no-cache"][..] })
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .expect("/usr/bin/time runs");
    assert!(
        output.status.success(),
        "validate failed: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let report = String::from_utf8_lossy(&output.stderr);
    let field = |name: &str| {
        report
            .lines()
            .find_map(|line| line.trim().strip_prefix(name))
            .map(str::trim)
            .expect("/usr/bin/time -v reports it")
            .to_owned()
    };
    let rss = field("Maximum resident set size (kbytes):")
        .parse()
        .expect("a number of KiB");
    (
        rss,
        seconds(&field("Elapsed (wall clock) time (h:mm:ss or m:ss):")),
    )
}

/// `m:ss.ss` or `h:mm:ss` as seconds.
fn seconds(clock: &str) -> f64 {
    clock.split(':').fold(0.0, |total, part| {
        total * 60.0 + part.parse::<f64>().unwrap_or(0.0)
    })
}
