//! The saved plans picker and the forms (plan settings, a step's note and date).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::picker::view::picker_box;
use super::super::view::ask;
use crate::tui::action::Action;
use crate::tui::app::{Picker, PlansMode};
use crate::tui::keymap::Keymap;
use crate::tui::view::Theme;

pub(in crate::tui::overlay) fn plans(
    keymap: &Keymap,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    picker: &Picker<String>,
    mode: &PlansMode,
) {
    match mode {
        PlansMode::Choosing => {
            let typed = picker.query.trim();
            let empty = if typed.is_empty() {
                "No saved plans yet".to_owned()
            } else {
                format!(
                    "No plan matches: {} creates a new plan named `{typed}`",
                    keymap.name(Action::Accept)
                )
            };
            let hints = keymap.hints(&[
                (Action::Accept, "open"),
                (Action::NewPlan, "new"),
                (Action::RenamePlan, "rename"),
                (Action::DeletePlan, "delete"),
                (Action::Cancel, "close"),
            ]);
            picker_box(theme, buf, screen, " Saved plans ", picker, &hints, &empty);
        }
        PlansMode::Renaming { from, name } => {
            let lines = vec![
                Line::raw(format!("New name for `{from}`:")),
                Line::from(name.spans(
                    theme.input,
                    true,
                    usize::from(screen.width.min(60).saturating_sub(2)),
                )),
            ];
            ask(
                theme,
                buf,
                screen,
                60,
                " Rename plan ",
                lines,
                &keymap.hints(&[
                    (Action::Accept, "rename"),
                    (Action::ClearText, "clear"),
                    (Action::Cancel, "cancel"),
                ]),
            );
        }
        PlansMode::Comparing => {
            let hints = keymap.hints(&[(Action::Accept, "compare"), (Action::Cancel, "cancel")]);
            picker_box(
                theme,
                buf,
                screen,
                " Compare with which plan? ",
                picker,
                &hints,
                "No other saved plan",
            );
        }
        PlansMode::NewFor { name, open, person } => {
            let choice = |action: Action, text: String| {
                Line::from(vec![
                    Span::styled(format!("  {:<6}", keymap.name(action)), theme.key),
                    Span::raw(text),
                ])
            };
            let lines = vec![
                Line::raw(format!("New plan `{name}`: who is it for?")),
                Line::raw(""),
                choice(Action::ForNewPerson, format!("a new person, `{name}`")),
                choice(
                    Action::ForSamePerson,
                    format!("{person}, with what they hold"),
                ),
                choice(
                    Action::CopyPlan,
                    format!("a copy of `{open}`, to try what if"),
                ),
            ];
            ask(
                theme,
                buf,
                screen,
                64,
                " New plan ",
                lines,
                &keymap.hints(&[(Action::No, "cancel")]),
            );
        }
        PlansMode::ConfirmDelete { name } => {
            let lines = vec![Line::raw(format!(
                "Delete the saved plan `{name}`? This cannot be undone."
            ))];
            ask(
                theme,
                buf,
                screen,
                64,
                " Delete plan ",
                lines,
                &keymap.hints(&[(Action::Yes, "delete"), (Action::No, "keep it")]),
            );
        }
    }
}
