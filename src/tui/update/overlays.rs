//! Keys while an overlay is open: pickers filter as you type, `Enter` chooses, `Esc`
//! cancels; confirmations take `y`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::edits::{self, commit};
use super::{Effect, MAX_QUERY, refresh_browser};
use crate::catalog::{Kind, Level, ProviderIdx, RoleIdx, SkillIdx};
use crate::plan::{Objective, Plan};
use crate::store::{PlanName, Saved};
use crate::text::plural;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, InfoView, Overlay, Picker, PickerItem, PlansMode};
use crate::tui::browser::Filter;

/// What a picker key did.
enum Picked<T> {
    Nothing,
    Chosen(T),
    Cancelled,
}

/// The keys every picker shares.
fn picker_key<T: Clone>(picker: &mut Picker<T>, key: KeyEvent) -> Picked<T> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => return Picked::Cancelled,
        KeyCode::Enter => {
            return picker
                .chosen()
                .map_or(Picked::Nothing, |item| Picked::Chosen(item.value.clone()));
        }
        KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
        KeyCode::Down => {
            picker.selected = (picker.selected + 1).min(picker.shown.len().saturating_sub(1));
        }
        KeyCode::PageUp => picker.selected = picker.selected.saturating_sub(10),
        KeyCode::PageDown => {
            picker.selected = (picker.selected + 10).min(picker.shown.len().saturating_sub(1));
        }
        KeyCode::Backspace => {
            picker.query.pop();
            picker.refilter();
        }
        KeyCode::Char('u') if ctrl => {
            picker.query.clear();
            picker.refilter();
        }
        KeyCode::Char(c) if !ctrl && picker.query.chars().count() < MAX_QUERY => {
            picker.query.push(c);
            picker.selected = 0;
            picker.refilter();
        }
        _ => {}
    }
    Picked::Nothing
}

