//! Which supporter of a goal to try first.

use super::Search;
use crate::plan::recommend::bound::MAX_GOALS;

impl Search<'_> {
    /// Supporters in the order most likely to lead to the best set first: the least bound
    /// on the item with its prerequisites plus the cover bound on the goals left after it.
    pub(super) fn order_for_goal(&self, mut supporters: Vec<u32>) -> Vec<u32> {
        let mut mask = 0u32;
        for (g, (_, s)) in self.problem.open.iter().enumerate().take(MAX_GOALS) {
            if !self.given_up[g] && !self.has_member(s, |_| true) {
                mask |= 1 << g;
            }
        }
        let key = |e: u32| {
            let item = &self.problem.items[e as usize];
            let rest = mask & !self.bound.cover[e as usize];
            (item.with_prerequisites + self.bound.weight(rest), e)
        };
        supporters.sort_by_key(|&e| key(e));
        supporters
    }
}
