//! The app with 100,000 credentials loaded (`UPSKILL_APP_SIZE=N` for another size): one
//! search keystroke (the first, which scans everything, and a narrowing one), one full frame
//! at 200x60, and start-up to the first frame on the bundled catalogs. Target: a keystroke redraws in under 16 ms.
//!
//! `UPSKILL_APP_START=N` measures the app's start instead, as `upskill` does it, on `N`
//! generated credentials written to `UPSKILL_APP_START_DIR` (written once, then reused; a
//! temporary folder without it): cold (writing the catalog cache), then warm three times,
//! each the time to the first frame at 200x60 and to the whole catalog in the app, and the
//! process's peak RSS. `UPSKILL_APP_START_WARM=1` skips the cold run (it must have been made
//! before), so the peak is the warm start's alone; `UPSKILL_APP_START_COLD=1` stops after
//! the cold run, so the peak is the cold start's alone.

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::{Arc, LazyLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upskill::catalog::{self, Catalog, Sources};
use upskill::plan::Plan;
use upskill::synth;
use upskill::tui::app::App;
use upskill::tui::update::{Msg, update};
use upskill::tui::view::{ViewState, render};

fn main() {
    match std::env::var("UPSKILL_APP_START") {
        Ok(credentials) => start::measure(credentials.parse().expect("a number of credentials")),
        Err(_) => divan::main(),
    }
}

#[path = "app/start.rs"]
mod start;

#[path = "app/peak.rs"]
mod peak;

/// The generated catalog's size: 100,000, or `UPSKILL_APP_SIZE` (1000000 for the figures at a
/// million credentials).
static LARGE: LazyLock<Arc<Catalog>> = LazyLock::new(|| {
    let size = std::env::var("UPSKILL_APP_SIZE")
        .ok()
        .and_then(|size| size.parse().ok())
        .unwrap_or(100_000);
    let loaded = catalog::load_files(&synth::generate(size, 1).source_files());
    assert!(!loaded.has_errors());
    Arc::new(loaded.catalog)
});

fn today() -> jiff::civil::Date {
    "2027-01-04".parse().expect("a date")
}

fn large_app() -> App {
    App::new(Arc::clone(&LARGE), Plan::new("bench", today()), today())
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>, view: &mut ViewState) {
    terminal
        .draw(|frame| render(app, view, frame))
        .expect("draws");
}

/// The first letter typed: every credential is scored, then the frame is drawn.
#[divan::bench(sample_count = 20)]
fn first_keystroke_and_frame(bencher: Bencher<'_, '_>) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    bencher
        .with_inputs(|| {
            let mut app = large_app();
            update(&mut app, key('/'));
            (app, ViewState::default())
        })
        // By reference: dropping a 100,000-credential app is not part of a keystroke.
        .bench_local_refs(|(app, view)| {
            update(app, key('c'));
            draw(app, &mut terminal, view);
            app.browser.results.len()
        });
}

/// A later letter: only the last matches are rescored.
#[divan::bench(sample_count = 20)]
fn narrowing_keystroke_and_frame(bencher: Bencher<'_, '_>) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    bencher
        .with_inputs(|| {
            let mut app = large_app();
            for c in "/cloud cre".chars() {
                update(&mut app, key(c));
            }
            (app, ViewState::default())
        })
        .bench_local_refs(|(app, view)| {
            update(app, key('d'));
            draw(app, &mut terminal, view);
            app.browser.results.len()
        });
}

/// One tick of an unfinished search over everything (`cl` matches nearly every
/// credential): the next slice scored, merged and drawn.
#[divan::bench(sample_count = 20)]
fn search_tick_and_frame(bencher: Bencher<'_, '_>) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    bencher
        .with_inputs(|| {
            let mut app = large_app();
            for c in "/cl".chars() {
                update(&mut app, key(c));
            }
            // Halfway: the found matches are many, as late in a long search.
            for _ in 0..6 {
                update(&mut app, Msg::Tick);
            }
            (app, ViewState::default())
        })
        .bench_local_refs(|(app, view)| {
            update(app, Msg::Tick);
            draw(app, &mut terminal, view);
            app.browser.results.len()
        });
}

/// One full frame with 100,000 credentials and a plan of 20 steps.
#[divan::bench]
fn frame(bencher: Bencher<'_, '_>) {
    let mut app = large_app();
    for i in 0..20 {
        app.plan
            .steps
            .push(upskill::plan::Step::planned(format!("provider-{i}/cred-0")));
    }
    app.refresh_plan();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut view = ViewState::default();
    bencher.bench_local(|| draw(&app, &mut terminal, &mut view));
}

/// From nothing to the first frame: load the bundled catalogs, build the app, draw.
#[divan::bench]
fn startup_to_first_frame() {
    let loaded = catalog::load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    let app = App::new(
        Arc::new(loaded.catalog),
        Plan::new("bench", today()),
        today(),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    draw(&app, &mut terminal, &mut ViewState::default());
}
