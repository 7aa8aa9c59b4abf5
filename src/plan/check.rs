//! Every way a plan breaks SPEC §2: steps out of order, duplicated, already held, unknown
//! or retired; unknown ids in `have` or `role`; role requirements the whole plan leaves
//! unmet. Each violation says which step and why, in words a user can act on.

use std::fmt;

use jiff::civil::Date;

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement};
use crate::text::{closest, sanitize_line};

use super::coverage::{coverage, teachers_of};
use super::holdings::held_expiry;
use super::renewals::rule_in;
use super::{Holdings, Plan, Status, UnmetReason};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The step (0-based) it is about, if any.
    pub step: Option<usize>,
    pub kind: ViolationKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViolationKind {
    UnknownRole {
        id: String,
        suggestion: Option<String>,
    },
    UnknownHeldCredential {
        id: String,
        suggestion: Option<String>,
    },
    UnknownHeldSkill {
        id: String,
        suggestion: Option<String>,
    },
    /// A held credential that expired before the plan starts: it no longer counts.
    ExpiredHeld {
        id: String,
        expired: Date,
        /// How it renews, in the catalog's words, when it says.
        rule: Option<String>,
    },
    /// The step names a credential no catalog has (kept, marked missing).
    UnknownCredential {
        id: String,
        suggestion: Option<String>,
    },
    /// The step's credential is retired and the step is not done.
    Retired {
        id: String,
        /// The id of the credential that replaces it, when the catalog names one.
        successor: Option<String>,
    },
    Duplicate {
        id: String,
        first: usize,
    },
    /// Experience the learner does not have and is not gaining keeps the step out of reach
    /// for good; `reason` says which.
    Barred {
        id: String,
        reason: String,
    },
    /// The step is a stack: awarded when its parts are held, never taken.
    Stack {
        id: String,
    },
    AlreadyHeld {
        id: String,
    },
    /// A requirement of the step is not satisfied before it; `later` is the first later
    /// step that would satisfy it.
    OutOfOrder {
        id: String,
        requirement: String,
        later: Option<(usize, String)>,
    },
    /// A role requirement the whole plan leaves unmet.
    UnmetRole {
        role: String,
        requirement: String,
        teachers: Vec<String>,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let say = |f: &mut fmt::Formatter<'_>, id: &str| match self.step {
            Some(step) => write!(f, "step {} ({}): ", step + 1, sanitize_line(id)),
            None => Ok(()),
        };
        let hint = |suggestion: &Option<String>| {
            suggestion.as_deref().map_or_else(String::new, |s| {
                format!("; did you mean `{}`?", sanitize_line(s))
            })
        };
        match &self.kind {
            ViolationKind::UnknownRole { id, suggestion } => {
                write!(
                    f,
                    "role `{}` is not in the catalogs{}",
                    sanitize_line(id),
                    hint(suggestion)
                )
            }
            ViolationKind::UnknownHeldCredential { id, suggestion } => write!(
                f,
                "have: credential `{}` is not in the catalogs{}",
                sanitize_line(id),
                hint(suggestion)
            ),
            ViolationKind::ExpiredHeld { id, expired, rule } => {
                expired_held(f, id, *expired, rule.as_deref())
            }
            ViolationKind::UnknownHeldSkill { id, suggestion } => write!(
                f,
                "have: skill `{}` is not in the catalogs{}",
                sanitize_line(id),
                hint(suggestion)
            ),
            ViolationKind::UnknownCredential { id, suggestion } => {
                say(f, id)?;
                write!(
                    f,
                    "missing: no catalog has this credential{}",
                    hint(suggestion)
                )
            }
            kind @ (ViolationKind::Retired { id, .. }
            | ViolationKind::Barred { id, .. }
            | ViolationKind::Stack { id }) => {
                say(f, id)?;
                f.write_str(&real_world_rule(kind))
            }
            ViolationKind::Duplicate { id, first } => {
                say(f, id)?;
                write!(f, "duplicate: already step {}", first + 1)
            }
            ViolationKind::AlreadyHeld { id } => {
                say(f, id)?;
                write!(f, "already held (listed in `have`)")
            }
            ViolationKind::OutOfOrder {
                id,
                requirement,
                later,
            } => {
                say(f, id)?;
                write!(f, "needs {}, ", sanitize_line(requirement))?;
                match later {
                    Some((step, by)) if by == requirement => {
                        write!(f, "which comes after it (step {})", step + 1)
                    }
                    Some((step, by)) => write!(
                        f,
                        "which comes after it (step {}, {})",
                        step + 1,
                        sanitize_line(by)
                    ),
                    None => write!(f, "which nothing held or earlier in the plan gives"),
                }
            }
            ViolationKind::UnmetRole {
                role,
                requirement,
                teachers,
            } => {
                write!(
                    f,
                    "role {}: {} is not met by the plan",
                    sanitize_line(role),
                    sanitize_line(requirement)
                )?;
                if !teachers.is_empty() {
                    let list: Vec<String> = teachers
                        .iter()
                        .map(|t| sanitize_line(t).into_owned())
                        .collect();
                    write!(f, " (add one of: {})", list.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

/// For each step whose credential is known, each of its requirements (by position) not
/// satisfied by what is held and the steps before it.
pub(super) fn order_gaps(
    catalog: &Catalog,
    have: &Holdings,
    steps: &[Option<CredentialIdx>],
) -> Vec<(usize, usize)> {
    let mut had = have.clone();
    let mut gaps = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let Some(idx) = *step else { continue };
        for (r, requirement) in catalog.credential(idx).requires.iter().enumerate() {
            if !had.satisfies(requirement) {
                gaps.push((i, r));
            }
        }
        had.add_credential(catalog, idx);
    }
    gaps
}

/// Whether a credential would satisfy a requirement by itself.
pub(super) fn gives(catalog: &Catalog, idx: CredentialIdx, requirement: &Requirement) -> bool {
    requirement.atoms().iter().any(|&atom| match atom {
        Atom::Credential(c) => c == idx,
        Atom::Skill(s) => catalog.credential(idx).skills.contains(&s),
        Atom::Experience(_) => false,
    })
}

/// What a step breaks of the real world's rules: retired, out of reach for want of
/// experience, or a stack (awarded, never taken).
fn real_world_rule(kind: &ViolationKind) -> String {
    match kind {
        ViolationKind::Retired { successor, .. } => {
            let then = successor.as_deref().map_or_else(
                || "replace it or mark it done".to_owned(),
                |next| format!("its successor is {next}: swap it in, or mark this step done"),
            );
            format!("retired: no longer offered; {then}")
        }
        ViolationKind::Barred { reason, .. } => format!(
            "{}; add the learner's experience to the plan, or remove this step",
            sanitize_line(reason)
        ),
        _ => "a stack, awarded when its parts are held: plan its parts and remove this step"
            .to_owned(),
    }
}

fn expired_held(
    f: &mut fmt::Formatter<'_>,
    id: &str,
    expired: Date,
    rule: Option<&str>,
) -> fmt::Result {
    let rule = rule.map_or_else(String::new, |rule| format!(" ({})", sanitize_line(rule)));
    write!(
        f,
        "held credential `{}` expired on {expired}, so it no longer counts; renew it or take it again{rule}",
        sanitize_line(id)
    )
}

/// What is wrong with what the learner holds: ids no catalog has, credentials expired
/// before the plan starts.
fn held_problems(catalog: &Catalog, plan: &Plan) -> Vec<Violation> {
    let mut found = Vec::new();
    let whole_plan = |kind| Violation { step: None, kind };
    for id in &plan.have.credentials {
        let Some(idx) = catalog.find_credential(id) else {
            found.push(whole_plan(ViolationKind::UnknownHeldCredential {
                id: id.clone(),
                suggestion: suggest(id, catalog.credential_id_strs()),
            }));
            continue;
        };
        if let Some(expired) = held_expiry(catalog, &plan.have, id)
            && expired <= plan.start
        {
            found.push(whole_plan(ViolationKind::ExpiredHeld {
                id: id.clone(),
                expired,
                rule: catalog
                    .credential(idx)
                    .description
                    .as_deref()
                    .and_then(rule_in),
            }));
        }
    }
    for id in &plan.have.skills {
        if catalog.find_skill(id).is_none() {
            found.push(whole_plan(ViolationKind::UnknownHeldSkill {
                id: id.clone(),
                suggestion: suggest(id, catalog.skills.iter().map(|s| s.id.as_str())),
            }));
        }
    }
    found
}

/// Every violation, steps first in plan order, then the role's unmet requirements.
pub fn check(catalog: &Catalog, plan: &Plan) -> Vec<Violation> {
    let mut found = Vec::new();
    let whole_plan = |kind| Violation { step: None, kind };
    let role = plan.role.as_deref().map(|id| (id, catalog.find_role(id)));
    if let Some((id, None)) = role {
        found.push(whole_plan(ViolationKind::UnknownRole {
            id: id.to_owned(),
            suggestion: suggest(id, catalog.roles.iter().map(|r| r.id.as_str())),
        }));
    }
    found.extend(held_problems(catalog, plan));
    let have = Holdings::of_plan(catalog, plan);
    let steps = plan.step_credentials(catalog);
    let mut step_problems: Vec<Violation> = Vec::new();
    // Where each id first appears, so duplicates are found in one pass (plans can be long).
    let mut first_at: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(plan.steps.len());
    for (i, (step, idx)) in plan.steps.iter().zip(&steps).enumerate() {
        let at = |kind| Violation {
            step: Some(i),
            kind,
        };
        let id = step.id.clone();
        let first = *first_at.entry(step.id.as_str()).or_insert(i);
        let Some(idx) = *idx else {
            let suggestion = suggest(&step.id, catalog.credential_id_strs());
            step_problems.push(at(ViolationKind::UnknownCredential { id, suggestion }));
            continue;
        };
        if first != i {
            step_problems.push(at(ViolationKind::Duplicate {
                id: id.clone(),
                first,
            }));
        }
        if have.has_credential(idx) {
            step_problems.push(at(ViolationKind::AlreadyHeld { id: id.clone() }));
        }
        if catalog.credential(idx).stack {
            step_problems.push(at(ViolationKind::Stack { id: id.clone() }));
        }
        if catalog.credential(idx).retired && step.status != Status::Done {
            let successor = catalog
                .successor(idx)
                .map(|next| catalog.credential(next).id.to_string());
            step_problems.push(at(ViolationKind::Retired { id, successor }));
        }
    }
    for (i, r) in order_gaps(catalog, &have, &steps) {
        let idx = steps[i].expect("gaps are only found for known steps");
        let requirement = &catalog.credential(idx).requires[r];
        if let Some(gate) = have.barred_by(catalog, idx) {
            step_problems.push(Violation {
                step: Some(i),
                kind: ViolationKind::Barred {
                    id: plan.steps[i].id.clone(),
                    reason: UnmetReason::Experience {
                        gate,
                        months: have.months_in(gate.field),
                    }
                    .explain(catalog),
                },
            });
            continue;
        }
        let later = steps
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, s)| s.is_some_and(|s| gives(catalog, s, requirement)))
            .map(|(j, _)| (j, plan.steps[j].id.clone()));
        step_problems.push(Violation {
            step: Some(i),
            kind: ViolationKind::OutOfOrder {
                id: plan.steps[i].id.clone(),
                requirement: catalog.describe(requirement),
                later,
            },
        });
    }
    // Stable: plan order, and within a step the order the checks ran.
    step_problems.sort_by_key(|v| v.step);
    found.extend(step_problems);
    if let (Some((role_id, _)), Some(covered)) = (role, coverage(catalog, plan)) {
        let requirements = &catalog.role(covered.role).requirements;
        for requirement in covered.unmet.iter().map(|&i| &requirements[i]) {
            found.push(whole_plan(ViolationKind::UnmetRole {
                role: role_id.to_owned(),
                requirement: catalog.describe(requirement),
                teachers: teachers_of(catalog, requirement),
            }));
        }
    }
    found
}

fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(wanted, candidates).map(str::to_owned)
}

#[cfg(test)]
mod tests;
