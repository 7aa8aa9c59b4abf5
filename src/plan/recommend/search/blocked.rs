//! What a node's blocked items (chosen, but not derivable yet) need before the set can have
//! a valid order, and what that adds at least.

use super::Search;
use crate::plan::recommend::reduce::Weight;

/// What a node's blocked items need.
pub(super) enum Blocked {
    None,
    /// Some requirement cannot be met: the node has no valid superset.
    Dead,
    /// Branch over these new items; the weight is a lower bound on what they add.
    Branch(Vec<u32>, Weight),
}

impl Search<'_> {
    pub(super) fn blocked(&self) -> Blocked {
        let mut forced: Option<Vec<u32>> = None;
        let mut union: Vec<u32> = Vec::new();
        let mut lower = Weight::default();
        let mut any_blocked = false;
        for &item in &self.chosen {
            if self.derived[item as usize] {
                continue;
            }
            any_blocked = true;
            for supporters in self.problem.supporters(item) {
                if self.has_member(supporters, |c| self.derived[c as usize]) {
                    continue;
                }
                let fresh: Vec<u32> = supporters
                    .iter()
                    .copied()
                    .filter(|&e| self.available(e))
                    .collect();
                if self.has_member(supporters, |c| !self.derived[c as usize]) {
                    union.extend_from_slice(&fresh);
                    continue;
                }
                if fresh.is_empty() {
                    return Blocked::Dead;
                }
                let cheapest = fresh
                    .iter()
                    .map(|&e| self.problem.items[e as usize].weight)
                    .min()
                    .unwrap_or(Weight::INFINITE);
                lower = lower.max(cheapest);
                if forced.as_ref().is_none_or(|f| fresh.len() < f.len()) {
                    forced = Some(fresh);
                }
            }
        }
        if !any_blocked {
            return Blocked::None;
        }
        let forced_some = forced.is_some();
        let mut items = if let Some(items) = forced {
            items
        } else {
            union.sort_unstable();
            union.dedup();
            union
        };
        if items.is_empty() {
            return Blocked::Dead;
        }
        if !forced_some {
            // The blocked items only support each other in a circle: one of these new
            // items must join, so the set gains at least the lightest of them.
            let lightest = items
                .iter()
                .map(|&e| self.problem.items[e as usize].weight)
                .min()
                .unwrap_or(Weight::INFINITE);
            lower = lower.max(lightest);
        }
        let problem = self.problem;
        items.sort_by_key(|&e| (problem.items[e as usize].with_prerequisites, e));
        Blocked::Branch(items, lower)
    }
}
