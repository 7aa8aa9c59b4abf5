//! Which of the target role's requirements a whole plan meets (SPEC §2 "Role
//! requirements"): what is held plus every step whose credential the catalogs know.

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement, RoleIdx};

use super::{Holdings, Plan};

/// How a role requirement is met by a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetBy {
    /// By what the learner holds.
    Held,
    /// By the end of this step (0-based).
    Step(usize),
    Unmet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub role: RoleIdx,
    /// What meets each of the role's requirements, in their order.
    pub met_by: Vec<MetBy>,
    /// How many of the role's requirements the plan meets.
    pub met: usize,
    /// How many the role has: each skill, then each item of its `requires`.
    pub total: usize,
    /// The positions (in the role's requirements) of those it leaves unmet.
    pub unmet: Vec<usize>,
}

/// The coverage of the plan's role, or `None` when it names no role the catalogs have.
pub fn coverage(catalog: &Catalog, plan: &Plan) -> Option<Coverage> {
    let role = plan.role_in(catalog)?;
    let held = Holdings::of_plan(catalog, plan);
    Some(coverage_of(
        catalog,
        role,
        &held,
        &plan.step_credentials(catalog),
    ))
}

/// Whether credential `idx` meets any requirement of `role` by itself: the role names it, or
/// it teaches a skill the role needs (a what-if role switch says which holdings still count).
pub fn counts_toward(catalog: &Catalog, role: RoleIdx, idx: CredentialIdx) -> bool {
    let skills = &catalog.credential(idx).skills;
    catalog
        .role(role)
        .requirements
        .iter()
        .flat_map(crate::catalog::Requirement::every_atom)
        .any(|atom| match *atom {
            crate::catalog::Atom::Credential(needed) => needed == idx,
            crate::catalog::Atom::Skill(skill) => skills.contains(&skill),
            crate::catalog::Atom::Experience(_) => false,
        })
}

/// The coverage of `role` by what is `held` and then each of `steps` in turn (`None` for a
/// step the catalogs lack, which meets nothing): each requirement is met by what is held,
/// or by the first step after which it holds.
pub fn coverage_of(
    catalog: &Catalog,
    role: RoleIdx,
    held: &Holdings,
    steps: &[Option<CredentialIdx>],
) -> Coverage {
    let requirements = &catalog.role(role).requirements;
    let mut met_by: Vec<MetBy> = requirements
        .iter()
        .map(|requirement| {
            if held.satisfies(requirement) {
                MetBy::Held
            } else {
                MetBy::Unmet
            }
        })
        .collect();
    let mut holdings = held.clone();
    for (i, idx) in steps.iter().enumerate() {
        let Some(idx) = idx else { continue };
        holdings.add_step(catalog, *idx);
        for (requirement, by) in requirements.iter().zip(&mut met_by) {
            if *by == MetBy::Unmet && holdings.satisfies(requirement) {
                *by = MetBy::Step(i);
            }
        }
    }
    let unmet: Vec<usize> = met_by
        .iter()
        .enumerate()
        .filter(|(_, by)| **by == MetBy::Unmet)
        .map(|(i, _)| i)
        .collect();
    Coverage {
        role,
        met: requirements.len() - unmet.len(),
        total: requirements.len(),
        unmet,
        met_by,
    }
}

/// Up to three not-retired credentials that would satisfy a requirement, by id; none for
/// a group of several clauses (no one credential does).
pub fn teachers_of(catalog: &Catalog, requirement: &Requirement) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    for &atom in requirement.atoms() {
        let candidates: Vec<CredentialIdx> = match atom {
            Atom::Credential(c) => vec![c],
            Atom::Skill(s) => catalog.teachers(s).to_vec(),
            Atom::Experience(_) => Vec::new(),
        };
        for c in candidates {
            let credential = catalog.credential(c);
            if !credential.retired && !ids.contains(&credential.id.as_ref()) {
                ids.push(&credential.id);
            }
        }
    }
    ids.sort_unstable();
    ids.into_iter().take(3).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Step;
    use crate::plan::fixture::{NETWORK, catalog};

    #[test]
    fn coverage_counts_held_and_planned_credentials_and_lists_the_rest() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", "2027-01-04".parse().expect("date"));
        plan.role = Some("netadmin".to_owned());
        plan.have.credentials.push("t/linux".to_owned());
        let found = coverage(&catalog, &plan).expect("a known role");
        assert_eq!((found.met, found.total, found.unmet), (1, 2, vec![0]));
        plan.steps.push(Step::planned("t/ccna"));
        plan.steps.push(Step::planned("gone/never-was"));
        let found = coverage(&catalog, &plan).expect("a known role");
        assert_eq!((found.met, found.unmet.len()), (2, 0));
        // networking by the CCNA step, linux held from the start.
        assert_eq!(found.met_by, [MetBy::Step(0), MetBy::Held]);
    }

    #[test]
    fn a_plan_without_a_known_role_has_no_coverage() {
        let catalog = catalog(NETWORK);
        let mut plan = Plan::new("alex", "2027-01-04".parse().expect("date"));
        assert!(coverage(&catalog, &plan).is_none());
        plan.role = Some("astronaut".to_owned());
        assert!(coverage(&catalog, &plan).is_none());
    }
}
