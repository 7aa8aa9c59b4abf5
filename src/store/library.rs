//! The saved plans as the app uses them: one folder of plan files, which one was open last,
//! and listing, opening, renaming and deleting them. The folder is a value, so tests and
//! tools can point it anywhere.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{LoadError, StoreError, check_plan_name, load_plan};
use crate::plan::{Plan, Status};

/// A folder of plan files and the note of the last one used.
#[derive(Debug, Clone)]
pub struct PlanStore {
    pub plans: PathBuf,
    last: PathBuf,
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

impl PlanStore {
    /// The store under a data folder: `<data>/plans/` and `<data>/last-plan`.
    pub fn in_data_dir(data: &Path) -> PlanStore {
        PlanStore {
            plans: data.join("plans"),
            last: data.join("last-plan"),
        }
    }

    /// The store in the user's data dir.
    pub fn standard() -> Option<PlanStore> {
        super::plans_dir().and_then(|plans| plans.parent().map(PlanStore::in_data_dir))
    }

    pub fn path(&self, name: &str) -> Result<PathBuf, StoreError> {
        check_plan_name(name)?;
        Ok(self.plans.join(format!("{name}.yaml")))
    }

    pub fn exists(&self, name: &str) -> bool {
        self.path(name).is_ok_and(|path| path.exists())
    }

    /// Writes the plan atomically, replacing its earlier version.
    pub fn save(&self, plan: &Plan) -> Result<PathBuf, StoreError> {
        let path = self.path(&plan.name)?;
        let text = crate::plan::file::to_yaml(plan)?;
        super::write_atomically(&path, text.as_bytes(), true)
            .map_err(|error| super::write_error(error, &plan.name, &path))?;
        Ok(path)
    }

    pub fn load(&self, name: &str, today: Date) -> Result<Plan, String> {
        let path = self.path(name).map_err(|error| error.to_string())?;
        load_plan(&path, today).map_err(|error| describe(&error))
    }

    /// Every plan file in the folder, by name; files that cannot be read are listed with why.
    pub fn list(&self, today: Date) -> Vec<Saved> {
        let Ok(entries) = std::fs::read_dir(&self.plans) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|entry| {
                entry
                    .file_name()
                    .to_str()
                    .and_then(|file| file.strip_suffix(".yaml"))
                    .map(str::to_owned)
            })
            .filter(|name| check_plan_name(name).is_ok())
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| match self.load(&name, today) {
                Ok(plan) => Saved {
                    role: plan.role.clone(),
                    done: plan
                        .steps
                        .iter()
                        .filter(|step| step.status == Status::Done)
                        .count(),
                    steps: plan.steps.len(),
                    broken: None,
                    name,
                },
                Err(why) => Saved {
                    name,
                    role: None,
                    done: 0,
                    steps: 0,
                    broken: Some(why),
                },
            })
            .collect()
    }

    pub fn delete(&self, name: &str) -> Result<(), String> {
        let path = self.path(name).map_err(|error| error.to_string())?;
        std::fs::remove_file(&path)
            .map_err(|error| format!("cannot delete {}: {error}", path.display()))
    }

    /// Renames a plan file and the name inside it; never replaces another plan.
    pub fn rename(&self, from: &str, to: &str, today: Date) -> Result<(), String> {
        let target = self.path(to).map_err(|error| error.to_string())?;
        if target.exists() {
            return Err(format!("a plan named `{to}` already exists"));
        }
        let mut plan = self.load(from, today)?;
        to.clone_into(&mut plan.name);
        let text = crate::plan::file::to_yaml(&plan).map_err(|error| error.to_string())?;
        super::write_atomically(&target, text.as_bytes(), false)
            .map_err(|error| super::write_error(error, to, &target).to_string())?;
        self.delete(from)
    }

    /// The name of the plan used last, if it is still a valid name.
    pub fn last_used(&self) -> Option<String> {
        let text = std::fs::read_to_string(&self.last).ok()?;
        let name = text.trim().to_owned();
        check_plan_name(&name).is_ok().then_some(name)
    }

    pub fn remember(&self, name: &str) -> Result<(), String> {
        check_plan_name(name).map_err(|error| error.to_string())?;
        super::write_atomically(&self.last, name.as_bytes(), true)
            .map_err(|error| super::write_error(error, name, &self.last).to_string())
    }

    /// A name not used by any saved plan: `base`, or `base-2`, `base-3`...
    pub fn free_name(&self, base: &str) -> String {
        std::iter::once(base.to_owned())
            .chain((2..10_000).map(|n| format!("{base}-{n}")))
            .find(|name| !self.exists(name))
            .unwrap_or_else(|| base.to_owned())
    }
}

