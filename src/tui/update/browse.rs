//! Moving around what is shown: clearing the catalog's search, scrolling the timeline.

use super::JobKind;
use super::refresh_browser;
use super::show;
use crate::tui::app::{App, InfoView};

/// Esc in the catalog: stops a search running in the background, else clears the search
/// and filters.
pub(super) fn clear_search(app: &mut App) {
    // Esc first cancels a search running in the background.
    if let Some((_, kind)) = app.computing.take() {
        app.info(match kind {
            JobKind::Recommend(_) => "Stopped looking for a recommendation",
            JobKind::Compare => "Stopped the comparison",
        });
        return;
    }
    if app.browser.query.is_empty() && app.browser.filters.is_empty() {
        app.status = None;
        return;
    }
    app.browser.query.clear();
    app.browser.filters.clear();
    app.browser.editing = false;
    refresh_browser(app);
    app.info("Search and filters cleared");
}

/// Scrolls the timeline half a year by month, or six weeks by week; shows it first if it is
/// not showing.
pub(super) fn shift_timeline(app: &mut App, later: bool) {
    const STEP: usize = 6;
    if app.info != InfoView::Timeline {
        show(app, InfoView::Timeline);
        return;
    }
    app.timeline_shift = if later {
        app.timeline_shift
            .saturating_add(STEP)
            .min(app.timeline_max_shift)
    } else {
        app.timeline_shift.saturating_sub(STEP)
    };
}
