//! A bound per item and per subset of goals that follows one chain at a time: `g(e, M)`, a
//! lower bound on the weight of any set that holds `e` after what it needs first and meets
//! every goal of `M`. Such a set holds `e` and, for each requirement of `e`, a supporter `s`
//! taken before it with its own chain, in the rest of the set, which meets the goals of `M`
//! that `e` does not (`M'`); so `g(e, M) = w(e) + max(cover(M'), max over requirements of
//! the least g(s, M') over their supporters)`. Settled cheapest first per subset (a
//! superior function, as in `chains`), subsets in increasing order since `M'` is a subset of
//! `M`: items that only support each other in a circle never settle, as no valid set holds
//! them, which is what makes this see traps that the plain cover bound and `chained` miss.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::plan::recommend::lists::Lists;
use crate::plan::recommend::reduce::{Problem, Weight};

/// Work allowed for the table (items times subsets, and requirement edges times subsets):
/// beyond it the search goes without, as the table would cost more than it saves.
const MOST_CELLS: usize = 1 << 21;
const MOST_EDGES: usize = 1 << 24;

/// `g(e, M)` per subset of goals `M`, then per item `e` ([`Weight::INFINITE`]: no valid set
/// holds `e`).
#[derive(Debug, Clone)]
pub(in crate::plan::recommend) struct Paths {
    table: Vec<Vec<Weight>>,
}

impl Paths {
    /// `None` when the table would be too large to pay (see [`MOST_CELLS`]).
    pub(super) fn new(
        problem: &Problem,
        goals: usize,
        cover: &[u32],
        plain: &[Weight],
    ) -> Option<Paths> {
        let n = problem.items.len();
        let size = 1usize << goals;
        let edges: usize = problem.requirements.iter().map(<[u32]>::len).sum();
        if n.saturating_mul(size) > MOST_CELLS || edges.saturating_mul(size) > MOST_EDGES {
            return None;
        }
        let (supports, owner) = problem.slots();
        let mut table: Vec<Vec<Weight>> = Vec::with_capacity(size);
        for mask in 0..size {
            let layer = settle_layer(problem, mask, cover, plain, &table, &supports, &owner);
            table.push(layer);
        }
        Some(Paths { table })
    }

    /// `g(e, M)`.
    pub fn get(&self, mask: u32, item: u32) -> Weight {
        self.table[mask as usize][item as usize]
    }
}

/// `g(·, M)` for one subset, the smaller subsets done.
fn settle_layer(
    problem: &Problem,
    mask: usize,
    cover: &[u32],
    plain: &[Weight],
    done: &[Vec<Weight>],
    supports: &Lists,
    owner: &[u32],
) -> Vec<Weight> {
    let n = problem.items.len();
    let mut value = vec![Weight::INFINITE; n];
    // Per item waiting on this subset: requirements not yet met, and the worst met so far.
    let mut waiting = vec![0usize; n];
    let mut worst = vec![Weight::default(); n];
    let mut met = vec![false; problem.requirements.len()];
    let mut heap = BinaryHeap::new();
    for (e, item) in problem.items.iter().enumerate() {
        let rest = mask & !(cover[e] as usize);
        let floor = plain[rest];
        if rest == mask {
            waiting[e] = item.requirements.len();
            worst[e] = floor;
            if waiting[e] == 0 {
                heap.push(Reverse((item.weight + floor, e)));
            }
            continue;
        }
        // It meets some goal of the subset: its requirements look at a smaller one, done.
        let mut highest = floor;
        for slot in item.requirements.clone() {
            let least = problem.requirements[slot]
                .iter()
                .map(|&s| done[rest][s as usize])
                .min()
                .unwrap_or(Weight::INFINITE);
            highest = highest.max(least);
        }
        if highest != Weight::INFINITE {
            heap.push(Reverse((item.weight + highest, e)));
        }
    }
    while let Some(Reverse((v, e))) = heap.pop() {
        if value[e] != Weight::INFINITE {
            continue;
        }
        value[e] = v;
        for &slot in &supports[e] {
            let slot = slot as usize;
            let o = owner[slot] as usize;
            // Only owners that look at this same subset wait on it.
            if met[slot] || mask & !(cover[o] as usize) != mask {
                continue;
            }
            met[slot] = true;
            worst[o] = worst[o].max(v);
            waiting[o] -= 1;
            if waiting[o] == 0 {
                heap.push(Reverse((problem.items[o].weight + worst[o], o)));
            }
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use crate::plan::Holdings;
    use crate::plan::fixture::catalog;
    use crate::plan::recommend::Options;
    use crate::plan::recommend::bound::CoverBound;
    use crate::plan::recommend::reduce::reduce;

    #[test]
    fn a_trap_is_charged_the_way_out_of_its_circle() {
        // X and Y meet a and b for 20 only in a circle; the best plan is Z then Y, 70.
        let catalog = catalog(
            "provider: {id: p, name: P}
credentials:
  - {id: x, title: X, kind: course, hours: 1, cost: 10, skills: [a], requires: [{skill: b}]}
  - {id: y, title: Y, kind: course, hours: 1, cost: 10, skills: [b], requires: [{skill: a}]}
  - {id: z, title: Z, kind: course, hours: 1, cost: 60, skills: [a]}
roles:
  - {id: r, title: R, skills: [a, b]}
",
        );
        let role = catalog.find_role("r").expect("role");
        let goals = &catalog.role(role).requirements;
        let options = Options::default();
        let problem = reduce(&catalog, goals, &Holdings::new(&catalog), &[], &options);
        let mut bound = CoverBound::new(&problem, None, None);
        bound.add_paths(&problem);
        let paths = bound.paths.as_ref().expect("a small problem has the table");
        let item = |id: &str| {
            let idx = catalog.find_credential(id).expect("credential");
            problem
                .items
                .iter()
                .position(|it| it.credential == Some(idx))
                .expect("kept") as u32
        };
        let both = (1u32 << problem.open.len()) - 1;
        // Y needs a first, which only Z gives outside the circle: 70. Z meets a and leaves
        // b to the plain cover: 70.
        assert_eq!(paths.get(both, item("p/y")).primary, 7_000);
        assert_eq!(paths.get(both, item("p/z")).primary, 7_000);
        assert_eq!(bound.chained.weight[both as usize].primary, 7_000);
    }
}
