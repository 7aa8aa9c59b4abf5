//! Where upskill keeps files: the user's catalogs and settings in the config dir, plans in
//! the data dir, both found by the `directories` crate (XDG on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "upskill")
}

/// `<config dir>/catalogs`, e.g. `~/.config/upskill/catalogs` on Linux.
pub fn user_catalog_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("catalogs"))
}

/// `<data dir>/plans`, e.g. `~/.local/share/upskill/plans` on Linux.
pub fn plans_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join("plans"))
}
