//! The app's start as `upskill` does it: the catalog files read and fingerprinted, the
//! catalog cache read (or the files loaded and the cache written), the app built and its
//! first frame drawn; then the time until the whole catalog is in the app.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upskill::catalog::{self, Sources};
use upskill::synth;
use upskill::tui::browser::SearchIndex;
use upskill::tui::update::{Msg, update};
use upskill::tui::view::{ViewState, render};

const RUNS: usize = 3;

pub fn measure(credentials: usize) {
    let temporary = tempfile::tempdir().expect("a temporary folder");
    let dir: PathBuf = std::env::var_os("UPSKILL_APP_START_DIR")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from);
    let catalogs = dir.join("catalogs");
    let cache = dir.join("cache");
    if !catalogs.is_dir() {
        let generated = synth::generate(credentials, 1);
        generated
            .write_to(&catalogs)
            .expect("the files are written");
        println!(
            "wrote {credentials} credentials, {:.1} MB of YAML, to {}",
            generated.total_bytes() as f64 / 1e6,
            catalogs.display()
        );
    }
    let sources = Sources::only(vec![catalogs]);
    if std::env::var_os("UPSKILL_APP_START_WARM").is_none() {
        let _ = std::fs::remove_dir_all(&cache);
        let (first, whole) = start(&sources, &cache);
        println!("cold, writing the cache: first frame {first:.2?}, whole catalog {whole:.2?}");
        if std::env::var_os("UPSKILL_APP_START_COLD").is_some() {
            println!("peak RSS of the cold start: {} MB", super::peak::peak_mb());
            return;
        }
    }
    let mut runs: Vec<(Duration, Duration)> = (0..RUNS).map(|_| start(&sources, &cache)).collect();
    for (i, (first, whole)) in runs.iter().enumerate() {
        println!(
            "warm {}: first frame {first:.2?}, whole catalog {whole:.2?}",
            i + 1
        );
    }
    runs.sort_by_key(|&(first, _)| first);
    let (first, _) = runs[RUNS / 2];
    runs.sort_by_key(|&(_, whole)| whole);
    let (_, whole) = runs[RUNS / 2];
    println!("warm, median of {RUNS}: first frame {first:.2?}, whole catalog {whole:.2?}");
    let began = Instant::now();
    let files = catalog::source::gather(&sources);
    let read = began.elapsed();
    let print = catalog::Fingerprint::of(&files);
    let hashed = began.elapsed().saturating_sub(read);
    drop(files);
    let began = Instant::now();
    let printed = catalog::Fingerprint::read(&sources);
    let one_at_a_time = began.elapsed();
    assert_eq!(printed, print);
    println!(
        "of a start: reading the {} files {read:.2?}, hashing them {hashed:.2?}; read and hashed one at a time on every core, as a warm start does: {one_at_a_time:.2?}",
        print.files().len(),
    );
    println!("peak RSS of this process: {} MB", super::peak::peak_mb());
}

/// One start: the time to the first frame, and to the whole catalog in the app.
fn start(sources: &Sources, cache: &Path) -> (Duration, Duration) {
    let today = "2027-01-04".parse().expect("a date");
    let began = Instant::now();
    let (start, _print) = catalog::cache::start_app(sources, Some(cache));
    let (mut app, rest) = upskill::tui::start_with(start, None, today);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut view = ViewState::default();
    terminal
        .draw(|frame| render(&app, &mut view, frame))
        .expect("draws");
    let first = began.elapsed();
    if let Some(rest) = rest {
        // As the app's runtime does it: the rest on another thread, its message applied.
        let loaded = std::thread::spawn(move || {
            let loaded = rest.load();
            let index = Arc::new(SearchIndex::build(&loaded.catalog));
            (loaded, index)
        })
        .join()
        .expect("the rest loads");
        update(&mut app, Msg::RestLoaded(Box::new(loaded.0), loaded.1));
        terminal
            .draw(|frame| render(&app, &mut view, frame))
            .expect("draws");
    }
    let whole = began.elapsed();
    assert!(!app.on_first_look() && !app.catalog.credentials.is_empty());
    drop(app);
    (first, whole)
}
