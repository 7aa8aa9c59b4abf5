//! The Lagrangian step of [`super`]: with the weight the cost (or the hours) and a limit on
//! the other measure, the least set without limits often breaks that limit, and its weight
//! then bounds the sets within it loosely. Pricing the other measure into the weight
//! bounds them more tightly, each search still one without limits.

use std::time::Instant;

use super::restrict::{cut_down, restrict};
use super::{fits, search};
use crate::plan::recommend::chains::Chains;
use crate::plan::recommend::reduce::{Item, Problem, Weight};
use crate::plan::recommend::search::Stop;

/// The measure that is not the weight, when the weight is the cost or the hours and the
/// other has a limit.
#[derive(Clone, Copy)]
pub(super) struct Other {
    is_hours: bool,
    pub limit: i64,
}

impl Other {
    pub(super) fn of(problem: &Problem) -> Option<Other> {
        let items = &problem.items;
        if items.iter().all(|it| it.weight.primary == it.cost) {
            problem.max_hours.map(|limit| Other {
                is_hours: true,
                limit,
            })
        } else if items.iter().all(|it| it.weight.primary == it.hours) {
            problem.budget.map(|limit| Other {
                is_hours: false,
                limit,
            })
        } else {
            None
        }
    }

    pub(super) fn measure(self, cost: i64, hours: i64) -> i64 {
        if self.is_hours { hours } else { cost }
    }
}

/// How many searches with the other measure priced in, per subset.
const PRICED_STEPS: usize = 3;

/// A lower bound on the weight (cost or hours) of any set within the other measure's limit
/// `L` that meets every goal of `relaxed`, from searches of the least `a·weight + b·other`
/// (Lagrangian: for a set within the limit, `a·weight >= a·weight + b·other - b·L`, so a
/// bound `P` on the priced measure gives `weight >= (P - b·L) / a`); and the sets found
/// that fit the limits. Each price `b / a` is where the lines `weight + λ·(other - L)` of
/// the sets found so far, and the best weight `best` known within the limits, cross
/// highest (Kelley's method on the Lagrangian dual), starting from `first`, the least set
/// without limits, as (weight, other).
pub(super) fn priced(
    relaxed: &Problem,
    problem: &Problem,
    (other, best, first): (Other, i64, (i64, i64)),
    stop: Stop,
) -> (i64, Vec<(Vec<u32>, Weight)>) {
    let mut lines: Vec<(i64, i64)> = vec![(first.0, first.1 - other.limit), (best, 0)];
    let mut least = 0i64;
    let mut found = Vec::new();
    for _ in 0..PRICED_STEPS {
        if stop.deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let Some((a, b)) = highest_crossing(&lines) else {
            break;
        };
        let measure = |cost: i64, hours: i64| {
            a.saturating_mul(if other.is_hours { cost } else { hours })
                .saturating_add(b.saturating_mul(other.measure(cost, hours)))
        };
        let chains = Chains::new(relaxed, |i| {
            measure(relaxed.items[i].cost, relaxed.items[i].hours)
        });
        let items = relaxed
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| Item {
                weight: Weight {
                    primary: measure(item.cost, item.hours),
                    ..Weight::default()
                },
                with_prerequisites: Weight {
                    primary: chains.item[i],
                    ..Weight::default()
                },
                ..item.clone()
            })
            .collect();
        let pricedup = Problem {
            items,
            ..relaxed.clone()
        };
        // A set within the limit and no heavier than `best` weighs at most this, priced.
        let most = Weight {
            primary: a
                .saturating_mul(best)
                .saturating_add(b.saturating_mul(other.limit)),
            ..Weight::default()
        };
        let (light, numbers) = restrict(&pricedup, u32::MAX, |e| {
            pricedup.items[e].with_prerequisites <= most
        });
        if light
            .open
            .iter()
            .any(|(_, supporters)| supporters.is_empty())
        {
            return (best, found);
        }
        let (pricedup, within, cutoff) = cut_down(&light, most, stop);
        let mut searched = search(&pricedup, stop);
        searched.bound = searched.bound.min(cutoff);
        searched.items = searched
            .items
            .iter()
            .map(|&i| numbers[within[i as usize] as usize])
            .collect();
        searched.items.sort_unstable();
        if searched.bound == Weight::INFINITE {
            return (i64::MAX, found);
        }
        let room = searched
            .bound
            .primary
            .saturating_sub(b.saturating_mul(other.limit))
            .max(0);
        least = least.max(room.saturating_add(a - 1) / a);
        if !searched.meets_all {
            break;
        }
        if fits(problem, searched.cost, searched.hours) {
            let weight = searched.items.iter().fold(Weight::default(), |w, &i| {
                w + relaxed.items[i as usize].weight
            });
            found.push((searched.items.clone(), weight));
        }
        let own = if other.is_hours {
            searched.cost
        } else {
            searched.hours
        };
        lines.push((
            own,
            other.measure(searched.cost, searched.hours) - other.limit,
        ));
    }
    (least, found)
}

/// The price `(a, b)`, `λ = b / a`, at which the least of the lines `p + λ·s` is highest,
/// among the crossings of a rising line with one that does not rise; `None` when none rises.
fn highest_crossing(lines: &[(i64, i64)]) -> Option<(i64, i64)> {
    let value = |a: i64, b: i64| {
        lines
            .iter()
            .map(|&(p, s)| p as f64 + b as f64 / a as f64 * s as f64)
            .fold(f64::INFINITY, f64::min)
    };
    let mut best: Option<(f64, (i64, i64))> = None;
    for &(p1, s1) in lines.iter().filter(|&&(_, s)| s > 0) {
        for &(p2, s2) in lines.iter().filter(|&&(_, s)| s <= 0) {
            // p1 + λ·s1 = p2 + λ·s2.
            let (b, a) = (p2 - p1, s1 - s2);
            if b <= 0 || a <= 0 {
                continue;
            }
            let divisor = gcd(a, b);
            let (a, b) = (a / divisor, b / divisor);
            let v = value(a, b);
            if best.is_none_or(|(most, _)| v > most) {
                best = Some((v, (a, b)));
            }
        }
    }
    best.map(|(_, price)| price)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.max(1) } else { gcd(b, a % b) }
}
