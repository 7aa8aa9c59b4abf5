//! The role's skills gap: each requirement and what meets it (held, or which step), or the
//! cheapest credential that would.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{Theme, fit, window};
use crate::catalog::{Atom, Catalog, Requirement};
use crate::tui::app::{App, MetBy};

pub fn render(
    app: &App,
    theme: &Theme,
    state: &mut TableState,
    focused: bool,
    buf: &mut Buffer,
    area: Rect,
) -> (Rect, usize) {
    let Some(role) = app.derived.role else {
        Widget::render(
            Paragraph::new(format!(
                "No target role yet: press {} to choose one and see what the plan still lacks.",
                app.keymap.name(crate::tui::action::Action::ChooseRole)
            ))
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
            area,
            buf,
        );
        return (area, 0);
    };
    let catalog = &*app.catalog;
    let (met, total) = (app.derived.met(), app.derived.gap.len());
    let [heading, list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let style = if met == total { theme.good } else { theme.warn };
    Widget::render(
        Paragraph::new(Line::from(vec![
            Span::styled(catalog.role(role).title.clone(), theme.header),
            Span::styled(format!(": {met} of {total} requirements met"), style),
        ])),
        heading,
        buf,
    );
    let name_width = (usize::from(area.width) / 3).clamp(10, 30);
    let (offset, end) = window(
        app.gap_selected,
        total,
        usize::from(list.height),
        state.offset(),
    );
    let rows: Vec<Row<'static>> = app.derived.gap[offset..end]
        .iter()
        .map(|(requirement, by)| {
            // The last column has what is left after the mark, the name and two spaces.
            let how_width = usize::from(list.width).saturating_sub(name_width + 3);
            row(app, theme, requirement, *by, (name_width, how_width))
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(u16::try_from(name_width).unwrap_or(30)),
            Constraint::Fill(1),
        ],
    )
    .column_spacing(1)
    .row_highlight_style(theme.highlight(focused));
    let selected = (total > 0).then(|| app.gap_selected.min(total - 1));
    super::render_window(buf, table, list, state, offset, selected, false)
}

fn row(
    app: &App,
    theme: &Theme,
    requirement: &Requirement,
    by: MetBy,
    (name_width, how_width): (usize, usize),
) -> Row<'static> {
    let catalog = &*app.catalog;
    let (mark, style) = if by == MetBy::Unmet {
        ("✗", theme.bad)
    } else {
        ("✓", theme.good)
    };
    let (how, how_style) = match by {
        MetBy::Held => ("held".to_owned(), theme.good),
        MetBy::Step(i) => (
            format!("step {}: {}", i + 1, app.plan.steps[i].id),
            ratatui::style::Style::new(),
        ),
        MetBy::Unmet => match catalog
            .meeting(requirement)
            .into_iter()
            .find(|&idx| !catalog.credential(idx).retired)
        {
            Some(idx) => match app
                .derived
                .held
                .as_ref()
                .and_then(|held| held.barred_by(catalog, idx))
            {
                Some(gate) => (
                    format!(
                        "{} needs {}",
                        catalog.credential(idx).id,
                        catalog.describe_gate(gate)
                    ),
                    theme.bad,
                ),
                None => (
                    format!(
                        "cheapest: {} ({} {})",
                        catalog.credential(idx).id,
                        catalog.credential(idx).cost.money(),
                        catalog.currency
                    ),
                    theme.dim,
                ),
            },
            None if requirement
                .every_atom()
                .any(|atom| matches!(atom, crate::catalog::Atom::Experience(_))) =>
            {
                ("work experience meets it".to_owned(), theme.bad)
            }
            None if matches!(requirement, crate::catalog::Requirement::All(_)) => {
                ("every part of it, one by one".to_owned(), theme.dim)
            }
            None => ("nothing in the catalogs teaches it".to_owned(), theme.bad),
        },
    };
    let how = Span::styled(fit(&how, how_width), how_style);
    Row::new(vec![
        Cell::from(Span::styled(mark, style)),
        Cell::from(fit(&describe(catalog, requirement), name_width)),
        Cell::from(how),
    ])
}

fn describe(catalog: &Catalog, requirement: &Requirement) -> String {
    match requirement {
        Requirement::One(Atom::Skill(skill)) => catalog.skill(*skill).label().to_owned(),
        other => catalog.describe(other),
    }
}
