//! The top line: the plan, its role, totals and finish date, and the coverage gauge, with
//! what matters most kept when the line is short.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

use super::Theme;
use crate::tui::app::App;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = app.derived.gap.len();
    let gauge_width = if total > 0 && area.width >= 70 { 20 } else { 0 };
    let [text_area, gauge_area] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(gauge_width),
    ]));
    let line = summary(app, theme, usize::from(text_area.width));
    frame.render_widget(Paragraph::new(line), text_area);
    if gauge_width > 0 {
        let met = app.derived.met();
        let ratio = met as f64 / total as f64;
        let style = if met == total { theme.good } else { theme.warn };
        let gauge = LineGauge::default()
            .ratio(ratio)
            .label(Span::styled(format!("{met}/{total} met "), style))
            .filled_style(style)
            .unfilled_style(theme.dim);
        frame.render_widget(gauge, gauge_area);
    }
}

/// The pieces of the header in priority order, joined while they fit.
fn summary(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let derived = &app.derived;
    let role = derived.role.map_or_else(
        || "no role yet (r)".to_owned(),
        |role| app.catalog.role(role).title.clone(),
    );
    let mut pieces: Vec<(u8, Span<'static>)> = vec![
        (
            0,
            Span::styled(" upskill ", theme.title.patch(theme.accent)),
        ),
        (1, Span::styled(role, theme.header)),
        (4, Span::raw(format!("plan {}", app.plan.name))),
        (
            3,
            Span::raw(format!("{}/{} done", derived.done, app.plan.steps.len())),
        ),
        (
            1,
            Span::raw(format!(
                "{} {} · {} h",
                derived.total_cost.money(),
                app.catalog.currency,
                derived.total_hours
            )),
        ),
    ];
    if let Some(schedule) = derived
        .schedule
        .as_ref()
        .filter(|_| !app.plan.steps.is_empty())
    {
        pieces.push((2, Span::raw(format!("done by {}", schedule.finish))));
    }
    if let Some(why) = &app.read_only {
        pieces.push((0, Span::styled(format!("read-only: {why}"), theme.warn)));
    } else if app.save_error.is_some() {
        pieces.push((0, Span::styled("not saved".to_owned(), theme.bad)));
    }
    if derived.expiring > 0 {
        pieces.push((
            1,
            Span::styled(format!("{} expiring (t)", derived.expiring), theme.warn),
        ));
    }
    if !app.problems.is_empty() {
        pieces.push((
            1,
            Span::styled(
                format!(
                    "{} (!)",
                    crate::text::plural(app.problems.len(), "catalog error")
                ),
                theme.bad,
            ),
        ));
    }
    // Steps out of order, missing or retired (unmet requirements have the gauge).
    let flagged = derived
        .violations
        .iter()
        .filter(|violation| violation.step.is_some())
        .count();
    if flagged > 0 {
        pieces.push((
            1,
            Span::styled(
                format!("{} to fix", crate::text::plural(flagged, "step")),
                theme.bad,
            ),
        ));
    }
    // Drop the least important pieces until the rest fits.
    let fits = |kept: &[(u8, Span<'static>)]| {
        kept.iter().map(|(_, span)| span.width() + 3).sum::<usize>() <= width
    };
    for level in (1..=4).rev() {
        if fits(&pieces) {
            break;
        }
        pieces.retain(|(priority, _)| *priority < level);
    }
    let mut spans = Vec::new();
    for (i, (_, span)) in pieces.into_iter().enumerate() {
        if i > 1 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(span);
    }
    Line::from(spans)
}
