//! The effects on plan files, as the event loop performs them: the lock this upskill holds
//! on the open plan, saves that never write over a change made outside upskill unseen, and
//! opening, starting, renaming and deleting plans.

use super::app::App;
use super::runtime::Runtime;
use super::update::{Effect, Msg};
use crate::files::ReadError;
use crate::plan::Plan;
use crate::store::{LoadError, LockError, Opened, PlanName, StoreError};

/// How a read-only reason begins when another upskill has the plan open.
const HELD_ELSEWHERE: &str = "another upskill";

/// Whether a read-only reason is another upskill having the plan open (rather than a plans
/// folder that cannot be written).
pub fn held_elsewhere(why: &str) -> bool {
    why.starts_with(HELD_ELSEWHERE)
}

impl Runtime {
    /// Holds the lock on plan `name` (letting go of any other); `Some(why)` when another
    /// upskill holds it, and the plan must be read-only here.
    pub fn hold(&self, name: &str) -> Option<String> {
        let store = self.store.as_ref()?;
        let mut lock = self.lock.borrow_mut();
        if lock
            .as_ref()
            .is_some_and(|held| held.name().as_str() == name)
        {
            return None;
        }
        let taken = PlanName::parse(name)
            .map_err(|error| error.to_string())
            .and_then(|name| {
                store.lock(&name).map_err(|error| match error {
                    LockError::Held { name, pid } => format!(
                        "{HELD_ELSEWHERE}{} has plan `{name}` open",
                        pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
                    ),
                    other @ LockError::Failed { .. } => other.to_string(),
                })
            });
        match taken {
            Ok(held) => {
                *lock = Some(held);
                None
            }
            Err(why) => {
                *lock = None;
                Some(format!("{why}, so here it can only be read"))
            }
        }
    }

    /// Performs an effect on plan files; its result comes back as a message.
    pub(super) fn perform_on_plans(&self, effect: Effect, app: &App) -> Option<Msg> {
        let today = app.today;
        let no_store = || "no data folder for upskill could be found (is $HOME set?)".to_owned();
        let store = || self.store.as_ref().ok_or_else(no_store);
        let parse = |name: &str| PlanName::parse(name).map_err(|error| error.to_string());
        match effect {
            Effect::SavePlan {
                plan,
                announce,
                quitting,
            } => {
                if let Some(disk) = self.changed_outside(&plan.name, today) {
                    return Some(Msg::SaveConflict { disk, quitting });
                }
                let result = self.save(&plan);
                if result.is_ok() {
                    self.note_on_disk(&plan.name);
                }
                let (result, person) = match result {
                    Ok(written) => (Ok(written.path), written.person.map(Box::new)),
                    Err(why) => (Err(why), None),
                };
                Some(Msg::Saved {
                    result,
                    person,
                    announce,
                    quitting,
                })
            }
            Effect::Reclaim(name) => self.reclaim(name, app),
            Effect::AcceptOnDisk => {
                self.note_on_disk(&app.plan.name);
                None
            }
            Effect::ListPlans => Some(Msg::PlansListed(
                self.store
                    .as_ref()
                    .map(|store| store.summaries(today))
                    .unwrap_or_default(),
            )),
            Effect::ListPeople => Some(Msg::PeopleListed(
                store()
                    .and_then(|store| {
                        store
                            .clients(&app.catalog, today)
                            .map_err(|error| error.to_string())
                    })
                    .map(|clients| clients.people),
            )),
            Effect::OpenPlan(name) => Some(self.open(name, today)),
            Effect::LoadToCompare(name) => Some(Msg::ToCompare(store().and_then(|store| {
                store
                    .load(&parse(&name)?, today)
                    .map(|opened| Box::new(opened.plan))
                    .map_err(|error| error.paragraph())
            }))),
            Effect::CreatePlan(plan) => {
                let result = self.create(&plan);
                if result.is_ok() {
                    self.note_on_disk(&plan.name);
                }
                Some(Msg::PlanCreated { plan, result })
            }
            Effect::DeletePlan(name) => {
                let result = store().and_then(|store| {
                    store
                        .delete(&parse(&name)?)
                        .map_err(|error| error.to_string())
                });
                Some(Msg::PlanDeleted { name, result })
            }
            Effect::RenamePlan { from, to } => {
                let result = store().and_then(|store| {
                    let mut lock = self.lock.borrow_mut();
                    store
                        .rename(&parse(&from)?, &parse(&to)?, today, lock.as_mut())
                        .map_err(|error| error.to_string())
                });
                if result.is_ok() && app.plan.name == from {
                    self.note_on_disk(&to);
                }
                Some(Msg::PlanRenamed { from, to, result })
            }
            Effect::RememberLastPlan(name) => {
                if let (Some(store), Ok(name)) = (&self.store, PlanName::parse(&name)) {
                    // Only a convenience for the next start: failing to note it loses nothing.
                    let _ = store.remember(&name);
                }
                None
            }
            // Not about plan files: the event loop performs those.
            _ => None,
        }
    }
}

impl Runtime {
    /// Opens saved plan `name`, locked for this upskill or read-only when another has it.
    fn open(&self, name: String, today: jiff::civil::Date) -> Msg {
        let result = self
            .store
            .as_ref()
            .ok_or_else(|| "no data folder for upskill could be found (is $HOME set?)".to_owned())
            .and_then(|store| {
                let name = PlanName::parse(&name).map_err(|error| error.to_string())?;
                store.load(&name, today).map_err(|error| error.paragraph())
            });
        let read_only = if result.is_ok() {
            self.hold(&name)
        } else {
            None
        };
        let mut note = result.as_ref().ok().and_then(Opened::name_note);
        let mut result = result.map(|opened| opened.plan);
        if read_only.is_none()
            && let Ok(plan) = &mut result
            && let Some(moved) = self.move_into_person(plan, today)
        {
            note = Some(note.map_or_else(|| moved.clone(), |note| format!("{note}. {moved}")));
        }
        if result.is_ok() {
            self.note_on_disk(&name);
        }
        Msg::PlanOpened {
            name,
            result: result.map(Box::new),
            read_only,
            note,
        }
    }