pub(super) fn paste(overlay: &mut Overlay, text: &str) {
    fn extend(query: &mut String, text: &str) {
        let room = MAX_QUERY.saturating_sub(query.chars().count());
        query.extend(text.chars().take(room));
    }
    match overlay {
        Overlay::Roles(picker) => {
            extend(&mut picker.query, text);
            picker.refilter();
        }
        Overlay::Filters(picker) => {
            extend(&mut picker.query, text);
            picker.refilter();
        }
        Overlay::Export(picker) => {
            extend(&mut picker.query, text);
            picker.refilter();
        }
        Overlay::Plans {
            picker,
            mode: PlansMode::Choosing,
        } => {
            extend(&mut picker.query, text);
            picker.refilter();
        }
        Overlay::Plans {
            mode: PlansMode::Renaming { name, .. },
            ..
        } => extend(name, text),
        Overlay::Form(form) => super::form::type_into(form, text),
        _ => {}
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(overlay) = app.overlay.take() else {
        return Vec::new();
    };
    let quit = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if quit {
        return super::act(app, Action::Quit);
    }
    match overlay {
        Overlay::Help { scroll } | Overlay::Problems { scroll } => {
            let is_help = matches!(overlay, Overlay::Help { .. });
            let scroll = match key.code {
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                KeyCode::PageUp => scroll.saturating_sub(10),
                KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
                KeyCode::Home => 0,
                KeyCode::End => app.overlay_max_scroll,
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | '?' | '!') => {
                    return Vec::new();
                }
                // Whatever key opens the help closes it too (F1 as well as ?).
                _ if is_help && app.keymap.action(key) == Some(Action::ToggleHelp) => {
                    return Vec::new();
                }
                _ => scroll,
            };
            let scroll = scroll.min(app.overlay_max_scroll);
            app.overlay = Some(if is_help {
                Overlay::Help { scroll }
            } else {
                Overlay::Problems { scroll }
            });
        }
        Overlay::Notice { .. } => {
            if !matches!(
                key.code,
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | ' ')
            ) {
                app.overlay = Some(overlay);
            }
        }
        Overlay::Compare(comparison) => match key.code {
            KeyCode::Char('1') => return edits::propose(app, comparison.cheapest, Objective::Cost),
            KeyCode::Char('2') => return edits::propose(app, comparison.fastest, Objective::Hours),
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | 'c') => {}
            _ => app.overlay = Some(Overlay::Compare(comparison)),
        },
        Overlay::Confirm(confirm) => match key.code {
            KeyCode::Char('y' | 'Y') => match confirm {
                Confirm::ReplaceSteps {
                    recommendation,
                    objective,
                } => {
                    return edits::apply_recommendation(app, &recommendation, objective);
                }
                Confirm::ReplaceFile { format, .. } => {
                    return vec![Effect::Export {
                        plan: Box::new(app.plan.clone()),
                        format,
                        replace: true,
                    }];
                }
                Confirm::RemoveUnavailable { index, .. } => return edits::remove_step(app, index),
            },
            KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => match confirm {
                Confirm::ReplaceSteps { .. } => app.info("Kept the plan as it was"),
                Confirm::ReplaceFile { path, .. } => {
                    app.info(format!(
                        "Left {} as it was; nothing exported",
                        path.display()
                    ));
                }
                Confirm::RemoveUnavailable { .. } => app.info("Kept the step"),
            },
            _ => app.overlay = Some(Overlay::Confirm(confirm)),
        },
        Overlay::Roles(mut picker) => match picker_key(&mut picker, key) {
            Picked::Chosen(role) => return choose_role(app, role),
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Roles(picker)),
        },
        Overlay::Filters(mut picker) => match picker_key(&mut picker, key) {
            Picked::Chosen(filter) => choose_filter(app, filter),
            Picked::Cancelled => {}
            Picked::Nothing => app.overlay = Some(Overlay::Filters(picker)),
        },
        Overlay::Export(mut picker) => match picker_key(&mut picker, key) {
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
        Overlay::Plans { picker, mode } => return plans_key(app, picker, mode, key),
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

pub(super) fn open_plans(app: &mut App, plans: Vec<Saved>) {
    let current = app.plan.name.clone();
    let mut items: Vec<PickerItem<String>> = plans
        .into_iter()
        .map(|summary| {
            let detail = if let Some(why) = &summary.broken {
                format!("cannot be read: {why}")
            } else {
                let role = match summary.role.as_deref() {
                    Some(id) => app
                        .catalog
                        .find_role(id)
                        .map_or_else(|| id.to_owned(), |idx| app.catalog.role(idx).title.clone()),
                    None => "no role".to_owned(),
                };
                format!("{role} · {}/{} done", summary.done, summary.steps)
            };
            let label = if summary.name == current {
                format!("{} (open)", summary.name)
            } else {
                summary.name.clone()
            };
            PickerItem {
                label,
                detail,
                value: summary.name,
            }
        })
        .collect();
    if !items.iter().any(|item| item.value == current) {
        items.insert(
            0,
            PickerItem {
                label: format!("{current} (open)"),
                detail: "not saved yet".to_owned(),
                value: current.clone(),
            },
        );
    }
    let mut picker = Picker::new(items);
    picker.selected = picker
        .shown
        .iter()
        .position(|&i| picker.items[i].value == current)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Plans {
        picker,
        mode: PlansMode::Choosing,
    });
}

fn plans_key(
    app: &mut App,
    mut picker: Picker<String>,
    mode: PlansMode,
    key: KeyEvent,
) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match mode {
        PlansMode::Choosing => {
            let selected = picker.chosen().map(|item| item.value.clone());
            match key.code {
                KeyCode::Char('n') if ctrl => return new_plan(app, picker),
                KeyCode::F(2) => {
                    if let Some(from) = selected {
                        let name = from.clone();
                        app.overlay = Some(Overlay::Plans {
                            picker,
                            mode: PlansMode::Renaming { from, name },
                        });
                        return Vec::new();
                    }
                }
                KeyCode::Delete => {
                    if let Some(name) = selected {
                        if name == app.plan.name {
                            app.refuse("This plan is open: open another one before deleting it");
                        } else {
                            app.overlay = Some(Overlay::Plans {
                                picker,
                                mode: PlansMode::ConfirmDelete { name },
                            });
                            return Vec::new();
                        }
                    }
                }
                KeyCode::Enter if picker.shown.is_empty() && !picker.query.trim().is_empty() => {
                    return new_plan(app, picker);
                }
                _ => match picker_key(&mut picker, key) {
                    Picked::Chosen(name) if name == app.plan.name => return Vec::new(),
                    Picked::Chosen(name) => return vec![Effect::OpenPlan(name)],
                    Picked::Cancelled => return Vec::new(),
                    Picked::Nothing => {}
                },
            }
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
        }
        PlansMode::Renaming { from, mut name } => {
            match key.code {
                KeyCode::Esc => {
                    app.overlay = Some(Overlay::Plans {
                        picker,
                        mode: PlansMode::Choosing,
                    });
                    return Vec::new();
                }
                KeyCode::Enter => return rename_entered(app, picker, from, name),
                KeyCode::Backspace => {
                    name.pop();
                }
                KeyCode::Char('u') if ctrl => name.clear(),
                KeyCode::Char(c) if !ctrl && name.len() + c.len_utf8() <= PlanName::MAX_BYTES => {
                    name.push(c);
                }
                _ => {}
            }
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Renaming { from, name },
            });
        }
        PlansMode::ConfirmDelete { name } => {
            if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                return vec![Effect::DeletePlan(name)];
            }
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
        }
    }
    Vec::new()
}

