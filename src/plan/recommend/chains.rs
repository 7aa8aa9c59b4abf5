//! Lower bounds on the cost and on the hours of each item together with what it needs
//! first, over the reduced problem, and of meeting each requirement: what the limits can
//! be checked against. A set with a valid order that holds an item holds, for each of its
//! requirements, a supporter taken before it, so its total is at least the item's own plus
//! the largest of its requirements' least totals; items that only support each other in a
//! circle never settle, as no valid set can hold them.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::lists::Lists;
use super::reduce::Problem;

/// Never obtainable within any limit.
pub(super) const NEVER: i64 = i64::MAX;

/// Per item and per requirement (in [`Problem::requirements`]), for one measure.
#[derive(Debug, Clone)]
pub(super) struct Chains {
    /// The least total of the item with what it needs first ([`NEVER`]: no valid set holds it).
    pub item: Vec<i64>,
    /// The least own amount among the requirement's supporters: what meeting it adds to a
    /// set that does not meet it yet.
    pub least_own: Vec<i64>,
}

impl Chains {
    /// Settles every item cheapest first (a superior function, as in `settle`), with `own`
    /// giving each item's own amount.
    pub fn new(problem: &Problem, own: impl Fn(usize) -> i64) -> Chains {
        let (supports, owner) = problem.slots();
        let least_own = problem
            .requirements
            .iter()
            .map(|supporters| {
                supporters
                    .iter()
                    .map(|&s| own(s as usize))
                    .min()
                    .unwrap_or(NEVER)
            })
            .collect();
        let item = settle(
            problem,
            &Slots {
                supports: &supports,
                owner: &owner,
            },
            |i| Some(own(i)),
            i64::saturating_add,
        )
        .into_iter()
        .map(|value| value.unwrap_or(NEVER))
        .collect();
        Chains { item, least_own }
    }
}

/// [`Problem::slots`]: for each item the requirement slots it supports, and for each slot
/// its owner.
pub(super) struct Slots<'a> {
    pub supports: &'a Lists,
    pub owner: &'a [u32],
}

/// Per item, the least total of the item with what it needs first, where `own` gives each
/// item's own amount (`None`: the item may not be taken, so nothing that needs it through
/// every supporter settles either). `None`: no valid set of takeable items holds it.
pub(super) fn settle<T: Copy + Ord + Default>(
    problem: &Problem,
    slots: &Slots<'_>,
    own: impl Fn(usize) -> Option<T>,
    add: impl Fn(T, T) -> T,
) -> Vec<Option<T>> {
    let n = problem.items.len();
    let mut waiting: Vec<usize> = problem
        .items
        .iter()
        .map(|it| it.requirements.len())
        .collect();
    let mut worst = vec![T::default(); n];
    let mut item: Vec<Option<T>> = vec![None; n];
    let mut met = vec![false; problem.requirements.len()];
    let mut heap = BinaryHeap::new();
    for (i, &wait) in waiting.iter().enumerate() {
        if wait == 0
            && let Some(value) = own(i)
        {
            heap.push(Reverse((value, i)));
        }
    }
    while let Some(Reverse((value, i))) = heap.pop() {
        if item[i].is_some() {
            continue;
        }
        item[i] = Some(value);
        for &slot in &slots.supports[i] {
            let slot = slot as usize;
            if met[slot] {
                continue;
            }
            met[slot] = true;
            let o = slots.owner[slot] as usize;
            worst[o] = worst[o].max(value);
            waiting[o] -= 1;
            if waiting[o] == 0
                && let Some(own_value) = own(o)
            {
                heap.push(Reverse((add(own_value, worst[o]), o)));
            }
        }
    }
    item
}
