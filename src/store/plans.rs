//! The saved plans: one folder of plan files, which one was open last, and listing, reading,
//! writing, renaming and deleting them, for the app and the command line alike. A plan's
//! identity is its file name: a different `name:` inside the file is reported and corrected
//! on the next save, never followed. Every write takes the plan's lock.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{
    LoadError, LockError, NamedFiles, PeopleStore, PlanLock, PlanName, StoreError, plan_text, shown,
};
use crate::files::{self, WriteOptions};
use crate::plan::{Plan, Profile, Status};

/// A folder of plan files and the note of the last one used, beside the people the plans
/// belong to.
#[derive(Debug, Clone)]
pub struct PlanStore {
    plans: NamedFiles,
    last: PathBuf,
    people: PeopleStore,
}

/// A plan written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    /// The plan's person as their profile now holds them (with changes made meanwhile by
    /// their other plans merged in), when the plan belongs to one.
    pub person: Option<Profile>,
}

/// One `*.yaml` file in the plans folder. Its name may not be a valid plan name (a file
/// made by hand): then reading it says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file name without `.yaml`.
    pub stem: String,
    pub path: PathBuf,
}

/// A saved plan read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// Named after its file.
    pub plan: Plan,
    /// What the file's own `name:` said, when it differs from the file name.
    pub file_said: Option<String>,
}

impl Opened {
    /// What to tell the user about a `name:` that differs from the file name.
    pub fn name_note(&self) -> Option<String> {
        let said = self.file_said.as_deref()?;
        Some(format!(
            "The file of plan `{}` says its name is `{}`; upskill goes by the file name and writes it into the file on the next save",
            self.plan.name,
            crate::text::sanitize_line(said)
        ))
    }
}

/// One saved plan as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub name: String,
    /// The person the plan belongs to, when it names one.
    pub person: Option<String>,
    pub role: Option<String>,
    pub done: usize,
    pub steps: usize,
    /// Why the file could not be read, with line and column when it is invalid.
    pub broken: Option<String>,
}

/// The longest `last-plan` note read: a name and a line break.
const MAX_NOTE_BYTES: u64 = 4096;

impl PlanStore {
    /// The store under a data folder: `<data>/plans/` and `<data>/last-plan`.
    pub fn in_data_dir(data: &Path) -> PlanStore {
        PlanStore {
            plans: NamedFiles {
                folder: data.join("plans"),
            },
            last: data.join("last-plan"),
            people: PeopleStore::in_data_dir(data),
        }
    }

    /// The people the plans belong to.
    pub fn people(&self) -> &PeopleStore {
        &self.people
    }

    /// The store in the user's data dir.
    pub fn standard() -> Result<PlanStore, StoreError> {
        super::data_dir()
            .map(|data| PlanStore::in_data_dir(&data))
            .ok_or(StoreError::NoDataDir)
    }

    /// The plans folder.
    pub fn folder(&self) -> &Path {
        &self.plans.folder
    }

    pub fn path(&self, name: &PlanName) -> PathBuf {
        self.plans.path(name)
    }

    /// Whether a file (or anything else) is there under the plan's name.
    pub fn exists(&self, name: &PlanName) -> bool {
        self.plans.exists(name)
    }

    /// Every `*.yaml` file in the plans folder, by name; hidden files (saves in progress,
    /// locks) and folders are left out. Empty when the folder does not exist yet.
    pub fn entries(&self) -> std::io::Result<Vec<Entry>> {
        Ok(self
            .plans
            .yaml_files()?
            .into_iter()
            .map(|(stem, path)| Entry { stem, path })
            .collect())
    }

    /// Reads saved plan `name`, named after its file whatever the file says, with its
    /// person's holdings and settings when it belongs to one.
    pub fn load(&self, name: &PlanName, today: Date) -> Result<Opened, LoadError> {
        let mut plan = super::read_plan_file(&self.path(name), today)?;
        self.resolve_person(&mut plan)?;
        let file_said = (plan.name != name.as_str() && !plan.name.trim().is_empty())
            .then(|| std::mem::replace(&mut plan.name, name.to_string()));
        name.as_str().clone_into(&mut plan.name);
        Ok(Opened { plan, file_said })
    }

