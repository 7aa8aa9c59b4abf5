//! The stacks a plan earns without a step: awarded the moment their last part is had, by
//! what the learner holds or after a step.

use crate::catalog::{Catalog, CredentialIdx};

use super::{Holdings, Plan};

/// Which stacks are awarded, and when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Awards {
    /// Had already through what the learner holds.
    pub held: Vec<CredentialIdx>,
    /// Awarded after each step (in plan order, done or not), for each step.
    pub after_step: Vec<Vec<CredentialIdx>>,
}

pub fn awards(catalog: &Catalog, plan: &Plan) -> Awards {
    let mut had = Holdings::of_plan(catalog, plan);
    let held = catalog
        .stacks()
        .iter()
        .copied()
        .filter(|&stack| had.has_credential(stack))
        .filter(|&stack| {
            let id = &*catalog.credential(stack).id;
            !plan.have.credentials.iter().any(|held| held == id)
        })
        .collect();
    let after_step = plan
        .steps
        .iter()
        .map(|step| {
            let Some(idx) = catalog.find_credential(&step.id) else {
                return Vec::new();
            };
            let before = had.clone();
            had.add_step(catalog, idx);
            had.awarded_since(catalog, &before)
        })
        .collect();
    Awards { held, after_step }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Step;
    use crate::plan::fixture::{catalog, ids};

    #[test]
    fn a_stack_is_awarded_after_the_step_that_completes_it() {
        let catalog = catalog(
            "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: certification, hours: 1, cost: 1, skills: [x]}
  - {id: b, title: B, kind: certification, hours: 1, cost: 1, skills: [y]}
  - {id: c, title: C, kind: certification, hours: 1, cost: 1, skills: [z]}
  - {id: ab, title: AB, kind: certification, awarded_when: [a, b]}
  - {id: abc, title: ABC, kind: certification, awarded_when: [ab, c]}
",
        );
        let mut plan = Plan::new("p", "2027-01-04".parse().expect("date"));
        plan.steps = vec![Step::planned("p/b"), Step::planned("p/c")];
        assert!(awards(&catalog, &plan).after_step.iter().all(Vec::is_empty));
        plan.have.credentials.push("p/a".to_owned());
        let found = awards(&catalog, &plan);
        assert!(found.held.is_empty());
        assert_eq!(ids(&catalog, &found.after_step[0]), ["p/ab"]);
        // A stack of stacks follows at once.
        assert_eq!(ids(&catalog, &found.after_step[1]), ["p/abc"]);
        plan.have.credentials.push("p/b".to_owned());
        plan.steps.remove(0);
        let found = awards(&catalog, &plan);
        assert_eq!(ids(&catalog, &found.held), ["p/ab"]);
    }
}
