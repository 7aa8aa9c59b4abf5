//! The chains of one measure settled once, then kept exact as the search moves: an item
//! that joins the set becomes free, an item excluded can no longer be taken, and each change
//! is undone on the way back up. Each item's value is the least total of the item with what
//! it needs first (its own amount plus the largest of its needs' values), each need's value
//! the least among its supporters' (see `chains::settle`, which computes the same from
//! scratch).
//!
//! A free item only lowers values: they spread from it cheapest first, as in a settle. An
//! excluded item only raises them, and a raise cannot simply be spread, as items in a
//! circle would keep each other's old values: every value that may rest on the item (a
//! need whose least supporter it is, then every item naming such a need, and so on) is
//! cleared, and the cleared part is settled again cheapest first from the values around it.
//! What neither change reaches keeps its value and costs nothing.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::needs::Graph;
use crate::plan::recommend::reduce::Problem;

const NONE: u32 = u32::MAX;

/// A value overwritten, to be put back.
#[derive(Debug, Clone, Copy)]
enum Change<T> {
    Own(u32, Option<T>),
    Item(u32, Option<T>),
    Need(u32, Option<T>, u32),
}

/// One measure's settled values and how to undo the changes since.
pub(super) struct Settled<T> {
    add: fn(T, T) -> T,
    /// Per item, its own amount (`None`: it may not be taken).
    own: Vec<Option<T>>,
    /// Per item, the least total with what it needs first (`None`: no valid set of
    /// takeable items holds it).
    pub item: Vec<Option<T>>,
    /// Per need, the least value among its supporters, and which supporter has it.
    need: Vec<Option<T>>,
    witness: Vec<u32>,
    trail: Vec<Change<T>>,
    heap: BinaryHeap<Reverse<(T, u32)>>,
    /// Scratch for a raise: what it cleared, marked with its number.
    raises: u32,
    item_mark: Vec<u32>,
    need_mark: Vec<u32>,
    cleared: Vec<u32>,
    cleared_needs: Vec<u32>,
}

impl<T: Copy + Ord + Default> Settled<T> {
    /// Settles every item from scratch, cheapest first.
    pub(super) fn new(graph: &Graph, own: Vec<Option<T>>, add: fn(T, T) -> T) -> Settled<T> {
        let n = own.len();
        let needs = graph.needs();
        let mut settled = Settled {
            add,
            own,
            item: vec![None; n],
            need: vec![None; needs],
            witness: vec![NONE; needs],
            trail: Vec::new(),
            heap: BinaryHeap::new(),
            raises: 0,
            item_mark: vec![0; n],
            need_mark: vec![0; needs],
            cleared: Vec::new(),
            cleared_needs: Vec::new(),
        };
        let mut waiting: Vec<u32> = (0..n).map(|i| graph.item_needs[i].len() as u32).collect();
        for (i, &wait) in waiting.iter().enumerate() {
            if let (0, Some(own)) = (wait, settled.own[i]) {
                settled.heap.push(Reverse((own, i as u32)));
            }
        }
        while let Some(Reverse((value, i))) = settled.heap.pop() {
            if settled.item[i as usize].is_some() {
                continue;
            }
            settled.item[i as usize] = Some(value);
            for &r in &graph.supported[i as usize] {
                let r = r as usize;
                if settled.need[r].is_some() {
                    continue;
                }
                // Settled cheapest first: the first supporter is the least.
                settled.need[r] = Some(value);
                settled.witness[r] = i;
                for &o in &graph.need_owners[r] {
                    waiting[o as usize] -= 1;
                    if let (0, Some(own)) = (waiting[o as usize], settled.own[o as usize]) {
                        settled.heap.push(Reverse((add(own, value), o)));
                    }
                }
            }
        }
        settled
    }

    /// Where the trail stands, to undo back to.
    pub(super) fn mark(&self) -> usize {
        self.trail.len()
    }

