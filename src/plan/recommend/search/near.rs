//! Settles, at a node, what the rest of a set below it needs beyond the set so far (see
//! `bound::near`).

use std::collections::BTreeMap;

use super::Search;
use crate::plan::recommend::bound::{Beyond, MAX_GOALS, Near};
use crate::plan::recommend::chains::{Slots, settle};
use crate::plan::recommend::reduce::Weight;

impl Search<'_> {
    /// `None` when no valid superset of the set avoids what is excluded: some blocked
    /// item's chain cannot be completed.
    pub(super) fn near(&self, reachable: &[(usize, Vec<u32>)]) -> Option<Near> {
        let problem = self.problem;
        let n = problem.items.len();
        let takeable: Vec<bool> = (0..n)
            .map(|i| self.in_set[i] || self.available(i as u32))
            .collect();
        let slots = Slots {
            supports: &self.supports,
            owner: &self.owner,
        };
        let weight = settle(
            problem,
            &slots,
            |i| {
                takeable[i].then(|| {
                    if self.in_set[i] {
                        Weight::default()
                    } else {
                        problem.items[i].weight
                    }
                })
            },
            |a, b| a + b,
        );
        let measure = |limit: Option<i64>, own: &dyn Fn(usize) -> i64| {
            limit.map(|_| {
                settle(
                    problem,
                    &slots,
                    |i| takeable[i].then(|| if self.in_set[i] { 0 } else { own(i) }),
                    i64::saturating_add,
                )
            })
        };
        let priced = self.bound.priced.as_ref().map(|priced| {
            settle(
                problem,
                &slots,
                |i| {
                    let item = &problem.items[i];
                    takeable[i].then(|| {
                        if self.in_set[i] {
                            0
                        } else {
                            priced.near_measure(item.cost, item.hours)
                        }
                    })
                },
                i64::saturating_add,
            )
        });
        let cost = measure(problem.budget, &|i| problem.items[i].cost);
        let hours = measure(problem.max_hours, &|i| problem.items[i].hours);
        Some(Near {
            weight: self.beyond(&weight, reachable)?,
            cost: match cost {
                Some(values) => Some(self.beyond(&values, reachable)?),
                None => None,
            },
            hours: match hours {
                Some(values) => Some(self.beyond(&values, reachable)?),
                None => None,
            },
            priced: match priced {
                Some(values) => Some(self.beyond(&values, reachable)?),
                None => None,
            },
        })
    }

    /// Groups one measure's settled values by goal and reach.
    fn beyond<T: Copy + Ord + Default>(
        &self,
        values: &[Option<T>],
        reachable: &[(usize, Vec<u32>)],
    ) -> Option<Beyond<T>> {
        let mut blocked = T::default();
        for &item in &self.chosen {
            if !self.derived[item as usize] {
                blocked = blocked.max(values[item as usize]?);
            }
        }
        let mut goals = vec![Vec::new(); self.problem.open.len().min(MAX_GOALS)];
        for (g, supporters) in reachable {
            let Some(options) = goals.get_mut(*g) else {
                continue;
            };
            let mut least: BTreeMap<u32, T> = BTreeMap::new();
            for &e in supporters {
                if let Some(value) = values[e as usize] {
                    let entry = least
                        .entry(self.bound.chained.reach[e as usize])
                        .or_insert(value);
                    *entry = (*entry).min(value);
                }
            }
            *options = least.into_iter().collect();
        }
        Some(Beyond { goals, blocked })
    }
}
