//! Hot reload: watches the user's catalog folder and each `--catalog` path, and signals a
//! change (debounced, so an editor's save is one change) to the event loop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `paths` (those that exist). The receiver gets one `()` per burst of
/// changes to YAML files; `None` when nothing could be watched.
pub fn start(paths: &[PathBuf]) -> Option<(Watch, Receiver<()>)> {
    let (sender, receiver) = channel();
    let mut debouncer = new_debouncer(
        Duration::from_millis(250),
        None,
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let touches_yaml = events
                .iter()
                .flat_map(|event| event.paths.iter())
                .any(|path| is_yaml(path));
            if touches_yaml {
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

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}
