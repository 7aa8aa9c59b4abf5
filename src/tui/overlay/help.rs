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

/// The help's widest, with its border.
const WIDTH: u16 = 100;

/// The keys' column, right-aligned; two spaces follow it.
const KEYS_WIDTH: usize = 14;

/// The keys' column with the two spaces after it: where what a key does starts.
const KEYS: usize = KEYS_WIDTH + 2;

/// Below this many columns for a description, the lines wrap as they come instead.
const LEAST_ROOM: usize = 24;

pub(super) fn help(app: &App, theme: &Theme, buf: &mut Buffer, screen: Rect, scroll: u16) -> u16 {
    // What a key does, wrapped under itself rather than under the keys.
    let room = usize::from(WIDTH.min(screen.width).saturating_sub(2)).saturating_sub(KEYS);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:>KEYS_WIDTH$}  ", "Keys"), theme.header),
        Span::styled("what they do (the name to rebind it by)", theme.dim),
    ])];
    for context in Context::ALL {
        if context != Context::Main {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{:>KEYS_WIDTH$}  {}", "", context.title()),
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
            lines.extend(binding(&keys, *action, theme, room));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(format!("{:>KEYS_WIDTH$}  ", "Mouse"), theme.header),
        Span::raw("click a pane to focus it and a row to select it · wheel scrolls"),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(format!("{:>KEYS_WIDTH$}  ", "Markers"), theme.header),
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
            "{:>KEYS_WIDTH$}  change keys in {config}, e.g. `add: [a, insert]`",
            "Rebind"
        ),
        theme.dim,
    ));
    let area = centered(
        screen,
        WIDTH,
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

/// One key's lines: its keys, then what it does and the name to rebind it by, wrapped to
/// `room` columns under itself (on a screen too narrow for that, in one line that the help
/// wraps as it comes).
fn binding(keys: &str, action: Action, theme: &Theme, room: usize) -> Vec<Line<'static>> {
    let keys = Span::styled(format!("{keys:>KEYS_WIDTH$}  "), theme.key);
    let id = format!("({})", action.id());
    if room < LEAST_ROOM {
        return vec![Line::from(vec![
            keys,
            Span::raw(action.description()),
            Span::styled(format!("  {id}"), theme.dim),
        ])];
    }
    let wrapped = crate::text::wrap(&format!("{}  {id}", action.description()), room);
    let last = wrapped.len().saturating_sub(1);
    wrapped
        .into_iter()
        .enumerate()
        .map(|(at, text)| {
            let lead = if at == 0 {
                keys.clone()
            } else {
                Span::raw(" ".repeat(KEYS))
            };
            // The name ends the last line, a word of its own.
            match text.strip_suffix(&id).filter(|_| at == last) {
                Some(said) => Line::from(vec![
                    lead,
                    Span::raw(said.to_owned()),
                    Span::styled(id.clone(), theme.dim),
                ]),
                None => Line::from(vec![lead, Span::raw(text)]),
            }
        })
        .collect()
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