    /// Puts back every value changed since `mark`.
    pub(super) fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            match self.trail.pop().expect("longer than the mark") {
                Change::Own(i, value) => self.own[i as usize] = value,
                Change::Item(i, value) => self.item[i as usize] = value,
                Change::Need(r, value, witness) => {
                    self.need[r as usize] = value;
                    self.witness[r as usize] = witness;
                }
            }
        }
    }

    fn set_own(&mut self, i: u32, value: Option<T>) {
        self.trail.push(Change::Own(i, self.own[i as usize]));
        self.own[i as usize] = value;
    }

    fn set_item(&mut self, i: u32, value: Option<T>) {
        self.trail.push(Change::Item(i, self.item[i as usize]));
        self.item[i as usize] = value;
    }

    fn set_need(&mut self, r: u32, value: Option<T>, witness: u32) {
        let at = r as usize;
        self.trail
            .push(Change::Need(r, self.need[at], self.witness[at]));
        self.need[at] = value;
        self.witness[at] = witness;
    }

    /// The item's own amount plus the largest of its needs' values, as they stand.
    fn value_of(&self, graph: &Graph, i: u32) -> Option<T> {
        let own = self.own[i as usize]?;
        let mut most = T::default();
        for &r in &graph.item_needs[i as usize] {
            most = most.max(self.need[r as usize]?);
        }
        Some((self.add)(own, most))
    }

    /// `i`'s own amount becomes `zero`: it joined the set.
    pub(super) fn free(&mut self, graph: &Graph, i: u32, zero: T) {
        self.set_own(i, Some(zero));
        let Some(value) = self.value_of(graph, i) else {
            return;
        };
        if self.item[i as usize].is_some_and(|old| old <= value) {
            return;
        }
        self.set_item(i, Some(value));
        self.heap.push(Reverse((value, i)));
        while let Some(Reverse((value, x))) = self.heap.pop() {
            if self.item[x as usize] != Some(value) {
                continue;
            }
            for &r in &graph.supported[x as usize] {
                if self.need[r as usize].is_some_and(|least| least <= value) {
                    continue;
                }
                self.set_need(r, Some(value), x);
                for &o in &graph.need_owners[r as usize] {
                    let Some(lower) = self.value_of(graph, o) else {
                        continue;
                    };
                    if self.item[o as usize].is_none_or(|old| lower < old) {
                        self.set_item(o, Some(lower));
                        self.heap.push(Reverse((lower, o)));
                    }
                }
            }
        }
    }

    /// The `items` can no longer be taken. Excluding several at once clears and settles
    /// again what rests on any of them once, where one at a time would settle again what
    /// rests on each (a popular skill's teachers, excluded one by one as the search tries
    /// them, each clear most of the problem).
    pub(super) fn exclude(&mut self, graph: &Graph, problem: &Problem, items: &[u32]) {
        for &i in items {
            self.set_own(i, None);
        }
        if items.iter().all(|&i| self.item[i as usize].is_none()) {
            return;
        }
        // Clear what may rest on them: needs one is the least supporter of, the items
        // naming them, and on.
        self.raises = self.raises.wrapping_add(1);
        if self.raises == 0 {
            self.item_mark.fill(0);
            self.need_mark.fill(0);
            self.raises = 1;
        }
        let stamp = self.raises;
        let mut cleared = std::mem::take(&mut self.cleared);
        let mut cleared_needs = std::mem::take(&mut self.cleared_needs);
        cleared.clear();
        cleared_needs.clear();
        for &i in items {
            if self.item[i as usize].is_some() && self.item_mark[i as usize] != stamp {
                self.item_mark[i as usize] = stamp;
                cleared.push(i);
            }
        }
        let mut next = 0;
        while next < cleared.len() {
            let x = cleared[next];
            next += 1;
            for &r in &graph.supported[x as usize] {
                if self.witness[r as usize] != x || self.need_mark[r as usize] == stamp {
                    continue;
                }
                self.need_mark[r as usize] = stamp;
                cleared_needs.push(r);
                for &o in &graph.need_owners[r as usize] {
                    if self.item_mark[o as usize] != stamp && self.item[o as usize].is_some() {
                        self.item_mark[o as usize] = stamp;
                        cleared.push(o);
                    }
                }
            }
        }
        for &x in &cleared {
            self.set_item(x, None);
        }
        // Each cleared need from the supporters that keep their values.
        for &r in &cleared_needs {
            let least = graph
                .supporters(problem, r as usize)
                .iter()
                .filter_map(|&s| self.item[s as usize].map(|value| (value, s)))
                .min();
            match least {
                Some((value, s)) => self.set_need(r, Some(value), s),
                None => self.set_need(r, None, NONE),
            }
        }
        for &x in &cleared {
            if let Some(value) = self.value_of(graph, x) {
                self.heap.push(Reverse((value, x)));
            }
        }
        // Then the cleared part settles again, cheapest first.
        while let Some(Reverse((value, x))) = self.heap.pop() {
            if self.item[x as usize].is_some() {
                continue;
            }
            self.set_item(x, Some(value));
            for &r in &graph.supported[x as usize] {
                if self.need_mark[r as usize] != stamp
                    || self.need[r as usize].is_some_and(|least| least <= value)
                {
                    continue;
                }
                self.set_need(r, Some(value), x);
                for &o in &graph.need_owners[r as usize] {
                    if self.item_mark[o as usize] == stamp
                        && self.item[o as usize].is_none()
                        && let Some(lower) = self.value_of(graph, o)
                    {
                        self.heap.push(Reverse((lower, o)));
                    }
                }
            }
        }
        self.cleared = cleared;
        self.cleared_needs = cleared_needs;
    }
}
