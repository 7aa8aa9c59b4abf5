//! Recommending: the searches that run off the event loop, and putting their answer in the
//! plan with what it leaves unmet, what it waits for and what it awards said in words.

use std::fmt::Write as _;

use super::Effect;
use super::compute::{Answer, Done, Job, JobKind, with_recommendation};
use super::edits::commit;
use crate::plan::{Objective, Recommendation, Status, UnmetReason};
use crate::text::plural;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Overlay, Pane};

pub(crate) fn recommend(app: &mut App) -> Vec<Effect> {
    let objective = app.objective;
    start_job(
        app,
        JobKind::Recommend(objective),
        &format!("Finding the {}…", path_name(objective)),
    )
}

/// Starts a search off the event loop, or says why it cannot start.
fn start_job(app: &mut App, kind: JobKind, doing: &str) -> Vec<Effect> {
    app.next_job += 1;
    let Some(job) = Job::for_app(app, app.next_job, kind) else {
        if let Some(id) = app.plan.role.clone() {
            // The plan has a role the loaded catalogs lack: say so, rather than ask for one.
            let why = if app.left_out.is_empty() {
                "is not in the catalogs".to_owned()
            } else {
                format!(
                    "is not loaded: a catalog file has errors ({} shows them)",
                    app.keymap.name(Action::ShowProblems)
                )
            };
            let role = app.keymap.after(Action::ChooseRole);
            app.refuse(format!(
                "Role `{id}` {why}; fix that to plan for it, or choose another role{role}"
            ));
            return Vec::new();
        }
        let role = app.keymap.after(Action::ChooseRole);
        app.refuse(format!(
            "Choose a target role first{role}: recommendations are for a role"
        ));
        // Recommending is what a newcomer tries first: help them straight to the roles.
        if matches!(kind, JobKind::Recommend(_)) {
            crate::tui::overlay::picker::open_roles(app);
        }
        return Vec::new();
    };
    app.computing = Some((job.id, kind));
    app.set_status(
        crate::tui::app::StatusKind::Info,
        format!("{doing} ({} cancels)", app.keymap.name(Action::ClearSearch)),
    );
    vec![Effect::Compute(Box::new(job))]
}

/// A job's answer: used if it is the one asked for last, dropped if it is stale.
pub(crate) fn job_done(app: &mut App, done: Done) -> Vec<Effect> {
    if app.computing.map(|(id, _)| id) != Some(done.id) {
        return Vec::new();
    }
    app.computing = None;
    app.status = None;
    // Never over what the user opened meanwhile (a form with what they typed, a picker):
    // the answer waits for them to ask again.
    if app.overlay.is_some() {
        let key = app.keymap.name(match done.answer {
            Answer::Recommend(..) => Action::Recommend,
            Answer::Compare(_) => Action::Compare,
        });
        app.set_status(
            crate::tui::app::StatusKind::Warning,
            format!("The search finished while this was open, so it is not shown: press {key} again when you are done here"),
        );
        return Vec::new();
    }
    match done.answer {
        Answer::Recommend(objective, recommendation) => propose(app, recommendation, objective),
        Answer::Compare(comparison) => {
            app.overlay = Some(Overlay::Compare(comparison));
            Vec::new()
        }
    }
}

/// Puts a recommendation in the plan, asking first when that replaces planned steps.
pub(crate) fn propose(
    app: &mut App,
    recommendation: Recommendation,
    objective: Objective,
) -> Vec<Effect> {
    // From the comparison, or an answer that arrived after the plan turned read-only.
    if super::edits::read_only(app) {
        return Vec::new();
    }
    if with_recommendation(&app.catalog, &app.plan, &recommendation) == app.plan {
        // Nothing to ask or change, but the plan gets the focus as after any recommendation.
        app.focus_on(Pane::Plan);
        app.plan_selected = 0;
        let mut text = format!("The plan already is the {}", path_name(objective));
        match shortfall(app, &recommendation) {
            Some(shortfall) => {
                let _ = write!(text, ", and it leaves {shortfall}");
            }
            None => text.push_str(": nothing to change"),
        }
        if !recommendation.optimal {
            text.push_str(&not_proven(recommendation.gap));
        }
        app.info(text);
        return Vec::new();
    }
    if app
        .plan
        .steps
        .iter()
        .any(|step| step.status == Status::Planned)
    {
        app.overlay = Some(Overlay::Confirm(Confirm::ReplaceSteps {
            recommendation: Box::new(recommendation),
            objective,
        }));
        return Vec::new();
    }
    apply_recommendation(app, &recommendation, objective)
}

/// The name of what an objective recommends.
pub fn path_name(objective: Objective) -> &'static str {
    match objective {
        Objective::Cost => "cheapest path",
        Objective::Hours => "fastest path",
    }
}

