//! The people: one profile file a person (`<data>/people/NAME.yaml`), shared by all of their
//! plans. A profile is written the way plans are (atomically, keeping the file's
//! permissions, under a lock beside it), but held only for the moment of a write: two plans
//! of one person may be open in two upskills at once, and each save merges its changes into
//! what the file holds then (see [`Profile::merge`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{LoadError, LockError, NamedFiles, PlanLock, PlanName, StoreError, shown};
use crate::files::{self, WriteOptions};
use crate::plan::Profile;

/// A folder of profile files.
#[derive(Debug, Clone)]
pub struct PeopleStore {
    files: NamedFiles,
}

impl PeopleStore {
    /// The people under a data folder: `<data>/people/`.
    pub fn in_data_dir(data: &Path) -> PeopleStore {
        PeopleStore {
            files: NamedFiles {
                folder: data.join("people"),
            },
        }
    }

    /// The people folder.
    pub fn folder(&self) -> &Path {
        &self.files.folder
    }

    pub fn path(&self, name: &PlanName) -> PathBuf {
        self.files.path(name)
    }

    /// Whether a file (or anything else) is there under the person's name.
    pub fn exists(&self, name: &PlanName) -> bool {
        self.files.exists(name)
    }

    /// The names of the people with a profile file, sorted; hidden files are left out.
    pub fn names(&self) -> std::io::Result<Vec<String>> {
        Ok(self
            .files
            .yaml_files()?
            .into_iter()
            .map(|(stem, _)| stem)
            .collect())
    }

    /// Reads person `name`'s profile, named after its file whatever the file says.
    pub fn load(&self, name: &PlanName) -> Result<Profile, LoadError> {
        let path = self.path(name);
        let text = files::read_text(&path, crate::yaml::MAX_FILE_BYTES).map_err(|source| {
            LoadError::Read {
                path: shown(&path),
                source,
            }
        })?;
        let mut profile = crate::plan::file::parse_profile(&text).map_err(|errors| {
            LoadError::InvalidProfile {
                path: shown(&path),
                errors,
            }
        })?;
        name.as_str().clone_into(&mut profile.name);
        Ok(profile)
    }

    /// Writes a new person; never over a profile that is already there.
    pub fn create(&self, profile: &Profile) -> Result<PathBuf, StoreError> {
        let name = PlanName::parse(&profile.name)?;
        let lock = self.lock(&name)?;
        let written = self.write(&name, profile, false);
        lock.remove_file();
        written
    }

    /// Saves `ours`, the person as a plan has them: `base` is the profile as that plan last
    /// read or wrote it. When the file changed meanwhile (another plan of theirs saved), the
    /// changes are merged, each side keeping what it changed. Returns the profile as
    /// written, which the plan takes as its new base. A profile that is gone is made again.
    pub fn save(&self, ours: &Profile, base: Option<&Profile>) -> Result<Profile, StoreError> {
        let name = PlanName::parse(&ours.name)?;
        let lock = self.lock(&name)?;
        let theirs = match self.load(&name) {
            Ok(theirs) => Some(theirs),
            Err(LoadError::Read {
                source: files::ReadError::NotFound,
                ..
            }) => None,
            // A profile broken by hand is never written over: it says why, and the plan's
            // changes stay in the app until it is fixed.
            Err(error) => {
                lock.remove_file();
                return Err(error.into());
            }
        };
        let merged = match (base, &theirs) {
            (Some(base), Some(theirs)) if theirs != base => Profile::merge(base, ours, theirs),
            // Made by another upskill since this plan read none: both are kept, as though
            // each had started from nobody.
            (None, Some(theirs)) => Profile::merge(&Profile::new(&ours.name), ours, theirs),
            _ => ours.clone(),
        };
        let written = if theirs.as_ref() == Some(&merged) {
            Ok(self.path(&name))
        } else {
            self.write(&name, &merged, true)
        };
        lock.remove_file();
        written.map(|_| merged)
    }

    /// A name no person has: `base`, or `base-2`, `base-3`...
    pub fn free_name(&self, base: &PlanName) -> PlanName {
        super::names_from(base)
            .find(|name| !self.exists(name))
            .unwrap_or_else(|| base.clone())
    }

    /// Locks a profile for one write, waiting a moment for another upskill writing it.
    fn lock(&self, name: &PlanName) -> Result<PlanLock, LockError> {
        let mut tries = 0;
        loop {
            match PlanLock::take(&self.files.folder, name) {
                Err(LockError::Held { .. }) if tries < 40 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(25));
                }
                other => return other,
            }
        }
    }

    fn write(
        &self,
        name: &PlanName,
        profile: &Profile,
        replace: bool,
    ) -> Result<PathBuf, StoreError> {
        let path = self.path(name);
        let mut profile = profile.clone();
        name.as_str().clone_into(&mut profile.name);
        let text = crate::plan::file::profile_to_yaml(&profile)?;
        if text.len() as u64 > crate::yaml::MAX_FILE_BYTES {
            return Err(StoreError::TooBig { size: text.len() });
        }
        let options = WriteOptions {
            replace,
            ..WriteOptions::OWN
        };
        files::write(&path, text.as_bytes(), options).map_err(|source| match source {
            files::WriteError::Exists => StoreError::PersonExists {
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
}
