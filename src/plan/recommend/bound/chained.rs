//! Cover bounds that see prerequisites. A valid set `T` that meets goal `g` holds a supporter
//! `e` of `g` together with a chain `P(e)`: `e` and, for each of its requirements, a supporter
//! taken before it with its own chain. `P(e)` weighs at least `e`'s least total with what it
//! needs first, and holds only items that `e` reaches backwards through requirements, so it
//! meets no goal outside `reach[e]`; the goals outside need items of `T` outside `P(e)`,
//! which weigh at least the plain cover bound of those goals. So for every goal `g` of a
//! set `M` that `T` meets, `T` weighs at least the least over supporters `e` of `g` of
//! `chain(e) + cover(M \ reach[e])`: where the cheapest cover of the goals needs a deep
//! chain under one of them, this sees the chain that the plain cover bound leaves out.

use std::collections::BTreeMap;

use crate::plan::recommend::chains::{Chains, NEVER};
use crate::plan::recommend::reduce::{Problem, Weight};

/// The bounds of [`super::CoverBound`] per subset of bounded goals, seeing prerequisites:
/// lower bounds on the total of any valid set that meets every goal of the subset.
#[derive(Debug, Clone)]
pub(in crate::plan::recommend) struct Chained {
    /// Per item: the bounded goals that it or anything it may need first supports.
    pub reach: Vec<u32>,
    pub weight: Vec<Weight>,
    /// Empty without a budget.
    pub cost: Vec<i64>,
    /// Empty without an hour limit.
    pub hours: Vec<i64>,
}

/// The plain cover bounds per subset, and the chains per measure that has a limit.
pub(super) struct Plain<'a> {
    pub cover: &'a [u32],
    pub weight: &'a [Weight],
    pub cost: &'a [i64],
    pub hours: &'a [i64],
    pub cost_chains: Option<&'a Chains>,
    pub hours_chains: Option<&'a Chains>,
}

impl Chained {
    pub(super) fn new(problem: &Problem, goals: usize, plain: &Plain<'_>) -> Chained {
        let reach = reach(problem, goals, plain.cover);
        let supporters: Vec<&[u32]> = problem
            .open
            .iter()
            .take(goals)
            .map(|(_, s)| s.as_slice())
            .collect();
        let items = &problem.items;
        let weight = table(
            &supporters,
            &reach,
            |e| Some(items[e as usize].with_prerequisites),
            plain.weight,
            |a, b| a + b,
        );
        let measured = |chains: Option<&Chains>, own: &[i64]| {
            chains.map_or_else(Vec::new, |chains| {
                table(
                    &supporters,
                    &reach,
                    |e| Some(chains.item[e as usize]).filter(|&v| v != NEVER),
                    own,
                    i64::saturating_add,
                )
            })
        };
        Chained {
            cost: measured(plain.cost_chains, plain.cost),
            hours: measured(plain.hours_chains, plain.hours),
            weight,
            reach,
        }
    }
}

/// For each item, the bounded goals supported by it or by any item it reaches backwards
/// through requirements: one walk per goal, forwards from its supporters to the items that
/// need them.
fn reach(problem: &Problem, goals: usize, cover: &[u32]) -> Vec<u32> {
    let n = problem.items.len();
    let mut needed_by: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (owner, item) in problem.items.iter().enumerate() {
        for slot in item.requirements.clone() {
            for &s in &problem.requirements[slot] {
                needed_by[s as usize].push(owner as u32);
            }
        }
    }
    let mut reach = cover.to_vec();
    let mut stack = Vec::new();
    for g in 0..goals {
        let bit = 1u32 << g;
        stack.extend((0..n as u32).filter(|&e| cover[e as usize] & bit != 0));
        while let Some(e) = stack.pop() {
            for &owner in &needed_by[e as usize] {
                if reach[owner as usize] & bit == 0 {
                    reach[owner as usize] |= bit;
                    stack.push(owner);
                }
            }
        }
    }
    reach
}

