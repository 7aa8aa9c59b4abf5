//! The app's model: plain data the update changes and the view reads.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::browser::{Browser, Filter, SearchIndex};
use super::keymap::Keymap;
use crate::catalog::{Amount, Catalog, CredentialIdx, LeftOut, Problem, Requirement, RoleIdx};
use crate::export::ExportFormat;
use crate::plan::{
    self, Holdings, Objective, Plan, Recommendation, Schedule, Status, Violation, ViolationKind,
};

/// The panes that take the keyboard, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Catalog,
    Plan,
    Info,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Catalog, Pane::Plan, Pane::Info];

    #[must_use]
    pub fn next(self) -> Pane {
        match self {
            Pane::Catalog => Pane::Plan,
            Pane::Plan => Pane::Info,
            Pane::Info => Pane::Catalog,
        }
    }

    #[must_use]
    pub fn previous(self) -> Pane {
        match self {
            Pane::Catalog => Pane::Info,
            Pane::Plan => Pane::Catalog,
            Pane::Info => Pane::Plan,
        }
    }
}

/// What the info pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InfoView {
    #[default]
    Detail,
    Gap,
    Timeline,
}

/// The timeline's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Month,
    Week,
}

/// A message in the status bar; errors explain a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}

/// A list that filters as you type; `Enter` chooses, `Esc` cancels.
#[derive(Debug, Clone, Default)]
pub struct Picker<T> {
    pub query: String,
    pub items: Vec<PickerItem<T>>,
    /// Indices into `items` that match the query, in order.
    pub shown: Vec<usize>,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct PickerItem<T> {
    pub label: String,
    pub detail: String,
    pub value: T,
}

impl<T: Clone> Picker<T> {
    pub fn new(items: Vec<PickerItem<T>>) -> Picker<T> {
        let mut picker = Picker {
            query: String::new(),
            items,
            shown: Vec::new(),
            selected: 0,
        };
        picker.refilter();
        picker
    }

    /// Keeps the items whose label or detail contains every word of the query.
    pub fn refilter(&mut self) {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.shown = (0..self.items.len())
            .filter(|&i| {
                let item = &self.items[i];
                let text = format!("{} {}", item.label, item.detail).to_lowercase();
                words.iter().all(|word| text.contains(word.as_str()))
            })
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&PickerItem<T>> {
        self.shown.get(self.selected).map(|&i| &self.items[i])
    }
}

/// What the plans picker is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlansMode {
    Choosing,
    Renaming { from: String, name: String },
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
        let credentials: Vec<&crate::catalog::Credential> = plan
            .step_credentials(catalog)
            .into_iter()
            .flatten()
            .map(|idx| catalog.credential(idx))
            .collect();
        Outcome {
            cost: credentials.iter().map(|credential| credential.cost).sum(),
            hours: credentials.iter().map(|credential| credential.hours).sum(),
            steps: plan.steps.len(),
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
    pub value: String,
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

/// Plans before and after the current one, for undo and redo.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub past: Vec<Plan>,
    pub future: Vec<Plan>,
}

impl History {
    /// The plan was renamed: undo and redo must not bring the old name back.
    pub fn rename(&mut self, to: &str) {
        for plan in self.past.iter_mut().chain(&mut self.future) {
            to.clone_into(&mut plan.name);
        }
    }
}

/// Undo reaches back this many changes.
pub const HISTORY_LIMIT: usize = 200;

/// How a role requirement is met by the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetBy {
    Held,
    /// By the end of this step (0-based).
    Step(usize),
    Unmet,
}

/// How far ahead the header counts expiring credentials.
pub const EXPIRING_MONTHS: u32 = 6;
/// What the view needs that follows from the plan, computed once per change.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub role: Option<RoleIdx>,
    /// Each step's credential, `None` when the catalog no longer has it.
    pub step_credentials: Vec<Option<CredentialIdx>>,
    pub in_plan: HashMap<CredentialIdx, usize>,
    /// What the plan's `have` gives.
    pub held: Option<Holdings>,
    pub schedule: Option<Schedule>,
    /// Each role requirement and what meets it.
    pub gap: Vec<(Requirement, MetBy)>,
    pub violations: Vec<Violation>,
    pub total_cost: Amount,
    pub total_hours: Amount,
    pub done: usize,
    /// Held or done credentials expiring within [`EXPIRING_MONTHS`] (or already expired).
    pub expiring: usize,
}

impl Derived {
    pub fn met(&self) -> usize {
        self.gap
            .iter()
            .filter(|(_, by)| *by != MetBy::Unmet)
            .count()
    }

    /// The step index of a credential in the plan.
    pub fn step_of(&self, idx: CredentialIdx) -> Option<usize> {
        self.in_plan.get(&idx).copied()
    }

    pub fn is_held(&self, idx: CredentialIdx) -> bool {
        self.held
            .as_ref()
            .is_some_and(|held| held.has_credential(idx))
    }
}

