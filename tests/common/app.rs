//! Building the app on the test catalog and driving it with keys.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use upskill::catalog::{self, Sources};
use upskill::plan::Plan;
use upskill::tui::app::App;
use upskill::tui::update::{Effect, Msg, update};

pub const TODAY: &str = "2027-01-04";

pub fn today() -> Date {
    TODAY.parse().expect("a date")
}

pub fn fixture_sources() -> Sources {
    Sources::only(vec![PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/app"
    ))])
}

/// The app on tests/fixtures/app with an empty plan named `test`, on 2027-01-04.
pub fn fixture_app() -> App {
    let loaded = catalog::load(&fixture_sources());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    App::new(
        Arc::new(loaded.catalog),
        Plan::new("test", today()),
        today(),
    )
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let effects = update(app, Msg::Key(KeyEvent::new(code, modifiers)));
    finish_jobs(app, effects)
}

/// Runs each search an effect asks for at once (the event loop runs them on a worker) and
/// feeds its answer back; returns every effect, the searches' own included.
pub fn finish_jobs(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut all = Vec::new();
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Compute(job) = &effect {
            let done = job.as_ref().clone().run();
            queue.extend(update(app, Msg::Computed(Box::new(done))));
        }
        all.push(effect);
    }
    all
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    let effects = update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
    finish_jobs(app, effects)
}

/// Presses each character of `keys` in turn, returning every effect.
pub fn keys(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

/// Chooses a role through the role picker, by typing its name.
pub fn choose_role(app: &mut App, name: &str) -> Vec<Effect> {
    let mut effects = keys(app, "r");
    effects.extend(keys(app, name));
    effects.extend(press(app, KeyCode::Enter));
    effects
}

/// The plan's step ids in order.
pub fn steps(app: &App) -> Vec<String> {
    app.plan.steps.iter().map(|step| step.id.clone()).collect()
}

/// Selects a credential in the catalog by searching for it.
pub fn select_in_catalog(app: &mut App, query: &str) {
    keys(app, "/");
    app.browser.query.clear();
    keys(app, query);
    press(app, KeyCode::Enter);
}

pub fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|status| status.text.clone())
        .unwrap_or_default()
}

pub fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|effect| matches!(effect, Effect::SavePlan { .. }))
        .count()
}

/// The app drawn once on a test terminal of this size, with the real theme.
pub fn draw(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    draw_with_view(app, width, height).0
}

/// [`draw`], with what the view learnt while drawing (where the panes and tabs are).
pub fn draw_with_view(
    app: &App,
    width: u16,
    height: u16,
) -> (ratatui::buffer::Buffer, upskill::tui::view::ViewState) {
    use upskill::tui::view::{ViewState, render, theme::THEME};
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("a test terminal");
    let mut view = ViewState {
        theme: Some(THEME),
        ..ViewState::default()
    };
    terminal
        .draw(|frame| render(app, &mut view, frame))
        .expect("draws");
    (terminal.backend().buffer().clone(), view)
}

/// A drawn screen as text, a line a row, trailing blanks trimmed.
pub fn text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
