//! The whole app through its event loop: a script of keys on a `TestBackend`, effects
//! performed for real against a temporary plans folder.

mod common;

use std::collections::VecDeque;

use common::app::{fixture_app, fixture_sources};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upskill::store::PlanStore;
use upskill::tui::runtime::{Event, Runtime, Script, run};
use upskill::tui::view::ViewState;

fn script(keys: &[KeyCode]) -> Script {
    Script(
        keys.iter()
            .map(|&code| Event::Terminal(TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE))))
            .collect::<VecDeque<_>>(),
    )
}

fn text(codes: &str) -> Vec<KeyCode> {
    codes.chars().map(KeyCode::Char).collect()
}

#[test]
fn a_script_of_keys_plans_and_saves_through_the_event_loop() {
    let home = tempfile::tempdir().expect("temp");
    let runtime = Runtime {
        store: Some(PlanStore::in_data_dir(home.path())),
        sources: fixture_sources(),
    };
    let mut app = fixture_app();
    let mut keys = text("rcloud");
    keys.push(KeyCode::Enter);
    keys.extend(text("oq"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&keys),
        &runtime,
    )
    .expect("runs");
    assert!(app.quit);
    let saved = PlanStore::in_data_dir(home.path())
        .load("test", app.today)
        .expect("the plan was saved");
    assert_eq!(saved.role.as_deref(), Some("cloud-engineer"));
    assert_eq!(saved.steps.len(), 2);
}

#[test]
fn keys_are_ignored_while_the_terminal_is_too_small_but_quit_works() {
    let home = tempfile::tempdir().expect("temp");
    let runtime = Runtime {
        store: Some(PlanStore::in_data_dir(home.path())),
        sources: fixture_sources(),
    };
    let mut app = fixture_app();
    let mut terminal = Terminal::new(TestBackend::new(12, 4)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&text("ajjaq")),
        &runtime,
    )
    .expect("runs");
    assert!(
        app.plan.steps.is_empty(),
        "nothing changed behind the too-small screen"
    );
    assert!(app.quit, "q still quits");
}
