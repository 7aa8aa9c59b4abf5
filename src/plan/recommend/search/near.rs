//! Settles, at a node, what the rest of a set below it needs beyond the set so far (see
//! `bound::near`). The chains are settled once, when a node first asks, and then follow the
//! search (see `incremental`): the items chosen and excluded since the last node that asked
//! are applied, and those of branches left behind undone, so a node pays for what changed.

use std::collections::BTreeMap;

use super::Search;
use super::incremental::Settled;
use super::needs::Graph;
use crate::plan::recommend::bound::{Beyond, MAX_GOALS, Near};
use crate::plan::recommend::reduce::{Problem, Weight};

/// A change on the way down from the root: an item joins the set, or is excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Join(u32),
    Exclude(u32),
}

/// Each measure's settled values, as of the steps applied.
pub(super) struct NearState {
    graph: Graph,
    weight: Settled<Weight>,
    cost: Option<Settled<i64>>,
    hours: Option<Settled<i64>>,
    priced: Option<Settled<i64>>,
    /// The steps applied, in order, each with where each measure's trail stood before it,
    /// or before the run of exclusions it was applied in (see `sync_near`).
    applied: Vec<(Step, [usize; 4])>,
}

impl NearState {
    /// Settled with nothing chosen and nothing excluded: only the items `takeable` at the
    /// root (within the limits with what they need first) may be taken. `priced` gives an
    /// item's own measure with both limits priced together, when both are set.
    fn new(
        problem: &Problem,
        takeable: &[bool],
        priced: Option<&dyn Fn(i64, i64) -> i64>,
    ) -> NearState {
        let graph = Graph::new(problem);
        let own = |measure: &dyn Fn(usize) -> i64| -> Vec<Option<i64>> {
            (0..problem.items.len())
                .map(|i| takeable[i].then(|| measure(i)))
                .collect()
        };
        let items = &problem.items;
        let weight = (0..items.len())
            .map(|i| takeable[i].then_some(items[i].weight))
            .collect();
        let weight = Settled::new(&graph, weight, |a, b| a + b);
        let measure = |limit: Option<i64>, of: &dyn Fn(usize) -> i64| {
            limit.map(|_| Settled::new(&graph, own(of), i64::saturating_add))
        };
        let cost = measure(problem.budget, &|i| items[i].cost);
        let hours = measure(problem.max_hours, &|i| items[i].hours);
        let priced = priced.map(|priced| {
            let of = |i: usize| priced(items[i].cost, items[i].hours);
            Settled::new(&graph, own(&of), i64::saturating_add)
        });
        NearState {
            graph,
            weight,
            cost,
            hours,
            priced,
            applied: Vec::new(),
        }
    }

    fn marks(&self) -> [usize; 4] {
        let mark = |settled: &Option<Settled<i64>>| settled.as_ref().map_or(0, Settled::mark);
        [
            self.weight.mark(),
            mark(&self.cost),
            mark(&self.hours),
            mark(&self.priced),
        ]
    }

    fn undo(&mut self, marks: [usize; 4]) {
        self.weight.undo(marks[0]);
        for (settled, mark) in [&mut self.cost, &mut self.hours, &mut self.priced]
            .into_iter()
            .zip(&marks[1..])
        {
            if let Some(settled) = settled {
                settled.undo(*mark);
            }
        }
    }

    /// Applies one step, or a run of exclusions at once.
    fn apply(&mut self, problem: &Problem, steps: &[Step]) {
        let graph = &self.graph;
        let measures = [&mut self.cost, &mut self.hours, &mut self.priced];
        if let [Step::Join(item)] = *steps {
            self.weight.free(graph, item, Weight::default());
            for settled in measures.into_iter().flatten() {
                settled.free(graph, item, 0);
            }
            return;
        }
        let excluded: Vec<u32> = steps
            .iter()
            .map(|&step| match step {
                Step::Exclude(item) => item,
                Step::Join(_) => panic!("a join applied with other steps"),
            })
            .collect();
        self.weight.exclude(graph, problem, &excluded);
        for settled in measures.into_iter().flatten() {
            settled.exclude(graph, problem, &excluded);
        }
    }
}

impl Search<'_> {
    /// A step down: the search's path, which the node settle follows when asked.
    pub(super) fn step(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Back up to the first `len` steps.
    pub(super) fn unstep(&mut self, len: usize) {
        self.steps.truncate(len);
        self.steps_kept = self.steps_kept.min(len);
    }

    /// Brings the settled values to this node: undoes the steps applied past where they
    /// and the path part, then applies the path's steps after.
    fn sync_near(&mut self) {
        let problem = self.problem;
        let state = match &mut self.near_state {
            Some(state) => state,
            slot => {
                let priced = self.bound.priced.as_ref();
                let measure = priced.map(|priced| move |c, h| priced.near_measure(c, h));
                let measure = measure.as_ref().map(|m| m as &dyn Fn(i64, i64) -> i64);
                self.steps_kept = 0;
                slot.insert(NearState::new(problem, &self.root_takeable, measure))
            }
        };
        // A run of exclusions applied together shares the marks from before it (every step
        // moves the weight's trail, so equal marks mean one run), and is undone whole; the
        // part of it still on the path is applied again below.
        while state.applied.len() > self.steps_kept {
            let (_, marks) = state.applied.pop().expect("longer than kept");
            state.undo(marks);
            while state
                .applied
                .last()
                .is_some_and(|&(_, before)| before == marks)
            {
                state.applied.pop();
            }
        }
        while state.applied.len() < self.steps.len() {
            let at = state.applied.len();
            let end = match self.steps[at] {
                Step::Join(_) => at + 1,
                Step::Exclude(_) => self.steps[at..]
                    .iter()
                    .position(|step| matches!(step, Step::Join(_)))
                    .map_or(self.steps.len(), |run| at + run),
            };
            let marks = state.marks();
            state.apply(problem, &self.steps[at..end]);
            for &step in &self.steps[at..end] {
                state.applied.push((step, marks));
            }
        }
        self.steps_kept = self.steps.len();
    }

    /// `None` when no valid superset of the set avoids what is excluded: some blocked
    /// item's chain cannot be completed.
    pub(super) fn near(&mut self, reachable: &[(usize, Vec<u32>)]) -> Option<Near> {
        self.sync_near();
        let state = self.near_state.as_ref().expect("just synced");
        let of = |settled: &Option<Settled<i64>>| -> Option<Option<Beyond<i64>>> {
            match settled {
                Some(settled) => Some(Some(self.beyond(&settled.item, reachable)?)),
                None => Some(None),
            }
        };
        Some(Near {
            weight: self.beyond(&state.weight.item, reachable)?,
            cost: of(&state.cost)?,
            hours: of(&state.hours)?,
            priced: of(&state.priced)?,
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
