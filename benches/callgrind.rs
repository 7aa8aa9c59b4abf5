//! One operation, once, for counting instructions with callgrind, which stays repeatable on
//! a machine shared with other builds (docs/performance.md shows the numbers):
//!
//! ```text
//! cargo bench --bench callgrind --no-run     # prints the executable's path as BIN
//! valgrind --tool=callgrind --toggle-collect='callgrind::measured*' BIN load 100000
//! valgrind --tool=callgrind --toggle-collect='callgrind::measured*' BIN bare 100000
//! valgrind --tool=callgrind --toggle-collect='callgrind::measured*' BIN recommend 100000 role-0
//! ```
//!
//! `load` is load + validate on one thread (so callgrind sees every instruction on the
//! thread it toggles); `bare` is the bare `serde_yaml` parse of the same files into the
//! format structs; `recommend` is one recommendation by cost, after loading. Generating the
//! catalog is outside `measured`, and so is dropping what it built.

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use upskill::catalog::format::CatalogFile;
use upskill::catalog::{self, Catalog, RoleIdx};
use upskill::plan::{Holdings, Options, recommend};
use upskill::synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("load", String::as_str);
    let credentials = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let generated = synth::generate(credentials, 1);
    let files = generated.source_files();
    println!(
        "{credentials} credentials, {} bytes in {} files",
        generated.total_bytes(),
        generated.files.len()
    );
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .expect("a one-thread pool on this thread");
    match what {
        "load" => {
            let loaded = one_thread.install(|| measured(|| catalog::load_files(&files)));
            println!("{}", loaded.summary());
        }
        "bare" => {
            let parsed = measured(|| bare(&generated.files));
            println!("{} files parsed", parsed.iter().flatten().count());
        }
        "recommend" => {
            let loaded = one_thread.install(|| catalog::load_files(&files));
            let role_id = args.get(2).map_or("role-0", String::as_str);
            let role = loaded.catalog.find_role(role_id).expect("a generated role");
            let steps = measured(|| recommendation(&loaded.catalog, role));
            println!("{role_id}: {steps} steps");
        }
        other => eprintln!("unknown operation `{other}`: load, bare or recommend"),
    }
    drop(files);
}

/// The part callgrind counts.
#[inline(never)]
fn measured<T>(run: impl FnOnce() -> T) -> T {
    black_box(run())
}

fn bare(files: &[(String, String)]) -> Vec<Option<CatalogFile>> {
    files
        .iter()
        .map(|(_, text)| serde_yaml::from_str::<CatalogFile>(text).ok())
        .collect()
}

fn recommendation(catalog: &Catalog, role: RoleIdx) -> usize {
    let have = Holdings::new(catalog);
    recommend(catalog, role, &have, &Options::default())
        .steps
        .len()
}
