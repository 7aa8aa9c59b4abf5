//! The whole app through its event loop: a script of keys on a `TestBackend`, effects
//! performed for real against a temporary plans folder.

mod common;

use std::collections::VecDeque;

use common::app::{fixture_app, fixture_sources};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upskill::store::{PlanName, PlanStore};
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
    let runtime = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    let mut app = fixture_app();
    let mut keys = text("rcloud");
    keys.push(KeyCode::Enter);
    // The search runs on a worker; with no more keys the loop waits for its answer.
    keys.extend(text("o"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&keys),
        &runtime,
    )
    .expect("runs");
    let saved = PlanStore::in_data_dir(home.path())
        .load(&PlanName::parse("test").expect("a name"), app.today)
        .expect("the plan was saved");
    assert_eq!(saved.plan.role.as_deref(), Some("cloud-engineer"));
    assert_eq!(saved.plan.steps.len(), 2);
}

#[test]
fn keys_are_ignored_while_the_terminal_is_too_small_but_quit_works() {
    let home = tempfile::tempdir().expect("temp");
    let runtime = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
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

#[test]
fn a_second_upskill_on_the_same_plan_cannot_save_over_the_first() {
    let home = tempfile::tempdir().expect("temp");
    let first = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    let second = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    assert_eq!(first.hold("test"), None);
    let why = second.hold("test").expect("the second is refused");
    assert_eq!(
        why,
        format!(
            "another upskill (pid {}) has plan `test` open, so here it can only be read",
            std::process::id()
        )
    );
    // Its saves are refused too, so the first one's file is never clobbered.
    let mut app = fixture_app();
    let mut keys = text("rcloud");
    keys.push(KeyCode::Enter);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&keys),
        &second,
    )
    .expect("runs");
    assert!(
        app.save_error
            .as_deref()
            .is_some_and(|why| why.starts_with("another upskill (pid "))
    );
    assert!(!home.path().join("plans/test.yaml").exists());
}

#[test]
fn when_the_data_folder_cannot_be_written_the_app_keeps_working_and_retries() {
    let home = tempfile::tempdir().expect("temp");
    // A file where the data folder should be: nothing can be written under it.
    let blocked = home.path().join("data");
    std::fs::write(&blocked, "not a folder").expect("write");
    let runtime = Runtime::new(Some(PlanStore::in_data_dir(&blocked)), fixture_sources());
    let mut app = fixture_app();
    let mut keys = text("rcloud");
    keys.push(KeyCode::Enter);
    keys.extend(text("o"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&keys),
        &runtime,
    )
    .expect("runs");
    assert_eq!(app.plan.steps.len(), 2, "the edits still happen");
    assert!(app.save_error.is_some(), "and say they are not saved");
    // The folder comes back: the next change is saved, and the warning goes.
    std::fs::remove_file(&blocked).expect("remove");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&text("x")),
        &runtime,
    )
    .expect("runs");
    assert_eq!(app.save_error, None);
    assert!(blocked.join("plans/test.yaml").exists());
}

