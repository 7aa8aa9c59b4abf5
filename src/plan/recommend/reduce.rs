//! Turns a catalog question into the abstract problem the search solves: only the
//! credentials that can contribute (recursively), can ever be had, and are not heavier than a
//! plan already known to meet every goal (see `settle`), each requirement as the sorted list
//! of those credentials that would satisfy it.

use std::ops::Range;
use std::time::Instant;

use crate::catalog::{Amount, Catalog, Credential, CredentialIdx, Requirement};
use crate::plan::Holdings;

use super::goals::goals_of;
use super::lists::Lists;
use super::local::LocalTeachers;
use super::settle::{self, Settled};
use super::view::{View, past};
use super::{Objective, Options, UnmetReason};

/// The lexicographic cost of a set after "requirements met": primary, secondary, steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) struct Weight {
    pub primary: i64,
    pub secondary: i64,
    pub steps: i64,
}

impl Weight {
    pub const INFINITE: Weight = Weight {
        primary: i64::MAX,
        secondary: i64::MAX,
        steps: i64::MAX,
    };
}

impl std::ops::Add for Weight {
    type Output = Weight;
    fn add(self, other: Weight) -> Weight {
        Weight {
            primary: self.primary.saturating_add(other.primary),
            secondary: self.secondary.saturating_add(other.secondary),
            steps: self.steps.saturating_add(other.steps),
        }
    }
}

impl std::ops::Sub for Weight {
    type Output = Weight;
    fn sub(self, other: Weight) -> Weight {
        Weight {
            primary: self.primary - other.primary,
            secondary: self.secondary - other.secondary,
            steps: self.steps - other.steps,
        }
    }
}

/// A credential that may be chosen, or a group: a role requirement of several clauses, met
/// when its requirements (the clauses) are, weighing nothing.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// `None` for a group.
    pub credential: Option<CredentialIdx>,
    pub weight: Weight,
    /// In hundredths.
    pub cost: i64,
    pub hours: i64,
    /// Its requirements not already satisfied by what is held, in [`Problem::requirements`].
    pub requirements: Range<usize>,
    /// A lower bound on the weight of the item with whatever it needs first.
    pub with_prerequisites: Weight,
}

#[derive(Debug, Clone)]
pub(super) struct Problem {
    pub items: Vec<Item>,
    /// Each requirement as the sorted items that would satisfy it (never empty).
    pub requirements: Lists,
    /// The goals that are neither held nor impossible: (goal index, sorted supporters).
    pub open: Vec<(usize, Vec<u32>)>,
    /// For each goal, why it can never be met (`None`: held or open).
    pub impossible: Vec<Option<UnmetReason>>,
    pub budget: Option<i64>,
    pub max_hours: Option<i64>,
    /// When the deadline stopped the set-up short of every credential that may be in the
    /// best plan: the least weight, with what it needs first, of each one left out.
    pub left_out_from: Option<Weight>,
}

impl Problem {
    /// The supporters of each requirement of `item`.
    pub fn supporters(&self, item: u32) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.requirements
            .range(self.items[item as usize].requirements.clone())
    }

    /// The requirement slots the other way round: for each item, the slots it supports (in
    /// order), and for each slot, the item that owns it.
    pub fn slots(&self) -> (Lists, Vec<u32>) {
        let mut owner = vec![0u32; self.requirements.len()];
        for (item, it) in self.items.iter().enumerate() {
            for slot in it.requirements.clone() {
                owner[slot] = item as u32;
            }
        }
        let supports = Lists::inverted(self.items.len(), self.requirements.len(), |slot| {
            self.requirements[slot].iter().map(|&s| s as usize)
        });
        (supports, owner)
    }
}

/// What the planner counts for a cost or hours written `unknown`, in hundredths: a hundred
/// times the most a credential may cost or take, so a plan takes an unknown one only when no
/// plan of known ones meets as many requirements, and never within a budget or an hours
/// limit. An unknown is never read as free or quick.
const UNKNOWN: i64 = 100 * 100 * crate::catalog::format::MAX_COST as i64;

/// A credential's cost and hours as the planner weighs them, in hundredths.
pub(super) fn planned(credential: &Credential) -> (i64, i64) {
    let measure = |amount: Amount, unknown: bool| {
        if unknown {
            UNKNOWN
        } else {
            amount.hundredths()
        }
    };
    (
        measure(credential.cost, credential.unknown.cost),
        measure(credential.hours, credential.unknown.hours),
    )
}

pub(super) fn reduce(
    catalog: &Catalog,
    goals: &[Requirement],
    have: &Holdings,
    forbidden: &[CredentialIdx],
    options: &Options,
) -> Problem {
    reduce_keeping(catalog, goals, have, forbidden, options, settle::EARLY)
}

