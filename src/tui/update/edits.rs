//! Changes to the plan: each goes through [`commit`], which keeps the old plan for undo and
//! saves the new one; each refusal names what blocks it.

use super::Effect;
use crate::catalog::{Atom, CredentialIdx, Requirement};
use crate::plan::{Plan, Status, edit};
use crate::text::plural;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, HISTORY_LIMIT, InfoView, MetBy, Overlay, Pane};

/// Replaces the plan, keeping the old one for undo; returns the save.
pub(crate) fn commit(app: &mut App, plan: Plan) -> Vec<Effect> {
    let old = std::mem::replace(&mut app.plan, plan);
    app.history.past.push(old);
    if app.history.past.len() > HISTORY_LIMIT {
        app.history.past.remove(0);
    }
    app.history.future.clear();
    app.refresh_plan();
    super::save(app, false)
}

/// Refuses an edit of a read-only plan; true when it did.
pub(crate) fn read_only(app: &mut App) -> bool {
    let Some(why) = app.read_only.clone() else {
        return false;
    };
    app.refuse(format!("This plan is read-only: {why}"));
    // The other upskill may have closed it since: the update asks to take it back.
    app.reclaim = true;
    true
}

fn id_of(app: &App, idx: CredentialIdx) -> String {
    app.catalog.credential(idx).id.to_string()
}

pub(crate) fn add(app: &mut App) -> Vec<Effect> {
    let gap_pick = (app.focus == Pane::Info && app.info == InfoView::Gap)
        .then(|| cheapest_for_gap_row(app))
        .flatten();
    let Some(idx) = gap_pick.or_else(|| {
        (app.acting_pane() == Pane::Catalog)
            .then(|| app.browser.selection())
            .flatten()
    }) else {
        let tab = app.keymap.name(Action::NextPane);
        app.refuse(format!("Select a credential in the catalog, or an unmet requirement in the gap, to add it ({tab} moves between panes)"));
        return Vec::new();
    };
    match edit::add_with_prerequisites(&app.catalog, &app.plan, idx) {
        Ok(added) => {
            let title = app.catalog.credential(idx).title.to_string();
            let before: Vec<String> = added
                .added
                .iter()
                .filter(|&&other| other != idx)
                .map(|&other| id_of(app, other))
                .collect();
            let effects = commit(app, added.plan);
            let step = app.derived.step_of(idx).unwrap_or(0);
            app.plan_selected = step;
            if before.is_empty() {
                app.info(format!("Added {title} as step {}", step + 1));
            } else {
                app.info(format!(
                    "Added {title} as step {}, with {} before it: {}",
                    step + 1,
                    plural(before.len(), "prerequisite"),
                    before.join(", ")
                ));
            }
            effects
        }
        Err(error) => {
            app.refuse(capitalise(&error.to_string()));
            Vec::new()
        }
    }
}

/// On a gap row that is not met: the cheapest credential (not retired) that would meet it.
fn cheapest_for_gap_row(app: &App) -> Option<CredentialIdx> {
    let (requirement, by) = app.derived.gap.get(app.gap_selected)?;
    if *by != crate::tui::app::MetBy::Unmet {
        return None;
    }
    app.catalog
        .meeting(requirement)
        .into_iter()
        .find(|&idx| !app.catalog.credential(idx).retired)
}

/// The step the action applies to: the selected step in the plan pane, or the selected
/// catalog credential's step.
/// The place in the plan's `have` of the credential selected in the catalog, when it is held
/// and not a step: its dates are what `e` edits then.
pub(crate) fn held_selected(app: &App) -> Option<usize> {
    if app.acting_pane() != Pane::Catalog {
        return None;
    }
    let idx = app.browser.selection()?;
    if app.derived.step_of(idx).is_some() {
        return None;
    }
    let id = &*app.catalog.credential(idx).id;
    app.plan.have.credentials.iter().position(|held| held == id)
}