/// Holds a plan open for this process: another upskill that tries to open the same plan gets
/// [`PlanStore::lock`]'s refusal and opens it read-only. The operating system drops the
/// lock when the process ends, however it ends.
#[derive(Debug)]
pub struct PlanLock {
    pub name: String,
    _file: std::fs::File,
}

impl PlanStore {
    /// Locks a plan for this process; `Err` says why it cannot be (another upskill has it).
    pub fn lock(&self, name: &str) -> Result<PlanLock, String> {
        check_plan_name(name).map_err(|error| error.to_string())?;
        std::fs::create_dir_all(&self.plans)
            .map_err(|error| format!("cannot create {}: {error}", self.plans.display()))?;
        let path = self.plans.join(format!(".{name}.lock"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(PlanLock {
                name: name.to_owned(),
                _file: file,
            }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(format!("another upskill has plan `{name}` open"))
            }
            Err(std::fs::TryLockError::Error(error)) => {
                Err(format!("cannot lock plan `{name}`: {error}"))
            }
        }
    }
}

/// A load error in one paragraph: the file, then each problem at its line and column.
pub fn describe(error: &LoadError) -> String {
    match error {
        LoadError::Io { .. } => error.to_string(),
        LoadError::Invalid { path, errors } => {
            let details: Vec<String> = errors.iter().map(|e| format!("{path}:{e}")).collect();
            format!("{error}: {}", details.join("; "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2027-01-04".parse().expect("a date")
    }

    #[test]
    fn plans_are_saved_listed_renamed_and_deleted() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let mut plan = Plan::new("alex", today());
        plan.role = Some("cloud-engineer".into());
        store.save(&plan).expect("saves");
        store.save(&Plan::new("sam", today())).expect("saves");
        let names: Vec<String> = store
            .list(today())
            .into_iter()
            .map(|saved| saved.name)
            .collect();
        assert_eq!(names, ["alex", "sam"]);
        store.rename("alex", "alex-2027", today()).expect("renames");
        assert_eq!(
            store.load("alex-2027", today()).expect("loads").name,
            "alex-2027"
        );
        assert!(
            store.rename("sam", "alex-2027", today()).is_err(),
            "never replaces another plan"
        );
        store.delete("sam").expect("deletes");
        assert_eq!(store.list(today()).len(), 1);
    }

    #[test]
    fn a_broken_plan_file_is_listed_with_why_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        std::fs::create_dir_all(&store.plans).expect("dir");
        std::fs::write(store.plans.join("broken.yaml"), "steps: [\n").expect("write");
        let listed = store.list(today());
        assert_eq!(listed.len(), 1);
        assert!(
            listed[0]
                .broken
                .as_deref()
                .is_some_and(|why| why.contains("broken.yaml:")),
            "{listed:?}"
        );
        assert_eq!(
            std::fs::read_to_string(store.plans.join("broken.yaml")).expect("read"),
            "steps: [\n"
        );
    }

    #[test]
    fn a_locked_plan_cannot_be_locked_again_until_released() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let held = store.lock("alex").expect("the first lock");
        assert_eq!(
            store.lock("alex").expect_err("held").as_str(),
            "another upskill has plan `alex` open"
        );
        assert!(store.lock("sam").is_ok(), "other plans are free");
        drop(held);
        assert!(store.lock("alex").is_ok());
    }

    #[test]
    fn the_last_plan_is_remembered() {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        assert_eq!(store.last_used(), None);
        store.remember("alex").expect("remembers");
        assert_eq!(store.last_used().as_deref(), Some("alex"));
        assert_eq!(store.free_name("alex"), "alex");
    }
}
