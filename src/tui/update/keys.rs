//! Keys and pastes: Ctrl-c first (it always quits), then an open overlay or the search box,
//! then the keymap.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::saving::{Quitting, save_and_quit};
use super::{Effect, MAX_QUERY, act, move_selection, overlays, refresh_browser};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{INTERRUPT, Key};

pub(super) fn key_pressed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // A message lasts until the next key; then the key hints come back.
    app.status = None;
    // "Quit again to lose the change" holds for the very next key only.
    let confirmed = std::mem::take(&mut app.quit_armed);
    let quitting = if confirmed {
        Quitting::Anyway
    } else {
        Quitting::Ask
    };
    // Ctrl-c quits from anywhere: no overlay, text box or key config can take it.
    if Key::from_event(key) == INTERRUPT {
        return save_and_quit(app, quitting);
    }
    if app.overlay.is_some() {
        return overlays::key(app, key);
    }
    if app.browser.editing && search_key(app, key) {
        return Vec::new();
    }
    match app.keymap.action(key) {
        Some(Action::Quit) => save_and_quit(app, quitting),
        Some(action) => act(app, action),
        None => Vec::new(),
    }
}

/// Typing into the search box; false for keys the box does not take (they go to the keymap).
fn search_key(app: &mut App, key: KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if ctrl => app.browser.query.clear(),
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            if app.browser.query.chars().count() < MAX_QUERY {
                app.browser.query.push(c);
            }
        }
        KeyCode::Backspace => {
            app.browser.query.pop();
        }
        KeyCode::Enter => {
            app.browser.editing = false;
            return true;
        }
        KeyCode::Esc => {
            app.browser.editing = false;
            app.browser.query.clear();
        }
        KeyCode::Up => {
            move_selection(app, -1);
            return true;
        }
        KeyCode::Down => {
            move_selection(app, 1);
            return true;
        }
        _ => return false,
    }
    refresh_browser(app);
    true
}

pub(super) fn paste(app: &mut App, text: &str) {
    let clean = crate::text::sanitize_line(text);
    if let Some(overlay) = &mut app.overlay {
        overlays::paste(overlay, &clean);
        return;
    }
    if app.browser.editing {
        let room = MAX_QUERY.saturating_sub(app.browser.query.chars().count());
        app.browser.query.extend(clean.chars().take(room));
        refresh_browser(app);
    }
}
