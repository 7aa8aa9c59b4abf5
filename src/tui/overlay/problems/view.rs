//! The catalog's problems: a list to move through, and the chosen problem in full with its
//! source lines and the column marked, as a compiler shows an error.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::widgets::{StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

use super::super::view::{block, footer};
use crate::catalog::Problem;
use crate::catalog::source::is_bundled;
use crate::tui::action::Action;
use crate::tui::app::{App, StatusKind};
use crate::tui::view::{Theme, centered};

/// Lines shown around a problem's own line.
const CONTEXT: usize = 2;

/// The most characters of one line kept for the excerpt: columns beyond are not shown.
const MAX_EXCERPT_CHARS: usize = 4096;

pub(in crate::tui::overlay) fn render(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    selected: usize,
) {
    let area = centered(screen, 110, screen.height);
    Widget::render(Clear, area, buf);
    let outer = block(
        theme,
        &format!(" Catalog problems ({}) ", app.problems.len()),
    );
    let inner = outer.inner(area);
    Widget::render(outer, area, buf);
    let selected = selected.min(app.problems.len().saturating_sub(1));
    let problem = app.problems.get(selected);
    let mut hints = app.keymap.hints(&[(Action::Close, "close")]);
    hints.push((
        app.keymap.arrows(Action::ViewUp, Action::ViewDown),
        "choose",
    ));
    if problem.is_some_and(|p| !is_bundled(&p.file)) {
        hints.extend(
            app.keymap
                .hints(&[(Action::EditProblem, "edit at this line")]),
        );
    }
    let intro = Paragraph::new(Line::styled(intro(app), theme.warn)).wrap(Wrap { trim: false });
    let intro_rows = u16::try_from(intro.line_count(inner.width))
        .unwrap_or(u16::MAX)
        .min(inner.height / 4);
    // The list gets up to a third of the room; the chosen problem in full, the rest.
    let list_rows = u16::try_from(app.problems.len())
        .unwrap_or(u16::MAX)
        .min((inner.height.saturating_sub(intro_rows + 1)) / 3)
        .max(1);
    // What the last key did (an editor that did not start, a bundled file) is said here: the
    // status bar is under the overlay.
    // (A warning there is the reload's own news, which this overlay says at length.)
    let said = app.status.as_ref().and_then(|status| {
        let style = match status.kind {
            StatusKind::Info => theme.dim,
            StatusKind::Warning => return None,
            StatusKind::Error => theme.bad,
        };
        Some(Line::styled(status.text.clone(), style))
    });
    let [intro_area, list_area, detail_area, said_area, footer_area] = Layout::vertical([
        Constraint::Length(intro_rows),
        Constraint::Length(list_rows),
        Constraint::Fill(1),
        Constraint::Length(u16::from(said.is_some())),
        Constraint::Length(1),
    ])
    .areas(inner);
    if let Some(said) = said {
        Widget::render(Paragraph::new(said), said_area, buf);
    }
    Widget::render(intro, intro_area, buf);
    // A row names the file by its name only (the chosen problem below gives the path), and
    // ends with `…` where it is cut.
    let width = usize::from(list_area.width);
    let items: Vec<ListItem> = app
        .problems
        .iter()
        .map(|problem| {
            let name = problem.file.rsplit('/').next().unwrap_or(&problem.file);
            let row = format!(
                "{name}:{} {}: {}",
                problem.position, problem.severity, problem.message
            );
            ListItem::new(crate::text::truncate(&row, width).into_owned())
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected),
        list_area,
        buf,
        &mut state,
    );
    if let Some(problem) = problem {
        let message = Paragraph::new(message(theme, problem)).wrap(Wrap { trim: false });
        let rows = u16::try_from(message.line_count(detail_area.width)).unwrap_or(u16::MAX);
        let [message_area, source_area] =
            Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(detail_area);
        Widget::render(message, message_area, buf);
        if let Some(text) = app.problem_texts.get(&problem.file) {
            Widget::render(
                Paragraph::new(source(theme, problem, text, source_area.width)),
                source_area,
                buf,
            );
        }
    }
    Widget::render(Paragraph::new(footer(theme, &hints)), footer_area, buf);
}

