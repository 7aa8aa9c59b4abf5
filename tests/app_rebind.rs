//! Keys are data everywhere: with every action bound to another key in `keys.yaml`, the app
//! answers to the new keys in the panes, overlays, questions and text boxes, and no screen,
//! hint or message still names a default key.

mod common;

use std::collections::BTreeSet;

use common::app::{draw, fixture_app, status, text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use upskill::catalog::{self, Sources};
use upskill::tui::action::{Action, Context};
use upskill::tui::app::{App, Confirm, Overlay, PlansMode};
use upskill::tui::keymap::{INTERRUPT, Key, Keymap};
use upskill::tui::update::{Effect, Msg, update};

/// Alt with a character, for each action in turn within its context. `b` and `f` are left
/// out: Alt-b and Alt-f are default keys (a word left, a word right).
const POOL: &str = "acdeghijklmnopqrstuvwxyzACDEGHIJKLMNOPQRSTUVWXYZ0123456789";

/// Every action's new key, as `keys.yaml` would give it.
fn rebound() -> Vec<(Action, char)> {
    let mut next = std::collections::HashMap::<Context, usize>::new();
    Action::ALL
        .iter()
        .map(|&action| {
            // The keys of a dialog, its text box and the plans list are in force together.
            let group = match action.context() {
                Context::Text | Context::Plans => Context::Dialog,
                context => context,
            };
            let n = next.entry(group).or_default();
            let c = POOL.chars().nth(*n).expect("enough keys for a context");
            *n += 1;
            (action, c)
        })
        .collect()
}

fn config() -> String {
    rebound()
        .iter()
        .map(|(action, c)| format!("{}: alt-{c}", action.id()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rebound_app() -> App {
    let mut app = fixture_app();
    app.keymap = Keymap::with_overrides(&config()).expect("a valid key config");
    app
}

fn key_of(action: Action) -> char {
    rebound()
        .into_iter()
        .find(|(bound, _)| *bound == action)
        .map(|(_, c)| c)
        .expect("every action is rebound")
}

/// Presses an action's new key.
fn press(app: &mut App, action: Action) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(
            KeyCode::Char(key_of(action)),
            KeyModifiers::ALT,
        )),
    )
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

/// What a key does, after its name in hints and messages.
const VERBS: &[&str] = &[
    "open", "opens", "close", "closes", "choose", "chooses", "cancel", "cancels", "clear",
    "clears", "keep", "keeps", "save", "saves", "rename", "delete", "deletes", "export", "apply",
    "new", "next", "creates", "moves", "decide", "select", "replace", "remove", "scroll",
    "scrolls", "edit", "use",
];

/// The default keys a screen or message could name: named keys (`Esc`, `Tab`, `F2`,
/// `Ctrl-r`) as words, and one-character keys in the forms hints and messages give them.
fn defaults_named_in(shown: &str) -> Vec<String> {
    let defaults = Keymap::default();
    let mut found = BTreeSet::new();
    for &action in Action::ALL {
        for key in defaults.keys(action) {
            if *key == INTERRUPT {
                continue;
            }
            let name = key.to_string();
            let forms: Vec<String> = if name.chars().all(char::is_alphabetic) && name.len() > 1 {
                // A key named by an English word (`Delete`, `Enter`, `Tab`): as a key, it
                // comes before what it does.
                VERBS.iter().map(|verb| format!("{name} {verb}")).collect()
            } else if name.chars().count() > 1 {
                vec![name.clone()]
            } else {
                // `(2)` is a count, not the key 2.
                let bracketed =
                    (!name.starts_with(|c: char| c.is_ascii_digit())).then(|| format!("({name})"));
                bracketed
                    .into_iter()
                    .chain([
                        format!("press {name} "),
                        format!("Press {name} "),
                        format!("with {name} instead"),
                        format!("with {name}."),
                        format!(" {name} undoes"),
                        format!(" {name} redoes"),
                        format!(" {name} shows"),
                        format!(" {name} closes"),
                        format!(" {name} cancels"),
                        format!(" {name} asks"),
                    ])
                    .collect()
            };
            for form in forms {
                let found_at = shown.match_indices(&form).any(|(start, _)| {
                    // `End` is not in `Endpoint`, `PgUp` not in `xPgUp`.
                    let before = shown[..start].chars().next_back();
                    !form.starts_with(char::is_alphanumeric)
                        || before.is_none_or(|c| !c.is_alphanumeric())
                });
                if found_at {
                    found.insert(format!("{form:?} ({})", action.id()));
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Draws the app at a size that shows whole hints, and checks that no default key is named
/// and that the status bar's hints all name the new keys.
fn check_screen(app: &App, what: &str) {
    let screen = text(&draw(app, 160, 60));
    let named = defaults_named_in(&screen);
    assert!(named.is_empty(), "{what} names {named:?}:\n{screen}");
    if app.overlay.is_none() {
        let last = screen.lines().last().unwrap_or_default();
        for hint in last.split(" · ").filter(|hint| !hint.trim().is_empty()) {
            let hint = hint.trim();
            assert!(
                hint.starts_with("Alt-") || hint.starts_with("type") || app.status.is_some(),
                "{what}: the hint `{hint}` names no new key:\n{screen}"
            );
        }
    }
}

fn check_message(app: &App, what: &str) {
    let message = status(app);
    assert!(!message.is_empty(), "{what} said nothing");
    let named = defaults_named_in(&message);
    assert!(named.is_empty(), "{what}: `{message}` names {named:?}");
}

#[test]
fn every_action_can_be_rebound_without_a_conflict() {
    let keymap = Keymap::with_overrides(&config()).expect("valid");
    for (action, c) in rebound() {
        assert_eq!(
            keymap.keys(action).first(),
            Some(&Key::new(KeyCode::Char(c), KeyModifiers::ALT)),
            "{action:?}"
        );
    }
}

#[test]
fn no_screen_names_a_default_key_after_rebinding() {
    let mut app = rebound_app();
    check_screen(&app, "the start");
    press(&mut app, Action::Search);
    typed(&mut app, "zzzz");
    check_screen(&app, "the search box with nothing found");
    press(&mut app, Action::Cancel);
    press(&mut app, Action::ClearSearch);
    for action in [Action::NextPane, Action::ShowGap, Action::ShowTimeline] {
        press(&mut app, action);
        check_screen(&app, action.id());
    }
    let overlays = [
        (Action::ToggleHelp, "the help"),
        (Action::ChooseRole, "the role picker"),
        (Action::Filter, "the filters"),
        (Action::Export, "the export picker"),
        (Action::EditPlan, "the plan form"),
    ];
    for (action, what) in overlays {
        press(&mut app, action);
        assert!(app.overlay.is_some(), "{what} opens with its new key");
        check_screen(&app, what);
        app.overlay = None;
    }
    // A role, a recommendation, then the comparison and the question before replacing.
    press(&mut app, Action::ChooseRole);
    typed(&mut app, "cloud");
    press(&mut app, Action::Accept);
    let effects = press(&mut app, Action::Recommend);
    common::app::finish_jobs(&mut app, effects);
    assert!(!app.plan.steps.is_empty(), "recommended with the new keys");
    let effects = press(&mut app, Action::Compare);
    common::app::finish_jobs(&mut app, effects);
    assert!(matches!(app.overlay, Some(Overlay::Compare(_))));
    check_screen(&app, "the comparison");
    press(&mut app, Action::UseFastest);
    check_screen(&app, "the question before replacing the steps");
    press(&mut app, Action::No);
    assert!(app.overlay.is_none(), "no answers the question");
}

#[test]
fn no_dialog_or_question_names_a_default_key_after_rebinding() {
    let mut app = rebound_app();
    press(&mut app, Action::Plans);
    update(
        &mut app,
        Msg::PlansListed(vec![upskill::store::Saved {
            person: None,
            name: "alex".into(),
            role: None,
            done: 0,
            steps: 0,
            broken: None,
        }]),
    );
    typed(&mut app, "nobody");
    check_screen(&app, "the plans list with nothing found");
    press(&mut app, Action::ClearText);
    press(&mut app, Action::DialogDown);
    press(&mut app, Action::RenamePlan);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Plans {
            mode: PlansMode::Renaming { .. },
            ..
        })
    ));
    check_screen(&app, "the rename box");
    press(&mut app, Action::Cancel);
    press(&mut app, Action::DeletePlan);
    check_screen(&app, "the question before deleting a plan");
    let effects = press(&mut app, Action::Yes);
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::DeletePlan(_))),
        "{effects:?}"
    );
    app.overlay = Some(Overlay::Confirm(Confirm::OutsideChange {
        disk: Ok(Box::new(app.plan.clone())),
    }));
    check_screen(&app, "the question after a change outside upskill");
    press(&mut app, Action::No);
    check_message(&app, "deciding later");
    app.overlay = Some(Overlay::Notice {
        title: "A notice".into(),
        lines: vec!["Something to read.".into()],
        scroll: 0,
    });
    check_screen(&app, "a notice");
    press(&mut app, Action::Close);
    assert!(app.overlay.is_none(), "the notice closes with its new key");
    let broken = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    update(&mut app, Msg::CatalogReloaded(Box::new(broken)));
    check_message(&app, "a broken reload");
    check_screen(&app, "the problems list");
    press(&mut app, Action::ViewDown);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Problems { selected: 1 })
    ));
    press(&mut app, Action::ShowProblems);
    assert!(app.overlay.is_none(), "the key that opened it closes it");
    check_screen(&app, "the header with catalog errors");
}