    /// Reads a listed file: its name must be a plan name too.
    pub fn load_entry(&self, entry: &Entry, today: Date) -> Result<Opened, LoadError> {
        let name = PlanName::parse(&entry.stem).and_then(|name| {
            // A name in another Unicode form (decomposed accents) is a different file name.
            if name.as_str() == entry.stem {
                Ok(name)
            } else {
                Err(super::NameError {
                    shown: entry.stem.clone(),
                    why: format!("its accents are written decomposed; the plan's name is `{name}`"),
                })
            }
        });
        let name = name.map_err(|mut error| {
            error.why.push_str("; rename the file");
            error
        })?;
        self.load(&name, today)
    }

    /// Every plan in the folder as a list shows it; files that cannot be read are listed
    /// with why.
    pub fn summaries(&self, today: Date) -> Vec<Saved> {
        self.entries()
            .unwrap_or_default()
            .into_iter()
            .map(|entry| match self.load_entry(&entry, today) {
                Ok(Opened { plan, .. }) => Saved {
                    person: plan.person.as_ref().map(|person| person.name.clone()),
                    role: plan.role.clone(),
                    done: plan
                        .steps
                        .iter()
                        .filter(|step| step.status == Status::Done)
                        .count(),
                    steps: plan.steps.len(),
                    broken: None,
                    name: entry.stem,
                },
                Err(error) => Saved {
                    name: entry.stem,
                    person: None,
                    role: None,
                    done: 0,
                    steps: 0,
                    broken: Some(error.paragraph()),
                },
            })
            .collect()
    }

    /// Gives a plan that belongs to a person their holdings and settings. A person with no
    /// profile file (removed by hand) is left as the plan has them: the next save makes it.
    pub fn resolve_person(&self, plan: &mut Plan) -> Result<(), LoadError> {
        let Some(person) = &plan.person else {
            return Ok(());
        };
        let name = PlanName::parse(&person.name)?;
        match self.people.load(&name) {
            Ok(profile) => profile.apply_to(plan),
            Err(LoadError::Read {
                source: files::ReadError::NotFound,
                ..
            }) => {}
            Err(error) => return Err(error),
        }
        Ok(())
    }

    /// Writes the plan the app holds `lock` on, atomically, replacing its earlier version
    /// and keeping the file's permissions. When the plans folder was removed, it is made
    /// again and the lock taken again first.
    pub fn save(&self, plan: &Plan, lock: &mut PlanLock) -> Result<Written, StoreError> {
        let name = Self::locked_name(plan, lock)?;
        self.write(&name, plan, true)
    }

    /// Writes a plan made in the app for the first time: never over a file that is already
    /// there (made by a command meanwhile, or one that differs only in case on a file system
    /// that ignores case).
    pub fn save_new(&self, plan: &Plan, lock: &mut PlanLock) -> Result<Written, StoreError> {
        let name = Self::locked_name(plan, lock)?;
        self.write(&name, plan, false)
    }

    /// The plan's name, once `lock` is checked to be the plan's and still held.
    fn locked_name(plan: &Plan, lock: &mut PlanLock) -> Result<PlanName, StoreError> {
        let name = PlanName::parse(&plan.name)?;
        if lock.name() != &name {
            return Err(StoreError::Locked(LockError::Failed {
                name: name.to_string(),
                why: format!("this upskill holds the lock of `{}` instead", lock.name()),
            }));
        }
        lock.ensure()?;
        Ok(name)
    }

    /// Writes a plan for a command: locks it for the moment of writing (refused while an
    /// upskill has it open), and replaces an existing plan only when `replace`.
    pub fn create(&self, plan: &Plan, replace: bool) -> Result<Written, StoreError> {
        let name = PlanName::parse(&plan.name)?;
        let lock = self.lock(&name)?;
        let written = self.write(&name, plan, replace);
        // A command holds the lock only while it writes: no lock file is left behind.
        lock.remove_file();
        written
    }

