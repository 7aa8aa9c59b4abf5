//! The plans picker (`p`): one plan per client, listed with role and progress; open, start,
//! rename (F2) and delete them. Leaving a plan whose last change could not be saved is
//! refused, so switching plans never loses it.

mod new;
pub(super) mod view;

pub(crate) use new::plan_created;
use new::{new_for, new_plan};

use crossterm::event::KeyEvent;

use super::picker::{Picked, picker_key};
use crate::plan::Plan;
use crate::store::{PlanName, Saved};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay, Picker, PickerItem, PlansNext};
use crate::tui::input::{Limit, TextInput};
use crate::tui::input::{Typed, type_key};
use crate::tui::update::Effect;

/// What the plans picker is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlansMode {
    Choosing,
    /// Choosing a plan to compare the open one with.
    Comparing,
    /// Ctrl-n with a new name: for a new person, for the open plan's person, or a copy of
    /// the open plan.
    NewFor {
        name: String,
        /// The open plan, and the person it belongs to (its own name for a plan of none).
        open: String,
        person: String,
    },
    Renaming {
        from: String,
        name: TextInput,
    },
    ConfirmDelete {
        name: String,
    },
}

pub(crate) fn open(app: &mut App, plans: Vec<Saved>) {
    let current = app.plan.name.clone();
    // Opened from a person in the clients view: their plans alone.
    let (only, comparing) = match std::mem::take(&mut app.plans_next) {
        PlansNext::All => (None, false),
        PlansNext::Of(person) => (Some(person), false),
        PlansNext::Compare => (None, true),
    };
    let theirs = |summary: &Saved| {
        only.as_ref()
            .is_none_or(|person| summary.person.as_ref().unwrap_or(&summary.name) == person)
    };
    let mut items: Vec<PickerItem<String>> = plans
        .into_iter()
        .filter(|summary| theirs(summary))
        .filter(|summary| !comparing || summary.name != current)
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
                match summary.person.as_deref() {
                    Some(person) if person != summary.name => format!(
                        "{person} · {role} · {}/{} done",
                        summary.done, summary.steps
                    ),
                    _ => format!("{role} · {}/{} done", summary.done, summary.steps),
                }
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
    if only.is_none() && !comparing && !items.iter().any(|item| item.value == current) {
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
    let mode = if comparing {
        PlansMode::Comparing
    } else {
        PlansMode::Choosing
    };
    app.overlay = Some(Overlay::Plans { picker, mode });
}

/// The dialog keys the rename box takes.
const RENAME_KEYS: &[Action] = &[Action::Accept, Action::Cancel];

pub(crate) fn key(
    app: &mut App,
    mut picker: Picker<String>,
    mode: PlansMode,
    key: KeyEvent,
) -> Vec<Effect> {
    match mode {
        PlansMode::Choosing => {
            let selected = picker.chosen().map(|item| item.value.clone());
            let own = app.keymap.action_in(Context::Plans, key).or_else(|| {
                app.keymap
                    .action_in(Context::Dialog, key)
                    .filter(|action| *action == Action::Accept)
            });
            match own {
                Some(Action::NewPlan) => return new_plan(app, picker),
                Some(Action::RenamePlan) => {
                    if let Some(from) = selected {
                        let name = TextInput::with_text(&from, Limit::Bytes(PlanName::MAX_BYTES));
                        app.overlay = Some(Overlay::Plans {
                            picker,
                            mode: PlansMode::Renaming { from, name },
                        });
                        return Vec::new();
                    }
                }
                Some(Action::DeletePlan) => {
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
                Some(Action::Accept)
                    if picker.shown.is_empty() && !picker.query.trim().is_empty() =>
                {
                    return new_plan(app, picker);
                }
                _ => match picker_key(&app.keymap, &mut picker, key) {
                    Picked::Chosen(name) if name == app.plan.name => return Vec::new(),
                    Picked::Chosen(name) if may_leave(app) => return vec![Effect::OpenPlan(name)],
                    Picked::Cancelled => return Vec::new(),
                    // Refused by `may_leave`, which says why; the picker stays open.
                    Picked::Chosen(_) | Picked::Nothing => {}
                },
            }
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
        }
        PlansMode::Renaming { from, mut name } => {
            match type_key(&app.keymap, &mut name, key, RENAME_KEYS) {
                Typed::Action(Action::Cancel) => {
                    app.overlay = Some(Overlay::Plans {
                        picker,
                        mode: PlansMode::Choosing,
                    });
                    return Vec::new();
                }
                Typed::Action(_) => return rename_entered(app, picker, from, name),
                Typed::Edited { .. } | Typed::Ignored => {}
            }
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Renaming { from, name },
            });
        }
        PlansMode::NewFor { name, .. } => return new_for(app, picker, name, key),
        PlansMode::Comparing => match picker_key(&app.keymap, &mut picker, key) {
            Picked::Chosen(name) => return vec![Effect::LoadToCompare(name)],
            Picked::Cancelled => {}
            Picked::Nothing => {
                app.overlay = Some(Overlay::Plans {
                    picker,
                    mode: PlansMode::Comparing,
                });
            }
        },
        PlansMode::ConfirmDelete { name } => {
            if app.keymap.action_in(Context::Answer, key) == Some(Action::Yes) {
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
    name: TextInput,
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

/// Whether the open plan may be left for another: not while its last change is unsaved,
/// which leaving would lose.
pub(crate) fn may_leave(app: &mut App) -> bool {
    let Some(why) = app.save_error.clone() else {
        return true;
    };
    let export = app
        .keymap
        .first_key(crate::tui::action::Action::Export)
        .map_or_else(String::new, |key| format!(", or export it with {key}"));
    app.refuse(format!(
        "Plan `{}` has changes that could not be saved ({why}), and leaving it would lose them: fix that and save{export} first",
        app.plan.name
    ));
    false
}

pub(crate) fn plan_deleted(app: &mut App, name: &str, result: Result<(), String>) -> Vec<Effect> {
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

pub(crate) fn plan_renamed(
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

/// A plan read from disk replaces the current one (whose changes are already saved).
pub(crate) fn plan_opened(
    app: &mut App,
    name: &str,
    result: Result<Plan, String>,
    read_only: Option<String>,
    note: Option<String>,
) -> Vec<Effect> {
    match result {
        Ok(plan) => {
            app.switch_plan(plan);
            app.plan_selected = 0;
            app.overlay = None;
            let steps = app.plan.steps.len();
            match (&read_only, note) {
                (Some(why), _) => app.set_status(
                    crate::tui::app::StatusKind::Warning,
                    format!("Opened plan `{name}` read-only: {why}"),
                ),
                (None, Some(note)) => app.set_status(crate::tui::app::StatusKind::Warning, note),
                (None, None) => {
                    app.info(format!(
                        "Opened plan `{name}` ({})",
                        crate::text::plural(steps, "step")
                    ));
                }
            }
            app.read_only = read_only;
            vec![Effect::RememberLastPlan(name.to_owned())]
        }
        Err(why) => {
            app.overlay = Some(Overlay::Notice {
                title: format!("Plan `{name}` could not be opened"),
                lines: vec![
                    why,
                    "The file is left as it is; the current plan stays open.".to_owned(),
                ],
                scroll: 0,
            });
            Vec::new()
        }
    }
}
