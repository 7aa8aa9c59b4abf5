//! Which goals a credential meets, and the least that meeting the goals it does not meet
//! adds to a plan holding it: what settling prunes with once it has a plan meeting every
//! goal.
//!
//! A plan `P` that holds `c` and meets every goal holds, for each goal `g` that `c` does not
//! meet, another supporter `s_g` of it. Counting each `s_g` once per goal it meets (`k(s)`,
//! among the open goals) shares its weight out: `w(P) >= w(c) + sum over such g of
//! w(s_g) / k(s_g) >= w(c) + sum over such g of share(g)`, where `share(g)` is the least
//! `w(s) / k(s)` over the supporters of `g`. No ordering is assumed, so this holds for every
//! valid plan; on the primary measure only, in whole hundredths rounded down.

use crate::catalog::{Atom, Catalog, CredentialIdx, Requirement};

use super::view::View;

/// Which goals a credential meets, by the skills it teaches and by its own index: a lookup
/// per skill instead of a look at every goal for every credential settled.
pub(super) struct GoalIndex {
    /// (skill index, goal), sorted.
    skills: Vec<(u32, usize)>,
    /// (credential index, goal), sorted.
    credentials: Vec<(u32, usize)>,
}

impl GoalIndex {
    pub(super) fn new(goals: &[&Requirement]) -> GoalIndex {
        let mut skills = Vec::new();
        let mut credentials = Vec::new();
        for (g, goal) in goals.iter().enumerate() {
            for &atom in goal.atoms() {
                match atom {
                    Atom::Skill(skill) => skills.push((skill.0, g)),
                    Atom::Credential(idx) => credentials.push((idx.0, g)),
                    Atom::Experience(_) => {}
                }
            }
        }
        skills.sort_unstable();
        skills.dedup();
        credentials.sort_unstable();
        credentials.dedup();
        GoalIndex {
            skills,
            credentials,
        }
    }

    /// The goals `idx` meets, into `met` (in no particular order, possibly repeated).
    pub(super) fn goals_met_by(&self, catalog: &Catalog, idx: CredentialIdx, met: &mut Vec<usize>) {
        met.clear();
        let by = |pairs: &[(u32, usize)], key: u32, met: &mut Vec<usize>| {
            let start = pairs.partition_point(|&(k, _)| k < key);
            met.extend(
                pairs[start..]
                    .iter()
                    .take_while(|&&(k, _)| k == key)
                    .map(|&(_, g)| g),
            );
        };
        by(&self.credentials, idx.0, met);
        if !self.skills.is_empty() {
            for &skill in &catalog.credential(idx).skills {
                by(&self.skills, skill.0, met);
            }
        }
    }
}

/// The least the goals a credential does not meet add to a plan holding it, on the primary
/// measure (see the module's documentation).
pub(super) struct Shares {
    /// Per goal: the least primary weight of a supporter divided by the goals it meets.
    share: Vec<i64>,
    /// The sum of the shares: the most `others` gives.
    pub total: i64,
}

impl Shares {
    pub(super) fn new(view: &View<'_>, goals: &[&Requirement], index: &GoalIndex) -> Shares {
        let mut supporters = Vec::new();
        let mut met = Vec::new();
        let share: Vec<i64> = goals
            .iter()
            .map(|goal| {
                view.supporters(goal, &mut supporters);
                supporters
                    .iter()
                    .map(|&s| {
                        index.goals_met_by(view.catalog, s, &mut met);
                        met.sort_unstable();
                        met.dedup();
                        view.weight(s).primary / (met.len().max(1) as i64)
                    })
                    .min()
                    .unwrap_or(0)
            })
            .collect();
        let total = share.iter().fold(0i64, |sum, &s| sum.saturating_add(s));
        Shares { share, total }
    }

    /// The least the goals not in `met` (the goals a credential meets, repeats allowed) add.
    pub(super) fn others(&self, met: &mut Vec<usize>) -> i64 {
        met.sort_unstable();
        met.dedup();
        met.iter()
            .fold(self.total, |rest, &g| rest.saturating_sub(self.share[g]))
    }
}
