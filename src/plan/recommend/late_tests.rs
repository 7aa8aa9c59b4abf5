//! A set-up the deadline finds late keeps only what settled first, and what it claims about
//! what it left out holds.

use std::time::Instant;

use crate::catalog::{self, Catalog};
use crate::plan::{Holdings, Objective, Options, recommend};

use super::reduce::{Problem, reduce, reduce_keeping};

fn generated() -> Catalog {
    let generated = crate::synth::generate(3_000, 4);
    let loaded = catalog::load_files(&generated.source_files());
    assert!(!loaded.has_errors(), "{}", loaded.summary());
    loaded.catalog
}

fn problems(catalog: &Catalog, role: &str, objective: Objective) -> (Problem, Problem) {
    let goals = &catalog
        .role(catalog.find_role(role).expect("a role"))
        .requirements;
    let have = Holdings::new(catalog);
    let whole = reduce(
        catalog,
        goals,
        &have,
        &[],
        &Options {
            objective,
            ..Options::default()
        },
    );
    let late = Options {
        objective,
        deadline: Some(Instant::now()),
        ..Options::default()
    };
    (whole, reduce_keeping(catalog, goals, &have, &[], &late, 1))
}

fn late_position(problem: &Problem, idx: crate::catalog::CredentialIdx) -> u32 {
    problem
        .items
        .iter()
        .position(|it| it.credential == Some(idx))
        .expect("kept") as u32
}

#[test]
fn a_late_set_up_keeps_what_settled_first_and_everything_left_out_weighs_at_least_its_bound() {
    let catalog = generated();
    for role in ["role-0", "role-1", "role-2"] {
        for objective in [Objective::Cost, Objective::Hours] {
            let (whole, late) = problems(&catalog, role, objective);
            assert!(whole.left_out_from.is_none());
            let left_out = late.left_out_from.expect("a late set-up leaves some out");
            assert!(
                late.items.len() < whole.items.len(),
                "{role}: kept {} of {}",
                late.items.len(),
                whole.items.len()
            );
            // What is kept settled at or under the bound; what is left out that a plan could
            // hold (a supporter of a goal or of a kept credential) weighs at least the bound:
            // all lighter ones are kept.
            let credential = |problem: &Problem, item: u32| {
                problem.items[item as usize]
                    .credential
                    .expect("a credential")
            };
            let whole_item = |idx| {
                whole
                    .items
                    .iter()
                    .position(|it| it.credential == Some(idx))
                    .expect("kept only what the whole problem keeps")
            };
            let kept: Vec<_> = late.items.iter().filter_map(|it| it.credential).collect();
            let light_enough = |supporters: &[u32]| {
                supporters
                    .iter()
                    .filter(|&&s| whole.items[s as usize].with_prerequisites < left_out)
                    .map(|&s| credential(&whole, s))
                    .collect::<Vec<_>>()
            };
            for &idx in &kept {
                let item = whole_item(idx);
                assert!(whole.items[item].with_prerequisites <= left_out);
                for (slot, supporters) in whole.supporters(item as u32).enumerate() {
                    let late_slot = late.supporters(late_position(&late, idx)).nth(slot);
                    let kept_supporters: Vec<_> = late_slot
                        .expect("the same requirements")
                        .iter()
                        .map(|&s| credential(&late, s))
                        .collect();
                    for lighter in light_enough(supporters) {
                        assert!(kept_supporters.contains(&lighter), "{role}: {lighter:?}");
                    }
                }
            }
            for (_, supporters) in &whole.open {
                for idx in light_enough(supporters) {
                    assert!(kept.contains(&idx), "{role}: a goal's supporter {idx:?}");
                }
            }
            // Every open goal and every requirement of what is kept can still be met.
            assert_eq!(late.open.len(), whole.open.len());
            assert!(
                late.open
                    .iter()
                    .all(|(_, supporters)| !supporters.is_empty())
            );
            assert!(
                late.requirements
                    .iter()
                    .all(|supporters| !supporters.is_empty())
            );
        }
    }
}

#[test]
fn a_recommendation_with_its_deadline_passed_still_meets_every_goal_of_a_generated_role() {
    let catalog = generated();
    let have = Holdings::new(&catalog);
    for objective in [Objective::Cost, Objective::Hours] {
        let options = Options {
            objective,
            deadline: Some(Instant::now()),
            ..Options::default()
        };
        let role = catalog.find_role("role-0").expect("a role");
        let rec = recommend(&catalog, role, &have, &options);
        assert!(rec.is_complete(), "{:?}", rec.unmet);
        let best = recommend(
            &catalog,
            role,
            &have,
            &Options {
                objective,
                ..Options::default()
            },
        );
        assert!(best.optimal);
        if !rec.optimal {
            let gap = rec.gap.expect("the gap it proved");
            let (found, least) = match objective {
                Objective::Cost => (rec.total_cost, best.total_cost),
                Objective::Hours => (rec.total_hours, best.total_hours),
            };
            let proven = found.hundredths() as f64 * (1.0 - gap.fraction());
            assert!(
                proven <= least.hundredths() as f64 + 1e-9,
                "{gap:?} {found:?} {least:?}"
            );
        }
    }
}
