//! The warm start: generated catalogs written to a folder and loaded as the commands load
//! them (reading the files included), cold without a cache, cold writing the cache, and warm
//! from it; then the cache's format, postcard, beside bincode on the same catalog.

use std::path::Path;
use std::time::{Duration, Instant};

use upskill::catalog::{Catalog, Loaded, Sources, cache};
use upskill::synth;

/// The median wall time of `rounds` runs of `run`; what a run returns is dropped after its
/// time is taken.
fn median<T>(rounds: usize, mut run: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let built = std::hint::black_box(run());
            let time = start.elapsed();
            drop(built);
            time
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

fn load(sources: &Sources, cache: Option<&Path>) -> Loaded {
    let loaded = cache::load(sources, cache);
    assert!(!loaded.has_errors());
    loaded
}

pub fn print_warm_start(sizes: &[usize]) {
    println!();
    println!("Warm start: files read, checked against the cache, catalog decoded (median, ms):");
    println!(
        "{:>8} {:>9} | {:>9} {:>11} {:>9} {:>9} | {:>9}",
        "creds", "YAML MB", "cold", "cold+write", "warm", "cold/warm", "cache MB"
    );
    for &credentials in sizes {
        let generated = synth::generate(credentials, 1);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let catalogs = dir.path().join("catalogs");
        generated.write_to(&catalogs).expect("written");
        let sources = Sources::only(vec![catalogs]);
        let cache_dir = dir.path().join("cache");
        let rounds = if credentials >= 1_000_000 { 3 } else { 5 };
        let cold = median(rounds, || load(&sources, None));
        let cold_write = median(rounds, || {
            let _ = std::fs::remove_dir_all(&cache_dir);
            load(&sources, Some(&cache_dir))
        });
        let warm = median(rounds * 2 + 1, || load(&sources, Some(&cache_dir)));
        let size: u64 = cache::present(&cache_dir)
            .iter()
            .map(|(_, size)| size)
            .sum();
        println!(
            "{:>8} {:>9.1} | {:>9.1} {:>11.1} {:>9.1} {:>9.1} | {:>9.1}",
            credentials,
            generated.total_bytes() as f64 / 1e6,
            ms(cold),
            ms(cold_write),
            ms(warm),
            ms(cold) / ms(warm),
            size as f64 / 1e6,
        );
    }
    print_formats(sizes);
}

/// postcard and bincode on the same catalog: encoding, decoding (median) and size.
fn print_formats(sizes: &[usize]) {
    println!();
    println!("The catalog encoded and decoded, in memory (median, ms):");
    println!(
        "{:>8} | {:>9} {:>9} {:>9} | {:>9} {:>9} {:>9}",
        "creds", "postcard", "decode", "MB", "bincode", "decode", "MB"
    );
    for &credentials in sizes.iter().filter(|&&size| size >= 100_000) {
        let generated = synth::generate(credentials, 1);
        let catalog = upskill::catalog::load_files(&generated.source_files()).catalog;
        drop(generated);
        let rounds = 5;
        let post = postcard::to_allocvec(&catalog).expect("encodes");
        let post_encode = median(rounds, || postcard::to_allocvec(&catalog));
        let post_decode = median(rounds, || {
            postcard::from_bytes::<Catalog>(&post).expect("decodes")
        });
        let bin = bincode::serialize(&catalog).expect("encodes");
        let bin_encode = median(rounds, || bincode::serialize(&catalog));
        let bin_decode = median(rounds, || {
            bincode::deserialize::<Catalog>(&bin).expect("decodes")
        });
        println!(
            "{:>8} | {:>9.1} {:>9.1} {:>9.1} | {:>9.1} {:>9.1} {:>9.1}",
            credentials,
            ms(post_encode),
            ms(post_decode),
            post.len() as f64 / 1e6,
            ms(bin_encode),
            ms(bin_decode),
            bin.len() as f64 / 1e6,
        );
    }
}
