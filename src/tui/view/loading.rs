//! What the app shows on a first look at a large catalog, where the plan, the detail and
//! the header would need the whole of it: that the rest is loading.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Theme;
use crate::tui::app::App;
use crate::tui::update::first_look::LOADING;

/// The top line: the plan's name, and that the rest is loading (no totals or coverage,
/// which would be wrong over a first look).
pub fn header(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let text = format!(
        " upskill · {} · {LOADING}…",
        crate::text::sanitize_line(&app.plan.name)
    );
    Paragraph::new(text).style(theme.dim).render(area, buf);
}

/// The plan or info pane's inside; gives back the area drawn, as the panes' rows.
pub fn pane(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) -> Rect {
    let text = format!(
        "{LOADING} ({} credentials shown in the list): the plan, details and recommendations appear when it has loaded.",
        crate::text::thousands(app.listing().len())
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(theme.dim)
        .render(area, buf);
    area
}
