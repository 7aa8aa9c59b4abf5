//! Whatever covers the panes, one module per overlay with its state, its keys and its view:
//! the help, pickers, the plans list, forms, the comparison, questions, the catalog's
//! problems and notices. Each key means what the keymap says in the overlay's context.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use crate::catalog::RoleIdx;
use crate::export::ExportFormat;
use crate::tui::action::{Action, Context};
use crate::tui::app::App;
use crate::tui::browser::Filter;
use crate::tui::update::Effect;
use crate::tui::view::Theme;

pub(crate) mod badges;
pub(crate) mod clients;
pub(crate) mod compare;
pub(crate) mod form;
mod help;
pub(crate) mod picker;
pub(crate) mod plans;
pub(crate) mod problems;
pub(crate) mod question;
mod view;

pub use badges::{BadgeImport, Found, Stage, expand as expand_badges_path};
pub use clients::{ClientLine, Clients};
pub use compare::{Comparison, Outcome};
pub use form::{Form, FormField, FormTarget};
pub use picker::{Picker, PickerItem};
pub use plans::PlansMode;
pub use question::Confirm;

use picker::{Picked, picker_key};

/// The overlay open, if any, as a widget over the whole screen: rendered alone (a test
/// draws one into a buffer of its own) or over the panes. Its state is how far it can
/// scroll (the help), as drawn.
pub struct OverlayView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl StatefulWidget for OverlayView<'_> {
    type State = u16;

    fn render(self, area: Rect, buf: &mut Buffer, max_scroll: &mut u16) {
        *max_scroll = view::render(self.app, self.theme, buf, area);
    }
}

pub(crate) fn paste(overlay: &mut Overlay, text: &str) {
    match overlay {
        Overlay::Roles(picker) => {
            picker.query.insert(text);
            picker.refilter();
        }
        Overlay::Filters(picker) => {
            picker.query.insert(text);
            picker.refilter();
        }
        Overlay::Export(picker) => {
            picker.query.insert(text);
            picker.refilter();
        }
        Overlay::Plans {
            picker,
            mode: PlansMode::Choosing | PlansMode::Comparing,
        } => {
            picker.query.insert(text);
            picker.refilter();
        }
        Overlay::Plans {
            mode: PlansMode::Renaming { name, .. },
            ..
        } => {
            name.insert(text);
        }
        Overlay::Form(form) => form::type_into(form, text),
        Overlay::Badges(dialog) if matches!(dialog.stage, Stage::Prompt { .. }) => {
            dialog.path.insert(text);
        }
        Overlay::Clients(clients) => {
            clients.picker.query.insert(text);
            clients.picker.refilter();
        }
        _ => {}
    }
}

/// Scrolls a view: the help's lines or the problems list's choice, from `at` within
/// `0..=last`; `None` for a key that does not scroll.
pub(crate) fn scroll(action: Action, at: usize, last: usize) -> Option<usize> {
    const PAGE: usize = 10;
    let to = match action {
        Action::ViewUp => at.saturating_sub(1),
        Action::ViewDown => at.saturating_add(1),
        Action::ViewPageUp => at.saturating_sub(PAGE),
        Action::ViewPageDown => at.saturating_add(PAGE),
        Action::ViewFirst => 0,
        Action::ViewLast => last,
        _ => return None,
    };
    Some(to.min(last))
}

/// Whether a key closes a view: its close key, or the key that opened it.
pub(crate) fn closes(app: &App, key: KeyEvent, opener: Action) -> bool {
    match app.keymap.action_in(Context::View, key) {
        Some(action) => action == Action::Close,
        // The view's own keys come first: `help: G` does not take `G` from scrolling.
        None => app.keymap.action(key) == Some(opener),
    }
}

pub(crate) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(overlay) = app.overlay.take() else {
        return Vec::new();
    };
    let view = app.keymap.action_in(Context::View, key);
    match overlay {
        Overlay::Problems { selected } => return problems::key(app, key, selected),
        Overlay::Help { scroll } => help::key(app, key, scroll),
        Overlay::Notice {
            title,
            lines,
            scroll,
        } => {
            if view != Some(Action::Close) {
                let last = usize::from(app.overlay_max_scroll);
                let scroll = view
                    .and_then(|action| self::scroll(action, usize::from(scroll), last))
                    .map_or(scroll, |to| u16::try_from(to).unwrap_or(u16::MAX));
                app.overlay = Some(Overlay::Notice {
                    title,
                    lines,
                    scroll,
                });
            }
        }
        Overlay::Compare(comparison) => return compare::key(app, key, *comparison),
        Overlay::Confirm(Confirm::OutsideChange { disk }) => {
            return question::outside_change_key(app, disk, key);
        }
        Overlay::Confirm(confirm) => return question::key(app, confirm, key),
        Overlay::Roles(mut picker) => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(role) => return picker::choose_role(app, role),
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Roles(picker)),
        },
        Overlay::Filters(mut picker) => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(filter) => picker::choose_filter(app, filter),
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Filters(picker)),
        },
        Overlay::Export(mut picker) => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(format) => {
                return vec![Effect::Export {
                    plan: Box::new(app.plan.clone()),
                    format,
                    replace: false,
                }];
            }
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Export(picker)),
        },
        Overlay::Form(form) => return form::key(app, form, key),
        Overlay::Plans { picker, mode } => return plans::key(app, picker, mode, key),
        Overlay::Clients(clients) => return clients::key(app, *clients, key),
        Overlay::Badges(dialog) => return badges::key(app, *dialog, key),
    }
    Vec::new()
}

/// What covers the screen above the panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Roles(Picker<RoleIdx>),
    Filters(Picker<Option<Filter>>),
    Plans {
        picker: Picker<String>,
        mode: PlansMode,
    },
    Export(Picker<ExportFormat>),
    /// The people and their plans (`P`).
    Clients(Box<Clients>),
    /// The badge import dialog (`I`): a path typed, then the badges it holds.
    Badges(Box<BadgeImport>),
    Form(Form),
    Compare(Box<Comparison>),
    Confirm(Confirm),
    /// The catalog's problems, one of them chosen: shown in full with its lines.
    Problems {
        selected: usize,
    },
    /// A notice that needs reading (a bad key config, a plan that could not be opened).
    Notice {
        title: String,
        lines: Vec<String>,
        /// Rows scrolled down, for a notice taller than the screen.
        scroll: u16,
    },
}
