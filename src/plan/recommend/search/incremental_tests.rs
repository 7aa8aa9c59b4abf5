//! The incremental settle against settling from scratch, on generated problems with traps,
//! `any` requirements and skills many credentials teach and need.

use std::fmt::Write as _;

use super::incremental::Settled;
use super::needs::Graph;
use crate::plan::Holdings;
use crate::plan::fixture::catalog;
use crate::plan::recommend::Options;
use crate::plan::recommend::chains::{Slots, settle};
use crate::plan::recommend::reduce::{Problem, reduce};

struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A catalog of 40 credentials over 8 skills, the low skills taught and needed most.
fn problem(seed: u64) -> Problem {
    let mut random = Random(seed.wrapping_mul(2_654_435_761).wrapping_add(7));
    let mut yaml = String::from("provider: {id: p, name: P}\ncredentials:\n");
    for c in 0..40 {
        let popular = |random: &mut Random| {
            let spread = 1 + random.below(8);
            random.below(spread)
        };
        let skill = popular(&mut random);
        let requires = match random.below(5) {
            0 | 1 => format!(", requires: [{{skill: s{}}}]", popular(&mut random)),
            2 if c > 1 => format!(
                ", requires: [{{any: [c{}, c{}]}}, {{skill: s{}}}]",
                random.below(c),
                random.below(c),
                popular(&mut random)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            yaml,
            "  - {{id: c{c}, title: C{c}, kind: course, hours: {}, cost: {}, skills: [s{skill}]{requires}}}",
            1 + random.below(9),
            random.below(9),
        );
    }
    yaml.push_str("roles:\n  - {id: r, title: R, skills: [s0, s1, s2, s3, s4, s5, s6, s7]}\n");
    let catalog = catalog(&yaml);
    let role = catalog.find_role("r").expect("role");
    let goals = &catalog.role(role).requirements;
    reduce(
        &catalog,
        goals,
        &Holdings::new(&catalog),
        &[],
        &Options::default(),
    )
}

/// The values settled from scratch with the items of `joined` free and those of `excluded`
/// never taken.
fn from_scratch(problem: &Problem, joined: &[bool], excluded: &[bool]) -> Vec<Option<i64>> {
    let (supports, owner) = problem.slots();
    let slots = Slots {
        supports: &supports,
        owner: &owner,
    };
    settle(
        problem,
        &slots,
        |i| (!excluded[i]).then(|| if joined[i] { 0 } else { problem.items[i].cost }),
        i64::saturating_add,
    )
}

#[test]
fn joining_excluding_and_undoing_keep_the_values_a_settle_from_scratch_finds() {
    let mut checked = 0;
    for seed in 0..60 {
        let problem = problem(seed);
        let n = problem.items.len();
        let graph = Graph::new(&problem);
        let own = problem.items.iter().map(|item| Some(item.cost)).collect();
        let mut settled = Settled::new(&graph, own, i64::saturating_add);
        let (mut joined, mut excluded) = (vec![false; n], vec![false; n]);
        assert_eq!(settled.item, from_scratch(&problem, &joined, &excluded));
        let mut random = Random(seed);
        // A path of steps, each with the trail's mark before it, backed up at random.
        let mut path: Vec<(usize, bool, usize)> = Vec::new();
        for _ in 0..200 {
            if !path.is_empty() && random.below(3) == 0 {
                let back = random.below(path.len() as u64 + 1) as usize;
                // Exclusions made together share a mark and are undone together.
                while path.len() > back {
                    let (item, join, mark) = path.pop().expect("longer than back");
                    settled.undo(mark);
                    if join {
                        joined[item] = false;
                    } else {
                        excluded[item] = false;
                    }
                    while path.last().is_some_and(|&(_, _, before)| before == mark) {
                        let (item, _, _) = path.pop().expect("just seen");
                        excluded[item] = false;
                    }
                }
            } else {
                let item = random.below(n as u64) as usize;
                if joined[item] || excluded[item] {
                    continue;
                }
                let mark = settled.mark();
                let join = random.below(2) == 0;
                if join {
                    joined[item] = true;
                    settled.free(&graph, item as u32, 0);
                    path.push((item, join, mark));
                } else {
                    // One to four items excluded at once, as a run of exclusions is.
                    let mut items = vec![item as u32];
                    for _ in 0..random.below(4) {
                        let other = random.below(n as u64) as usize;
                        if !joined[other] && !excluded[other] && !items.contains(&(other as u32)) {
                            items.push(other as u32);
                        }
                    }
                    settled.exclude(&graph, &problem, &items);
                    for &item in &items {
                        excluded[item as usize] = true;
                        path.push((item as usize, false, mark));
                    }
                }
            }
            assert_eq!(
                settled.item,
                from_scratch(&problem, &joined, &excluded),
                "seed {seed}, path {path:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
}
