//! Keys while an overlay is open: pickers filter as you type, accept chooses, cancel
//! cancels; questions take yes or no. Each key means what the keymap says in the overlay's
//! context.

use crossterm::event::KeyEvent;

use super::edits::{self, commit};
use super::recommendation;
use super::{Effect, refresh_browser};
use crate::catalog::{Kind, Level, ProviderIdx, RoleIdx, SkillIdx};
use crate::plan::Objective;
use crate::text::plural;
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Confirm, InfoView, Overlay, Picker, PickerItem, PlansMode};
use crate::tui::browser::Filter;
use crate::tui::input::{Typed, type_key};
use crate::tui::keymap::Keymap;

/// What a picker key did.
pub(super) enum Picked<T> {
    Nothing,
    Chosen(T),
    Cancelled,
}

/// The dialog keys every picker takes; the others edit its filter.
const PICKER_KEYS: &[Action] = &[
    Action::Accept,
    Action::Cancel,
    Action::DialogUp,
    Action::DialogDown,
    Action::DialogPageUp,
    Action::DialogPageDown,
];

/// How far a page moves a picker's choice.
const PICKER_PAGE: usize = 10;

/// The keys every picker shares.
pub(super) fn picker_key<T: Clone>(
    keymap: &Keymap,
    picker: &mut Picker<T>,
    key: KeyEvent,
) -> Picked<T> {
    let last = picker.shown.len().saturating_sub(1);
    let before = picker.query.len();
    match type_key(keymap, &mut picker.query, key, PICKER_KEYS) {
        Typed::Action(Action::Cancel) => return Picked::Cancelled,
        Typed::Action(Action::Accept) => {
            return picker
                .chosen()
                .map_or(Picked::Nothing, |item| Picked::Chosen(item.value.clone()));
        }
        Typed::Action(Action::DialogUp) => picker.selected = picker.selected.saturating_sub(1),
        Typed::Action(Action::DialogDown) => picker.selected = (picker.selected + 1).min(last),
        Typed::Action(Action::DialogPageUp) => {
            picker.selected = picker.selected.saturating_sub(PICKER_PAGE);
        }
        Typed::Action(_) => picker.selected = (picker.selected + PICKER_PAGE).min(last),
        Typed::Edited { .. } => {
            // More text narrows the list: the best match is the first again.
            if picker.query.len() > before {
                picker.selected = 0;
            }
            picker.refilter();
        }
        Typed::Ignored => {}
    }
    Picked::Nothing
}

pub(super) fn paste(overlay: &mut Overlay, text: &str) {
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
            mode: PlansMode::Choosing,
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
        Overlay::Form(form) => super::form::type_into(form, text),
        _ => {}
    }
}

/// Scrolls a view: the help's lines or the problems list's choice, from `at` within
/// `0..=last`; `None` for a key that does not scroll.
pub(super) fn scroll(action: Action, at: usize, last: usize) -> Option<usize> {
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
pub(super) fn closes(app: &App, key: KeyEvent, opener: Action) -> bool {
    app.keymap.action_in(Context::View, key) == Some(Action::Close)
        || app.keymap.action(key) == Some(opener)
}

pub(super) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(overlay) = app.overlay.take() else {
        return Vec::new();
    };
    let view = app.keymap.action_in(Context::View, key);
    match overlay {
        Overlay::Problems { selected } => return super::problems::key(app, key, selected),
        Overlay::Help { scroll } => {
            if closes(app, key, Action::ToggleHelp) {
                return Vec::new();
            }
            let last = usize::from(app.overlay_max_scroll);
            let scroll = view
                .and_then(|action| self::scroll(action, usize::from(scroll), last))
                .map_or(scroll, |to| u16::try_from(to).unwrap_or(u16::MAX));
            app.overlay = Some(Overlay::Help { scroll });
        }
        Overlay::Notice { .. } => {
            if view != Some(Action::Close) {
                app.overlay = Some(overlay);
            }
        }
        Overlay::Compare(comparison) => match view {
            Some(Action::UseCheapest) => {
                return recommendation::propose(app, comparison.cheapest, Objective::Cost);
            }
            Some(Action::UseFastest) => {
                return recommendation::propose(app, comparison.fastest, Objective::Hours);
            }
            _ if closes(app, key, Action::Compare) => {}
            _ => app.overlay = Some(Overlay::Compare(comparison)),
        },
        Overlay::Confirm(Confirm::OutsideChange { disk }) => {
            return super::saving::outside_change_key(app, disk, key);
        }
        Overlay::Confirm(confirm) => return confirm_key(app, confirm, key),
        Overlay::Roles(mut picker) => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(role) => return choose_role(app, role),
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Roles(picker)),
        },
        Overlay::Filters(mut picker) => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(filter) => choose_filter(app, filter),
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
        Overlay::Form(form) => return super::form::key(app, form, key),
        Overlay::Plans { picker, mode } => return super::plans::key(app, picker, mode, key),
    }
    Vec::new()
}

