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
//! - [`file`]: the plan file of SPEC §2 (`format: 1`).

mod check;
pub mod edit;
pub mod file;
#[cfg(test)]
mod fixture;
mod holdings;
mod model;
mod order;
mod recommend;
mod schedule;

pub use check::{Violation, ViolationKind, check};
pub use holdings::Holdings;
pub use model::{DEFAULT_HOURS_PER_WEEK, Have, Plan, Status, Step};
pub use order::natural_order;
pub use recommend::{
    Objective, Options, Recommendation, Unmet, UnmetReason, cheapest_path, recommend,
};
pub use schedule::{Schedule, StepDates, schedule};
