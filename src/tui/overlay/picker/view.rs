//! A picker: its filter, the list it leaves, its keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};
use ratatui::widgets::{StatefulWidget, Widget};

use super::super::view::{block, footer};
use super::Picker;
use crate::tui::view::{Theme, centered, fit};

pub(in crate::tui::overlay) fn picker_box<T: Clone>(
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    title: &str,
    picker: &Picker<T>,
    hints: &[(String, &str)],
    empty: &str,
) {
    let area = centered(screen, 72, 22);
    Widget::render(Clear, area, buf);
    let outer = block(theme, title);
    let inner = outer.inner(area);
    Widget::render(outer, area, buf);
    let [input, list, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut spans = vec![Span::styled("> ", theme.key)];
    spans.extend(picker.query.spans(
        theme.input,
        true,
        usize::from(input.width.saturating_sub(2)),
    ));
    Widget::render(Paragraph::new(Line::from(spans)), input, buf);
    picker_list(theme, buf, list, picker, empty);
    Widget::render(Paragraph::new(footer(theme, hints)), keys, buf);
}

fn picker_list<T: Clone>(
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    picker: &Picker<T>,
    empty: &str,
) {
    if picker.shown.is_empty() {
        Widget::render(Paragraph::new(empty.to_owned()).style(theme.dim), area, buf);
        return;
    }
    let width = usize::from(area.width);
    let items: Vec<ListItem<'static>> = picker
        .shown
        .iter()
        .map(|&i| {
            let item = &picker.items[i];
            let label = fit(&item.label, width.saturating_sub(2));
            let room =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()) + 4);
            let detail = fit(&item.detail, room);
            ListItem::new(Line::from(vec![
                Span::raw(label),
                Span::raw("  "),
                Span::styled(detail, theme.dim),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(picker.selected));
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected),
        area,
        buf,
        &mut state,
    );
}
