//! Loading and validating catalogs: the bundled set, and generated catalogs of 1,000, 10,000
//! and 100,000 credentials beside a bare `serde_yaml` parse of the same files into the format
//! structs (the floor of our stack). Both are measured on one thread and on every core (the
//! loader parses files in parallel), so each ratio compares like with like.
//!
//! After divan's table, unless a filter is given, the ratios to the floor are printed from
//! interleaved runs, so a noisy neighbour falls on all four alike, each taken at its median
//! round. Below it, how much more a credential costs at each larger size than at 10,000 on
//! two cores, from the same medians (the target: within 15% at a million). Then the warm
//! start: the same files written to a folder and loaded cold, cold writing the catalog cache,
//! and warm from it (medians), and postcard beside bincode for the cache's format.
//!
//! `UPSKILL_BENCH_1M=1` adds 1,000,000 credentials to the printed tables (minutes and
//! gigabytes: CI leaves it out). `UPSKILL_BENCH_RATIOS=1` prints the ratio table alone, with
//! the microseconds each credential takes (divan's table and the warm start are left out).

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::any::Any;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use divan::Bencher;
use rayon::prelude::*;
use upskill::catalog::format::CatalogFile;
use upskill::catalog::{self, Loaded, SourceFile, Sources};
use upskill::synth::{self, Generated};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[path = "load/warm.rs"]
mod warm;

fn main() {
    if std::env::var_os("UPSKILL_BENCH_RATIOS").is_some() {
        print_ratios();
        return;
    }
    divan::main();
    if !filtered() {
        print_ratios();
        warm::print_warm_start(&sizes());
    }
}

/// The sizes of the printed tables: [`SIZES`], and a million with `UPSKILL_BENCH_1M` set.
fn sizes() -> Vec<usize> {
    let mut sizes = SIZES.to_vec();
    if std::env::var_os("UPSKILL_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

/// Whether the command line names benchmarks to run (then the ratio table is left out).
fn filtered() -> bool {
    const FLAGS: [&str; 5] = ["--bench", "--exact", "--ignored", "--list", "--test"];
    let mut takes_value = false;
    for arg in std::env::args().skip(1) {
        if std::mem::take(&mut takes_value) {
            continue;
        }
        if arg.starts_with("--") {
            takes_value = !arg.contains('=') && !FLAGS.contains(&arg.as_str());
        } else if !arg.starts_with('-') {
            return true;
        }
    }
    false
}

#[derive(Clone)]
struct Input {
    generated: Generated,
    files: Vec<SourceFile>,
}

/// The input of `credentials`: the benchmarked sizes made once, any other made now.
fn input_of(credentials: usize) -> std::borrow::Cow<'static, Input> {
    if SIZES.contains(&credentials) {
        std::borrow::Cow::Borrowed(input(credentials))
    } else {
        std::borrow::Cow::Owned(make_input(credentials))
    }
}

fn input(credentials: usize) -> &'static Input {
    static INPUTS: [LazyLock<Input>; 3] = [
        LazyLock::new(|| make_input(SIZES[0])),
        LazyLock::new(|| make_input(SIZES[1])),
        LazyLock::new(|| make_input(SIZES[2])),
    ];
    let i = SIZES
        .iter()
        .position(|&size| size == credentials)
        .expect("a benchmarked size");
    &INPUTS[i]
}

fn make_input(credentials: usize) -> Input {
    let generated = synth::generate(credentials, 1);
    let files = generated.source_files();
    Input { generated, files }
}

fn one_thread() -> &'static rayon::ThreadPool {
    static POOL: LazyLock<rayon::ThreadPool> = LazyLock::new(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
    });
    &POOL
}

// Each run returns what it built, so neither side is timed dropping it: the app keeps the
// catalog it loads.
fn load(files: &[SourceFile]) -> Loaded {
    let loaded = catalog::load_files(files);
    assert!(!loaded.has_errors());
    loaded
}

fn parse(text: &str) -> Option<CatalogFile> {
    serde_yaml::from_str::<CatalogFile>(text).ok()
}

fn bare(generated: &Generated) -> Vec<Option<CatalogFile>> {
    generated
        .files
        .iter()
        .map(|(_, text)| parse(text))
        .collect()
}

fn bare_parallel(generated: &Generated) -> Vec<Option<CatalogFile>> {
    generated
        .files
        .par_iter()
        .map(|(_, text)| parse(text))
        .collect()
}

#[divan::bench]
fn bundled() -> Loaded {
    let loaded = catalog::load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded
}

/// A catalog author's worst case: one file of N credentials, each with five mistakes. Every
/// one is reported, each item on its own (the slow path), so this is the cost of the
/// messages. (Finding the end of the file once per error made 5,000 take 6-10 s.)
#[divan::bench(consts = [500, 5_000], sample_count = 5)]
fn every_error_of_a_broken_file<const N: usize>(bencher: Bencher<'_, '_>) {
    use std::fmt::Write as _;
    use std::sync::Arc;
    let mut text = String::from(
        "provider: {id: bad, name: Bad}\nskills:\n  - {id: linux, name: Linux}\ncredentials:\n",
    );
    for i in 0..N {
        let _ = writeln!(
            text,
            "  - {{id: c{i}, titel: T, kind: cours, hours: ten, cost: -5, skills: [linx], verified: 2026-13-01}}"
        );
    }
    let files = vec![SourceFile {
        name: Arc::from("bad.yaml"),
        path: None,
        content: Ok(catalog::source::Bytes::Owned(text.into_bytes())),
    }];
    bencher.bench(|| {
        let loaded = catalog::load_files(&files);
        assert_eq!(loaded.tally().errors, 5 * N);
        loaded
    });
}

