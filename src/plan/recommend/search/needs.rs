//! The problem's requirements as a graph for settling chains again at each node: every
//! distinct list of supporters is one *need*, however many items name it (every requirement
//! naming one skill shares its teachers, see [`Lists`]), so that a change to a popular
//! skill's cheapest teacher is looked at once, not once per requirement naming the skill.

use std::collections::HashMap;

use crate::plan::recommend::lists::Lists;
use crate::plan::recommend::reduce::Problem;

/// Items, needs, and the edges both ways.
pub(super) struct Graph {
    /// Per item, the needs of its requirements (each once).
    pub item_needs: Lists,
    /// Per need, a requirement slot that names it: its supporters are that slot's.
    pub need_slot: Vec<u32>,
    /// Per need, the items whose requirements name it.
    pub need_owners: Lists,
    /// Per item, the needs it supports.
    pub supported: Lists,
}

impl Graph {
    pub(super) fn new(problem: &Problem) -> Graph {
        let mut id: HashMap<(u32, u32), u32> = HashMap::new();
        let mut need_slot: Vec<u32> = Vec::new();
        let mut slot_need = vec![0u32; problem.requirements.len()];
        for (slot, need) in slot_need.iter_mut().enumerate() {
            let next = need_slot.len() as u32;
            *need = *id
                .entry(problem.requirements.stored_at(slot))
                .or_insert_with(|| {
                    need_slot.push(slot as u32);
                    next
                });
        }
        let mut item_needs = Lists::default();
        let mut scratch: Vec<u32> = Vec::new();
        for item in &problem.items {
            scratch.clear();
            scratch.extend(item.requirements.clone().map(|slot| slot_need[slot]));
            scratch.sort_unstable();
            scratch.dedup();
            item_needs.push(&scratch);
        }
        let need_owners = Lists::inverted(need_slot.len(), problem.items.len(), |item| {
            item_needs[item].iter().map(|&need| need as usize)
        });
        let supported = Lists::inverted(problem.items.len(), need_slot.len(), |need| {
            problem.requirements[need_slot[need] as usize]
                .iter()
                .map(|&s| s as usize)
        });
        Graph {
            item_needs,
            need_slot,
            need_owners,
            supported,
        }
    }

    pub(super) fn needs(&self) -> usize {
        self.need_slot.len()
    }

    /// The supporters of `need`.
    pub(super) fn supporters<'p>(&self, problem: &'p Problem, need: usize) -> &'p [u32] {
        &problem.requirements[self.need_slot[need] as usize]
    }
}
