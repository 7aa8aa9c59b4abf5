//! Keys and pastes: Ctrl-c first (it always quits), then an open overlay or the search box,
//! then the keymap. Every key means what the keymap says in the context it is pressed in.

use crossterm::event::KeyEvent;

use super::saving::{Quitting, save_and_quit};
use super::{Effect, act, move_selection, page, refresh_browser};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::input::{LIST_KEYS, Typed, type_key};
use crate::tui::keymap::{INTERRUPT, Key};
use crate::tui::overlay;

pub(crate) fn key_pressed(app: &mut App, key: KeyEvent) -> Vec<Effect> {
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
        return overlay::key(app, key);
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
    let before = app.browser.query.text().to_owned();
    match type_key(&app.keymap, &mut app.browser.query, key, LIST_KEYS) {
        Typed::Action(Action::Accept) => {
            app.browser.editing = false;
            return true;
        }
        Typed::Action(Action::Cancel) => {
            app.browser.editing = false;
            app.browser.query.clear();
        }
        Typed::Action(Action::DialogUp) => move_selection(app, -1),
        Typed::Action(Action::DialogDown) => move_selection(app, 1),
        Typed::Action(Action::DialogPageUp) => move_selection(app, -page(app)),
        Typed::Action(_) => move_selection(app, page(app)),
        Typed::Edited { .. } => {}
        Typed::Ignored => return false,
    }
    if app.browser.query.text() != before {
        refresh_browser(app);
    }
    true
}

pub(crate) fn paste(app: &mut App, text: &str) {
    if let Some(open) = &mut app.overlay {
        overlay::paste(open, text);
        return;
    }
    if app.browser.editing {
        app.browser.query.insert(text);
        refresh_browser(app);
    }
}
