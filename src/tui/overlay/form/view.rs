//! A form: its fields, the hint or error under the focused one, its keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::view::{boxed, footer};
use super::Form;
use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::view::{Theme, centered};

pub(in crate::tui::overlay) fn form_box(
    keymap: &Keymap,
    theme: &Theme,
    buf: &mut Buffer,
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
        buf,
        centered(screen, 76, height),
        &form.title,
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}
