//! The plan pane: numbered steps with status, hours, cost and dates; violations marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{Theme, fit, window};
use crate::plan::Status;
use crate::tui::app::App;

pub fn title(app: &App) -> Line<'static> {
    Line::from(format!(" Plan · {} ", app.plan.name))
}

pub fn render(
    app: &App,
    theme: &Theme,
    state: &mut TableState,
    focused: bool,
    buf: &mut Buffer,
    area: Rect,
) -> (Rect, usize) {
    let steps = app.plan.steps.len();
    if steps == 0 {
        use crate::tui::action::Action;
        let key = |action| app.keymap.name(action);
        let path = crate::tui::update::path_name(app.objective);
        let (recommend, add) = (key(Action::Recommend), key(Action::AddToPlan));
        let text = if app.derived.role.is_none() {
            format!(
                "No steps yet. Press {} to choose a target role, then {recommend} for the {path} to it; or add credentials from the catalog with {add}.",
                key(Action::ChooseRole)
            )
        } else {
            format!(
                "No steps yet. Press {recommend} for the {path} to the role, or add credentials from the catalog with {add}."
            )
        };
        Widget::render(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            area,
            buf,
        );
        return (area, 0);
    }
    let shown = Shown {
        numbers: area.width >= 32,
        dates: area.width >= 62,
    };
    let title_width = usize::from(area.width).saturating_sub(match (shown.dates, shown.numbers) {
        (true, _) => 46,
        (false, true) => 24,
        (false, false) => 7,
    });
    let (offset, end) = window(
        app.plan_selected,
        steps,
        usize::from(area.height.saturating_sub(1)),
        state.offset(),
    );
    let flagged: Vec<usize> = app
        .derived
        .violations
        .iter()
        .filter_map(|violation| violation.step)
        .collect();
    let rows: Vec<Row<'static>> = (offset..end)
        .map(|i| row(app, theme, i, shown, title_width, flagged.contains(&i)))
        .collect();
    let mut widths = vec![
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ];
    let mut header = vec![
        Cell::from(Line::from("#").right_aligned()),
        Cell::from(""),
        Cell::from("step"),
    ];
    if shown.numbers {
        widths.extend([Constraint::Length(6), Constraint::Length(7)]);
        header.extend([
            Cell::from(Line::from("hours").right_aligned()),
            Cell::from(Line::from(app.catalog.currency.clone()).right_aligned()),
        ]);
    }
    if shown.dates {
        widths.push(Constraint::Length(21));
        header.push(Cell::from("dates"));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.dim))
        .column_spacing(1)
        .row_highlight_style(theme.highlight(focused));
    let selected = app.plan_selected.min(steps - 1);
    super::render_window(buf, table, area, state, offset, Some(selected), true)
}

/// Which optional columns fit.
#[derive(Debug, Clone, Copy)]
struct Shown {
    numbers: bool,
    dates: bool,
}

fn row(
    app: &App,
    theme: &Theme,
    i: usize,
    shown: Shown,
    title_width: usize,
    flagged: bool,
) -> Row<'static> {
    let step = &app.plan.steps[i];
    let credential = app.derived.step_credentials[i].map(|idx| app.catalog.credential(idx));
    let (mark, mark_style) = match step.status {
        Status::Done => ("✓", theme.good),
        Status::InProgress => ("▶", theme.accent),
        Status::Planned => ("•", theme.dim),
    };
    let title = match credential {
        Some(credential) => Span::raw(fit(&credential.title, title_width)),
        None if app.unavailable(i).is_some() => Span::styled(
            fit(
                &format!("{} (unavailable: its catalog has errors)", step.id),
                title_width,
            ),
            theme.warn,
        ),
        None => Span::styled(
            fit(
                &format!("{} (missing from the catalogs)", step.id),
                title_width,
            ),
            theme.bad,
        ),
    };
    let mut cells = vec![
        Cell::from(
            Line::from(Span::styled(
                (i + 1).to_string(),
                if flagged { theme.bad } else { theme.dim },
            ))
            .right_aligned(),
        ),
        Cell::from(Span::styled(mark, mark_style)),
        Cell::from(title),
    ];
    if shown.numbers {
        cells.push(Cell::from(
            Line::from(credential.map_or_else(String::new, |c| format!("{} h", c.hours)))
                .right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(credential.map_or_else(String::new, |c| c.cost.money())).right_aligned(),
        ));
    }
    if shown.dates {
        let scheduled = app
            .derived
            .schedule
            .as_ref()
            .and_then(|schedule| schedule.steps.get(i));
        let text = match (step.status, step.completed, scheduled) {
            (Status::Done, Some(done), _) => format!("done {done}"),
            (_, _, Some(dates)) => match (dates.start, dates.end) {
                (Some(start), Some(end)) if start.year() == end.year() => {
                    format!("{start}→{}", end.strftime("%m-%d"))
                }
                (Some(start), Some(end)) => format!("{start}→{end}"),
                _ => String::new(),
            },
            _ => String::new(),
        };
        cells.push(Cell::from(Span::styled(text, theme.dim)));
    }
    Row::new(cells)
}