/// The plan used last is corrupt, cut short or from a newer upskill: the app says why, leaves
/// the file exactly as it is, and starts a new plan beside it; the other plans stay usable.
#[test]
fn a_broken_last_plan_is_left_untouched_and_a_new_one_opens_beside_it() {
    for (broken, why) in [
        ("name: alex\nsteps:\n  - {id: t/basics\n", "alex.yaml:"),
        (
            "name: alex\nstart: 2027-01-04\nsteps:\n  - id: t/basics\n    status: do",
            "alex.yaml:5:",
        ),
        ("format: 9\nname: alex\n", "format 9"),
    ] {
        let home = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(home.path());
        std::fs::create_dir_all(store.folder()).expect("plans folder");
        let path = store.folder().join("alex.yaml");
        std::fs::write(&path, broken).expect("write");
        std::fs::write(store.folder().join("kim.yaml"), "name: kim\n").expect("write");
        store
            .remember(&PlanName::parse("alex").expect("a name"))
            .expect("remember");
        let app = upskill::tui::start(&fixture_sources(), Some(&store), common::app::today());
        assert_eq!(app.plan.name, "alex-2", "{broken:?}");
        let Some(upskill::tui::app::Overlay::Notice { title, lines, .. }) = &app.overlay else {
            panic!("a notice says why: {:?}", app.overlay)
        };
        assert_eq!(title, "Plan `alex` could not be opened");
        assert!(lines[0].contains(why), "{lines:?}");
        assert!(lines[1].starts_with("The file is left exactly as it is."));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
        assert_eq!(
            store
                .last_used()
                .expect("a note")
                .as_ref()
                .map(PlanName::as_str),
            Some("alex-2")
        );
        assert!(
            store
                .load(
                    &PlanName::parse("kim").expect("a name"),
                    common::app::today()
                )
                .is_ok(),
            "the rest still open"
        );
    }
}

/// A plan is its file: a copy of `alex.yaml` saved as `alex-2028.yaml` (still saying
/// `name: alex` inside) is its own plan, and editing it never touches `alex.yaml`.
#[test]
fn a_copied_plan_file_is_edited_under_its_own_file_name() {
    let home = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(home.path());
    std::fs::create_dir_all(store.folder()).expect("plans folder");
    let original = "format: 1\nname: alex\nstart: 2027-01-04\nsteps:\n  - id: acme/it-basics\n";
    std::fs::write(store.folder().join("alex.yaml"), original).expect("write");
    std::fs::write(store.folder().join("alex-2028.yaml"), original).expect("write");
    store
        .remember(&PlanName::parse("alex-2028").expect("a name"))
        .expect("remember");
    let mut app = upskill::tui::start(&fixture_sources(), Some(&store), common::app::today());
    assert_eq!(app.plan.name, "alex-2028");
    let Some(upskill::tui::app::Overlay::Notice { lines, .. }) = &app.overlay else {
        panic!(
            "a notice says the file named itself otherwise: {:?}",
            app.overlay
        )
    };
    assert!(lines[0].contains("says its name is `alex`"), "{lines:?}");
    let runtime = Runtime::new(Some(store.clone()), fixture_sources());
    assert_eq!(runtime.hold(&app.plan.name), None);
    let mut keys = vec![KeyCode::Esc, KeyCode::Tab];
    keys.extend(text("x"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    run(
        &mut terminal,
        &mut app,
        &mut ViewState::default(),
        &mut script(&keys),
        &runtime,
    )
    .expect("runs");
    assert_eq!(app.save_error, None);
    let copy = std::fs::read_to_string(store.folder().join("alex-2028.yaml")).expect("read");
    assert!(copy.contains("name: alex-2028"), "{copy}");
    assert!(copy.contains("status: done"), "{copy}");
    assert_eq!(
        std::fs::read_to_string(store.folder().join("alex.yaml")).expect("read"),
        original,
        "the other plan is untouched"
    );
    assert!(store.folder().join(".alex-2028.lock").exists());
    assert!(!store.folder().join(".alex.lock").exists());
}

/// A user catalog with errors at start-up: the other catalogs still load, the problems say
/// which file was left out, a step from it is unavailable (never missing), and removing it
/// asks first.
#[test]
fn a_broken_catalog_at_start_is_left_out_and_its_steps_are_unavailable() {
    use common::app::{draw, press, text as screen};
    use upskill::tui::app::{Confirm, Overlay};
    let home = tempfile::tempdir().expect("temp");
    let broken = home.path().join("mine.yaml");
    std::fs::write(
        &broken,
        "provider: {id: mine, name: Mine}\ncredentials:\n  - {id: course, title: My course, kind: course, hours: ten, cost: 0, skills: [x]}\nroles:\n  - {id: my-role, title: My Role, skills: [x]}\n",
    )
    .expect("write");
    let store = PlanStore::in_data_dir(home.path());
    std::fs::create_dir_all(store.folder()).expect("plans folder");
    std::fs::write(
        store.folder().join("alex.yaml"),
        "name: alex\nrole: my-role\nstart: 2027-01-04\nsteps:\n  - id: acme/it-basics\n  - id: mine/course\n",
    )
    .expect("write");
    store
        .remember(&PlanName::parse("alex").expect("a name"))
        .expect("remember");
    let mut sources = fixture_sources();
    sources.paths.push(broken.clone());
    let mut app = upskill::tui::start(&sources, Some(&store), common::app::today());
    assert_eq!(
        app.catalog.credentials.len(),
        8,
        "the good catalogs all load"
    );
    assert_eq!(app.left_out.len(), 1);
    assert!(app.unavailable(1).is_some());
    assert!(app.unavailable(0).is_none());
    assert!(
        app.derived.violations.is_empty(),
        "an unavailable step is not the plan's fault: {:?}",
        app.derived.violations
    );
    let shown = screen(&draw(&app, 120, 30));
    assert!(
        shown.contains("1 catalog file has errors and was left out"),
        "{shown}"
    );
    assert!(shown.contains(&broken.display().to_string()), "{shown}");
    for code in [KeyCode::Esc, KeyCode::Tab, KeyCode::Char('j')] {
        press(&mut app, code);
    }
    let shown = screen(&draw(&app, 200, 40));
    assert!(shown.contains("mine/course (unavailable"), "{shown}");
    assert!(!shown.contains("missing"), "{shown}");
    assert!(
        shown.contains("role my-role unavailable (catalog errors)"),
        "{shown}"
    );
    // o says why it cannot recommend, rather than asking for a role the plan has.
    assert!(press(&mut app, KeyCode::Char('o')).is_empty());
    assert!(app.overlay.is_none());
    assert!(
        app.status
            .as_ref()
            .is_some_and(|status| status.text.starts_with("Role `my-role` is not loaded")),
        "{:?}",
        app.status
    );
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::RemoveUnavailable {
            index: 1,
            ..
        }))
    ));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.plan.steps.len(), 2, "kept");
    press(&mut app, KeyCode::Char('d'));
    let effects = press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.plan.steps.len(), 1, "removed once confirmed");
    assert!(!effects.is_empty(), "and saved");
}