pub(crate) fn apply_recommendation(
    app: &mut App,
    recommendation: &Recommendation,
    objective: Objective,
) -> Vec<Effect> {
    if super::edits::read_only(app) {
        return Vec::new();
    }
    let plan = with_recommendation(&app.catalog, &app.plan, recommendation);
    let effects = commit(app, plan);
    app.focus_on(Pane::Plan);
    app.plan_selected = 0;
    let currency = app.catalog.currency.clone();
    let finish = app
        .derived
        .schedule
        .as_ref()
        .map(|schedule| schedule.finish);
    let mut text = format!(
        "Recommended the {}: {}, {} {currency}, {} h",
        path_name(objective),
        plural(recommendation.steps.len(), "new step"),
        recommendation.total_cost.money(),
        recommendation.total_hours
    );
    if let Some(finish) = finish {
        let _ = write!(text, ", done by {finish}");
    }
    // What the table cannot show: a step waiting for experience, a stack it earns.
    if let Some((step, date)) = app.derived.schedule.as_ref().and_then(|schedule| {
        schedule
            .steps
            .iter()
            .enumerate()
            .find_map(|(i, dates)| Some((i, dates.eligible?)))
    }) {
        let _ = write!(
            text,
            "; step {} waits for the learner's experience until {date}",
            step + 1
        );
    }
    let awarded = crate::plan::awards(&app.catalog, &app.plan);
    let stacks: Vec<String> = awarded
        .after_step
        .iter()
        .flatten()
        .map(|&stack| app.catalog.credential(stack).title.to_string())
        .collect();
    if !stacks.is_empty() {
        let _ = write!(text, "; awards {} on the way", stacks.join(", "));
    }
    if let Some(shortfall) = shortfall(app, recommendation) {
        let _ = write!(text, "; it leaves {shortfall}");
    }
    if !recommendation.optimal {
        text.push_str(&not_proven(recommendation.gap));
    }
    app.info(text);
    effects
}

/// What a recommendation leaves unmet, and why in short: the plan's budget, or nothing in
/// the catalogs.
pub fn shortfall(app: &App, recommendation: &Recommendation) -> Option<String> {
    if recommendation.is_complete() {
        return None;
    }
    let limited = recommendation
        .unmet
        .iter()
        .filter(|unmet| unmet.reason == UnmetReason::Limits)
        .count();
    let experience = recommendation
        .unmet
        .iter()
        .filter(|unmet| matches!(unmet.reason, UnmetReason::Experience { .. }))
        .count();
    let other = recommendation.unmet.len() - limited - experience;
    let mut parts = Vec::new();
    if experience > 0 {
        parts.push(format!(
            "{} for want of work experience",
            plural(experience, "requirement")
        ));
    }
    if limited > 0 {
        parts.push(format!(
            "{} beyond {}",
            plural(limited, "requirement"),
            limits(app)
        ));
    }
    if other > 0 {
        parts.push(format!(
            "{} that nothing in the catalogs can meet",
            plural(other, "requirement")
        ));
    }
    let gap = app
        .keymap
        .first_key(crate::tui::action::Action::ShowGap)
        .map_or_else(String::new, |key| format!(" ({key} shows the gap)"));
    Some(format!("{}{gap}", parts.join(", ")))
}

/// The plan's limits, as a shortfall names them: its budget, its hour limit, and the hours
/// its finish-by date leaves at its hours a week (the plan form changes each).
fn limits(app: &App) -> String {
    let plan = &app.plan;
    let mut limits = Vec::new();
    if let Some(budget) = plan.budget {
        limits.push(format!(
            "the budget of {} {}",
            budget.money(),
            app.catalog.currency
        ));
    }
    if let Some(most) = plan.max_hours {
        limits.push(format!("the limit of {most} hours"));
    }
    if let (Some(by), Some(left)) = (plan.finish_by, plan.hours_limit(app.today)) {
        limits.push(format!(
            "the {left} hours until {by} at {} a week",
            plan.hours_per_week
        ));
    }
    let edit = app.keymap.name(crate::tui::action::Action::EditPlan);
    match limits.len() {
        0 => "the plan's limits".to_owned(),
        _ if plan.finish_by.is_none() && plan.max_hours.is_none() => limits.join(" or "),
        _ => format!("{} ({edit} changes them)", limits.join(" or ")),
    }
}

pub(crate) fn compare(app: &mut App) -> Vec<Effect> {
    start_job(
        app,
        JobKind::Compare,
        "Comparing with the cheapest and the fastest paths…",
    )
}

/// `; not proven optimal...`: after a recommendation the search's time limit stopped, with
/// how close to the best it was proven to be.
fn not_proven(gap: Option<crate::plan::Gap>) -> String {
    match gap {
        Some(gap) => format!(
            "; not proven optimal (the search hit its time limit), but proven {}",
            gap.within()
        ),
        None => "; not proven optimal (the search hit its time limit)".to_owned(),
    }
}
