//! Changes to a plan that keep it valid: add a credential with the cheapest missing
//! prerequisites before it, remove a step, move a step, mark a step's status. Each takes
//! the plan and returns the changed plan (so the app keeps the old one for undo), or an
//! [`EditError`] that says why not, naming the step involved.

mod describe;

use jiff::civil::Date;

use crate::catalog::{Catalog, CredentialIdx};
use crate::text::did_you_mean;

use super::check::{gives, order_gaps};
pub use describe::describe;

use super::{Holdings, Options, Plan, Status, Step, UnmetReason, cheapest_path};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no step {number}: the plan has {len} steps")]
    NoSuchStep { number: usize, len: usize },
    #[error("`{id}` is not in the catalogs{suggestion}")]
    UnknownCredential { id: String, suggestion: String },
    #[error("`{id}` is already in the plan (step {number})")]
    AlreadyPlanned { id: String, number: usize },
    #[error("`{id}` is already held")]
    AlreadyHeld { id: String },
    #[error("`{id}` is retired: it is no longer offered{successor}")]
    Retired {
        id: String,
        /// `; its successor is x/y`, or empty.
        successor: String,
    },
    #[error("cannot add `{id}`: it needs {requirement}, and {why}")]
    Unreachable {
        id: String,
        requirement: String,
        why: String,
    },
    #[error("cannot remove `{id}`: step {number} `{dependent}` needs {requirement}{given}")]
    Needed {
        id: String,
        number: usize,
        dependent: String,
        requirement: String,
        /// `, which it gives` when the requirement is a skill or a choice.
        given: String,
    },
    #[error("cannot move `{id}` past `{jumped}`: `{dependent}` needs {requirement}{via} first")]
    WouldJump {
        id: String,
        /// The step it would pass that the order depends on.
        jumped: String,
        dependent: String,
        requirement: String,
        /// ` (from `x`)` when the requirement is a skill or a choice.
        via: String,
    },
    #[error("`{id}` is already the {edge} step")]
    AtEdge { id: String, edge: &'static str },
    #[error("`{id}` is not retired: there is nothing to swap it for")]
    NotRetired { id: String },
    #[error("`{id}` is retired, but its catalog names no successor: replace it by hand")]
    NoSuccessor { id: String },
    #[error("`{id}` is done: a credential earned stays in the plan as it was earned")]
    DoneStays { id: String },
    #[error(
        "cannot swap `{id}` for `{successor}`: `{dependent}` needs {requirement}, which `{successor}` does not give before it; add that first"
    )]
    SuccessorNeeds {
        id: String,
        successor: String,
        dependent: String,
        requirement: String,
    },
}

/// A plan with a credential added, and every credential added (prerequisites first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub plan: Plan,
    pub added: Vec<CredentialIdx>,
}

/// Appends `idx` to the plan, preceded by the cheapest set (by cost, then hours, then
/// fewest) of credentials that makes its requirements satisfied in order. A stack is never
/// a step: its cheapest parts are added instead, and it is awarded after the last.
/// `added` lists the steps added, in order.
pub fn add_with_prerequisites(
    catalog: &Catalog,
    plan: &Plan,
    idx: CredentialIdx,
) -> Result<Added, EditError> {
    let credential = catalog.credential(idx);
    let id = credential.id.to_string();
    if let Some(i) = plan.position(&id) {
        return Err(EditError::AlreadyPlanned { id, number: i + 1 });
    }
    let mut had = Holdings::of_plan(catalog, plan);
    if had.has_credential(idx) {
        return Err(EditError::AlreadyHeld { id });
    }
    if credential.retired {
        let successor = catalog.successor(idx).map_or_else(String::new, |next| {
            format!("; its successor is {}", catalog.credential(next).id)
        });
        return Err(EditError::Retired { id, successor });
    }
    for step in plan.step_credentials(catalog).into_iter().flatten() {
        had.add_credential(catalog, step);
    }
    let path = cheapest_path(
        catalog,
        &credential.requires,
        &had,
        &[idx],
        &Options::default(),
    );
    if let Some(unmet) = path.unmet.first() {
        return Err(EditError::Unreachable {
            id,
            requirement: catalog.describe(&unmet.requirement),
            why: match unmet.reason {
                UnmetReason::NotTaught => "no credential teaches it".to_owned(),
                UnmetReason::Retired => "only retired credentials give it".to_owned(),
                UnmetReason::Experience { .. } => unmet.reason.explain(catalog),
                UnmetReason::Unobtainable | UnmetReason::Limits => {
                    "what gives it has prerequisites that cannot be met".to_owned()
                }
            },
        });
    }
    let mut added = path.steps;
    if !credential.stack {
        added.push(idx);
    }
    let mut plan = plan.clone();
    plan.steps.extend(
        added
            .iter()
            .map(|&c| Step::planned(catalog.credential(c).id.to_string())),
    );
    Ok(Added { plan, added })
}

