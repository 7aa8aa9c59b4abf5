//! Questions: replace the steps, write over a file, remove an unavailable step, which
//! version of a plan changed outside upskill to keep.

pub(super) mod view;

use crossterm::event::KeyEvent;

use crate::plan::{Objective, Plan, Recommendation};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay};
use crate::tui::update::saving::Quitting;
use crate::tui::update::{Effect, edits, recommendation};

/// A question that needs `y`.
#[derive(Debug, Clone)]
pub enum Confirm {
    /// Replace the planned steps with a recommendation for this objective.
    ReplaceSteps {
        recommendation: Box<Recommendation>,
        objective: Objective,
    },
    /// Write an export over a file of the same name.
    ReplaceFile {
        path: std::path::PathBuf,
        format: crate::export::ExportFormat,
    },
    /// Remove a step whose credential is in a catalog file left out for its errors: once
    /// the file is fixed, the step would be whole again.
    RemoveUnavailable { index: usize, file: String },
    /// The plan's file was changed outside upskill: load that version, or keep this one.
    OutsideChange { disk: Result<Box<Plan>, String> },
}

/// Keys while a question waits for yes or no.
pub(super) fn key(app: &mut App, confirm: Confirm, key: KeyEvent) -> Vec<Effect> {
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

/// The answer to [`conflict`]'s question: `l` loads the file's version as an edit (so undo
/// brings the user's back), `k` keeps the user's and writes it over the file; anything else
/// leaves the question for the next save.
pub(crate) fn outside_change_key(
    app: &mut App,
    disk: Result<Box<Plan>, String>,
    key: KeyEvent,
) -> Vec<Effect> {
    let name = app.plan.name.clone();
    // Answered: the save that follows says if it fails; its success is no news over this.
    let answered = |app: &mut App| app.save_error = None;
    match (app.keymap.action_in(Context::Answer, key), disk) {
        (Some(Action::LoadTheirs), Ok(disk)) => {
            answered(app);
            let mut effects = vec![Effect::AcceptOnDisk];
            effects.extend(edits::commit(app, *disk));
            let undo = app
                .keymap
                .first_key(Action::Undo)
                .map_or_else(String::new, |key| format!("; {key} brings yours back"));
            app.info(format!("Loaded plan `{name}` as its file has it{undo}"));
            effects
        }
        (Some(Action::KeepMine), _) => {
            answered(app);
            app.info(format!(
                "Kept your version of plan `{name}`, written over its file"
            ));
            vec![
                Effect::AcceptOnDisk,
                Effect::SavePlan {
                    plan: Box::new(app.plan.clone()),
                    announce: false,
                    quitting: Quitting::No,
                },
            ]
        }
        (Some(Action::No), _) => {
            let save = app
                .keymap
                .first_key(Action::Save)
                .map_or_else(String::new, |key| format!(" or {key}"));
            app.refuse(format!(
                "Plan `{name}` is not saved until you choose: the next change{save} asks again"
            ));
            Vec::new()
        }
        (_, disk) => {
            app.overlay = Some(Overlay::Confirm(Confirm::OutsideChange { disk }));
            Vec::new()
        }
    }
}