/// `e` asks before replacing a file, even one made in the working folder after the app
/// checked, and a FIFO there is refused at once rather than waited on.
#[cfg(unix)]
#[test]
fn an_export_asks_before_replacing_and_never_waits_on_a_fifo() {
    use upskill::export::ExportFormat;
    use upskill::tui::update::{Effect, ExportFailure, Msg};
    let home = tempfile::tempdir().expect("temp");
    let mut runtime = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    runtime.exports = Some(home.path().to_path_buf());
    let app = fixture_app();
    let export = |format, replace| {
        let effect = Effect::Export {
            plan: Box::new(app.plan.clone()),
            format,
            replace,
        };
        match runtime.perform(effect, &app) {
            Some(Msg::Exported(result)) => result,
            other => panic!("an export answers: {other:?}"),
        }
    };
    std::fs::write(home.path().join("test.md"), "a client's edits").expect("write");
    assert!(matches!(
        export(ExportFormat::Markdown, false),
        Err(ExportFailure::Exists { .. })
    ));
    assert_eq!(
        std::fs::read_to_string(home.path().join("test.md")).expect("read"),
        "a client's edits"
    );
    assert!(
        export(ExportFormat::Markdown, true).is_ok(),
        "replaced when asked"
    );
    let made = std::process::Command::new("mkfifo")
        .arg(home.path().join("test.html"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    assert!(matches!(
        export(ExportFormat::Html, true),
        Err(ExportFailure::Io(why)) if why.contains("FIFO")
    ));
}

/// The open plan's file is edited outside upskill (an editor, a sync): the next save stops
/// and asks. `l` loads the file's version (undo brings the app's back); `k` writes the app's
/// over it. Nothing is written over unseen.
#[test]
fn a_plan_file_changed_outside_upskill_is_never_written_over_unseen() {
    use upskill::tui::app::{Confirm, Overlay};
    use upskill::tui::update::{Effect, Msg, update};
    let home = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(home.path());
    let runtime = Runtime::new(Some(store.clone()), fixture_sources());
    let mut app = fixture_app();
    let step = |app: &mut upskill::tui::app::App, msg: Msg| {
        let mut queue: std::collections::VecDeque<Effect> = update(app, msg).into();
        while let Some(effect) = queue.pop_front() {
            if let Some(msg) = runtime.perform(effect, app) {
                queue.extend(update(app, msg));
            }
        }
    };
    step(&mut app, Msg::Action(upskill::tui::action::Action::Save));
    runtime.note_on_disk("test");
    let path = store.folder().join("test.yaml");
    // Another program sets the hours a week to 3.
    let edited = std::fs::read_to_string(&path)
        .expect("saved")
        .replace("hours_per_week: 10", "hours_per_week: 3");
    std::fs::write(&path, &edited).expect("edit");
    app.plan.notes = Some("typed in the app".into());
    step(&mut app, Msg::Action(upskill::tui::action::Action::Save));
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::OutsideChange { disk: Ok(_) }))
    ));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        edited,
        "untouched"
    );
    // l: the file's version, saved as it is; u: the app's back.
    step(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::NONE)),
    );
    assert_eq!(app.plan.hours_per_week.to_string(), "3");
    assert_eq!(app.save_error, None);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|status| status.text
                == "Loaded plan `test` as its file has it; u brings yours back"),
        "{:?}",
        app.status
    );
    step(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)),
    );
    assert_eq!(app.plan.notes.as_deref(), Some("typed in the app"));
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("typed in the app"),
        "undo is saved like any change"
    );
    // Another outside edit; k keeps the app's and writes it over.
    std::fs::write(&path, &edited).expect("edit");
    app.plan.notes = Some("mine again".into());
    step(&mut app, Msg::Action(upskill::tui::action::Action::Save));
    step(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE)),
    );
    let now = std::fs::read_to_string(&path).expect("read");
    assert!(now.contains("mine again"), "{now}");
    assert_eq!(app.save_error, None);
}

