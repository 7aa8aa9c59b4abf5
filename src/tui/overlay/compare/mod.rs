//! The comparison of the plan with its cheapest and fastest recommendations (`c`).

pub(super) mod view;

use jiff::civil::Date;

use crate::catalog::{Amount, Catalog};
use crossterm::event::KeyEvent;

use crate::plan::{self, Objective, Plan, Recommendation};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay};
use crate::tui::update::{Effect, recommendation};

/// The plan beside its cheapest and fastest recommendations.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub cheapest: Recommendation,
    pub fastest: Recommendation,
    /// The whole plan each would give (steps done or in progress included), so the columns
    /// add up the same way as the plan's own.
    pub cheapest_plan: Outcome,
    pub fastest_plan: Outcome,
}

/// A whole plan's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub cost: Amount,
    pub hours: Amount,
    pub steps: usize,
    pub finish: Date,
    /// The steps of unknown cost or hours `cost` and `hours` count as 0.
    pub unknown: plan::UnknownSteps,
}

impl Outcome {
    pub fn of(catalog: &Catalog, plan: &Plan) -> Outcome {
        let totals = plan::totals(catalog, plan);
        Outcome {
            cost: totals.cost,
            hours: totals.hours,
            steps: totals.steps,
            unknown: totals.unknown,
            finish: plan::schedule(catalog, plan).finish,
        }
    }
}

/// Keys while the comparison is open: take the cheapest or the fastest plan, or close.
pub(super) fn key(app: &mut App, key: KeyEvent, comparison: Comparison) -> Vec<Effect> {
    match app.keymap.action_in(Context::View, key) {
        Some(Action::UseCheapest) => {
            return recommendation::propose(app, comparison.cheapest, Objective::Cost);
        }
        Some(Action::UseFastest) => {
            return recommendation::propose(app, comparison.fastest, Objective::Hours);
        }
        Some(Action::CompareWithPlan) => {
            app.plans_next = crate::tui::app::PlansNext::Compare;
            return vec![Effect::ListPlans];
        }
        _ if super::closes(app, key, Action::Compare) => {}
        _ => app.overlay = Some(Overlay::Compare(Box::new(comparison))),
    }
    Vec::new()
}
