//! Drawing the app: the views read the model; [`ViewState`] keeps only scroll positions and
//! where each pane's rows were drawn, for the mouse.

mod catalog;
mod detail;
mod gap;
mod header;
mod loading;
mod plan;
mod status;
pub mod theme;
mod timeline;
mod widgets;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, TableState, Wrap};
use ratatui::widgets::{StatefulWidget, Widget};

use super::app::{App, InfoView, Pane};
pub use theme::Theme;
pub use widgets::{HeaderView, PaneView, StatusView, hint_spans};

/// Below this the app says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// Scroll positions and hit regions, kept between frames.
#[derive(Debug, Default)]
pub struct ViewState {
    pub theme: Option<Theme>,
    pub catalog: TableState,
    pub plan: TableState,
    pub gap: TableState,
    /// Where each visible pane was drawn: its whole area, and its first row of items with
    /// the scroll offset there.
    pub regions: Vec<Region>,
    /// The last buf was too small to show the app: keys other than quit are ignored,
    /// since nothing they would change can be seen.
    pub too_small: bool,
    /// How far the info pane's content can scroll, as last drawn.
    pub info_max_scroll: u16,
    /// How many columns the timeline can scroll on, as last drawn.
    pub timeline_max_shift: usize,
    /// How far the help or the problems can scroll, as last drawn.
    pub overlay_max_scroll: u16,
    /// Where the info pane's tab names were drawn, for clicks.
    pub tabs: Vec<(Rect, InfoView)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub pane: Pane,
    pub area: Rect,
    /// The rows of items (below any header row), and the index of the first one shown.
    pub rows: Rect,
    pub offset: usize,
}

impl ViewState {
    pub fn theme(&self) -> Theme {
        self.theme.unwrap_or(theme::THEME)
    }

    /// The pane under a screen position, and the item row there if it is on one.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
        let inside = |area: Rect| {
            column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
        };
        self.regions
            .iter()
            .rev()
            .find(|region| inside(region.area))
            .map(|region| {
                let item =
                    inside(region.rows).then(|| region.offset + usize::from(row - region.rows.y));
                (region.pane, item)
            })
    }

    /// The info pane's tab whose name is at this cell, if any.
    pub fn tab_at(&self, column: u16, row: u16) -> Option<InfoView> {
        self.tabs
            .iter()
            .find(|(area, _)| {
                column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
            })
            .map(|(_, tab)| *tab)
    }

    /// The rows the focused list showed last, for paging.
    pub fn page_rows(&self, pane: Pane) -> usize {
        self.regions
            .iter()
            .find(|region| region.pane == pane)
            .map_or(10, |region| usize::from(region.rows.height))
    }
}

