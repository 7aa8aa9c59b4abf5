//! The schedule as a Gantt chart by month or week: a bar per step from its start to its end,
//! done steps at their completion date, today marked, renewal dates shown.

use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, fit};
use crate::plan::Status;
use crate::tui::app::{App, Scale};

/// Where a date falls on the chart.
enum Place {
    Before,
    At(usize),
    After,
}

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
        match self.place(date) {
            Place::At(column) => Some(column),
            Place::Before | Place::After => None,
        }
    }

    /// Where a date is: off the chart to the left, in a column, or off to the right.
    fn place(&self, date: Date) -> Place {
        if date < self.origin {
            return Place::Before;
        }
        match self.columns_to(date) {
            Some(column) if column < self.columns => Place::At(column),
            _ => Place::After,
        }
    }

    /// How many columns from the origin to the one `date` falls in.
    fn columns_to(&self, date: Date) -> Option<usize> {
        match self.scale {
            Scale::Month => {
                let months = (i32::from(date.year()) - i32::from(self.origin.year())) * 12
                    + i32::from(date.month())
                    - i32::from(self.origin.month());
                usize::try_from(months).ok()
            }
            Scale::Week => usize::try_from((date - self.origin).get_days() / 7).ok(),
        }
    }

    /// The top row: a label and a space every seven columns, `Jan 27 ` by month or a week's
    /// Monday `04 Jan ` by week, where the first label and the first of each new year say the
    /// year instead of the day (`Jan 27`).
    fn header(&self, label_width: usize) -> String {
        const EVERY: usize = 7;
        let mut text = format!("{:<label_width$} ", "");
        let mut column = 0;
        let mut year = None;
        while column < self.columns {
            let room = EVERY.min(self.columns - column);
            let label = self.date(column).map_or_else(String::new, |date| {
                let new_year = year != Some(date.year());
                year = Some(date.year());
                match self.scale {
                    Scale::Week if !new_year => date.strftime("%d %b").to_string(),
                    _ => date.strftime("%b %y").to_string(),
                }
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

/// What a drawn chart reports back for scrolling.
pub struct Drawn {
    pub rows: Rect,
    /// How many rows it can scroll down, and how many columns on in time.
    pub max_scroll: u16,
    pub max_shift: usize,
}

/// Draws the chart, its axis fixed at the top.
pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) -> Drawn {
    if app.plan.steps.is_empty() {
        Widget::render(
            Paragraph::new("The timeline shows the plan's steps once it has some.")
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            area,
            buf,
        );
        return Drawn {
            rows: area,
            max_scroll: 0,
            max_shift: 0,
        };
    }
    let label_width = (usize::from(area.width) / 4).clamp(6, 28);
    let columns = usize::from(area.width).saturating_sub(label_width + 1);
    if columns < 4 || area.height < 2 {
        Widget::render(
            Paragraph::new("Too small for the timeline").style(theme.dim),
            area,
            buf,
        );
        return Drawn {
            rows: area,
            max_scroll: 0,
            max_shift: 0,
        };
    }
    let first = app
        .plan
        .steps
        .iter()
        .filter_map(|step| step.completed)
        .chain([app.plan.start, app.today])
        .min()
        .unwrap_or(app.today);
    // Scrolled on by whole columns, as far as the last date on the chart.
    let mut axis = Axis::new(first, app.scale, columns);
    let last = app
        .derived
        .schedule
        .iter()
        .flat_map(|schedule| &schedule.steps)
        .flat_map(|dates| [dates.end, dates.renews])
        .chain(app.plan.steps.iter().map(|step| step.completed))
        .flatten()
        .max()
        .unwrap_or(app.today);
    let max_shift = axis
        .columns_to(last)
        .map_or(0, |column| (column + 1).saturating_sub(columns));
    let shift = app.timeline_shift.min(max_shift);
    axis.origin = axis.date(shift).unwrap_or(axis.origin);
    let [top, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    Widget::render(
        Paragraph::new(Line::styled(axis.header(label_width), theme.dim)),
        top,
        buf,
    );
    // A row per step, then the legend; only the rows in view are built (a plan can be long).
    let legend = legend(app, theme, max_shift > 0);
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
    Widget::render(Paragraph::new(lines), rest, buf);
    Drawn {
        rows: area,
        max_scroll: u16::try_from(max_scroll).unwrap_or(u16::MAX),
        max_shift,
    }
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
        let last = axis.columns - 1;
        match (axis.place(from), axis.place(to)) {
            // Wholly off the chart: a hint of which side it is on.
            (Place::After, _) => cells[last] = ('▷', theme.dim),
            (_, Place::Before) => cells[0] = ('◁', theme.dim),
            (start, end) => {
                let (first, final_) = (
                    if let Place::At(c) = start { c } else { 0 },
                    if let Place::At(c) = end { c } else { last },
                );
                for cell in &mut cells[first..=final_] {
                    *cell = ('█', style);
                }
                // Running on past an edge.
                if matches!(start, Place::Before) {
                    cells[0] = ('◀', style);
                }
                if matches!(end, Place::After) {
                    cells[last] = ('▶', style);
                }
            }
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
        |idx| app.catalog.credential(idx).title.to_string(),
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
fn legend(app: &App, theme: &Theme, scrolls: bool) -> Vec<Line<'static>> {
    use std::fmt::Write as _;

    use crate::tui::action::Action;
    let other = if app.scale == Scale::Month {
        "week"
    } else {
        "month"
    };
    let key = |action: Action| {
        app.keymap
            .first_key(action)
            .map_or_else(String::new, |key| key.to_string())
    };
    let mut keys = format!(
        " renewal  {} shows by {other}",
        key(Action::ToggleTimelineScale)
    );
    if scrolls {
        let _ = write!(
            keys,
            "  {}/{} scroll",
            key(Action::TimelineEarlier),
            key(Action::TimelineLater)
        );
    }
    let mut lines = vec![Line::from(vec![
        Span::styled("│", theme.today),
        Span::styled(format!(" today {}  ", app.today), theme.dim),
        Span::styled("◆", theme.warn),
        Span::styled(keys, theme.dim),
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
