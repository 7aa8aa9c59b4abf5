//! The badge import dialog drawn: the path prompt (with why the last path could not be
//! imported), then the badges in groups (to add, held already, ambiguous, unmatched) under
//! the counts and the note that signatures are not verified, scrolling, with `y` and Esc
//! pinned to the last row.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::super::view::{ask, block, footer};
use super::{BadgeImport, Found, Stage, whose};
use crate::import::wallet::Row;
use crate::text::{plural, sanitize_line};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::{Theme, centered, max_scroll};

const TITLE: &str = " Import badges (Open Badges, CLR) ";

/// Draws the dialog; returns how far the table can scroll.
pub(in crate::tui::overlay) fn render(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    dialog: &BadgeImport,
) -> u16 {
    match &dialog.stage {
        Stage::Prompt { error } => {
            prompt(app, theme, buf, screen, dialog, error.as_deref());
            0
        }
        Stage::Reading => {
            let lines = vec![Line::raw(format!(
                "Reading {}…",
                sanitize_line(dialog.path.text())
            ))];
            let hints = app.keymap.hints(&[(Action::No, "cancel")]);
            ask(theme, buf, screen, 70, TITLE, lines, &hints);
            0
        }
        Stage::Found(found) => table(app, theme, buf, screen, found),
    }
}

fn prompt(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    dialog: &BadgeImport,
    error: Option<&str>,
) {
    let width = 76;
    let mut lines = vec![
        Line::raw(format!(
            "A badge file (JSON) or a folder of them, to add to {} holdings:",
            whose(app)
        )),
        Line::from(dialog.path.spans(
            theme.input,
            true,
            usize::from(screen.width.min(width).saturating_sub(2)),
        )),
    ];
    if let Some(error) = error {
        lines.push(Line::raw(""));
        lines.extend(
            error
                .lines()
                .map(|line| Line::styled(sanitize_line(line).into_owned(), theme.warn)),
        );
    }
    let hints = app.keymap.hints(&[
        (Action::Accept, "read"),
        (Action::ClearText, "clear"),
        (Action::Cancel, "cancel"),
    ]);
    ask(theme, buf, screen, width, TITLE, lines, &hints);
}

/// The groups a row falls in, in the order shown.
const GROUPS: [&str; 4] = [
    "To add",
    "Held already: nothing to do",
    "Ambiguous: more than one credential could be it",
    "Unmatched: no credential in the catalog is it",
];

fn group(row: &Row) -> usize {
    match (row.result, row.held) {
        ("matched", false) => 0,
        ("matched", true) => 1,
        ("ambiguous", _) => 2,
        _ => 3,
    }
}

/// The lines of the table: the notes first, so that the note on signatures is always in
/// sight, then each group of badges.
fn lines(theme: &Theme, found: &Found) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = found
        .notes
        .iter()
        .map(|note| {
            let style = if note.starts_with("warning:") {
                theme.warn
            } else {
                theme.dim
            };
            Line::styled(sanitize_line(note).into_owned(), style)
        })
        .collect();
    for (at, title) in GROUPS.iter().enumerate() {
        let rows: Vec<&Row> = found.rows.iter().filter(|row| group(row) == at).collect();
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{title} ({})", rows.len()),
            theme.header,
        ));
        for row in rows {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(sanitize_line(&row.badge).into_owned(), theme.title),
                Span::raw("  "),
                Span::raw(sanitize_line(&row.catalog).into_owned()),
            ]));
            let mut dates = vec![Span::styled(
                format!(
                    "    {} · earned {} · expires ",
                    sanitize_line(&row.issuer),
                    row.earned
                ),
                theme.dim,
            )];
            let expiry_style = if row.expired { theme.warn } else { theme.dim };
            dates.push(Span::styled(row.expires.clone(), expiry_style));
            lines.push(Line::from(dates));
        }
    }
    lines
}

fn table(app: &App, theme: &Theme, buf: &mut Buffer, screen: Rect, found: &Found) -> u16 {
    let area = centered(screen, 110, screen.height);
    Widget::render(Clear, area, buf);
    let outer = block(
        theme,
        &format!(" Badges in {} ", sanitize_line(&found.shown)),
    );
    let inner = outer.inner(area);
    Widget::render(outer, area, buf);
    let [body, keys] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let lines = lines(theme, found);
    let max = max_scroll(&lines, body.width, body.height);
    Widget::render(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((found.scroll.min(max), 0)),
        body,
        buf,
    );
    let add = if found.adds == 0 {
        "nothing new to add".to_owned()
    } else {
        format!(
            "add {} to {} holdings",
            plural(found.adds, "credential"),
            whose(app)
        )
    };
    let mut hints = app.keymap.hints(&[(Action::Yes, add.as_str())]);
    hints.extend(app.keymap.hints(&[(Action::No, "cancel")]));
    hints.push((
        app.keymap.arrows(Action::ViewUp, Action::ViewDown),
        "scroll",
    ));
    Widget::render(Paragraph::new(footer(theme, &hints)), keys, buf);
    max
}