/// Draws the whole app.
pub fn render(app: &App, view: &mut ViewState, frame: &mut ratatui::Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    view.regions.clear();
    view.tabs.clear();
    let theme = view.theme();
    view.too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    if view.too_small {
        let text = format!(
            "upskill needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}",
            area.width, area.height
        );
        Widget::render(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .style(theme.warn),
            area,
            buf,
        );
        return;
    }
    let [header, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status::height(app, area)),
    ]));
    if app.on_first_look() {
        loading::header(app, &theme, buf, header);
    } else {
        HeaderView { app, theme: &theme }.render(header, buf);
    }
    StatusView { app, theme: &theme }.render(footer, buf);
    if body.width >= 150 && body.height >= 20 {
        // The plan has the most columns (step, hours, cost, dates): it gets the most room.
        let [left, middle, right] = body.layout(&Layout::horizontal([
            Constraint::Percentage(32),
            Constraint::Percentage(38),
            Constraint::Fill(1),
        ]));
        render_pane(app, view, buf, Pane::Catalog, left, true);
        render_pane(app, view, buf, Pane::Plan, middle, true);
        render_pane(app, view, buf, Pane::Info, right, true);
    } else if body.width >= 100 && body.height >= 14 {
        let [top, bottom] = body.layout(&Layout::vertical([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        let [left, right] = top.layout(&Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Fill(1),
        ]));
        render_pane(app, view, buf, Pane::Catalog, left, true);
        render_pane(app, view, buf, Pane::Plan, right, true);
        render_pane(app, view, buf, Pane::Info, bottom, true);
    } else if body.width >= 60 && body.height >= 14 {
        // Two lists side by side would cut titles to a few letters: one list has the width,
        // the one with the keyboard (or the one the detail follows).
        let [top, bottom] = body.layout(&Layout::vertical([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        let list = if app.focus == Pane::Plan
            || (app.focus == Pane::Info && app.detail_from == Pane::Plan)
        {
            Pane::Plan
        } else {
            Pane::Catalog
        };
        render_pane(app, view, buf, list, top, true);
        render_pane(app, view, buf, Pane::Info, bottom, true);
    } else {
        // Too small for three panes: the focused one fills the body, without borders.
        render_pane(app, view, buf, app.focus, body, false);
    }
    let overlay = crate::tui::overlay::OverlayView { app, theme: &theme };
    overlay.render(area, buf, &mut view.overlay_max_scroll);
}

fn render_pane(
    app: &App,
    view: &mut ViewState,
    buf: &mut Buffer,
    pane: Pane,
    area: Rect,
    bordered: bool,
) {
    let theme = view.theme();
    let focused = app.focus == pane && app.overlay.is_none();
    let title = pane_title(app, &theme, pane);
    if pane == Pane::Info {
        // The title is drawn after the corner, each name padded by a space and parted by │,
        // and never over the far corner.
        let corner = u16::from(bordered);
        let title_row = Rect::new(
            area.x + corner,
            area.y,
            area.width.saturating_sub(2 * corner),
            1,
        )
        .intersection(area);
        let mut x = title_row.x;
        for (tab, name) in TABS {
            let width = u16::try_from(name.len() + 2).unwrap_or(0);
            let cell = Rect::new(x, area.y, width, 1).intersection(title_row);
            view.tabs.push((cell, tab));
            x = x.saturating_add(width + 1);
        }
    }
    let block = pane_block(&theme, title, focused, bordered);
    let inner = block.inner(area);
    Widget::render(block, area, buf);
    let (rows, offset) = match pane {
        Pane::Plan | Pane::Info if app.on_first_look() => {
            (loading::pane(app, &theme, buf, inner), 0)
        }
        Pane::Catalog => catalog::render(app, &theme, &mut view.catalog, focused, buf, inner),
        Pane::Plan => plan::render(app, &theme, &mut view.plan, focused, buf, inner),
        Pane::Info => match app.info {
            InfoView::Detail => {
                let (rows, max_scroll) = detail::render(app, &theme, buf, inner);
                view.info_max_scroll = max_scroll;
                (rows, 0)
            }
            InfoView::Gap => gap::render(app, &theme, &mut view.gap, focused, buf, inner),
            InfoView::Timeline => {
                let drawn = timeline::render(app, &theme, buf, inner);
                view.info_max_scroll = drawn.max_scroll;
                view.timeline_max_shift = drawn.max_shift;
                (drawn.rows, 0)
            }
        },
    };
    view.regions.push(Region {
        pane,
        area,
        rows,
        offset,
    });
}

/// The info pane's views, as its title names them.
const TABS: [(InfoView, &str); 3] = [
    (InfoView::Detail, "Detail"),
    (InfoView::Gap, "Gap"),
    (InfoView::Timeline, "Timeline"),
];

fn pane_title(app: &App, theme: &Theme, pane: Pane) -> Line<'static> {
    match pane {
        Pane::Catalog => catalog::title(app),
        Pane::Plan => plan::title(app),
        Pane::Info => {
            let tab = |view: InfoView, name: &'static str| {
                if app.info == view {
                    Span::styled(format!(" {name} "), theme.selected)
                } else {
                    Span::raw(format!(" {name} "))
                }
            };
            let mut spans = Vec::new();
            for (i, (view, name)) in TABS.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw("│"));
                }
                spans.push(tab(view, name));
            }
            Line::from(spans)
        }
    }
}

/// A pane's buf: a border and title, or only a title line when there is no room.
fn pane_block(
    theme: &Theme,
    title: Line<'static>,
    focused: bool,
    bordered: bool,
) -> Block<'static> {
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let title = title.style(if focused {
        theme.title.patch(theme.accent)
    } else {
        theme.title
    });
    if bordered {
        Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(border)
            .title(title)
    } else {
        Block::default()
            .borders(Borders::TOP)
            .border_style(border)
            .title(title)
    }
}

/// `text` cut to `width` columns with an ellipsis, measuring wide characters properly.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar as _;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The rows of a long list to build for a view of `visible` rows: `(offset, end)`, scrolled
/// as little as possible from `previous` to keep `selected` in sight. Only these rows are
/// built, so a list of 100,000 draws as fast as one of ten.
pub fn window(selected: usize, len: usize, visible: usize, previous: usize) -> (usize, usize) {
    let visible = visible.max(1);
    let selected = selected.min(len.saturating_sub(1));
    let mut offset = previous.min(selected);
    if selected >= offset + visible {
        offset = selected + 1 - visible;
    }
    (offset, (offset + visible).min(len))
}

/// Rows `lines` take when wrapped at `width`, and how far a view of `height` rows can
/// scroll through them.
pub fn max_scroll(lines: &[Line<'_>], width: u16, height: u16) -> u16 {
    // Counted by ratatui's own word wrapping, which can take more rows than the text's
    // width divided by the pane's.
    let rows = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1));
    u16::try_from(rows.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}

/// Draws a table built from only the rows in view (those from `offset` on), marks the
/// selected one, keeps `state` for the next buf, and returns where the rows are (below
/// the header row, when there is one) with the first one's index, for the mouse.
pub fn render_window(
    buf: &mut Buffer,
    table: ratatui::widgets::Table<'static>,
    area: Rect,
    state: &mut TableState,
    offset: usize,
    selected: Option<usize>,
    header: bool,
) -> (Rect, usize) {
    let mut local = TableState::default().with_selected(selected.map(|selected| selected - offset));
    StatefulWidget::render(table, area, buf, &mut local);
    *state = TableState::default()
        .with_offset(offset)
        .with_selected(selected);
    let skip = u16::from(header);
    (
        Rect {
            y: area.y + skip,
            height: area.height.saturating_sub(skip),
            ..area
        },
        offset,
    )
}

/// A centred rectangle of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