/// The whole app.
#[derive(Debug)]
pub struct App {
    pub catalog: Arc<Catalog>,
    pub index: Arc<SearchIndex>,
    /// Problems of the last catalog reload that failed (the last good catalog stays), or of
    /// the files left out at start.
    pub problems: Vec<Problem>,
    /// The text of each file with a problem, as it was read, to show a problem's lines.
    pub problem_texts: HashMap<Arc<str>, Arc<str>>,
    /// The path on disk of each file with a problem, for the editor.
    pub problem_paths: HashMap<Arc<str>, std::path::PathBuf>,
    /// Catalog files left out at start because they have errors: their steps are
    /// unavailable, not missing, until the files are fixed.
    pub left_out: Vec<LeftOut>,
    pub plan: Plan,
    /// Set when changes cannot be saved: why, shown in the header.
    pub read_only: Option<String>,
    /// An edit of the read-only plan was refused: the plan is to be taken back if the
    /// upskill that had it open has closed it.
    pub reclaim: bool,
    /// The last save failed: why (the app keeps working and retries on the next change).
    pub save_error: Option<String>,
    pub today: Date,
    pub keymap: Keymap,
    pub focus: Pane,
    pub info: InfoView,
    pub scale: Scale,
    pub objective: Objective,
    pub browser: Browser,
    pub plan_selected: usize,
    pub gap_selected: usize,
    pub info_scroll: u16,
    /// How far the info pane can scroll, as last drawn.
    pub info_max_scroll: u16,
    /// How many columns (months or weeks) the timeline is scrolled on from its start, and
    /// how far it can go, as last drawn.
    pub timeline_shift: usize,
    pub timeline_max_shift: usize,
    /// How far the help can scroll, from the last frame.
    pub overlay_max_scroll: u16,
    /// The list the detail follows: the catalog or the plan, whichever had the focus last.
    pub detail_from: Pane,
    /// Rows in the focused list as last drawn, for paging.
    pub page_rows: usize,
    pub overlay: Option<Overlay>,
    pub status: Option<StatusLine>,
    /// The search running off the event loop, if any: its id and what it is for.
    pub computing: Option<(u64, crate::tui::update::JobKind)>,
    /// The id of the last job asked for.
    pub next_job: u64,
    pub history: History,
    /// The undo histories of plans switched away from this session, each with the plan as
    /// it was left: reopened unchanged, a plan gets its history back.
    pub shelved: HashMap<String, (Plan, History)>,
    pub derived: Derived,
    pub quit: bool,
    /// Quitting failed to save a change and said so: quitting again loses it.
    pub quit_armed: bool,
    /// The signal that ended the app (SIGTERM, SIGINT, SIGHUP), for its exit code.
    pub exit_signal: Option<i32>,
}

impl App {
    pub fn new(catalog: Arc<Catalog>, plan: Plan, today: Date) -> App {
        let index = Arc::new(SearchIndex::build(&catalog));
        let mut app = App {
            catalog,
            index,
            problems: Vec::new(),
            problem_texts: HashMap::new(),
            problem_paths: HashMap::new(),
            left_out: Vec::new(),
            plan,
            read_only: None,
            reclaim: false,
            save_error: None,
            today,
            keymap: Keymap::default(),
            focus: Pane::Catalog,
            info: InfoView::Detail,
            scale: Scale::Month,
            objective: Objective::Cost,
            browser: Browser::default(),
            plan_selected: 0,
            gap_selected: 0,
            info_scroll: 0,
            info_max_scroll: u16::MAX,
            timeline_shift: 0,
            timeline_max_shift: usize::MAX,
            overlay_max_scroll: u16::MAX,
            detail_from: Pane::Catalog,
            page_rows: 10,
            overlay: None,
            status: None,
            computing: None,
            next_job: 0,
            history: History::default(),
            shelved: HashMap::new(),
            derived: Derived::default(),
            quit: false,
            quit_armed: false,
            exit_signal: None,
        };
        app.browser.refresh(&app.catalog, &app.index);
        app.refresh_plan();
        app
    }

    /// Gives a pane the keyboard; the detail follows the catalog or the plan, whichever had
    /// it last.
    pub fn focus_on(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Info {
            self.detail_from = pane;
        }
    }

    /// Whether work is unfinished (a large search): the event loop then ticks instead of
    /// waiting for a key.
    pub fn busy(&self) -> bool {
        self.browser.searching() || self.computing.is_some()
    }

