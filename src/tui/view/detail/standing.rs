//! Where the credential the detail shows stands for this learner.

use ratatui::style::Style;

use crate::catalog::CredentialIdx;
use crate::plan::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::Theme;

/// Where the credential stands for this learner: a step, held, retired (with its
/// successor), or nothing to say.
pub(super) fn status(
    app: &App,
    theme: &Theme,
    idx: CredentialIdx,
    step: Option<usize>,
) -> Option<(String, Style)> {
    let credential = app.catalog.credential(idx);
    match (step, app.derived.is_held(idx), credential.retired) {
        (Some(step), _, _) => {
            let state = match app.plan.steps[step].status {
                Status::Done => "done",
                Status::InProgress => "in progress",
                Status::Planned => "planned",
            };
            match app.catalog.successor(idx) {
                Some(next) => {
                    let key = app
                        .keymap
                        .first_key(Action::SwapSuccessor)
                        .map_or_else(String::new, |key| format!(" ({key} swaps it in)"));
                    Some((
                        format!(
                            "Step {} of the plan, {state}; retired: its successor is {}{key}",
                            step + 1,
                            app.catalog.credential(next).id
                        ),
                        theme.bad,
                    ))
                }
                _ => Some((
                    format!("Step {} of the plan, {state}", step + 1),
                    theme.accent,
                )),
            }
        }
        (None, true, _) => {
            let id = &*credential.id;
            let edit = app.keymap.name(Action::EditStep);
            let text = match app.plan.have.earned.get(id) {
                Some(earned) => format!("Already held, earned {earned} ({edit} edits its dates)"),
                None => format!("Already held; when was it earned? {edit} sets the date"),
            };
            Some((text, theme.good))
        }
        (None, false, true) => Some((
            app.catalog.successor(idx).map_or_else(
                || "Retired: no longer offered".to_owned(),
                |next| {
                    format!(
                        "Retired: no longer offered; its successor is {}",
                        app.catalog.credential(next).id
                    )
                },
            ),
            theme.bad,
        )),
        (None, false, false) => None,
    }
}
