//! Hot reload: watches the user's catalog folder and each `--catalog` path, and signals a
//! change (debounced, so an editor's save is one change) to the event loop. Only events that
//! can change a file's content count: the app reads the catalogs when it reloads, so a
//! signal on reads would reload forever.

use std::path::PathBuf;

use crate::catalog::source::is_yaml;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_full::notify::event::{
    AccessKind, AccessMode, CreateKind, ModifyKind, RemoveKind,
};
use notify_debouncer_full::notify::{Event, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `paths` (those that exist). The receiver gets one `()` per burst of
/// events that may have changed a YAML file; `None` when nothing could be watched.
pub fn start(paths: &[PathBuf]) -> Option<(Watch, Receiver<()>)> {
    let (sender, receiver) = channel();
    let mut debouncer = new_debouncer(
        Duration::from_millis(250),
        None,
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            if events.iter().any(|event| may_change_catalogs(event)) {
                let _ = sender.send(());
            }
        },
    )
    .ok()?;
    let mut watching = false;
    for path in paths.iter().filter(|path| path.exists()) {
        let mode = if path.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        watching |= debouncer.watch(path, mode).is_ok();
    }
    watching.then_some((
        Watch {
            _debouncer: debouncer,
        },
        receiver,
    ))
}

/// Whether `event` may have changed a catalog file. A lost-events notice (the kernel's queue
/// overflowed) may hide anything, so it counts too; the reload compares contents anyway.
fn may_change_catalogs(event: &Event) -> bool {
    event.need_rescan()
        || (changes_content(event.kind) && event.paths.iter().any(|path| is_yaml(path)))
        // A folder made, removed or moved brings or takes catalogs without an event of their
        // own, whatever its name.
        || matches!(
            event.kind,
            EventKind::Create(CreateKind::Folder)
                | EventKind::Remove(RemoveKind::Folder)
                | EventKind::Modify(ModifyKind::Name(_))
        )
}

/// Creating, writing, removing and renaming change what a load would read. Opening, reading
/// and closing without writing do not, nor do permissions, owner or times (a `touch`): the
/// reload's own reads, an editor opening a file, or another upskill loading the same
/// catalogs all come as those.
fn changes_content(kind: EventKind) -> bool {
    match kind {
        // A backend that cannot tell what happened says `Any`.
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Remove(_)
        | EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Modify(modify) => !matches!(modify, ModifyKind::Metadata(_)),
        // `Other` is about the watch, not a file (a lost-events notice is caught by its flag).
        EventKind::Access(_) | EventKind::Other => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{DataChange, Flag, MetadataKind, RenameMode};

    fn on(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reading_a_catalog_is_not_a_change() {
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Any),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions)),
            EventKind::Other,
        ] {
            assert!(!may_change_catalogs(&on(kind, "/c/acme.yaml")), "{kind:?}");
        }
    }

    #[test]
    fn creating_writing_removing_and_renaming_a_catalog_are_changes() {
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Remove(RemoveKind::File),
            EventKind::Any,
        ] {
            assert!(may_change_catalogs(&on(kind, "/c/acme.yml")), "{kind:?}");
        }
    }

    #[test]
    fn only_yaml_files_count() {
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(!may_change_catalogs(&on(write, "/c/notes.txt")));
        assert!(!may_change_catalogs(&on(write, "/c/.acme.yaml.swp")));
        assert!(may_change_catalogs(&on(write, "/c/ACME.YAML")));
    }

    #[test]
    fn a_folder_made_removed_or_moved_counts_whatever_its_name() {
        assert!(may_change_catalogs(&on(
            EventKind::Create(CreateKind::Folder),
            "/c/more"
        )));
        assert!(may_change_catalogs(&on(
            EventKind::Remove(RemoveKind::Folder),
            "/c/old"
        )));
        assert!(may_change_catalogs(&on(
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            "/c/sub"
        )));
        assert!(!may_change_catalogs(&on(
            EventKind::Create(CreateKind::File),
            "/c/notes.txt"
        )));
    }

    #[test]
    fn lost_events_count_as_a_possible_change() {
        let overflow = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(may_change_catalogs(&overflow));
    }
}