    /// Moves a plan from before people, which this upskill holds the lock of, into a person
    /// (see [`crate::store::PlanStore::migrate`]): `plan` becomes the person's, and the
    /// result says so. A move that fails leaves the plan as it was, and says why.
    pub fn move_into_person(&self, plan: &mut Plan, today: jiff::civil::Date) -> Option<String> {
        if plan.person.is_some() {
            return None;
        }
        let store = self.store.as_ref()?;
        let name = PlanName::parse(&plan.name).ok()?;
        let mut lock = self.lock.borrow_mut();
        let lock = lock.as_mut().filter(|held| held.name() == &name)?;
        if !store.exists(&name) {
            return None;
        }
        match store.migrate(&name, lock, today) {
            Ok((moved, note)) => {
                *plan = moved;
                note
            }
            Err(error) => Some(format!(
                "Plan `{name}` keeps its own holdings for now: they could not be moved into a profile ({error})"
            )),
        }
    }

    /// Takes the read-only plan back if the upskill that had it open has closed it: it opens
    /// again, as its file has it (or as it is here, if it was never saved).
    fn reclaim(&self, name: String, app: &App) -> Option<Msg> {
        let today = app.today;
        if self.hold(&name).is_some() {
            // Still open elsewhere: the refusal already said so.
            return None;
        }
        let opened = self
            .store
            .as_ref()?
            .load(&PlanName::parse(&name).ok()?, today);
        let result = match opened {
            Ok(opened) => Ok(Box::new(opened.plan)),
            // Never saved: the plan is as this upskill has it.
            Err(LoadError::Read {
                source: ReadError::NotFound,
                ..
            }) => Ok(Box::new(app.plan.clone())),
            Err(error) => Err(error.paragraph()),
        };
        self.note_on_disk(&name);
        Some(Msg::PlanOpened {
            note: Some(format!(
                "The other upskill has closed plan `{name}`: it is yours to edit now, as its file has it; press the key again"
            )),
            name,
            result,
            read_only: None,
        })
    }

    /// Notes what plan `name`'s file holds now, as what this upskill last read or wrote.
    pub fn note_on_disk(&self, name: &str) {
        let stamp = self.store.as_ref().and_then(|store| {
            PlanName::parse(name)
                .ok()
                .and_then(|name| store.stamp(&name))
        });
        *self.on_disk.borrow_mut() = Some((name.to_owned(), stamp));
    }

    /// When plan `name`'s file no longer holds what this upskill last read or wrote: the
    /// plan it holds now (or why it cannot be read). A file removed meanwhile is no conflict:
    /// saving makes it again.
    fn changed_outside(
        &self,
        name: &str,
        today: jiff::civil::Date,
    ) -> Option<Result<Box<Plan>, String>> {
        let store = self.store.as_ref()?;
        let plan_name = PlanName::parse(name).ok()?;
        let seen = self.on_disk.borrow().clone();
        let (seen_name, seen_stamp) = seen?;
        let now = store.stamp(&plan_name)?;
        if seen_name != name || seen_stamp == Some(now) {
            return None;
        }
        Some(
            store
                .load(&plan_name, today)
                .map(|opened| Box::new(opened.plan))
                .map_err(|error| error.paragraph()),
        )
    }

    /// Writes a plan started in the app under a lock of its own, which becomes the lock this
    /// process holds once the plan is written.
    fn create(&self, plan: &Plan) -> Result<(), String> {
        let store = self
            .store
            .as_ref()
            .ok_or("no data folder for upskill could be found (is $HOME set?)")?;
        let name = PlanName::parse(&plan.name).map_err(|error| error.to_string())?;
        // A new person: never one who exists already (their plans would share holdings
        // with a stranger's).
        if let Some(person) = plan.person.as_ref().filter(|person| person.base.is_none())
            && person.name == plan.name
            && PlanName::parse(&person.name).is_ok_and(|person| store.people().exists(&person))
        {
            return Err(format!(
                "a person named `{}` exists already: choose another name, or add the plan for them from one of their plans",
                person.name
            ));
        }
        let mut lock = store.lock(&name).map_err(|error| error.to_string())?;
        match store.save_new(plan, &mut lock) {
            Ok(_) => {
                *self.lock.borrow_mut() = Some(lock);
                Ok(())
            }
            Err(StoreError::Exists { name, .. }) => Err(format!(
                "a plan named `{name}` was saved meanwhile, by another upskill or a command; open it from the list, or choose another name"
            )),
            Err(error) => Err(error.to_string()),
        }
    }

    /// Saves the plan under the lock this process holds on it (taken first for a plan new
    /// or renamed here); the error says why not.
    fn save(&self, plan: &Plan) -> Result<crate::store::Written, String> {
        if let Some(why) = self.hold(&plan.name) {
            return Err(why);
        }
        let store = self
            .store
            .as_ref()
            .ok_or("no data folder for upskill could be found (is $HOME set?)")?;
        let mut lock = self.lock.borrow_mut();
        let lock = lock
            .as_mut()
            .ok_or("the plan could not be locked for saving")?;
        store.save(plan, lock).map_err(|error| error.to_string())
    }
}
