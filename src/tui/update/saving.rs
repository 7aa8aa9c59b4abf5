//! Saving the plan, and quitting only once it is saved: a change that cannot be saved is
//! never dropped without the user being told and asked.

use std::path::PathBuf;

use super::Effect;
use crate::plan::Plan;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Overlay};

/// Whether a save is the last thing before quitting, and what its failure means then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quitting {
    No,
    /// Quit once saved; if a change cannot be saved, stay open and say so.
    Ask,
    /// Quit whatever happens: the user was told the change would be lost, or a signal.
    Anyway,
}

/// Quits once the plan is saved (a read-only plan has nothing to save).
pub(crate) fn save_and_quit(app: &mut App, quitting: Quitting) -> Vec<Effect> {
    if app.read_only.is_some() {
        app.quit = true;
        return Vec::new();
    }
    vec![Effect::SavePlan {
        plan: Box::new(app.plan.clone()),
        announce: false,
        quitting,
    }]
}

/// Saves the plan unless it is read-only.
pub(crate) fn save(app: &mut App, announce: bool) -> Vec<Effect> {
    if let Some(why) = &app.read_only {
        if announce {
            let why = why.clone();
            app.refuse(format!("Not saved: {why}"));
        }
        return Vec::new();
    }
    vec![Effect::SavePlan {
        plan: Box::new(app.plan.clone()),
        announce,
        quitting: Quitting::No,
    }]
}

/// Takes the plan's person as their profile now holds them: the base of the next merge,
/// and what their other plans changed meanwhile.
pub(crate) fn person_saved(app: &mut App, profile: &crate::plan::Profile) {
    let ours = app.plan.person.as_ref().map(|person| person.name.as_str());
    if ours != Some(profile.name.as_str()) {
        return;
    }
    let before = app.plan.clone();
    profile.apply_to(&mut app.plan);
    if app.plan.have != before.have
        || app.plan.hours_per_week != before.hours_per_week
        || app.plan.budget != before.budget
        || app.plan.time_value != before.time_value
    {
        app.refresh_plan();
        let name = crate::text::sanitize_line(&profile.name).into_owned();
        app.info(format!(
            "{name}'s profile was changed in another of their plans meanwhile; both changes are kept"
        ));
    }
}

pub(crate) fn saved(
    app: &mut App,
    result: Result<PathBuf, String>,
    announce: bool,
    quitting: Quitting,
) {
    // Every change is saved as it is made: only after a failure does the file lag behind.
    let unsaved = app.save_error.is_some();
    match (result, quitting) {
        (Ok(path), Quitting::No) => {
            let recovered = app.save_error.take().is_some();
            if announce || recovered {
                app.info(format!("Saved to {}", path.display()));
            }
        }
        (Ok(_), Quitting::Ask | Quitting::Anyway) => {
            app.save_error = None;
            app.quit = true;
        }
        (Err(why), Quitting::No) => {
            app.refuse(format!("Changes are not being saved: {why}. upskill keeps them and tries again on the next change"));
            app.save_error = Some(why);
        }
        // The file already holds every change: nothing is lost by going.
        (Err(_), _) if !unsaved => app.quit = true,
        (Err(why), Quitting::Anyway) => {
            app.save_error = Some(why);
            app.quit = true;
        }
        (Err(why), Quitting::Ask) => {
            let quit = app
                .keymap
                .first_key(Action::Quit)
                .map_or_else(|| "Ctrl-c".to_owned(), |key| key.to_string());
            app.refuse(format!(
                "Not saved: {why}. Press {quit} again to quit anyway: the unsaved plan is then kept in a recovery file, which `upskill import` brings back"
            ));
            app.save_error = Some(why);
            app.quit_armed = true;
        }
    }
}

/// What a change made to the plan's file outside upskill means for a save: the app asks
/// which version to keep (a signal to end keeps the user's in a recovery file, and goes).
pub(crate) fn conflict(app: &mut App, disk: Result<Box<Plan>, String>, quitting: Quitting) {
    app.save_error = Some(
        "its file was changed outside upskill, and upskill asks which version to keep".to_owned(),
    );
    if quitting == Quitting::Anyway {
        app.quit = true;
        return;
    }
    app.overlay = Some(Overlay::Confirm(Confirm::OutsideChange { disk }));
}
