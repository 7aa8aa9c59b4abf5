//! The linear relaxation of "a valid set meeting every goal of `M` within both limits", over
//! the items kept, written as `min c·x` subject to rows `a·x >= b` and `0 <= x <= u`, every
//! coefficient an integer (the problem's hundredths), so that the bound computed from it
//! (see `dual`) is exact up to the rounding of its own sums.
//!
//! Variables: one per item kept (`x_i` in [0, 1], weighing its primary weight), one per
//! distinct requirement list among them (`s_L` in [0, 1]: "some supporter of `L` is in the
//! set"), and, per measure, one for the largest chain in the set (`t`, see below).
//!
//! Rows, each true of every valid set within the limits that meets `M` (its items at 1):
//! - each goal of `M`: `sum of x_j over its supporters >= 1`;
//! - each requirement list `L`: `sum of x_j over L - s_L >= 0`, and each requirement of an
//!   item `i` naming `L`: `s_L - x_i >= 0` (an item in the set needs a supporter of each of
//!   its requirements in it; the lists are shared, as many items name the same skill);
//! - the budget and the hour limit: `-sum of cost_j x_j >= -budget`, and the same in hours;
//! - order, per measure (the primary weight, the cost and the hours): a valid set holding
//!   `i` holds what `i` needs first, so its total is at least `i`'s chain (the least total of
//!   `i` with what it needs first, `chains`); so `t`, the largest chain of an item in the
//!   set, is at most the set's total (`sum of m_j x_j - t >= 0`) and at least each chain
//!   (`t - chain_i x_i >= 0`); `t` is at most the limit (or the largest chain).

use std::collections::HashMap;

use crate::plan::recommend::chains::{Chains, NEVER};
use crate::plan::recommend::reduce::Problem;

/// A row `sum of coefficient * x[var] >= rhs`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub terms: Vec<(usize, i64)>,
    pub rhs: i64,
}

/// `min c·x` subject to the rows and `0 <= x <= upper`.
#[derive(Debug, Clone, Default)]
pub(super) struct Model {
    pub cost: Vec<i64>,
    pub upper: Vec<i64>,
    pub rows: Vec<Row>,
    /// The most any set of the items kept can weigh: a bound above it proves that no set
    /// meets the goals within the limits.
    pub heaviest: i64,
    /// Each item's variable (`usize::MAX`: not kept).
    pub var: Vec<usize>,
}

/// The chains of the three measures, over the whole problem.
pub(super) struct Measures {
    pub primary: Chains,
    pub cost: Chains,
    pub hours: Chains,
}

impl Measures {
    pub fn new(problem: &Problem) -> Measures {
        let items = &problem.items;
        Measures {
            primary: Chains::new(problem, |i| items[i].weight.primary),
            cost: Chains::new(problem, |i| items[i].cost),
            hours: Chains::new(problem, |i| items[i].hours),
        }
    }
}

/// The model of the goals in `mask` (bits over `problem.open`) over the items `kept`, which
/// must be closed: every requirement of a kept item has a kept supporter. `None` when a goal
/// of `mask` has no kept supporter (no set of them meets it).
pub(super) fn model(
    problem: &Problem,
    kept: &[bool],
    mask: u32,
    measures: &Measures,
) -> Option<Model> {
    let mut model = Model::default();
    let mut var = vec![usize::MAX; problem.items.len()];
    for (i, item) in problem.items.iter().enumerate() {
        if kept[i] {
            var[i] = model.cost.len();
            model.cost.push(item.weight.primary);
            model.upper.push(1);
            model.heaviest = model.heaviest.saturating_add(item.weight.primary);
        }
    }
    let over = |supporters: &[u32]| -> Vec<(usize, i64)> {
        supporters
            .iter()
            .filter(|&&s| kept[s as usize])
            .map(|&s| (var[s as usize], 1))
            .collect()
    };
    for (g, (_, supporters)) in problem.open.iter().enumerate() {
        if mask & (1 << g) != 0 {
            let terms = over(supporters);
            if terms.is_empty() {
                return None;
            }
            model.rows.push(Row { terms, rhs: 1 });
        }
    }
    // One `s_L` per distinct list of kept supporters.
    let mut lists: HashMap<Vec<(usize, i64)>, usize> = HashMap::new();
    for (i, _) in problem.items.iter().enumerate().filter(|&(i, _)| kept[i]) {
        for supporters in problem.supporters(i as u32) {
            let terms = over(supporters);
            debug_assert!(!terms.is_empty(), "the items kept are closed");
            let s = if let Some(&s) = lists.get(&terms) {
                s
            } else {
                let s = add_var(&mut model, 1);
                let mut row = terms.clone();
                row.push((s, -1));
                model.rows.push(Row { terms: row, rhs: 0 });
                lists.insert(terms, s);
                s
            };
            model.rows.push(Row {
                terms: vec![(s, 1), (var[i], -1)],
                rhs: 0,
            });
        }
    }
    let kept_items = || (0..problem.items.len()).filter(|&i| kept[i]);
    let items = &problem.items;
    for (own, chains, limit) in [
        (
            &(|i: usize| items[i].weight.primary) as &dyn Fn(usize) -> i64,
            &measures.primary,
            None,
        ),
        (&|i: usize| items[i].cost, &measures.cost, problem.budget),
        (
            &|i: usize| items[i].hours,
            &measures.hours,
            problem.max_hours,
        ),
    ] {
        if let Some(limit) = limit {
            model.rows.push(Row {
                terms: kept_items().map(|i| (var[i], -own(i))).collect(),
                rhs: -limit,
            });
        }
        let longest = kept_items()
            .map(|i| chains.item[i])
            .filter(|&chain| chain != NEVER)
            .max()
            .unwrap_or(0);
        let t = add_var(
            &mut model,
            limit.map_or(longest, |limit| limit.min(longest)),
        );
        let mut total: Vec<(usize, i64)> = kept_items().map(|i| (var[i], own(i))).collect();
        total.push((t, -1));
        model.rows.push(Row {
            terms: total,
            rhs: 0,
        });
        for i in kept_items() {
            let chain = chains.item[i];
            if chain > own(i) && chain != NEVER {
                model.rows.push(Row {
                    terms: vec![(t, 1), (var[i], -chain)],
                    rhs: 0,
                });
            }
        }
    }
    model.var = var;
    Some(model)
}

/// A variable of no weight with upper bound `upper`; returns its index.
fn add_var(model: &mut Model, upper: i64) -> usize {
    model.cost.push(0);
    model.upper.push(upper);
    model.cost.len() - 1
}
