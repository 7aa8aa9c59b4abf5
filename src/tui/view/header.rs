//! The top line: the plan, its role, totals and finish date, and the coverage gauge, with
//! what matters most kept when the line is short.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{LineGauge, Paragraph};

use super::Theme;
use crate::plan::{Objective, Standing, not_before_short};
use crate::tui::action::Action;
use crate::tui::app::App;

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let total = app.derived.gap.len();
    let gauge_width = match area.width {
        _ if total == 0 => 0,
        0..60 => 0,
        60..120 => 14,
        _ => 20,
    };
    // A column apart, so the last piece never runs into the gauge's label.
    let [text_area, gauge_area] = area.layout(
        &Layout::horizontal([Constraint::Fill(1), Constraint::Length(gauge_width)])
            .spacing(u16::from(gauge_width > 0)),
    );
    let line = summary(app, theme, usize::from(text_area.width));
    Widget::render(Paragraph::new(line), text_area, buf);
    if gauge_width > 0 {
        let met = app.derived.met();
        let ratio = met as f64 / total as f64;
        let style = if met == total { theme.good } else { theme.warn };
        let gauge = LineGauge::default()
            .ratio(ratio)
            .label(Span::styled(format!("{met}/{total} met "), style))
            .filled_style(style)
            .unfilled_style(theme.dim);
        Widget::render(gauge, gauge_area, buf);
    }
}

/// One piece of the header: how much it matters (0 most), and its text in full and short.
struct Piece {
    priority: u8,
    long: Span<'static>,
    short: Span<'static>,
}

impl Piece {
    fn new(priority: u8, long: Span<'static>) -> Piece {
        Piece {
            priority,
            short: long.clone(),
            long,
        }
    }

    fn or_short(mut self, short: String) -> Piece {
        self.short = Span::styled(short, self.long.style);
        self
    }
}

/// The plan's role as the header names it: a role the plan names that no loaded catalog has
/// is said to be unavailable or gone, never "no role yet".
fn role_label(app: &App) -> String {
    match (app.derived.role, app.plan.role.as_deref()) {
        (Some(role), _) => app.catalog.role(role).title.clone(),
        // A role the plan names that no loaded catalog has: from a file left out for its
        // errors, or gone.
        (None, Some(id)) if !app.left_out.is_empty() => {
            format!(
                "role {} unavailable (catalog errors)",
                crate::text::sanitize_line(id)
            )
        }
        (None, Some(id)) => format!(
            "role {} not in the catalogs",
            crate::text::sanitize_line(id)
        ),
        (None, None) => format!("no role yet{}", app.keymap.after(Action::ChooseRole)),
    }
}

/// What `o` recommends: the objective in force, with the value of time when it counts.
fn objective(app: &App, theme: &Theme) -> Piece {
    let long = match (app.objective, app.plan.time_value) {
        (Objective::Hours, _) => "fastest path".to_owned(),
        (Objective::Cost, Some(value)) if value.hundredths() > 0 => format!(
            "cheapest path, an hour worth {} {}",
            value.money(),
            app.catalog.currency
        ),
        (Objective::Cost, _) => "cheapest path".to_owned(),
    };
    // The first piece to go when the line is short.
    Piece::new(6, Span::styled(long, theme.dim))
}

/// `plan alex-2028 (alex)`: the plan, and its person when the name does not say it.
fn plan_label(app: &App) -> String {
    match &app.plan.person {
        Some(person) if person.name != app.plan.name => {
            format!("plan {} ({})", app.plan.name, person.name)
        }
        _ => format!("plan {}", app.plan.name),
    }
}

/// The pieces of the header, each with how much it matters, joined by [`join`].
fn summary(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let derived = &app.derived;
    let role = role_label(app);
    let short_role = super::fit(&role, 24);
    // A sum leaving out steps of unknown cost or hours reads as a floor: `≥ 650 USD + 1 unknown`.
    let unknown = derived.totals.unknown;
    let cost = crate::plan::at_least_short(
        &format!("{} {}", derived.totals.cost.money(), app.catalog.currency),
        unknown.cost,
    );
    let hours = crate::plan::at_least_short(&format!("{} h", derived.totals.hours), unknown.hours);
    let mut pieces = vec![
        Piece::new(
            0,
            Span::styled(" upskill ", theme.title.patch(theme.accent)),
        ),
        Piece::new(1, Span::styled(role, theme.header)).or_short(short_role),
        Piece::new(2, Span::raw(plan_label(app)))
            .or_short(format!("plan {}", super::fit(&app.plan.name, 16))),
        Piece::new(
            4,
            Span::raw(format!(
                "{}/{} done",
                derived.totals.done, derived.totals.steps
            )),
        ),
        Piece::new(3, Span::raw(format!("{cost} · {hours}"))).or_short(cost),
    ];
    if let Some(schedule) = derived
        .schedule
        .as_ref()
        .filter(|_| !app.plan.steps.is_empty())
    {
        // The schedule counts a step of unknown hours as no time: its date is then a floor.
        let finish = schedule.finish.to_string();
        let piece = if derived.totals.unknown.remaining_hours == 0 {
            Piece::new(5, Span::raw(format!("done by {finish}"))).or_short(format!("by {finish}"))
        } else {
            let floor = not_before_short(&finish, derived.totals.unknown.remaining_hours);
            Piece::new(5, Span::raw(format!("finish {floor}"))).or_short(floor)
        };
        pieces.push(piece);
        let standing = Standing::of(&app.plan, schedule, &derived.totals, app.today);
        if let Some(days) = standing.behind {
            let behind = if days == 1 {
                "behind by 1 day".to_owned()
            } else {
                format!("behind by {days} days")
            };
            pieces.push(
                Piece::new(1, Span::styled(behind, theme.warn)).or_short(format!("{days}d behind")),
            );
        }
    }
    pieces.push(objective(app, theme));
    if let Some(budget) = app.plan.budget
        && derived.totals.cost > budget
    {
        let over = (derived.totals.cost - budget).money();
        pieces.push(
            Piece::new(
                0,
                Span::styled(
                    format!("{over} {} over budget", app.catalog.currency),
                    theme.warn,
                ),
            )
            .or_short("over budget".to_owned()),
        );
    }
    if let Some(why) = &app.read_only {
        pieces.push(
            Piece::new(0, Span::styled(format!("read-only: {why}"), theme.warn))
                .or_short("read-only".to_owned()),
        );
    } else if app.save_error.is_some() {
        pieces.push(Piece::new(
            0,
            Span::styled("not saved".to_owned(), theme.bad),
        ));
    }
    alerts(app, theme, &mut pieces);
    join(&pieces, theme, width)
}

