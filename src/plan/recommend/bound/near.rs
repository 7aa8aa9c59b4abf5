//! Bounds that see the set so far (`S`) and what is excluded at a node: the chains that the
//! rest of the set needs are settled again with the items of `S` free and the items that
//! can no longer join left out. A valid superset `T` of `S` holds, for each blocked item of
//! `S`, a chain under it, and for each goal `S` does not meet, a supporter `e` with its chain
//! `P(e)`; what `P(e)` adds to `S` weighs at least `e`'s settled value here, and the goals
//! outside `e`'s reach need items outside both `S` (which does not meet them) and `P(e)`,
//! which weigh at least their plain cover. So, unlike the whole-set bounds of
//! [`super::chained`] and [`super::paths`], this one adds to what `S` weighs already, and
//! an exclusion that leaves only a circle (a trap's two cheap halves) makes a goal
//! unreachable at once.

use crate::plan::recommend::reduce::Weight;

/// Per bounded goal, for each distinct reach among its supporters that can still join, the
/// least that such a supporter adds with its chain, in one measure; and the most any
/// blocked item's chain adds.
#[derive(Debug, Clone, Default)]
pub(in crate::plan::recommend) struct Beyond<T> {
    pub goals: Vec<Vec<(u32, T)>>,
    pub blocked: T,
}

/// [`Beyond`] for the weight, and for the cost and the hours when they have a limit.
#[derive(Debug, Clone, Default)]
pub(in crate::plan::recommend) struct Near {
    pub weight: Beyond<Weight>,
    pub cost: Option<Beyond<i64>>,
    pub hours: Option<Beyond<i64>>,
    /// And for the limits priced together (see `super::priced`), when both are set.
    pub priced: Option<Beyond<i64>>,
}

impl<T: Copy + Ord> Beyond<T> {
    /// The least a valid superset adds to the set so far while meeting every goal of
    /// `mask`, with `plain` the plain cover bound per subset; `None` when no superset
    /// can meet them all.
    pub fn adds(&self, mask: u32, plain: &[T], add: impl Fn(T, T) -> T) -> Option<T> {
        let mut most = self.blocked;
        let mut rest = mask;
        while rest != 0 {
            let g = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let least = self.goals[g]
                .iter()
                .map(|&(reached, value)| add(value, plain[(mask & !reached) as usize]))
                .min()?;
            most = most.max(least);
        }
        Some(most)
    }
}

#[cfg(test)]
mod tests {
    use super::Beyond;

    #[test]
    fn each_goal_takes_its_least_chain_and_the_plain_cover_beyond_its_reach() {
        // Goal 0: a chain of 30 that reaches goal 1 too, or one of 10 that does not.
        // Goal 1: a chain of 25. Plain cover: 5 per goal.
        let plain = [0, 5, 5, 10];
        let beyond = Beyond {
            goals: vec![vec![(0b11, 30), (0b01, 10)], vec![(0b10, 25)]],
            blocked: 0,
        };
        assert_eq!(beyond.adds(0b01, &plain, i64::saturating_add), Some(10));
        // Goal 0 through the short chain leaves goal 1's 5; goal 1's own chain is 25 plus
        // goal 0's 5: the larger, 30.
        assert_eq!(beyond.adds(0b11, &plain, i64::saturating_add), Some(30));
        let blocked = Beyond {
            blocked: 40,
            ..beyond.clone()
        };
        assert_eq!(blocked.adds(0b11, &plain, i64::saturating_add), Some(40));
    }

    #[test]
    fn a_goal_whose_supporters_cannot_settle_cannot_be_met() {
        let beyond = Beyond {
            goals: vec![vec![(0b1, 3)], Vec::new()],
            blocked: 0,
        };
        assert_eq!(beyond.adds(0b10, &[0, 1, 1, 2], i64::saturating_add), None);
        assert_eq!(
            beyond.adds(0b01, &[0, 1, 1, 2], i64::saturating_add),
            Some(3)
        );
    }
}
