//! Plans and their rules (SPEC §2): what a learner has, the exact recommender, the natural
//! valid order, the edits that keep a plan valid, the violations of a plan, the schedule and
//! the plan file. Pure: no terminal, no clock, no files (the caller passes `today`).
//!
//! - [`Plan`], [`Step`], [`Status`]: a learner's plan, with ids kept as written.
//! - [`Holdings`]: what is held at one point of a plan, and what it satisfies.
//! - [`recommend()`]: the provably best set of credentials for a role, in a valid order.
//! - [`natural_order`]: a valid order that reads foundations first.
//! - [`edit`]: add with prerequisites, remove, move, mark status, each refused with a reason.
//! - [`check()`]: every violation of a plan.
//! - [`schedule()`]: start, end and renewal dates of the steps.
//! - [`file`]: the plan file of SPEC §2 (`format: 1`), and a person's profile file.
//! - [`Profile`]: a person, whose holdings and settings their plans share.
//! - [`coverage()`]: which role requirements a whole plan meets, and what meets each.
//! - [`totals()`]: what a plan's steps cost and take, and how many are done.
//! - [`progress()`]: steps done, the next step, on track or behind on a given day.
//! - [`renewals()`]: held and done credentials that expire, and when.

mod awards;
mod check;
pub mod clients;
mod compare;
mod coverage;
pub mod deadline;
pub mod edit;
pub mod file;
#[cfg(test)]
pub(crate) mod fixture;
mod holdings;
mod model;
mod order;
mod profile;
mod progress;
mod recommend;
mod renewals;
mod schedule;
mod standing;
mod totals;

pub use awards::{Awards, awards};
pub use check::{Violation, ViolationKind, check};
pub use compare::{PlanComparison, Side, compare_plans};
pub use coverage::{Coverage, MetBy, counts_toward, coverage, coverage_of, teachers_of};
pub use holdings::{Eligibility, Holdings, held_expiry};
pub use model::{
    DEFAULT_HOURS_PER_WEEK, Experience, Have, Holding, MAX_TIME_VALUE, Overrides, Person, Plan,
    Status, Step, Tenure, time_value,
};
pub use order::natural_order;
pub use profile::Profile;
pub use progress::{Progress, Tracking, progress};
pub use recommend::{
    Gap, Objective, Options, Recommendation, Unmet, UnmetReason, cheapest_path, lp_root_bound,
    recommend,
};
pub use renewals::{Basis, Renewal, due_within, horizon, renewals, rule_in as renewal_rule};
pub use schedule::{Schedule, StepDates, expiry, schedule};
pub use standing::Standing;
pub use totals::{
    Totals, UnknownSteps, at_least, at_least_short, not_before, not_before_short, totals,
};