/// Enter in the rename box: the rename, or why not (the box stays open).
fn rename_entered(
    app: &mut App,
    picker: Picker<String>,
    from: String,
    name: String,
) -> Vec<Effect> {
    match PlanName::parse(name.trim()) {
        Err(error) => app.refuse(error.to_string()),
        Ok(to) if to.as_str() == from => {
            app.info(format!(
                "The plan is already named `{from}`: nothing changed"
            ));
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
            return Vec::new();
        }
        Ok(to) if picker.items.iter().any(|item| item.value == to.as_str()) => {
            app.refuse(format!(
                "A plan named `{to}` already exists: choose another name"
            ));
        }
        Ok(to) => {
            return vec![Effect::RenamePlan {
                from,
                to: to.to_string(),
            }];
        }
    }
    app.overlay = Some(Overlay::Plans {
        picker,
        mode: PlansMode::Renaming { from, name },
    });
    Vec::new()
}

/// A new, empty plan named by what was typed (or `plan-N`), which becomes the open plan.
fn new_plan(app: &mut App, picker: Picker<String>) -> Vec<Effect> {
    let typed = picker.query.trim().to_owned();
    let name = if typed.is_empty() {
        (2..10_000)
            .map(|n| format!("plan-{n}"))
            .find(|name| !picker.items.iter().any(|item| item.value == *name))
            .unwrap_or_default()
    } else {
        typed
    };
    let name = match PlanName::parse(&name) {
        Ok(name) => name.to_string(),
        Err(error) => {
            app.refuse(error.to_string());
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
            return Vec::new();
        }
    };
    if picker.items.iter().any(|item| item.value == name) {
        return vec![Effect::OpenPlan(name)];
    }
    app.switch_plan(Plan::new(name.clone(), app.today));
    app.read_only = None;
    app.info(format!("New plan `{name}`: choose a target role (r)"));
    let mut effects = super::save(app, false);
    effects.push(Effect::RememberLastPlan(name));
    effects
}

pub(super) fn plan_deleted(app: &mut App, name: &str, result: Result<(), String>) -> Vec<Effect> {
    match result {
        Ok(()) => {
            app.shelved.remove(name);
            app.info(format!("Deleted plan `{name}`"));
            vec![Effect::ListPlans]
        }
        Err(why) => {
            app.refuse(format!("Could not delete `{name}`: {why}"));
            Vec::new()
        }
    }
}

pub(super) fn plan_renamed(
    app: &mut App,
    from: &str,
    to: &str,
    result: Result<(), String>,
) -> Vec<Effect> {
    match result {
        Ok(()) => {
            app.info(format!("Renamed `{from}` to `{to}`"));
            let mut effects = vec![Effect::ListPlans];
            if app.plan.name == from {
                to.clone_into(&mut app.plan.name);
                app.history.rename(to);
                effects.push(Effect::RememberLastPlan(to.to_owned()));
            }
            if let Some((mut plan, mut history)) = app.shelved.remove(from) {
                to.clone_into(&mut plan.name);
                history.rename(to);
                app.shelved.insert(to.to_owned(), (plan, history));
            }
            effects
        }
        Err(why) => {
            app.refuse(format!("Could not rename `{from}`: {why}"));
            Vec::new()
        }
    }
}
