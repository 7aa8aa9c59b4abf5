//! Where upskill keeps files: the user's catalogs and settings in the config dir, plans in
//! the data dir, both found by the `directories` crate (XDG on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

mod library;
pub use library::{PlanLock, PlanStore, Saved};

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

/// `<data dir>/plans`, e.g. `~/.local/share/upskill/plans` on Linux.
pub fn plans_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join("plans"))
}

/// The longest plan name, in characters.
pub const MAX_PLAN_NAME: usize = 64;

/// Why a plan could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("`{name}` is not a plan name: {why}")]
    BadName { name: String, why: &'static str },
    #[error(
        "a saved plan named `{name}` already exists ({path}); choose another name or pass --force to replace it"
    )]
    Exists { name: String, path: String },
    #[error("no data folder for upskill could be found (is $HOME set?)")]
    NoDataDir,
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write the plan: {0}")]
    Format(#[from] crate::yaml::Error),
}

/// A plan name must be a plain file name that stays inside the plans folder.
pub fn check_plan_name(name: &str) -> Result<(), StoreError> {
    let why = if name.trim().is_empty() {
        Some("it is empty")
    } else if name.chars().count() > MAX_PLAN_NAME {
        Some("it is longer than 64 characters")
    } else if name.contains(['/', '\\']) {
        Some("it contains a path separator")
    } else if name.contains("..") {
        Some("it contains `..`")
    } else if name.starts_with('.') {
        Some("it starts with a dot")
    } else if name.chars().any(char::is_control) {
        Some("it contains a control character")
    } else if name.contains(':') {
        Some("it contains `:`")
    } else {
        None
    };
    match why {
        Some(why) => Err(StoreError::BadName {
            name: crate::text::sanitize_line(name).into_owned(),
            why,
        }),
        None => Ok(()),
    }
}

/// `<plans dir>/<name>.yaml`, after checking the name.
pub fn plan_path(name: &str) -> Result<PathBuf, StoreError> {
    check_plan_name(name)?;
    plans_dir()
        .map(|dir| dir.join(format!("{name}.yaml")))
        .ok_or(StoreError::NoDataDir)
}

/// Saves a plan under its name, atomically: the file is written to a temporary file in the
/// same folder, flushed to disk, then put in place in one step, so a crash leaves either
/// the old file or the new one whole. Without `replace`, an existing plan is never touched.
pub fn save_plan(plan: &crate::plan::Plan, replace: bool) -> Result<PathBuf, StoreError> {
    let path = plan_path(&plan.name)?;
    let text = crate::plan::file::to_yaml(plan)?;
    write_atomically(&path, text.as_bytes(), replace)
        .map_err(|error| write_error(error, &plan.name, &path))?;
    Ok(path)
}

fn write_error(error: WriteError, name: &str, path: &std::path::Path) -> StoreError {
    match error {
        WriteError::Exists => StoreError::Exists {
            name: name.to_owned(),
            path: path.display().to_string(),
        },
        WriteError::Io(source) => StoreError::Io {
            path: path.display().to_string(),
            source,
        },
    }
}

/// A file in the plans folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPlan {
    /// The file name without `.yaml`.
    pub name: String,
    pub path: PathBuf,
}

/// The saved plans: every `*.yaml` file in the plans folder, by name. None when the folder
/// does not exist yet.
pub fn saved_plans() -> Result<Vec<SavedPlan>, StoreError> {
    let dir = plans_dir().ok_or(StoreError::NoDataDir)?;
    plans_in(&dir).map_err(|source| StoreError::Io {
        path: dir.display().to_string(),
        source,
    })
}

fn plans_in(dir: &std::path::Path) -> std::io::Result<Vec<SavedPlan>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".yaml"));
        // Hidden files are the temporary files of saves in progress.
        if let Some(name) = name.filter(|n| !n.starts_with('.') && !n.is_empty())
            && path.is_file()
        {
            found.push(SavedPlan {
                name: name.to_owned(),
                path: path.clone(),
            });
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// Writes a file (an export) atomically, replacing what is there: a crash leaves the old
/// file or the new one, never half of one.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomically(path, bytes, true).map_err(|error| StoreError::Io {
        path: path.display().to_string(),
        source: match error {
            WriteError::Io(source) => source,
            WriteError::Exists => std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        },
    })
}

enum WriteError {
    Exists,
    Io(std::io::Error),
}

