//! The keymap's tests.

use super::*;
use crossterm::event::KeyModifiers;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn the_defaults_follow_the_spec_table() {
    let keymap = Keymap::default();
    let expect = [
        (
            press(KeyCode::Char('?'), KeyModifiers::NONE),
            Action::ToggleHelp,
        ),
        (press(KeyCode::Char('q'), KeyModifiers::NONE), Action::Quit),
        (press(KeyCode::Tab, KeyModifiers::NONE), Action::NextPane),
        (
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::PreviousPane,
        ),
        (
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Action::SelectNext,
        ),
        (
            press(KeyCode::Up, KeyModifiers::NONE),
            Action::SelectPrevious,
        ),
        (
            press(KeyCode::Char('/'), KeyModifiers::NONE),
            Action::Search,
        ),
        (
            press(KeyCode::Char('a'), KeyModifiers::NONE),
            Action::AddToPlan,
        ),
        (
            press(KeyCode::Char('d'), KeyModifiers::NONE),
            Action::RemoveStep,
        ),
        (
            press(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Action::MoveStepDown,
        ),
        (
            press(KeyCode::Char('K'), KeyModifiers::NONE),
            Action::MoveStepUp,
        ),
        (
            press(KeyCode::Char('x'), KeyModifiers::NONE),
            Action::ToggleDone,
        ),
        (
            press(KeyCode::Char('r'), KeyModifiers::NONE),
            Action::ChooseRole,
        ),
        (
            press(KeyCode::Char('o'), KeyModifiers::NONE),
            Action::Recommend,
        ),
        (press(KeyCode::Char('u'), KeyModifiers::NONE), Action::Undo),
        (
            press(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Action::Redo,
        ),
        (
            press(
                KeyCode::Char('R'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT,
            ),
            Action::Redo,
        ),
        (
            press(KeyCode::Char('c'), KeyModifiers::NONE),
            Action::Compare,
        ),
        (press(KeyCode::Char('s'), KeyModifiers::NONE), Action::Save),
        (press(KeyCode::Char('p'), KeyModifiers::NONE), Action::Plans),
    ];
    for (event, action) in expect {
        assert_eq!(keymap.action(event), Some(action), "{event:?}");
    }
}

#[test]
fn keys_parse_and_print_back() {
    for (text, shown) in [
        ("a", "a"),
        ("J", "J"),
        ("ctrl-r", "Ctrl-r"),
        ("shift-tab", "Shift-Tab"),
        ("pagedown", "PgDn"),
        ("f5", "F5"),
        ("space", "Space"),
        ("?", "?"),
    ] {
        assert_eq!(
            Key::parse(text).map(|key| key.to_string()),
            Ok(shown.to_owned()),
            "{text}"
        );
    }
    assert_eq!(
        Key::parse("ctrl--").map(|key| key.to_string()),
        Ok("Ctrl--".to_owned())
    );
    assert!(Key::parse("ctrl-").is_err());
    assert!(Key::parse("hyper-x").is_err());
    for (text, same) in [("ctrl-i", "Tab"), ("ctrl-M", "Enter"), ("ctrl-[", "Esc")] {
        let refused = Key::parse(text).expect_err("a key a terminal cannot send");
        assert!(
            refused.contains(&format!("reaches upskill as {same}")),
            "{refused}"
        );
    }
}

#[test]
fn an_override_replaces_the_default_keys_of_its_action() {
    let keymap = Keymap::with_overrides("add: [A, insert]\n").expect("valid");
    assert_eq!(
        keymap.action(press(KeyCode::Char('A'), KeyModifiers::SHIFT)),
        Some(Action::AddToPlan)
    );
    assert_eq!(
        keymap.action(press(KeyCode::Insert, KeyModifiers::NONE)),
        Some(Action::AddToPlan)
    );
    assert_eq!(
        keymap.action(press(KeyCode::Char('a'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn a_conflicting_binding_names_both_actions() {
    let problems = Keymap::with_overrides("# mine\nremove: x\n").expect_err("conflict");
    assert_eq!(
        problems,
        [KeyProblem {
            position: Position { line: 2, column: 9 },
            message: "`x` is bound to both `remove` (Remove the selected step) and `done` (Mark the selected step done today, or not done); give one of them another key".to_owned(),
        }]
    );
}

#[test]
fn a_config_that_leaves_no_quit_key_is_refused_at_its_line() {
    let problems = Keymap::with_overrides("add: a\nquit: []\n").expect_err("no quit key");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].position, Position { line: 2, column: 7 });
    assert!(
        problems[0]
            .message
            .starts_with("`quit` needs a key of its own"),
        "{}",
        problems[0].message
    );
    let problems = Keymap::with_overrides("help: ctrl-c\n").expect_err("ctrl-c taken");
    assert_eq!(problems[0].position, Position { line: 1, column: 7 });
    assert_eq!(
        problems[0].message,
        "Ctrl-c always quits, so it cannot be `help`; give that action another key"
    );
}

#[test]
fn ctrl_c_quits_whatever_quit_is_bound_to() {
    let keymap = Keymap::with_overrides("quit: x\ndone: X\n").expect("valid");
    assert_eq!(
        keymap.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(keymap.keys(Action::Quit), [Key::char('x'), INTERRUPT]);
}

#[test]
fn an_unknown_action_or_key_is_located() {
    let problems = Keymap::with_overrides("ad: a\nremove: [d, hyper-d]\n").expect_err("invalid");
    assert_eq!(problems[0].position, Position { line: 1, column: 1 });
    assert!(
        problems[0]
            .message
            .starts_with("unknown action `ad`; did you mean `add`?"),
        "{}",
        problems[0].message
    );
    assert_eq!(
        problems[1].position,
        Position {
            line: 2,
            column: 13
        }
    );
}

#[test]
fn a_key_may_mean_one_thing_in_the_panes_and_another_in_an_overlay() {
    let keymap = Keymap::default();
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.action_in(Context::Main, q), Some(Action::Quit));
    assert_eq!(keymap.action_in(Context::View, q), Some(Action::Close));
    assert_eq!(keymap.action_in(Context::Answer, q), Some(Action::No));
    let delete = press(KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(
        keymap.action_in(Context::Plans, delete),
        Some(Action::DeletePlan)
    );
    assert_eq!(
        keymap.action_in(Context::Text, delete),
        Some(Action::DeleteForward)
    );
}

#[test]
fn keys_in_force_together_may_not_be_shared() {
    // A dialog's keys and its text box's are in force at once.
    let problems = Keymap::with_overrides("accept: ctrl-u\n").expect_err("conflict");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .contains("is bound to both `accept` (Choose, save, or keep what was typed) and `clear-text` (Clear the text)")
            || problems[0]
                .message
                .contains("is bound to both `clear-text` (Clear the text) and `accept`"),
        "{}",
        problems[0].message
    );
    // The panes and an overlay are not.
    assert!(Keymap::with_overrides("close: x\n").is_ok());
}

#[test]
fn a_text_box_key_may_not_be_a_character_it_would_stop_being_typed() {
    let problems = Keymap::with_overrides("# mine\ncursor-left: h\n").expect_err("refused");
    assert_eq!(
        problems[0].position,
        Position {
            line: 2,
            column: 14
        }
    );
    assert_eq!(
        problems[0].message,
        "`cursor-left` works while text is typed, so `h` would stop you typing it; give it a key with ctrl- or alt-, or a named key like `f5`"
    );
    assert!(Keymap::with_overrides("cursor-left: alt-h\nnew-plan: f9\n").is_ok());
}

#[test]
fn every_problem_of_a_key_config_is_said_in_one_go() {
    let problems = Keymap::with_overrides("accept: ctrl-u\ncursor-left: h\nad: a\n")
        .expect_err("three problems");
    let lines: Vec<usize> = problems
        .iter()
        .map(|problem| problem.position.line)
        .collect();
    assert_eq!(lines, [1, 2, 3], "{problems:?}");
    assert!(
        problems[0].message.contains("is bound to both"),
        "{}",
        problems[0].message
    );
}

#[test]
fn no_overlay_can_be_left_without_a_way_out() {
    let problems = Keymap::with_overrides("close: []\ncancel: []\nno: []\n").expect_err("refused");
    let said: Vec<&str> = problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].starts_with("`close` needs a key"), "{}", said[0]);
    assert!(said[1].contains("a picker or a form could be left only by quitting"));
    assert!(said[2].ends_with("like `no: n`"), "{}", said[2]);
}

#[test]
fn a_dialog_cannot_be_left_without_a_way_to_answer() {
    let problems = Keymap::with_overrides("accept: []\nyes: []\nkeep-mine: []\nnext-field: []\n")
        .expect_err("refused");
    let said: Vec<&str> = problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect();
    assert_eq!(said.len(), 4, "{said:?}");
    assert!(said[0].contains("no picker could choose"), "{}", said[0]);
}

#[test]
fn shift_with_a_letter_is_the_capital() {
    assert_eq!(Key::parse("shift-z"), Ok(Key::char('Z')));
    let keymap = Keymap::with_overrides("compare: shift-z\n").expect("valid");
    assert_eq!(
        keymap.action(press(KeyCode::Char('Z'), KeyModifiers::SHIFT)),
        Some(Action::Compare)
    );
    assert_eq!(
        keymap.action(press(KeyCode::Char('z'), KeyModifiers::NONE)),
        None
    );
}
