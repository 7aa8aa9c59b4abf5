//! The saved plans: one folder of plan files, which one was open last, and listing, reading,
//! writing, renaming and deleting them, for the app and the command line alike. A plan's
//! identity is its file name: a different `name:` inside the file is reported and corrected
//! on the next save, never followed. Every write takes the plan's lock.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{LoadError, LockError, PlanLock, PlanName, StoreError, plan_text, shown};
use crate::files::{self, WriteOptions};
use crate::plan::{Plan, Status};

/// A folder of plan files and the note of the last one used.
#[derive(Debug, Clone)]
pub struct PlanStore {
    plans: PathBuf,
    last: PathBuf,
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
            plans: data.join("plans"),
            last: data.join("last-plan"),
        }
    }

    /// The store in the user's data dir.
    pub fn standard() -> Result<PlanStore, StoreError> {
        super::data_dir()
            .map(|data| PlanStore::in_data_dir(&data))
            .ok_or(StoreError::NoDataDir)
    }

    /// The plans folder.
    pub fn folder(&self) -> &Path {
        &self.plans
    }

    pub fn path(&self, name: &PlanName) -> PathBuf {
        self.plans.join(name.file_name())
    }

    /// Whether a file (or anything else) is there under the plan's name.
    pub fn exists(&self, name: &PlanName) -> bool {
        std::fs::symlink_metadata(self.path(name)).is_ok()
    }

    /// Every `*.yaml` file in the plans folder, by name; hidden files (saves in progress,
    /// locks) and folders are left out. Empty when the folder does not exist yet.
    pub fn entries(&self) -> std::io::Result<Vec<Entry>> {
        let listing = match std::fs::read_dir(&self.plans) {
            Ok(listing) => listing,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(error),
        };
        let mut found = Vec::new();
        for entry in listing {
            let entry = entry?;
            let file_name = entry.file_name();
            let Some(stem) = file_name
                .to_str()
                .and_then(|name| name.strip_suffix(".yaml"))
                .filter(|stem| !stem.is_empty() && !stem.starts_with('.'))
            else {
                continue;
            };
            // A folder named `x.yaml` is no plan; anything else is listed and its reading
            // says what is wrong with it (a FIFO is refused there, never opened).
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                continue;
            }
            found.push(Entry {
                stem: stem.to_owned(),
                path: entry.path(),
            });
        }
        found.sort_by(|a, b| a.stem.cmp(&b.stem));
        Ok(found)
    }

    /// Reads saved plan `name`, named after its file whatever the file says.
    pub fn load(&self, name: &PlanName, today: Date) -> Result<Opened, LoadError> {
        let mut plan = super::read_plan_file(&self.path(name), today)?;
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
                    role: None,
                    done: 0,
                    steps: 0,
                    broken: Some(error.paragraph()),
                },
            })
            .collect()
    }

    /// Writes the plan the app holds `lock` on, atomically, replacing its earlier version
    /// and keeping the file's permissions. When the plans folder was removed, it is made
    /// again and the lock taken again first.
    pub fn save(&self, plan: &Plan, lock: &mut PlanLock) -> Result<PathBuf, StoreError> {
        let name = Self::locked_name(plan, lock)?;
        self.write(&name, plan, true)
    }

    /// Writes a plan made in the app for the first time: never over a file that is already
    /// there (made by a command meanwhile, or one that differs only in case on a file system
    /// that ignores case).
    pub fn save_new(&self, plan: &Plan, lock: &mut PlanLock) -> Result<PathBuf, StoreError> {
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
    pub fn create(&self, plan: &Plan, replace: bool) -> Result<PathBuf, StoreError> {
        let name = PlanName::parse(&plan.name)?;
        let lock = self.lock(&name)?;
        let written = self.write(&name, plan, replace);
        // A command holds the lock only while it writes: no lock file is left behind.
        lock.remove_file();
        written
    }

    fn write(&self, name: &PlanName, plan: &Plan, replace: bool) -> Result<PathBuf, StoreError> {
        let path = self.path(name);
        let mut plan = plan.clone();
        name.as_str().clone_into(&mut plan.name);
        let text = plan_text(&plan)?;
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
        PlanLock::take(&self.plans, name)
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
                self.write(to, &opened.plan, false)?;
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
        std::iter::once(base.to_string())
            .chain((2..10_000).map(|n| format!("{base}-{n}")))
            .filter_map(|name| PlanName::parse(&name).ok())
            .find(|name| !self.exists(name))
            .unwrap_or_else(|| base.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2027-01-04".parse().expect("a date")
    }

    fn name(text: &str) -> PlanName {
        PlanName::parse(text).expect("a name")
    }

    #[test]
    fn plans_are_saved_listed_renamed_and_deleted() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut plan = Plan::new("alex", today());
        plan.role = Some("cloud-engineer".into());
        store.create(&plan, false).expect("saves");
        store
            .create(&Plan::new("sam", today()), false)
            .expect("saves");
        let names: Vec<String> = store
            .summaries(today())
            .into_iter()
            .map(|saved| saved.name)
            .collect();
        assert_eq!(names, ["alex", "sam"]);
        store
            .rename(&name("alex"), &name("alex-2027"), today(), None)
            .expect("renames");
        assert_eq!(
            store
                .load(&name("alex-2027"), today())
                .expect("loads")
                .plan
                .name,
            "alex-2027"
        );
        assert!(
            store
                .rename(&name("sam"), &name("alex-2027"), today(), None)
                .is_err(),
            "never replaces another plan"
        );
        store.delete(&name("sam")).expect("deletes");
        assert_eq!(store.summaries(today()).len(), 1);
    }

    /// The app has `alex` open; its folder is removed and another upskill makes `alex` anew.
    /// The app's rename must not take the other's plan (or its lock) with it.
    #[test]
    fn a_rename_under_a_lock_lost_with_the_folder_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut app = store.lock(&name("alex")).expect("the app has it");
        store
            .save(&Plan::new("alex", today()), &mut app)
            .expect("saves");
        std::fs::remove_dir_all(store.folder()).expect("removed");
        let mut other = store.lock(&name("alex")).expect("another upskill");
        store
            .save(&Plan::new("alex", today()), &mut other)
            .expect("saves");
        assert!(matches!(
            store.rename(&name("alex"), &name("alex-2"), today(), Some(&mut app)),
            Err(StoreError::Locked(LockError::Held { .. }))
        ));
        assert!(store.exists(&name("alex")));
        assert!(!store.exists(&name("alex-2")));
        assert!(
            store.folder().join(".alex.lock").exists(),
            "the other's lock stays"
        );
        assert!(store.lock(&name("alex")).is_err(), "and still holds");
    }

    #[test]
    fn a_new_plan_never_replaces_a_file_already_there() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut kept = Plan::new("alex", today());
        kept.notes = Some("made by a command meanwhile".into());
        store.create(&kept, false).expect("saves");
        let mut lock = store.lock(&name("alex")).expect("locks");
        assert!(matches!(
            store.save_new(&Plan::new("alex", today()), &mut lock),
            Err(StoreError::Exists { .. })
        ));
        assert_eq!(
            store.load(&name("alex"), today()).expect("loads").plan,
            kept
        );
    }

    #[test]
    fn a_file_named_in_decomposed_unicode_is_listed_with_how_to_fix_it() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        std::fs::create_dir_all(store.folder()).expect("dir");
        std::fs::write(store.folder().join("zoe\u{308}.yaml"), "name: zoe\n").expect("write");
        let listed = store.summaries(today());
        let why = listed[0].broken.as_deref().unwrap_or_default();
        assert!(
            why.contains(
                "its accents are written decomposed; the plan's name is `zo\u{eb}`; rename the file"
            ),
            "{why}"
        );
    }

    #[test]
    fn renaming_a_plan_to_its_own_name_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        store
            .create(&Plan::new("jordan", today()), false)
            .expect("saves");
        store
            .rename(&name("jordan"), &name("jordan"), today(), None)
            .expect("a no-op");
        assert!(store.exists(&name("jordan")));
    }

    #[test]
    fn a_broken_plan_file_is_listed_with_why_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        std::fs::create_dir_all(store.folder()).expect("dir");
        std::fs::write(store.folder().join("broken.yaml"), "steps: [\n").expect("write");
        let listed = store.summaries(today());
        assert_eq!(listed.len(), 1);
        assert!(
            listed[0]
                .broken
                .as_deref()
                .is_some_and(|why| why.contains("broken.yaml:")),
            "{listed:?}"
        );
        assert_eq!(
            std::fs::read_to_string(store.folder().join("broken.yaml")).expect("read"),
            "steps: [\n"
        );
    }

    #[test]
    fn saved_plans_are_the_yaml_files_by_name_without_hidden_files_or_folders() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        std::fs::create_dir_all(store.folder()).expect("dir");
        for file in [
            "sam.yaml",
            "alex.yaml",
            ".upskill-x1.tmp",
            ".alex.lock",
            "notes.txt",
            ".yaml",
        ] {
            std::fs::write(store.folder().join(file), "").expect("write");
        }
        std::fs::create_dir(store.folder().join("folder.yaml")).expect("mkdir");
        let stems: Vec<String> = store
            .entries()
            .expect("lists")
            .into_iter()
            .map(|entry| entry.stem)
            .collect();
        assert_eq!(stems, ["alex", "sam"]);
        let empty = PlanStore::in_data_dir(&dir.path().join("none"));
        assert!(empty.entries().expect("lists").is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_plans_folder_is_listed_as_unreadable_without_blocking() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        std::fs::create_dir_all(store.folder()).expect("dir");
        let made = std::process::Command::new("mkfifo")
            .arg(store.folder().join("x.yaml"))
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let listed = store.summaries(today());
        assert_eq!(listed.len(), 1);
        assert!(
            listed[0]
                .broken
                .as_deref()
                .is_some_and(|why| why.contains("it is a FIFO (a named pipe), not a regular file")),
            "{listed:?}"
        );
        std::fs::write(dir.path().join("last-plan"), "").expect("note");
        std::fs::remove_file(dir.path().join("last-plan")).expect("rm");
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("last-plan"))
            .status()
            .expect("mkfifo");
        assert!(made.success());
        assert!(
            store
                .last_used()
                .is_err_and(|why| why.ends_with("it is a FIFO (a named pipe), not a regular file")),
            "a FIFO in its place is said, not read"
        );
    }

    #[test]
    fn the_file_name_is_the_plan_and_a_different_name_inside_is_reported() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        store
            .create(&Plan::new("alex", today()), false)
            .expect("saves");
        std::fs::copy(
            store.path(&name("alex")),
            store.folder().join("alex-2028.yaml"),
        )
        .expect("copy");
        let opened = store.load(&name("alex-2028"), today()).expect("loads");
        assert_eq!(opened.plan.name, "alex-2028");
        assert_eq!(opened.file_said.as_deref(), Some("alex"));
        let mut lock = store.lock(&name("alex-2028")).expect("locks");
        let mut changed = opened.plan.clone();
        changed.notes = Some("2028 version".into());
        store.save(&changed, &mut lock).expect("saves");
        let alex = store.load(&name("alex"), today()).expect("loads");
        assert_eq!(alex.plan.notes, None, "the other plan is untouched");
        let again = store.load(&name("alex-2028"), today()).expect("loads");
        assert_eq!(again.file_said, None, "the name inside is corrected");
        assert_eq!(again.plan.notes.as_deref(), Some("2028 version"));
    }

    #[test]
    fn a_plan_open_elsewhere_is_not_written_by_a_command() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let _app = store.lock(&name("hand2")).expect("the app has it");
        let refused = store
            .create(&Plan::new("hand2", today()), true)
            .expect_err("locked");
        assert_eq!(
            refused.to_string(),
            format!(
                "`hand2` is open in another upskill (pid {}); close it first",
                std::process::id()
            )
        );
        assert!(!store.exists(&name("hand2")));
        assert!(store.delete(&name("hand2")).is_err());
    }

    #[test]
    fn a_plan_too_big_to_read_back_is_never_written() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut plan = Plan::new("huge", today());
        plan.notes = Some("x".repeat(9 * 1024 * 1024));
        let refused = store.create(&plan, false).expect_err("too big");
        assert!(
            refused
                .to_string()
                .contains("more than the 8 MiB a plan file can hold"),
            "{refused}"
        );
        assert!(!store.exists(&name("huge")));
    }

    #[test]
    fn the_last_plan_is_remembered() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        assert_eq!(store.last_used(), Ok(None));
        store.remember(&name("alex")).expect("remembers");
        assert_eq!(store.last_used(), Ok(Some(name("alex"))));
        assert_eq!(store.free_name(&name("alex")), name("alex"));
    }

    #[test]
    fn a_saved_plan_loads_back_the_same() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut plan = Plan::new("alex", today());
        plan.steps.push(crate::plan::Step::planned("t/linux"));
        store.create(&plan, false).expect("saves");
        assert_eq!(
            store.load(&name("alex"), today()).expect("loads").plan,
            plan
        );
    }
}