fn write_atomically(path: &std::path::Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    use std::io::Write as _;
    let dir = path
        .parent()
        .ok_or_else(|| WriteError::Io(std::io::Error::other("the path has no folder")))?;
    std::fs::create_dir_all(dir).map_err(WriteError::Io)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let open = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
        };
        // A temporary file by this name was left by a process that was killed mid-save and
        // had this process's id: no live process can own it, so it goes.
        let mut file = match open() {
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&temp)?;
                open()?
            }
            other => other?,
        };
        file.write_all(bytes)?;
        file.sync_all()
    };
    let placed = write().map_err(WriteError::Io).and_then(|()| {
        if replace {
            std::fs::rename(&temp, path).map_err(WriteError::Io)
        } else {
            // A hard link fails when the name exists, so no other plan is ever clobbered.
            match std::fs::hard_link(&temp, path) {
                Ok(()) => Ok(()),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(WriteError::Exists)
                }
                Err(error) => Err(WriteError::Io(error)),
            }
        }
    });
    let _ = std::fs::remove_file(&temp);
    placed?;
    // The rename or link itself is durable only once the folder is flushed.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Reads a plan file as text, refusing files too big to be plans.
pub fn read_plan_text(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let mut text = String::new();
    file.take(crate::yaml::MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > crate::yaml::MAX_FILE_BYTES {
        return Err(std::io::Error::other("the file is too big to be a plan"));
    }
    Ok(text)
}

/// Why a plan file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// Every problem, each at its line and column.
    #[error("{path} is not a valid plan file")]
    Invalid {
        path: String,
        errors: Vec<crate::yaml::Error>,
    },
}

/// Reads a plan file; `today` is the start date when the file gives none.
pub fn load_plan(
    path: &std::path::Path,
    today: jiff::civil::Date,
) -> Result<crate::plan::Plan, LoadError> {
    let shown = || crate::text::sanitize_line(&path.display().to_string()).into_owned();
    let text = read_plan_text(path).map_err(|source| LoadError::Io {
        path: shown(),
        source,
    })?;
    crate::plan::file::parse(&text, today).map_err(|errors| LoadError::Invalid {
        path: shown(),
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_names_that_could_escape_the_plans_folder_are_refused() {
        for name in [
            "",
            "../x",
            "a/b",
            "a\\b",
            "..",
            ".hidden",
            "tab\there",
            &"x".repeat(65),
        ] {
            assert!(check_plan_name(name).is_err(), "{name:?}");
        }
        for name in ["alex", "Alex Smith 2027", "client-42_b", "zoë"] {
            assert!(check_plan_name(name).is_ok(), "{name:?}");
        }
    }

    #[test]
    fn saving_never_replaces_another_plan_unless_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("alex.yaml");
        assert!(write_atomically(&path, b"one", false).is_ok());
        assert!(matches!(
            write_atomically(&path, b"two", false),
            Err(WriteError::Exists)
        ));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "one");
        assert!(write_atomically(&path, b"three", true).is_ok());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "three");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn saved_plans_are_the_yaml_files_by_name_without_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in [
            "sam.yaml",
            "alex.yaml",
            ".alex.yaml.7.tmp",
            "notes.txt",
            ".yaml",
        ] {
            std::fs::write(dir.path().join(file), "").expect("write");
        }
        std::fs::create_dir(dir.path().join("folder.yaml")).expect("mkdir");
        let names: Vec<String> = plans_in(dir.path())
            .expect("lists")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["alex", "sam"]);
        assert!(
            plans_in(&dir.path().join("none"))
                .expect("lists")
                .is_empty()
        );
    }

    #[test]
    fn a_temporary_file_left_by_a_killed_save_does_not_block_the_next() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("alex.yaml");
        let stale = dir
            .path()
            .join(format!(".alex.yaml.{}.tmp", std::process::id()));
        std::fs::write(&stale, "half a plan").expect("write");
        assert!(write_atomically(&path, b"whole", true).is_ok());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "whole");
        assert!(!stale.exists());
    }

    #[test]
    fn a_saved_plan_loads_back_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let start: jiff::civil::Date = "2027-01-04".parse().expect("date");
        let mut plan = crate::plan::Plan::new("alex", start);
        plan.steps.push(crate::plan::Step::planned("t/linux"));
        let path = dir.path().join("alex.yaml");
        let text = crate::plan::file::to_yaml(&plan).expect("writes");
        assert!(write_atomically(&path, text.as_bytes(), false).is_ok());
        assert_eq!(load_plan(&path, start).expect("loads"), plan);
    }
}
