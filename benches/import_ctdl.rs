//! Speed and peak memory of `upskill import-ctdl` on 100,000 generated Credential Registry
//! resources in 100 `@graph` files (see `synth::ctdl`), against the size of the input and of
//! its largest file. The release binary runs under `/usr/bin/time -v`.
//! `cargo bench --bench import_ctdl`; with `UPSKILL_CTDL_DIR=DIR` the generated files are
//! written to DIR and kept, to measure another build on the same input.

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::Command;

use upskill::synth;

const RESOURCES: usize = 100_000;
const PER_FILE: usize = 1_000;

fn main() {
    if !Path::new("/usr/bin/time").exists() {
        println!("import_ctdl: /usr/bin/time is not installed; skipped");
        return;
    }
    let temporary = tempfile::tempdir().expect("a temporary folder");
    let input: PathBuf = std::env::var_os("UPSKILL_CTDL_DIR")
        .map_or_else(|| temporary.path().join("gen"), PathBuf::from);
    std::fs::create_dir_all(&input).expect("the input folder");
    let files = synth::ctdl::graph_files(RESOURCES, PER_FILE);
    let total: usize = files.iter().map(|(_, text)| text.len()).sum();
    let largest = files.iter().map(|(_, text)| text.len()).max().unwrap_or(0);
    for (name, text) in &files {
        std::fs::write(input.join(name), text).expect("a generated file");
    }
    drop(files);
    let output = temporary.path().join("out");
    let report = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_upskill"))
        .arg("import-ctdl")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .env("HOME", temporary.path())
        .env("XDG_CONFIG_HOME", temporary.path().join("config"))
        .output()
        .expect("/usr/bin/time runs");
    assert!(report.status.success(), "import-ctdl failed");
    let report = String::from_utf8_lossy(&report.stderr);
    let field = |name: &str| {
        report
            .lines()
            .find_map(|line| line.trim().strip_prefix(name))
            .map_or("?", str::trim)
            .to_owned()
    };
    let number = |name: &str| field(name).parse::<f64>().unwrap_or(0.0);
    let rss_kb = number("Maximum resident set size (kbytes):");
    // On a shared machine the wall time includes waiting for a core; the CPU time does not.
    let cpu = number("User time (seconds):") + number("System time (seconds):");
    let written: u64 = std::fs::read_dir(&output)
        .expect("the output folder")
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    println!(
        "import-ctdl, {RESOURCES} resources in {} files: input {:.1} MB (largest file {:.2} MB), output {:.1} MB, wall {}, CPU {cpu:.1} s, peak {:.0} MB",
        RESOURCES.div_ceil(PER_FILE),
        total as f64 / 1e6,
        largest as f64 / 1e6,
        written as f64 / 1e6,
        field("Elapsed (wall clock) time (h:mm:ss or m:ss):"),
        rss_kb * 1024.0 / 1e6
    );
}
