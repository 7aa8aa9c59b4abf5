//! One plan, one writer: a lock on a hidden `.NAME.lock` file beside the plan, held by the app
//! for the plan it has open and by a command for the moment it writes one. The lock file
//! holds the holder's process id, so a refusal can name it. The operating system drops the
//! lock when the process ends, however it ends.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

use super::PlanName;

/// Holds a plan for this process until dropped.
#[derive(Debug)]
pub struct PlanLock {
    name: PlanName,
    path: PathBuf,
    file: File,
}

/// Why a plan could not be locked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    /// Another upskill has it.
    #[error("`{name}` is open in another upskill{}; close it first", pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default())]
    Held { name: String, pid: Option<u32> },
    #[error("cannot lock plan `{name}`: {why}")]
    Failed { name: String, why: String },
}

impl PlanLock {
    /// Locks plan `name` in `folder` (made if missing), or says who holds it.
    pub fn take(folder: &Path, name: &PlanName) -> Result<PlanLock, LockError> {
        let path = folder.join(format!(".{name}.lock"));
        let failed = |why: String| LockError::Failed {
            name: name.to_string(),
            why,
        };
        if let Some(kind) = std::fs::metadata(folder)
            .ok()
            .filter(|meta| !meta.is_dir())
            .and_then(|meta| crate::files::special_kind(&meta).or(Some("a file")))
        {
            return Err(failed(format!(
                "the plans folder {} is {kind}, not a folder; move it away",
                folder.display()
            )));
        }
        std::fs::create_dir_all(folder)
            .map_err(|error| failed(format!("cannot create {}: {error}", folder.display())))?;
        // The file can be replaced between opening and locking it (by an upskill that removed
        // a plan): the lock counts only if the name still leads to the file locked.
        for _ in 0..8 {
            let mut file = open(&path).map_err(&failed)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(LockError::Held {
                        name: name.to_string(),
                        pid: holder(&mut file),
                    });
                }
                Err(std::fs::TryLockError::Error(error)) => return Err(failed(error.to_string())),
            }
            if same_file(&file, &path) {
                // Who holds it, for the message another upskill shows.
                let _ = file.set_len(0);
                let _ = writeln!(file, "{}", std::process::id());
                return Ok(PlanLock {
                    name: name.clone(),
                    path,
                    file,
                });
            }
        }
        Err(failed(
            "its lock file keeps being replaced by another program".to_owned(),
        ))
    }

    pub fn name(&self) -> &PlanName {
        &self.name
    }

    /// Checks that this lock still holds the plan: when its folder was removed (and perhaps
    /// made again by a save), the lock file it holds is gone, and another upskill could lock
    /// the plan anew. Then the lock is taken again, or the error says who took it.
    pub fn ensure(&mut self) -> Result<(), LockError> {
        if same_file(&self.file, &self.path) {
            return Ok(());
        }
        let folder = self.path.parent().unwrap_or(Path::new("."));
        *self = PlanLock::take(folder, &self.name)?;
        Ok(())
    }

    /// Lets go of the lock and removes its file (the plan is gone, or a command is done
    /// with it). The file goes first, while still held: a process that opened it before
    /// finds, once it gets the lock, that the name no longer leads to it, and tries again.
    pub fn remove_file(self) {
        // Only the file this lock holds: after the folder was removed, the name may lead to
        // another upskill's lock.
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Opens a lock file: never through a symlink (which could point anywhere), never blocking
/// (a FIFO put in its place), and only a regular file.
fn open(path: &Path) -> Result<File, String> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
            .mode(0o600);
    }
    let file = options.open(path).map_err(|error| {
        #[cfg(unix)]
        if error.raw_os_error() == Some(libc::ELOOP) {
            return format!(
                "its lock file {} is a symbolic link, which upskill never follows; remove it",
                path.display()
            );
        }
        format!("cannot open {}: {error}", path.display())
    })?;
    let meta = file
        .metadata()
        .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
    if let Some(kind) = crate::files::special_kind(&meta) {
        return Err(format!(
            "its lock file {} is {kind}, not a regular file; remove it",
            path.display()
        ));
    }
    Ok(file)
}

/// The process id written in a lock file by the upskill that holds it.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Whether `path` (not followed) is the file `file` has open.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> PlanName {
        PlanName::parse(text).expect("a name")
    }

    #[test]
    fn a_locked_plan_cannot_be_locked_again_until_released_and_names_the_holder() {
        let dir = tempfile::tempdir().expect("temp");
        let held = PlanLock::take(dir.path(), &name("alex")).expect("the first lock");
        let refused = PlanLock::take(dir.path(), &name("alex")).expect_err("held");
        assert_eq!(
            refused.to_string(),
            format!(
                "`alex` is open in another upskill (pid {}); close it first",
                std::process::id()
            )
        );
        assert!(
            PlanLock::take(dir.path(), &name("sam")).is_ok(),
            "other plans are free"
        );
        drop(held);
        assert!(PlanLock::take(dir.path(), &name("alex")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_symlink_is_never_followed() {
        let dir = tempfile::tempdir().expect("temp");
        let outside = dir.path().join("outside");
        let plans = dir.path().join("plans");
        std::fs::create_dir_all(&plans).expect("dir");
        std::os::unix::fs::symlink(&outside, plans.join(".alex.lock")).expect("link");
        let refused = PlanLock::take(&plans, &name("alex")).expect_err("a symlink");
        assert!(
            refused.to_string().contains("is a symbolic link"),
            "{refused}"
        );
        assert!(!outside.exists(), "nothing is created at the link's target");
    }

    #[test]
    fn a_lock_whose_folder_was_removed_is_taken_again() {
        let dir = tempfile::tempdir().expect("temp");
        let plans = dir.path().join("plans");
        let mut held = PlanLock::take(&plans, &name("alex")).expect("locked");
        std::fs::remove_dir_all(&plans).expect("removed");
        // Another upskill could now lock the plan anew; this one takes it back first.
        held.ensure().expect("taken again");
        assert!(PlanLock::take(&plans, &name("alex")).is_err());

        std::fs::remove_dir_all(&plans).expect("removed");
        let other = PlanLock::take(&plans, &name("alex")).expect("another took it");
        assert!(matches!(held.ensure(), Err(LockError::Held { .. })));
        drop(other);
    }
}
