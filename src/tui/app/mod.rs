//! The app's model: plain data the update changes and the view reads.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::browser::{Browser, Listing, SearchIndex};

mod history;
mod screen;

use super::keymap::Keymap;
use crate::catalog::cache::FirstLook;
use crate::catalog::{Catalog, CredentialIdx, LeftOut, Problem, Requirement, RoleIdx};
pub use crate::plan::MetBy;
use crate::plan::{self, Holdings, Objective, Plan, Schedule, Totals, Violation, ViolationKind};
pub use crate::tui::overlay::{
    BadgeImport, ClientLine, Clients, Comparison, Confirm, Form, FormField, FormTarget, Outcome,
    Overlay, Picker, PickerItem, PlansMode, Stage,
};
pub use history::{HISTORY_LIMIT, History};
pub use screen::{InfoView, Pane, Scale, StatusKind, StatusLine};

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
    pub totals: Totals,
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

/// What the detail shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Credential(CredentialIdx),
    /// The selected step's credential, which the catalogs loaded lack.
    Missing,
    /// Nothing is selected.
    Nothing,
}

/// The whole app.
// Plain data: each flag is a fact of its own, not a state one enum would name.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug)]
pub struct App {
    pub catalog: Arc<Catalog>,
    pub index: Arc<SearchIndex>,
    /// A first look at a large catalog (ids, titles and what the list shows, nothing to plan
    /// with), listed while the rest loads; `catalog` then holds only its providers and
    /// currency. See [`App::first_look`].
    pub first_look: Option<FirstLook>,
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
    /// The path last typed in the badge import dialog, offered again when it opens.
    pub badges_path: String,
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
    /// How the clients view sorts the people, kept between openings.
    pub people_sort: crate::plan::clients::SortBy,
    /// What the plans list opens for next.
    pub plans_next: PlansNext,
}

/// What the plans list opens for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PlansNext {
    /// Every plan, to open, start, rename or delete.
    #[default]
    All,
    /// One person's plans alone (Enter on a person in the clients view).
    Of(String),
    /// A plan to compare the open one with.
    Compare,
}

impl App {
    pub fn new(catalog: Arc<Catalog>, plan: Plan, today: Date) -> App {
        let index = Arc::new(SearchIndex::build(&catalog));
        let mut app = App {
            catalog,
            index,
            first_look: None,
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
            badges_path: String::new(),
            status: None,
            computing: None,
            next_job: 0,
            history: History::default(),
            shelved: HashMap::new(),
            derived: Derived::default(),
            quit: false,
            quit_armed: false,
            exit_signal: None,
            people_sort: crate::plan::clients::SortBy::default(),
            plans_next: PlansNext::All,
        };
        app.browser.refresh(&*app.catalog, &app.index);
        app.refresh_plan();
        app
    }

    /// The app on a first look at a large catalog (see `catalog::cache::Start`), `catalog`
    /// holding its providers and currency: the list shows the look, but nothing is searched,
    /// planned or detailed over it until the whole catalog replaces it. No search index is
    /// built and nothing follows from the plan yet.
    pub fn first_look(catalog: Arc<Catalog>, look: FirstLook, plan: Plan, today: Date) -> App {
        let mut app = App::new(catalog, plan, today);
        app.first_look = Some(look);
        // Nothing follows from the plan until the whole catalog is in.
        app.derived = Derived::default();
        app.browser.reset_cache();
        let listing = Listing::of(&app.catalog, app.first_look.as_ref());
        app.browser.refresh(listing, &app.index);
        app
    }

    /// What the catalog list shows: the first look while there is one, else the catalog.
    pub fn listing(&self) -> Listing<'_> {
        Listing::of(&self.catalog, self.first_look.as_ref())
    }

    /// Whether the app is on a first look at a large catalog, the rest still loading.
    pub fn on_first_look(&self) -> bool {
        self.first_look.is_some()
    }

    /// Gives a pane the keyboard; the detail follows the catalog or the plan, whichever had
    /// it last.
    pub fn focus_on(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Info {
            self.detail_from = pane;
        }
    }

    /// Whether work is unfinished (a large search, a recommendation, the rest of a catalog
    /// after a first look): the event loop then ticks instead of waiting for a key.
    pub fn busy(&self) -> bool {
        self.browser.searching() || self.computing.is_some() || self.on_first_look()
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
            .map(|role| {
                let coverage = plan::coverage_of(catalog, role, &held, &step_credentials);
                let requirements = catalog.role(role).requirements.iter().cloned();
                requirements.zip(coverage.met_by).collect()
            })
            .unwrap_or_default();
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
            totals: plan::totals(catalog, plan),
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
        match self.detail_subject() {
            Subject::Credential(idx) => Some(idx),
            Subject::Missing | Subject::Nothing => None,
        }
    }

    /// What the detail shows: the selected step's or catalog credential, from the list it
    /// follows.
    pub fn detail_subject(&self) -> Subject {
        let from = if self.focus == Pane::Info {
            self.detail_from
        } else {
            self.focus
        };
        let selected = match from {
            Pane::Plan => match self.derived.step_credentials.get(self.plan_selected) {
                Some(None) => return Subject::Missing,
                Some(Some(idx)) => Some(*idx),
                None => None,
            },
            Pane::Catalog | Pane::Info => self.browser.selection(),
        };
        selected.map_or(Subject::Nothing, Subject::Credential)
    }

    /// Switches to `plan`: the current plan's undo history is kept for when it is reopened,
    /// and `plan` gets back the one it had, if it is as it was left.
    pub fn switch_plan(&mut self, plan: Plan) {
        // A search started for the plan left is no answer for this one.
        self.computing = None;
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
