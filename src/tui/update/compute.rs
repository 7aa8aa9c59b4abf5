//! Recommending and comparing, off the event loop. The exact search can take seconds on a
//! large catalog or a role of a thousand skills; a [`Job`] carries everything it needs, the
//! event loop runs it on a worker thread, and its [`Done`] comes back as a message. Keys
//! keep working meanwhile, and a newer job (or `Esc`) makes an older answer stale.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::catalog::{Amount, Catalog, RoleIdx};
use crate::plan::{self, Holdings, Objective, Options, Plan, Recommendation, Status, Step, edit};
use crate::tui::app::{App, Comparison, Outcome};

/// How long a job searches before answering with the best plan found so far.
const SEARCH_TIME: Duration = Duration::from_secs(3);

/// What a job works out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// The best path for this objective, to put in the plan.
    Recommend(Objective),
    /// The cheapest and the fastest, beside the plan.
    Compare,
}

/// A search to run off the event loop, with everything it needs.
#[derive(Clone)]
pub struct Job {
    pub id: u64,
    pub kind: JobKind,
    catalog: Arc<Catalog>,
    role: RoleIdx,
    holdings: Holdings,
    budget: Option<Amount>,
    /// The hours the plan's finish-by date leaves, when it has one.
    max_hours: Option<Amount>,
    time_value: Option<Amount>,
    /// The plan when the job was asked for: answers are built on it.
    plan: Plan,
}

/// A job's answer.
#[derive(Debug, Clone)]
pub enum Answer {
    Recommend(Objective, Recommendation),
    Compare(Box<Comparison>),
}

#[derive(Debug, Clone)]
pub struct Done {
    pub id: u64,
    pub answer: Answer,
}

impl Job {
    /// A job for the app's plan, or `None` when it has no target role.
    pub fn for_app(app: &App, id: u64, kind: JobKind) -> Option<Job> {
        Some(Job {
            id,
            kind,
            catalog: Arc::clone(&app.catalog),
            role: app.derived.role?,
            holdings: holdings_for_recommendation(app),
            budget: app.plan.budget,
            max_hours: app.plan.hours_limit(app.today),
            time_value: app.plan.time_value,
            plan: app.plan.clone(),
        })
    }

    /// Runs the search: pure, and as long as it takes (bounded by [`SEARCH_TIME`]).
    pub fn run(self) -> Done {
        let answer = match self.kind {
            JobKind::Recommend(objective) => {
                Answer::Recommend(objective, self.recommend(objective))
            }
            JobKind::Compare => {
                let (cheapest, fastest) = (
                    self.recommend(Objective::Cost),
                    self.recommend(Objective::Hours),
                );
                let outcome = |recommendation: &Recommendation| {
                    Outcome::of(
                        &self.catalog,
                        &with_recommendation(&self.catalog, &self.plan, recommendation),
                    )
                };
                Answer::Compare(Box::new(Comparison {
                    cheapest_plan: outcome(&cheapest),
                    fastest_plan: outcome(&fastest),
                    cheapest,
                    fastest,
                }))
            }
        };
        Done {
            id: self.id,
            answer,
        }
    }

    fn recommend(&self, objective: Objective) -> Recommendation {
        let options = Options {
            objective,
            budget: self.budget,
            max_hours: self.max_hours,
            time_value: self.time_value,
            deadline: Some(Instant::now() + SEARCH_TIME),
            max_nodes: None,
        };
        plan::recommend(&self.catalog, self.role, &self.holdings, &options)
    }
}

/// What the learner has for recommending: the plan's `have` plus its steps that are done or
/// in progress (those stay in the plan).
fn holdings_for_recommendation(app: &App) -> Holdings {
    let mut holdings = app
        .derived
        .held
        .clone()
        .unwrap_or_else(|| Holdings::new(&app.catalog));
    for (step, idx) in app.plan.steps.iter().zip(&app.derived.step_credentials) {
        if let (Status::Done | Status::InProgress, Some(idx)) = (step.status, idx) {
            holdings.add_credential(&app.catalog, *idx);
        }
    }
    holdings
}

/// The plan with a recommendation put in: its steps done or in progress stay (a step in
/// progress with any prerequisite it still lacks before it), then the recommended steps.
pub fn with_recommendation(
    catalog: &Catalog,
    plan: &Plan,
    recommendation: &Recommendation,
) -> Plan {
    let mut changed = plan.clone();
    changed.steps.retain(|step| step.status == Status::Done);
    for step in plan
        .steps
        .iter()
        .filter(|step| step.status == Status::InProgress)
    {
        if let Some(added) = catalog
            .find_credential(&step.id)
            .and_then(|idx| edit::add_with_prerequisites(catalog, &changed, idx).ok())
        {
            changed = added.plan;
        }
        match changed.position(&step.id) {
            Some(at) => changed.steps[at] = step.clone(),
            None => changed.steps.push(step.clone()),
        }
    }
    for &idx in &recommendation.steps {
        let id = &catalog.credential(idx).id;
        if changed.position(id).is_none() {
            changed.steps.push(Step::planned(id.clone()));
        }
    }
    changed
}

/// Jobs compare by what they are, not by the catalog they carry.
impl PartialEq for Job {
    fn eq(&self, other: &Job) -> bool {
        self.id == other.id && self.kind == other.kind
    }
}

impl fmt::Debug for Job {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Job")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}