#[divan::bench(consts = SIZES, sample_count = 5)]
fn load_and_validate<const N: usize>(bencher: Bencher<'_, '_>) {
    let input = input(N);
    bencher.bench(|| load(&input.files));
}

#[divan::bench(consts = SIZES, sample_count = 5)]
fn load_and_validate_one_thread<const N: usize>(bencher: Bencher<'_, '_>) {
    let input = input(N);
    bencher.bench(|| one_thread().install(|| load(&input.files)));
}

#[divan::bench(consts = SIZES, sample_count = 5)]
fn bare_parse<const N: usize>(bencher: Bencher<'_, '_>) {
    let input = input(N);
    bencher.bench(|| bare(&input.generated));
}

#[divan::bench(consts = SIZES, sample_count = 5)]
fn bare_parse_parallel<const N: usize>(bencher: Bencher<'_, '_>) {
    let input = input(N);
    bencher.bench(|| bare_parallel(&input.generated));
}

type Run<'a> = &'a dyn Fn() -> Box<dyn Any>;

/// Rounds of the ratio table at `credentials`. Each size is taken at its median round: a load
/// of 10,000 takes about 50 ms, short enough that where the scheduler puts the merging thread
/// and the two parsing threads moves it by a fifth (50-64 ms in one run), while at a million
/// that evens out within the load. The fastest round was then a lucky one at 10,000 and not
/// at a million, and the more rounds, the luckier: the growth to a million, taken from the
/// fastest rounds, was 6-16% with 11 rounds at 10,000 and 3 at a million, and 16-18% with 7
/// of each, while the mean CPU a credential grows 3%. The median needs no equal counts, and
/// the short sizes get many rounds so that theirs holds still.
fn rounds(credentials: usize) -> usize {
    match credentials {
        1_000_000.. => 7,
        100_000.. => 21,
        _ => 41,
    }
}

/// The wall times of one run over the rounds: the fastest, and the median.
#[derive(Clone, Copy, Default)]
struct Times {
    fastest: Duration,
    median: Duration,
}

/// The times of each of `runs`, run `rounds` times in turn; what a run returns is dropped
/// after its time is taken.
fn interleaved<const K: usize>(rounds: usize, runs: [Run<'_>; K]) -> [Times; K] {
    let mut times: [Vec<Duration>; K] = std::array::from_fn(|_| Vec::with_capacity(rounds));
    for _ in 0..rounds {
        for (run, times) in runs.iter().zip(&mut times) {
            let start = Instant::now();
            let built = std::hint::black_box(run());
            times.push(start.elapsed());
            drop(built);
        }
    }
    times.map(|mut times| {
        times.sort_unstable();
        Times {
            fastest: times.first().copied().unwrap_or_default(),
            median: times.get(times.len() / 2).copied().unwrap_or_default(),
        }
    })
}

fn print_ratios() {
    println!();
    println!("Load + validate against the bare parse (median of interleaved rounds, ms):");
    println!(
        "{:>8} {:>9} | {:>9} {:>9} {:>6} | {:>9} {:>9} {:>6} | {:>10} | {:>7}",
        "creds",
        "YAML MB",
        "load 1t",
        "bare 1t",
        "ratio",
        "load",
        "bare par",
        "ratio",
        "load/bare1t",
        "µs/cred"
    );
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    // Each size's two-core load and bare parse, a credential at a time (µs), for the growth.
    let mut per_credential: Vec<(usize, [Times; 2])> = Vec::new();
    for credentials in sizes() {
        let input = input_of(credentials);
        let [load_one, bare_one, load_all, bare_all] = interleaved(
            rounds(credentials),
            [
                &|| Box::new(one_thread().install(|| load(&input.files))),
                &|| Box::new(bare(&input.generated)),
                &|| Box::new(load(&input.files)),
                &|| Box::new(bare_parallel(&input.generated)),
            ],
        );
        let [load_one, bare_one] = [load_one.median, bare_one.median];
        println!(
            "{:>8} {:>9.1} | {:>9.1} {:>9.1} {:>6.2} | {:>9.1} {:>9.1} {:>6.2} | {:>10.2} | {:>7.2}",
            credentials,
            input.generated.total_bytes() as f64 / 1e6,
            ms(load_one),
            ms(bare_one),
            ms(load_one) / ms(bare_one),
            ms(load_all.median),
            ms(bare_all.median),
            ms(load_all.median) / ms(bare_all.median),
            ms(load_all.median) / ms(bare_one),
            ms(load_all.median) * 1000.0 / credentials as f64,
        );
        per_credential.push((credentials, [load_all, bare_all]));
    }
    print_growth(&per_credential);
}

/// How much more a credential costs at each size than at 10,000, on two cores, from the
/// median rounds (the table's); the fastest rounds' growth beside it is biased by the round
/// counts (see [`rounds`]).
fn print_growth(per_credential: &[(usize, [Times; 2])]) {
    let Some(&(from, [load_from, bare_from])) =
        per_credential.iter().find(|(size, _)| *size == 10_000)
    else {
        return;
    };
    let growth = |at: Duration, size: usize, then: Duration| {
        let each = |time: Duration, size: usize| time.as_secs_f64() / size as f64;
        (each(at, size) / each(then, from) - 1.0) * 100.0
    };
    println!();
    println!(
        "Growth a credential from {from} (two cores; median rounds, and for reference the fastest):"
    );
    for &(size, [load, bare]) in per_credential.iter().filter(|(size, _)| *size > from) {
        println!(
            "{:>8}: load {:+.1}% (fastest {:+.1}%) | bare parse {:+.1}% (fastest {:+.1}%)",
            size,
            growth(load.median, size, load_from.median),
            growth(load.fastest, size, load_from.fastest),
            growth(bare.median, size, bare_from.median),
            growth(bare.fastest, size, bare_from.fastest),
        );
    }
}
