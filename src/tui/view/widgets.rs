//! The screen's parts as widgets, so each renders alone (a test draws one into a buffer
//! of its own) as well as on the whole screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{StatefulWidget, Widget};

use super::{Theme, ViewState, header, render_pane, status};
use crate::tui::app::{App, Pane};

/// One pane with its border and title, as a widget: rendered alone (a test draws one pane
/// into a buffer of its own) or as part of the screen. Its state is the view's scroll
/// positions and hit regions.
pub struct PaneView<'a> {
    pub app: &'a App,
    pub pane: Pane,
}

impl StatefulWidget for PaneView<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        render_pane(self.app, state, buf, self.pane, area, true);
    }
}

/// The header line (role, plan, totals, alerts) as a widget.
pub struct HeaderView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for HeaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        header::render(self.app, self.theme, buf, area);
    }
}

/// The status bar (a message, or the keys of the focused pane) as a widget.
pub struct StatusView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        status::render(self.app, self.theme, buf, area);
    }
}

/// Hints like `a add · d remove`, as spans.
pub fn hint_spans(theme: &Theme, hints: &[(String, &str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (keys, label)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(keys.clone(), theme.key));
        spans.push(Span::raw(format!(" {label}")));
    }
    spans
}
