//! What covers the screen above the panes, and the state each overlay keeps.

use jiff::civil::Date;

use super::picker::Picker;
use crate::catalog::{Amount, Catalog, RoleIdx};
use crate::export::ExportFormat;
use crate::plan::{self, Objective, Plan, Recommendation};
use crate::tui::browser::Filter;
use crate::tui::input::TextInput;

/// What the plans picker is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlansMode {
    Choosing,
    Renaming { from: String, name: TextInput },
    ConfirmDelete { name: String },
}

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
}

impl Outcome {
    pub fn of(catalog: &Catalog, plan: &Plan) -> Outcome {
        let totals = plan::totals(catalog, plan);
        Outcome {
            cost: totals.cost,
            hours: totals.hours,
            steps: totals.steps,
            finish: plan::schedule(catalog, plan).finish,
        }
    }
}

/// A few labelled text fields, one with the keyboard.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub target: FormTarget,
    pub fields: Vec<FormField>,
    pub focused: usize,
    /// Why the last Enter was refused, or what the last paste or key could not fit, shown
    /// under the field at fault until the next key.
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FormField {
    pub label: &'static str,
    pub value: TextInput,
    /// How to fill it in, shown under it when it has the keyboard.
    pub hint: &'static str,
    /// Characters typed or pasted that did not fit since the form opened, told again on
    /// `Enter` so that a cut text is not saved in silence.
    pub left_out: usize,
}

/// What a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    Plan,
    Step(usize),
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
    },
}
