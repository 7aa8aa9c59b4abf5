//! The catalog problems overlay: move through the problems, and open the chosen one's file
//! in the user's editor at its place.

pub(super) mod view;

use crossterm::event::KeyEvent;

use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay};
use crate::tui::update::Effect;

/// The problems list: move through it, open the chosen problem's file in an editor at its
/// line, or close.
pub(crate) fn key(app: &mut App, key: KeyEvent, selected: usize) -> Vec<Effect> {
    if super::closes(app, key, Action::ShowProblems) {
        return Vec::new();
    }
    app.overlay = Some(Overlay::Problems { selected });
    let last = app.problems.len().saturating_sub(1);
    match app.keymap.action_in(Context::View, key) {
        Some(Action::EditProblem) => return edit_problem(app, selected),
        Some(action) => {
            if let Some(to) = super::scroll(action, selected, last) {
                app.overlay = Some(Overlay::Problems { selected: to });
            }
        }
        None => {}
    }
    Vec::new()
}

/// Opens the chosen problem's file in the user's editor at its place; a bundled catalog is
/// part of upskill and has no file to edit.
fn edit_problem(app: &mut App, selected: usize) -> Vec<Effect> {
    let Some(problem) = app.problems.get(selected) else {
        return Vec::new();
    };
    let Some(path) = app.problem_paths.get(&problem.file) else {
        app.refuse(if crate::catalog::source::is_bundled(&problem.file) {
            "Bundled catalogs are part of upskill and cannot be edited here; copy the file into your catalogs folder to change it"
        } else {
            "This problem is in no file that can be opened"
        });
        return Vec::new();
    };
    let position = problem.position;
    // Vim counts columns in bytes, the position in characters.
    let byte_column = app
        .problem_texts
        .get(&problem.file)
        .and_then(|text| text.lines().nth(position.line.saturating_sub(1)))
        .map_or(position.column, |line| {
            line.chars()
                .take(position.column.saturating_sub(1))
                .map(char::len_utf8)
                .sum::<usize>()
                + 1
        });
    vec![Effect::EditCatalog {
        file: path.clone(),
        place: crate::tui::editor::Place {
            line: position.line,
            column: position.column,
            byte_column,
        },
    }]
}
