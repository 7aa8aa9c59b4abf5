//! The comparison of the plan with the cheapest and fastest recommendations: totals side
//! by side, then what each would add to the plan or drop from it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::view::{block, footer};
use crate::catalog::CredentialIdx;
use crate::plan::{Recommendation, at_least_short, not_before_short};
use crate::tui::action::Action;
use crate::tui::app::{App, Comparison, Outcome};
use crate::tui::keymap::Keymap;
use crate::tui::view::{Theme, centered};

pub(in crate::tui::overlay) fn render(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
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
    Widget::render(Clear, area, buf);
    // A title cut mid-word reads as a slip: the short one when the long one does not fit.
    let long_title = " Compare with the recommendations ";
    let title = if long_title.width() + 2 <= usize::from(area.width) {
        long_title
    } else {
        " Compare "
    };
    let outer = block(theme, title);
    let inner_area = outer.inner(area);
    Widget::render(outer, area, buf);
    let [table_area, differences, keys] = inner_area.layout(&Layout::vertical([
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    match comparison_table(app, theme, comparison, table_area.width) {
        Some(table) => Widget::render(table, table_area, buf),
        None => Widget::render(
            Paragraph::new("Too narrow for the totals: widen the window").wrap(Wrap { trim: true }),
            table_area,
            buf,
        ),
    }
    Widget::render(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        differences,
        buf,
    );
    Widget::render(
        Paragraph::new(keys_line(&app.keymap, theme, keys.width)),
        keys,
        buf,
    );
}

/// The keys, in as many words as fit: whole hints only, never a cut one.
fn keys_line(keymap: &Keymap, theme: &Theme, width: u16) -> Line<'static> {
    let long = keymap.hints(&[
        (Action::UseCheapest, "use the cheapest"),
        (Action::UseFastest, "use the fastest"),
        (Action::CompareWithPlan, "compare with another plan"),
        (Action::Close, "close"),
    ]);
    let mut short = keymap.hints(&[
        (Action::UseCheapest, "cheapest"),
        (Action::UseFastest, "fastest"),
        (Action::Close, "close"),
        (Action::CompareWithPlan, "other plan"),
    ]);
    let fits = |line: &Line| line.width() <= usize::from(width);
    let line = footer(theme, &long);
    if fits(&line) {
        return line;
    }
    loop {
        let line = footer(theme, &short);
        if fits(&line) || short.len() <= 1 {
            return line;
        }
        short.pop();
    }
}

/// Rows of totals: cost, hours, finish, steps, requirements met.
const ROWS: usize = 5;

/// The columns, in their order on screen.
const NAMES: [&str; 3] = ["as it is", "cheapest", "fastest"];

/// The columns given up, in turn, when even the shortest wording is too wide: the fastest,
/// then the plan as it is (the top bar shows its totals too), so the narrowest table still
/// shows what `1` would give.
const DROP_ORDER: [usize; 2] = [2, 0];

/// The totals table's text in one wording.
struct Wording {
    /// Over the row labels.
    corner: &'static str,
    labels: [String; ROWS],
    /// A cell a row, for each column in [`NAMES`].
    columns: [[String; ROWS]; 3],
}

/// The table in three wordings, widest first: units in every cell; units once, in the
/// labels; short labels. A narrower wording is used only when a wider one does not fit.
fn wordings(currency: &str, outcomes: &[Outcome; 3], met: [usize; 3]) -> [Wording; 3] {
    let cells = |units: bool| -> [[String; ROWS]; 3] {
        std::array::from_fn(|column| {
            let outcome = &outcomes[column];
            let (cost, hours) = if units {
                (
                    format!("{} {currency}", outcome.cost.money()),
                    format!("{} h", outcome.hours),
                )
            } else {
                (outcome.cost.money(), outcome.hours.to_string())
            };
            let unknown = outcome.unknown;
            let (cost, hours) = (
                at_least_short(&cost, unknown.cost),
                at_least_short(&hours, unknown.hours),
            );
            [
                cost,
                hours,
                not_before_short(&outcome.finish.to_string(), unknown.remaining_hours),
                outcome.steps.to_string(),
                met[column].to_string(),
            ]
        })
    };
    let labels = |labels: [&str; ROWS]| labels.map(str::to_owned);
    [
        Wording {
            corner: "plan totals",
            labels: labels(["cost", "hours", "finish", "steps", "requirements met"]),
            columns: cells(true),
        },
        Wording {
            corner: "plan totals",
            labels: [
                format!("cost ({currency})"),
                "hours".to_owned(),
                "finish".to_owned(),
                "steps".to_owned(),
                "met".to_owned(),
            ],
            columns: cells(false),
        },
        Wording {
            corner: "",
            labels: [
                currency.to_owned(),
                "hours".to_owned(),
                "end".to_owned(),
                "steps".to_owned(),
                "met".to_owned(),
            ],
            columns: cells(false),
        },
    ]
}

/// How a wording fits `width` with these columns shown: the label column's width and each
/// column's, or `None` when a cell would have to be cut. The columns share the room equally
/// so they line up; the label column takes what is left over.
fn layout(wording: &Wording, shown: &[usize], width: u16) -> Option<(u16, u16)> {
    let label = wording
        .labels
        .iter()
        .map(|label| label.width())
        .chain([wording.corner.width()])
        .max()?;
    let widest = shown
        .iter()
        .flat_map(|&column| {
            wording.columns[column]
                .iter()
                .map(|cell| cell.width())
                .chain([NAMES[column].width()])
        })
        .max()?;
    // Each column has a space before it.
    let share = usize::from(width).checked_sub(label + shown.len())? / shown.len();
    if share < widest {
        return None;
    }
    let share = u16::try_from(share).ok()?;
    let label = width - (share + 1) * u16::try_from(shown.len()).ok()?;
    Some((label, share))
}

fn comparison_table(
    app: &App,
    theme: &Theme,
    comparison: &Comparison,
    width: u16,
) -> Option<Table<'static>> {
    let plan = Outcome::of(&app.catalog, &app.plan);
    let outcomes = [plan, comparison.cheapest_plan, comparison.fastest_plan];
    let met = [
        app.derived.met(),
        comparison.cheapest.met,
        comparison.fastest.met,
    ];
    let wordings = wordings(&app.catalog.currency, &outcomes, met);
    // Shorter words first, then fewer columns: a number is never cut.
    let mut shown = vec![0, 1, 2];
    let mut chosen = wordings
        .iter()
        .find_map(|wording| layout(wording, &shown, width).map(|widths| (wording, widths)));
    let narrowest = &wordings[wordings.len() - 1];
    for column in DROP_ORDER {
        if chosen.is_some() {
            break;
        }
        shown.retain(|&shown| shown != column);
        chosen = layout(narrowest, &shown, width).map(|widths| (narrowest, widths));
    }
    let (wording, (label_width, column_width)) = chosen?;
    let right = |text: String| Cell::from(Line::from(text).right_aligned());
    let header = Row::new(
        [right(wording.corner.to_owned())]
            .into_iter()
            .chain(shown.iter().map(|&column| right(NAMES[column].to_owned()))),
    )
    .style(theme.header);
    let rows = (0..ROWS).map(|row| {
        Row::new(
            [Cell::from(Span::styled(
                wording.labels[row].clone(),
                theme.header,
            ))]
            .into_iter()
            .chain(
                shown
                    .iter()
                    .map(|&column| right(wording.columns[column][row].clone())),
            ),
        )
    });
    let widths = [Constraint::Length(label_width)]
        .into_iter()
        .chain(shown.iter().map(|_| Constraint::Length(column_width)));
    Some(Table::new(rows, widths).header(header))
}

/// The steps a recommendation has that the plan lacks, and the other way round.
fn differs(
    app: &App,
    theme: &Theme,
    name: &str,
    recommendation: &Recommendation,
    plan: &[CredentialIdx],
) -> Vec<Line<'static>> {
    let id = |idx: &CredentialIdx| app.catalog.credential(*idx).id.to_string();
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