/// Looks a credential up by id, with a suggestion when it is not there.
pub fn find(catalog: &Catalog, id: &str) -> Result<CredentialIdx, EditError> {
    catalog
        .find_credential(id)
        .ok_or_else(|| EditError::UnknownCredential {
            id: id.to_owned(),
            suggestion: did_you_mean(id, catalog.credential_id_strs()),
        })
}

fn check_index(plan: &Plan, index: usize) -> Result<(), EditError> {
    if index < plan.steps.len() {
        Ok(())
    } else {
        Err(EditError::NoSuchStep {
            number: index + 1,
            len: plan.steps.len(),
        })
    }
}

/// The first order gap of `after` that `before` did not have, as (step, requirement).
fn new_gap(catalog: &Catalog, before: &Plan, after: &Plan) -> Option<(usize, usize)> {
    let gaps = |plan: &Plan| {
        let have = Holdings::of_plan(catalog, plan);
        let steps = plan.step_credentials(catalog);
        order_gaps(catalog, &have, &steps)
            .into_iter()
            .map(|(i, r)| (i, r, plan.steps[i].id.clone()))
            .collect::<Vec<_>>()
    };
    let old = gaps(before);
    gaps(after)
        .into_iter()
        .find(|(_, r, id)| !old.iter().any(|(_, r0, id0)| r0 == r && id0 == id))
        .map(|(i, r, _)| (i, r))
}

/// Puts the successor of a retired step's credential in its place (the last of the chain of
/// successors, which is not retired), planned, keeping the step's note.
pub fn swap_successor(catalog: &Catalog, plan: &Plan, index: usize) -> Result<Plan, EditError> {
    check_index(plan, index)?;
    let id = plan.steps[index].id.clone();
    let idx = find(catalog, &id)?;
    let Some(next) = catalog.successor(idx) else {
        return Err(if catalog.credential(idx).retired {
            EditError::NoSuccessor { id }
        } else {
            EditError::NotRetired { id }
        });
    };
    if plan.steps[index].status == Status::Done {
        return Err(EditError::DoneStays { id });
    }
    let successor = catalog.credential(next).id.to_string();
    if let Some(i) = plan.position(&successor) {
        return Err(EditError::AlreadyPlanned {
            id: successor,
            number: i + 1,
        });
    }
    if Holdings::of_plan(catalog, plan).has_credential(next) {
        return Err(EditError::AlreadyHeld { id: successor });
    }
    let mut after = plan.clone();
    let step = &mut after.steps[index];
    step.id = successor;
    step.status = Status::Planned;
    step.completed = None;
    if let Some((i, r)) = new_gap(catalog, plan, &after) {
        let dependent = after.steps[i].id.clone();
        return Err(EditError::SuccessorNeeds {
            id,
            successor: after.steps[index].id.clone(),
            requirement: requirement_of(catalog, &dependent, r),
            dependent,
        });
    }
    Ok(after)
}

