//! The badge import dialog (`I`) at the level of `update` and of drawn screens: a path typed,
//! read as the runtime reads it, the badges shown; `y` adds the matched credentials as one
//! undoable change, Esc changes nothing, a second import adds nothing, a path that cannot be
//! imported is explained with the path still typed, and a read-only plan is refused.

mod common;

use std::path::{Path, PathBuf};

use common::app::*;
use crossterm::event::KeyCode;
use upskill::import::wallet;
use upskill::plan::{Person, Step};
use upskill::tui::app::{App, Overlay, Stage};
use upskill::tui::update::{Effect, Msg, update};

fn badges() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-wallet")
}

/// Opens the dialog, types `path` over what it offers and presses Enter; the read the
/// runtime would do is done here and fed back.
fn import(app: &mut App, path: &str) -> Vec<Effect> {
    assert!(keys(app, "I").is_empty());
    ctrl(app, 'u');
    keys(app, path);
    read(app)
}

/// Enter in the prompt, then the runtime's read.
fn read(app: &mut App) -> Vec<Effect> {
    let effects = press(app, KeyCode::Enter);
    let [Effect::ReadBadges { path, shown }] = effects.as_slice() else {
        panic!("the path is given to the runtime to read: {effects:?}")
    };
    let result = wallet::load(path, shown, "en");
    update(
        app,
        Msg::BadgesRead {
            shown: shown.clone(),
            result,
        },
    )
}

fn found(app: &App) -> &[wallet::Row] {
    let Some(Overlay::Badges(dialog)) = &app.overlay else {
        panic!("the dialog is open: {:?}", app.overlay)
    };
    let Stage::Found(found) = &dialog.stage else {
        panic!("the badges are shown: {:?}", dialog.stage)
    };
    &found.rows
}

/// The dialog's prompt: the path typed and the error shown.
fn prompt(app: &App) -> (String, Option<String>) {
    let Some(Overlay::Badges(dialog)) = &app.overlay else {
        panic!("the dialog is open: {:?}", app.overlay)
    };
    let Stage::Prompt { error } = &dialog.stage else {
        panic!("the prompt is shown: {:?}", dialog.stage)
    };
    (dialog.path.text().to_owned(), error.clone())
}

fn held(app: &App) -> Vec<String> {
    app.plan.have.credentials.clone()
}

#[test]
fn y_adds_the_matched_credentials_with_their_dates_as_one_saved_change() {
    let mut app = fixture_app();
    import(&mut app, &badges().display().to_string());
    let _ = found(&app);
    let effects = keys(&mut app, "y");
    assert_eq!(saves(&effects), 1, "{effects:?}");
    assert!(app.overlay.is_none());
    assert_eq!(held(&app), ["acme/linux-admin", "acme/network-pro"]);
    assert_eq!(
        app.plan
            .have
            .earned
            .get("acme/linux-admin")
            .map(ToString::to_string),
        Some("2026-03-02".to_owned())
    );
    assert_eq!(
        app.plan
            .have
            .expires
            .get("acme/network-pro")
            .map(ToString::to_string),
        Some("2025-05-10".to_owned())
    );
    assert!(
        status(&app).starts_with("Added 2 credentials to this plan's holdings"),
        "{}",
        status(&app)
    );
}

#[test]
fn undo_takes_the_whole_import_back() {
    let mut app = fixture_app();
    import(&mut app, &badges().display().to_string());
    keys(&mut app, "y");
    assert_eq!(held(&app).len(), 2);
    let effects = keys(&mut app, "u");
    assert!(held(&app).is_empty());
    assert!(app.plan.have.earned.is_empty());
    assert_eq!(saves(&effects), 1);
}

#[test]
fn esc_or_q_cancels_and_nothing_changes() {
    for cancel in [KeyCode::Esc, KeyCode::Char('q')] {
        let mut app = fixture_app();
        import(&mut app, &badges().display().to_string());
        let before = app.plan.clone();
        assert!(press(&mut app, cancel).is_empty());
        assert!(app.overlay.is_none());
        assert_eq!(app.plan, before);
    }
}

#[test]
fn importing_the_same_badges_again_says_nothing_new_to_add() {
    let mut app = fixture_app();
    import(&mut app, &badges().display().to_string());
    keys(&mut app, "y");
    // The dialog offers the path typed last time.
    keys(&mut app, "I");
    read(&mut app);
    let rows = found(&app);
    let matched: Vec<_> = rows.iter().filter(|row| row.result == "matched").collect();
    assert_eq!(matched.len(), 2);
    assert!(matched.iter().all(|row| row.held), "{rows:?}");
    assert!(
        matched
            .iter()
            .all(|row| row.catalog.ends_with("held already)")),
        "{rows:?}"
    );
    let effects = keys(&mut app, "y");
    assert_eq!(saves(&effects), 0);
    assert!(
        status(&app).starts_with("Nothing new to add"),
        "{}",
        status(&app)
    );
    assert_eq!(held(&app).len(), 2);
}

