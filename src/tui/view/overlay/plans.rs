//! The saved plans picker and the forms (plan settings, a step's note and date).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::{Theme, centered};
use super::{ask, boxed, footer, picker_box};
use crate::tui::action::Action;
use crate::tui::app::{Form, Picker, PlansMode};
use crate::tui::keymap::Keymap;

pub(super) fn plans(
    keymap: &Keymap,
    theme: &Theme,
    frame: &mut Frame,
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
            picker_box(
                theme,
                frame,
                screen,
                " Saved plans ",
                picker,
                &hints,
                &empty,
            );
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
                frame,
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
        PlansMode::ConfirmDelete { name } => {
            let lines = vec![Line::raw(format!(
                "Delete the saved plan `{name}`? This cannot be undone."
            ))];
            ask(
                theme,
                frame,
                screen,
                64,
                " Delete plan ",
                lines,
                &keymap.hints(&[(Action::Yes, "delete"), (Action::No, "keep it")]),
            );
        }
    }
}

pub(super) fn form_box(
    keymap: &Keymap,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    form: &Form,
) {
    let label_width = form
        .fields
        .iter()
        .map(|field| field.label.len())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focused;
        let value_style = if focused {
            theme.input.patch(theme.selected)
        } else {
            theme.input
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:>label_width$}  ", field.label),
                if focused { theme.key } else { theme.header },
            ),
            Span::styled(
                if focused {
                    field.value.with_cursor()
                } else {
                    field.value.text().to_owned()
                },
                value_style,
            ),
        ]));
        if focused {
            lines.push(match &form.error {
                Some(error) => Line::styled(format!("{:>label_width$}  {error}", ""), theme.bad),
                None => Line::styled(format!("{:>label_width$}  {}", "", field.hint), theme.dim),
            });
        }
    }
    lines.push(Line::raw(""));
    lines.push(footer(
        theme,
        &keymap.hints(&[
            (Action::Accept, "save"),
            (Action::NextField, "next field"),
            (Action::ClearText, "clear"),
            (Action::Cancel, "cancel"),
        ]),
    ));
    let height = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
    boxed(
        theme,
        frame,
        centered(screen, 76, height),
        &form.title,
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}