fn intro(app: &App) -> String {
    if !app.problems.iter().any(Problem::is_error) {
        return "These warnings keep nothing from loading; `upskill validate --strict` fails on them until they are fixed.".to_owned();
    }
    if app.left_out.is_empty() {
        return "The catalogs changed on disk, but these errors keep them from loading; the last good catalog is still in use. Fix the files and they reload by themselves.".to_owned();
    }
    let files: Vec<String> = app
        .left_out
        .iter()
        .map(|left| crate::text::sanitize_line(&left.file).into_owned())
        .collect();
    let one = files.len() == 1;
    format!(
        "{} {} errors and {} left out; everything else is loaded. Plan steps from {} show as unavailable, not missing. Fix the files and they load by themselves. Left out: {}.",
        crate::text::plural(files.len(), "catalog file"),
        if one { "has" } else { "have" },
        if one { "was" } else { "were" },
        if one { "it" } else { "them" },
        files.join(", "),
    )
}

/// The problem in full, and where it is.
fn message(theme: &Theme, problem: &Problem) -> Vec<Line<'static>> {
    vec![
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                format!("{}: ", problem.severity),
                severity_style(theme, problem),
            ),
            Span::styled(problem.message.clone(), theme.title),
        ]),
        Line::styled(
            format!("  --> {}:{}", problem.file, problem.position),
            theme.dim,
        ),
    ]
}

/// The problem's lines, numbered, with a caret under its column; cut to `width` and moved
/// sideways when the column is further right than fits, so the caret is always in view.
fn source(theme: &Theme, problem: &Problem, text: &str, width: u16) -> Vec<Line<'static>> {
    let shown = excerpt(text, problem.position.line, CONTEXT);
    let gutter = shown
        .last()
        .map_or(1, |(number, _)| number.to_string().len());
    let room = usize::from(width).saturating_sub(gutter + 3).max(1);
    let column = problem.position.column.saturating_sub(1);
    let skip = if column + 2 <= room {
        0
    } else {
        column + 2 - room / 2
    };
    let mut lines = Vec::new();
    for (number, line) in &shown {
        let mut visible: String = line.chars().skip(skip).collect();
        if skip > 0 && !visible.is_empty() {
            visible.replace_range(..visible.chars().next().map_or(0, char::len_utf8), "…");
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{number:>gutter$} │ "), theme.dim),
            Span::raw(crate::text::truncate(&visible, room).into_owned()),
        ]));
        if *number == problem.position.line {
            let before: String = line
                .chars()
                .skip(skip)
                .take(column - skip.min(column))
                .collect();
            lines.push(Line::from(vec![
                Span::styled(format!("{:gutter$} │ ", ""), theme.dim),
                Span::raw(" ".repeat(before.width())),
                Span::styled("^", severity_style(theme, problem)),
            ]));
        }
    }
    lines
}

fn severity_style(theme: &Theme, problem: &Problem) -> Style {
    if problem.is_error() {
        theme.bad
    } else {
        theme.warn
    }
}

/// Lines `line - context ..= line + context` of `text`, numbered from 1 and made safe to
/// show (a catalog is untrusted: no escape sequence reaches the terminal).
pub fn excerpt(text: &str, line: usize, context: usize) -> Vec<(usize, String)> {
    let first = line.saturating_sub(context).max(1);
    text.lines()
        .enumerate()
        .skip(first - 1)
        .take(line + context + 1 - first)
        .map(|(index, source)| {
            // What YAML does not read as a space is drawn so it can be seen: a tab as `→`, a
            // non-breaking space as `⍽` (one column each, so the mark stays in place).
            let marked = source.replace('\t', "→").replace('\u{a0}', "⍽");
            let clean = crate::text::sanitize_line(&marked);
            // Cut only far out, to bound the work: the view moves sideways to the column
            // first, then cuts to its width.
            (
                index + 1,
                crate::text::truncate(&clean, MAX_EXCERPT_CHARS).into_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_lines_around_one_made_safe() {
        let text = "a\nb\nc\x1b[31m\nd\ne\nf\n";
        assert_eq!(
            excerpt(text, 3, 2),
            [
                (1, "a".to_owned()),
                (2, "b".to_owned()),
                (3, "c\\u{1b}[31m".to_owned()),
                (4, "d".to_owned()),
                (5, "e".to_owned()),
            ]
        );
        assert_eq!(
            excerpt(text, 1, 1),
            [(1, "a".to_owned()), (2, "b".to_owned())]
        );
        assert_eq!(excerpt(text, 40, 2), []);
        let long = format!("{}x\n", "a".repeat(300));
        assert_eq!(
            excerpt(&long, 1, 0)[0].1.chars().count(),
            301,
            "cut only far out"
        );
    }
}