pub(crate) fn target_step(app: &mut App, verb: &str) -> Option<usize> {
    match app.acting_pane() {
        Pane::Plan if app.plan.steps.is_empty() => {
            let (add, recommend) = (
                app.keymap.after(Action::AddToPlan),
                app.keymap.name(Action::Recommend),
            );
            app.refuse(format!("The plan has no steps to {verb} yet: add credentials from the catalog{add}, or press {recommend} for a recommendation"));
            None
        }
        Pane::Plan => Some(app.plan_selected),
        Pane::Info => {
            let in_gap = app.info == InfoView::Gap;
            match app.derived.gap.get(app.gap_selected) {
                Some((_, MetBy::Step(step))) if in_gap => return Some(*step),
                Some(_) if in_gap => app.refuse(format!(
                    "No step meets the selected requirement: to {verb}, select a step in the plan"
                )),
                _ => app.refuse(format!(
                    "To {verb}, select a step in the plan ({} moves between panes)",
                    app.keymap.name(Action::NextPane)
                )),
            }
            None
        }
        Pane::Catalog => {
            let Some(idx) = app.browser.selection() else {
                app.refuse(format!(
                    "To {verb}, select a step in the plan ({} moves between panes)",
                    app.keymap.name(Action::NextPane)
                ));
                return None;
            };
            let step = app.derived.step_of(idx);
            if step.is_none() {
                let id = id_of(app, idx);
                app.refuse(format!(
                    "`{id}` is not in the plan, so there is nothing to {verb}"
                ));
            }
            step
        }
    }
}

pub(crate) fn remove(app: &mut App) -> Vec<Effect> {
    let Some(index) = target_step(app, "remove") else {
        return Vec::new();
    };
    if let Some(left_out) = app.unavailable(index) {
        let file = left_out.file.to_string();
        app.overlay = Some(Overlay::Confirm(Confirm::RemoveUnavailable { index, file }));
        return Vec::new();
    }
    remove_step(app, index)
}

/// Removes step `index`, or says why not.
pub(crate) fn remove_step(app: &mut App, index: usize) -> Vec<Effect> {
    match edit::remove_step(&app.catalog, &app.plan, index) {
        Ok(plan) => {
            let id = app.plan.steps[index].id.clone();
            let effects = commit(app, plan);
            let undo = app.keymap.name(Action::Undo);
            app.info(format!("Removed step {} `{id}` ({undo} undoes)", index + 1));
            effects
        }
        Err(error) => {
            app.refuse(capitalise(&error.to_string()));
            Vec::new()
        }
    }
}

pub(crate) fn move_step(app: &mut App, delta: isize) -> Vec<Effect> {
    if app.acting_pane() != Pane::Plan || app.plan.steps.is_empty() {
        let tab = app.keymap.name(Action::NextPane);
        app.refuse(format!(
            "Select a step in the plan to move it ({tab} moves to the plan)"
        ));
        return Vec::new();
    }
    let index = app.plan_selected;
    let result = if delta < 0 {
        edit::move_up(&app.catalog, &app.plan, index)
    } else {
        edit::move_down(&app.catalog, &app.plan, index)
    };
    match result {
        Ok(plan) => {
            let effects = commit(app, plan);
            app.plan_selected = index
                .saturating_add_signed(delta)
                .min(app.plan.steps.len().saturating_sub(1));
            app.status = None;
            effects
        }
        Err(error) => {
            app.refuse(capitalise(&error.to_string()));
            Vec::new()
        }
    }
}

pub(crate) fn toggle_done(app: &mut App) -> Vec<Effect> {
    set_status(app, Status::Done, "mark done")
}

pub(crate) fn toggle_in_progress(app: &mut App) -> Vec<Effect> {
    set_status(app, Status::InProgress, "mark in progress")
}

/// Sets `status` on the target step, or back to planned when it already has it.
fn set_status(app: &mut App, status: Status, verb: &str) -> Vec<Effect> {
    let Some(index) = target_step(app, verb) else {
        return Vec::new();
    };
    let new = if app.plan.steps[index].status == status {
        Status::Planned
    } else {
        status
    };
    match edit::set_status(&app.plan, index, new, None, app.today) {
        Ok(plan) => {
            let id = app.plan.steps[index].id.clone();
            let effects = commit(app, plan);
            let today = app.today;
            app.info(match new {
                Status::Done => format!("Marked `{id}` done on {today}"),
                Status::InProgress => format!("Marked `{id}` in progress"),
                Status::Planned => format!("Marked `{id}` planned"),
            });
            effects
        }
        Err(error) => {
            app.refuse(capitalise(&error.to_string()));
            Vec::new()
        }
    }
}

