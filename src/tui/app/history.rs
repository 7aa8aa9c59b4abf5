//! Undo and redo.

use crate::plan::Plan;

/// Plans before and after the current one, for undo and redo.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub past: Vec<Plan>,
    pub future: Vec<Plan>,
}

impl History {
    /// The plan was renamed: undo and redo must not bring the old name back.
    pub fn rename(&mut self, to: &str) {
        for plan in self.past.iter_mut().chain(&mut self.future) {
            to.clone_into(&mut plan.name);
        }
    }
}

/// Undo reaches back this many changes.
pub const HISTORY_LIMIT: usize = 200;
