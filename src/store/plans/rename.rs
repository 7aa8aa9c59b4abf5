//! Renaming a saved plan: under both names' locks, never over another plan, the name inside
//! the file too; the person the plan belongs to is left as they are.

use jiff::civil::Date;

use super::PlanStore;
use crate::store::{PlanLock, PlanName, StoreError, plan_text, shown};

impl PlanStore {
    /// Renames plan `from` to `to`, the name inside the file too; never replaces another
    /// plan. `held` is this process's lock on `from`, if it has the plan open: it then holds
    /// `to` instead. Renaming a plan to its own name changes nothing.
    pub fn rename(
        &self,
        from: &PlanName,
        to: &PlanName,
        today: Date,
        held: Option<&mut PlanLock>,
    ) -> Result<(), StoreError> {
        if from == to {
            return Ok(());
        }
        let mut held = held.filter(|held| held.name() == from);
        if let Some(held) = held.as_deref_mut() {
            // The plans folder may have been removed meanwhile, and `from` locked anew.
            held.ensure()?;
        }
        let to_lock = self.lock(to)?;
        let from_lock = match held {
            Some(_) => None,
            None => match self.lock(from) {
                Ok(lock) => Some(lock),
                Err(error) => {
                    to_lock.remove_file();
                    return Err(error.into());
                }
            },
        };
        let moved = self
            .load(from, today)
            .map_err(StoreError::from)
            .and_then(|opened| {
                // The plan file alone: renaming a plan changes nothing of its person's.
                self.write_text(to, &plan_text(&opened.plan)?, false)?;
                let old = self.path(from);
                std::fs::remove_file(&old).map_err(|error| StoreError::Write {
                    path: shown(&old),
                    source: error.into(),
                })
            });
        if let Err(error) = moved {
            // No lock file is left for a plan that was not made.
            to_lock.remove_file();
            return Err(error);
        }
        match (from_lock, held) {
            // This process has `from` open: it holds `to` from now on.
            (None, Some(held)) => std::mem::replace(held, to_lock).remove_file(),
            (from_lock, _) => {
                if let Some(from_lock) = from_lock {
                    from_lock.remove_file();
                }
                to_lock.remove_file();
            }
        }
        Ok(())
    }
}