/// [`reduce`], keeping about `early` settled credentials when the deadline finds the set-up
/// late.
pub(super) fn reduce_keeping(
    catalog: &Catalog,
    goals: &[Requirement],
    have: &Holdings,
    forbidden: &[CredentialIdx],
    options: &Options,
    early: usize,
) -> Problem {
    let time_value = options.time_value.map_or(0, Amount::hundredths);
    let view = View::new(catalog, have, forbidden, options.objective, time_value);
    let budget = options.budget.map(Amount::hundredths);
    let max_hours = options.max_hours.map(Amount::hundredths);
    // Every clause still to meet, a group's one by one: a plan meeting them all meets
    // every goal.
    let open_goals: Vec<&Requirement> = goals
        .iter()
        .flat_map(Requirement::clauses)
        .filter(|clause| !have.satisfies(clause))
        .collect();
    let relevant = view
        .relevant(&open_goals, |_| true, None)
        .expect("no deadline to stop it");
    let settled = settle::settle(
        &view,
        &relevant,
        &open_goals,
        (budget, max_hours),
        (options.deadline, early),
    );
    // A credential can be in a plan within the limits only if it and (for the measure the
    // bound sums first) the least it needs first fit them.
    let primary_limit = match options.objective {
        Objective::Cost if time_value > 0 => None,
        Objective::Cost => budget,
        Objective::Hours => max_hours,
    };
    let fits = |idx: CredentialIdx, within: Option<Weight>| {
        settled.bound[idx.index()].is_some_and(|bound| {
            primary_limit.is_none_or(|limit| bound.primary <= limit)
                && within.is_none_or(|within| bound <= within)
        }) && (budget.is_none() && max_hours.is_none() || {
            // Only with a limit: reading each `Credential` is most of this walk's time.
            let (cost, hours) = planned(catalog.credential(idx));
            budget.is_none_or(|b| cost <= b) && max_hours.is_none_or(|h| hours <= h)
        })
    };
    // Late, when settling stopped at the deadline or the deadline passes while the problem
    // is built: only what settled up to `settled.early` is kept, every goal still with a
    // supporter, and the search answers at once from that, with the gap it proves (all left
    // out weigh at least that much with what they need first).
    let mut within = settled.early.filter(|_| past(options.deadline));
    let (position, mut items, mut flat) = loop {
        let watch = options
            .deadline
            .filter(|_| within.is_none() && settled.early.is_some());
        let built = view
            .relevant(&open_goals, |idx| fits(idx, within), watch)
            .and_then(|kept| items_of(&view, &settled, &kept, watch));
        match built {
            Some(built) => break built,
            None => within = settled.early,
        }
    };
    let local_supporters = |requirement: &Requirement, scratch: &mut Vec<CredentialIdx>| {
        view.supporters(requirement, scratch);
        scratch
            .iter()
            .map(|idx| position[idx.index()])
            .filter(|&i| i != u32::MAX)
            .collect::<Vec<u32>>()
    };
    let (open, impossible) = goals_of(
        goals,
        &view,
        &settled,
        &local_supporters,
        (&mut items, &mut flat),
    );
    Problem {
        items,
        requirements: flat,
        open,
        impossible,
        budget,
        max_hours,
        left_out_from: within.or(settled.stopped_at),
    }
}

/// The search's items for the `kept` credentials (a flag per catalog credential), with each
/// catalog credential's position among them (`u32::MAX`: not kept). `None` when `deadline`
/// passes first (the clock is read every 4,096 items).
fn items_of(
    view: &View<'_>,
    settled: &Settled,
    kept: &[bool],
    deadline: Option<Instant>,
) -> Option<(Vec<u32>, Vec<Item>, Lists)> {
    let catalog = view.catalog;
    let mut position = vec![u32::MAX; catalog.credentials.len()];
    let mut count = 0u32;
    for (c, &kept) in kept.iter().enumerate() {
        if kept {
            position[c] = count;
            count += 1;
        }
    }
    let mut teachers = LocalTeachers::new(catalog, &position);
    let mut items = Vec::with_capacity(count as usize);
    let mut flat = Lists::default();
    for idx in catalog.credential_indices().filter(|idx| kept[idx.index()]) {
        if items.len() % 4096 == 4095 && past(deadline) {
            return None;
        }
        let (cost, hours) = planned(catalog.credential(idx));
        let start = flat.len();
        for slot in view.needs.open_slots(idx.index()) {
            teachers.push_supporters(view.needs.atoms(slot), &mut flat);
        }
        items.push(Item {
            credential: Some(idx),
            weight: view.weight(idx),
            cost,
            hours,
            requirements: start..flat.len(),
            with_prerequisites: settled.bound[idx.index()]
                .expect("only settled credentials are kept"),
        });
    }
    drop(teachers);
    Some((position, items, flat))
}