/// Puts the successor of the selected retired step in its place: one undoable edit.
pub(crate) fn swap_successor(app: &mut App) -> Vec<Effect> {
    let Some(index) = target_step(app, "swap for its successor") else {
        return Vec::new();
    };
    match edit::swap_successor(&app.catalog, &app.plan, index) {
        Ok(plan) => {
            let old = app.plan.steps[index].id.clone();
            let new = plan.steps[index].id.clone();
            let effects = commit(app, plan);
            app.info(format!(
                "Step {} is now `{new}`, the successor of retired `{old}`",
                index + 1
            ));
            effects
        }
        Err(error) => {
            app.refuse(capitalise(&error.to_string()));
            Vec::new()
        }
    }
}

/// Marks a catalog credential, or the selected skill of the gap, as already held.
pub(crate) fn toggle_held(app: &mut App) -> Vec<Effect> {
    let atom = match app.acting_pane() {
        Pane::Catalog => app.browser.selection().map(Atom::Credential),
        Pane::Info if app.info == InfoView::Gap => match app
            .derived
            .gap
            .get(app.gap_selected)
            .map(|(requirement, _)| requirement)
        {
            Some(Requirement::One(Atom::Experience(_))) => {
                let settings = app.keymap.after(Action::EditPlan);
                app.refuse(format!("Experience is not held like a credential: add it to the learner's experience in the plan settings{settings}"));
                return Vec::new();
            }
            Some(Requirement::One(atom)) => Some(*atom),
            Some(Requirement::Any(_) | Requirement::All(_)) => {
                let held = app.keymap.name(Action::ToggleHeld);
                app.refuse(format!("This requirement has alternatives: mark the one the learner holds in the catalog ({held} there)"));
                return Vec::new();
            }
            None => None,
        },
        _ => None,
    };
    let Some(atom) = atom else {
        let gap = app.keymap.after(Action::ShowGap);
        app.refuse(format!(
            "Select a credential in the catalog, or a skill in the gap{gap}, to mark it held"
        ));
        return Vec::new();
    };
    let mut plan = app.plan.clone();
    let (list, id) = match atom {
        Atom::Credential(idx) => {
            if let Some(step) = app.derived.step_of(idx) {
                let id = id_of(app, idx);
                let (done, remove) = (
                    app.keymap.after(Action::ToggleDone),
                    app.keymap.after(Action::RemoveStep),
                );
                app.refuse(format!("`{id}` is step {} of the plan: mark it done{done} instead, or remove it first{remove}", step + 1));
                return Vec::new();
            }
            (&mut plan.have.credentials, id_of(app, idx))
        }
        Atom::Skill(idx) => (&mut plan.have.skills, app.catalog.skill(idx).id.clone()),
        // Refused above: experience is edited in the plan settings.
        Atom::Experience(_) => return Vec::new(),
    };
    let held = if let Some(at) = list.iter().position(|held| *held == id) {
        list.remove(at);
        false
    } else {
        list.push(id.clone());
        true
    };
    if !held {
        // No longer held: the dates it was earned and expires go with it.
        plan.have.earned.remove(&id);
        plan.have.expires.remove(&id);
    }
    let effects = commit(app, plan);
    let text = match (atom, held) {
        (Atom::Credential(_), true) => {
            format!("`{id}` is held: it counts as done, with the skills it teaches")
        }
        (Atom::Skill(_), true) => format!("Skill `{id}` is held"),
        (Atom::Skill(skill), false)
            if app
                .derived
                .held
                .as_ref()
                .is_some_and(|have| have.has_skill(skill)) =>
        {
            format!("Skill `{id}` is no longer marked held, but a held credential still gives it")
        }
        (_, false) | (Atom::Experience(_), true) => format!("`{id}` is no longer held"),
    };
    app.info(text);
    effects
}

pub(crate) fn undo(app: &mut App) -> Vec<Effect> {
    let Some(previous) = app.history.past.pop() else {
        app.refuse("Nothing to undo");
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.plan, previous);
    app.plan.keep_person_base(&current);
    let what = edit::describe(&app.catalog, &app.plan, &current);
    app.history.future.push(current);
    app.refresh_plan();
    let redo = app.keymap.name(Action::Redo);
    app.info(format!("Undid {what} ({redo} redoes it)"));
    super::save(app, false)
}

pub(crate) fn redo(app: &mut App) -> Vec<Effect> {
    let Some(next) = app.history.future.pop() else {
        app.refuse("Nothing to redo");
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.plan, next);
    app.plan.keep_person_base(&current);
    let what = edit::describe(&app.catalog, &current, &app.plan);
    app.history.past.push(current);
    app.refresh_plan();
    app.info(format!("Redid {what}"));
    super::save(app, false)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