/// A second upskill opened the plan read-only; the first quits. The next edit in the second
/// takes the plan back (as its file now has it) instead of blaming a process that is gone.
#[test]
fn a_read_only_plan_is_taken_back_once_the_other_upskill_closes_it() {
    use upskill::tui::update::{Effect, Msg, update};
    let home = tempfile::tempdir().expect("temp");
    let first = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    let second = Runtime::new(Some(PlanStore::in_data_dir(home.path())), fixture_sources());
    assert_eq!(first.hold("test"), None);
    let mut app = fixture_app();
    app.read_only = second.hold("test");
    assert!(app.read_only.is_some());
    let step = |app: &mut upskill::tui::app::App, msg: Msg| {
        let mut queue: std::collections::VecDeque<Effect> = update(app, msg).into();
        let mut all = Vec::new();
        while let Some(effect) = queue.pop_front() {
            all.push(effect.clone());
            if let Some(msg) = second.perform(effect, app) {
                queue.extend(update(app, msg));
            }
        }
        all
    };
    let x = || Msg::Key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT));
    let effects = step(&mut app, x());
    assert_eq!(
        effects,
        [Effect::Reclaim("test".into())],
        "still held: nothing changes"
    );
    assert!(app.read_only.is_some());
    drop(first);
    step(&mut app, x());
    assert_eq!(app.read_only, None, "taken back");
    assert!(
        app.status.as_ref().is_some_and(|status| status
            .text
            .starts_with("The other upskill has closed plan `test`")),
        "{:?}",
        app.status
    );
}