#[test]
fn a_persons_plan_adds_to_the_persons_holdings_and_a_step_is_not_held() {
    let mut app = fixture_app();
    app.plan.person = Some(Person::named("sam"));
    app.plan.steps.push(Step::planned("acme/linux-admin"));
    app.refresh_plan();
    import(&mut app, &badges().display().to_string());
    let Some(Overlay::Badges(dialog)) = &app.overlay else {
        panic!("open")
    };
    let Stage::Found(shown) = &dialog.stage else {
        panic!("found")
    };
    let linux = shown
        .rows
        .iter()
        .find(|row| row.badge == "Linux Admin")
        .expect("the Linux Admin badge");
    assert!(
        linux
            .catalog
            .contains("step 1 of the plan: mark it done there instead")
    );
    keys(&mut app, "y");
    assert_eq!(held(&app), ["acme/network-pro"]);
    assert!(status(&app).contains("sam's holdings"), "{}", status(&app));
}

#[test]
fn a_read_only_plan_is_refused_with_its_reason_and_nothing_changes() {
    let mut app = fixture_app();
    app.read_only = Some("another upskill has it open".to_owned());
    import(&mut app, &badges().display().to_string());
    let effects = keys(&mut app, "y");
    assert_eq!(saves(&effects), 0);
    assert!(held(&app).is_empty());
    assert_eq!(
        status(&app),
        "This plan is read-only: another upskill has it open"
    );
}

#[test]
fn a_path_that_cannot_be_imported_is_explained_and_stays_typed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"type\": \"OpenBadgeCredential\",\n  oops\n}\n",
    )
    .expect("written");
    let invoice = dir.path().join("invoice.json");
    std::fs::write(&invoice, r#"{"type": "Invoice", "total": 3}"#).expect("written");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("a folder");
    let missing = dir.path().join("nowhere.json");
    let cases = [
        (broken.clone(), "broken.json:3:3: not JSON"),
        (
            invoice.clone(),
            "not an Open Badges assertion or credential, or a CLR",
        ),
        (empty.clone(), "no .json or .jsonld files in this folder"),
        (missing.clone(), "no such file or folder"),
    ];
    for (path, expected) in cases {
        let mut app = fixture_app();
        let typed = path.display().to_string();
        import(&mut app, &typed);
        let (text, error) = prompt(&app);
        assert_eq!(text, typed);
        let error = error.expect("an error is shown");
        assert!(error.contains(expected), "{error}");
        assert!(error.contains(&typed) || error.contains("json"), "{error}");
        assert!(held(&app).is_empty());
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut app = fixture_app();
    import(&mut app, &fifo.display().to_string());
    let (_, error) = prompt(&app);
    let error = error.expect("an error is shown");
    assert!(error.contains("a FIFO"), "{error}");
}

#[test]
fn a_relative_path_and_the_home_folder_are_found() {
    assert_eq!(
        upskill::tui::overlay::expand_badges_path("badges/a.json"),
        PathBuf::from("badges/a.json")
    );
    if let Some(home) = std::env::var_os("HOME") {
        assert_eq!(
            upskill::tui::overlay::expand_badges_path("~/wallet"),
            PathBuf::from(home).join("wallet")
        );
    }
}

#[test]
fn the_dialog_at_80x24_shows_each_group_and_the_note_on_signatures() {
    let mut app = fixture_app();
    import(&mut app, "tests/fixtures/app-wallet");
    let screen = text(&draw(&app, 80, 24));
    insta::assert_snapshot!("badges_80x24", screen);
    assert!(screen.contains("signatures are not verified"), "{screen}");
    assert!(screen.contains("(expired)"), "{screen}");
    // The expiry past is in the warning style.
    let buffer = draw(&app, 80, 24);
    let expired = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| {
            let row: String = (x..80.min(x + 9))
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row == "(expired)"
        })
        .expect("(expired) is drawn");
    assert_eq!(
        buffer[expired].fg,
        upskill::tui::view::theme::THEME.warn.fg.expect("a colour")
    );
}

#[test]
fn the_dialog_fits_narrow_wide_and_tiny_screens() {
    let mut app = fixture_app();
    import(&mut app, "tests/fixtures/app-wallet");
    insta::assert_snapshot!("badges_50x20", text(&draw(&app, 50, 20)));
    let wide = text(&draw(&app, 200, 60));
    assert!(wide.contains("Public Speaking"), "{wide}");
    assert!(wide.contains("signatures are not verified"), "{wide}");
    for (width, height) in [(20, 6), (1, 1), (12, 4)] {
        draw(&app, width, height);
    }
    // The prompt too, with an error.
    let mut app = fixture_app();
    import(&mut app, "tests/fixtures/nowhere");
    insta::assert_snapshot!("badges_prompt_error_80x24", text(&draw(&app, 80, 24)));
    draw(&app, 20, 6);
}

#[test]
fn the_table_scrolls_and_stops_at_its_end() {
    let mut app = fixture_app();
    import(&mut app, "tests/fixtures/app-wallet");
    let top = text(&draw(&app, 60, 12));
    app.overlay_max_scroll = {
        let (_, view) = draw_with_view(&app, 60, 12);
        view.overlay_max_scroll
    };
    keys(&mut app, "G");
    let bottom = text(&draw(&app, 60, 12));
    assert_ne!(top, bottom);
    assert!(bottom.contains("Public Speaking"), "{bottom}");
    keys(&mut app, "g");
    assert_eq!(text(&draw(&app, 60, 12)), top);
}
