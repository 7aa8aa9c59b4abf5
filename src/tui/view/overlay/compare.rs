//! The comparison of the plan with the cheapest and fastest recommendations: totals side
//! by side, then what each would add to the plan or drop from it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table, Wrap};

use super::super::{Theme, centered};
use super::{block, footer};
use crate::catalog::CredentialIdx;
use crate::plan::Recommendation;
use crate::tui::app::{App, Comparison};

pub(super) fn render(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    comparison: &Comparison,
) {
    let plan_steps: Vec<CredentialIdx> = app
        .derived
        .step_credentials
        .iter()
        .flatten()
        .copied()
        .collect();
    let mut lines = Vec::new();
    if comparison.cheapest.steps == comparison.fastest.steps {
        lines.extend(differs(
            app,
            theme,
            "cheapest, which is also the fastest",
            &comparison.cheapest,
            &plan_steps,
        ));
    } else {
        for (name, recommendation) in [
            ("cheapest", &comparison.cheapest),
            ("fastest", &comparison.fastest),
        ] {
            lines.extend(differs(app, theme, name, recommendation, &plan_steps));
        }
    }
    let width = screen.width.min(90);
    // Lists of ids wrap: count the rows they take so nothing is cut off.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(inner).max(1))
        .sum();
    let area = centered(
        screen,
        width,
        7 + u16::try_from(rows).unwrap_or(u16::MAX / 2) + 3,
    );
    frame.render_widget(Clear, area);
    let outer = block(theme, " Compare with the recommendations ");
    let inner_area = outer.inner(area);
    frame.render_widget(outer, area);
    let [table_area, differences, keys] = inner_area.layout(&Layout::vertical([
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    frame.render_widget(comparison_table(app, theme, comparison), table_area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), differences);
    frame.render_widget(
        Paragraph::new(footer(
            theme,
            &[
                ("1", "use the cheapest"),
                ("2", "use the fastest"),
                ("Esc", "close"),
            ],
        )),
        keys,
    );
}

fn comparison_table(app: &App, theme: &Theme, comparison: &Comparison) -> Table<'static> {
    let currency = &app.catalog.currency;
    let plan = crate::tui::app::Outcome::of(&app.catalog, &app.plan);
    let outcomes = [plan, comparison.cheapest_plan, comparison.fastest_plan];
    let row = |label: &'static str, value: &dyn Fn(&crate::tui::app::Outcome) -> String| {
        Row::new(
            [Cell::from(Span::styled(label, theme.header))]
                .into_iter()
                .chain(
                    outcomes
                        .iter()
                        .map(|outcome| Cell::from(Line::from(value(outcome)).right_aligned())),
                ),
        )
    };
    let met = [
        app.derived.met(),
        comparison.cheapest.met,
        comparison.fastest.met,
    ];
    let rows = vec![
        row("cost", &|outcome| {
            format!("{} {currency}", outcome.cost.money())
        }),
        row("hours", &|outcome| format!("{} h", outcome.hours)),
        row("finish", &|outcome| outcome.finish.to_string()),
        row("steps", &|outcome| outcome.steps.to_string()),
        Row::new(
            [Cell::from(Span::styled("requirements met", theme.header))]
                .into_iter()
                .chain(
                    met.iter()
                        .map(|n| Cell::from(Line::from(n.to_string()).right_aligned())),
                ),
        ),
    ];
    let header = Row::new(
        ["plan totals", "as it is", "cheapest", "fastest"]
            .map(|h| Cell::from(Line::from(h).right_aligned())),
    )
    .style(theme.header);
    Table::new(
        rows,
        [
            Constraint::Length(18),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ],
    )
    .header(header)
}

/// The steps a recommendation has that the plan lacks, and the other way round.
fn differs(
    app: &App,
    theme: &Theme,
    name: &str,
    recommendation: &Recommendation,
    plan: &[CredentialIdx],
) -> Vec<Line<'static>> {
    let id = |idx: &CredentialIdx| app.catalog.credential(*idx).id.clone();
    let done: Vec<CredentialIdx> = app
        .plan
        .steps
        .iter()
        .zip(&app.derived.step_credentials)
        .filter(|(step, _)| step.status == crate::plan::Status::Done)
        .filter_map(|(_, idx)| *idx)
        .collect();
    let adds: Vec<String> = recommendation
        .steps
        .iter()
        .filter(|idx| !plan.contains(idx))
        .map(id)
        .collect();
    let drops: Vec<String> = plan
        .iter()
        .filter(|idx| !recommendation.steps.contains(idx) && !done.contains(idx))
        .map(id)
        .collect();
    if adds.is_empty() && drops.is_empty() {
        return vec![Line::from(vec![
            Span::styled(format!("The {name}: "), theme.header),
            Span::raw("the same steps as this plan"),
        ])];
    }
    let mut lines = vec![Line::styled(format!("The {name}:"), theme.header)];
    if !adds.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("  + ", theme.good),
            Span::raw(adds.join(", ")),
        ]));
    }
    if !drops.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("  − ", theme.bad),
            Span::raw(drops.join(", ")),
        ]));
    }
    lines
}
