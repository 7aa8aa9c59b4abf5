//! The help: every key, with the name to rebind it by.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::view::block;
use crate::tui::action::{Action, Context};
use crossterm::event::KeyEvent;

use crate::tui::app::{App, Overlay};
use crate::tui::view::{Theme, centered, max_scroll};

pub(super) fn help(app: &App, theme: &Theme, buf: &mut Buffer, screen: Rect, scroll: u16) -> u16 {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:>14}  ", "Keys"), theme.header),
        Span::styled("what they do (the name to rebind it by)", theme.dim),
    ])];
    for context in Context::ALL {
        if context != Context::Main {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{:>14}  {}", "", context.title()),
                theme.header,
            ));
        }
        let bindings = app.keymap.bindings().iter();
        for (action, keys) in bindings.filter(|(action, _)| action.context() == context) {
            let shown: Vec<String> = keys.iter().map(ToString::to_string).collect();
            let keys = if shown.is_empty() {
                "(unbound)".to_owned()
            } else {
                shown.join(" ")
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>14}  "), theme.key),
                Span::raw(action.description()),
                Span::styled(format!("  ({})", action.id()), theme.dim),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(format!("{:>14}  ", "Mouse"), theme.header),
        Span::raw("click a pane to focus it and a row to select it · wheel scrolls"),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(format!("{:>14}  ", "Markers"), theme.header),
        Span::styled("•", theme.accent),
        Span::raw(" planned  "),
        Span::styled("▶", theme.accent),
        Span::raw(" in progress  "),
        Span::styled("✓", theme.good),
        Span::raw(" done  "),
        Span::styled("◆", theme.good),
        Span::raw(" held  "),
        Span::styled("†", theme.dim),
        Span::raw(" retired"),
    ]));
    let config = crate::store::keys_file().map_or_else(
        || "keys.yaml in the config folder".to_owned(),
        |path| path.display().to_string(),
    );
    lines.push(Line::styled(
        format!(
            "{:>14}  change keys in {config}, e.g. `add: [a, insert]`",
            "Rebind"
        ),
        theme.dim,
    ));
    let area = centered(
        screen,
        100,
        u16::try_from(lines.len()).unwrap_or(60).saturating_add(2),
    );
    Widget::render(Clear, area, buf);
    // Scrolled to the end on a small screen, then made larger: the end stays at the bottom.
    let max_scroll = max_scroll(
        &lines,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max_scroll), 0))
        .block(block(
            theme,
            &format!(" Help · {} closes ", app.keymap.name(Action::Close)),
        ));
    Widget::render(paragraph, area, buf);
    max_scroll
}

/// Keys while the help is open: scroll it, or close it with its close key or the key that
/// opened it.
pub(super) fn key(app: &mut App, key: KeyEvent, scroll: u16) {
    if super::closes(app, key, Action::ToggleHelp) {
        return;
    }
    let last = usize::from(app.overlay_max_scroll);
    let scroll = app
        .keymap
        .action_in(Context::View, key)
        .and_then(|action| super::scroll(action, usize::from(scroll), last))
        .map_or(scroll, |to| u16::try_from(to).unwrap_or(u16::MAX));
    app.overlay = Some(Overlay::Help { scroll });
}
