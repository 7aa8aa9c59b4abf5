//! The bottom line: the last message (a refusal names what blocks it), or the keys that
//! apply where the focus is, from the keymap itself.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, hint_spans};
use crate::tui::action::Action;
use crate::tui::app::{App, InfoView, Overlay, Pane, StatusKind, StatusLine};

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    if let Some(status) = message(app) {
        let style = match status.kind {
            StatusKind::Info => theme.accent,
            StatusKind::Warning => theme.warn,
            StatusKind::Error => theme.bad,
        };
        Widget::render(
            Paragraph::new(status.text.clone())
                .style(style)
                .wrap(Wrap { trim: true }),
            area,
            buf,
        );
        return;
    }
    // The hints fill from the left; the help key stays at the right edge.
    let help = app
        .keymap
        .first_key(Action::ToggleHelp)
        .map(|key| format!("{key} help"));
    let help_width = help
        .as_ref()
        .map_or(0, |text| u16::try_from(text.len() + 1).unwrap_or(0));
    let [hints_area, help_area] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(help_width),
    ]));
    // Whole hints only: the ones that do not fit are left out, not cut.
    let mut shown = hints(app);
    while !shown.is_empty()
        && Line::from(hint_spans(theme, &shown)).width() > usize::from(hints_area.width)
    {
        shown.pop();
    }
    Widget::render(
        Paragraph::new(Line::from(hint_spans(theme, &shown))),
        hints_area,
        buf,
    );
    if let Some(help) = help {
        let (key, label) = help.split_once(' ').unwrap_or((help.as_str(), ""));
        Widget::render(
            Paragraph::new(Line::from(vec![
                Span::styled(key.to_owned(), theme.key),
                Span::raw(format!(" {label}")),
            ]))
            .right_aligned(),
            help_area,
            buf,
        );
    }
}

/// The message to show, if any. Under an overlay only the plans picker shows the status;
/// a form shows its own message here too, because a long value can push the line under its
/// field out of the form's box.
fn message(app: &App) -> Option<StatusLine> {
    match &app.overlay {
        None | Some(Overlay::Plans { .. }) => app.status.clone(),
        Some(Overlay::Form(form)) => form.error.clone().map(|text| StatusLine {
            text,
            kind: StatusKind::Error,
        }),
        Some(_) => None,
    }
}

/// Rows the status bar needs on this screen: as many as the message wraps to, up to three
/// (two on a screen under 15 rows, where the panes need them more).
pub fn height(app: &App, screen: Rect) -> u16 {
    let most = if screen.height < 15 { 2 } else { 3 };
    message(app).map_or(1, |status| {
        let rows = Paragraph::new(status.text.as_str())
            .wrap(Wrap { trim: true })
            .line_count(screen.width.max(1));
        u16::try_from(rows.clamp(1, most)).unwrap_or(1)
    })
}

fn actions(app: &App) -> &'static [Action] {
    use Action as A;
    if app.overlay.is_some() || app.browser.editing {
        return &[];
    }
    match app.focus {
        Pane::Catalog => &[
            A::Search,
            A::AddToPlan,
            A::ToggleHeld,
            A::Filter,
            A::CycleSort,
            A::ChooseRole,
            A::Recommend,
            A::Plans,
            A::Quit,
        ],
        Pane::Plan if app.plan.steps.is_empty() => {
            &[A::ChooseRole, A::Recommend, A::NextPane, A::Undo, A::Plans]
        }
        Pane::Plan => &[
            A::RemoveStep,
            A::MoveStepDown,
            A::MoveStepUp,
            A::ToggleDone,
            A::ToggleInProgress,
            A::EditStep,
            A::Undo,
            A::Redo,
            A::Recommend,
            A::Compare,
            A::Export,
        ],
        Pane::Info if app.info == InfoView::Gap => &[
            A::ToggleHeld,
            A::ImportBadges,
            A::Recommend,
            A::ShowDetail,
            A::ShowTimeline,
        ],
        Pane::Info if app.info == InfoView::Timeline => &[
            A::ShowDetail,
            A::ShowGap,
            A::ToggleTimelineScale,
            A::TimelineEarlier,
            A::TimelineLater,
        ],
        Pane::Info => &[
            A::ShowDetail,
            A::ShowGap,
            A::ShowTimeline,
            A::ToggleTimelineScale,
        ],
    }
}

fn hints(app: &App) -> Vec<(String, &'static str)> {
    if app.browser.editing {
        let keymap = &app.keymap;
        let mut hints = vec![
            ("type".to_owned(), "to search"),
            (
                keymap.arrows(Action::DialogUp, Action::DialogDown),
                "select",
            ),
        ];
        hints.extend(keymap.hints(&[(Action::Accept, "keep"), (Action::Cancel, "clear")]));
        return hints;
    }
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for &action in actions(app) {
        let Some(key) = app.keymap.first_key(action) else {
            continue;
        };
        // J and K read as one hint.
        if action == Action::MoveStepUp
            && let Some(down) = hints.iter_mut().find(|(_, label)| *label == "move-down")
        {
            down.0 = format!("{}/{key}", down.0);
            down.1 = "move";
            continue;
        }
        // So do the timeline's ← and →.
        if action == Action::TimelineLater
            && let Some(earlier) = hints
                .iter_mut()
                .find(|(_, label)| *label == "timeline-earlier")
        {
            earlier.0 = format!("{}/{key}", earlier.0);
            earlier.1 = "scroll";
            continue;
        }
        hints.push((key.to_string(), action.id()));
    }
    hints
}
