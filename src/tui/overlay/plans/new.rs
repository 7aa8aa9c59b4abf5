//! Starting a plan from the plans list: Ctrl-n asks who it is for (a new person, the open
//! plan's person, or a copy of the open plan to try "what if"), and the plan is written
//! before it becomes the open one.

use crossterm::event::KeyEvent;

use super::{PlansMode, may_leave};
use crate::plan::{Person, Plan, Profile};
use crate::store::PlanName;
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay, Picker};
use crate::tui::update::Effect;

/// A new, empty plan named by what was typed (or `plan-N`), which becomes the open plan.
pub(super) fn new_plan(app: &mut App, picker: Picker<String>) -> Vec<Effect> {
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
    if !may_leave(app) {
        app.overlay = Some(Overlay::Plans {
            picker,
            mode: PlansMode::Choosing,
        });
        return Vec::new();
    }
    if picker.items.iter().any(|item| item.value == name) {
        return vec![Effect::OpenPlan(name)];
    }
    app.overlay = Some(Overlay::Plans {
        picker,
        mode: new_for_mode(app, name),
    });
    Vec::new()
}

fn new_for_mode(app: &App, name: String) -> PlansMode {
    let open = app.plan.name.clone();
    let person = app
        .plan
        .person
        .as_ref()
        .map_or_else(|| open.clone(), |person| person.name.clone());
    PlansMode::NewFor { name, open, person }
}

/// The answer to "a new plan for whom?": the plan, written before it is switched to and
/// never over a file already there.
pub(super) fn new_for(
    app: &mut App,
    picker: Picker<String>,
    name: String,
    key: KeyEvent,
) -> Vec<Effect> {
    let plan = match app.keymap.action_in(Context::Answer, key) {
        Some(Action::ForNewPerson) => {
            let mut plan = Plan::new(&name, app.today);
            plan.person = Some(Person::named(&name));
            plan
        }
        Some(Action::ForSamePerson) => for_same_person(&app.plan, &name, app.today),
        Some(Action::CopyPlan) => {
            let mut copy = app.plan.clone();
            copy.name.clone_from(&name);
            if copy.person.is_none() {
                // A plan from before people: the copy is the same person's.
                copy.person = Some(Person::named(&app.plan.name));
            }
            copy
        }
        Some(Action::No) => {
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: PlansMode::Choosing,
            });
            return Vec::new();
        }
        _ => {
            app.overlay = Some(Overlay::Plans {
                picker,
                mode: new_for_mode(app, name),
            });
            return Vec::new();
        }
    };
    vec![Effect::CreatePlan(Box::new(plan))]
}

/// An empty plan for the open plan's person: their holdings and settings, not the open
/// plan's own overrides.
fn for_same_person(open: &Plan, name: &str, today: jiff::civil::Date) -> Plan {
    let mut plan = Plan::new(name, today);
    if let Some(person) = &open.person {
        let profile = Profile::of(open).unwrap_or_else(|| Profile::new(&person.name));
        plan.person = Some(Person::named(&person.name));
        profile.apply_to(&mut plan);
        // The open plan's record of the file, for the merge of the first save.
        if let Some(created) = plan.person.as_mut() {
            created.base.clone_from(&person.base);
        }
    } else {
        plan.person = Some(Person::named(&open.name));
        plan.have = open.have.clone();
        plan.hours_per_week = open.hours_per_week;
        plan.budget = open.budget;
        plan.time_value = open.time_value;
    }
    plan
}

/// A new plan was written (or not): it becomes the open plan.
pub(crate) fn plan_created(app: &mut App, plan: Plan, result: Result<(), String>) -> Vec<Effect> {
    let name = plan.name.clone();
    match result {
        Ok(()) => {
            let copied = !plan.steps.is_empty() || plan.role.is_some();
            let person = plan.person.as_ref().map(|person| person.name.clone());
            app.switch_plan(plan);
            app.read_only = None;
            app.overlay = None;
            let role = app.keymap.after(Action::ChooseRole);
            let whose = person.map_or_else(String::new, |person| format!(" for {person}"));
            if copied {
                app.info(format!(
                    "New plan `{name}`{whose}, a copy to try what if: its changes leave the original alone"
                ));
            } else {
                app.info(format!(
                    "New plan `{name}`{whose}: choose a target role{role}"
                ));
            }
            vec![Effect::RememberLastPlan(name)]
        }
        Err(why) => {
            app.refuse(format!("Could not start plan `{name}`: {why}"));
            Vec::new()
        }
    }
}
