//! Moving a plan from before people into a person: a plan file that keeps its own holdings
//! and settings gets a profile for them (named after the plan), and the plan names that
//! person instead. Each step leaves files that open whole, so a process killed anywhere
//! loses nothing, and the next open finishes the move:
//!
//! 1. the plan file is copied to `NAME.yaml.backup` beside it;
//! 2. the profile is written, or an identical one from an earlier, interrupted move joined;
//! 3. the plan file is rewritten to name the person (atomically, under the plan's lock);
//! 4. the backup is removed.

use jiff::civil::Date;

use super::PlanStore;
use crate::files::{self, WriteOptions};
use crate::plan::{Overrides, Person, Plan, Profile};
use crate::store::{LoadError, PlanLock, PlanName, StoreError, shown};

impl PlanStore {
    /// The backup a move keeps of plan `name`'s file until it is done.
    pub fn backup_path(&self, name: &PlanName) -> std::path::PathBuf {
        self.plans
            .folder
            .join(format!("{}.backup", name.file_name()))
    }

    /// Moves plan `name`'s own holdings and settings into a person, when the plan has
    /// none; `lock` is this process's lock on the plan. Returns the plan as it is now and
    /// what to tell the user, if anything moved. A plan already of a person is left as it
    /// is (a backup left by an interrupted move is removed).
    pub fn migrate(
        &self,
        name: &PlanName,
        lock: &mut PlanLock,
        today: Date,
    ) -> Result<(Plan, Option<String>), StoreError> {
        let path = self.path(name);
        let bytes =
            files::read(&path, crate::yaml::MAX_FILE_BYTES).map_err(|source| LoadError::Read {
                path: shown(&path),
                source,
            })?;
        let mut plan = self.load(name, today)?.plan;
        let backup = self.backup_path(name);
        if plan.person.is_some() {
            let _ = std::fs::remove_file(&backup);
            return Ok((plan, None));
        }
        lock.ensure()?;
        files::write(&backup, &bytes, WriteOptions::OWN).map_err(|source| StoreError::Write {
            path: shown(&backup),
            source,
        })?;
        let (profile, joined) = self.adopt_person(name, &plan)?;
        join(&mut plan, &profile);
        self.write(name, &plan, true)?;
        let _ = std::fs::remove_file(&backup);
        let person = &profile.name;
        let note = if joined {
            format!(
                "Plan `{name}` now belongs to person `{person}`, who holds the same: their holdings are shared by all of their plans"
            )
        } else {
            format!(
                "Plan `{name}`'s holdings, hours a week and budget moved to a profile for person `{person}`, shared by all of their plans (P lists people)"
            )
        };
        Ok((plan, Some(note)))
    }

    /// The person a plan that keeps its own holdings moves into (a plan from before people,
    /// or one imported from another machine): a new profile named `name` (or `NAME-2`...
    /// when that name is taken by someone who holds something else), or an existing one that
    /// holds exactly what the plan does (an interrupted move, a plan imported again). `true`
    /// when joined.
    pub fn adopt_person(
        &self,
        name: &PlanName,
        plan: &Plan,
    ) -> Result<(Profile, bool), StoreError> {
        let fresh = |person: &PlanName| Profile {
            name: person.to_string(),
            have: plan.have.clone(),
            hours_per_week: plan.hours_per_week,
            budget: plan.budget,
            time_value: plan.time_value,
            notes: None,
        };
        for candidate in crate::store::names_from(name) {
            match self.people.load(&candidate) {
                Ok(existing) if existing.have == plan.have => return Ok((existing, true)),
                Err(LoadError::Read {
                    source: files::ReadError::NotFound,
                    ..
                }) => {
                    let profile = fresh(&candidate);
                    match self.people.create(&profile) {
                        Ok(_) => return Ok((profile, false)),
                        // Made meanwhile by another upskill: look at it again.
                        Err(StoreError::PersonExists { .. }) => {
                            if let Ok(existing) = self.people.load(&candidate)
                                && existing.have == plan.have
                            {
                                return Ok((existing, true));
                            }
                        }
                        Err(error) => return Err(error),
                    }
                }
                // Someone else, or a broken or unreadable profile of that name (left alone).
                Ok(_) | Err(_) => {}
            }
        }
        Err(StoreError::PersonExists {
            name: name.to_string(),
            path: shown(self.people.folder()),
        })
    }
}

/// Makes `plan` one of `profile`'s plans: the settings it has that differ from the person's
/// stay its own, and its holdings are the person's from now on.
pub fn join(plan: &mut Plan, profile: &Profile) {
    plan.person = Some(Person {
        name: profile.name.clone(),
        overrides: Overrides {
            hours_per_week: plan.hours_per_week != profile.hours_per_week,
            budget: plan.budget != profile.budget,
            time_value: plan.time_value != profile.time_value,
        },
        own_have: None,
        base: Some(profile.clone()),
    });
    plan.have = profile.have.clone();
}

impl PlanStore {
    /// Gives plan `name` to person `person` (made when missing): what the plan's person
    /// held is added to what `person` holds, so nothing is lost, and the plan's settings
    /// that differ from theirs stay its own. The plan's former person is left as they are.
    /// Returns `person` as their profile is now.
    pub fn move_to_person(
        &self,
        name: &PlanName,
        person: &PlanName,
        today: Date,
    ) -> Result<Profile, StoreError> {
        let lock = self.lock(name)?;
        let moved = self.move_locked(name, person, today);
        lock.remove_file();
        moved
    }

    fn move_locked(
        &self,
        name: &PlanName,
        person: &PlanName,
        today: Date,
    ) -> Result<Profile, StoreError> {
        let mut plan = self.load(name, today)?.plan;
        let theirs = match self.people.load(person) {
            Ok(profile) => Some(profile),
            Err(LoadError::Read {
                source: files::ReadError::NotFound,
                ..
            }) => None,
            Err(error) => return Err(error.into()),
        };
        let nobody = Profile::new(person.as_str());
        let mut ours = theirs
            .clone()
            .unwrap_or_else(|| Profile::new(person.as_str()));
        let held = Profile {
            have: plan.have.clone(),
            ..Profile::new(person.as_str())
        };
        ours.have = Profile::merge(&nobody, &held, &ours).have;
        let saved = self.people.save(&ours, theirs.as_ref())?;
        join(&mut plan, &saved);
        self.write(name, &plan, true)?;
        Ok(saved)
    }
}
