//! Where upskill keeps files: the user's catalogs and settings in the config dir, plans in
//! the data dir, both found by the `directories` crate (XDG on Linux). [`PlanStore`] is the
//! one way the app and the command line list, read, write, lock, rename and delete plans.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

mod lock;
mod name;
mod people;
mod plans;

pub use lock::{LockError, PlanLock};
pub use name::{NameError, PlanName};
pub use people::PeopleStore;
pub use plans::{Clients, Entry, Opened, PlanStore, Saved, Written, join};

use crate::files::{ReadError, WriteError};
use crate::text::sanitize_line;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "upskill")
}

/// `<config dir>/catalogs`, e.g. `~/.config/upskill/catalogs` on Linux.
pub fn user_catalog_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("catalogs"))
}

/// `<config dir>/keys.yaml`: the user's key bindings.
pub fn keys_file() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("keys.yaml"))
}

/// The upskill data dir, e.g. `~/.local/share/upskill` on Linux.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().to_path_buf())
}

/// The cache dir, e.g. `~/.cache/upskill` on Linux (`$XDG_CACHE_HOME/upskill` when set):
/// the validated catalog cache.
pub fn cache_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.cache_dir().to_path_buf())
}

/// The largest settings file read (`keys.yaml`); it needs a few hundred bytes.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads a settings file such as `keys.yaml` through the one bounded reader.
pub fn read_settings(path: &Path) -> Result<String, String> {
    crate::files::read_text(path, MAX_SETTINGS_BYTES)
        .map_err(|error| format!("cannot read {}: {error}", shown(path)))
}

/// Why a plan could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    BadName(#[from] NameError),
    #[error(
        "a saved plan named `{name}` already exists ({path}); choose another name or pass --force to replace it"
    )]
    Exists { name: String, path: String },
    #[error("a person named `{name}` already exists ({path}); choose another name")]
    PersonExists { name: String, path: String },
    #[error("no data folder for upskill could be found (is $HOME set?)")]
    NoDataDir,
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error(
        "the plan would be {} written out, more than the {} a plan file can hold; shorten its notes",
        crate::files::bytes(*size as u64),
        crate::files::bytes(crate::yaml::MAX_FILE_BYTES)
    )]
    TooBig { size: usize },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: WriteError,
    },
    #[error("cannot write the plan: {0}")]
    Format(#[from] crate::yaml::Error),
    #[error("{}", .0.paragraph())]
    Load(#[from] LoadError),
}

/// Why a plan file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    BadName(#[from] NameError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: ReadError,
    },
    /// Every problem, each at its line and column.
    #[error("{path} is not a valid plan file")]
    Invalid {
        path: String,
        errors: Vec<crate::yaml::Error>,
    },
    /// A person's profile file, with every problem at its line and column.
    #[error("{path} is not a valid profile file")]
    InvalidProfile {
        path: String,
        errors: Vec<crate::yaml::Error>,
    },
}

impl LoadError {
    /// Every line that says why, for a terminal: `FILE:LINE:COLUMN: error: MESSAGE` for each
    /// problem of an invalid file, then what it means.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { path, errors } | LoadError::InvalidProfile { path, errors } => {
                let what = match self {
                    LoadError::InvalidProfile { .. } => "profile",
                    _ => "plan",
                };
                errors
                    .iter()
                    .map(|error| {
                        format!(
                            "{path}:{}: error: {}",
                            error.position,
                            sanitize_line(&error.message)
                        )
                    })
                    .chain(std::iter::once(format!("{path}: not a valid {what} file")))
                    .collect()
            }
            other => vec![sanitize_line(&other.to_string()).into_owned()],
        }
    }

    /// The same in one paragraph, for a notice or a list row.
    pub fn paragraph(&self) -> String {
        match self {
            LoadError::Invalid { errors, path } | LoadError::InvalidProfile { errors, path } => {
                let details: Vec<String> = errors
                    .iter()
                    .map(|error| {
                        format!(
                            "{path}:{}: {}",
                            error.position,
                            sanitize_line(&error.message)
                        )
                    })
                    .collect();
                format!("{self}: {}", details.join("; "))
            }
            other => sanitize_line(&other.to_string()).into_owned(),
        }
    }
}

/// A path as a message shows it.
fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string()).into_owned()
}

/// `base`, then `base-2`, `base-3`...: the names tried for a plan or person that must not
/// take another's.
fn names_from(base: &PlanName) -> impl Iterator<Item = PlanName> + '_ {
    std::iter::once(base.to_string())
        .chain((2..10_000).map(move |n| format!("{base}-{n}")))
        .filter_map(|name| PlanName::parse(&name).ok())
}

/// A folder of YAML files named by [`PlanName`]s: the plans, or the people.
#[derive(Debug, Clone)]
struct NamedFiles {
    folder: PathBuf,
}

impl NamedFiles {
    /// The file of `name`.
    fn path(&self, name: &PlanName) -> PathBuf {
        self.folder.join(name.file_name())
    }

    /// Whether a file (or anything else) is there under `name`.
    fn exists(&self, name: &PlanName) -> bool {
        std::fs::symlink_metadata(self.path(name)).is_ok()
    }

    /// Every `*.yaml` file, by name, sorted: hidden files (saves in progress, locks) and
    /// folders are left out; anything else is listed, and its reading says what is wrong
    /// with it (a FIFO is refused there, never opened). Empty when the folder does not exist
    /// yet.
    fn yaml_files(&self) -> std::io::Result<Vec<(String, PathBuf)>> {
        let listing = match std::fs::read_dir(&self.folder) {
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
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                continue;
            }
            found.push((stem.to_owned(), entry.path()));
        }
        found.sort();
        Ok(found)
    }
}

/// Reads a plan file from anywhere (`import`, `check`): the name inside is kept as written.
/// `today` is the start date when the file gives none.
pub fn read_plan_file(
    path: &Path,
    today: jiff::civil::Date,
) -> Result<crate::plan::Plan, LoadError> {
    let text = crate::files::read_text(path, crate::yaml::MAX_FILE_BYTES).map_err(|source| {
        LoadError::Read {
            path: shown(path),
            source,
        }
    })?;
    crate::plan::file::parse(&text, today).map_err(|errors| LoadError::Invalid {
        path: shown(path),
        errors,
    })
}

/// A plan as its file's text, refused when the reader would refuse it back.
fn plan_text(plan: &crate::plan::Plan) -> Result<String, StoreError> {
    let text = crate::plan::file::to_yaml(plan)?;
    if text.len() as u64 > crate::yaml::MAX_FILE_BYTES {
        return Err(StoreError::TooBig { size: text.len() });
    }
    Ok(text)
}