/// Keys while a question waits for yes or no.
fn confirm_key(app: &mut App, confirm: Confirm, key: KeyEvent) -> Vec<Effect> {
    match app.keymap.action_in(Context::Answer, key) {
        Some(Action::Yes) => match confirm {
            Confirm::ReplaceSteps {
                recommendation,
                objective,
            } => {
                return recommendation::apply_recommendation(app, &recommendation, objective);
            }
            Confirm::ReplaceFile { format, .. } => {
                return vec![Effect::Export {
                    plan: Box::new(app.plan.clone()),
                    format,
                    replace: true,
                }];
            }
            Confirm::RemoveUnavailable { index, .. } => return edits::remove_step(app, index),
            Confirm::OutsideChange { .. } => {}
        },
        Some(Action::No) => match confirm {
            Confirm::ReplaceSteps { .. } => app.info("Kept the plan as it was"),
            Confirm::ReplaceFile { path, .. } => {
                app.info(format!(
                    "Left {} as it was; nothing exported",
                    path.display()
                ));
            }
            Confirm::RemoveUnavailable { .. } => app.info("Kept the step"),
            Confirm::OutsideChange { .. } => {}
        },
        _ => app.overlay = Some(Overlay::Confirm(confirm)),
    }
    Vec::new()
}

pub(super) fn open_roles(app: &mut App) {
    let catalog = &app.catalog;
    let items: Vec<PickerItem<RoleIdx>> = catalog
        .role_indices()
        .map(|idx| {
            let role = catalog.role(idx);
            PickerItem {
                label: role.title.clone(),
                detail: format!(
                    "{} · {}",
                    role.id,
                    plural(role.requirements.len(), "requirement")
                ),
                value: idx,
            }
        })
        .collect();
    if items.is_empty() {
        app.refuse("The catalogs define no roles: add a `roles:` list to a catalog file");
        return;
    }
    let mut picker = Picker::new(items);
    if let Some(current) = app.derived.role {
        picker.selected = picker
            .shown
            .iter()
            .position(|&i| picker.items[i].value == current)
            .unwrap_or(0);
    }
    app.overlay = Some(Overlay::Roles(picker));
}

fn choose_role(app: &mut App, role: RoleIdx) -> Vec<Effect> {
    let id = app.catalog.role(role).id.clone();
    if app.plan.role.as_deref() == Some(id.as_str()) {
        app.info = InfoView::Gap;
        return Vec::new();
    }
    if let Some(why) = app.read_only.clone() {
        app.refuse(format!("This plan is read-only: {why}"));
        return Vec::new();
    }
    let mut plan = app.plan.clone();
    plan.role = Some(id);
    let effects = commit(app, plan);
    app.info = InfoView::Gap;
    let title = app.catalog.role(role).title.clone();
    let (met, total) = (app.derived.met(), app.derived.gap.len());
    app.info(format!("Target role: {title}. The plan meets {met} of its {total} requirements; o recommends the cheapest path"));
    effects
}

pub(super) fn open_export(app: &mut App) {
    use crate::export::ExportFormat as F;
    let name = &app.plan.name;
    let what = |format: F| match format {
        F::Markdown => "a document to send or paste (GitHub renders it)",
        F::Csv => "a spreadsheet: one row per step",
        F::Ics => "a calendar: an event per step and per renewal",
        F::Json => "the plan with its schedule, for other programs",
        F::Html => "a printable page with a timeline, for a client",
    };
    let items = F::ALL
        .iter()
        .map(|&format| PickerItem {
            label: format!("{name}.{}", format.extension()),
            detail: what(format).to_owned(),
            value: format,
        })
        .collect();
    app.overlay = Some(Overlay::Export(Picker::new(items)));
}
pub(super) fn open_filters(app: &mut App) {
    let catalog = &app.catalog;
    let count = |keep: &dyn Fn(&crate::catalog::Credential) -> bool| {
        catalog.credentials.iter().filter(|c| keep(c)).count()
    };
    let mut items = vec![PickerItem {
        label: "all credentials".to_owned(),
        detail: "clear every filter".to_owned(),
        value: None,
    }];
    for (i, provider) in catalog.providers.iter().enumerate() {
        let idx = ProviderIdx(i as u32);
        let n = count(&|c| c.provider == idx);
        items.push(PickerItem {
            label: format!("provider · {}", provider.name),
            detail: format!("{} · {n}", provider.id),
            value: Some(Filter::Provider(idx)),
        });
    }
    for level in Level::ALL {
        let n = count(&|c| c.level == Some(level));
        items.push(PickerItem {
            label: format!("level · {level}"),
            detail: n.to_string(),
            value: Some(Filter::Level(level)),
        });
    }
    for kind in Kind::ALL {
        let n = count(&|c| c.kind == kind);
        if n > 0 {
            items.push(PickerItem {
                label: format!("kind · {kind}"),
                detail: n.to_string(),
                value: Some(Filter::Kind(kind)),
            });
        }
    }
    for (i, skill) in catalog.skills.iter().enumerate() {
        let idx = SkillIdx(i as u32);
        let n = catalog.teachers(idx).len();
        if n > 0 {
            items.push(PickerItem {
                label: format!("skill · {}", skill.label()),
                detail: format!("{} · {n}", skill.id),
                value: Some(Filter::Skill(idx)),
            });
        }
    }
    app.overlay = Some(Overlay::Filters(Picker::new(items)));
}

fn choose_filter(app: &mut App, filter: Option<Filter>) {
    match filter {
        None => app.browser.filters.clear(),
        // Choosing a filter that is on turns it off.
        Some(filter) if app.browser.filters.contains(&filter) => {
            app.browser.filters.retain(|other| *other != filter);
        }
        Some(filter) => app.browser.set_filter(filter),
    }
    refresh_browser(app);
    let shown = app.browser.results.len();
    app.info(format!("{} shown", plural(shown, "credential")));
}
