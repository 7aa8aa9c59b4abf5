//! Which of the target role's requirements a whole plan meets (SPEC §2 "Role
//! requirements"): what is held plus every step whose credential the catalogs know.

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement, RoleIdx};

use super::{Holdings, Plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub role: RoleIdx,
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
    let mut after = Holdings::of_plan(catalog, plan);
    for idx in plan.step_credentials(catalog).into_iter().flatten() {
        after.add_step(catalog, idx);
    }
    let requirements = &catalog.role(role).requirements;
    let unmet: Vec<usize> = requirements
        .iter()
        .enumerate()
        .filter(|(_, requirement)| !after.satisfies(requirement))
        .map(|(i, _)| i)
        .collect();
    Some(Coverage {
        role,
        met: requirements.len() - unmet.len(),
        total: requirements.len(),
        unmet,
    })
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
            if !credential.retired && !ids.contains(&credential.id.as_str()) {
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