#[test]
fn no_message_names_a_default_key_after_rebinding() {
    let mut app = rebound_app();
    press(&mut app, Action::Recommend);
    check_message(&app, "recommending without a role");
    app.overlay = None;
    press(&mut app, Action::ToggleObjective);
    check_message(&app, "switching the objective");
    press(&mut app, Action::MoveStepUp);
    check_message(&app, "moving with the catalog focused");
    press(&mut app, Action::NextPane);
    press(&mut app, Action::ToggleDone);
    check_message(&app, "marking done in an empty plan");
    update(&mut app, Msg::CannotSuspend);
    check_message(&app, "no shell to suspend to");
    // A step, then what is said about it.
    press(&mut app, Action::PreviousPane);
    press(&mut app, Action::Search);
    typed(&mut app, "linux admin");
    press(&mut app, Action::Accept);
    press(&mut app, Action::AddToPlan);
    press(&mut app, Action::ToggleHeld);
    check_message(&app, "holding a credential that is a step");
    press(&mut app, Action::RemoveStep);
    check_message(&app, "removing a step");
    press(&mut app, Action::Undo);
    check_message(&app, "undoing");
    press(&mut app, Action::EditPlan);
    typed(&mut app, "0");
    press(&mut app, Action::Accept);
    check_message(&app, "saving the plan settings");
    let today = app.today;
    update(
        &mut app,
        Msg::PlanCreated {
            plan: Box::new(upskill::plan::Plan::new("sam", today)),
            result: Ok(()),
        },
    );
    check_message(&app, "a new plan");
}

#[test]
fn text_boxes_edit_with_the_new_keys() {
    let mut app = rebound_app();
    press(&mut app, Action::Search);
    typed(&mut app, "clod");
    press(&mut app, Action::CursorLeft);
    typed(&mut app, "u");
    assert_eq!(app.browser.query.text(), "cloud");
    press(&mut app, Action::LineStart);
    press(&mut app, Action::DeleteForward);
    assert_eq!(app.browser.query.text(), "loud");
    press(&mut app, Action::ClearText);
    assert!(app.browser.query.is_empty());
    // The default keys are only characters now: they are typed.
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE)),
    );
    typed(&mut app, "q");
    assert_eq!(app.browser.query.text(), "q");
    assert!(!app.quit);
}
