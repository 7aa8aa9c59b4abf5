//! The schedule as a Gantt chart by month or week: a bar per step from its start to its end,
//! done steps at their completion date, today marked, renewal dates shown.

use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, fit};
use crate::plan::Status;
use crate::tui::app::{App, Scale};

/// The chart's columns: each one month or one week from `origin`.
struct Axis {
    origin: Date,
    scale: Scale,
    columns: usize,
}

impl Axis {
    fn new(first: Date, scale: Scale, columns: usize) -> Axis {
        let origin = match scale {
            Scale::Month => first.first_of_month(),
            Scale::Week => first
                .checked_sub(i64::from(first.weekday().to_monday_zero_offset()).days())
                .unwrap_or(first),
        };
        Axis {
            origin,
            scale,
            columns,
        }
    }

    /// The first day of column `column`.
    fn date(&self, column: usize) -> Option<Date> {
        let n = i64::try_from(column).ok()?;
        match self.scale {
            Scale::Month => self.origin.checked_add(n.months()).ok(),
            Scale::Week => self.origin.checked_add((n * 7).days()).ok(),
        }
    }

    /// The column a date falls in, if it is on the chart.
    fn column(&self, date: Date) -> Option<usize> {
        if date < self.origin {
            return None;
        }
        let column = match self.scale {
            Scale::Month => {
                let months = (i32::from(date.year()) - i32::from(self.origin.year())) * 12
                    + i32::from(date.month())
                    - i32::from(self.origin.month());
                usize::try_from(months).ok()?
            }
            Scale::Week => usize::try_from((date - self.origin).get_days() / 7).ok()?,
        };
        (column < self.columns).then_some(column)
    }

    /// The top row: a label and a space every seven columns, `Jan 27 ` by month or a week's
    /// Monday `04 Jan ` by week.
    fn header(&self, label_width: usize) -> String {
        const EVERY: usize = 7;
        let mut text = format!("{:<label_width$} ", "");
        let mut column = 0;
        while column < self.columns {
            let room = EVERY.min(self.columns - column);
            let label = self
                .date(column)
                .map_or_else(String::new, |date| match self.scale {
                    Scale::Month => date.strftime("%b %y").to_string(),
                    Scale::Week => date.strftime("%d %b").to_string(),
                });
            // A label that does not fit whole is left out rather than cut.
            if label.chars().count() < room || room == EVERY {
                text.extend(format!("{label:<room$}").chars().take(room));
            }
            column += EVERY;
        }
        text
    }
}

/// Draws the chart, its axis fixed at the top; returns the area and how far it can scroll.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> (Rect, u16) {
    if app.plan.steps.is_empty() {
        frame.render_widget(
            Paragraph::new("The timeline shows the plan's steps once it has some.")
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            area,
        );
        return (area, 0);
    }
    let label_width = (usize::from(area.width) / 4).clamp(6, 28);
    let columns = usize::from(area.width).saturating_sub(label_width + 1);
    if columns < 4 || area.height < 2 {
        frame.render_widget(
            Paragraph::new("Too small for the timeline").style(theme.dim),
            area,
        );
        return (area, 0);
    }
    let first = app
        .plan
        .steps
        .iter()
        .filter_map(|step| step.completed)
        .chain([app.plan.start, app.today])
        .min()
        .unwrap_or(app.today);
    let axis = Axis::new(first, app.scale, columns);
    let [top, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(axis.header(label_width), theme.dim)),
        top,
    );
    // A row per step, then the legend; only the rows in view are built (a plan can be long).
    let legend = legend(app, theme);
    let steps = app.plan.steps.len();
    let total = steps + legend.len();
    let visible = usize::from(rest.height);
    let max_scroll = total.saturating_sub(visible);
    let first = usize::from(app.info_scroll).min(max_scroll);
    let lines: Vec<Line<'static>> = (first..(first + visible).min(total))
        .map(|row| {
            if row < steps {
                step_line(app, theme, &axis, row, label_width)
            } else {
                legend[row - steps].clone()
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rest);
    (area, u16::try_from(max_scroll).unwrap_or(u16::MAX))
}

fn step_line(app: &App, theme: &Theme, axis: &Axis, i: usize, label_width: usize) -> Line<'static> {
    let step = &app.plan.steps[i];
    let dates = app
        .derived
        .schedule
        .as_ref()
        .and_then(|schedule| schedule.steps.get(i));
    let mut cells: Vec<(char, Style)> = vec![(' ', Style::new()); axis.columns];
    if let Some(column) = axis.column(app.today) {
        cells[column] = ('│', theme.today);
    }
    let (from, to, style) = match (step.status, step.completed, dates) {
        (Status::Done, Some(done), _) => (Some(done), Some(done), theme.bar_done),
        (_, _, Some(dates)) => (dates.start, dates.end, theme.bar),
        _ => (None, None, theme.bar),
    };
    if let (Some(from), Some(to)) = (from, to) {
        let start = axis.column(from).unwrap_or(0);
        let end = axis.column(to);
        for cell in cells
            .iter_mut()
            .take(end.map_or(axis.columns, |end| end + 1))
            .skip(start)
        {
            *cell = ('█', style);
        }
        if end.is_none() && axis.column(from).is_some() {
            // It runs on past the right edge.
            cells[axis.columns - 1] = ('▶', style);
        }
    }
    if let Some(column) = dates
        .and_then(|dates| dates.renews)
        .and_then(|date| axis.column(date))
    {
        cells[column] = ('◆', theme.warn);
    }
    let title = app.derived.step_credentials[i].map_or_else(
        || step.id.clone(),
        |idx| app.catalog.credential(idx).title.clone(),
    );
    let mut spans = vec![Span::raw(format!(
        "{:<label_width$} ",
        fit(&format!("{} {title}", i + 1), label_width)
    ))];
    spans.extend(
        cells
            .into_iter()
            .map(|(c, style)| Span::styled(c.to_string(), style)),
    );
    Line::from(spans)
}

/// The key to the marks, then every renewal date (due ones stand out).
fn legend(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let other = if app.scale == Scale::Month {
        "week"
    } else {
        "month"
    };
    let mut lines = vec![Line::from(vec![
        Span::styled("│", theme.today),
        Span::styled(format!(" today {}  ", app.today), theme.dim),
        Span::styled("◆", theme.warn),
        Span::styled(format!(" renewal  T shows by {other}"), theme.dim),
    ])];
    let Some(schedule) = &app.derived.schedule else {
        return lines;
    };
    let mut renewals: Vec<(Date, usize)> = schedule
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, dates)| dates.renews.map(|date| (date, i)))
        .collect();
    renewals.sort_unstable();
    for (date, i) in renewals {
        let due = date <= app.today;
        let text = format!(
            "renew {} by {date}{}",
            app.plan.steps[i].id,
            if due { " (due)" } else { "" }
        );
        lines.push(Line::styled(text, if due { theme.bad } else { theme.dim }));
    }
    lines
}