/// Removes a step, refused while a later step needs it.
pub fn remove_step(catalog: &Catalog, plan: &Plan, index: usize) -> Result<Plan, EditError> {
    check_index(plan, index)?;
    let mut after = plan.clone();
    let removed = after.steps.remove(index);
    if let Some((i, r)) = new_gap(catalog, plan, &after) {
        let dependent = after.steps[i].id.clone();
        let requirement = requirement_of(catalog, &dependent, r);
        let given = if requirement == removed.id {
            String::new()
        } else {
            ", which it gives".to_owned()
        };
        // `i` counts steps after the removal; every affected step came after the removed one.
        return Err(EditError::Needed {
            id: removed.id,
            number: i + 2,
            dependent,
            requirement,
            given,
        });
    }
    Ok(after)
}

fn requirement_of(catalog: &Catalog, id: &str, r: usize) -> String {
    catalog.find_credential(id).map_or_else(String::new, |idx| {
        catalog.describe(&catalog.credential(idx).requires[r])
    })
}

/// Moves step `from` to position `to` (both 0-based), refused where that breaks the order.
pub fn move_step(
    catalog: &Catalog,
    plan: &Plan,
    from: usize,
    to: usize,
) -> Result<Plan, EditError> {
    check_index(plan, from)?;
    check_index(plan, to)?;
    let mut after = plan.clone();
    let step = after.steps.remove(from);
    after.steps.insert(to, step);
    if let Some((i, r)) = new_gap(catalog, plan, &after) {
        let dependent = after.steps[i].id.clone();
        let requirement_text = requirement_of(catalog, &dependent, r);
        // The step that gives the requirement and now comes after the one needing it.
        let supplier = catalog.find_credential(&dependent).and_then(|d| {
            let requirement = &catalog.credential(d).requires[r];
            after.steps[i + 1..]
                .iter()
                .filter_map(|s| catalog.find_credential(&s.id))
                .find(|&s| gives(catalog, s, requirement))
        });
        let supplier = supplier.map(|s| catalog.credential(s).id.to_string());
        let via = match &supplier {
            Some(s) if *s != requirement_text => format!(" (from `{s}`)"),
            _ => String::new(),
        };
        let id = plan.steps[from].id.clone();
        let jumped = if id == dependent {
            supplier.unwrap_or_else(|| requirement_text.clone())
        } else {
            dependent.clone()
        };
        return Err(EditError::WouldJump {
            id,
            jumped,
            dependent,
            requirement: requirement_text,
            via,
        });
    }
    Ok(after)
}

pub fn move_up(catalog: &Catalog, plan: &Plan, index: usize) -> Result<Plan, EditError> {
    check_index(plan, index)?;
    if index == 0 {
        return Err(EditError::AtEdge {
            id: plan.steps[index].id.clone(),
            edge: "first",
        });
    }
    move_step(catalog, plan, index, index - 1)
}

pub fn move_down(catalog: &Catalog, plan: &Plan, index: usize) -> Result<Plan, EditError> {
    check_index(plan, index)?;
    if index + 1 == plan.steps.len() {
        return Err(EditError::AtEdge {
            id: plan.steps[index].id.clone(),
            edge: "last",
        });
    }
    move_step(catalog, plan, index, index + 1)
}

/// Marks a step planned, in progress or done. Done needs a completion date: `completed`,
/// or else `today` (the caller's clock; the core never reads one).
pub fn set_status(
    plan: &Plan,
    index: usize,
    status: Status,
    completed: Option<Date>,
    today: Date,
) -> Result<Plan, EditError> {
    check_index(plan, index)?;
    let mut after = plan.clone();
    let step = &mut after.steps[index];
    step.status = status;
    step.completed = (status == Status::Done).then(|| completed.unwrap_or(today));
    Ok(after)
}

#[cfg(test)]
mod tests;