/// Per subset `M` of goals: the plain bound, or for each goal of `M` the least over its
/// supporters of chain plus the plain bound of the goals outside the supporter's reach, if
/// larger.
pub(super) fn table<T: Copy + Ord>(
    supporters: &[&[u32]],
    reach: &[u32],
    chain: impl Fn(u32) -> Option<T>,
    plain: &[T],
    add: impl Fn(T, T) -> T,
) -> Vec<T> {
    // Per goal, the least chain for each distinct reach: supporters alike in reach differ
    // only in their chain.
    let options: Vec<Vec<(u32, T)>> = supporters
        .iter()
        .map(|supporters| {
            let mut least: BTreeMap<u32, T> = BTreeMap::new();
            for &e in *supporters {
                if let Some(value) = chain(e) {
                    let entry = least.entry(reach[e as usize]).or_insert(value);
                    *entry = (*entry).min(value);
                }
            }
            least.into_iter().collect()
        })
        .collect();
    let mut table = plain.to_vec();
    for (mask, best) in table.iter_mut().enumerate().skip(1) {
        for (g, options) in options.iter().enumerate() {
            if mask & (1 << g) == 0 {
                continue;
            }
            let through_g = options
                .iter()
                .map(|&(reached, value)| add(value, plain[mask & !(reached as usize)]))
                .min();
            // No supporter settles: nothing meets the goal, as the plain bound already says.
            if let Some(through_g) = through_g {
                *best = (*best).max(through_g);
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use crate::plan::Holdings;
    use crate::plan::fixture::catalog;
    use crate::plan::recommend::Options;
    use crate::plan::recommend::bound::CoverBound;
    use crate::plan::recommend::chains::Chains;
    use crate::plan::recommend::reduce::reduce;

    /// `x` is met cheapest by `top`, under a chain of two dearer credentials that teach
    /// nothing the role asks for; `y` by one cheap credential.
    const CHAIN: &str = "provider: {id: p, name: P}
credentials:
  - {id: base, title: Base, kind: course, hours: 5, cost: 100, skills: [l1]}
  - {id: mid, title: Mid, kind: course, hours: 5, cost: 100, skills: [l2], requires: [{skill: l1}]}
  - {id: top, title: Top, kind: course, hours: 5, cost: 10, skills: [x], requires: [{skill: l2}]}
  - {id: alt, title: Alt, kind: course, hours: 5, cost: 250, skills: [x]}
  - {id: why, title: Why, kind: course, hours: 5, cost: 10, skills: [y]}
roles:
  - {id: r, title: R, skills: [x, y]}
";

    #[test]
    fn the_chain_under_a_goal_counts_with_the_cover_of_the_others() {
        let catalog = catalog(CHAIN);
        let role = catalog.find_role("r").expect("role");
        let goals = &catalog.role(role).requirements;
        let options = Options::default();
        let problem = reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options);
        let cost = Chains::new(&problem, |i| problem.items[i].cost);
        let bound = CoverBound::new(&problem, Some(&cost), None);
        let both = (1u32 << problem.open.len()) - 1;
        // Without prerequisites: top and why, 20.00. With them: base, mid, top and why.
        assert_eq!(bound.weight(both).primary, 2_000);
        assert_eq!(bound.chained.weight[both as usize].primary, 22_000);
        assert_eq!(bound.chained.cost[both as usize], 22_000);
        assert!(bound.chained.hours.is_empty());
    }

    #[test]
    fn a_goal_the_chain_itself_meets_is_not_counted_twice() {
        // Here the chain's base also teaches y: base, mid and top meet both, for 210.
        let catalog = catalog(&CHAIN.replace("skills: [l1]", "skills: [l1, y]"));
        let role = catalog.find_role("r").expect("role");
        let goals = &catalog.role(role).requirements;
        let options = Options::default();
        let problem = reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options);
        let bound = CoverBound::new(&problem, None, None);
        let both = (1u32 << problem.open.len()) - 1;
        assert_eq!(bound.chained.weight[both as usize].primary, 21_000);
    }
}