/// What needs the user's attention: credentials expiring, catalog errors, steps to fix.
fn alerts(app: &App, theme: &Theme, pieces: &mut Vec<Piece>) {
    let derived = &app.derived;
    if derived.expiring > 0 {
        pieces.push(
            Piece::new(
                1,
                Span::styled(
                    format!(
                        "{} expiring{}",
                        derived.expiring,
                        app.keymap.after(Action::ShowTimeline)
                    ),
                    theme.warn,
                ),
            )
            .or_short(format!("{} expiring", derived.expiring)),
        );
    }
    let count = app
        .problems
        .iter()
        .filter(|problem| problem.is_error())
        .count();
    if count > 0 {
        let problems = app.keymap.after(Action::ShowProblems);
        pieces.push(
            Piece::new(
                0,
                Span::styled(
                    format!("{}{problems}", crate::text::plural(count, "catalog error")),
                    theme.bad,
                ),
            )
            .or_short(format!("{}{problems}", crate::text::plural(count, "error"))),
        );
    }
    // Steps out of order, missing or retired (unmet requirements have the gauge).
    let flagged = derived
        .violations
        .iter()
        .filter(|violation| violation.step.is_some())
        .count();
    if flagged > 0 {
        pieces.push(
            Piece::new(
                0,
                Span::styled(
                    format!("{} to fix", crate::text::plural(flagged, "step")),
                    theme.bad,
                ),
            )
            .or_short(format!("{flagged} to fix")),
        );
    }
}

/// The pieces as they fit: the least important (the rightmost of equals) is shortened
/// first, then dropped, then the next; the most important are only ever shortened. Then any
/// dropped piece that fits in what is left comes back, short, and any short one that fits
/// whole is whole again, the most important first.
fn join(pieces: &[Piece], theme: &Theme, width: usize) -> Line<'static> {
    #[derive(Clone, Copy, PartialEq)]
    enum Shown {
        Long,
        Short,
        Hidden,
    }
    fn text_of(piece: &Piece, shown: Shown) -> Option<&Span<'static>> {
        match shown {
            Shown::Long => Some(&piece.long),
            Shown::Short => Some(&piece.short),
            Shown::Hidden => None,
        }
    }
    // The title and the first piece touch; a ` · ` goes before each piece after those.
    let width_of = |shown: &[Shown]| -> usize {
        let spans: Vec<&Span<'static>> = pieces
            .iter()
            .zip(shown)
            .filter_map(|(piece, &shown)| text_of(piece, shown))
            .collect();
        spans.iter().map(|span| span.width()).sum::<usize>() + 3 * spans.len().saturating_sub(2)
    };
    let mut shown = vec![Shown::Long; pieces.len()];
    while width_of(&shown) > width {
        let Some(next) = (1..pieces.len())
            .filter(|&i| match shown[i] {
                Shown::Long => pieces[i].priority > 0 || pieces[i].long != pieces[i].short,
                Shown::Short => pieces[i].priority > 0,
                Shown::Hidden => false,
            })
            .max_by_key(|&i| pieces[i].priority)
        else {
            break;
        };
        shown[next] = if shown[next] == Shown::Long && pieces[next].long != pieces[next].short {
            Shown::Short
        } else {
            Shown::Hidden
        };
    }
    // Then dropped pieces come back short, and short ones whole, where they fit.
    for (from, to) in [(Shown::Hidden, Shown::Short), (Shown::Short, Shown::Long)] {
        let mut candidates: Vec<usize> = (0..pieces.len()).filter(|&i| shown[i] == from).collect();
        candidates.sort_by_key(|&i| pieces[i].priority);
        for i in candidates {
            shown[i] = to;
            if width_of(&shown) > width {
                shown[i] = from;
            }
        }
    }
    let mut spans = Vec::new();
    for (piece, shown) in pieces.iter().zip(shown) {
        let Some(text) = text_of(piece, shown) else {
            continue;
        };
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(text.clone());
    }
    Line::from(spans)
}
