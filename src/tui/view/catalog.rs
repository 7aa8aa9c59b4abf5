//! The catalog browser pane: the search box, then a table of credentials with markers for
//! held, in the plan, done and retired.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{Theme, fit, window};
use crate::catalog::{CredentialIdx, Level};
use crate::plan::Status;
use crate::tui::app::App;
use crate::tui::browser::SortOrder;

pub fn title(app: &App) -> Line<'static> {
    let browser = &app.browser;
    let mut text = format!(
        " Catalog {}/{} ",
        browser.results.len(),
        app.listing().len()
    );
    if browser.sort != SortOrder::Relevance {
        let _ = write!(text, "· by {} ", browser.sort.label());
    }
    if let Some((done, total)) = browser.progress() {
        let _ = write!(text, "· searching {}% ", done * 100 / total.max(1));
    }
    for filter in &browser.filters {
        let _ = write!(text, "· {} ", filter.label(&app.catalog));
    }
    Line::from(text)
}

/// A credential's marker: done, in progress, planned, held, retired, or nothing.
pub fn marker(app: &App, theme: &Theme, idx: CredentialIdx) -> Span<'static> {
    if let Some(step) = app.derived.step_of(idx) {
        return match app.plan.steps[step].status {
            Status::Done => Span::styled("✓", theme.good),
            Status::InProgress => Span::styled("▶", theme.accent),
            Status::Planned => Span::styled("•", theme.accent),
        };
    }
    if app.derived.is_held(idx) {
        return Span::styled("◆", theme.good);
    }
    if app.listing().retired(idx) {
        return Span::styled("†", theme.dim);
    }
    Span::raw(" ")
}

/// Draws the pane; returns where the item rows are and the first one shown.
pub fn render(
    app: &App,
    theme: &Theme,
    state: &mut TableState,
    focused: bool,
    buf: &mut Buffer,
    area: Rect,
) -> (Rect, usize) {
    let browser = &app.browser;
    let show_search = (browser.editing || !browser.query.is_empty()) && area.height > 2;
    let [search, list] = area.layout(&Layout::vertical([
        Constraint::Length(u16::from(show_search)),
        Constraint::Fill(1),
    ]));
    if show_search {
        let mut spans = vec![Span::styled("/", theme.key)];
        spans.extend(browser.query.spans(
            theme.input,
            browser.editing,
            usize::from(search.width.saturating_sub(1)),
        ));
        let line = Line::from(spans);
        Widget::render(Paragraph::new(line), search, buf);
    }
    if browser.results.is_empty() {
        let text = if browser.query.is_empty() && browser.filters.is_empty() {
            "No credentials: the catalogs are empty".to_owned()
        } else {
            format!(
                "Nothing matches; {} clears the search and filters",
                app.keymap.name(crate::tui::action::Action::ClearSearch)
            )
        };
        Widget::render(Paragraph::new(text).style(theme.dim), list, buf);
        return (list, 0);
    }
    let width = Width::of(list.width);
    let (offset, end) = window(
        browser.selected,
        browser.results.len(),
        usize::from(list.height.saturating_sub(1)),
        state.offset(),
    );
    let title_width = usize::from(list.width).saturating_sub(width.fixed_columns());
    let rows: Vec<Row<'static>> = browser.results[offset..end]
        .iter()
        .map(|&idx| row(app, theme, idx, width, title_width))
        .collect();
    let (widths, header) = columns(width, &app.catalog.currency);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.dim))
        .column_spacing(1)
        .row_highlight_style(theme.highlight(focused));
    let selected = browser.selected.min(browser.results.len() - 1);
    super::render_window(buf, table, list, state, offset, Some(selected), true)
}

/// Which columns fit: titles always, numbers from 30 columns, provider and level from 60.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Width {
    Narrow,
    Medium,
    Wide,
}

impl Width {
    fn of(columns: u16) -> Width {
        match columns {
            0..30 => Width::Narrow,
            30..60 => Width::Medium,
            _ => Width::Wide,
        }
    }

    /// Columns taken by everything but the title, spacing included.
    fn fixed_columns(self) -> usize {
        match self {
            Width::Narrow => 2,
            Width::Medium => 17,
            Width::Wide => 34,
        }
    }
}

fn row(
    app: &App,
    theme: &Theme,
    idx: CredentialIdx,
    width: Width,
    title_width: usize,
) -> Row<'static> {
    let listing = app.listing();
    let title_style = if listing.retired(idx) {
        theme.retired
    } else {
        Style::new()
    };
    let mut cells = vec![
        Cell::from(marker(app, theme, idx)),
        Cell::from(Span::styled(
            fit(listing.title(idx), title_width),
            title_style,
        )),
    ];
    if width == Width::Wide {
        cells.push(Cell::from(Span::styled(
            fit(&app.catalog.provider(listing.provider(idx)).id, 12),
            theme.dim,
        )));
        cells.push(Cell::from(Span::styled(
            level_short(listing.level(idx)),
            theme.dim,
        )));
    }
    if width != Width::Narrow {
        cells.push(Cell::from(
            Line::from(format!("{} h", listing.hours(idx))).right_aligned(),
        ));
        cells.push(Cell::from(
            Line::from(listing.cost(idx).money()).right_aligned(),
        ));
    }
    Row::new(cells)
}

fn columns(width: Width, currency: &str) -> (Vec<Constraint>, Vec<Cell<'static>>) {
    let mut widths = vec![Constraint::Length(1), Constraint::Fill(1)];
    let mut header = vec![Cell::from(""), Cell::from("title")];
    if width == Width::Wide {
        widths.extend([Constraint::Length(12), Constraint::Length(3)]);
        header.extend([Cell::from("provider"), Cell::from("lvl")]);
    }
    if width != Width::Narrow {
        widths.extend([Constraint::Length(6), Constraint::Length(7)]);
        header.extend([
            Cell::from(Line::from("hours").right_aligned()),
            Cell::from(Line::from(currency.to_owned()).right_aligned()),
        ]);
    }
    (widths, header)
}

fn level_short(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Beginner) => "beg",
        Some(Level::Intermediate) => "int",
        Some(Level::Advanced) => "adv",
        None => "",
    }
}