    /// Writes a plan, and first its person's profile when the plan changed it: a plan file
    /// never names a person whose profile was not written.
    fn write(&self, name: &PlanName, plan: &Plan, replace: bool) -> Result<Written, StoreError> {
        let mut plan = plan.clone();
        name.as_str().clone_into(&mut plan.name);
        let text = plan_text(&plan)?;
        if !replace && self.exists(name) {
            return Err(StoreError::Exists {
                name: name.to_string(),
                path: shown(&self.path(name)),
            });
        }
        let person = match Profile::of(&plan) {
            Some(profile) => {
                let base = plan.person.as_ref().and_then(|person| person.base.as_ref());
                if base == Some(&profile) && self.people.exists(&PlanName::parse(&profile.name)?) {
                    Some(profile)
                } else {
                    Some(self.people.save(&profile, base)?)
                }
            }
            None => None,
        };
        let path = self.write_text(name, &text, replace)?;
        Ok(Written { path, person })
    }

    fn write_text(
        &self,
        name: &PlanName,
        text: &str,
        replace: bool,
    ) -> Result<PathBuf, StoreError> {
        let path = self.path(name);
        let options = WriteOptions {
            replace,
            ..WriteOptions::OWN
        };
        files::write(&path, text.as_bytes(), options).map_err(|source| match source {
            files::WriteError::Exists => StoreError::Exists {
                name: name.to_string(),
                path: shown(&path),
            },
            source => StoreError::Write {
                path: shown(&path),
                source,
            },
        })?;
        Ok(path)
    }

    /// What plan `name`'s file holds now, as a hash of its bytes: compared with what this
    /// process last read or wrote, it tells a change made outside upskill (an editor, a
    /// sync). `None` when there is no file (or it cannot be read).
    pub fn stamp(&self, name: &PlanName) -> Option<u64> {
        let bytes = files::read(&self.path(name), crate::yaml::MAX_FILE_BYTES).ok()?;
        Some(xxhash_rust::xxh3::xxh3_64(&bytes))
    }

    /// Locks plan `name` for this process.
    pub fn lock(&self, name: &PlanName) -> Result<PlanLock, LockError> {
        PlanLock::take(&self.plans.folder, name)
    }

    /// Deletes a plan that no upskill has open.
    pub fn delete(&self, name: &PlanName) -> Result<(), StoreError> {
        let lock = self.lock(name)?;
        let path = self.path(name);
        std::fs::remove_file(&path).map_err(|error| StoreError::Write {
            path: shown(&path),
            source: error.into(),
        })?;
        lock.remove_file();
        Ok(())
    }

    /// The name of the plan used last; `None` when none is noted (or the note names no valid
    /// plan). A note that cannot be read (a FIFO or a device in its place) is an error that
    /// says so; it is read through the bounded reader, so it never blocks.
    pub fn last_used(&self) -> Result<Option<PlanName>, String> {
        match files::read_text(&self.last, MAX_NOTE_BYTES) {
            Ok(text) => Ok(PlanName::parse(text.trim()).ok()),
            Err(files::ReadError::NotFound) => Ok(None),
            Err(error) => Err(format!("cannot read {}: {error}", shown(&self.last))),
        }
    }

    /// Notes the plan used last, for the next start.
    pub fn remember(&self, name: &PlanName) -> Result<(), StoreError> {
        files::write(&self.last, name.as_str().as_bytes(), WriteOptions::OWN).map_err(|source| {
            StoreError::Write {
                path: shown(&self.last),
                source,
            }
        })
    }

    /// A name not used by any saved plan: `base`, or `base-2`, `base-3`...
    pub fn free_name(&self, base: &PlanName) -> PlanName {
        super::names_from(base)
            .find(|name| !self.exists(name))
            .unwrap_or_else(|| base.clone())
    }
}

mod clients;
mod migrate;
mod rename;

pub use clients::Clients;
pub use migrate::join;
#[cfg(test)]
mod tests;
