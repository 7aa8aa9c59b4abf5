//! The bottom line: the last message (a refusal names what blocks it), or the keys that
//! apply where the focus is, from the keymap itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, hint_spans};
use crate::tui::action::Action;
use crate::tui::app::{App, InfoView, Overlay, Pane, StatusKind};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = match &app.status {
        Some(status)
            if app.overlay.is_none() || matches!(app.overlay, Some(Overlay::Plans { .. })) =>
        {
            let style = match status.kind {
                StatusKind::Info => theme.accent,
                StatusKind::Warning => theme.warn,
                StatusKind::Error => theme.bad,
            };
            Line::from(Span::styled(status.text.clone(), style))
        }
        _ => Line::from(hint_spans(theme, &hints(app))),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The actions that make sense where the focus is, most useful first.
fn actions(app: &App) -> &'static [Action] {
    use Action as A;
    if app.overlay.is_some() {
        return &[];
    }
    if app.browser.editing {
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
            A::ToggleHelp,
            A::Quit,
        ],
        Pane::Plan => &[
            A::RemoveStep,
            A::MoveStepDown,
            A::MoveStepUp,
            A::ToggleDone,
            A::Undo,
            A::Recommend,
            A::Compare,
            A::Export,
            A::ToggleHelp,
        ],
        Pane::Info if app.info == InfoView::Gap => &[
            A::ToggleHeld,
            A::Recommend,
            A::ShowDetail,
            A::ShowTimeline,
            A::ToggleHelp,
        ],
        Pane::Info => &[
            A::ShowDetail,
            A::ShowGap,
            A::ShowTimeline,
            A::ToggleTimelineScale,
            A::ToggleHelp,
        ],
    }
}

fn hints(app: &App) -> Vec<(String, &'static str)> {
    if app.browser.editing {
        return vec![
            ("type".to_owned(), "to search"),
            ("↑↓".to_owned(), "select"),
            ("Enter".to_owned(), "keep"),
            ("Esc".to_owned(), "clear"),
        ];
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
        hints.push((key.to_string(), action.id()));
    }
    hints
}