    /// Recomputes everything that follows from the plan; call after every plan change.
    pub fn refresh_plan(&mut self) {
        let catalog = &*self.catalog;
        let plan = &self.plan;
        let step_credentials = plan.step_credentials(catalog);
        let in_plan = step_credentials
            .iter()
            .enumerate()
            .filter_map(|(i, idx)| idx.map(|idx| (idx, i)))
            .collect();
        let held = Holdings::of_plan(catalog, plan);
        let role = plan.role_in(catalog);
        let gap = role
            .map(|role| gap(catalog, role, &held, &step_credentials))
            .unwrap_or_default();
        let steps = step_credentials
            .iter()
            .flatten()
            .map(|&idx| catalog.credential(idx));
        let (total_cost, total_hours) = steps
            .fold((Amount::ZERO, Amount::ZERO), |(cost, hours), credential| {
                (cost + credential.cost, hours + credential.hours)
            });
        self.derived = Derived {
            role,
            in_plan,
            held: Some(held),
            schedule: Some(plan::schedule(catalog, plan)),
            gap,
            violations: plan::check(catalog, plan)
                .into_iter()
                .filter(|violation| match &violation.kind {
                    // A step or role from a file left out is not the plan's fault.
                    ViolationKind::UnknownCredential { id, .. } => {
                        crate::catalog::defining(&self.left_out, id).is_none()
                    }
                    ViolationKind::UnknownRole { .. } => self.left_out.is_empty(),
                    _ => true,
                })
                .collect(),
            total_cost,
            total_hours,
            done: plan
                .steps
                .iter()
                .filter(|step| step.status == Status::Done)
                .count(),
            expiring: plan::renewals(catalog, plan)
                .iter()
                .filter(|renewal| plan::due_within(renewal, self.today, EXPIRING_MONTHS))
                .count(),
            step_credentials,
        };
        self.plan_selected = self
            .plan_selected
            .min(self.plan.steps.len().saturating_sub(1));
        self.gap_selected = self
            .gap_selected
            .min(self.derived.gap.len().saturating_sub(1));
    }

    /// Holdings before step `index`: what is held plus the steps before it.
    pub fn holdings_before(&self, index: usize) -> Holdings {
        let mut holdings = self
            .derived
            .held
            .clone()
            .unwrap_or_else(|| Holdings::new(&self.catalog));
        for idx in self.derived.step_credentials.iter().take(index).flatten() {
            holdings.add_credential(&self.catalog, *idx);
        }
        holdings
    }

    /// The list an action on "the selected" thing acts on: the focused one, except that the
    /// detail acts for the list it shows. (The timeline marks no step, so it acts on none.)
    pub fn acting_pane(&self) -> Pane {
        match (self.focus, self.info) {
            (Pane::Info, InfoView::Detail) => self.detail_from,
            (pane, _) => pane,
        }
    }

    pub fn selected_credential(&self) -> Option<CredentialIdx> {
        self.detail_subject().flatten()
    }

    /// What the detail shows: the selected step's credential (`Some(None)` for a step the
    /// catalogs lack) or the selected catalog credential, from the list it follows.
    pub fn detail_subject(&self) -> Option<Option<CredentialIdx>> {
        let from = if self.focus == Pane::Info {
            self.detail_from
        } else {
            self.focus
        };
        match from {
            Pane::Plan => self
                .derived
                .step_credentials
                .get(self.plan_selected)
                .copied(),
            Pane::Catalog | Pane::Info => Some(self.browser.selection()),
        }
    }

    /// Switches to `plan`: the current plan's undo history is kept for when it is reopened,
    /// and `plan` gets back the one it had, if it is as it was left.
    pub fn switch_plan(&mut self, plan: Plan) {
        let left = std::mem::replace(&mut self.plan, plan);
        let history = std::mem::take(&mut self.history);
        if !history.past.is_empty() || !history.future.is_empty() {
            self.shelved.insert(left.name.clone(), (left, history));
        }
        if let Some((as_left, history)) = self.shelved.remove(&self.plan.name)
            && as_left == self.plan
        {
            self.history = history;
        }
        self.refresh_plan();
    }

    /// The catalog file left out at start that defines (or may define) a step's credential,
    /// when the catalogs do not have it.
    pub fn unavailable(&self, step: usize) -> Option<&LeftOut> {
        if self.derived.step_credentials.get(step)?.is_some() {
            return None;
        }
        crate::catalog::defining(&self.left_out, &self.plan.steps.get(step)?.id)
    }

    pub fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: crate::text::sanitize_line(&text.into()).into_owned(),
            kind,
        });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text);
    }

    pub fn refuse(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Error, text);
    }
}

/// Each role requirement with what meets it: held, the first step after which it holds, or
/// nothing.
fn gap(
    catalog: &Catalog,
    role: RoleIdx,
    held: &Holdings,
    steps: &[Option<CredentialIdx>],
) -> Vec<(Requirement, MetBy)> {
    let requirements = &catalog.role(role).requirements;
    let mut found: Vec<(Requirement, MetBy)> = requirements
        .iter()
        .map(|requirement| {
            (
                requirement.clone(),
                if held.satisfies(requirement) {
                    MetBy::Held
                } else {
                    MetBy::Unmet
                },
            )
        })
        .collect();
    let mut holdings = held.clone();
    for (i, idx) in steps.iter().enumerate() {
        let Some(idx) = idx else { continue };
        holdings.add_step(catalog, *idx);
        for (requirement, by) in &mut found {
            if *by == MetBy::Unmet && holdings.satisfies(requirement) {
                *by = MetBy::Step(i);
            }
        }
    }
    found
}
