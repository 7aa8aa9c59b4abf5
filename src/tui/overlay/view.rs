//! Whatever covers the panes: help, pickers, the comparison, a question, the catalog's
//! problems, a notice.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::{Overlay, badges, clients, compare, form, help, picker, plans, problems, question};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::{Theme, centered, hint_spans};

/// Draws the overlay, if any, and returns how far it can scroll (the help).
pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, screen: Rect) -> u16 {
    let Some(overlay) = &app.overlay else {
        return 0;
    };
    match overlay {
        Overlay::Help { scroll } => return help::help(app, theme, buf, screen, *scroll),
        Overlay::Problems { selected } => {
            problems::view::render(app, theme, buf, screen, *selected);
        }
        Overlay::Roles(picker) => picker::view::picker_box(
            theme,
            buf,
            screen,
            " Target role ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "choose"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Filters(picker) => picker::view::picker_box(
            theme,
            buf,
            screen,
            " Filter the catalog ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "apply"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Export(picker) => picker::view::picker_box(
            theme,
            buf,
            screen,
            " Export the plan to the current folder ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "export"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Form(form) => form::view::form_box(&app.keymap, theme, buf, screen, form),
        Overlay::Plans { picker, mode } => {
            plans::view::plans(&app.keymap, theme, buf, screen, picker, mode);
        }
        Overlay::Clients(clients) => clients::view::render(app, theme, buf, screen, clients),
        Overlay::Badges(dialog) => return badges::view::render(app, theme, buf, screen, dialog),
        Overlay::Compare(comparison) => {
            compare::view::render(app, theme, buf, screen, comparison);
        }
        Overlay::Confirm(confirm) => question::view::question(app, theme, buf, screen, confirm),
        Overlay::Notice {
            title,
            lines,
            scroll,
        } => {
            let text = lines.iter().map(|line| Line::raw(line.clone())).collect();
            let title = format!(" {title} ");
            return ask_scrolled(
                theme,
                buf,
                screen,
                (70, &title),
                text,
                &app.keymap.hints(&[(Action::Close, "close")]),
                app.keymap
                    .hints(&[(Action::ViewDown, "scroll")])
                    .into_iter()
                    .next()
                    .map(|hint| (*scroll, hint)),
            );
        }
    }
    0
}

pub(super) fn block(theme: &Theme, title: &str) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(title.to_owned(), theme.title))
}

pub(super) fn boxed(
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    body: Paragraph<'static>,
) {
    Widget::render(Clear, area, buf);
    Widget::render(body.block(block(theme, title)), area, buf);
}

/// A box that asks something: the body wraps in the rows above, and the keys that answer stay
/// pinned to the last row, so even a tiny terminal shows how to answer.
pub(super) fn ask(
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    width: u16,
    title: &str,
    body: Vec<Line<'static>>,
    hints: &[(String, &str)],
) {
    ask_scrolled(theme, buf, screen, (width, title), body, hints, None);
}

/// [`ask`] with its body scrolled down `scroll` rows, for a body taller than the screen, and
/// the scroll key's hint shown when it is; returns how far it can scroll.
pub(super) fn ask_scrolled(
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    (width, title): (u16, &str),
    body: Vec<Line<'static>>,
    hints: &[(String, &str)],
    scrolling: Option<(u16, (String, &str))>,
) -> u16 {
    let inner_width = usize::from(width.min(screen.width).saturating_sub(2)).max(1);
    let rows: usize = body
        .iter()
        .map(|line| line.width().div_ceil(inner_width).max(1))
        .sum();
    // Borders, the body, a blank row, the keys.
    let height = u16::try_from(rows)
        .unwrap_or(u16::MAX / 2)
        .saturating_add(4);
    let area = centered(screen, width, height);
    Widget::render(Clear, area, buf);
    let outer = block(theme, title);
    let inner = outer.inner(area);
    Widget::render(outer, area, buf);
    let [text, keys] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let paragraph = Paragraph::new(body).wrap(Wrap { trim: true });
    // Counted by the same wrapping that draws it.
    let max = u16::try_from(
        paragraph
            .line_count(text.width.max(1))
            .saturating_sub(usize::from(text.height)),
    )
    .unwrap_or(u16::MAX);
    let mut hints = hints.to_vec();
    let scroll = match scrolling {
        Some((scroll, hint)) => {
            if max > 0 {
                hints.push(hint);
            }
            scroll.min(max)
        }
        None => 0,
    };
    Widget::render(paragraph.scroll((scroll, 0)), text, buf);
    Widget::render(Paragraph::new(footer(theme, &hints)), keys, buf);
    max
}

pub(super) fn footer(theme: &Theme, hints: &[(String, &str)]) -> Line<'static> {
    Line::from(hint_spans(theme, hints))
}
