//! The clients view: a table of people and their plans, the ones needing attention in the
//! warning style; narrow screens drop the role and finish columns first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use super::super::view::{block, footer};
use super::Clients;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::{Theme, fit};

pub(in crate::tui::overlay) fn render(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    clients: &Clients,
) {
    let area = Rect {
        x: screen.x + screen.width.saturating_sub(screen.width.min(120)) / 2,
        y: screen.y + u16::from(screen.height > 12),
        width: screen.width.min(120),
        height: screen
            .height
            .saturating_sub(if screen.height > 12 { 2 } else { 0 }),
    };
    Widget::render(Clear, area, buf);
    let title = format!(" Clients, by {} ", clients.sort.label());
    let outer = block(theme, &title);
    let inner = outer.inner(area);
    Widget::render(outer, area, buf);
    let [input, table, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut spans = vec![Span::styled("> ", theme.key)];
    spans.extend(clients.picker.query.spans(
        theme.input,
        true,
        usize::from(input.width.saturating_sub(2)),
    ));
    Widget::render(Paragraph::new(Line::from(spans)), input, buf);
    let hints = app.keymap.hints(&[
        (Action::Accept, "open"),
        (Action::SortPeople, "sort"),
        (Action::Cancel, "close"),
    ]);
    Widget::render(Paragraph::new(footer(theme, &hints)), keys, buf);
    if clients.picker.shown.is_empty() {
        let empty = if clients.people.is_empty() {
            "No people yet: a plan saved for a person (Ctrl-n in the plans list) puts them here"
        } else {
            "Nobody matches"
        };
        Widget::render(Paragraph::new(empty).style(theme.dim), table, buf);
        return;
    }
    draw_table(theme, buf, table, clients);
}

/// Which columns fit: all six from 70 columns, the name, progress, cost and status from 40,
/// else the name and status.
fn columns(width: u16) -> (Vec<usize>, Vec<Constraint>) {
    if width < 40 {
        return (vec![0, 5], vec![Constraint::Fill(1), Constraint::Fill(1)]);
    }
    if width >= 70 {
        (
            vec![0, 1, 2, 3, 4, 5],
            vec![
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Length(5),
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Min(18),
            ],
        )
    } else {
        (
            vec![0, 2, 3, 5],
            vec![
                Constraint::Fill(2),
                Constraint::Length(5),
                Constraint::Length(10),
                Constraint::Fill(3),
            ],
        )
    }
}

fn draw_table(theme: &Theme, buf: &mut Buffer, area: Rect, clients: &Clients) {
    const HEADER: [&str; 6] = [
        "PERSON / PLAN",
        "ROLE",
        "DONE",
        "COST LEFT",
        "FINISH",
        "STATUS",
    ];
    let (shown, widths) = columns(area.width);
    let header = Row::new(shown.iter().map(|&i| Cell::from(HEADER[i]))).style(theme.header);
    let rows: Vec<Row<'static>> = clients
        .picker
        .shown
        .iter()
        .map(|&item| {
            let (cells, attention) = &clients.cells[item];
            let person = !cells[0].starts_with(' ');
            Row::new(shown.iter().map(|&i| {
                let text = fit(&cells[i], usize::from(area.width));
                let style = match i {
                    5 if *attention => theme.warn,
                    0 if person => theme.title,
                    _ => ratatui::style::Style::new(),
                };
                Cell::from(Span::styled(text, style))
            }))
        })
        .collect();
    let mut state = TableState::default().with_selected(Some(clients.picker.selected));
    StatefulWidget::render(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected),
        area,
        buf,
        &mut state,
    );
}
